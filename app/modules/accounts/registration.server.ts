import type { Db } from '#db/client.server'
import { organisations, users } from '#db/schema'
import { FieldValidationError, isUniqueViolation } from '~/lib/errors.server'
import type { FieldErrors } from '~/lib/forms'
import type { Locale } from '~/lib/i18n'
import { hashPassword } from '~/lib/passwords.server'
import { recordAudit } from '../audit/audit.server'
import type { RegistrationInput } from './accounts.schema'
import { emailIsTaken } from './accounts.queries.server'
import { kvkNumberIsTaken } from './organisations.server'

/**
 * Creates the employer organisation and its owner in one transaction. Duplicates are checked
 * first for a friendly message; the unique indexes still decide when two requests race.
 */
export async function registerEmployer(
  db: Db,
  input: RegistrationInput,
  locale: Locale,
): Promise<{ userId: string; organisationId: string }> {
  const duplicates: FieldErrors = {}
  if (await emailIsTaken(db, input.email)) duplicates.email = { key: 'errors.emailTaken' }
  if (await kvkNumberIsTaken(db, input.kvkNumber)) duplicates.kvkNumber = { key: 'errors.kvkTaken' }
  if (Object.keys(duplicates).length > 0) throw new FieldValidationError(duplicates)

  const passwordHash = await hashPassword(input.password)
  try {
    return await db.transaction(async (tx) => {
      const [organisation] = await tx
        .insert(organisations)
        .values({ kind: 'employer', name: input.organisationName, kvkNumber: input.kvkNumber })
        .returning({ id: organisations.id })
      const [user] = await tx
        .insert(users)
        .values({
          organisationId: organisation!.id,
          email: input.email,
          name: input.contactName,
          passwordHash,
          role: 'employer_owner',
          locale,
        })
        .returning({ id: users.id })
      await recordAudit(tx, {
        actorUserId: user!.id,
        organisationId: organisation!.id,
        action: 'organisation.registered',
        subjectType: 'organisation',
        subjectId: organisation!.id,
      })
      return { userId: user!.id, organisationId: organisation!.id }
    })
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) {
      throw new FieldValidationError({ email: { key: 'errors.emailTaken' } })
    }
    if (isUniqueViolation(error, 'organisations_kvk_number_key')) {
      throw new FieldValidationError({ kvkNumber: { key: 'errors.kvkTaken' } })
    }
    throw error
  }
}
