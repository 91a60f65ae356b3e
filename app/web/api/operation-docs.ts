/**
 * What an integrator reads beside each operation: its group (tag) and what it does, including
 * what the summary leaves out — who may call it, what it changes, what it refuses. Every
 * operation of the document must have an entry (tests/integration/openapi-contract.test.ts).
 */
export const apiTags = [
  { name: 'Vacancies', description: "An employer's vacancy profiles: written as drafts, submitted for review, published by the intermediary." },
  { name: 'Speeddates', description: "Free speeddate slots of the employer's intermediaries, and the employer's bookings of them." },
  { name: 'Hires and TWV', description: "A hire's path to a first working day: the TWV and BSN steps, documents and the checklist PDF." },
  { name: 'Risks and arrangements', description: 'Hiring risks of a vacancy or hire, each with its source, and the travel, coaching, language and trial arrangements that answer them.' },
  { name: 'Policy rules', description: 'Every rule Werkbrug applies, with sources, dates and status. Public: no key needed.' },
  { name: 'Reports', description: "An intermediary's own funnel, from its records." },
  { name: 'Webhooks', description: 'What Werkbrug sends to an address an employer owner registers in the portal (Settings › API keys › Webhooks): signed, retried, with an event id to deduplicate.' },
] as const

type Tag = (typeof apiTags)[number]['name']

export const operationDocs: Record<string, { tag: Tag; description: string }> = {
  listVacancies: { tag: 'Vacancies', description: "Your organisation's vacancies, newest first, in pages of `limit`; pass `nextCursor` back as `cursor` for the next page. Filters narrow the list; an unknown filter is a 400." },
  createVacancy: { tag: 'Vacancies', description: 'Creates a draft vacancy. Nothing is published until it is submitted and the intermediary approves it. Send an Idempotency-Key to make a retry safe.' },
  getVacancy: { tag: 'Vacancies', description: 'One vacancy of your organisation; another organisation\'s is a 404.' },
  updateVacancy: { tag: 'Vacancies', description: 'Changes the fields you send (JSON merge); fields you leave out stay as they are. Only a draft or a vacancy sent back can be changed; otherwise 409.' },
  submitVacancy: { tag: 'Vacancies', description: 'Sends a draft to the intermediary for review. A vacancy that is not complete is a 400 with the missing fields; one already submitted is a 409.' },
  listFreeSpeeddateSlots: { tag: 'Speeddates', description: "Slots of your intermediaries that are open and not held by anyone, soonest first." },
  requestSpeeddate: { tag: 'Speeddates', description: "Requests a slot for one of your published vacancies. The intermediary approves or declines it; with a fee, the booking waits for payment in the portal first. Two requests for one slot: one wins, the other gets 409." },
  getBooking: { tag: 'Speeddates', description: 'One booking of your organisation, with its status and payment.' },
  cancelBooking: { tag: 'Speeddates', description: "Cancels a requested or approved booking and frees the slot; the intermediary is told and every calendar that holds the event gets the cancellation. A paid booking is refunded by the intermediary's cancellation terms." },
  listHires: { tag: 'Hires and TWV', description: "Your organisation's hires, newest first, by pseudonymous reference (no names)." },
  getTwvGuidance: { tag: 'Hires and TWV', description: 'The steps to a first working day for this hire (tailored to its residence status), who takes each, what is done, the documents, the expected first working day and every rule used with its source.' },
  getTwvChecklistPdf: { tag: 'Hires and TWV', description: "The hire's document checklist as a PDF for HR, in the language asked." },
  getBlankTwvChecklistPdf: { tag: 'Hires and TWV', description: 'A blank checklist for a vacancy, before anyone is hired: the paths its candidates may take.' },
  getVacancyRisks: { tag: 'Risks and arrangements', description: 'The hiring risks of a vacancy at a date (default today), each with explanation, what to do, its sources and the rule\'s status.' },
  getHireRisks: { tag: 'Risks and arrangements', description: "The hiring risks of a hire, using its own residence status and dates." },
  getVacancyArrangements: { tag: 'Risks and arrangements', description: 'The travel, coaching, language and trial arrangements recorded for a vacancy; every field is present, null when not recorded.' },
  putVacancyArrangements: { tag: 'Risks and arrangements', description: 'Replaces the arrangements of a vacancy. A field left out is recorded as not arranged (null); an empty body is a 400, so nothing is wiped by accident.' },
  getHireArrangements: { tag: 'Risks and arrangements', description: "A hire's own arrangements, or the vacancy's when the hire has none." },
  putHireArrangements: { tag: 'Risks and arrangements', description: "Replaces a hire's arrangements. A trial arrangement that cannot apply to the hire's residence status is a 400 with the reason." },
  listPolicyRules: { tag: 'Policy rules', description: 'Every rule with its sources, review dates and status (in force, announced, struck down). Public.' },
  getPolicyRule: { tag: 'Policy rules', description: 'One rule by its key. Public.' },
  getFunnelReport: { tag: 'Reports', description: "The intermediary's funnel from its own records (approached, intake, speeddate, match, first working day), with breakdowns. Intermediary keys only." },
}
