// The starting content of the TWV guidance, written once into policy_rules (missing keys only).
// After that the database is the truth and an admin edits it; a change of law is a data change.
// Sources as read in November 2026 (shared/DOMAIN.md) and the Almere pilot report (seed lines).

export type PolicyDefault = {
  key: string
  kind: 'condition' | 'step' | 'document' | 'lead_time' | 'risk'
  titleNl: string
  titleEn: string
  bodyNl: string
  bodyEn: string
  source: string
  effectiveFrom?: string
  effectiveTo?: string
  reviewedOn: string
  status?: 'in_force' | 'announced' | 'struck_down'
  data?: Record<string, unknown>
}

const UWV_TWV = 'UWV, "Werkvergunning (TWV) aanvragen voor een asielzoeker", gelezen nov. 2026'
const PILOT = (lines: string) => `Evaluatie pilot Toeleiding naar Werk Almere (2024), regels ${lines}`
const REVIEWED = '2026-11-27'

export const policyDefaults: PolicyDefault[] = [
  {
    key: 'condition.adult',
    kind: 'condition',
    titleNl: '18 jaar of ouder',
    titleEn: '18 years or older',
    bodyNl: 'Een TWV voor een asielzoeker kan alleen voor iemand van 18 jaar of ouder.',
    bodyEn: 'A TWV for an asylum seeker is only possible for someone aged 18 or over.',
    source: UWV_TWV,
    reviewedOn: REVIEWED,
  },
  {
    key: 'condition.application_period',
    kind: 'condition',
    titleNl: 'Asielaanvraag minstens 6 maanden in behandeling bij de IND',
    titleEn: 'Asylum application with the IND for at least 6 months',
    bodyNl: 'De asielaanvraag moet minstens 6 maanden in behandeling zijn. Tot die datum mag de persoon nog niet werken.',
    bodyEn: 'The asylum application must have been pending for at least 6 months. Until that date the person may not work yet.',
    source: UWV_TWV,
    reviewedOn: REVIEWED,
    data: { months: 6 },
  },
  {
    key: 'condition.application_period_pact',
    kind: 'condition',
    titleNl: 'Na 3 maanden voor asielzoekers met een grote kans op een vergunning (aangekondigd)',
    titleEn: 'After 3 months for asylum seekers with a high chance of a permit (announced)',
    bodyNl: 'Met het EU-Migratiepact is aangekondigd dat asielzoekers met een grote kans op een vergunning na 3 in plaats van 6 maanden mogen werken, en mensen uit veilige landen niet. Dit is aangekondigd, niet bevestigd: tot een beheerder het in werking zet, geldt 6 maanden.',
    bodyEn: 'With the EU Migration Pact it was announced that asylum seekers with a high chance of a permit may work after 3 instead of 6 months, and people from safe countries may not. This is announced, not confirmed: until an administrator puts it in force, 6 months applies.',
    source: 'Aankondiging invoering EU-Migratiepact per 12 juni 2026 (nieuwsberichten, gelezen nov. 2026; niet bevestigd)',
    effectiveFrom: '2026-06-12',
    reviewedOn: REVIEWED,
    status: 'announced',
    data: { months: 3 },
  },
  {
    key: 'condition.w_document',
    kind: 'condition',
    titleNl: 'Geldig W-document',
    titleEn: 'Valid W-document',
    bodyNl: 'De asielzoeker heeft een geldig W-document (vreemdelingendocument). Is het verlopen, dan vraagt de persoon via COA/IND een nieuw aan.',
    bodyEn: 'The asylum seeker has a valid W-document (alien’s document). If it has expired, the person requests a new one via COA/IND.',
    source: UWV_TWV,
    reviewedOn: REVIEWED,
  },
  {
    key: 'condition.not_dublin',
    kind: 'condition',
    titleNl: 'Geen Dublinclaimant',
    titleEn: 'Not a Dublin claimant',
    bodyNl: 'Wie onder de Dublinverordening valt, mag niet werken zolang die procedure loopt. De COA-casemanager weet dit.',
    bodyEn: 'Someone under the Dublin Regulation may not work while that procedure runs. The COA case manager knows this.',
    source: PILOT('1105–1115'),
    reviewedOn: REVIEWED,
  },
  {
    key: 'condition.no_medical_ground',
    kind: 'condition',
    titleNl: 'Geen verblijf op medische grond',
    titleEn: 'No residence on medical grounds',
    bodyNl: 'Wie op medische grond in Nederland verblijft (artikel 64), mag in die periode niet werken.',
    bodyEn: 'Someone staying in the Netherlands on medical grounds (article 64) may not work during that period.',
    source: PILOT('1105–1115'),
    reviewedOn: REVIEWED,
  },
  {
    key: 'step.eligibility',
    kind: 'step',
    titleNl: 'Mag deze persoon werken?',
    titleEn: 'May this person work?',
    bodyNl: 'De bemiddelaar controleert met de COA-casemanager de voorwaarden hieronder. Voorbereiden: datum asielaanvraag en geldigheid W-document. Mis kan gaan: een Dublinprocedure of medische grond komt pas laat aan het licht.',
    bodyEn: 'The intermediary checks the conditions below with the COA case manager. Prepare: date of the asylum application and validity of the W-document. What can go wrong: a Dublin procedure or medical ground surfaces late.',
    source: PILOT('1100–1130'),
    reviewedOn: REVIEWED,
    data: { paths: ['asylum_seeker'], owner: 'intermediary', order: 1 },
  },
  {
    key: 'step.draft_contract',
    kind: 'step',
    titleNl: 'Conceptarbeidsovereenkomst opstellen',
    titleEn: 'Prepare the draft employment contract',
    bodyNl: 'De werkgever stelt het contract op en ondertekent het als werkgever. Het loon is marktconform (cao of loonschaal). Waar: in uw eigen administratie. Mis kan gaan: een loon onder de cao of een ontbrekende handtekening leidt tot afwijzing.',
    bodyEn: 'The employer drafts the contract and signs it as employer. The wage is at market rate (collective agreement or pay scale). Where: in your own administration. What can go wrong: a wage below the collective agreement or a missing signature leads to refusal.',
    source: UWV_TWV,
    reviewedOn: REVIEWED,
    data: { paths: ['asylum_seeker', 'status_holder'], owner: 'employer', order: 2 },
  },
  {
    key: 'step.twv_application',
    kind: 'step',
    titleNl: 'TWV aanvragen bij UWV',
    titleEn: 'Apply for the TWV at UWV',
    bodyNl: 'De werkgever vraagt de tewerkstellingsvergunning aan via het digitale werkgeversportaal van UWV en uploadt het door de werkgever getekende conceptcontract. UWV controleert zelf bij IND en COA. Mis kan gaan: ongeveer een kwart tot een derde van de aanvragen wordt afgewezen (nieuwsbericht dec. 2024).',
    bodyEn: 'The employer applies for the work permit through UWV’s digital employer portal and uploads the draft contract signed by the employer. UWV checks with IND and COA itself. What can go wrong: roughly a quarter to a third of applications are refused (news report Dec 2024).',
    source: UWV_TWV,
    reviewedOn: REVIEWED,
    data: { paths: ['asylum_seeker'], owner: 'employer', order: 3 },
  },
  {
    key: 'step.twv_decision',
    kind: 'step',
    titleNl: 'UWV beslist over de TWV',
    titleEn: 'UWV decides on the TWV',
    bodyNl: 'UWV beslist; voor werkvergunningen geldt een wettelijke termijn van vijf weken (oudere bron). Sinds 29 november 2023 kan een TWV gelden voor de hele geldigheid van het W-document. In de pilot kwam 16 van de 19 TWV’s binnen een maand.',
    bodyEn: 'UWV decides; a statutory term of five weeks is cited for work permits (older source). Since 29 November 2023 a TWV can run for the full validity of the W-document. In the pilot 16 of 19 TWVs arrived within a month.',
    source: `${UWV_TWV}; ${PILOT('1075–1100')}`,
    reviewedOn: REVIEWED,
    data: { paths: ['asylum_seeker'], owner: 'uwv', order: 4, leadTime: 'lead.twv', after: 'step.twv_application' },
  },
  {
    key: 'step.bsn_registration',
    kind: 'step',
    titleNl: 'BSN via (versnelde) inschrijving in de BRP',
    titleEn: 'BSN through (accelerated) BRP registration',
    bodyNl: 'COA vraagt de inschrijving in de BRP aan; met een TWV kan dat versneld. Zonder BSN kan de persoon niet op de loonlijst. Mis kan gaan: een wachtlijst bij COA of een onduidelijke identiteit.',
    bodyEn: 'COA requests registration in the BRP; with a TWV this can be accelerated. Without a BSN the person cannot go on the payroll. What can go wrong: a waiting list at COA or an unclear identity.',
    source: `${PILOT('1075–1100')}; BRP-inschrijving asielzoekers (gelezen nov. 2026)`,
    reviewedOn: REVIEWED,
    data: { paths: ['asylum_seeker'], owner: 'coa', order: 5, leadTime: 'lead.bsn', after: 'step.twv_decision' },
  },
  {
    key: 'step.bsn_check',
    kind: 'step',
    titleNl: 'BSN controleren',
    titleEn: 'Check the BSN',
    bodyNl: 'Statushouders hebben meestal een BSN; in de pilot misten twee geplaatste statushouders er een. Ontbreekt het, dan regelt COA de inschrijving in de BRP.',
    bodyEn: 'Status holders usually have a BSN; in the pilot two placed status holders lacked one. If it is missing, COA arranges the BRP registration.',
    source: PILOT('1040–1130'),
    reviewedOn: REVIEWED,
    data: { paths: ['status_holder'], owner: 'intermediary', order: 1, leadTime: 'lead.bsn' },
  },
  {
    key: 'step.municipality_linkage',
    kind: 'step',
    titleNl: 'Koppeling aan een gemeente (kansrijke koppeling)',
    titleEn: 'Linkage to a municipality (“kansrijke koppeling”)',
    bodyNl: 'COA koppelt een statushouder aan een gemeente, meestal binnen twee weken na de vergunning. Een arbeidscontract telt mee als het 24 uur of meer is (volgens het rapport; een gemeentelijke bron noemt minstens 8 uur per week). Bied zo mogelijk 24 uur of meer en bevestig het bij COA; COA garandeert de koppeling niet.',
    bodyEn: 'COA links a status holder to a municipality, usually within two weeks of the permit. An employment contract counts if it is 24 hours or more (per the report; a municipal source says at least 8 hours a week). Offer 24 hours or more where you can and confirm with COA; COA does not guarantee the linkage.',
    source: `${PILOT('1430, 2160–2166, 2670–2718')}; COA, kansrijke koppeling (gelezen nov. 2026)`,
    reviewedOn: REVIEWED,
    data: { paths: ['status_holder'], owner: 'coa', order: 2 },
  },
  {
    key: 'step.inburgering',
    kind: 'step',
    titleNl: 'Inburgering naast het werk afspreken',
    titleEn: 'Agree on civic integration alongside work',
    bodyNl: 'Na de verhuizing naar de gemeente begint de inburgering. Spreek met de gemeente en de werknemer af hoe lessen en werkuren samengaan; voltijds werk kan botsen.',
    bodyEn: 'After moving to the municipality, civic integration starts. Agree with the municipality and the employee how classes and working hours fit; full-time work can collide.',
    source: PILOT('1751–1760, 2690–2712'),
    reviewedOn: REVIEWED,
    data: { paths: ['status_holder'], owner: 'candidate', order: 3 },
  },
  {
    key: 'step.first_day',
    kind: 'step',
    titleNl: 'Loonadministratie en eerste werkdag',
    titleEn: 'Payroll and first working day',
    bodyNl: 'De werkgever zet de werknemer op de loonlijst (BSN en loonheffingenverklaring) en spreekt de eerste werkdag af. Denk aan reiskosten vanaf de opvanglocatie en een vast aanspreekpunt.',
    bodyEn: 'The employer puts the employee on the payroll (BSN and payroll tax form) and agrees the first working day. Think of travel costs from the reception location and a fixed contact person.',
    source: PILOT('880–887, 1979–1995'),
    reviewedOn: REVIEWED,
    data: { paths: ['asylum_seeker', 'status_holder'], owner: 'employer', order: 9 },
  },
  ...(
    [
      ['doc.w_document', 'Kopie W-document (geldig)', 'Copy of the W-document (valid)', ['asylum_seeker'], UWV_TWV],
      ['doc.draft_contract', 'Conceptarbeidsovereenkomst, getekend door de werkgever', 'Draft employment contract signed by the employer', ['asylum_seeker', 'status_holder'], UWV_TWV],
      ['doc.wage_proof', 'Onderbouwing marktconform loon (cao of loonschaal)', 'Evidence of a market-rate wage (collective agreement or pay scale)', ['asylum_seeker'], UWV_TWV],
      ['doc.twv_decision', 'Beschikking TWV van UWV', 'TWV decision from UWV', ['asylum_seeker'], UWV_TWV],
      ['doc.bsn', 'Bewijs van BSN (brief BRP-inschrijving)', 'Proof of BSN (BRP registration letter)', ['asylum_seeker', 'status_holder'], PILOT('1075–1100')],
      ['doc.residence_permit', 'Verblijfsdocument statushouder', 'Residence document of the status holder', ['status_holder'], PILOT('1040–1130')],
      ['doc.payroll_tax', 'Opgaaf gegevens voor de loonheffingen', 'Payroll tax details form (loonheffingen)', ['asylum_seeker', 'status_holder'], 'Belastingdienst, opgaaf gegevens loonheffingen (gelezen nov. 2026)'],
    ] as const
  ).map(([key, titleNl, titleEn, paths, source], i) => ({
    key,
    kind: 'document' as const,
    titleNl,
    titleEn,
    bodyNl: '',
    bodyEn: '',
    source,
    reviewedOn: REVIEWED,
    data: { paths, order: i + 1 },
  })),
  {
    key: 'lead.twv',
    kind: 'lead_time',
    titleNl: 'Doorlooptijd TWV (pilot, tabel 2.2)',
    titleEn: 'TWV lead time (pilot, table 2.2)',
    bodyNl: 'Gemeten op 10 oktober 2023: 16 binnen een maand, 1 in 1–2 maanden, 2 na meer dan 2 maanden.',
    bodyEn: 'Measured on 10 October 2023: 16 within a month, 1 in 1–2 months, 2 after more than 2 months.',
    source: PILOT('1075–1100'),
    reviewedOn: REVIEWED,
    data: { bins: [{ minDays: 7, maxDays: 30, count: 16 }, { minDays: 31, maxDays: 60, count: 1 }, { minDays: 61, maxDays: 90, count: 2 }] },
  },
  {
    key: 'lead.bsn',
    kind: 'lead_time',
    titleNl: 'Doorlooptijd BSN (pilot, tabel 2.1)',
    titleEn: 'BSN lead time (pilot, table 2.1)',
    bodyNl: 'Gemeten op 10 oktober 2023: 13 binnen 3 weken tot een maand, 7 binnen 1–2 maanden.',
    bodyEn: 'Measured on 10 October 2023: 13 within 3 weeks to a month, 7 within 1–2 months.',
    source: PILOT('1075–1100'),
    reviewedOn: REVIEWED,
    data: { bins: [{ minDays: 21, maxDays: 30, count: 13 }, { minDays: 31, maxDays: 60, count: 7 }] },
  },
]
