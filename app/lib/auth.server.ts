import { redirect, type AppLoadContext } from '@remix-run/node'
import {
  createSession,
  deleteSession,
  findSessionUser,
  type SessionUser,
} from '~/modules/accounts/sessions.server'
import { can, type Permission } from './permissions'
import { safeRedirectPath } from './redirect-to'
import type { Actor } from './scope.server'
import {
  clearedSessionCookieHeader,
  readSessionToken,
  sessionCookieHeader,
} from './session.server'

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
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
}

/** The permission helper every protected route calls: 302 to login, or 403. */
export async function requirePermission(
  request: Request,
  context: AppLoadContext,
  permission: Permission,
): Promise<SessionUser> {
  const user = await requireUser(request, context)
  if (!can(user.role, permission)) throw new Response('Forbidden', { status: 403 })
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

export async function logIn(context: AppLoadContext, userId: string, redirectTo: unknown) {
  const token = await createSession(context.db, userId)
  return redirect(safeRedirectPath(redirectTo, context.env.APP_URL), {
    headers: { 'Set-Cookie': await sessionCookieHeader(context.env, token) },
  })
}

export async function logOut(request: Request, context: AppLoadContext) {
  const token = await readSessionToken(request, context.env)
  if (token) await deleteSession(context.db, token)
  return redirect('/', {
    headers: { 'Set-Cookie': await clearedSessionCookieHeader(context.env) },
  })
}
