import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { notFound, requireDemoMailbox } from '~/web/auth.server'
import { formatDate, translate } from '~/lib/i18n'
import { resolveLocale } from '~/lib/locale.server'
import { useLocale, useT } from '~/lib/i18n/react'
import { getOutboxEmail } from '~/modules/email/mailbox.server'

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Werkbrug — ${data?.email.subject ?? 'e-mail'}` },
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireDemoMailbox(request, context)
  const locale = await resolveLocale(request, user.locale)
  const id = Number(params.id)
  const email = Number.isSafeInteger(id) && id > 0 ? await getOutboxEmail(context.db, id, translate(locale, 'mailbox.secretRemoved')) : undefined
  if (!email) throw notFound()
  return {
    email: {
      id: email.id,
      toAddress: email.toAddress,
      subject: email.subject,
      text: email.text,
      status: email.status,
      createdAt: email.createdAt,
      attachments: email.attachments.map(({ content: _content, ...a }) => a),
    },
  }
}

export default function MailboxMessage() {
  const t = useT()
  const locale = useLocale()
  const { email } = useLoaderData<typeof loader>()
  return (
    <section className="page">
      <h1>{t('mailbox.messageTitle', { subject: email.subject })}</h1>
      <dl className="facts">
        <dt>{t('mailbox.to')}</dt>
        <dd>{email.toAddress}</dd>
        <dt>{t('mailbox.created')}</dt>
        <dd>{formatDate(locale, email.createdAt, true)}</dd>
        <dt>{t('mailbox.status')}</dt>
        <dd>{t(`mailbox.status.${email.status}`)}</dd>
      </dl>
      <h2>{t('mailbox.textVersion')}</h2>
      <pre className="email-text">{email.text}</pre>
      <p>
        <a href={`/mailbox/${email.id}/html`}>{t('mailbox.htmlVersion')}</a>
      </p>
      <h2>{t('mailbox.attachments', { count: email.attachments.length })}</h2>
      {email.attachments.length === 0 ? (
        <p>{t('mailbox.noAttachments')}</p>
      ) : (
        <ul>
          {email.attachments.map((a) => (
            <li key={a.index}>
              <a href={`/mailbox/${email.id}/attachments/${a.index}`} download={a.filename}>
                {a.filename}
              </a>{' '}
              <span className="field__hint">
                ({a.contentType}, {t('mailbox.bytes', { bytes: a.bytes })})
              </span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/mailbox">{t('common.back')}</Link>
      </p>
    </section>
  )
}
