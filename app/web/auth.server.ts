import { redirect, type AppLoadContext } from '@remix-run/node'
import {
  createSession,
  deleteSession,
  deleteSessionByHash,
  findPendingSignIn,
  spendHalfSignIn,
  findSessionUser,
  type PendingSignIn,
  type SessionUser,
} from '~/modules/accounts/sessions.server'
import { signInStageFor } from '~/modules/accounts/two-factor.server'
import { can, type Permission } from '~/modules/authorisation/policy'
import { safeRedirectPath } from '~/lib/redirect-to'
import type { Actor } from '~/modules/authorisation/actor'
import {
  clearedSessionCookieHeader,
  readSessionToken,
  sessionCookieHeader,
} from '~/lib/session.server'

export type { SessionUser }

// Root and route loaders of one request share the lookup.
const userByRequest = new WeakMap<Request, Promise<SessionUser | null>>()

export function getOptionalUser(request: Request, context: AppLoadContext) {
  let user = userByRequest.get(request)
  if (!user) {
    user = readSessionToken(request, context.env).then((token) =>
      token ? findSessionUser(context.db, token) : null,
    )
    userByRequest.set(request, user)
  }
  return user
}

export async function requireUser(request: Request, context: AppLoadContext): Promise<SessionUser> {
  const user = await getOptionalUser(request, context)
  if (user) return user
  const url = new URL(request.url)
  const back = encodeURIComponent(url.pathname + url.search)
  // Half signed in (password given, second factor not yet): finish that first.
  if (await getPendingSignIn(request, context)) throw redirect(`/login/two-factor?redirectTo=${back}`)
  throw redirect(`/login?redirectTo=${back}`)
}

export async function getPendingSignIn(request: Request, context: AppLoadContext): Promise<PendingSignIn | null> {
  const token = await readSessionToken(request, context.env)
  return token ? ((await findPendingSignIn(context.db, token)) ?? null) : null
}

export async function requirePendingSignIn(request: Request, context: AppLoadContext): Promise<PendingSignIn> {
  const pending = await getPendingSignIn(request, context)
  if (!pending) throw redirect('/login')
  return pending
}

/** The permission helper every protected route calls: 302 to login, or 403. */
export async function requirePermission(
  request: Request,
  context: AppLoadContext,
  permission: Permission,
): Promise<SessionUser> {
  return requireAnyPermission(request, context, permission)
}

/** For a page that serves several roles with different parts (e.g. payments and Stripe refusals). */
export async function requireAnyPermission(
  request: Request,
  context: AppLoadContext,
  ...permissions: Permission[]
): Promise<SessionUser> {
  const user = await requireUser(request, context)
  if (!permissions.some((permission) => can(user.role, permission))) throw new Response('Forbidden', { status: 403 })
  return user
}

/**
 * The demo's local mailbox: the platform admin, and only while there is no SMTP and this is not
 * production. Elsewhere it does not exist (404), so it cannot hold or show a live link.
 */
export async function requireDemoMailbox(request: Request, context: AppLoadContext): Promise<SessionUser> {
  if (!context.env.demoMailbox) throw notFound()
  return requirePermission(request, context, 'mailbox:view')
}

export async function requireAnonymous(request: Request, context: AppLoadContext): Promise<void> {
  if (await getOptionalUser(request, context)) throw redirect('/dashboard')
}

export function actorOf(user: SessionUser): Actor & { userId: string } {
  return { userId: user.id, organisationId: user.organisationId, role: user.role }
}

export function notFound(): Response {
  return new Response('Not found', { status: 404 })
}

/**
 * The password was right. Without a second factor due, that signs the user in; otherwise a half
 * sign-in waits for the authenticator code, or — for staff without one — for enrolment.
 */
export async function logIn(context: AppLoadContext, userId: string, redirectTo: unknown) {
  const stage = await signInStageFor(context.db, userId)
  const token = await createSession(context.db, userId, stage)
  const target = safeRedirectPath(redirectTo, context.env.APP_URL)
  const location = stage === 'complete' ? target : `/login/two-factor?redirectTo=${encodeURIComponent(target)}`
  return redirect(location, {
    headers: { 'Set-Cookie': await sessionCookieHeader(context.env, token) },
  })
}

/**
 * The second factor passed: the half sign-in is replaced by a new, full session (a new token).
 * `keepSpentHalf` leaves the old row for the page rendered with this very answer, emptied of its
 * offered secret and expiring within a minute; it can never become a sign-in.
 */
export async function completeSignIn(context: AppLoadContext, pending: PendingSignIn, options: { keepSpentHalf?: boolean } = {}): Promise<string> {
  if (options.keepSpentHalf) await spendHalfSignIn(context.db, pending.sessionHash)
  else await deleteSessionByHash(context.db, pending.sessionHash)
  const token = await createSession(context.db, pending.userId, 'complete')
  return sessionCookieHeader(context.env, token)
}

export async function logOut(request: Request, context: AppLoadContext) {
  const token = await readSessionToken(request, context.env)
  if (token) await deleteSession(context.db, token)
  return redirect('/', {
    headers: { 'Set-Cookie': await clearedSessionCookieHeader(context.env) },
  })
}
