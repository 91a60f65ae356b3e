import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { getOptionalUser } from '~/web/auth.server'
import { isLocale } from '~/lib/i18n'
import { localeCookieHeader } from '~/lib/locale.server'
import { safeRedirectPath } from '~/lib/redirect-to'
import { setUserLocale } from '~/modules/accounts/sessions.server'

export async function loader() {
  return redirect('/')
}

/** Persists the choice in a cookie and, when logged in, on the account (emails follow it). */
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData()
  const locale = formData.get('locale')
  const back = safeRedirectPath(formData.get('redirectTo'), context.env.APP_URL, '/')
  if (!isLocale(locale)) return redirect(back)
  const user = await getOptionalUser(request, context)
  if (user) await setUserLocale(context.db, user.id, locale)
  return redirect(back, { headers: { 'Set-Cookie': await localeCookieHeader(locale) } })
}
