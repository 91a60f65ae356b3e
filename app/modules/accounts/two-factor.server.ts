import { randomBytes } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import { generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import type { Db } from '#db/client.server'
import { recoveryCodes, sessions, users } from '#db/schema'
import { can } from '~/modules/authorisation'
import type { Role } from '~/modules/authorisation'
import { hashToken } from '~/lib/tokens.server'
import { recordAudit } from '~/modules/audit/index.server'
import type { SessionStage } from './sessions.server'

// A code is accepted from the previous, current or next 30-second step (clock drift of phones),
// and never twice: the step of the last accepted code is stored and older ones are refused.
const TOLERANCE_S = 30
export const RECOVERY_CODE_COUNT = 10

/** Whether a role must sign in with a second factor: the permissions table decides. */
export function mustUseSecondFactor(role: Role): boolean {
  return can(role, 'signIn:secondFactorRequired')
}

export function newTotpSecret(): string {
  return generateSecret()
}

/** What an authenticator app scans: the otpauth:// URI as a QR code (an SVG data URL, no CDN). */
export async function enrolmentQr(secret: string, email: string): Promise<{ uri: string; qrDataUrl: string }> {
  const uri = generateURI({ issuer: 'Werkbrug', label: email, secret })
  const svg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return { uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` }
}

/** Checks a code against a secret; returns the step it matched, or null. */
export async function checkTotp(secret: string, code: string, afterStep: number | null): Promise<number | null> {
  const token = code.replace(/\s/g, '')
  if (!/^\d{6}$/.test(token)) return null
  try {
    const result = await verify({ secret, token, epochTolerance: TOLERANCE_S, ...(afterStep === null ? {} : { afterTimeStep: afterStep }) })
    return result.valid && 'timeStep' in result && typeof result.timeStep === 'number' ? result.timeStep : null
  } catch {
    return null
  }
}

/**
 * Enrolment confirmed by a first code: the secret is the user's from now on, and a fresh set of
 * recovery codes replaces any earlier one. The codes are returned once, to be shown once.
 */
export async function enableTwoFactor(db: Db, userId: string, secret: string, step: number, now = new Date()): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => formatRecoveryCode(randomBytes(5).toString('hex')))
  await db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ totpSecret: secret, totpEnabledAt: now, totpLastStep: step })
      .where(eq(users.id, userId))
      .returning({ organisationId: users.organisationId })
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
    await tx.insert(recoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })))
    await recordAudit(tx, { actorUserId: userId, organisationId: user!.organisationId, action: 'user.two_factor_enabled', subjectType: 'user', subjectId: userId })
  })
  return codes
}

/**
 * The second step of a sign-in: an authenticator code (not one used before) or an unused
 * recovery code. Accepting either is recorded so it cannot be used again.
 */
export async function verifySecondFactor(db: Db, userId: string, code: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ totpSecret: users.totpSecret, totpLastStep: users.totpLastStep })
      .from(users)
      .where(eq(users.id, userId))
      .for('update')
    if (!user?.totpSecret) return false
    const step = await checkTotp(user.totpSecret, code, user.totpLastStep)
    if (step !== null) {
      await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, userId))
      return true
    }
    const [used] = await tx
      .update(recoveryCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, hashRecoveryCode(code)), isNull(recoveryCodes.usedAt)))
      .returning({ codeHash: recoveryCodes.codeHash })
    return Boolean(used)
  })
}

export async function remainingRecoveryCodes(db: Db, userId: string): Promise<number> {
  const rows = await db
    .select({ codeHash: recoveryCodes.codeHash })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
  return rows.length
}

function formatRecoveryCode(hex: string): string {
  return `${hex.slice(0, 5)}-${hex.slice(5)}`
}

/** Typed with or without the dash, in any case. */
function hashRecoveryCode(code: string): string {
  return hashToken(`recovery:${code.trim().toLowerCase().replace(/[^0-9a-f]/g, '')}`)
}

/** Where a sign-in stands once the password was right. */
export async function signInStageFor(db: Db, userId: string): Promise<SessionStage> {
  const [user] = await db.select({ role: users.role, totpEnabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId))
  if (!user) return 'complete'
  if (user.totpEnabledAt) return 'code'
  return mustUseSecondFactor(user.role) ? 'enrol' : 'complete'
}

export async function twoFactorStatus(db: Db, userId: string): Promise<{ enabledAt: Date | null }> {
  const [user] = await db.select({ enabledAt: users.totpEnabledAt }).from(users).where(eq(users.id, userId))
  return { enabledAt: user?.enabledAt ?? null }
}

export async function pendingTotpSecretOf(db: Db, sessionHash: string): Promise<string | null> {
  const [row] = await db.select({ secret: sessions.pendingTotpSecret }).from(sessions).where(eq(sessions.id, sessionHash))
  return row?.secret ?? null
}
