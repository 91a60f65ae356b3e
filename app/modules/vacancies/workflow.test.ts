import { describe, expect, it } from 'vitest'
import { availableActions, isEditable, nextStatus } from './workflow'

describe('vacancy workflow', () => {
  it('lets the employer submit and the intermediary publish or return', () => {
    expect(nextStatus('draft', 'submit', 'employer')).toBe('submitted')
    expect(nextStatus('submitted', 'publish', 'intermediary')).toBe('published')
    expect(nextStatus('submitted', 'return', 'intermediary')).toBe('returned')
    expect(nextStatus('returned', 'submit', 'employer')).toBe('submitted')
  })

  it('refuses the wrong party and the wrong order', () => {
    expect(nextStatus('submitted', 'publish', 'employer')).toBeNull()
    expect(nextStatus('draft', 'submit', 'intermediary')).toBeNull()
    expect(nextStatus('draft', 'publish', 'platform')).toBeNull()
    expect(nextStatus('filled', 'submit', 'employer')).toBeNull()
  })

  it('lists what each party can do next', () => {
    expect(availableActions('published', 'employer')).toEqual(['fill', 'close'])
    expect(availableActions('published', 'intermediary')).toEqual(['return', 'fill', 'close'])
    expect(availableActions('closed', 'employer')).toEqual(['reopen'])
  })

  it('allows edits only in draft and returned', () => {
    expect(isEditable('draft')).toBe(true)
    expect(isEditable('returned')).toBe(true)
    expect(isEditable('submitted')).toBe(false)
    expect(isEditable('published')).toBe(false)
  })
})
