import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Actor } from '../../app/modules/authorisation/actor'
import { decideBooking } from '../../app/modules/speeddates/bookings.server'
import { createCandidate } from '../../app/modules/speeddates/seats.server'
import { createSlot } from '../../app/modules/speeddates/slots.server'
import { slotCreateSchema } from '../../app/modules/speeddates/speeddates.schema'
import { createHire, tickStep } from '../../app/modules/twv/hires.server'
import { deliverDueWebhooks } from '../../app/modules/webhooks/delivery.server'
import { createEndpoint } from '../../app/modules/webhooks/endpoints.server'
import { subscribableEventTypes } from '../../app/modules/webhooks/webhooks.schema'
import { webhookEventSchema, type WebhookEventType } from '../../app/modules/webhooks/events'
import { verifySignature } from '../../app/modules/webhooks/signature'
import { parseWithSchema } from '../../app/lib/forms'
import { apiClient } from '../support/api'
import { countRows } from '../support/db'
import { createEmployerWithApiKey, createPublishedVacancy, createStaff, localInDays, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

/**
 * Outgoing webhooks against a real HTTP receiver on this machine: signed, retried after a 500
 * with the same event id, never sent to a private address unless the development switch allows it.
 */
type Received = { id: string; type: string; signature: string; body: string; status: number }

let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let consultant: Actor
let receiver: { url: string; received: Received[]; failNext: (times: number) => void; close: () => Promise<void> }
const local = { allowHttp: true, allowPrivate: true }

beforeAll(async () => {
  app = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' })
  staff = await createStaff(app.database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  receiver = await startReceiver()
})
afterAll(async () => {
  await receiver.close()
  await app.close()
})

async function startReceiver() {
  const received: Received[] = []
  let failures = 0
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = []
    request.on('data', (c: Buffer) => chunks.push(c))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const status = failures > 0 ? 500 : 204
      if (failures > 0) failures--
      received.push({ id: String(request.headers['werkbrug-event-id']), type: String(request.headers['werkbrug-event-type']), signature: String(request.headers['werkbrug-signature']), body, status })
      response.statusCode = status
      response.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/werkbrug`,
    received,
    failNext: (times: number) => {
      failures = times
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

async function employerWithEndpoint(eventTypes: readonly string[] = subscribableEventTypes) {
  const employer = await createEmployerWithApiKey(app.database.db)
  const browser = app.browser()
  await browser.logIn(employer.owner.email, TEST_PASSWORD)
  const form = new URLSearchParams({ intent: 'create', url: receiver.url, description: 'ATS' })
  for (const type of eventTypes) form.append('eventTypes', type)
  const created = await browser.postForm('/settings/webhooks', form)
  expect(created.status).toBe(302)
  const page = await (await browser.get('/settings/webhooks')).text()
  const secret = /whsec_[A-Za-z0-9_-]+/.exec(page)?.[0]
  expect(secret).toBeDefined()
  const [endpoint] = await app.database.query<{ id: string }>(`select id from webhook_endpoints where organisation_id = '${employer.organisation.id}'`)
  return { ...employer, browser, secret: secret!, endpointId: endpoint!.id }
}

async function newSlot(hour: number) {
  const [location] = await app.database.query<{ id: string }>('select id from reception_locations order by name limit 1')
  const input = parseWithSchema(slotCreateSchema, { startsAt: localInDays(18, hour), endsAt: localInDays(18, hour + 1), placeKind: 'reception_location', receptionLocationId: location!.id, seats: '4' })
  if (!input.success) throw new Error('fixture')
  return createSlot(app.database.db, consultant, input.data)
}

function expectValid(message: Received, secret: string) {
  expect(verifySignature(secret, message.body, message.signature)).toBe(true)
  const event = webhookEventSchema(message.type as WebhookEventType).parse(JSON.parse(message.body))
  expect(event.id).toBe(message.id)
  return event
}

describe('outgoing webhooks', () => {
  it('signs each event, and the receiver can check it and read it as documented', async () => {
    const employer = await employerWithEndpoint()
    const slot = await newSlot(9)
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Heftruckchauffeur')
    const booked = await apiClient(app.url, employer.apiKey).post(`/api/v1/speeddate-slots/${slot}/bookings`, { vacancyId })
    expect(booked.status).toBe(201)
    await decideBooking(app.database.db, consultant, booked.json.id as string, 'approve', undefined, { appUrl: app.url })
    const candidateId = await createCandidate(app.database.db, consultant, { referenceCode: 'K-WH-1', firstName: 'Amal', languages: '', experience: '' })
    const hireId = await createHire(app.database.db, consultant, { vacancyId, candidateId, residenceStatus: 'status_holder' })
    await tickStep(app.database.db, consultant, hireId, 'step.first_day', '2026-11-23', { today: '2026-11-28' })

    const before = receiver.received.length
    expect(await deliverDueWebhooks(app.database.db, { policy: local })).toMatchObject({ delivered: 4, retried: 0, failed: 0 })
    const messages = receiver.received.slice(before)
    expect(messages.map((m) => m.type)).toEqual(['booking.requested', 'booking.approved', 'hire.step_completed', 'hire.first_working_day_recorded'])
    const events = messages.map((m) => expectValid(m, employer.secret))
    expect(events[1]!.data).toMatchObject({ bookingId: booked.json.id, status: 'approved' })
    expect(events[3]!.data).toMatchObject({ hireId, firstWorkingDay: '2026-11-23', reference: 'K-WH-1' })
    // A forged or altered body fails the check.
    expect(verifySignature(employer.secret, messages[0]!.body.replace('booking.requested', 'booking.approved'), messages[0]!.signature)).toBe(false)
    expect(verifySignature('whsec_other', messages[0]!.body, messages[0]!.signature)).toBe(false)
    // Nothing is sent twice once delivered.
    expect(await deliverDueWebhooks(app.database.db, { policy: local, now: new Date(Date.now() + 86_400_000) })).toEqual({ delivered: 0, retried: 0, failed: 0 })
  })

  it('tries again after a 500 with the same event id, later, and the log shows it', async () => {
    const employer = await employerWithEndpoint()
    expect((await employer.browser.post('/settings/webhooks', { intent: 'test', endpointId: employer.endpointId })).status).toBe(302)
    receiver.failNext(1)
    const before = receiver.received.length
    expect(await deliverDueWebhooks(app.database.db, { policy: local })).toMatchObject({ delivered: 0, retried: 1 })
    // Not yet due again: the retry waits a minute.
    expect(await deliverDueWebhooks(app.database.db, { policy: local })).toMatchObject({ delivered: 0, retried: 0 })
    expect(await deliverDueWebhooks(app.database.db, { policy: local, now: new Date(Date.now() + 2 * 60_000) })).toMatchObject({ delivered: 1 })
    const attempts = receiver.received.slice(before)
    expect(attempts.map((a) => [a.type, a.status])).toEqual([
      ['ping', 500],
      ['ping', 204],
    ])
    // The receiver deduplicates on the id: both attempts carry the same one, each signed afresh.
    expect(attempts[0]!.id).toBe(attempts[1]!.id)
    expectValid(attempts[1]!, employer.secret)
    const page = await (await employer.browser.get('/settings/webhooks')).text()
    expect(page).toContain(`data-delivery="${attempts[0]!.id}"`)
    expect(page).toContain('Afgeleverd')
  })

  it("tells only the organisation's own active endpoints", async () => {
    const a = await employerWithEndpoint()
    const b = await employerWithEndpoint()
    expect((await b.browser.post('/settings/webhooks', { intent: 'disable', endpointId: b.endpointId })).status).toBe(302)
    // Another organisation cannot test, re-key or stop a's endpoint.
    expect((await b.browser.post('/settings/webhooks', { intent: 'rotate', endpointId: a.endpointId })).status).toBe(404)
    const slot = await newSlot(11)
    const booked = await apiClient(app.url, b.apiKey).post(`/api/v1/speeddate-slots/${slot}/bookings`, { vacancyId: await createPublishedVacancy(app.database.db, b.organisation.id) })
    expect(booked.status).toBe(201)
    const [{ n }] = (await app.database.query<{ n: number }>(
      `select count(*)::int as n from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id where e.organisation_id in ('${a.organisation.id}', '${b.organisation.id}') and d.event_type like 'booking.%'`,
    )) as [{ n: number }]
    expect(n).toBe(0)
  })

  it('sends an endpoint only the events it chose (the test ping always), and refuses a choice of none beside the field', async () => {
    const employer = await employerWithEndpoint(['booking.requested', 'booking.cancelled'])
    const page = (await (await employer.browser.get('/settings/webhooks')).text()).replace(/<!-- -->/g, '')
    expect(page).toContain('Gebeurtenissen: <code>booking.requested </code><code>booking.cancelled </code>')
    const slot = await newSlot(13)
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Magazijnmedewerker')
    const booked = await apiClient(app.url, employer.apiKey).post(`/api/v1/speeddate-slots/${slot}/bookings`, { vacancyId })
    expect(booked.status).toBe(201)
    await decideBooking(app.database.db, consultant, booked.json.id as string, 'approve', undefined, { appUrl: app.url })
    expect((await employer.browser.post('/settings/webhooks', { intent: 'test', endpointId: employer.endpointId })).status).toBe(302)
    const queued = await app.database.query<{ event_type: string }>(`select event_type from webhook_deliveries where endpoint_id = '${employer.endpointId}' order by id`)
    // The approval was not chosen; the request was, and the ping goes whatever was chosen.
    expect(queued.map((q) => q.event_type)).toEqual(['booking.requested', 'ping'])
    // Stopped again, so its waiting messages do not go out in the other tests' delivery runs.
    expect((await employer.browser.post('/settings/webhooks', { intent: 'disable', endpointId: employer.endpointId })).status).toBe(302)

    const before = await countRows(app.database, ['webhook_endpoints', 'audit_log'])
    const none = await employer.browser.postForm('/settings/webhooks', new URLSearchParams({ intent: 'create', url: receiver.url, description: 'Zonder keuze' }))
    expect(none.status).toBe(400)
    const refusedPage = (await none.text()).replace(/<!-- -->/g, '')
    expect(refusedPage).toContain('id="field-eventTypes-error"')
    expect(refusedPage).toContain('Kies minstens één gebeurtenis.')
    // The user's text stays, and no box is ticked that the user had cleared.
    expect(refusedPage).toContain('value="Zonder keuze"')
    expect(refusedPage).not.toMatch(/name="eventTypes" value="[^"]+" checked/)
    const unknown = await employer.browser.postForm('/settings/webhooks', new URLSearchParams({ intent: 'create', url: receiver.url, eventTypes: 'booking.exploded' }))
    expect(unknown.status).toBe(400)
    expect(await countRows(app.database, ['webhook_endpoints', 'audit_log'])).toEqual(before)
  })

  it('never reaches a private address in production: refused on save beside the field, and at delivery after DNS', async () => {
    const employer = await createEmployerWithApiKey(app.database.db)
    const owner: Actor = { userId: employer.owner.id, organisationId: employer.organisation.id, role: 'employer_owner' }
    const strict = { allowHttp: true, allowPrivate: false }
    const before = await countRows(app.database, ['webhook_endpoints', 'audit_log'])
    for (const url of [receiver.url, 'http://localhost/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::ffff:10.0.0.1]/hook', 'http://10.0.0.8/hook']) {
      await expect(createEndpoint(app.database.db, owner, { url, description: null, eventTypes: ['booking.requested'] }, strict), url).rejects.toMatchObject({ fieldErrors: { url: { key: 'errors.webhookPrivate' } } })
    }
    expect(await countRows(app.database, ['webhook_endpoints', 'audit_log'])).toEqual(before)
    // In the portal, the error stands beside the field (the test app allows private addresses, so ask for a bad scheme).
    const browser = app.browser()
    await browser.logIn(employer.owner.email, TEST_PASSWORD)
    const refused = await browser.post('/settings/webhooks', { intent: 'create', url: 'ftp://93.184.215.14/hook', eventTypes: 'booking.requested' })
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Het adres moet met https:// beginnen.')

    // Saved while allowed (as if the name pointed elsewhere then); at delivery the connection's own lookup refuses it.
    const endpointId = await createEndpoint(app.database.db, owner, { url: receiver.url.replace('127.0.0.1', 'localhost'), description: null, eventTypes: ['booking.requested'] }, local)
    const sent = receiver.received.length
    await app.database.db.transaction(async (tx) => {
      const { emitWebhookEvent } = await import('../../app/modules/webhooks/emit.server')
      await emitWebhookEvent(tx, employer.organisation.id, 'ping', { message: 'rebinding' }, { endpointId: endpointId! })
    })
    expect(await deliverDueWebhooks(app.database.db, { policy: strict })).toMatchObject({ delivered: 0, retried: 1 })
    expect(receiver.received.length).toBe(sent)
    const [row] = await app.database.query<{ last_error: string }>(`select last_error from webhook_deliveries where endpoint_id = '${endpointId}'`)
    expect(row!.last_error).toBe('refused: the address is not a public one')
  })
})
