import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link } from '@remix-run/react'
import { getOptionalUser } from '~/web/auth.server'
import { useT } from '~/lib/i18n/react'

export const meta: MetaFunction = () => [{ title: 'Werkbrug' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await getOptionalUser(request, context)) throw redirect('/dashboard')
  return null
}

export default function Home() {
  const t = useT()
  return (
    <section className="page">
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('app.tagline')}</p>
      <p>{t('home.intro')}</p>
      <div className="actions">
        <Link className="button" to="/register">
          {t('home.registerCta')}
        </Link>
        <Link className="button button--secondary" to="/login">
          {t('home.loginCta')}
        </Link>
      </div>
    </section>
  )
}
