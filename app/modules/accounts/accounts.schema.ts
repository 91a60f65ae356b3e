import { colleagueRoles, type Party, type Role } from '~/modules/authorisation'
import { z } from 'zod'

const requiredText = (max: number) =>
  z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(max, 'errors.tooLong')

export const emailField = z
  .string({ message: 'errors.required' })
  .trim()
  .toLowerCase()
  .min(1, 'errors.required')
  .max(254, 'errors.tooLong')
  .pipe(z.email({ message: 'errors.emailInvalid' }))

// Passwords that pass the length rule but are still guessed first.
const commonPasswords = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'password1234',
  'password12345',
  'passwordpassword',
  'wachtwoord123',
  'wachtwoord1234',
  'welkom123456',
  'welkomwelkom',
  'werkbrug1234',
  'werkbrugwerkbrug',
  'iloveyou1234',
  'abcdefghijkl',
])

export const passwordField = z
  .string({ message: 'errors.required' })
  .min(1, 'errors.required')
  .min(12, 'errors.passwordTooShort')
  .max(128, 'errors.passwordTooLong')
  .refine((p) => !commonPasswords.has(p.toLowerCase()) && new Set(p).size >= 5, {
    message: 'errors.passwordTooCommon',
  })

// KvK-nummer: 8 digits; people often type it with spaces or dots, as printed on the extract.
export const kvkNumberField = z
  .string({ message: 'errors.required' })
  .transform((value) => value.replace(/[\s.]/g, ''))
  .pipe(
    z
      .string()
      .min(1, 'errors.required')
      .regex(/^\d{8}$/, 'errors.kvkInvalid')
      .refine((value) => value !== '00000000', 'errors.kvkInvalid'),
  )

export const registrationSchema = z.object({
  organisationName: requiredText(200),
  kvkNumber: kvkNumberField,
  contactName: requiredText(200),
  email: emailField,
  password: passwordField,
  // The intermediary the employer works with; may be left out while there is only one.
  intermediaryOrganisationId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid({ message: 'errors.invalid' }).optional()),
  // Registering from an intermediary's invitation: that intermediary, and the invitation is spent.
  partnerToken: z.preprocess((v) => (v === '' ? undefined : v), z.string().max(200).optional()),
  // Registering from a quick scan: its answers become the first draft vacancy.
  scanId: z.preprocess((v) => (v === '' ? undefined : v), z.uuid({ message: 'errors.invalid' }).optional()),
})
export type RegistrationInput = z.output<typeof registrationSchema>

export const loginSchema = z.object({
  email: emailField,
  password: z.string({ message: 'errors.required' }).min(1, 'errors.required').max(1024),
})

export const passwordResetRequestSchema = z.object({ email: emailField })

export const passwordResetSchema = z.object({
  token: z.string().min(1).max(200),
  password: passwordField,
})

/** A colleague for the inviter's own organisation, with one of the roles its party may give. */
export function colleagueInvitationSchema(party: Party) {
  return z.object({ email: emailField, role: z.enum(colleagueRoles(party) as [Role, ...Role[]], { message: 'errors.roleNotAllowed' }) })
}

/** The intermediary invites an employer to work with it. */
export const partnerInvitationSchema = z.object({ email: emailField })

/** An intermediary's connected Stripe account ("acct_…"); empty removes it. */
export const stripeAccountSchema = z.object({
  organisationId: z.uuid({ message: 'errors.invalid' }),
  stripeAccountId: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    z.string().trim().regex(/^acct_[A-Za-z0-9]{6,64}$/, 'errors.stripeAccountInvalid').nullable(),
  ),
})

/** The platform admin opens an intermediary organisation and invites its first owner. */
export const intermediaryOrganisationSchema = z.object({
  name: requiredText(200),
  ownerEmail: emailField,
})

export const acceptInvitationSchema = z.object({
  name: requiredText(200),
  password: passwordField,
})

/** An authenticator code (6 digits) or a recovery code (xxxxx-xxxxx); which one is decided on checking. */
export const secondFactorSchema = z.object({
  code: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(32, 'errors.tooLong'),
})

/** The first code from the authenticator app, confirming that enrolment worked. */
export const enrolmentSchema = z.object({
  code: z
    .string({ message: 'errors.required' })
    .transform((value) => value.replace(/\s/g, ''))
    .pipe(z.string().min(1, 'errors.required').regex(/^\d{6}$/, 'errors.totpFormat')),
})
