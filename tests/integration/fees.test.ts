import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { todayInAmsterdam } from '../../app/lib/dates'
import { anyFeeSet, feeInForce } from '../../app/modules/payments/fees.server'
import { createSlot } from '../../app/modules/speeddates/slots.server'
import { countRows } from '../support/db'
import { createEmployer, createStaff, localInDays, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

// The Dutch calendar date: around midnight UTC it is already tomorrow in Amsterdam.
const today = () => todayInAmsterdam()

describe('fees without Stripe keys', () => {
  it('lets only the intermediary\'s owner set its fees, refuses bad input without writing, audits the change', async () => {
    const { owner } = await createEmployer(app.database.db)
    expect((await (await loggedIn(owner.email)).get('/admin/fees')).status).toBe(403)
    expect((await (await loggedIn(staff.intermediary.email)).post('/admin/fees', { kind: 'placement', amount: '10', vatPercent: '21', effectiveFrom: today() })).status).toBe(403)
    // The platform admin runs Werkbrug, not an intermediary's prices.
    expect((await (await loggedIn(staff.admin.email)).get('/admin/fees')).status).toBe(403)

    const admin = await loggedIn(staff.owner.email)
    const page = await (await admin.get('/admin/fees')).text()
    expect(page).toContain('Online betalen staat uit')
    const before = await countRows(app.database, ['fees', 'audit_log'])
    const negative = await admin.post('/admin/fees', { kind: 'speeddate_booking', amount: '-10', vatPercent: '21', effectiveFrom: today() })
    expect(negative.status).toBe(400)
    expect(await negative.text()).toContain('Een bedrag kan niet negatief zijn.')
    const past = await admin.post('/admin/fees', { kind: 'speeddate_booking', amount: '75', vatPercent: '21', effectiveFrom: '2024-01-01' })
    expect(past.status).toBe(400)
    expect(await countRows(app.database, ['fees', 'audit_log'])).toEqual(before)
    expect(await anyFeeSet(app.database.db)).toBe(false)

    expect((await admin.post('/admin/fees', { kind: 'speeddate_booking', amount: '75,00', vatPercent: '21', effectiveFrom: today() })).status).toBe(302)
    expect(await feeInForce(app.database.db, staff.organisation.id, 'speeddate_booking')).toMatchObject({ amountCents: 7500, vatBasisPoints: 2100, vatCents: 1575 })
    expect(await anyFeeSet(app.database.db)).toBe(true)
    // An employer sees that a fee would apply and that online payment is off; booking stays possible.
    const { owner: employer } = await createEmployer(app.database.db)
    await createSlot(app.database.db, { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }, {
      startsAt: localInDays(9, 10),
      endsAt: localInDays(9, 11),
      placeKind: 'employer_site',
      receptionLocationId: null,
      placeAddress: 'Industrieweg 1',
      seats: 5,
      note: null,
    })
    const speeddates = await (await loggedIn(employer.email)).get('/speeddates')
    expect((await speeddates.text()).replace(/\s/g, ' ')).toContain('vergoeding van € 75,00 plus € 15,75 btw, maar online betalen staat nu uit')

    const [audit] = await app.database.query<{ details: Record<string, unknown> }>(`select details from audit_log where action = 'fee.set' order by id desc limit 1`)
    expect(audit!.details).toMatchObject({ kind: 'speeddate_booking', amountCents: 7500, vatBasisPoints: 2100 })
  })

  it('records the cancellation terms for employers, refusing impossible ones beside the field', async () => {
    const admin = await loggedIn(staff.owner.email)
    expect((await (await admin.get('/admin/fees')).text()).replace(/\s/g, ' ')).toContain('Nog geen eigen voorwaarden')
    const before = await countRows(app.database, ['cancellation_policies', 'audit_log'])
    const bad = await admin.post('/admin/fees', { intent: 'policy', policyHours: '48', policyPercent: '150', policyEffectiveFrom: today() })
    expect(bad.status).toBe(400)
    const html = await bad.text()
    expect(html).toContain('id="field-policyPercent-error"')
    expect(html).toContain('Dit getal valt buiten het toegestane bereik.')
    expect(await countRows(app.database, ['cancellation_policies', 'audit_log'])).toEqual(before)
    expect((await admin.post('/admin/fees', { intent: 'policy', policyHours: '24', policyPercent: '50', policyEffectiveFrom: today() })).status).toBe(302)
    expect((await (await admin.get('/admin/fees')).text()).replace(/\s/g, ' ')).toContain('alles terug tot 24 uur vóór de speeddate, daarna 50%')
    const [audit] = await app.database.query<{ details: Record<string, unknown> }>(`select details from audit_log where action = 'cancellation_policy.set' order by id desc limit 1`)
    expect(audit!.details).toMatchObject({ fullRefundHoursBefore: 24, lateRefundPercent: 50 })
  })
})
