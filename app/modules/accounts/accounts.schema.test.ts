import { describe, expect, it } from 'vitest'
import { parseWithSchema } from '~/lib/forms'
import { registrationSchema } from './accounts.schema'

const valid = {
  organisationName: 'Flevo Logistiek BV',
  kvkNumber: '1234 5678',
  contactName: 'Sanne de Vries',
  email: ' Sanne@Flevo-Logistiek.NL ',
  password: 'vrachtwagen op dinsdag',
}

describe('registrationSchema', () => {
  it('normalises the KvK number and the email address', () => {
    const result = parseWithSchema(registrationSchema, valid)
    expect(result).toMatchObject({
      success: true,
      data: { kvkNumber: '12345678', email: 'sanne@flevo-logistiek.nl' },
    })
  })

  it.each([
    ['1234567', 'errors.kvkInvalid'],
    ['123456789', 'errors.kvkInvalid'],
    ['1234567a', 'errors.kvkInvalid'],
    ['00000000', 'errors.kvkInvalid'],
    ['', 'errors.required'],
  ])('refuses KvK number %j', (kvkNumber, key) => {
    const result = parseWithSchema(registrationSchema, { ...valid, kvkNumber })
    expect(result.success ? null : result.fieldErrors.kvkNumber?.key).toBe(key)
  })

  it.each([
    ['short', 'errors.passwordTooShort'],
    ['password1234', 'errors.passwordTooCommon'],
    ['aaaaaaaaaaaaaaaa', 'errors.passwordTooCommon'],
    ['x'.repeat(129), 'errors.passwordTooLong'],
  ])('refuses weak password %j', (password, key) => {
    const result = parseWithSchema(registrationSchema, { ...valid, password })
    expect(result.success ? null : result.fieldErrors.password?.key).toBe(key)
  })

  it('reports every missing field as required', () => {
    const result = parseWithSchema(registrationSchema, {})
    expect(result.success).toBe(false)
    if (result.success) return
    expect(Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k, v.key]))).toEqual({
      organisationName: 'errors.required',
      kvkNumber: 'errors.required',
      contactName: 'errors.required',
      email: 'errors.required',
      password: 'errors.required',
    })
  })

  it('refuses a malformed email and an over-long name', () => {
    const result = parseWithSchema(registrationSchema, {
      ...valid,
      email: 'sanne@',
      organisationName: 'x'.repeat(201),
    })
    expect(result.success ? null : result.fieldErrors).toEqual({
      email: { key: 'errors.emailInvalid' },
      organisationName: { key: 'errors.tooLong', params: { max: 200 } },
    })
  })
})
