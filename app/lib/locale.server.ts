import { createCookie } from '@remix-run/node'
import { defaultLocale, isLocale, type Locale } from './i18n'

const localeCookie = createCookie('wb_lang', {
  path: '/',
  sameSite: 'lax',
  httpOnly: true,
  maxAge: 365 * 24 * 60 * 60,
})

/** The choice made in this browser wins, then the account's, then Dutch. */
export async function resolveLocale(
  request: Request,
  userLocale?: Locale | null,
): Promise<Locale> {
  const fromCookie = await localeCookie.parse(request.headers.get('Cookie'))
  if (isLocale(fromCookie)) return fromCookie
  return userLocale ?? defaultLocale
}

export function localeCookieHeader(locale: Locale): Promise<string> {
  return localeCookie.serialize(locale)
}
