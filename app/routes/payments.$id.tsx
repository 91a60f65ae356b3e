import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { Notice } from '~/components/field'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { StateConflictError } from '~/lib/errors.server'
import { formatDate, formatEuros, type MessageKey } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { redirectToCheckout } from '~/web/payments.server'
import { can } from '~/modules/authorisation/policy'
import { stripeClient } from '~/lib/stripe.server'
import { formatReceiptNumber } from '~/modules/payments/charges.server'
import { reconcileCheckout } from '~/modules/payments/checkout.server'
import { getPayment } from '~/modules/payments/payments.queries.server'
import { refundProgress, settleFollowUps } from '~/modules/payments/settlement.server'
import { logWarning } from '~/lib/log.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — betaling / payment' }]

const idSchema = z.uuid()

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'payments:view')
  const id = idSchema.safeParse(params.id)
  if (!id.success) throw notFound()
  const actor = actorOf(user)
  const url = new URL(request.url)
  const sessionId = url.searchParams.get('session_id')
  const stripe = stripeClient(context.env)
  let payment = await getPayment(context.db, actor, id.data)
  if (!payment) throw notFound()
  // Back from Checkout: Stripe's webhook may still be on its way, so ask Stripe directly.
  if (stripe && sessionId && url.searchParams.get('checkout') === 'success' && payment.status === 'open') {
    try {
      const followUps = await reconcileCheckout(context.db, stripe, payment, sessionId, { appUrl: context.env.APP_URL })
      if (followUps) {
        await settleFollowUps(context.db, stripe, followUps, { appUrl: context.env.APP_URL })
        payment = (await getPayment(context.db, actor, id.data))!
      }
    } catch (error) {
      logWarning('payments', `could not check checkout ${sessionId} with Stripe`, error)
    }
  }
  return {
    canPay: can(user.role, 'payments:pay') && payment.status === 'open' && context.env.paymentsEnabled,
    paymentsEnabled: context.env.paymentsEnabled,
    payment: {
      ...payment,
      vatPercent: payment.vatBasisPoints / 100,
      receipt: payment.receiptNumber === null ? null : formatReceiptNumber(payment.receiptNumber),
      refundStuck: refundProgress(payment) === 'stuck',
    },
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'payments:pay')
  const id = idSchema.safeParse(params.id)
  if (!id.success) throw notFound()
  // Someone else's charge does not exist for this user, with or without online payment.
  if (!(await getPayment(context.db, actorOf(user), id.data))) throw notFound()
  try {
    return await redirectToCheckout(request, context, user, id.data)
  } catch (error) {
    if (error instanceof StateConflictError) return data({ formError: { key: error.key } }, { status: 409 })
    throw error
  }
}

export default function PaymentPage() {
  const t = useT()
  const locale = useLocale()
  const { payment, canPay, paymentsEnabled } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const checkout = params.get('checkout')
  const paid = payment.status === 'paid' || payment.status === 'partially_refunded' || payment.status === 'refunded'
  return (
    <section className="page">
      {checkout === 'success' && paid ? <Notice>{t(payment.kind === 'speeddate_booking' ? 'payments.done.bookingPaid' : 'payments.done.paid')}</Notice> : null}
      {checkout === 'success' && payment.status === 'open' ? (
        <div className="alert" role="status">
          {t('payments.processing')}
        </div>
      ) : null}
      {checkout === 'cancelled' && payment.status === 'open' ? (
        <div className="alert" role="status">
          {payment.kind === 'speeddate_booking' && payment.checkoutExpiresAt
            ? t('payments.cancelledHeld', { until: formatDate(locale, payment.checkoutExpiresAt, true) })
            : t('payments.cancelled')}
        </div>
      ) : null}
      {checkout === 'unavailable' ? (
        <div className="alert alert--error" role="alert">
          {t(paymentsEnabled ? 'payments.unavailable' : 'payments.off')}
        </div>
      ) : null}
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {t(actionData.formError.key as MessageKey)}
        </div>
      ) : null}
      <h1>{paid ? t('payments.receiptTitle', { receipt: payment.receipt ?? '' }) : t('payments.chargeTitle')}</h1>
      <dl className="facts">
        <dt>{t('payments.what')}</dt>
        <dd>
          {t(`fees.kind.${payment.kind}`)} — {payment.description}
          {payment.slotId ? (
            <>
              {' '}
              (<Link to={`/speeddates/${payment.slotId}`}>{t('payments.toBooking')}</Link>)
            </>
          ) : null}
          {payment.hireId ? (
            <>
              {' '}
              (<Link to={`/hires/${payment.hireId}`}>{t('payments.toHire')}</Link>)
            </>
          ) : null}
        </dd>
        <dt>{t('payments.employer')}</dt>
        <dd>{payment.payerName}</dd>
        <dt>{t('payments.payee')}</dt>
        <dd>{payment.payeeName}</dd>
        <dt>{t('payments.netColumn')}</dt>
        <dd>{formatEuros(locale, payment.netCents)}</dd>
        <dt>{t('payments.vatRate', { vatPercent: payment.vatPercent })}</dt>
        <dd>{formatEuros(locale, payment.vatCents)}</dd>
        <dt>{t('payments.grossColumn')}</dt>
        <dd>
          <strong>{formatEuros(locale, payment.grossCents)}</strong>
        </dd>
        <dt>{t('payments.statusColumn')}</dt>
        <dd>
          <span className={`status status--${payment.status}`}>{t(`payments.status.${payment.status}`)}</span>
        </dd>
        {payment.paidAt ? (
          <>
            <dt>{t('payments.paidAt')}</dt>
            <dd>{formatDate(locale, payment.paidAt, true)}</dd>
          </>
        ) : null}
        {payment.refundedCents > 0 || payment.refundDueCents > 0 ? (
          <>
            <dt>{t('payments.refund')}</dt>
            <dd>
              {payment.refundedCents > 0
                ? t('payments.refunded', { refundedCents: payment.refundedCents })
                : t('payments.refundPending', { refundDueCents: payment.refundDueCents })}
              {payment.refundReason ? ` — ${t(`payments.refundReason.${payment.refundReason}` as MessageKey)}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      {payment.refundStuck ? (
        <div className="alert alert--error" role="alert">
          {t('payments.refundStuck', { refundDueCents: payment.refundDueCents })}
        </div>
      ) : null}
      {payment.status === 'open' && payment.failureMessage ? (
        <div className="alert alert--error" role="alert">
          {t('payments.lastAttemptFailed', { message: payment.failureMessage })}
        </div>
      ) : null}
      {payment.status === 'open' && !paymentsEnabled ? <p>{t('payments.off')}</p> : null}
      {canPay ? (
        <Form method="post">
          {payment.kind === 'speeddate_booking' && payment.checkoutExpiresAt ? (
            <p>{t('payments.payBefore', { until: formatDate(locale, payment.checkoutExpiresAt, true) })}</p>
          ) : null}
          <button type="submit" className="button">
            {t('payments.payNow', { grossCents: payment.grossCents })}
          </button>
        </Form>
      ) : null}
      <p>
        <Link to="/payments">{t('payments.back')}</Link>
      </p>
    </section>
  )
}
