import { describe, expect, it } from 'vitest'
import { safeRedirectPath } from './redirect-to'

describe('safeRedirectPath', () => {
  it('keeps local paths and refuses others', () => {
    expect(safeRedirectPath('/team?x=1')).toBe('/team?x=1')
    expect(safeRedirectPath('//evil.example')).toBe('/dashboard')
    expect(safeRedirectPath('https://evil.example')).toBe('/dashboard')
    expect(safeRedirectPath('/\\evil.example')).toBe('/dashboard')
    expect(safeRedirectPath(null, '/')).toBe('/')
  })
})
