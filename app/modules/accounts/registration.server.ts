import { eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { organisations, users } from '#db/schema'
import { FieldValidationError, isUniqueViolation } from '~/lib/errors.server'
import type { Locale } from '~/lib/i18n'
import { hashPassword } from '~/lib/passwords.server'
import { recordAudit } from '~/modules/audit/index.server'
import { enqueueEmail } from '~/modules/email/index.server'
import type { RegistrationInput } from './accounts.schema'
import { sendEmailConfirmation } from './email-confirmation.server'
import { kvkNumberIsTaken, releaseUnconfirmedKvk } from './organisations.server'
import { linkEmployer, listIntermediaries } from './intermediaries.server'
import { findPartnerInvitation, spendPartnerInvitation } from './partners.server'
import { draftFromScan } from '~/modules/scan/index.server'

/**
 * Registers an employer organisation and its owner, who must confirm the email address before
 * the account can do anything. The answer never says whether the address already had an
 * account: both paths hash the password and queue one email — a confirmation link for a new
 * account, a note to the existing owner otherwise. A KvK number already registered is said
 * plainly: it names a business in a public register, not a person.
 */
/** The intermediary chosen on the form, or the only one there is. */
async function chosenIntermediary(db: Db, requested: string | undefined): Promise<string> {
  const all = await listIntermediaries(db)
  if (requested) {
    if (all.some((i) => i.id === requested)) return requested
    throw new FieldValidationError({ intermediaryOrganisationId: { key: 'errors.invalid' } })
  }
  if (all.length === 1) return all[0]!.id
  throw new FieldValidationError({ intermediaryOrganisationId: { key: all.length === 0 ? 'errors.noIntermediaryYet' : 'errors.required' } })
}

export async function registerEmployer(db: Db, input: RegistrationInput, locale: Locale, appUrl: string): Promise<void> {
  const passwordHash = await hashPassword(input.password)
  const [existing] = await db
    .select({ id: users.id, email: users.email, name: users.name, locale: users.locale, confirmed: users.emailConfirmedAt })
    .from(users)
    .where(eq(users.email, input.email))
  if (existing) return noteExistingAccount(db, existing, appUrl)
  if (await releaseUnconfirmedKvk(db, input.kvkNumber)) {
    await recordAudit(db, { actorUserId: null, organisationId: null, action: 'organisation.unconfirmed_released', subjectType: 'kvk', subjectId: input.kvkNumber })
  }
  if (await kvkNumberIsTaken(db, input.kvkNumber)) throw new FieldValidationError({ kvkNumber: { key: 'errors.kvkTaken' } })
  const invitation = input.partnerToken ? await findPartnerInvitation(db, input.partnerToken) : null
  if (input.partnerToken && !invitation) throw new FieldValidationError({ _form: { key: 'errors.partnerInvitationClosed' } })
  const intermediaryOrganisationId = invitation?.intermediaryOrganisationId ?? (await chosenIntermediary(db, input.intermediaryOrganisationId))

  try {
    await db.transaction(async (tx) => {
      const [organisation] = await tx
        .insert(organisations)
        .values({ kind: 'employer', name: input.organisationName, kvkNumber: input.kvkNumber })
        .returning({ id: organisations.id })
      if (input.partnerToken) {
        if (!(await spendPartnerInvitation(tx, input.partnerToken, organisation!.id, null))) throw new FieldValidationError({ _form: { key: 'errors.partnerInvitationClosed' } })
      } else {
        await linkEmployer(tx, organisation!.id, intermediaryOrganisationId)
      }
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
      if (input.scanId) await draftFromScan(tx, input.scanId, { userId: user!.id, organisationId: organisation!.id, role: 'employer_owner' }, intermediaryOrganisationId, locale)
      await sendEmailConfirmation(tx, { id: user!.id, email: input.email, name: input.contactName, locale }, appUrl)
    })
  } catch (error) {
    // Two registrations raced for the same address: the loser answers like any other.
    if (isUniqueViolation(error, 'users_email_key')) return
    if (isUniqueViolation(error, 'organisations_kvk_number_key')) {
      throw new FieldValidationError({ kvkNumber: { key: 'errors.kvkTaken' } })
    }
    throw error
  }
}

async function noteExistingAccount(
  db: Db,
  existing: { id: string; email: string; name: string; locale: Locale; confirmed: Date | null },
  appUrl: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    // Not yet confirmed: the owner probably lost the first email, so a fresh link is the help.
    if (!existing.confirmed) return sendEmailConfirmation(tx, existing, appUrl)
    await enqueueEmail(tx, {
      template: 'registration-exists',
      to: existing.email,
      locale: existing.locale,
      props: {
        name: existing.name,
        loginUrl: new URL('/login', appUrl).toString(),
        forgotUrl: new URL('/forgot-password', appUrl).toString(),
      },
    })
  })
}
