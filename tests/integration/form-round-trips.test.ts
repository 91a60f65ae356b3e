import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { parse, type HTMLElement } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../db/seed'
import type { Browser, TestApp } from '../support/app'
import { startDemoApp } from '../support/demo'
import { databaseFingerprint } from '../support/fingerprint'
import { anotherValue, editableFields, submittedBody } from '../support/forms'

/**
 * Every form of the route manifest, on the demo data. An edit form opened and sent back
 * untouched writes nothing at all (no changed value, no audit line, no email); then each of its
 * fields is changed once and must read back as sent — the check that would have caught the fare
 * multiplied by 100 on every save. A route with an action that is not listed here fails the test,
 * so a new form cannot skip it. Forms that do something when sent (sign in, approve, create) are
 * listed with why they are not edit forms; their refusals are the bad-input and fuzz suites' work.
 */
let app: TestApp
const browsers = new Map<string, Browser>()

beforeAll(async () => {
  app = await startDemoApp()
}, 120_000)
afterAll(() => app.close())

async function as(email: string) {
  let browser = browsers.get(email)
  if (!browser) {
    browser = app.browser()
    await browser.logIn(email, DEMO_PASSWORD)
    browsers.set(email, browser)
  }
  return browser
}

const one = async (sql: string) => {
  const [row] = await app.database.query<{ id: string }>(sql)
  if (!row) throw new Error(`the demo data has no record for: ${sql}`)
  return row.id
}

const employer = 'hr@flevo-logistiek.example'
const consultant = 'bemiddelaar@werkbrug.example'
const admin = 'beheer@werkbrug.example'
const flevo = `(select id from organisations where name = 'Flevo Logistiek BV')`

type EditForm = {
  kind: 'edit'
  name: string
  who: string
  path: () => Promise<string>
  /** The form: the one on the page that contains this element. */
  has: string
  /** A value per field where the generic change would not be valid, or why a field is left alone. */
  fields?: Record<string, string[] | { skip: string }>
}
type OtherForm = { kind: 'command' | 'create'; reason: string }

const forms: Record<string, (EditForm | OtherForm)[]> = {
  'routes/vacancies.$id.edit': [
    {
      kind: 'edit',
      name: 'the vacancy profile',
      who: employer,
      path: async () => `/vacancies/${await one(`select id from vacancies where organisation_id = ${flevo} and status in ('draft', 'returned', 'published') order by status, created_at limit 1`)}/edit`,
      has: '[name="title"]',
      fields: {
        hoursMin: ['8'],
        postcode: ['1334 AB'],
        contractMonths: { skip: 'kept only with a temporary contract; the contract type is changed on its own' },
        youngestAge: { skip: 'goes with “for workers under 21”: the vacancy form tests change them together' },
        trialPlacementOffered: { skip: 'needs the number of weeks with it: the vacancy form tests change them together' },
        trialPlacementWeeks: { skip: 'kept only with a trial placement offered, which goes with it' },
        forWorkersUnder21: { skip: 'needs the youngest age with it: the vacancy form tests change them together' },
        startDate: ['2027-03-01'],
        intermediaryOrganisationId: { skip: 'the demo employer works with one intermediary' },
      },
    },
  ],
  'routes/vacancies.$id.arrangements': [
    {
      kind: 'edit',
      name: 'the arrangements as the demo has them (fare, coach, trial)',
      who: employer,
      path: async () => `/vacancies/${await one(`select vacancy_id as id from arrangements where organisation_id = ${flevo} order by vacancy_id limit 1`)}/arrangements`,
      has: '[name="travelMode"]',
      fields: {
        travelPaidDaysAfter: { skip: 'only with “paid afterwards”; the choice of when is changed on its own' },
        travelPaid: ['weekly'],
        languageSupport: { skip: 'comes with who pays it: the risks tests change them together' },
        languagePayer: { skip: 'only with language support' },
        trialKind: ['internship'],
      },
    },
    {
      kind: 'edit',
      name: 'the arrangements of a vacancy without any yet, sent back blank',
      who: employer,
      path: async () => `/vacancies/${await one(`select id from vacancies v where organisation_id = ${flevo} and not exists (select 1 from arrangements a where a.vacancy_id = v.id) order by created_at limit 1`)}/arrangements`,
      has: '[name="travelMode"]',
      fields: { '*': { skip: 'blank: the unchanged round trip is the point; filling in is the case above' } },
    },
  ],
  'routes/hires.$id._index': [
    {
      kind: 'edit',
      name: "the intermediary's facts of a match",
      who: consultant,
      path: async () => `/hires/${await one(`select h.id from hires h where h.import_key is null and h.residence_status = 'asylum_seeker' order by h.created_at limit 1`)}`,
      has: 'input[name="intent"][value="facts"]',
      fields: { residenceStatus: { skip: 'changes the path the page shows; covered by the hire facts test' } },
    },
    {
      kind: 'edit',
      name: 'how a match ended',
      who: consultant,
      path: async () => `/hires/${await one(`select id from hires where ended_on is not null order by created_at limit 1`)}`,
      has: 'input[name="intent"][value="outcome"]',
      fields: {
        outcome: { skip: 'switching stopped ↔ not started needs the other dates together: the outcome tests do that' },
        notStartedOn: { skip: 'only for a match that never started' },
        notStartedReason: { skip: 'only for a match that never started' },
        endedOn: { skip: 'a stop date must follow the first working day: the outcome tests cover its edges' },
      },
    },
    { kind: 'command', reason: 'ticking a step or a document records that it happened (hire-checklist test)' },
    { kind: 'create', reason: 'an aftercare check-in is a new record each time (aftercare test)' },
  ],
  'routes/candidates.$id': [
    {
      kind: 'edit',
      name: "a candidate's intake",
      who: consultant,
      path: async () => `/candidates/${await one(`select id from candidates where erased_at is null order by reference_code limit 1`)}`,
      has: 'input[name="intent"][value="intake"]',
      fields: {
        linkedMunicipality: { skip: 'only with linkage “yes”, which is changed on its own' },
        municipalLinkage: ['no'],
        consentWithdrawnOn: { skip: 'withdrawing consent is its own act with its own test' },
        movedOutOn: { skip: 'a move-out date must follow the intake: the intake tests cover its edges' },
        referenceCode: ['DEMO-RT-1'],
      },
    },
    { kind: 'command', reason: 'erasing a candidate is the point of that form (candidates test)' },
  ],
  'routes/admin.staff': [
    {
      kind: 'edit',
      name: "an intermediary's Stripe account",
      who: admin,
      path: async () => '/admin/staff',
      has: 'input[name="intent"][value="stripeAccount"]',
      fields: { stripeAccountId: ['acct_1RoundTrip0001'] },
    },
    { kind: 'create', reason: 'opening an intermediary organisation creates one' },
  ],
  'routes/admin.fees': [
    {
      kind: 'edit',
      name: 'the cancellation terms',
      who: consultant,
      path: async () => '/admin/fees',
      has: 'input[name="intent"][value="policy"]',
      fields: { policyEffectiveFrom: { skip: 'a new version’s start date: a change to it alone is no change of terms' } },
    },
    { kind: 'create', reason: 'a fee is a new version from a date on (fees test)' },
  ],
  'routes/admin.policy': [
    {
      kind: 'edit',
      name: 'a policy rule',
      who: admin,
      path: async () => '/admin/policy',
      has: 'input[name="key"][value="risk.twv-required"]',
      fields: {
        key: { skip: 'the rule being edited' },
        kind: { skip: 'the kind of a rule is fixed' },
        status: { skip: 'a status change needs its dates: the policy tests cover it' },
        effectiveFrom: { skip: 'dates and status go together: the policy tests cover them' },
        effectiveTo: { skip: 'dates and status go together: the policy tests cover them' },
        reviewedOn: ['2026-11-01'],
        reviewBy: ['2027-06-01'],
        data: { skip: 'JSON per kind: the policy tests change it' },
        'sources.*': { skip: 'sources are rows of fields: the policy tests change them' },
      },
    },
  ],
  'routes/settings.notifications': [
    {
      kind: 'edit',
      name: "an employer's notification choices",
      who: employer,
      path: async () => '/settings/notifications',
      has: 'input[name="vacancy_published"]',
    },
  ],
  'routes/admin.locations': [
    {
      kind: 'edit',
      name: 'a reception location and how to arrive there',
      who: admin,
      path: async () => '/admin/locations',
      has: 'input[name="intent"][value="update"]',
      fields: { postcode: ['1314 AB'], name: ['Almere Engelse Mijl (hoofdingang)'] },
    },
    { kind: 'create', reason: 'adds a location' },
  ],
  'routes/_index': [],
  'routes/login': [{ kind: 'command', reason: 'signs in' }],
  'routes/login_.two-factor': [{ kind: 'command', reason: 'the second step of signing in' }],
  'routes/logout': [{ kind: 'command', reason: 'signs out' }],
  'routes/language': [{ kind: 'command', reason: 'switches the language' }],
  'routes/register': [{ kind: 'create', reason: 'registers an organisation' }],
  'routes/forgot-password': [{ kind: 'command', reason: 'sends a reset link' }],
  'routes/reset-password': [{ kind: 'command', reason: 'sets a new password' }],
  'routes/confirm-email': [{ kind: 'command', reason: 'confirms an address' }],
  'routes/invitations.$token': [{ kind: 'command', reason: 'accepts an invitation' }],
  'routes/partners.$token': [{ kind: 'command', reason: 'accepts working with an intermediary' }],
  'routes/dashboard': [{ kind: 'create', reason: 'invites an employer' }],
  'routes/team._index': [{ kind: 'command', reason: 'invites or revokes a colleague' }],
  'routes/team.members.$userId': [{ kind: 'command', reason: 'removes a colleague' }],
  'routes/settings.security': [{ kind: 'command', reason: 'changes the password or the second factor' }],
  'routes/settings.api-keys': [{ kind: 'command', reason: 'creates or revokes a key' }],
  'routes/settings.calendar': [{ kind: 'command', reason: 'creates, replaces or stops a private calendar address' }],
  'routes/settings.webhooks': [{ kind: 'command', reason: 'adds, tests, re-keys or stops a webhook address' }],
  'routes/scan._index': [{ kind: 'create', reason: 'each scan is a new one; its answers carry into a draft vacancy, whose form is checked' }],
  'routes/scan.$id': [{ kind: 'command', reason: 'mails the result to an address given once' }],
  'routes/vacancies.new': [{ kind: 'create', reason: 'creates a vacancy' }],
  'routes/vacancies.$id._index': [{ kind: 'command', reason: 'submits, publishes, returns, closes or duplicates a vacancy' }],
  'routes/speeddates.new': [{ kind: 'create', reason: 'publishes a slot' }],
  'routes/speeddates._index': [{ kind: 'command', reason: 'books a slot, proposes times, accepts or declines a proposal' }],
  'routes/speeddates.$id': [{ kind: 'command', reason: 'approves, declines, cancels, moves, seats candidates and records results (speeddates tests)' }],
  'routes/hires._index': [{ kind: 'create', reason: 'records a match' }],
  'routes/candidates.new': [{ kind: 'create', reason: 'records an intake' }],
  'routes/reports._index': [{ kind: 'create', reason: 'loads history, records COA numbers or an approach' }],
  'routes/payments.$id': [{ kind: 'command', reason: 'goes to the checkout' }],
}

async function routesWithForms(): Promise<string[]> {
  const build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild
  return Object.values(build.routes)
    .filter((r) => typeof r.module.default === 'function' && typeof r.module.action === 'function')
    .map((r) => r.id)
    .sort()
}

async function open(browser: Browser, url: string, has: string): Promise<{ form: HTMLElement; action: string }> {
  const response = await browser.get(url)
  expect(response.status, `GET ${url}`).toBe(200)
  const page = parse(await response.text())
  const form = page.querySelectorAll('form[method="post"]').find((f) => f.querySelector(has))
  expect(form, `a form with ${has} on ${url}`).toBeDefined()
  return { form: form!, action: form!.getAttribute('action') ?? url }
}

function refusal(html: string): string {
  const page = parse(html.replace(/<!-- -->/g, ''))
  return [...page.querySelectorAll('.field__error, .alert--error')].map((e) => e.text.trim()).join(' | ') || html.slice(0, 300)
}

describe('every form of the route manifest', () => {
  it('is listed: an edit form with its round trip, or another form with the reason it is not one', async () => {
    const listed = Object.keys(forms).filter((id) => id !== 'routes/_index')
    expect((await routesWithForms()).filter((id) => !listed.includes(id))).toEqual([])
  })

  const edits = Object.values(forms)
    .flat()
    .filter((f): f is EditForm => f.kind === 'edit')
  it.each(edits.map((f) => [f.name, f] as const))('%s: sent back unchanged writes nothing; each field changed reads back', async (_name, edit) => {
    const browser = await as(edit.who)
    const url = await edit.path()

    // Untouched: not one row anywhere changes (values, audit log, outbox).
    const opened = await open(browser, url, edit.has)
    const before = await databaseFingerprint(app.database)
    const unchanged = await browser.postForm(opened.action, submittedBody(opened.form))
    expect(unchanged.status, `${edit.name} unchanged: ${unchanged.status < 400 ? '' : refusal(await unchanged.text())}`).toBeLessThan(400)
    expect(await databaseFingerprint(app.database), `${edit.name}: saved unchanged, something was written`).toBe(before)

    // Each field once: what was sent is what the form shows afterwards.
    const fields = editableFields(opened.form)
    expect(fields.length).toBeGreaterThan(0)
    const changed: string[] = []
    for (const field of fields) {
      const override = edit.fields?.[field.name] ?? Object.entries(edit.fields ?? {}).find(([key]) => key.endsWith('*') && field.name.startsWith(key.slice(0, -1)))?.[1]
      if (override && !Array.isArray(override)) continue
      const { form, action } = await open(browser, url, edit.has)
      const body = submittedBody(form)
      const next = override ?? anotherValue(field, body.getAll(field.name))
      if (JSON.stringify(next) === JSON.stringify(body.getAll(field.name))) continue
      body.delete(field.name)
      for (const value of next) body.append(field.name, value)
      const response = await browser.postForm(action, body)
      expect(response.status, `${edit.name}: ${field.name} → ${next.join(', ')} refused: ${response.status < 400 ? '' : refusal(await response.text())}`).toBeLessThan(400)
      const after = submittedBody((await open(browser, url, edit.has)).form).getAll(field.name)
      expect([...after].sort(), `${edit.name}: ${field.name} reads back`).toEqual([...next].sort())
      changed.push(field.name)
    }
    if (!edit.fields?.['*']) expect(changed.length, `${edit.name}: fields changed`).toBeGreaterThan(0)
  }, 120_000)
})
