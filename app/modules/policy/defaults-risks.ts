import type { PolicyDefault } from './defaults-twv'
import { EVIDENCE_FROM, REVIEW_BY, REVIEWED } from './defaults-twv'
import type { RiskCode } from './risk-codes'
import type { PolicyData, PolicySource } from './schemas'
import { assumption, report, source } from './sources'

// Risk rules: what the pilot and public sources say, as data. The body explains the rule; the
// fact sentence says what it means for this vacancy; the mitigation says what to do.

type RiskText = { titleNl: string; titleEn: string; bodyNl: string; bodyEn: string; factNl?: string; factEn?: string; mitigationNl: string; mitigationEn: string }

const risk = (
  code: RiskCode,
  severity: PolicyData['risk']['severity'],
  text: RiskText,
  sources: PolicySource[],
  extra: { data?: Partial<PolicyData['risk']>; status?: PolicyDefault['status']; effectiveFrom?: string; effectiveTo?: string } = {},
): PolicyDefault<'risk'> => ({
  key: `risk.${code}`,
  kind: 'risk',
  titleNl: text.titleNl,
  titleEn: text.titleEn,
  bodyNl: text.bodyNl,
  bodyEn: text.bodyEn,
  sources,
  reviewedOn: REVIEWED,
  reviewBy: REVIEW_BY,
  status: extra.status ?? 'in_force',
  effectiveFrom: extra.effectiveFrom ?? EVIDENCE_FROM,
  effectiveTo: extra.effectiveTo,
  revision: 2,
  data: { severity, mitigationNl: text.mitigationNl, mitigationEn: text.mitigationEn, factNl: text.factNl ?? '', factEn: text.factEn ?? '', ...extra.data },
})

export const riskDefaults: PolicyDefault[] = [
  risk('twv-required', 'medium', {
    titleNl: 'Voor asielzoekers is een TWV nodig',
    titleEn: 'Asylum seekers need a work permit (TWV)',
    bodyNl: 'U vraagt de tewerkstellingsvergunning zelf aan bij UWV, met een getekend conceptcontract en een marktconform loon. In de pilot kwamen de meeste binnen een maand; een paar duurden meer dan twee maanden.',
    bodyEn: 'You apply for the work permit at UWV yourself, with a signed draft contract and a market-rate wage. In the pilot most arrived within a month; a few took more than two months.',
    factNl: 'Reken met ongeveer {twvMedianDays} dagen (de helft van de TWV’s in de pilot was er binnen die tijd).',
    factEn: 'Expect about {twvMedianDays} days (half of the pilot’s TWVs had arrived by then).',
    mitigationNl: 'Vraag de TWV aan zodra er een match is. Volg de stappen in Werkbrug.',
    mitigationEn: 'Apply for the TWV as soon as there is a match. Follow the steps in Werkbrug.',
  }, [source.uwvTwv, report('§2.4.5, tabel 2.2')]),
  risk('bsn-wait', 'medium', {
    titleNl: 'Wachten op een BSN',
    titleEn: 'Waiting for a BSN',
    bodyNl: 'Zonder BSN geen loonbetaling. In de pilot kreeg 12 van de 20 het BSN binnen drie weken tot een maand, 7 binnen twee maanden en wachtte 1 nog; kandidaten verloren in die tijd motivatie. De versnelde inschrijving met een TWV was een COA-pilot die eind 2023 stopte.',
    bodyEn: 'No BSN, no payroll. In the pilot 12 of 20 received the BSN within three weeks to a month, 7 within two months and 1 was still waiting; candidates lost motivation meanwhile. The accelerated registration with a TWV was a COA pilot that ended in 2023.',
    mitigationNl: 'Vraag de bemiddelaar om bij COA na te gaan wanneer de kandidaat kan worden ingeschreven, en houd contact met de kandidaat in de wachttijd.',
    mitigationEn: 'Ask the intermediary to check with COA when the candidate can be registered, and keep in touch with the candidate while waiting.',
  }, [report('§2.4.5, tabel 2.1'), source.coaBrp, source.coaBrpPilot]),
  risk('azc-relocation', 'medium', {
    titleNl: 'Verhuizing naar een ander azc',
    titleEn: 'Relocation to another reception centre',
    bodyNl: 'Asielzoekers kunnen in het kader van hun procedure naar een ander azc moeten verhuizen. In de pilot raakte iemand zo zijn baan kwijt (verhuizing naar Gilze), en zag een grote dienstverlener om die onzekerheid af van deelname.',
    bodyEn: 'Asylum seekers may have to move to another reception centre as part of their procedure. In the pilot someone lost his job this way (a move to Gilze), and a large services firm decided not to take part because of that uncertainty.',
    mitigationNl: 'Vraag de bemiddelaar om met COA af te stemmen of werk kan meewegen bij een overplaatsing, en spreek af wat u doet bij een verhuizing (reiskosten, andere vestiging).',
    mitigationEn: 'Ask the intermediary to check with COA whether work can be taken into account in a transfer, and agree what you do if someone moves (travel costs, another site).',
  }, [report('§3.2.1 (context opvang: verhuizingen), §3.2.3')]),
  risk('municipal-linkage-24h', 'high', {
    titleNl: 'Minder dan 24 uur per week: het werk telt mogelijk niet mee bij de koppeling aan een gemeente',
    titleEn: 'Under 24 hours a week: the job may not count when COA links the person to a municipality',
    bodyNl:
      'Een statushouder wordt door COA aan een gemeente gekoppeld, soms ver van uw bedrijf; dan is het werk moeilijk te houden. Bij de “kansrijke koppeling” is een bestaand arbeidscontract een criterium. Volgens het evaluatierapport houdt COA rekening met werk bij een contract van 24 uur of meer, en raadt het werkgevers aan minstens 24 uur per week te bieden. Geen werkgever in de pilot kende dit beleid. Een openbare COA-pagina met het urental is niet gevonden, en COA beslist zelf en garandeert de koppeling niet.',
    bodyEn:
      'COA links a status holder to a municipality, sometimes far from your business; the job is then hard to keep. In the “kansrijke koppeling” an existing employment contract is one of the criteria. According to the evaluation report COA takes work into account for a contract of 24 hours or more, and the report advises employers to offer at least 24 hours a week. No employer in the pilot knew this policy. No public COA page stating the hour figure was found, and COA decides itself and does not guarantee the linkage.',
    factNl: 'Deze vacature biedt minimaal {hoursMin} uur per week, minder dan {threshold}.',
    factEn: 'This vacancy offers at least {hoursMin} hours a week, fewer than {threshold}.',
    mitigationNl: 'Bied minstens 24 uur per week en laat de bemiddelaar bij COA bevestigen dat het contract meetelt.',
    mitigationEn: 'Offer at least 24 hours a week and have the intermediary confirm with COA that the contract counts.',
  }, [report('§4.6'), source.coaHousing, source.kansrijkeKoppeling], { data: { hoursThreshold: 24 } }),
  risk('24-week-rule', 'info', {
    titleNl: 'De 24-wekeneis is vervallen',
    titleEn: 'The 24-week rule no longer applies',
    bodyNl: 'Asielzoekers mochten tot 29 november 2023 maximaal 24 weken per jaar werken. De Raad van State oordeelde die dag dat deze eis in strijd is met EU-recht en niet bindend is; UWV geeft sindsdien langere vergunningen. Op 3 november 2025 kondigde het kabinet aan de eis ook uit de regels te schrappen.',
    bodyEn: 'Until 29 November 2023 asylum seekers could work at most 24 weeks a year. That day the Council of State ruled the requirement breaches EU law and is not binding; UWV issues longer permits since. On 3 November 2025 the cabinet announced it would also remove the rule from the regulations.',
    mitigationNl: 'Geen actie nodig: u hoeft de start niet meer uit te stellen om weken te sparen.',
    mitigationEn: 'No action needed: you no longer need to delay the start to save weeks.',
  }, [source.raadVanState24Weeks, source.rijksoverheidThreeMonths, report('voetnoot 12 bij §2.4.5')], { effectiveTo: '2023-11-29', status: 'struck_down' }),
  risk('travel-cost-gap', 'high', {
    titleNl: 'Reiskosten niet (tijdig) gedekt',
    titleEn: 'Travel costs not (timely) covered',
    bodyNl:
      'In de pilot was € 6 per dag te weinig; bij een werkgever konden mensen hun reiskosten pas een week na de reis declareren, wat tot geldproblemen leidde, en stopten ongeveer vier mensen om de reiskosten. Openbaar vervoer mag onbelast tegen de werkelijke kosten worden vergoed; voor eigen vervoer is € 0,23 per km het onbelaste maximum, geen kostenraming.',
    bodyEn:
      'In the pilot € 6 a day was too little; at one employer people could only claim travel costs a week after travelling, which caused money trouble, and about four people stopped over travel costs. Public transport may be reimbursed tax-free at its actual cost; for own transport € 0.23 per km is the tax-free maximum, not a cost estimate.',
    factNl: 'Reiskosten per dag: {estimatedCents} ({estimateBasis}); gedekt: {coveredCents}; betaald: {paidDaysAfter}.',
    factEn: 'Travel cost per day: {estimatedCents} ({estimateBasis}); covered: {coveredCents}; paid: {paidDaysAfter}.',
    mitigationNl: 'Vergoed de werkelijke ov-kosten, betaal vooraf of met elk weekloon (niet een week na de reis), of regel vervoer (busje, shuttle).',
    mitigationEn: 'Reimburse the actual public-transport cost, pay in advance or with each weekly pay (not a week after travelling), or arrange transport (van, shuttle).',
  }, [report('§3.2.2 (reiskosten), §2.3.4'), source.travelAllowance], { data: { ratePerKmCents: 23, lateFromDays: 7 } }),
  risk('no-job-coach', 'medium', {
    titleNl: 'Hoge eis aan Nederlands, zonder afspraak over taalsteun of begeleiding',
    titleEn: 'High Dutch requirement, with nothing agreed on language support or coaching',
    bodyNl:
      'Van de 60 matches in de pilot spraken er 35 geen Nederlands (en 40 goed Engels). Werkgevers gaven aan dat niet was afgesproken wie zorgt voor taalonderwijs of jobcoaching; de pilot had geen nazorgprogramma. Vanaf de zomer van 2023 had de gemeente een jobcoach bij de pilot.',
    bodyEn:
      'Of the pilot’s 60 matches, 35 spoke no Dutch (and 40 good English). Employers said nobody had agreed who provides language teaching or job coaching; the pilot had no aftercare programme. From summer 2023 the municipality had a job coach in the pilot.',
    factNl: 'Deze vacature vraagt Nederlands op niveau “{dutchLevel}”.',
    factEn: 'This vacancy asks for Dutch at the level “{dutchLevel}”.',
    mitigationNl: 'Spreek af wie taalsteun op de werkvloer of een jobcoach regelt (gemeente, bemiddelaar of eigen begeleider), of vraag Engels in plaats van Nederlands.',
    mitigationEn: 'Agree who arranges language support on the job or a job coach (municipality, intermediary or your own supervisor), or ask for English instead of Dutch.',
  }, [report('§3.1.5, tabel 3.5 en 3.6'), report('§3.2.3 (aanvullende voorzieningen)'), report('§2.3.5')], { data: { dutchLevels: ['good', 'reasonable'] } }),
  risk('inburgering-overlap', 'info', {
    titleNl: 'Voltijds werk en inburgering: nog onbekend of ze botsen',
    titleEn: 'Full-time work and civic integration: not yet known whether they collide',
    bodyNl: 'Statushouders beginnen na hun verhuizing aan de inburgering. De pilot verwachtte dat voltijds werk daarmee kon botsen, maar had er te weinig gegevens over om het te bevestigen (tabel 3.8: “niet genoeg data”).',
    bodyEn: 'Status holders start civic integration after moving. The pilot expected full-time work might collide with it, but had too little data to confirm this (table 3.8: “not enough data”).',
    factNl: 'Deze vacature vraagt tot {hoursMax} uur per week.',
    factEn: 'This vacancy asks up to {hoursMax} hours a week.',
    mitigationNl: 'Spreek met de gemeente en de werknemer af welke uren vrij blijven voor inburgering.',
    mitigationEn: 'Agree with the municipality and the employee which hours stay free for integration classes.',
  }, [report('§3.3, tabel 3.8 (hypothese 5)'), report('§4.6'), assumption('Werkbrug: “voltijds” = 36 uur per week of meer (een werkaanname, geen regel)')], { data: { fullTimeHours: 36 } }),
  risk('trial-arrangement-mismatch', 'high', {
    titleNl: 'De proefplaatsing past niet bij de verblijfsstatus',
    titleEn: 'The trial arrangement does not fit the residence status',
    bodyNl:
      'Een UWV-proefplaatsing vraagt een UWV-uitkering en past niet bij asielzoekers in een azc; voor hen zijn een proeftijd in het contract of een stage (met plan en begeleiding) de opties. Vrijwilligerswerk is geen proefplaatsing: het vraagt een organisatie zonder winstoogmerk en een vrijwilligersverklaring van UWV, dus een commercieel bedrijf kan het niet bieden. Een proefplaatsing via de gemeente is voor statushouders in de bijstand; wie nog in een azc woont, heeft die meestal nog niet.',
    bodyEn:
      'A UWV trial placement requires a UWV benefit and does not fit asylum seekers in a reception centre; for them probation in the contract or an internship (with a plan and supervision) are the options. Volunteer work is no trial placement: it needs a non-profit organisation and a UWV volunteer declaration, so a commercial business cannot offer it. A municipal trial placement is for status holders on social assistance; someone still living in a reception centre usually does not have that yet.',
    factNl: 'U biedt een proefplaatsing, maar {problem}.',
    factEn: 'You offer a trial placement, but {problem}.',
    mitigationNl: 'Kies per status een passende vorm: proeftijd in het contract of een stage; voor een statushouder met bijstand eventueel een proefplaatsing via de gemeente.',
    mitigationEn: 'Choose a fitting form per status: probation in the contract or an internship; for a status holder on social assistance possibly a municipal trial placement.',
  }, [source.uwvTrial, source.serVolunteer, report('§3.2.3 (aanvullende voorzieningen)')], {
    data: {
      trialFits: { none: ['asylum_seeker', 'status_holder'], probation: ['asylum_seeker', 'status_holder'], internship: ['asylum_seeker', 'status_holder'], municipal_trial: ['status_holder'], uwv_proefplaatsing: [] },
    },
  }),
  risk('start-date-unrealistic', 'medium', {
    titleNl: 'De startdatum is niet haalbaar',
    titleEn: 'The start date is not realistic',
    bodyNl: 'Een asielzoeker kan pas beginnen als TWV en BSN er zijn. Werkbrug schat de eerste werkdag uit de doorlooptijden van de pilot (of uit eigen gegevens, zodra er genoeg zijn).',
    bodyEn: 'An asylum seeker can only start once the TWV and BSN are there. Werkbrug estimates the first working day from the pilot’s lead times (or from its own data, once there is enough).',
    factNl: 'De startdatum is {startDate}; de realistische eerste werkdag is rond {realisticDate}.',
    factEn: 'The start date is {startDate}; the realistic first working day is around {realisticDate}.',
    mitigationNl: 'Schuif de startdatum op of begin nu met de TWV-stappen; houd de kandidaat intussen betrokken.',
    mitigationEn: 'Move the start date or start the TWV steps now; keep the candidate involved meanwhile.',
  }, [report('§2.4.5, tabel 2.1 en 2.2')]),
  risk('residents-contribution', 'info', {
    titleNl: 'Eigen bijdrage aan COA bij inkomen',
    titleEn: 'Residents pay COA a contribution once they earn',
    bodyNl:
      'Wie in de opvang woont en inkomen heeft, betaalt COA een eigen bijdrage en moet het inkomen melden. In de pilot maakten bewoners zich zorgen over de hoogte ervan, twijfelden sommigen daardoor of ze wel moesten gaan werken, en stopte in een enkel geval iemand om die reden.',
    bodyEn:
      'Someone living in reception who has an income pays COA a contribution and must report the income. In the pilot residents worried about its size, some doubted whether to start working because of it, and in a single case someone stopped for that reason.',
    mitigationNl: 'Laat de bemiddelaar of COA de kandidaat vooraf uitleggen wat er van het loon overblijft; geef een loonstrook die dat laat zien.',
    mitigationEn: 'Have the intermediary or COA explain to the candidate beforehand what is left of the wage; give a payslip that shows it.',
  }, [source.coaContribution, report('§3.2.2 (informatie over de reba), §3.2.3 (voortijdige uitval)')]),
]
