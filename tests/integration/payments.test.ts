import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderQueuedEmails } from '../support/outbox'
import { todayInAmsterdam } from '../../app/lib/dates'
import { parseWithSchema } from '../../app/lib/forms'
import type { Actor } from '../../app/modules/authorisation/actor'
import { stripeClient } from '../../app/lib/stripe.server'
import { setCancellationPolicy } from '../../app/modules/payments/cancellation-policy.server'
import { setFee } from '../../app/modules/payments/fees.server'
import { sweepPayments } from '../../app/modules/payments/sweep.server'
import { createCandidate } from '../../app/modules/speeddates/seats.server'
import { createSlot } from '../../app/modules/speeddates/slots.server'
import { createHire } from '../../app/modules/twv/hires.server'
import { slotCreateSchema } from '../../app/modules/speeddates/speeddates.schema'
import { countRows } from '../support/db'
import { apiClient } from '../support/api'
import { createEmployer, createEmployerWithApiKey, createPublishedVacancy, createStaff, localInDays, TEST_PASSWORD } from '../support/factories'
import { startStripeStandIn, type StripeStandIn } from '../support/stripe-stand-in'
import { startTestApp, type TestApp, type Browser } from '../support/app'

let app: TestApp
let stripe: StripeStandIn
let staff: Awaited<ReturnType<typeof createStaff>>
let consultant: Actor
let hour = 6

beforeAll(async () => {
  stripe = await startStripeStandIn()
  app = await startTestApp(stripe.env())
  stripe.setWebhookUrl(new URL('/webhooks/stripe', app.url).toString())
  staff = await createStaff(app.database.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  const admin: Actor = { userId: staff.admin.id, organisationId: staff.organisation.id, role: 'admin' }
  // €75.00 + 21% VAT = €90.75: VAT computed once, in cents, rounded half up.
  await setFee(app.database.db, admin, { kind: 'speeddate_booking', amount: 7500, vatPercent: 2100, effectiveFrom: todayInAmsterdam() })
})
afterAll(async () => {
  await app.close()
  await stripe.close()
})

/** A SQL string literal for ids and addresses the test made itself. */
const lit = (value: string) => `'${value.replace(/'/g, "''")}'`

async function newSlot(day = 10) {
  hour++
  const input = parseWithSchema(slotCreateSchema, {
    startsAt: localInDays(day + Math.floor(hour / 20), hour % 20),
    endsAt: localInDays(day + Math.floor(hour / 20), (hour % 20) + 1),
    placeKind: 'employer_site',
    placeAddress: 'Transportweg 1, Almere',
    seats: '6',
  })
  if (!input.success) throw new Error(JSON.stringify(input.fieldErrors))
  return createSlot(app.database.db, consultant, input.data)
}

async function loggedInEmployer() {
  const employer = await createEmployer(app.database.db)
  const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Orderpicker')
  const browser = app.browser()
  await browser.logIn(employer.owner.email, TEST_PASSWORD)
  return { ...employer, vacancyId, browser }
}

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

/** Books through the portal's form; with a fee the answer is a redirect to the stand-in's checkout. */
async function book(employer: { browser: Browser; vacancyId: string }, slotId: string) {
  const response = await employer.browser.post('/speeddates', { intent: 'book', slotId, vacancyId: employer.vacancyId })
  return response
}

async function bookingOf(slotId: string, organisationId: string) {
  const [row] = await app.database.query<{ id: string; status: string }>(
    `select id, status from speeddate_bookings where slot_id = ${lit(slotId)} and organisation_id = ${lit(organisationId)}`,
  )
  return row!
}

async function paymentOf(bookingId: string) {
  const [row] = await app.database.query<{
    id: string
    status: string
    net_cents: number
    vat_cents: number
    gross_cents: number
    receipt_number: string | null
    stripe_checkout_session_id: string | null
    refund_due_cents: number
    refunded_cents: number
    stripe_refund_id: string | null
    failure_message: string | null
  }>(`select * from payments where booking_id = ${lit(bookingId)}`)
  return row!
}

async function emails(to: string, template?: string) {
  await renderQueuedEmails(app.database)
  return app.database.query<{ template: string; subject: string; text: string }>(
    `select template, subject, text from email_outbox where to_address = ${lit(to)} ${template ? `and template = ${lit(template)}` : ''} order by id`,
  )
}

/** The emails to someone that link to one slot (the consultant gets mail about every test's slot). */
async function emailsAbout(to: string, slotId: string) {
  return (await emails(to)).filter((e) => e.text.includes(slotId))
}

async function bookAndOpenCheckout(slotId: string) {
  const employer = await loggedInEmployer()
  const response = await book(employer, slotId)
  expect(response.status).toBe(302)
  const location = response.headers.get('location')!
  expect(location.startsWith(`${stripe.url}/checkout/cs_test_`)).toBe(true)
  const sessionId = location.split('/').at(-1)!
  const booking = await bookingOf(slotId, employer.organisation.id)
  return { employer, sessionId, booking }
}

describe('trusting Stripe events', () => {
  it('marks nothing paid for a signed event whose session, amount or currency does not fit, and shows it to the admin', async () => {
    const slotId = await newSlot()
    const { sessionId, booking } = await bookAndOpenCheckout(slotId)
    const payment = await paymentOf(booking.id)
    const session = stripe.sessions.get(sessionId)!
    // The charge lives on the intermediary's connected account; so do Stripe's events about it.
    expect(session.account).toBe(staff.organisation.stripeAccountId)
    const completed = (changes: Record<string, unknown>, account: string | null = session.account) =>
      stripe.event('checkout.session.completed', { ...session, status: 'complete', payment_status: 'paid', payment_intent: 'pi_test_crafted', metadata: { paymentId: payment.id }, ...changes }, account)
    const crafted = [
      completed({ id: 'cs_test_someone_elses_session', amount_total: 1 }),
      completed({ amount_total: 1 }),
      completed({ currency: 'usd' }),
      // The same session, but reported from another intermediary's account, or the platform's own.
      completed({}, 'acct_testanotherintermediary'),
      completed({}, null),
    ]
    for (const event of crafted) expect(await stripe.deliver(event)).toEqual([200])

    expect(await paymentOf(booking.id)).toMatchObject({ status: 'open', receipt_number: null })
    const [still] = await app.database.query<{ status: string }>(`select status from speeddate_bookings where id = ${lit(booking.id)}`)
    expect(still!.status).toBe('awaiting_payment')
    const refusals = await app.database.query<{ reason: string; expected: string; received: string }>(
      `select reason, expected, received from stripe_event_refusals where payment_id = ${lit(payment.id)} order by id`,
    )
    expect(refusals).toEqual([
      { reason: 'session', expected: sessionId, received: 'cs_test_someone_elses_session' },
      { reason: 'amount', expected: '9075', received: '1' },
      { reason: 'currency', expected: 'eur', received: 'usd' },
      { reason: 'account', expected: staff.organisation.stripeAccountId, received: 'acct_testanotherintermediary' },
      { reason: 'account', expected: staff.organisation.stripeAccountId, received: '(platform)' },
    ])
    const admin = await loggedIn(staff.admin.email)
    const page = await (await admin.get('/payments')).text()
    expect(page).toContain('Geweigerde Stripe-meldingen')
    expect(page).toContain('cs_test_someone_elses_session')
    const consultantPage = await (await (await loggedIn(staff.intermediary.email)).get('/payments')).text()
    expect(consultantPage).not.toContain('Geweigerde Stripe-meldingen')

    // The real payment still goes through.
    expect(await stripe.deliver(stripe.pay(sessionId))).toEqual([200])
    expect(await paymentOf(booking.id)).toMatchObject({ status: 'paid' })
  })
})

describe('paying for a speeddate with a fee', () => {
  it('holds the slot while unpaid, and confirms the booking exactly once however often Stripe reports the payment', async () => {
    const slotId = await newSlot()
    const { employer, sessionId, booking } = await bookAndOpenCheckout(slotId)
    expect(booking.status).toBe('awaiting_payment')
    const session = stripe.sessions.get(sessionId)!
    expect(session).toMatchObject({ amount_total: 9075, currency: 'eur', mode: 'payment', payment_method_types: ['ideal', 'card'], locale: 'nl' })
    expect(session.metadata.paymentId).toBe((await paymentOf(booking.id)).id)
    expect(await paymentOf(booking.id)).toMatchObject({ status: 'open', net_cents: 7500, vat_cents: 1575, gross_cents: 9075, receipt_number: null })
    // The consultant hears of the booking only once it is paid.
    expect(await emailsAbout(staff.intermediary.email, slotId)).toHaveLength(0)

    // The unpaid booking holds the slot: another employer cannot take it meanwhile.
    const other = await loggedInEmployer()
    const refused = await book(other, slotId)
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('Dit moment is al door een andere werkgever aangevraagd of geboekt.')

    // Paid: Stripe delivers checkout.session.completed three times at once, then once more under a
    // new event id, then a stale checkout.session.expired arrives.
    const completed = stripe.pay(sessionId)
    expect(await Promise.all([stripe.deliver(completed), stripe.deliver(completed), stripe.deliver(completed)])).toEqual([[200], [200], [200]])
    expect(await stripe.deliver({ ...completed, id: `${completed.id}_again` })).toEqual([200])
    expect(await stripe.deliver(stripe.expiredEvent(sessionId))).toEqual([200])

    expect((await bookingOf(slotId, employer.organisation.id)).status).toBe('approved')
    const payment = await paymentOf(booking.id)
    expect(payment).toMatchObject({ status: 'paid', gross_cents: 9075 })
    expect(payment.receipt_number).not.toBeNull()
    const [paidEvents] = await app.database.query<{ n: number }>(`select count(*)::int as n from speeddate_booking_events where booking_id = ${lit(booking.id)} and action = 'paid'`)
    expect(paidEvents!.n).toBe(1)
    const receipts = await emails(employer.owner.email, 'payment-receipt')
    expect(receipts).toHaveLength(1)
    // The receipt shows the VAT as computed once when the charge was made.
    const receipt = receipts[0]!.text.replace(/\s/g, ' ')
    expect(receipt).toContain('Bedrag exclusief btw: € 75,00')
    expect(receipt).toContain('Btw 21%: € 15,75')
    expect(receipt).toContain('Totaal betaald: € 90,75')
    expect((await emails(employer.owner.email, 'booking-notice')).map((e) => e.subject)).toEqual([expect.stringContaining('Speeddate bevestigd')])
    expect((await emailsAbout(staff.intermediary.email, slotId)).map((e) => e.subject)).toEqual([expect.stringContaining('geboekt en betaald')])

    // Back from checkout, the employer sees the receipt with VAT.
    const page = await employer.browser.get(`/payments/${payment.id}?checkout=success&session_id=${sessionId}`)
    const html = (await page.text()).replace(/\s/g, ' ')
    expect(html).toContain('Betaling ontvangen. Uw speeddate is bevestigd')
    expect(html).toContain('€ 15,75')
    expect(html).toContain('€ 90,75')
    expect(html).toMatch(/Betalingsbewijs WB-\d{6}/)
  })

  it('confirms the booking from the return page when the webhook has not arrived yet, and once only when it does', async () => {
    const slotId = await newSlot()
    const { employer, sessionId, booking } = await bookAndOpenCheckout(slotId)
    const completed = stripe.pay(sessionId) // paid at Stripe, event not delivered yet
    const payment = await paymentOf(booking.id)
    const page = await employer.browser.get(`/payments/${payment.id}?checkout=success&session_id=${sessionId}`)
    expect(await page.text()).toContain('Betaling ontvangen')
    expect((await bookingOf(slotId, employer.organisation.id)).status).toBe('approved')
    expect(await stripe.deliver(completed)).toEqual([200])
    expect(await emails(employer.owner.email, 'payment-receipt')).toHaveLength(1)
  })

  it('refuses a forged signature with 400 and changes nothing', async () => {
    const slotId = await newSlot()
    const { employer, sessionId, booking } = await bookAndOpenCheckout(slotId)
    const before = await countRows(app.database, ['stripe_events', 'speeddate_booking_events', 'email_outbox'])
    const completed = stripe.pay(sessionId)
    expect(await stripe.deliver(completed, 1, 'whsec_not_the_portals_secret')).toEqual([400])
    expect((await bookingOf(slotId, employer.organisation.id)).status).toBe('awaiting_payment')
    expect((await paymentOf(booking.id)).status).toBe('open')
    expect(await countRows(app.database, ['stripe_events', 'speeddate_booking_events', 'email_outbox'])).toEqual(before)
  })

  it('records a failed attempt and lets the employer try again; a late failure after payment changes nothing', async () => {
    const slotId = await newSlot()
    const { employer, sessionId, booking } = await bookAndOpenCheckout(slotId)
    expect(await stripe.deliver(stripe.paymentFailedEvent(sessionId, 'Your card was declined.'))).toEqual([200])
    const payment = await paymentOf(booking.id)
    expect(payment).toMatchObject({ status: 'open', failure_message: 'Your card was declined.' })
    const page = (await (await employer.browser.get(`/payments/${payment.id}`)).text()).replace(/\s/g, ' ')
    expect(page).toContain('De laatste betaalpoging is mislukt: Your card was declined.')
    // Paying again reuses the open checkout.
    const again = await employer.browser.post(`/payments/${payment.id}`, {})
    expect(again.headers.get('location')).toBe(`${stripe.url}/checkout/${sessionId}`)

    await stripe.deliver(stripe.pay(sessionId))
    expect(await stripe.deliver(stripe.paymentFailedEvent(sessionId, 'Too late.'))).toEqual([200])
    expect(await paymentOf(booking.id)).toMatchObject({ status: 'paid', failure_message: null })
  })
})

describe('an unpaid booking runs out', () => {
  it('frees the slot for another employer when the checkout expires', async () => {
    const slotId = await newSlot()
    const first = await bookAndOpenCheckout(slotId)
    expect(await stripe.deliver(stripe.expiredEvent(first.sessionId))).toEqual([200])
    expect((await bookingOf(slotId, first.employer.organisation.id)).status).toBe('expired')
    expect((await paymentOf(first.booking.id)).status).toBe('expired')

    const second = await bookAndOpenCheckout(slotId)
    expect(second.booking.status).toBe('awaiting_payment')
    await stripe.deliver(stripe.pay(second.sessionId))
    expect((await bookingOf(slotId, second.employer.organisation.id)).status).toBe('approved')
  })

  it('refunds in full a payment that arrives after the slot went to someone else', async () => {
    const slotId = await newSlot()
    const first = await bookAndOpenCheckout(slotId)
    // The expiry is processed first; the first employer had in fact paid at the last second.
    await stripe.deliver(stripe.expiredEvent(first.sessionId))
    const second = await bookAndOpenCheckout(slotId)
    const refundsBefore = stripe.refundCalls().length
    await stripe.deliver(stripe.pay(first.sessionId))
    expect(stripe.refundCalls().length - refundsBefore).toBe(1)
    expect(stripe.refundCalls().at(-1)!.body).toMatchObject({ amount: '9075' })
    expect(await paymentOf(first.booking.id)).toMatchObject({ status: 'refunded', refunded_cents: 9075 })
    expect((await bookingOf(slotId, first.employer.organisation.id)).status).toBe('expired')
    expect((await bookingOf(slotId, second.employer.organisation.id)).status).toBe('awaiting_payment')
    expect(await emails(first.employer.owner.email, 'payment-refund')).toHaveLength(1)
  })

  it('gives the slot back to a late payer when nobody else took it', async () => {
    const slotId = await newSlot()
    const { employer, sessionId } = await bookAndOpenCheckout(slotId)
    await stripe.deliver(stripe.expiredEvent(sessionId))
    await stripe.deliver(stripe.pay(sessionId))
    expect((await bookingOf(slotId, employer.organisation.id)).status).toBe('approved')
  })

  it('is released by the sweep when Stripe never says so, after closing the checkout at Stripe', async () => {
    const slotId = await newSlot()
    const { employer, sessionId, booking } = await bookAndOpenCheckout(slotId)
    // The employer's system listens (decision 018): it must hear that the booking let go.
    await app.database.query(`insert into webhook_endpoints (organisation_id, url, secret) values ('${employer.organisation.id}', 'https://hooks.example/werkbrug', 'whsec_test')`)
    const client = stripeClient(app.env)!
    // Not yet: the window is still open.
    await sweepPayments(app.database.db, client, { appUrl: app.url })
    expect((await bookingOf(slotId, employer.organisation.id)).status).toBe('awaiting_payment')
    await sweepPayments(app.database.db, client, { appUrl: app.url, now: new Date(Date.now() + 40 * 60_000) })
    expect(stripe.sessions.get(sessionId)!.status).toBe('expired')
    expect((await bookingOf(slotId, employer.organisation.id)).status).toBe('expired')
    expect((await paymentOf(booking.id)).status).toBe('expired')
    const events = await app.database.query<{ event_type: string; payload: { data: { bookingId: string; status: string } } }>(
      `select d.event_type, d.payload from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id where e.organisation_id = '${employer.organisation.id}'`,
    )
    expect(events.map((e) => [e.event_type, e.payload.data.bookingId, e.payload.data.status])).toEqual([['booking.expired', booking.id, 'expired']])
  })
})

describe('cancelling a paid booking', () => {
  async function paidBooking() {
    const slotId = await newSlot()
    const opened = await bookAndOpenCheckout(slotId)
    await stripe.deliver(stripe.pay(opened.sessionId))
    return { slotId, ...opened }
  }

  it('refunds in full, with one refund call, when the intermediary cancels', async () => {
    const { slotId, employer, booking } = await paidBooking()
    const consultantBrowser = await loggedIn(staff.intermediary.email)
    const before = stripe.refundCalls().length
    const response = await consultantBrowser.post(`/speeddates/${slotId}`, { intent: 'cancel', bookingId: booking.id, cancelReason: 'De kandidaten zijn verhuisd.' })
    expect(response.status).toBe(302)
    const calls = stripe.refundCalls().slice(before)
    expect(calls).toHaveLength(1)
    expect(calls[0]!.body).toMatchObject({ amount: '9075', metadata: { paymentId: (await paymentOf(booking.id)).id } })
    expect(calls[0]!.idempotencyKey).toBe(`werkbrug-refund-${(await paymentOf(booking.id)).id}-0`)
    expect((await bookingOf(slotId, employer.organisation.id)).status).toBe('cancelled')
    const payment = await paymentOf(booking.id)
    expect(payment).toMatchObject({ status: 'refunded', refunded_cents: 9075 })
    expect(payment.stripe_refund_id).toMatch(/^re_test_/)
    // Stripe's own charge.refunded then arrives: nothing more happens.
    const intentId = stripe.sessions.get(payment.stripe_checkout_session_id!)!.payment_intent!
    expect(await stripe.deliver(stripe.chargeRefundedEvent(intentId))).toEqual([200])
    expect(await emails(employer.owner.email, 'payment-refund')).toHaveLength(1)
    const refundMail = (await emails(employer.owner.email, 'payment-refund'))[0]!
    expect(refundMail.text.replace(/\s+/g, ' ')).toContain('We hebben € 90,75 van de betaalde € 90,75 teruggestort')
  })

  it("refunds by the intermediary's cancellation policy when the employer cancels", async () => {
    const admin: Actor = { userId: staff.admin.id, organisationId: staff.organisation.id, role: 'admin' }
    // The session is 10 days away: inside a 30-day window, so the late percentage applies.
    await setCancellationPolicy(app.database.db, admin, { fullRefundHoursBefore: 720, lateRefundPercent: 50, effectiveFrom: todayInAmsterdam() })
    const { slotId, employer, booking } = await paidBooking()
    const before = stripe.refundCalls().length
    expect((await employer.browser.post(`/speeddates/${slotId}`, { intent: 'cancel', bookingId: booking.id, cancelReason: '' })).status).toBe(302)
    expect(stripe.refundCalls().slice(before).map((c) => c.body.amount)).toEqual(['4538']) // 9075 / 2 = 4537.5 → 4538
    expect(await paymentOf(booking.id)).toMatchObject({ status: 'partially_refunded', refunded_cents: 4538 })

    await setCancellationPolicy(app.database.db, admin, { fullRefundHoursBefore: 720, lateRefundPercent: 0, effectiveFrom: todayInAmsterdam() })
    const late = await paidBooking()
    const callsBefore = stripe.refundCalls().length
    expect((await late.employer.browser.post(`/speeddates/${late.slotId}`, { intent: 'cancel', bookingId: late.booking.id, cancelReason: '' })).status).toBe(302)
    expect(stripe.refundCalls().length).toBe(callsBefore)
    expect(await paymentOf(late.booking.id)).toMatchObject({ status: 'paid', refunded_cents: 0 })
    expect((await bookingOf(late.slotId, late.employer.organisation.id)).status).toBe('cancelled')
    await setCancellationPolicy(app.database.db, admin, { fullRefundHoursBefore: 48, lateRefundPercent: 0, effectiveFrom: todayInAmsterdam() })
  })

  it('refunds in full when the intermediary withdraws the slot, or declines a paid booking the employer moved', async () => {
    const withdrawn = await paidBooking()
    const consultantBrowser = await loggedIn(staff.intermediary.email)
    expect((await consultantBrowser.post(`/speeddates/${withdrawn.slotId}`, { intent: 'cancelSlot', slotReason: 'Locatie gesloten wegens verbouwing.' })).status).toBe(302)
    expect(await paymentOf(withdrawn.booking.id)).toMatchObject({ status: 'refunded', refunded_cents: 9075 })

    const moved = await paidBooking()
    const target = await newSlot()
    expect((await moved.employer.browser.post(`/speeddates/${moved.slotId}`, { intent: 'reschedule', bookingId: moved.booking.id, toSlotId: target })).status).toBe(302)
    expect((await bookingOf(target, moved.employer.organisation.id)).status).toBe('requested')
    expect((await paymentOf(moved.booking.id)).status).toBe('paid')
    expect((await consultantBrowser.post(`/speeddates/${target}`, { intent: 'decline', bookingId: moved.booking.id, declineReason: 'Geen kandidaten op dat moment.' })).status).toBe(302)
    expect(await paymentOf(moved.booking.id)).toMatchObject({ status: 'refunded', refunded_cents: 9075 })
  })

  it("ends consistently when the payment and the intermediary's cancellation arrive at the same moment", async () => {
    const consultantBrowser = await loggedIn(staff.intermediary.email)
    for (let round = 0; round < 4; round++) {
      const slotId = await newSlot()
      const { employer, sessionId, booking } = await bookAndOpenCheckout(slotId)
      const completed = stripe.pay(sessionId)
      const [delivered, cancelled] = await Promise.all([
        stripe.deliver(completed),
        consultantBrowser.post(`/speeddates/${slotId}`, { intent: 'cancel', bookingId: booking.id, cancelReason: 'Kandidaten niet beschikbaar.' }),
      ])
      expect(delivered).toEqual([200])
      expect(cancelled.status).toBe(302)
      // Whichever came first, the booking is cancelled and the money is back, exactly once.
      expect((await bookingOf(slotId, employer.organisation.id)).status).toBe('cancelled')
      expect(await paymentOf(booking.id)).toMatchObject({ status: 'refunded', refunded_cents: 9075 })
      const intentId = stripe.sessions.get(sessionId)!.payment_intent
      expect(stripe.refunds.filter((r) => r.payment_intent === intentId)).toHaveLength(1)
    }
  })

  it('keeps the cancellation when Stripe is down, and the sweep refunds once Stripe answers', async () => {
    const { slotId, employer, booking } = await paidBooking()
    const consultantBrowser = await loggedIn(staff.intermediary.email)
    stripe.failNextRefunds(10)
    const response = await consultantBrowser.post(`/speeddates/${slotId}`, { intent: 'cancel', bookingId: booking.id, cancelReason: 'Locatie gesloten.' })
    expect(response.status).toBe(302)
    expect((await bookingOf(slotId, employer.organisation.id)).status).toBe('cancelled')
    expect(await paymentOf(booking.id)).toMatchObject({ status: 'paid', refund_due_cents: 9075, stripe_refund_id: null })
    stripe.failNextRefunds(0)
    const result = await sweepPayments(app.database.db, stripeClient(app.env)!, { appUrl: app.url })
    expect(result.refunds).toBeGreaterThanOrEqual(1)
    expect(await paymentOf(booking.id)).toMatchObject({ status: 'refunded', refunded_cents: 9075 })
    await sweepPayments(app.database.db, stripeClient(app.env)!, { appUrl: app.url })
    expect(await emails(employer.owner.email, 'payment-refund')).toHaveLength(1)
    const intentId = stripe.sessions.get((await paymentOf(booking.id)).stripe_checkout_session_id!)!.payment_intent
    expect(stripe.refunds.filter((r) => r.payment_intent === intentId)).toHaveLength(1)
  })

  it('stops retrying a refund Stripe keeps refusing and asks the intermediary to settle it by hand', async () => {
    const { slotId, booking } = await paidBooking()
    const consultantBrowser = await loggedIn(staff.intermediary.email)
    stripe.failNextRefunds(1000)
    expect((await consultantBrowser.post(`/speeddates/${slotId}`, { intent: 'cancel', bookingId: booking.id, cancelReason: 'Dubbel geboekt.' })).status).toBe(302)
    const payment = await paymentOf(booking.id)
    // As if the sweep had already tried eight more times.
    await app.database.query(`update payments set refund_attempts = 9 where id = ${lit(payment.id)}`)
    await sweepPayments(app.database.db, stripeClient(app.env)!, { appUrl: app.url })
    const calls = stripe.refundCalls().length
    await sweepPayments(app.database.db, stripeClient(app.env)!, { appUrl: app.url })
    expect(stripe.refundCalls().length).toBe(calls)
    stripe.failNextRefunds(0)
    const page = (await (await consultantBrowser.get(`/payments/${payment.id}`)).text()).replace(/\s/g, ' ')
    expect(page).toContain('Stripe heeft de terugbetaling van € 90,75 herhaaldelijk geweigerd')
    expect(await (await consultantBrowser.get('/payments')).text()).toContain('Terugbetaling vraagt aandacht')
  })

  it('never refunds twice when Stripe refunded but its answer was an error', async () => {
    const { slotId, booking } = await paidBooking()
    const consultantBrowser = await loggedIn(staff.intermediary.email)
    stripe.failNextRefunds(1, { afterRefunding: true })
    expect((await consultantBrowser.post(`/speeddates/${slotId}`, { intent: 'cancel', bookingId: booking.id, cancelReason: 'Zaal niet beschikbaar.' })).status).toBe(302)
    expect(await paymentOf(booking.id)).toMatchObject({ status: 'paid', stripe_refund_id: null })
    await sweepPayments(app.database.db, stripeClient(app.env)!, { appUrl: app.url })
    const payment = await paymentOf(booking.id)
    expect(payment).toMatchObject({ status: 'refunded', refunded_cents: 9075 })
    const intentId = stripe.sessions.get(payment.stripe_checkout_session_id!)!.payment_intent
    expect(stripe.refunds.filter((r) => r.payment_intent === intentId)).toHaveLength(1)
  })

  it('voids an unpaid charge and closes its checkout when the booking is cancelled before payment', async () => {
    const slotId = await newSlot()
    const { employer, sessionId, booking } = await bookAndOpenCheckout(slotId)
    expect((await employer.browser.post(`/speeddates/${slotId}`, { intent: 'cancel', bookingId: booking.id, cancelReason: '' })).status).toBe(302)
    expect((await paymentOf(booking.id)).status).toBe('cancelled')
    expect(stripe.sessions.get(sessionId)!.status).toBe('expired')
    expect(await emailsAbout(staff.intermediary.email, slotId)).toEqual([])
  })
})

describe('the placement fee', () => {
  it('is charged once when the first working day is recorded, and paid through a checkout of its own', async () => {
    const admin: Actor = { userId: staff.admin.id, organisationId: staff.organisation.id, role: 'admin' }
    await setFee(app.database.db, admin, { kind: 'placement', amount: 45_000, vatPercent: 2100, effectiveFrom: todayInAmsterdam() })
    const employer = await loggedInEmployer()
    const candidateId = await createCandidate(app.database.db, consultant, { referenceCode: `P-${hour++}`, firstName: 'Samir', languages: 'Arabisch', experience: '' })
    const hireId = await createHire(app.database.db, consultant, { vacancyId: employer.vacancyId, candidateId, residenceStatus: 'status_holder' })
    const consultantBrowser = await loggedIn(staff.intermediary.email)
    const before = (await (await consultantBrowser.get(`/hires/${hireId}`)).text()).replace(/\s/g, ' ')
    expect(before).toContain('plaatsingsvergoeding van € 544,50 (incl. € 94,50 btw)')

    const tick = () => consultantBrowser.post(`/hires/${hireId}`, { stepKey: 'step.first_day', doneOn: todayInAmsterdam() })
    expect((await tick()).status).toBe(302)
    expect((await tick()).status).toBe(302) // a correction of the date charges nothing again
    const charges = await app.database.query<{ id: string; net_cents: number; vat_cents: number; gross_cents: number; status: string }>(
      `select id, net_cents, vat_cents, gross_cents, status from payments where hire_id = ${lit(hireId)}`,
    )
    expect(charges).toEqual([expect.objectContaining({ net_cents: 45_000, vat_cents: 9_450, gross_cents: 54_450, status: 'open' })])
    const due = await emails(employer.owner.email, 'payment-due')
    expect(due).toHaveLength(1)
    expect(due[0]!.text.replace(/\s/g, ' ')).toContain('Te betalen: € 544,50')

    const pay = await employer.browser.post(`/payments/${charges[0]!.id}`, {})
    const sessionId = pay.headers.get('location')!.split('/').at(-1)!
    expect(stripe.sessions.get(sessionId)).toMatchObject({ amount_total: 54_450, currency: 'eur' })
    // A placement's checkout running out leaves the fee open: the employer can start another.
    await stripe.deliver(stripe.expiredEvent(sessionId))
    expect((await app.database.query<{ status: string }>(`select status from payments where id = ${lit(charges[0]!.id)}`))[0]!.status).toBe('open')
    const again = await employer.browser.post(`/payments/${charges[0]!.id}`, {})
    const secondSession = again.headers.get('location')!.split('/').at(-1)!
    expect(secondSession).not.toBe(sessionId)
    await stripe.deliver(stripe.pay(secondSession))
    expect((await app.database.query<{ status: string }>(`select status from payments where id = ${lit(charges[0]!.id)}`))[0]!.status).toBe('paid')
    expect(await emails(employer.owner.email, 'payment-receipt')).toHaveLength(1)
    await setFee(app.database.db, admin, { kind: 'placement', amount: 0, vatPercent: 2100, effectiveFrom: todayInAmsterdam() })
  })
})

describe('payments pages', () => {
  it('shows the employer its own payments and the intermediary all of them; nobody else', async () => {
    const slotId = await newSlot()
    const { employer, sessionId, booking } = await bookAndOpenCheckout(slotId)
    await stripe.deliver(stripe.pay(sessionId))
    const payment = await paymentOf(booking.id)
    const own = (await (await employer.browser.get('/payments')).text()).replace(/\s/g, ' ')
    expect(own).toContain('€ 90,75')
    expect(own).toContain(`/payments/${payment.id}`)
    const intermediaryPage = await (await loggedIn(staff.intermediary.email)).get('/payments')
    expect(await intermediaryPage.text()).toContain(employer.organisation.name)
    const stranger = await loggedInEmployer()
    expect((await stranger.browser.get(`/payments/${payment.id}`)).status).toBe(404)
    expect(await (await stranger.browser.get('/payments')).text()).not.toContain(payment.id)
  })

  it('shows the fee and the cancellation terms before booking, and the booking API reports the payment', async () => {
    const slotId = await newSlot()
    const employer = await loggedInEmployer()
    const page = (await (await employer.browser.get('/speeddates')).text()).replace(/\s/g, ' ')
    expect(page).toContain('€ 90,75 (incl. € 15,75 btw)')
    expect(page).toContain('Boeken en betalen')
    expect(page).toContain('Annuleert de bemiddelaar, dan krijgt u altijd alles terug')
    const response = await book(employer, slotId)
    expect(response.status).toBe(302)
    const [row] = await app.database.query<{ id: string }>(`select id from speeddate_bookings where slot_id = ${lit(slotId)}`)
    const api = await employer.browser.get(`/speeddates/${slotId}`)
    expect((await api.text()).replace(/\s/g, ' ')).toContain('Wacht op betaling van € 90,75')
    expect(row).toBeDefined()
  })
})

describe('the booking API', () => {
  it('books a fee-carrying slot as awaiting payment and says what to pay, where and before when', async () => {
    const slotId = await newSlot()
    const employer = await createEmployerWithApiKey(app.database.db)
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id)
    const api = apiClient(app.url, employer.apiKey)
    const created = await api.post(`/api/v1/speeddate-slots/${slotId}/bookings`, { vacancyId })
    expect(created.status).toBe(201)
    expect(created.json).toMatchObject({
      status: 'awaiting_payment',
      payment: { status: 'open', amountCents: 9075, vatCents: 1575, currency: 'eur', payUrl: expect.stringMatching(/^\/payments\/[0-9a-f-]{36}$/) },
    })
    const payBefore = Date.parse((created.json.payment as { payBefore: string }).payBefore)
    expect(payBefore - Date.now()).toBeGreaterThan(25 * 60_000)
    expect(payBefore - Date.now()).toBeLessThanOrEqual(30 * 60_000)
    // Cancelling it through the API voids the charge; nothing was paid, so nothing is refunded.
    const before = stripe.refundCalls().length
    const cancelled = await api.post(`/api/v1/bookings/${created.json.id as string}/cancel`)
    expect(cancelled.json).toMatchObject({ status: 'cancelled', payment: { status: 'cancelled' } })
    expect(stripe.refundCalls().length).toBe(before)
  })
})

describe('each intermediary is paid on its own Stripe account (Connect)', () => {
  /** A second intermediary with its own fee, slot and employer. */
  async function otherIntermediary(options: { connected: boolean }) {
    const other = await createStaff(app.database.db)
    if (!options.connected) await app.database.query(`update organisations set stripe_account_id = null where id = ${lit(other.organisation.id)}`)
    const owner: Actor = { userId: other.owner.id, organisationId: other.organisation.id, role: 'intermediary_owner' }
    await setFee(app.database.db, owner, { kind: 'speeddate_booking', amount: 5000, vatPercent: 2100, effectiveFrom: todayInAmsterdam() })
    const slotId = await createSlot(app.database.db, { userId: other.intermediary.id, organisationId: other.organisation.id, role: 'intermediary' }, {
      startsAt: localInDays(15, 10),
      endsAt: localInDays(15, 11),
      placeKind: 'employer_site',
      receptionLocationId: null,
      placeAddress: 'Stadhuisplein 1, Almere',
      seats: 4,
      note: null,
    })
    const employer = await createEmployer(app.database.db, { intermediaryOrganisationId: other.organisation.id })
    const vacancyId = await createPublishedVacancy(app.database.db, employer.organisation.id, 'Hovenier')
    const browser = await loggedIn(employer.owner.email)
    return { other, slotId, employer, vacancyId, browser }
  }

  it("opens the checkout on the slot's intermediary's account, names it on the receipt, refunds there, and shows the payment to it alone", async () => {
    const { other, slotId, employer, vacancyId, browser } = await otherIntermediary({ connected: true })
    const response = await browser.post('/speeddates', { intent: 'book', slotId, vacancyId })
    expect(response.status).toBe(302)
    const sessionId = response.headers.get('location')!.split('/').at(-1)!
    const created = stripe.calls.filter((c) => c.method === 'POST' && c.path === '/v1/checkout/sessions').at(-1)!
    expect(created.account).toBe(other.organisation.stripeAccountId)
    // The platform's own account does not have the session: it lives on the intermediary's.
    expect(stripe.sessions.get(sessionId)!.account).toBe(other.organisation.stripeAccountId)
    expect(await stripe.deliver(stripe.pay(sessionId))).toEqual([200])
    const booking = await bookingOf(slotId, employer.organisation.id)
    const payment = await paymentOf(booking.id)
    expect(payment).toMatchObject({ status: 'paid', gross_cents: 6050 })

    const receipt = (await (await browser.get(`/payments/${payment.id}`)).text()).replace(/\s+/g, ' ')
    expect(receipt).toContain(other.organisation.name)
    expect(await (await loggedIn(other.intermediary.email)).get('/payments').then((r) => r.text())).toContain(payment.id)
    expect(await (await loggedIn(staff.intermediary.email)).get('/payments').then((r) => r.text())).not.toContain(payment.id)
    expect((await (await loggedIn(staff.intermediary.email)).get(`/payments/${payment.id}`)).status).toBe(404)

    // The intermediary cancels: the refund is asked of its own account.
    const consultant = await loggedIn(other.intermediary.email)
    expect((await consultant.post(`/speeddates/${slotId}`, { intent: 'cancel', bookingId: booking.id, cancelReason: 'Zaal niet beschikbaar' })).status).toBe(302)
    const refund = stripe.refundCalls().at(-1)!
    expect(refund.account).toBe(other.organisation.stripeAccountId)
    expect(await paymentOf(booking.id)).toMatchObject({ refunded_cents: 6050 })
  })

  it('charges nothing for an intermediary without its own account, and says so to the employer and the intermediary', async () => {
    const { other, slotId, employer, vacancyId, browser } = await otherIntermediary({ connected: false })
    const page = (await (await browser.get('/speeddates')).text()).replace(/\s+/g, ' ')
    expect(page).toContain('maar online betalen staat nu uit')
    const sessionsBefore = stripe.sessions.size
    const response = await browser.post('/speeddates', { intent: 'book', slotId, vacancyId })
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe(`/speeddates/${slotId}?done=requested`)
    expect(stripe.sessions.size).toBe(sessionsBefore)
    const booking = await bookingOf(slotId, employer.organisation.id)
    expect(booking.status).toBe('requested')
    expect(await app.database.query(`select id from payments where booking_id = ${lit(booking.id)}`)).toEqual([])
    const fees = await (await loggedIn(other.owner.email)).get('/admin/fees')
    expect(await fees.text()).toContain('nog geen eigen Stripe-account gekoppeld')
  })

  it('lets the platform admin record an account, refusing one that is not an account id and writing nothing', async () => {
    const { other } = await otherIntermediary({ connected: false })
    const admin = await loggedIn(staff.admin.email)
    const before = await countRows(app.database, ['audit_log'])
    const bad = await admin.post('/admin/staff', { intent: 'stripeAccount', organisationId: other.organisation.id, stripeAccountId: 'sk_live_oops' })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('Een Stripe-account-ID begint met acct_')
    expect(await countRows(app.database, ['audit_log'])).toEqual(before)
    expect((await admin.post('/admin/staff', { intent: 'stripeAccount', organisationId: other.organisation.id, stripeAccountId: 'acct_1AbCdEfGhIjK' })).status).toBe(200)
    const [row] = await app.database.query<{ stripe_account_id: string }>(`select stripe_account_id from organisations where id = ${lit(other.organisation.id)}`)
    expect(row!.stripe_account_id).toBe('acct_1AbCdEfGhIjK')
    // An employer organisation is not an intermediary: nothing to connect there.
    const { organisation } = await createEmployer(app.database.db)
    expect((await admin.post('/admin/staff', { intent: 'stripeAccount', organisationId: organisation.id, stripeAccountId: 'acct_1AbCdEfGhIjK' })).status).toBe(404)
  })
})

describe('without Stripe keys', () => {
  it('books a slot of an intermediary with a fee as an ordinary free request and says online payment is off', async () => {
    const off = await startTestApp()
    try {
      const offStaff = await createStaff(off.database.db)
      const admin: Actor = { userId: offStaff.admin.id, organisationId: offStaff.organisation.id, role: 'admin' }
      await setFee(off.database.db, admin, { kind: 'speeddate_booking', amount: 7500, vatPercent: 2100, effectiveFrom: todayInAmsterdam() })
      const slotId = await createSlot(off.database.db, { userId: offStaff.intermediary.id, organisationId: offStaff.organisation.id, role: 'intermediary' }, {
        startsAt: localInDays(12, 10),
        endsAt: localInDays(12, 11),
        placeKind: 'employer_site',
        receptionLocationId: null,
        placeAddress: 'Industrieweg 1',
        seats: 5,
        note: null,
      })
      const employer = await createEmployer(off.database.db)
      const vacancyId = await createPublishedVacancy(off.database.db, employer.organisation.id)
      const browser = off.browser()
      await browser.logIn(employer.owner.email, TEST_PASSWORD)
      const page = (await (await browser.get('/speeddates')).text()).replace(/\s/g, ' ')
      expect(page).toContain('online betalen staat nu uit')
      const response = await browser.post('/speeddates', { intent: 'book', slotId, vacancyId })
      expect(response.headers.get('location')).toBe(`/speeddates/${slotId}?done=requested`)
      const [booking] = await off.database.query<{ status: string }>(`select status from speeddate_bookings where slot_id = ${lit(slotId)}`)
      expect(booking!.status).toBe('requested')
      expect((await countRows(off.database, ['payments'])).payments).toBe(0)
      expect(await (await browser.get('/payments')).text()).toContain('Online betalen staat uit')

      // The placement fee: the hire page says it would apply; recording the first day charges nothing.
      await setFee(off.database.db, admin, { kind: 'placement', amount: 45_000, vatPercent: 2100, effectiveFrom: todayInAmsterdam() })
      const offConsultant: Actor = { userId: offStaff.intermediary.id, organisationId: offStaff.organisation.id, role: 'intermediary' }
      const candidateId = await createCandidate(off.database.db, offConsultant, { referenceCode: 'OFF-1', firstName: 'Amal', languages: 'Tigrinya', experience: '' })
      const hireId = await createHire(off.database.db, offConsultant, { vacancyId, candidateId, residenceStatus: 'status_holder' })
      const consultantBrowser = off.browser()
      await consultantBrowser.logIn(offStaff.intermediary.email, TEST_PASSWORD)
      const hirePage = (await (await consultantBrowser.get(`/hires/${hireId}`)).text()).replace(/\s/g, ' ')
      expect(hirePage).toContain('plaatsingsvergoeding van € 450,00 plus € 94,50 btw verschuldigd, maar online betalen staat nu uit')
      expect((await consultantBrowser.post(`/hires/${hireId}`, { stepKey: 'step.first_day', doneOn: todayInAmsterdam() })).status).toBe(302)
      expect((await countRows(off.database, ['payments'])).payments).toBe(0)
    } finally {
      await off.close()
    }
  })
})
