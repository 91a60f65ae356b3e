import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react'
import type { ReactNode } from 'react'
import { actorOf, getOptionalUser } from './web/auth.server'
import { catalogueVersion, translate, type Locale } from './lib/i18n'
import { useLocale, useT } from './lib/i18n/react'
import { resolveLocale } from './lib/locale.server'
import type { PublicHandle } from './lib/meta'
import { useNonce } from './lib/nonce'
import { can } from './modules/authorisation/policy'
import { waitingCounts } from './modules/workspace/waiting.server'
import styles from './styles/app.css?url'

// Child routes replace this; error pages keep it.
export const meta: MetaFunction = () => [{ title: 'Werkbrug' }]

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: styles },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request, context)
  const locale = await resolveLocale(request, user?.locale)
  return {
    locale,
    messagesUrl: `/locales/${locale}.json?v=${catalogueVersion(locale)}`,
    description: translate(locale, 'meta.description'),
    user: user && { name: user.name, role: user.role, organisationName: user.organisationName },
    // What waits on the reader, beside each menu item (one statement per page).
    waiting: user ? await waitingCounts(context.db, actorOf(user)) : null,
    demoMailbox: context.env.demoMailbox,
  }
}

type RootData = Awaited<ReturnType<typeof loader>>

// When the root's data is missing (an error page before it loaded).
const FALLBACK_DESCRIPTION = 'Werkbrug: werkgevers nemen mensen uit het azc in dienst, met een bemiddelaar ernaast. / Employers hire people from reception centres, with an intermediary alongside.'

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale()
  const root = useRouteLoaderData<RootData>('root')
  const messagesUrl = root?.messagesUrl
  const handles = useMatches().map((m) => m.handle as PublicHandle | undefined)
  const own = handles
    .map((h) => h?.description)
    .filter(Boolean)
    .at(-1)
  // A page that needs no JavaScript (the public pages) gets none: its forms post as plain HTML.
  const hydrate = !handles.some((h) => h?.hydrate === false)
  const description = own?.[locale] ?? root?.description ?? FALLBACK_DESCRIPTION
  const nonce = useNonce()
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <meta name="description" content={description} />
        {/* The browser fetches the reader's messages from here before it hydrates (entry.client). */}
        {messagesUrl && hydrate ? <meta name="werkbrug-messages" content={messagesUrl} /> : null}
        <Links />
      </head>
      <body>
        {children}
        {hydrate ? (
          <>
            <ScrollRestoration nonce={nonce} />
            <Scripts nonce={nonce} />
          </>
        ) : null}
      </body>
    </html>
  )
}

export default function App() {
  return (
    <Shell>
      <Outlet />
    </Shell>
  )
}

function Shell({ children }: { children: ReactNode }) {
  const t = useT()
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  )
}

/** A count beside a menu item; screen readers hear what it counts. */
function Waiting({ count }: { count: number | undefined }) {
  const t = useT()
  if (!count) return null
  return (
    <span className="nav-count">
      <span aria-hidden="true">{count}</span>
      <span className="visually-hidden">{t('nav.waiting', { count })}</span>
    </span>
  )
}


function Header() {
  const t = useT()
  const data = useRouteLoaderData<RootData>('root')
  const user = data?.user
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={user ? '/dashboard' : '/'} className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('nav.main')}>
          <ul className="nav">
            {user ? (
              <>
                <li>
                  <NavLink to="/dashboard">{t('nav.dashboard')}</NavLink>
                </li>
                {can(user.role, 'vacancies:view') ? (
                  <li>
                    <NavLink to="/vacancies">
                      {t('nav.vacancies')}
                      <Waiting count={data?.waiting?.vacancies} />
                    </NavLink>
                  </li>
                ) : null}
                {can(user.role, 'speeddates:view') ? (
                  <li>
                    <NavLink to="/speeddates">
                      {t('nav.speeddates')}
                      <Waiting count={data?.waiting?.speeddates} />
                    </NavLink>
                  </li>
                ) : null}
                {can(user.role, 'hires:view') ? (
                  <li>
                    <NavLink to="/hires">
                      {t('nav.hires')}
                      <Waiting count={data?.waiting?.hires} />
                    </NavLink>
                  </li>
                ) : null}
                {can(user.role, 'pipeline:view') ? (
                  <li>
                    <NavLink to="/candidates">{t('nav.candidates')}</NavLink>
                  </li>
                ) : null}
                {can(user.role, 'pipeline:view') ? (
                  <li>
                    <NavLink to="/reports">{t('nav.reports')}</NavLink>
                  </li>
                ) : null}
                {can(user.role, 'payments:view') || can(user.role, 'stripeRefusals:view') ? (
                  <li>
                    <NavLink to="/payments">
                      {t('nav.payments')}
                      <Waiting count={data?.waiting?.payments} />
                    </NavLink>
                  </li>
                ) : null}
                {can(user.role, 'team:view') ? (
                  <li>
                    <NavLink to="/team">{t('nav.team')}</NavLink>
                  </li>
                ) : null}
                {can(user.role, 'apiKeys:manage') ? (
                  <li>
                    <NavLink to="/settings/api-keys">{t('nav.apiKeys')}</NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/api-docs">{t('nav.apiDocs')}</NavLink>
                </li>
                <li>
                  <NavLink to="/settings/notifications">{t('nav.notifications')}</NavLink>
                </li>
                <li>
                  <NavLink to="/settings/security">{t('nav.security')}</NavLink>
                </li>
                {can(user.role, 'employers:view') ? (
                  <li>
                    <NavLink to="/risks">{t('nav.risks')}</NavLink>
                  </li>
                ) : null}
                {data?.demoMailbox && can(user.role, 'mailbox:view') ? (
                  <li>
                    <NavLink to="/mailbox">{t('nav.mailbox')}</NavLink>
                  </li>
                ) : null}
                {can(user.role, 'policy:manage') ? (
                  <li>
                    <NavLink to="/admin/policy">
                      {t('nav.policy')}
                      <Waiting count={data?.waiting?.policy} />
                    </NavLink>
                  </li>
                ) : null}
                {can(user.role, 'fees:manage') ? (
                  <li>
                    <NavLink to="/admin/fees">{t('nav.fees')}</NavLink>
                  </li>
                ) : null}
                {can(user.role, 'places:manage') ? (
                  <li>
                    <NavLink to="/admin/locations">{t('nav.locations')}</NavLink>
                  </li>
                ) : null}
                {can(user.role, 'intermediaries:manage') ? (
                  <li>
                    <NavLink to="/admin/staff">{t('nav.staff')}</NavLink>
                  </li>
                ) : null}
              </>
            ) : (
              <>
                <li>
                  <NavLink to="/login">{t('nav.login')}</NavLink>
                </li>
                <li>
                  <NavLink to="/register">{t('nav.register')}</NavLink>
                </li>
              </>
            )}
          </ul>
        </nav>
        {user && !can(user.role, 'policy:manage') ? (
          <Form method="get" action="/search" role="search" className="site-search">
            <label htmlFor="site-search-q" className="visually-hidden">
              {t('search.label')}
            </label>
            <input id="site-search-q" name="q" type="search" placeholder={t('search.placeholder')} />
            <button type="submit" className="button button--secondary button--small">
              {t('search.submit')}
            </button>
          </Form>
        ) : null}
        <div className="site-header__tools">
          <LanguageSwitch />
          {user ? (
            <Form method="post" action="/logout" className="inline-form">
              <span className="signed-in">{t('nav.signedInAs', { name: user.name })}</span>{' '}
              <button type="submit" className="button button--link">
                {t('nav.logout')}
              </button>
            </Form>
          ) : null}
        </div>
      </div>
    </header>
  )
}

function LanguageSwitch() {
  const t = useT()
  const locale = useLocale()
  const location = useLocation()
  const other: Locale = locale === 'nl' ? 'en' : 'nl'
  return (
    <Form method="post" action="/language" className="inline-form" reloadDocument>
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" className="button button--link" lang={other} title={t('language.switchHint')}>
        {t('language.switch')}
      </button>
    </Form>
  )
}

export function ErrorBoundary() {
  const error = useRouteError()
  const t = useT()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const message =
    status === 404 ? t('error.notFound') : status === 403 ? t('error.forbidden') : t('error.generic')
  return (
    <Shell>
      <section className="page narrow">
        <h1>{status === 404 ? t('error.titleNotFound') : status === 403 ? t('error.titleForbidden') : t('error.title')}</h1>
        <p>{message}</p>
        <p>
          <Link to="/">{t('nav.home')}</Link>
        </p>
      </section>
    </Shell>
  )
}
