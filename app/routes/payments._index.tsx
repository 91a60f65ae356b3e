import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { actorOf, requireAnyPermission } from '~/web/auth.server'
import { formatDate, formatEuros } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { partyOf } from '~/modules/authorisation/roles'
import { can } from '~/modules/authorisation/policy'
import { formatReceiptNumber } from '~/modules/payments/charges.server'
import { listPayments, listStripeRefusals } from '~/modules/payments/payments.queries.server'
import { refundProgress } from '~/modules/payments/settlement.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — betalingen / payments' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The platform admin sees no tenant's payments, only Stripe events refused platform-wide.
  const user = await requireAnyPermission(request, context, 'payments:view', 'stripeRefusals:view')
  const rows = can(user.role, 'payments:view') ? await listPayments(context.db, actorOf(user)) : []
  return {
    refusals: can(user.role, 'stripeRefusals:view') ? await listStripeRefusals(context.db) : [],
    employer: partyOf(user.role) === 'employer',
    paymentsEnabled: context.env.paymentsEnabled,
    payments: rows.map((p) => ({
      id: p.id,
      kind: p.kind,
      payerName: p.payerName,
      description: p.description,
      netCents: p.netCents,
      vatCents: p.vatCents,
      grossCents: p.grossCents,
      refundedCents: p.refundedCents,
      refund: refundProgress(p),
      status: p.status,
      receipt: p.receiptNumber === null ? null : formatReceiptNumber(p.receiptNumber),
      createdAt: p.createdAt,
    })),
  }
}

export default function Payments() {
  const t = useT()
  const locale = useLocale()
  const { employer, paymentsEnabled, payments, refusals } = useLoaderData<typeof loader>()
  return (
    <section className="page">
      <h1>{t('payments.title')}</h1>
      <p>{t(employer ? 'payments.introEmployer' : 'payments.introIntermediary')}</p>
      {paymentsEnabled ? null : (
        <div className="alert alert--info" role="note">
          {t('payments.off')}
        </div>
      )}
      {payments.length === 0 ? (
        <p>{t('payments.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('payments.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('payments.date')}</th>
                {employer ? null : <th scope="col">{t('payments.employer')}</th>}
                <th scope="col">{t('payments.what')}</th>
                <th scope="col">{t('payments.netColumn')}</th>
                <th scope="col">{t('payments.vatColumn')}</th>
                <th scope="col">{t('payments.grossColumn')}</th>
                <th scope="col">{t('payments.statusColumn')}</th>
                <th scope="col">{t('payments.receiptNumber')}</th>
              </tr>
            </thead>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('payments.date')}>{formatDate(locale, p.createdAt)}</td>
                  {employer ? null : <td data-label={t('payments.employer')}>{p.payerName}</td>}
                  <td data-label={t('payments.what')}>
                    <Link to={`/payments/${p.id}`}>
                      {t(`fees.kind.${p.kind}`)} — {p.description}
                    </Link>
                  </td>
                  <td data-label={t('payments.netColumn')} className="number">{formatEuros(locale, p.netCents)}</td>
                  <td data-label={t('payments.vatColumn')} className="number">{formatEuros(locale, p.vatCents)}</td>
                  <td data-label={t('payments.grossColumn')} className="number">{formatEuros(locale, p.grossCents)}</td>
                  <td data-label={t('payments.statusColumn')}>
                    <span className={`status status--${p.status}`}>{t(`payments.status.${p.status}`)}</span>
                    {p.refundedCents > 0 ? ` (${t('payments.refundedShort', { refundedCents: p.refundedCents })})` : ''}
                    {p.refund === 'stuck' ? <strong> {t('payments.refundStuckShort')}</strong> : p.refund === 'pending' ? ` (${t('payments.refundPendingShort')})` : ''}
                  </td>
                  <td data-label={t('payments.receiptNumber')}>{p.receipt ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {refusals.length > 0 ? (
        <section aria-labelledby="refusals-title">
          <h2 id="refusals-title">{t('payments.refusals.title')}</h2>
          <p>{t('payments.refusals.intro')}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('payments.date')}</th>
                  <th scope="col">{t('payments.refusals.event')}</th>
                  <th scope="col">{t('payments.refusals.reason')}</th>
                  <th scope="col">{t('payments.refusals.expected')}</th>
                  <th scope="col">{t('payments.refusals.received')}</th>
                </tr>
              </thead>
              <tbody>
                {refusals.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t('payments.date')}>{formatDate(locale, r.createdAt, true)}</td>
                    <td data-label={t('payments.refusals.event')}>
                      {r.eventType} <code>{r.stripeEventId}</code>
                      {r.paymentId ? (
                        <>
                          {' '}
                          <Link to={`/payments/${r.paymentId}`}>{t('payments.refusals.payment')}</Link>
                        </>
                      ) : null}
                    </td>
                    <td data-label={t('payments.refusals.reason')}>{t(`payments.refusals.reason.${r.reason as 'session' | 'payment_intent' | 'amount' | 'currency'}`)}</td>
                    <td data-label={t('payments.refusals.expected')}>{r.reason === 'amount' ? formatEuros(locale, Number(r.expected)) : r.expected}</td>
                    <td data-label={t('payments.refusals.received')}>{r.reason === 'amount' && /^\d+$/.test(r.received) ? formatEuros(locale, Number(r.received)) : r.received}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </section>
  )
}
