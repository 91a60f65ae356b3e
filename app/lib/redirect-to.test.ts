import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './redirect-to'

const APP_URL = 'https://werkbrug.example'

describe('safeRedirectPath', () => {
  it('keeps local paths', () => {
    expect(safeRedirectPath('/team?x=1', APP_URL)).toBe('/team?x=1')
    expect(safeRedirectPath('/vacancies/abc#risks', APP_URL)).toBe('/vacancies/abc#risks')
    expect(safeRedirectPath('/vacancies?q=a%20b', APP_URL)).toBe('/vacancies?q=a%20b')
  })

  it.each([
    '//evil.example',
    'https://evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    '/%09/evil.example',
    '/%2F/evil.example',
    '/%5cevil.example',
    '/\n/evil.example',
    '/\0',
    ' /dashboard',
    '/．/evil．example',
    '/./\\evil.example',
    '/.//evil.example',
    'javascript:alert(1)',
    'data:text/html,x',
    '',
  ])('falls back for %j', (value) => {
    expect(safeRedirectPath(value, APP_URL)).toBe('/dashboard')
  })

  it('falls back for what is not a string', () => {
    expect(safeRedirectPath(null, APP_URL, '/')).toBe('/')
    expect(safeRedirectPath(42, APP_URL)).toBe('/dashboard')
  })

  it('never leaves the site, whatever it is given', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string().map((s) => `/${s}`),
      fc.constantFrom('/', '//', '\\', '\t', '\n', '%2f', '%5C', '%09', '.', '．', '@', ':').chain((piece) =>
        fc.array(fc.constantFrom(piece, '/', 'evil.example', '.', '%2F'), { maxLength: 6 }).map((parts) => parts.join('')),
      ),
    )
    fc.assert(
      fc.property(anyText, (value) => {
        const result = safeRedirectPath(value, APP_URL)
        if (result === '/dashboard') return
        expect(result).toMatch(/^\/(?!\/)[\x21-\x7e]*$/)
        expect(result).not.toContain('\\')
        // What a browser would do with the Location header: resolve it against the page's URL.
        expect(new URL(result, APP_URL).origin).toBe(APP_URL)
      }),
      { numRuns: 5000 },
    )
  })
})
