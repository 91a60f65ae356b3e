import type { PolicyDefault } from './defaults-twv'
import { EVIDENCE_FROM, REVIEW_BY, REVIEWED } from './defaults-twv'
import { assumption, report, source } from './sources'
import { DUTCH_PUBLIC_HOLIDAYS } from '~/lib/holidays'

// Numbers the portal computes with, kept as dated, sourced rule data like the rest.
export const parameterDefaults: PolicyDefault[] = [
  {
    key: 'minimum_wage',
    kind: 'minimum_wage',
    titleNl: 'Wettelijk minimumloon per uur',
    titleEn: 'Statutory minimum hourly wage',
    bodyNl:
      'Het minimumloon wordt elk jaar op 1 januari en 1 juli geïndexeerd. Werkbrug toetst een vacature aan de periode die op de startdatum geldt; is een indexatiedatum voorbij zonder nieuwe bedragen, dan zegt de toets welke periode hij gebruikte. Voor een TWV moet het loon bovendien marktconform zijn (cao of loonschaal). Jeugdbedragen zijn berekend uit de wettelijke percentages.',
    bodyEn:
      'The minimum wage is indexed every 1 January and 1 July. Werkbrug checks a vacancy against the period in force on its start date; when an indexation date has passed without new amounts, the check says which period it used. For a TWV the wage must also be in line with the market (collective agreement or pay scale). Youth amounts are computed from the statutory percentages.',
    sources: [source.minimumWage2026],
    effectiveFrom: '2025-07-01',
    reviewedOn: REVIEWED,
    reviewBy: REVIEW_BY,
    status: 'in_force',
    revision: 2,
    data: {
      indexedOn: ['01-01', '07-01'],
      periods: [
        { effectiveFrom: '2025-07-01', adultHourlyCents: 1440, youthHourlyCents: { 15: 432, 16: 497, 17: 569, 18: 720, 19: 864, 20: 1152 } },
        { effectiveFrom: '2026-01-01', adultHourlyCents: 1471, youthHourlyCents: { 15: 441, 16: 507, 17: 581, 18: 736, 19: 883, 20: 1177 } },
      ],
    },
  } satisfies PolicyDefault<'minimum_wage'>,
  {
    key: 'parameter.speeddate_show_up',
    kind: 'parameter',
    titleNl: 'Opkomst bij een speeddate (pilot)',
    titleEn: 'Speeddate turnout (pilot)',
    bodyNl: 'Bij één speeddate in de pilot waren negen mensen aangekondigd en kwamen er vier. Het is één gebeurtenis, geen gemiddelde: Werkbrug gebruikt het alleen tot er eigen opkomstcijfers zijn.',
    bodyEn: 'At one speeddate in the pilot nine people were announced and four came. It is a single event, not an average: Werkbrug only uses it until there are own turnout figures.',
    sources: [report('§3.2.3 (keuze voor medewerkers)')],
    effectiveFrom: EVIDENCE_FROM,
    reviewedOn: REVIEWED,
    reviewBy: REVIEW_BY,
    status: 'in_force',
    revision: 2,
    data: { attended: 4, announced: 9, events: 1 },
  } satisfies PolicyDefault<'parameter'>,
  {
    key: 'aftercare.check_ins',
    kind: 'aftercare',
    titleNl: 'Nazorg: contactmomenten na de eerste werkdag',
    titleEn: 'Aftercare: check-ins after the first working day',
    bodyNl:
      'De pilot had geen nazorgprogramma (de werkgever werkte in, de bemiddelaar bleef bereikbaar), en mensen vielen in de eerste weken uit. Werkbrug zet daarom na de eerste werkdag contactmomenten klaar voor de bemiddelaar: hoe gaat het, hoe groot is het risico op uitval, wat is afgesproken. De weken zijn een werkafspraak van Werkbrug, geen regel van buiten.',
    bodyEn:
      'The pilot had no aftercare programme (the employer trained people in, the intermediary stayed reachable), and people dropped out in the first weeks. So Werkbrug sets out check-ins for the intermediary after the first working day: how it goes, how great the risk of dropping out is, what was agreed. The weeks are a working arrangement of Werkbrug, not an outside rule.',
    sources: [report('§2.3.5 (nazorg)'), report('§3.2.3.2, punt 6 (voortijdige uitval)'), assumption('Werkbrug: contact in week 1, 4 en 13 na de eerste werkdag')],
    effectiveFrom: EVIDENCE_FROM,
    reviewedOn: REVIEWED,
    reviewBy: REVIEW_BY,
    status: 'in_force',
    revision: 1,
    data: { checkInWeeks: [1, 4, 13] },
  } satisfies PolicyDefault<'aftercare'>,
  {
    key: 'retention.candidates',
    kind: 'retention',
    titleNl: 'Bewaartermijn van kandidaatgegevens',
    titleEn: 'Retention of candidate data',
    bodyNl:
      'Gegevens van kandidaten zijn persoonsgegevens van een kwetsbare groep (AVG). Na deze periode zonder enige activiteit (geen wijziging aan de kandidaat of een van zijn matches) maakt Werkbrug de gegevens anoniem: naam, code en kenmerken verdwijnen; de aantallen in de rapportage blijven kloppen. De termijn is een keuze van Werkbrug; de AVG schrijft geen getal voor, wel dat gegevens niet langer worden bewaard dan nodig.',
    bodyEn:
      'Candidate data is personal data of a vulnerable group (GDPR). After this period without any activity (no change to the candidate or one of its matches) Werkbrug anonymises it: name, code and attributes are removed; the report\'s counts stay right. The period is Werkbrug\'s choice; the GDPR sets no number, only that data is not kept longer than needed.',
    sources: [report('§3.2.1.2, punt 2 (informatievoorziening en AVG)'), assumption('Werkbrug: 24 maanden zonder activiteit')],
    effectiveFrom: EVIDENCE_FROM,
    reviewedOn: REVIEWED,
    reviewBy: REVIEW_BY,
    status: 'in_force',
    revision: 1,
    data: { inactiveMonths: 24 },
  } satisfies PolicyDefault<'retention'>,
  {
    key: 'calendar.public_holidays',
    kind: 'calendar',
    titleNl: 'Officiële feestdagen',
    titleEn: 'Public holidays',
    bodyNl:
      'De algemeen erkende feestdagen: Nieuwjaarsdag, Tweede paasdag, Koningsdag (26 april als 27 april op een zondag valt), Bevrijdingsdag, Hemelvaartsdag, Tweede pinksterdag en beide kerstdagen. Een speeddate of startdatum op zo’n dag of in het weekend krijgt een opmerking; verboden is het niet. Of Bevrijdingsdag een vrije dag is, hangt af van de cao.',
    bodyEn:
      'The generally recognised public holidays: New Year’s Day, Easter Monday, King’s Day (26 April when 27 April is a Sunday), Liberation Day, Ascension Day, Whit Monday and both Christmas days. A speeddate or start date on such a day or in the weekend gets a note; it is not forbidden. Whether Liberation Day is a day off depends on the collective agreement.',
    sources: [source.termijnenwet, assumption('Werkbrug: een opmerking, geen verbod')],
    effectiveFrom: EVIDENCE_FROM,
    reviewedOn: REVIEWED,
    reviewBy: REVIEW_BY,
    status: 'in_force',
    revision: 1,
    data: { holidays: DUTCH_PUBLIC_HOLIDAYS.map((h) => ({ ...h })) },
  } satisfies PolicyDefault<'calendar'>,
]
