import { createCookie } from '@remix-run/node'
import type { Env } from './env.server'

const SESSION_MAX_AGE_S = 30 * 24 * 60 * 60

// Signed with SESSION_SECRET; holds only an opaque token whose hash keys the sessions table.
function sessionCookie(env: Env) {
  return createCookie('wb_session', {
    httpOnly: true,
    sameSite: 'lax',
    secure: env.APP_URL.startsWith('https:'),
    path: '/',
    maxAge: SESSION_MAX_AGE_S,
    secrets: [env.SESSION_SECRET],
  })
}

export async function readSessionToken(request: Request, env: Env): Promise<string | null> {
  const value = await sessionCookie(env).parse(request.headers.get('Cookie'))
  return typeof value === 'string' && value.length > 0 ? value : null
}

export function sessionCookieHeader(env: Env, token: string): Promise<string> {
  return sessionCookie(env).serialize(token)
}

export function clearedSessionCookieHeader(env: Env): Promise<string> {
  return sessionCookie(env).serialize('', { maxAge: 0 })
}
