import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireDemoMailbox } from '~/web/auth.server'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { listOutboxEmails } from '~/modules/email/mailbox.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — postvak / mailbox' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireDemoMailbox(request, context)
  return { emails: await listOutboxEmails(context.db) }
}

export default function Mailbox() {
  const t = useT()
  const locale = useLocale()
  const { emails } = useLoaderData<typeof loader>()
  return (
    <section className="page">
      <h1>{t('mailbox.title')}</h1>
      <p>{t('mailbox.intro')}</p>
      <p>{t('mailbox.secretsNote')}</p>
      {emails.length === 0 ? (
        <p>{t('mailbox.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('mailbox.created')}</th>
                <th scope="col">{t('mailbox.to')}</th>
                <th scope="col">{t('mailbox.subject')}</th>
                <th scope="col">{t('mailbox.status')}</th>
                <th scope="col">{t('mailbox.attempts')}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id}>
                  <td data-label={t('mailbox.created')}>{formatDate(locale, email.createdAt, true)}</td>
                  <td data-label={t('mailbox.to')}>{email.toAddress}</td>
                  <td data-label={t('mailbox.subject')}>
                    <Link to={`/mailbox/${email.id}`}>{email.subject}</Link>
                  </td>
                  <td data-label={t('mailbox.status')}>
                    <span className={`status status--${email.status}`}>{t(`mailbox.status.${email.status}`)}</span>
                    {email.transport ? <> · {t(`mailbox.transport.${email.transport}`)}</> : null}
                    {email.lastError ? (
                      <div>
                        {t('mailbox.lastError')}: {email.lastError}
                      </div>
                    ) : null}
                  </td>
                  <td data-label={t('mailbox.attempts')}>{email.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
