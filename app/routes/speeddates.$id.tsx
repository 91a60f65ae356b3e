import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { FormErrorSummary, Notice, SelectField, TextAreaField, TextField } from '~/components/field'
import { When } from '~/components/when'
import { DayNote } from '~/components/day-note'
import { holidayDefinitions } from '~/modules/policy/calendar'
import { listPolicyRules } from '~/modules/policy/policy.server'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { handleIntents, intent } from '~/lib/form-action.server'
import { formatDate, type MessageKey } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { bookingOptions } from '~/web/payments.server'
import { can } from '~/modules/authorisation/policy'
import {
  bookingHistory,
  cancelBooking,
  cancelSlot,
  decideBooking,
  listBookings,
  rescheduleBooking,
} from '~/modules/speeddates/bookings.server'
import { assignSeat, createCandidate, listCandidates, listSeats, recordEmployerWish, recordSeatResult, showUpAdvice } from '~/modules/speeddates/seats.server'
import { getSlot, listSlots } from '~/modules/speeddates/slots.server'
import { candidateSchema, seatResultSchema } from '~/modules/speeddates/speeddates.schema'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — speeddate' }]

const idSchema = z.uuid()

async function load(request: Request, context: LoaderFunctionArgs['context'], rawId: string | undefined) {
  const user = await requirePermission(request, context, 'speeddates:view')
  const id = idSchema.safeParse(rawId)
  const slot = id.success ? await getSlot(context.db, actorOf(user), id.data) : undefined
  if (!slot) throw notFound()
  return { user, slot }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, slot } = await load(request, context, params.id)
  const actor = actorOf(user)
  const manages = can(user.role, 'speeddates:manage')
  const bookings = await listBookings(context.db, actor, slot.id)
  const active = bookings.find((b) => b.status === 'awaiting_payment' || b.status === 'requested' || b.status === 'approved') ?? null
  const started = slot.startsAt <= new Date()
  // The employer whose booking was approved sees the pseudonymous profiles of the candidates
  // invited, before the session (to prepare) and after it (to say with whom to go on).
  const approvedForEmployer = !manages && bookings.some((b) => b.status === 'approved')
  const seesCandidates = manages || approvedForEmployer || (started && bookings.some((b) => b.status === 'cancelled'))
  const [history, seats, otherSlots, candidates, showUp, rules] = await Promise.all([
    bookingHistory(context.db, bookings.map((b) => b.id)),
    seesCandidates ? listSeats(context.db, slot.id) : Promise.resolve([]),
    active ? listSlots(context.db, actor, { freeOnly: true }) : Promise.resolve([]),
    manages ? listCandidates(context.db, actor) : Promise.resolve([]),
    manages ? showUpAdvice(context.db, actor, slot.seats) : Promise.resolve(null),
    listPolicyRules(context.db),
  ])
  return {
    slot,
    holidays: holidayDefinitions(rules),
    manages,
    started,
    active: active && {
      id: active.id,
      status: active.status,
      employerName: active.employerName,
      vacancyTitle: active.vacancyTitle,
      payment: active.paymentId ? { id: active.paymentId, status: active.paymentStatus, grossCents: active.paymentGrossCents, dueBy: active.paymentDueBy } : null,
    },
    history,
    seats,
    canWish: approvedForEmployer && started,
    otherSlots: otherSlots.filter((s) => s.id !== slot.id).map((s) => ({ id: s.id, startsAt: s.startsAt, place: s.place })),
    candidates,
    showUp,
  }
}

// Each form on the page has its own reason field (declineReason, cancelReason, slotReason), so
// labels and error ids stay unique; the module's `reason` errors are renamed to it.
const uuid = z.uuid({ message: 'errors.invalid' })
const reasonText = z.string().max(1000, 'errors.tooLong').default('')

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, slot } = await load(request, context, params.id)
  const actor = actorOf(user)
  const options = bookingOptions(context)
  const manages = can(user.role, 'speeddates:manage')
  const needs = (allowed: boolean) => {
    if (!allowed) throw new Response('Forbidden', { status: 403 })
  }
  const done = (what: string) => redirect(`/speeddates/${slot.id}?done=${what}`)
  const decide = (decision: 'approve' | 'decline') =>
    intent({
      schema: z.object({ bookingId: uuid, declineReason: reasonText }),
      rename: { reason: 'declineReason' },
      run: async ({ bookingId, declineReason }) => {
        needs(manages)
        if (!(await decideBooking(context.db, actor, bookingId, decision, declineReason, options))) throw notFound()
        return done(decision === 'approve' ? 'approved' : 'declined')
      },
    })
  return handleIntents(await request.formData(), {
    approve: decide('approve'),
    decline: decide('decline'),
    cancel: intent({
      schema: z.object({ bookingId: uuid, cancelReason: reasonText }),
      rename: { reason: 'cancelReason' },
      run: async ({ bookingId, cancelReason }) => {
        if (!(await cancelBooking(context.db, actor, bookingId, cancelReason, options))) throw notFound()
        return done('cancelled')
      },
    }),
    reschedule: intent({
      schema: z.object({ bookingId: uuid, toSlotId: uuid }),
      rename: { slotId: 'toSlotId' },
      run: async ({ bookingId, toSlotId }) => {
        if (!(await rescheduleBooking(context.db, actor, bookingId, toSlotId, options))) throw notFound()
        return redirect(`/speeddates/${toSlotId}?done=rescheduled`)
      },
    }),
    cancelSlot: intent({
      schema: z.object({ slotReason: reasonText }),
      rename: { reason: 'slotReason' },
      run: async ({ slotReason }) => {
        needs(manages)
        if (!(await cancelSlot(context.db, actor, slot.id, slotReason, options))) throw notFound()
        return done('slotCancelled')
      },
    }),
    seat: intent({
      schema: z.object({ candidateId: z.uuid({ message: 'errors.required' }) }),
      run: async ({ candidateId }) => {
        needs(manages)
        if (!(await assignSeat(context.db, actor, slot.id, candidateId))) throw notFound()
        return done('seated')
      },
    }),
    candidate: intent({
      schema: candidateSchema,
      run: async (input) => {
        needs(manages)
        const candidateId = await createCandidate(context.db, actor, input)
        await assignSeat(context.db, actor, slot.id, candidateId)
        return done('seated')
      },
    }),
    wish: intent({
      schema: z.object({ seatId: uuid, wish: z.enum(['continue', 'stop'], { message: 'errors.invalidChoice' }) }),
      run: async (input) => {
        if (!(await recordEmployerWish(context.db, actor, input))) throw notFound()
        return done('wish')
      },
    }),
    result: intent({
      schema: seatResultSchema,
      run: async (input) => {
        needs(manages)
        if (!(await recordSeatResult(context.db, actor, input))) throw notFound()
        return done('result')
      },
    }),
  })
}

export default function Slot() {
  const t = useT()
  const locale = useLocale()
  const { slot, holidays, manages, started, active, history, seats, canWish, otherSlots, candidates, showUp } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  const done = params.get('done')
  const failureFor = (intent: string) => (actionData?.intent === intent ? actionData : null)
  const doneKey = done && done !== 'created' ? (`sd.done.${done}` as MessageKey) : null
  return (
    <section className="page">
      {done === 'created' ? <Notice>{t('sd.created')}</Notice> : null}
      {doneKey ? <Notice>{t(doneKey)}</Notice> : null}
      {actionData?.formError ? (
        <div className="alert alert--error" role="alert">
          {t(actionData.formError.key, actionData.formError.params)}
        </div>
      ) : null}
      <h1>{t('sd.slotTitle', { when: formatDate(locale, slot.startsAt, true) })}</h1>
      <dl className="facts">
        <dt>{t('sd.when')}</dt>
        <dd>
          <When startsAt={slot.startsAt} endsAt={slot.endsAt} />
          <DayNote at={slot.startsAt} holidays={holidays} compact />
        </dd>
        <dt>{t('sd.where')}</dt>
        <dd>
          {slot.place}
          {slot.placeKind === 'reception_location' ? (
            <div>{slot.locationAddress ? `${slot.locationAddress}, ${[slot.locationPostcode, slot.locationMunicipality].filter(Boolean).join(' ')}` : <span className="field__hint">{t('sd.addressUnknown')}</span>}</div>
          ) : null}
        </dd>
        {slot.locationArrival ? (
          <>
            <dt>{t('sd.arrival')}</dt>
            <dd className="prewrap">{slot.locationArrival}</dd>
          </>
        ) : null}
        {slot.locationContact ? (
          <>
            <dt>{t('sd.contact')}</dt>
            <dd>{slot.locationContact}</dd>
          </>
        ) : null}
        {slot.locationAccessibility ? (
          <>
            <dt>{t('sd.accessibility')}</dt>
            <dd className="prewrap">{slot.locationAccessibility}</dd>
          </>
        ) : null}
        <dt>{t('sd.consultant')}</dt>
        <dd>{slot.consultantName}</dd>
        <dt>{t('sd.status')}</dt>
        <dd>
          {slot.status === 'cancelled' ? t('sd.slotStatus.cancelled') : t(`sd.booking.${active?.status ?? 'none'}`)}
        </dd>
        {slot.note ? (
          <>
            <dt>{t('sd.note')}</dt>
            <dd className="prewrap">{slot.note}</dd>
          </>
        ) : null}
        <dt>{t('sd.candidates')}</dt>
        <dd>{manages ? t('sd.seatsFilled', { filled: slot.seatsFilled, seats: slot.seats }) : slot.seatsFilled === 0 ? t('sd.expectedNone') : t('sd.expected', { count: slot.seatsFilled })}</dd>
      </dl>
      {manages && showUp ? (
        <p>
          {t('sd.showUp', {
            percent: Math.round(showUp.rate * 100),
            source: showUp.source === 'own' ? t('sd.showUp.own', { recorded: showUp.recorded }) : t('sd.showUp.pilot', { attended: showUp.pilot?.attended ?? 0, announced: showUp.pilot?.announced ?? 0, events: showUp.pilot?.events ?? 0 }),
            invite: showUp.invite,
            seats: slot.seats,
          })}
        </p>
      ) : null}

      {active ? (
        <>
          <h2>{t('sd.booking')}</h2>
          <p>
            {active.employerName} — {active.vacancyTitle} —{' '}
            <span className={`status status--${active.status}`}>{t(`sd.booking.${active.status}`)}</span>
          </p>
          {active.payment ? (
            <p>
              {active.status === 'awaiting_payment' && active.payment.dueBy
                ? t('sd.awaitingPaymentUntil', { grossCents: active.payment.grossCents ?? 0, until: formatDate(locale, active.payment.dueBy, true) })
                : t(`payments.status.${active.payment.status ?? 'open'}`)}{' '}
              <Link to={`/payments/${active.payment.id}`}>{manages ? t('sd.viewPayment') : active.status === 'awaiting_payment' ? t('sd.payNow') : t('sd.viewReceipt')}</Link>
            </p>
          ) : null}
          <div className="action-forms">
            {manages && active.status === 'requested' ? (
              <Form method="post">
                <input type="hidden" name="bookingId" value={active.id} />
                <button type="submit" name="intent" value="approve" className="button">
                  {t('sd.approve')}
                </button>
              </Form>
            ) : null}
            {!started && otherSlots.length > 0 && active.status !== 'awaiting_payment' ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="bookingId" value={active.id} />
                <SelectField
                  name="toSlotId"
                  label={t('sd.rescheduleTo')}
                  options={otherSlots.map((s) => ({ value: s.id, label: `${formatDate(locale, s.startsAt, true)} — ${s.place}` }))}
                />
                <button type="submit" name="intent" value="reschedule" className="button button--secondary">
                  {t('sd.reschedule')}
                </button>
              </Form>
            ) : null}
          </div>
          {/* Less frequent and final acts are folded, each with its own name: no two look alike. */}
          {manages && active.status === 'requested' ? (
            <details className="fold" open={Boolean(failureFor('decline'))}>
              <summary>{t('sd.declineFold')}</summary>
              <Form method="post" noValidate>
                <input type="hidden" name="bookingId" value={active.id} />
                <TextAreaField name="declineReason" label={t('sd.declineReason')} failure={failureFor('decline')} rows={2} required />
                <button type="submit" name="intent" value="decline" className="button button--secondary">
                  {t('sd.decline')}
                </button>
              </Form>
            </details>
          ) : null}
          {!started ? (
            <details className="fold fold--danger" open={Boolean(failureFor('cancel'))}>
              <summary>{t('sd.cancelBookingFold')}</summary>
              <Form method="post" noValidate>
                <input type="hidden" name="bookingId" value={active.id} />
                <TextAreaField name="cancelReason" label={t('sd.cancelReason')} failure={failureFor('cancel')} rows={2} required={manages} />
                <button type="submit" name="intent" value="cancel" className="button button--danger">
                  {t('sd.cancelBooking')}
                </button>
              </Form>
            </details>
          ) : null}
        </>
      ) : null}

      {seats.length > 0 || manages ? (
        <>
          <h2>{t('sd.candidates')}</h2>
          {!manages && !started ? <p>{t('sd.resultsAfter')}</p> : null}
          {seats.length === 0 ? (
            <p>{t('sd.candidatesEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('sd.reference')}</th>
                    <th scope="col">{t('sd.firstName')}</th>
                    <th scope="col">{t('sd.languages')}</th>
                    <th scope="col">{t('sd.profile')}</th>
                    <th scope="col">{t('sd.employerWish')}</th>
                    <th scope="col">{t('sd.attendance')}</th>
                    <th scope="col">{t('sd.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {seats.map((seat) => (
                    <tr key={seat.id}>
                      <td data-label={t('sd.reference')}>{seat.referenceCode}</td>
                      <td data-label={t('sd.firstName')}>{seat.firstName ?? '—'}</td>
                      <td data-label={t('sd.languages')}>{seat.languages ?? '—'}</td>
                      <td data-label={t('sd.profile')}>
                        {seat.experience ?? '—'}
                        {seat.hoursWanted ? ` (${t('sd.hoursWanted', { hours: seat.hoursWanted })})` : ''}
                      </td>
                      <td data-label={t('sd.employerWish')}>
                        {canWish ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="seatId" value={seat.id} />
                            <label className="visually-hidden" htmlFor={`wish-${seat.id}`}>
                              {t('sd.employerWish')} {seat.referenceCode}
                            </label>
                            <select id={`wish-${seat.id}`} name="wish" defaultValue={seat.employerWish ?? 'continue'}>
                              <option value="continue">{t('sd.wish.continue')}</option>
                              <option value="stop">{t('sd.wish.stop')}</option>
                            </select>{' '}
                            <button type="submit" name="intent" value="wish" className="button button--secondary">
                              {t('sd.saveWish')}
                            </button>
                          </Form>
                        ) : seat.employerWish ? (
                          t(`sd.wish.${seat.employerWish}`)
                        ) : (
                          '—'
                        )}
                      </td>
                      {manages && started ? (
                        <td data-label={t('sd.attendance')} colSpan={2}>
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="seatId" value={seat.id} />
                            <label className="visually-hidden" htmlFor={`attendance-${seat.id}`}>
                              {t('sd.attendance')} {seat.referenceCode}
                            </label>
                            <select id={`attendance-${seat.id}`} name="attendance" defaultValue={seat.attendance ?? 'attended'}>
                              <option value="attended">{t('sd.attendance.attended')}</option>
                              <option value="no_show">{t('sd.attendance.no_show')}</option>
                            </select>{' '}
                            <label className="visually-hidden" htmlFor={`outcome-${seat.id}`}>
                              {t('sd.outcome')} {seat.referenceCode}
                            </label>
                            <select id={`outcome-${seat.id}`} name="outcome" defaultValue={seat.outcome ?? ''}>
                              <option value="">{t('sd.outcome.none')}</option>
                              <option value="no_interest">{t('sd.outcome.no_interest')}</option>
                              <option value="second_talk">{t('sd.outcome.second_talk')}</option>
                              <option value="match">{t('sd.outcome.match')}</option>
                            </select>{' '}
                            <button type="submit" name="intent" value="result" className="button button--secondary">
                              {t('sd.saveResult')}
                            </button>
                          </Form>
                        </td>
                      ) : (
                        <>
                          <td data-label={t('sd.outcome')}>{seat.attendance ? t(`sd.attendance.${seat.attendance}`) : '—'}</td>
                          <td>{seat.outcome ? t(`sd.outcome.${seat.outcome}`) : '—'}</td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      ) : null}

      {manages && slot.status === 'open' ? (
        <>
          <h2>{t('sd.seatCandidate')}</h2>
          {candidates.length > 0 ? (
            <Form method="post" className="filters">
              <SelectField
                name="candidateId"
                label={t('sd.candidate')}
                failure={failureFor('seat')}
                options={candidates.map((c) => ({ value: c.id, label: c.firstName ? `${c.referenceCode} — ${c.firstName}` : c.referenceCode }))}
              />
              <div className="field">
                <button type="submit" name="intent" value="seat" className="button button--secondary">
                  {t('sd.addSeat')}
                </button>
              </div>
            </Form>
          ) : null}
          <details className="fold" open={Boolean(failureFor('candidate'))}>
          <summary>{t('sd.newCandidate')}</summary>
          <p className="field__hint">{t('sd.candidatePrivacy')}</p>
          <FormErrorSummary failure={failureFor('candidate')} />
          <Form method="post" noValidate>
            <div className="field-row">
              <TextField name="referenceCode" label={t('sd.reference')} failure={failureFor('candidate')} required />
              <TextField name="firstName" label={t('sd.firstName')} failure={failureFor('candidate')} required />
            </div>
            <TextField name="languages" label={t('sd.languages')} failure={failureFor('candidate')} required />
            <TextField name="experience" label={t('sd.experience')} failure={failureFor('candidate')} />
            <button type="submit" name="intent" value="candidate" className="button">
              {t('sd.addCandidate')}
            </button>
          </Form>
          </details>
          {!started ? (
            <details className="fold fold--danger" open={Boolean(failureFor('cancelSlot'))}>
              <summary>{t('sd.cancelSlotFold')}</summary>
              <Form method="post" noValidate>
                <TextAreaField name="slotReason" label={t('sd.cancelSlotReason')} failure={failureFor('cancelSlot')} rows={2} required />
                <button type="submit" name="intent" value="cancelSlot" className="button button--danger">
                  {t('sd.cancelSlot')}
                </button>
              </Form>
            </details>
          ) : null}
        </>
      ) : null}

      {history.length > 0 ? (
        <>
          <h2>{t('sd.history')}</h2>
          <ol className="history">
            {history.map((event) => (
              <li key={event.id}>
                <strong>{t(`sd.event.${event.action}` as MessageKey)}</strong> — {formatDate(locale, event.createdAt, true)}
                {event.actorName ? ` — ${event.actorName}` : ''}
                {event.reason ? <div>“{event.reason}”</div> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  )
}
