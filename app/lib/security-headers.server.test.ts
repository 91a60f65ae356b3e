import { describe, expect, it } from 'vitest'
import { createCspNonce, securityHeaders } from './security-headers.server'

describe('securityHeaders', () => {
  it('allows scripts only from our origin or with the nonce, and no framing', () => {
    const nonce = createCspNonce()
    const headers = securityHeaders({ nonce, appUrl: 'https://werkbrug.example', dev: false })
    const csp = headers['Content-Security-Policy']!
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`)
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(headers['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains')
    expect(headers['Permissions-Policy']).toContain('camera=()')
  })

  it('sends HSTS only for an https address', () => {
    expect(securityHeaders({ nonce: 'n', appUrl: 'http://localhost:3000', dev: false })['Strict-Transport-Security']).toBeUndefined()
  })

  it('gives every response a nonce of its own', () => {
    expect(createCspNonce()).not.toBe(createCspNonce())
  })
})
