import { describe, expect, it } from 'vitest'
import { renderEmail } from './index'

describe('email templates', () => {
  it('renders the password reset in Dutch and English with the link in html and text', async () => {
    const props = { name: 'Sanne', resetUrl: 'http://localhost:3000/reset-password?token=abc' }
    const nl = await renderEmail('password-reset', 'nl', props)
    const en = await renderEmail('password-reset', 'en', props)
    expect(nl.subject).toBe('Stel een nieuw wachtwoord in voor Werkbrug')
    expect(en.subject).toBe('Set a new password for Werkbrug')
    expect(nl.html).toContain('lang="nl"')
    expect(nl.html).toContain(props.resetUrl)
    expect(en.text).toContain('Dear Sanne,')
    expect(en.text).toContain(props.resetUrl)
  })

  it('escapes names in the invitation', async () => {
    const email = await renderEmail('invitation', 'en', {
      organisation: '<script>x</script> BV',
      inviter: 'Sanne',
      role: 'employer_member',
      acceptUrl: 'http://localhost:3000/invitations/abc',
    })
    expect(email.html).not.toContain('<script>x</script>')
    expect(email.html).toContain('&lt;script&gt;')
    expect(email.text).toContain('as HR member')
  })

  it('shows net, VAT and total on the receipt and the refund in both languages', async () => {
    const receipt = { kind: 'speeddate_booking' as const, receiptNumber: 'WB-000042', description: 'Speeddate 2026-12-07 17:00 — Orderpicker', netCents: 7500, vatPercent: 21, vatCents: 1575, grossCents: 9075, paidAt: '2026-11-27T10:00:00Z', url: 'http://localhost:3000/payments/1' }
    const nl = await renderEmail('payment-receipt', 'nl', receipt)
    const en = await renderEmail('payment-receipt', 'en', receipt)
    expect(nl.subject).toBe('Betalingsbewijs WB-000042 — Werkbrug')
    expect(nl.text.replace(/\s/g, ' ')).toContain('Btw 21%: € 15,75')
    expect(en.text.replace(/\s/g, ' ')).toContain('VAT 21%: €15.75')
    expect(en.text.replace(/\s/g, ' ')).toContain('Total paid: €90.75')
    const refund = await renderEmail('payment-refund', 'en', { ...receipt, refundedCents: 4538 })
    expect(refund.subject).toBe('Refund for receipt WB-000042')
    expect(refund.text.replace(/\s/g, ' ')).toContain('We have refunded €45.38 of the €90.75 you paid.')
  })

  it('carries the preview line without filler characters, in html and text', async () => {
    const email = await renderEmail('booking-notice', 'nl', {
      kind: 'calendar',
      calendar: 'CANCELLED',
      employer: 'Flevo Logistiek',
      vacancy: 'Orderpicker',
      startsAt: '2026-12-07T09:00:00Z',
      endsAt: '2026-12-07T10:00:00Z',
      place: 'azc Almere',
      reason: null,
      url: 'http://localhost:3000/speeddates/1',
    })
    expect(email.subject).toBe('Agenda bijgewerkt: speeddate ma 7 dec 2026, 10:00')
    expect(email.html).toContain('Agenda bijgewerkt: speeddate')
    // Zero-width and invisible characters that preview padding uses.
    const filler = ['\u00AD', '\u034F', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF']
    for (const body of [email.html, email.text]) expect(filler.filter((c) => body.includes(c))).toEqual([])
    expect(email.text).toContain('De speeddate van Flevo Logistiek voor Orderpicker gaat niet door.')
  })
})
