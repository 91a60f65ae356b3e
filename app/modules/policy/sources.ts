import type { PolicySource } from './schemas'

// The sources the default rules cite, as checked in November 2026 (shared/SOURCES.md). An
// official page comes first; a secondary page is only a pointer and stays unverified until the
// official page is found. Nothing here carries a link or date we did not read.

const READ = '2026-11-27'

const official = (title: string, url: string): PolicySource => ({ kind: 'official', title, url, section: null, readOn: READ, verified: true })

export const source = {
  uwvTwv: official('UWV, “Werkvergunning voor een asielzoeker”', 'https://www.uwv.nl/werkgevers/werkvergunning/speciale-voorwaarden-per-categorie/detail/asielzoeker'),
  raadVanState24Weeks: official(
    'Raad van State, “24-weken-eis is onverbindend” (29 november 2023, 202303122/1/V6)',
    'https://www.raadvanstate.nl/actueel/nieuws/november/24-weken-eis-is-onverbindend/@140445/202303122-1-v6/',
  ),
  rijksoverheidThreeMonths: official(
    'Rijksoverheid, “Asielzoeker met grote kans op vergunning kan al na drie maanden werken” (3 november 2025)',
    'https://www.rijksoverheid.nl/actueel/nieuws/2025/11/03/asielzoeker-met-grote-kans-op-vergunning-kan-al-na-drie-maanden-werken',
  ),
  tweedeKamerDec2025: official(
    'Tweede Kamer, antwoorden op Kamervragen “Beleid asiel en werk op de schop” (15 december 2025)',
    'https://www.tweedekamer.nl/kamerstukken/kamervragen/detail?did=2025D52078&id=2025Z19434',
  ),
  rdRefusals: { kind: 'press', title: 'Reformatorisch Dagblad, “Aantal werkvergunningen voor asielzoekers dit jaar verviervoudigd” (december 2024)', url: 'https://www.rd.nl/artikel/1086867-aantal-werkvergunningen-voor-asielzoekers-dit-jaar-verviervoudigd', section: null, readOn: READ, verified: true } satisfies PolicySource,
  coaBrp: official('COA, “Basisregistratie personen”', 'https://coa.nl/nl/asielopvang/vertrek-uit-de-opvang/basisregistratie-personen'),
  coaBrpPilot: official(
    'COA, “Basisregistratie personen” (oudere versie: versnelde inschrijving met TWV was een pilot tot en met 31 december 2023)',
    'https://www.coa.nl/nl/basisregistratie-personen?destination_nid=1195',
  ),
  coaHousing: official('COA, “Huisvesting van statushouders”', 'https://www.coa.nl/nl/huisvesting-van-statushouders'),
  kansrijkeKoppeling: {
    kind: 'secondary',
    title: 'Onderzoekssamenvatting “Kansrijke koppeling van vergunninghouders” (criteria: een bestaand arbeidscontract is een harde plaatsingsgrond)',
    url: 'https://beleidsonderzoekers.nl/portfolio-item/kansrijke-koppeling-van-vergunninghouders/',
    section: null,
    readOn: READ,
    verified: false,
  } satisfies PolicySource,
  coaContribution: official('COA (voor bewoners), “Belangrijk!” — eigen bijdrage bij inkomen (Regeling verstrekkingen asielzoekers 2008)', 'https://www.mycoa.nl/nl/content/belangrijk'),
  serVolunteer: official('SER Werkwijzer Vluchtelingen, “Vrijwilligerswerk — wetten & regels”', 'https://www.ser.nl/nl/thema/werkwijzer-vluchtelingen/vrijwilligerswerk/wetten-regels'),
  uwvTrial: official('UWV, “Proefplaatsing”', 'https://www.uwv.nl/particulieren/voorzieningen/voorzieningen-werk/detail/voordelen-en-regelingen-voor-uw-werkgever/proefplaatsing'),
  travelAllowance: {
    kind: 'secondary',
    title: 'Ondernemersbelang, “Reiskostenvergoeding voor werknemers” (eigen vervoer onbelast tot € 0,23 per km; ov tegen werkelijke kosten) — officiële Belastingdienst-pagina niet gevonden',
    url: 'https://www.ondernemersbelang.nl/nieuws/reiskostenvergoeding-voor-werknemers-hoeveel-mag-en-moet-je-betalen-als-werkgever',
    section: null,
    readOn: READ,
    verified: false,
  } satisfies PolicySource,
  minimumWage2026: {
    kind: 'secondary',
    title: 'Verti Advies, “Minimumuurloon naar € 14,71” (per 1 januari 2026) — de Rijksoverheid-pagina met de bedragen is niet gevonden',
    url: 'https://www.vertiadvies.nl/kennisbank/minimumuurloon-naar-euro-14-71',
    section: null,
    readOn: READ,
    verified: false,
  } satisfies PolicySource,
  // The law that names the public holidays; the page was not read in this session: unverified.
  termijnenwet: { kind: 'official', title: 'Algemene termijnenwet, artikel 3 (algemeen erkende feestdagen) — niet nagelezen', url: null, section: 'art. 3', readOn: null, verified: false } satisfies PolicySource,
  payrollTaxForm: { kind: 'official', title: 'Belastingdienst, “Opgaaf gegevens voor de loonheffingen”', url: null, section: null, readOn: null, verified: false } satisfies PolicySource,
  decisionTerm: {
    kind: 'official',
    title: 'Wettelijke beslistermijn van vijf weken voor een werkvergunning (Wet arbeid vreemdelingen) — genoemd in een oudere bron, niet nagelezen',
    url: null,
    section: null,
    readOn: null,
    verified: false,
  } satisfies PolicySource,
  municipalEightHours: {
    kind: 'secondary',
    title: 'Gemeentelijke informatie die “minstens 8 uur per week met een contract” noemt — bron niet terug te vinden',
    url: null,
    section: null,
    readOn: null,
    verified: false,
  } satisfies PolicySource,
} as const

/** The pilot's evaluation report, cited by section or table. */
export function report(section: string): PolicySource {
  return { kind: 'report', title: 'Evaluatie pilot Toeleiding naar Werk Almere (2024)', url: null, section, readOn: READ, verified: true }
}

/** Werkbrug's own working assumption, shown as such. */
export function assumption(title: string): PolicySource {
  return { kind: 'assumption', title, url: null, section: null, readOn: null, verified: false }
}
