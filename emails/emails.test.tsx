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
})
