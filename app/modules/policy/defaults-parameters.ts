import type { PolicyDefault } from './defaults-twv'
import { EVIDENCE_FROM, REVIEW_BY, REVIEWED } from './defaults-twv'
import { report, source } from './sources'

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
]
