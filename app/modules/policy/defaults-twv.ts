import type { PolicyRule } from './rule'
import type { PolicyKind } from './schemas'
import { report, source } from './sources'

// The starting content of the TWV guidance. Written into policy_rules on start-up: missing keys
// are added, and a rule nobody has edited is updated when its revision here is higher. After an
// admin edits a rule, the database is the truth (decision 014).

/** A rule as the code ships it: the stored rule's content, with a revision instead of a change date. */
export type PolicyDefault<K extends PolicyKind = PolicyKind> = Omit<PolicyRule<K>, 'effectiveFrom' | 'effectiveTo' | 'updatedAt'> & {
  effectiveFrom?: string
  effectiveTo?: string
  /** Raised when the default's content changes, so unedited rows take the correction. */
  revision: number
}

export const REVIEWED = '2026-11-27'
export const REVIEW_BY = '2027-05-27'
/**
 * Effective-from where no source gives a legal start date: the start of the earliest evidence we
 * have, the pilot (December 2022). It says since when Werkbrug applies the rule, not when the law
 * began (decision 014); a source with a real start date overrides it.
 */
export const EVIDENCE_FROM = '2022-12-01'
const base = { reviewedOn: REVIEWED, reviewBy: REVIEW_BY, status: 'in_force' as const, revision: 2, effectiveFrom: EVIDENCE_FROM }

const condition = (d: Omit<PolicyDefault<'condition'>, 'kind' | 'reviewedOn' | 'reviewBy' | 'status' | 'revision'> & Partial<PolicyDefault<'condition'>>): PolicyDefault<'condition'> => ({ ...base, kind: 'condition', ...d })
const step = (d: Omit<PolicyDefault<'step'>, 'kind' | 'reviewedOn' | 'reviewBy' | 'status' | 'revision'>): PolicyDefault<'step'> => ({ ...base, kind: 'step', ...d })

export const twvDefaults: PolicyDefault[] = [
  condition({
    key: 'condition.adult',
    titleNl: '18 jaar of ouder',
    titleEn: '18 years or older',
    bodyNl: 'Een TWV voor een asielzoeker kan alleen voor iemand van 18 jaar of ouder.',
    bodyEn: 'A TWV for an asylum seeker is only possible for someone aged 18 or over.',
    sources: [source.uwvTwv],
    data: { appliesTo: 'everyone' },
  }),
  condition({
    key: 'condition.application_period',
    titleNl: 'Asielaanvraag minstens 6 maanden in behandeling bij de IND',
    titleEn: 'Asylum application with the IND for at least 6 months',
    bodyNl: 'De asielaanvraag moet minstens 6 maanden in behandeling zijn. Tot die datum mag de persoon nog niet werken.',
    bodyEn: 'The asylum application must have been pending for at least 6 months. Until that date the person may not work yet.',
    sources: [source.uwvTwv],
    data: { months: 6, appliesTo: 'everyone' },
  }),
  condition({
    key: 'condition.application_period_pact',
    titleNl: 'Na 3 maanden voor asielzoekers met een grote kans op een vergunning',
    titleEn: 'After 3 months for asylum seekers with a high chance of a permit',
    bodyNl:
      'Op 3 november 2025 kondigde het kabinet aan dat asielzoekers met een grote kans op een vergunning na 3 in plaats van 6 maanden mogen werken, en asielzoekers met een kleine kans (bijvoorbeeld uit een veilig land) niet. Het geldt dus niet voor iedereen: de bemiddelaar legt per persoon vast of die kans groot is. Beoogde ingang: 12 juni 2026, met het EU-Migratiepact. Of het zo is ingegaan, is niet nagegaan; tot een beheerder het in werking zet, geldt 6 maanden.',
    bodyEn:
      'On 3 November 2025 the cabinet announced that asylum seekers with a high chance of a permit may work after 3 instead of 6 months, and those with a low chance (for example from a safe country) may not. So it is not for everyone: the intermediary records per person whether that chance is high. Intended start: 12 June 2026, with the EU Migration Pact. Whether it took effect that way has not been checked; until an administrator puts it in force, 6 months applies.',
    sources: [source.rijksoverheidThreeMonths, source.tweedeKamerDec2025],
    effectiveFrom: '2026-06-12',
    status: 'announced',
    data: { months: 3, appliesTo: 'high_permit_chance' },
  }),
  condition({
    key: 'condition.w_document',
    titleNl: 'Geldig W-document',
    titleEn: 'Valid W-document',
    bodyNl: 'De asielzoeker heeft een geldig W-document (vreemdelingendocument). Is het verlopen, dan vraagt de persoon via COA/IND een nieuw aan.',
    bodyEn: 'The asylum seeker has a valid W-document (alien’s document). If it has expired, the person requests a new one via COA/IND.',
    sources: [source.uwvTwv],
    data: { appliesTo: 'everyone' },
  }),
  condition({
    key: 'condition.not_dublin',
    titleNl: 'Geen Dublinclaimant',
    titleEn: 'Not a Dublin claimant',
    bodyNl: 'Wie onder de Dublinverordening valt, mag niet werken. De COA-casemanager weet dit.',
    bodyEn: 'Someone under the Dublin Regulation may not work. The COA case manager knows this.',
    sources: [report('§2.4.6')],
    data: { appliesTo: 'everyone' },
  }),
  condition({
    key: 'condition.no_medical_ground',
    titleNl: 'Geen verblijf op medische grond',
    titleEn: 'No residence on medical grounds',
    bodyNl: 'Wie op medische grond in Nederland verblijft, mag op basis van die verblijfsstatus niet werken.',
    bodyEn: 'Someone staying in the Netherlands on medical grounds may not work on the basis of that status.',
    sources: [report('§2.4.6')],
    data: { appliesTo: 'everyone' },
  }),
  step({
    key: 'step.eligibility',
    titleNl: 'Mag deze persoon werken?',
    titleEn: 'May this person work?',
    bodyNl: 'De bemiddelaar controleert met de COA-casemanager de voorwaarden hieronder. Voorbereiden: datum asielaanvraag en geldigheid W-document. Mis kan gaan: een Dublinprocedure of medische grond komt pas laat aan het licht.',
    bodyEn: 'The intermediary checks the conditions below with the COA case manager. Prepare: date of the asylum application and validity of the W-document. What can go wrong: a Dublin procedure or medical ground surfaces late.',
    sources: [source.uwvTwv, report('§2.4.6')],
    data: { paths: ['asylum_seeker'], owner: 'intermediary', order: 1 },
  }),
  step({
    key: 'step.draft_contract',
    titleNl: 'Conceptarbeidsovereenkomst opstellen',
    titleEn: 'Prepare the draft employment contract',
    bodyNl: 'De werkgever stelt het contract op en ondertekent het als werkgever. Voor een TWV moet het loon marktconform zijn (cao of loonschaal): het wettelijk minimumloon alleen is niet genoeg. Mis kan gaan: een loon onder de cao of een ontbrekende handtekening leidt tot afwijzing.',
    bodyEn: 'The employer drafts the contract and signs it as employer. For a TWV the wage must be in line with the market (collective agreement or pay scale): the statutory minimum wage alone is not enough. What can go wrong: a wage below the collective agreement or a missing signature leads to refusal.',
    sources: [source.uwvTwv],
    data: { paths: ['asylum_seeker', 'status_holder'], owner: 'employer', order: 2 },
  }),
  step({
    key: 'step.twv_application',
    titleNl: 'TWV aanvragen bij UWV',
    titleEn: 'Apply for the TWV at UWV',
    bodyNl: 'De werkgever vraagt de tewerkstellingsvergunning aan via het digitale loket van UWV en stuurt het door de werkgever getekende conceptcontract mee. UWV controleert zelf bij IND en COA. Mis kan gaan: volgens een krantenbericht (december 2024) werd ongeveer een kwart tot 30% van de aanvragen afgewezen, ingetrokken of overbodig (bijvoorbeeld omdat de persoon intussen statushouder was).',
    bodyEn: 'The employer applies for the work permit at UWV’s digital counter and sends the draft contract signed by the employer. UWV checks with IND and COA itself. What can go wrong: according to a news report (December 2024) about a quarter to 30% of applications were refused, withdrawn or no longer needed (for example because the person had become a status holder).',
    sources: [source.uwvTwv, source.rdRefusals],
    data: { paths: ['asylum_seeker'], owner: 'employer', order: 3 },
  }),
  step({
    key: 'step.twv_decision',
    titleNl: 'UWV beslist over de TWV',
    titleEn: 'UWV decides on the TWV',
    bodyNl: 'UWV beslist. Voor werkvergunningen wordt een wettelijke beslistermijn van vijf weken genoemd; Werkbrug herinnert u als die voorbij is. Sinds 29 november 2023 kan een TWV gelden voor de hele geldigheid van het W-document. In de pilot kwamen 16 van de 19 TWV’s waarvan de duur bekend is binnen een maand.',
    bodyEn: 'UWV decides. A statutory decision term of five weeks is cited for work permits; Werkbrug reminds you when it has passed. Since 29 November 2023 a TWV can run for the full validity of the W-document. In the pilot 16 of the 19 TWVs whose duration is known arrived within a month.',
    sources: [source.uwvTwv, source.decisionTerm, report('§2.4.5, tabel 2.2')],
    data: { paths: ['asylum_seeker'], owner: 'uwv', order: 4, leadTime: 'lead.twv', after: 'step.twv_application', decisionTermDays: 35 },
  }),
  step({
    key: 'step.bsn_registration',
    titleNl: 'BSN via inschrijving in de BRP',
    titleEn: 'BSN through registration in the BRP',
    bodyNl:
      'Zonder BSN kan de persoon niet op de loonlijst. Een asielzoeker wordt normaal na 6 maanden in de BRP ingeschreven, eerder als de identiteit vaststaat, het verblijf rechtmatig is en naar verwachting langer dan 4 maanden duurt. Dublinclaimanten, mensen uit een veilig land en mensen van wie de identiteit niet vaststaat, vallen erbuiten. COA werkt met een wachtlijst. De versnelde inschrijving met een TWV uit de tijd van de pilot was zelf een pilot, die liep tot en met 31 december 2023: reken er niet op.',
    bodyEn:
      'Without a BSN the person cannot go on the payroll. An asylum seeker is normally registered in the BRP after 6 months, earlier when their identity is established, the stay is lawful and expected to last more than 4 months. Dublin claimants, people from a safe country and people whose identity is not established are excluded. COA keeps a waiting list. The accelerated registration with a TWV at the time of the pilot was itself a pilot that ran until 31 December 2023: do not count on it.',
    sources: [source.coaBrp, source.coaBrpPilot, report('§2.4.5, tabel 2.1')],
    data: { paths: ['asylum_seeker'], owner: 'coa', order: 5, leadTime: 'lead.bsn', after: 'step.twv_decision' },
  }),
  step({
    key: 'step.bsn_check',
    titleNl: 'BSN controleren',
    titleEn: 'Check the BSN',
    bodyNl: 'Statushouders hebben meestal een BSN; in de pilot misten twee geplaatste statushouders er een. Ontbreekt het, dan regelt COA de inschrijving in de BRP.',
    bodyEn: 'Status holders usually have a BSN; in the pilot two placed status holders lacked one. If it is missing, COA arranges the BRP registration.',
    sources: [report('§2.4.5'), source.coaBrp],
    data: { paths: ['status_holder'], owner: 'intermediary', order: 1, leadTime: 'lead.bsn' },
  }),
  step({
    key: 'step.municipality_linkage',
    titleNl: 'Koppeling aan een gemeente (kansrijke koppeling)',
    titleEn: 'Linkage to a municipality (“kansrijke koppeling”)',
    bodyNl:
      'COA koppelt een statushouder aan een gemeente, rekening houdend met profiel en regio. Een bestaand arbeidscontract is een criterium. Volgens het evaluatierapport houdt COA rekening met werk bij een contract van 24 uur of meer, en raadt het werkgevers aan minstens 24 uur per week te bieden; een openbare COA-pagina met dat urental is niet gevonden. COA beslist en garandeert niets: bevestig bij COA dat het contract meetelt.',
    bodyEn:
      'COA links a status holder to a municipality, taking profile and region into account. An existing employment contract is one of the criteria. According to the evaluation report COA takes work into account for a contract of 24 hours or more, and the report advises employers to offer at least 24 hours a week; no public COA page stating that figure was found. COA decides and guarantees nothing: confirm with COA that the contract counts.',
    sources: [report('§4.6'), source.coaHousing, source.kansrijkeKoppeling],
    data: { paths: ['status_holder'], owner: 'coa', order: 2 },
  }),
  step({
    key: 'step.inburgering',
    titleNl: 'Inburgering naast het werk afspreken',
    titleEn: 'Agree on civic integration alongside work',
    bodyNl: 'Na de verhuizing naar de gemeente begint de inburgering. Spreek met de gemeente en de werknemer af hoe lessen en werkuren samengaan. Of voltijds werk en inburgering botsen, kon de pilot nog niet vaststellen.',
    bodyEn: 'After moving to the municipality, civic integration starts. Agree with the municipality and the employee how classes and working hours fit together. Whether full-time work and integration collide, the pilot could not yet establish.',
    sources: [report('§3.2.1, §3.3 (tabel 3.8), §4.6')],
    data: { paths: ['status_holder'], owner: 'candidate', order: 3 },
  }),
  step({
    key: 'step.first_day',
    titleNl: 'Loonadministratie en eerste werkdag',
    titleEn: 'Payroll and first working day',
    bodyNl: 'De werkgever zet de werknemer op de loonlijst (BSN en opgaaf loonheffingen) en spreekt de eerste werkdag af. Met het aangeboden contract en de eerste gewerkte dag is het een plaatsing. Regel de reiskosten vanaf de opvanglocatie vooraf en spreek een vast aanspreekpunt af.',
    bodyEn: 'The employer puts the employee on the payroll (BSN and payroll tax form) and agrees the first working day. With the contract offered and the first day worked it is a placement. Settle travel costs from the reception location beforehand and agree a fixed contact person.',
    sources: [report('§1.1 (definitie plaatsing), §2.3.4, §3.2.2')],
    data: { paths: ['asylum_seeker', 'status_holder'], owner: 'employer', order: 9 },
  }),
  ...(
    [
      ['doc.w_document', 'Kopie W-document (geldig)', 'Copy of the W-document (valid)', ['asylum_seeker'], [source.uwvTwv]],
      ['doc.draft_contract', 'Conceptarbeidsovereenkomst, getekend door de werkgever', 'Draft employment contract signed by the employer', ['asylum_seeker', 'status_holder'], [source.uwvTwv]],
      ['doc.wage_proof', 'Onderbouwing marktconform loon (cao of loonschaal)', 'Evidence of a market-rate wage (collective agreement or pay scale)', ['asylum_seeker'], [source.uwvTwv]],
      ['doc.twv_decision', 'Beschikking TWV van UWV', 'TWV decision from UWV', ['asylum_seeker'], [source.uwvTwv]],
      ['doc.bsn', 'Bewijs van BSN (brief BRP-inschrijving)', 'Proof of BSN (BRP registration letter)', ['asylum_seeker', 'status_holder'], [source.coaBrp]],
      ['doc.residence_permit', 'Verblijfsdocument statushouder', 'Residence document of the status holder', ['status_holder'], [report('§2.4.5')]],
      ['doc.payroll_tax', 'Opgaaf gegevens voor de loonheffingen', 'Payroll tax details form (loonheffingen)', ['asylum_seeker', 'status_holder'], [source.payrollTaxForm]],
    ] as const
  ).map(
    ([key, titleNl, titleEn, paths, sources], i): PolicyDefault<'document'> => ({
      ...base,
      key,
      kind: 'document',
      titleNl,
      titleEn,
      bodyNl: '',
      bodyEn: '',
      sources: [...sources],
      data: { paths: [...paths], order: i + 1 },
    }),
  ),
  {
    ...base,
    key: 'lead.twv',
    kind: 'lead_time',
    titleNl: 'Doorlooptijd TWV (pilot, tabel 2.2)',
    titleEn: 'TWV lead time (pilot, table 2.2)',
    bodyNl:
      'Gemeten op 10 oktober 2023: 16 in minder dan een maand; 1 tussen een en twee maanden, toen nog niet toegekend; 2 in meer dan twee maanden, waarvan 1 nog niet toegekend. Boven de tabel staat N=20, maar de rijen tellen op tot 19. Werkbrug verdeelt elke rij gelijk over haar dagen en telt een lopende aanvraag als “minstens zo lang”, niet als afgerond.',
    bodyEn:
      'Measured on 10 October 2023: 16 in less than a month; 1 between one and two months, not yet granted then; 2 in more than two months, 1 of them not yet granted. The table says N=20, but its rows add up to 19. Werkbrug spreads each row evenly over its days and counts a pending application as “at least this long”, not as finished.',
    sources: [report('§2.4.5, tabel 2.2')],
    effectiveFrom: '2023-10-10',
    data: {
      measuredOn: '2023-10-10',
      reportedN: 20,
      bins: [
        { minDays: 0, maxDays: 30, finished: 16, pending: 0 },
        { minDays: 31, maxDays: 60, finished: 0, pending: 1 },
        { minDays: 61, maxDays: null, finished: 1, pending: 1 },
      ],
    },
  } satisfies PolicyDefault<'lead_time'>,
  {
    ...base,
    key: 'lead.bsn',
    kind: 'lead_time',
    titleNl: 'Doorlooptijd BSN (pilot, tabel 2.1)',
    titleEn: 'BSN lead time (pilot, table 2.1)',
    bodyNl:
      'Gemeten op 10 oktober 2023: 13 tussen drie weken en een maand, van wie 1 toen nog geen BSN had; 7 tussen een en twee maanden. Werkbrug verdeelt elke rij gelijk over haar dagen en telt wie nog wachtte als “minstens drie weken”.',
    bodyEn:
      'Measured on 10 October 2023: 13 between three weeks and a month, 1 of whom had no BSN yet then; 7 between one and two months. Werkbrug spreads each row evenly over its days and counts whoever was still waiting as “at least three weeks”.',
    sources: [report('§2.4.5, tabel 2.1')],
    effectiveFrom: '2023-10-10',
    data: {
      measuredOn: '2023-10-10',
      reportedN: 20,
      bins: [
        { minDays: 21, maxDays: 30, finished: 12, pending: 1 },
        { minDays: 31, maxDays: 60, finished: 7, pending: 0 },
      ],
    },
  } satisfies PolicyDefault<'lead_time'>,
]
