import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { Notice } from '~/components/field'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { can } from '~/modules/authorisation/policy'
import { closeFeed, feedOf, openFeed } from '~/modules/speeddates/calendar-feed.server'
import type { DescribedHandle } from '~/lib/meta'
import { actorOf, requireAnyPermission } from '~/web/auth.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — agenda-abonnement / calendar subscription' }]

export const handle: DescribedHandle = {
  description: { nl: 'Uw speeddates in uw eigen agenda, met een privé-abonnement.', en: 'Your speeddates in your own calendar, with a private subscription.' },
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireAnyPermission(request, context, 'speeddates:book', 'speeddates:manage')
  return { feed: await feedOf(context.db, user.id), consultant: can(user.role, 'speeddates:manage') }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireAnyPermission(request, context, 'speeddates:book', 'speeddates:manage')
  const intent = (await request.formData()).get('intent')
  if (intent === 'close') return { closed: await closeFeed(context.db, actorOf(user)) }
  if (intent !== 'open') throw new Response('Bad Request', { status: 400 })
  const token = await openFeed(context.db, actorOf(user))
  const address = new URL(`/calendar/${token}.ics`, context.env.APP_URL)
  return { address: address.toString(), webcal: `webcal://${address.host}${address.pathname}` }
}

export default function CalendarSettings() {
  const t = useT()
  const locale = useLocale()
  const { feed, consultant } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const created = result && 'address' in result ? result : null
  return (
    <section className="page narrow">
      <h1>{t('calendarFeed.title')}</h1>
      <p>{t('calendarFeed.intro')}</p>
      <p>{t(consultant ? 'calendarFeed.holdsConsultant' : 'calendarFeed.holdsEmployer')}</p>
      {result && 'closed' in result ? <Notice>{t('calendarFeed.closed')}</Notice> : null}
      {created ? (
        <div className="alert alert--success" role="status">
          <p>{t('calendarFeed.created')}</p>
          <code className="secret" data-testid="calendar-feed-address">
            {created.address}
          </code>
          <p>
            <a href={created.webcal}>{t('calendarFeed.openInApp')}</a>
          </p>
          <p>{t('calendarFeed.howTo')}</p>
        </div>
      ) : null}
      {feed ? (
        <p data-testid="calendar-feed-status">
          {t('calendarFeed.active', { since: formatDate(locale, feed.createdAt, true) })}{' '}
          {feed.lastFetchedAt ? t('calendarFeed.lastFetched', { when: formatDate(locale, feed.lastFetchedAt, true) }) : t('calendarFeed.neverFetched')}
        </p>
      ) : created ? null : (
        <p>{t('calendarFeed.none')}</p>
      )}
      <p>{t('calendarFeed.private')}</p>
      <div className="actions">
        <Form method="post">
          <button type="submit" name="intent" value="open" className="button">
            {t(feed ? 'calendarFeed.replace' : 'calendarFeed.open')}
          </button>
        </Form>
        {feed ? (
          <Form method="post">
            <button type="submit" name="intent" value="close" className="button button--secondary">
              {t('calendarFeed.close')}
            </button>
          </Form>
        ) : null}
      </div>
    </section>
  )
}
