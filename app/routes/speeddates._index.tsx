import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { FormErrorSummary, Notice, SelectField, TextAreaField, TextField } from '~/components/field'
import { When } from '~/components/when'
import { DayNote } from '~/components/day-note'
import { holidayDefinitions } from '~/modules/policy/calendar'
import { listPolicyRules } from '~/modules/policy/policy.server'
import { answerTimes } from '~/modules/workspace/todos.server'
import { recordIdOrNotFound } from '~/lib/ids.server'
import { actorOf, notFound, requirePermission } from '~/web/auth.server'
import { handleIntents, intent } from '~/lib/form-action.server'
import { amsterdamLocalToUtc } from '~/lib/dates'
import { formatDate, type MessageKey } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import { bookingOptions, redirectToCheckout } from '~/web/payments.server'
import { can } from '~/modules/authorisation/policy'
import { bookingFeesForSlots } from '~/modules/payments/booking-fees.server'
import { paymentIdForBooking } from '~/modules/payments/payments.queries.server'
import { bookSlot, listBookings } from '~/modules/speeddates/bookings.server'
import { bookableVacancies, listSlots } from '~/modules/speeddates/slots.server'
import { acceptProposal, declineProposal, listProposals, proposeTimes } from '~/modules/speeddates/proposals.server'
import { proposalSchema } from '~/modules/speeddates/speeddates.schema'
import { listReceptionLocations } from '~/modules/vacancies/vacancies.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — speeddates' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'speeddates:view')
  const actor = actorOf(user)
  const employer = can(user.role, 'speeddates:book')
  const [slots, bookings, vacancies, proposals, locations, rules, answers] = await Promise.all([
    // The intermediary also sees the last two weeks, to record attendance afterwards.
    listSlots(context.db, actor, employer ? {} : { from: new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10) }),
    employer ? listBookings(context.db, actor) : Promise.resolve([]),
    employer ? bookableVacancies(context.db, actor) : Promise.resolve([]),
    listProposals(context.db, actor),
    listReceptionLocations(context.db),
    listPolicyRules(context.db),
    // By when the employer can expect an answer to a request (median of the intermediary's decisions).
    employer ? answerTimes(context.db, actor) : Promise.resolve([]),
  ])
  const done = new URL(request.url).searchParams.get('done')
  const money = employer ? await bookingFeesForSlots(context.db, slots, context.env.paymentsEnabled) : { unpaidFee: null, paidTerms: null, slotFees: {} }
  return {
    ...money,
    holidays: holidayDefinitions(rules),
    answers,
    employer,
    manages: can(user.role, 'speeddates:manage'),
    done,
    slots: slots.map((s) => ({ ...s, mine: s.bookingOrganisationId === user.organisationId })),
    bookings: bookings.map((b) => ({ id: b.id, slotId: b.slotId, status: b.status, vacancyTitle: b.vacancyTitle, startsAt: b.startsAt, endsAt: b.endsAt, place: b.placeName ?? b.placeAddress ?? '' })),
    vacancies,
    locations,
    proposals: proposals
      .filter((p) => employer || p.status === 'open')
      .map((p) => ({ ...p, times: p.times.map((time) => ({ startsAt: amsterdamLocalToUtc(time.startsAt)?.toISOString() ?? time.startsAt })) })),
  }
}

const uuid = z.uuid({ message: 'errors.invalid' })
const proposalDecisionSchema = z.object({
  proposalId: uuid,
  timeIndex: z.coerce.number({ message: 'errors.invalidChoice' }).int('errors.invalidChoice').min(0, 'errors.invalidChoice').max(2, 'errors.invalidChoice').default(0),
  seats: z.coerce.number({ message: 'errors.seatsRange' }).int('errors.seatsRange').min(1, 'errors.seatsRange').max(50, 'errors.seatsRange'),
})

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'speeddates:view')
  const actor = actorOf(user)
  const options = bookingOptions(context)
  const needs = (permission: 'speeddates:book' | 'speeddates:manage') => {
    if (!can(user.role, permission)) throw new Response('Forbidden', { status: 403 })
  }
  return handleIntents(
    await request.formData(),
    {
      book: intent({
        schema: z.object({
          // A slot id that is not a UUID names no slot: the same answer as a slot one may not see.
          slotId: z.string().default('').transform((v) => recordIdOrNotFound(v)),
          vacancyId: z.uuid({ message: 'errors.vacancyNotBookable' }),
        }),
        run: async ({ slotId, vacancyId }) => {
          needs('speeddates:book')
          const id = await bookSlot(context.db, actor, slotId, vacancyId, options)
          if (!id) throw notFound()
          // A slot with a fee: straight on to Stripe's checkout; the booking holds the slot meanwhile.
          const paymentId = await paymentIdForBooking(context.db, id)
          if (paymentId) return redirectToCheckout(request, context, user, paymentId)
          return redirect(`/speeddates/${slotId}?done=requested`)
        },
      }),
      propose: intent({
        schema: proposalSchema,
        run: async (input) => {
          needs('speeddates:book')
          await proposeTimes(context.db, actor, input, options)
          return redirect('/speeddates?done=proposed')
        },
      }),
      acceptProposal: intent({
        schema: proposalDecisionSchema,
        run: async ({ proposalId, timeIndex, seats }) => {
          needs('speeddates:manage')
          const slotId = await acceptProposal(context.db, actor, proposalId, { timeIndex, seats }, options)
          if (!slotId) throw notFound()
          return redirect(`/speeddates/${slotId}?done=proposalAccepted`)
        },
      }),
      declineProposal: intent({
        schema: z.object({ proposalId: uuid, proposalReason: z.string().max(2000, 'errors.tooLong').default('') }),
        rename: { reason: 'proposalReason' },
        run: async ({ proposalId, proposalReason }) => {
          needs('speeddates:manage')
          if (!(await declineProposal(context.db, actor, proposalId, proposalReason, options))) throw notFound()
          return redirect('/speeddates?done=proposalDeclined')
        },
      }),
    },
    'book',
  )
}

export default function Speeddates() {
  const t = useT()
  const { employer, holidays, answers, manages, slots, bookings, vacancies, locations, proposals, done, unpaidFee, paidTerms, slotFees } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const locale = useLocale()
  const bookRefusal = actionData?.intent === 'book' ? (actionData.formError ?? Object.values(actionData.fieldErrors)[0]) : undefined
  const refusal = actionData?.formError ?? bookRefusal
  const proposeFailure = actionData?.intent === 'propose' ? actionData : null
  const proposalFailure = (id: string) => (actionData?.values.proposalId === id ? actionData : null)
  const doneKey = done && ['proposed', 'proposalDeclined'].includes(done) ? (`sd.done.${done}` as MessageKey) : null
  const free = slots.filter((s) => !s.bookingId && s.status === 'open')
  return (
    <section className="page">
      <h1>{t('sd.title')}</h1>
      <p>
        <Link to="/speeddates/week">{t('sd.weekView')}</Link>
        {employer || manages ? (
          <>
            {' · '}
            <Link to="/settings/calendar">{t('calendarFeed.link')}</Link>
          </>
        ) : null}
      </p>
      <p>{employer ? t('sd.introEmployer') : t('sd.introIntermediary')}</p>
      {doneKey ? <Notice>{t(doneKey)}</Notice> : null}
      {unpaidFee ? (
        <div className="alert alert--info" role="note">
          {t('fees.bookingNotice', { amountCents: unpaidFee.amountCents, vatCents: unpaidFee.vatCents })}
        </div>
      ) : null}
      {paidTerms ? (
        <div className="alert" role="note">
          {t('sd.feeTerms', { hours: paidTerms.hours, percent: paidTerms.percent })}
        </div>
      ) : null}
      {refusal ? (
        <div className="alert alert--error" role="alert">
          {t(refusal.key, refusal.params)}
        </div>
      ) : null}
      {manages ? (
        <p>
          <Link className="button" to="/speeddates/new">
            {t('sd.new')}
          </Link>
        </p>
      ) : null}

      {employer ? (
        <>
          <h2>{t('sd.mine')}</h2>
          {bookings.length === 0 ? (
            <p>{t('sd.mineEmpty')}</p>
          ) : (
            <ul>
              {bookings.map((b) => (
                <li key={b.id}>
                  <Link to={`/speeddates/${b.slotId}`}>
                    <When startsAt={b.startsAt} endsAt={b.endsAt} />
                  </Link>{' '}
                  — {b.place} — {b.vacancyTitle} — <span className={`status status--${b.status}`}>{t(`sd.booking.${b.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
          <h2>{t('sd.free')}</h2>
          {answers.map((a) => (
            <p key={a.intermediary} className="field__hint">
              {a.medianHours !== null ? t('sd.answerUsually', { intermediary: a.intermediary, hours: a.medianHours, decisions: a.decisions }) : t('sd.answerUnknown', { intermediary: a.intermediary })}
            </p>
          ))}
          {vacancies.length === 0 ? <p>{t('sd.noPublishedVacancy')}</p> : null}
          {free.length === 0 ? (
            <p>{t('sd.freeEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('sd.when')}</th>
                    <th scope="col">{t('sd.where')}</th>
                    <th scope="col">{t('sd.seats')}</th>
                    {paidTerms ? <th scope="col">{t('sd.fee')}</th> : null}
                    <th scope="col">{t('sd.requestFor')}</th>
                  </tr>
                </thead>
                <tbody>
                  {free.map((slot) => (
                    <tr key={slot.id}>
                      <td data-label={t('sd.when')}>
                        <When startsAt={slot.startsAt} endsAt={slot.endsAt} />
                        <DayNote at={slot.startsAt} holidays={holidays} compact />
                      </td>
                      <td data-label={t('sd.where')}>
                        {slot.place}
                        {slot.note ? <div className="field__hint">{slot.note}</div> : null}
                      </td>
                      <td data-label={t('sd.seats')}>{slot.seats}</td>
                      {paidTerms ? (
                        <td data-label={t('sd.fee')}>
                          {slotFees[slot.id]
                            ? t('sd.feeCell', { grossCents: slotFees[slot.id]!.grossCents, vatCents: slotFees[slot.id]!.vatCents })
                            : t('sd.feeNone')}
                        </td>
                      ) : null}
                      <td data-label={t('sd.requestFor')}>
                        {vacancies.length > 0 ? (
                          <Form method="post" className="inline-form">
                            <input type="hidden" name="slotId" value={slot.id} />
                            <label className="visually-hidden" htmlFor={`vacancy-${slot.id}`}>
                              {t('sd.requestFor')}
                            </label>
                            <select id={`vacancy-${slot.id}`} name="vacancyId">
                              {vacancies.map((v) => (
                                <option key={v.id} value={v.id}>
                                  {v.title}
                                </option>
                              ))}
                            </select>{' '}
                            <button type="submit" className="button">
                              {slotFees[slot.id] ? t('sd.bookAndPay') : t('sd.request')}
                            </button>
                          </Form>
                        ) : (
                          '—'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {vacancies.length > 0 ? (
            <>
              <h2>{t('sd.propose')}</h2>
              <p>{t('sd.proposeIntro')}</p>
              <FormErrorSummary failure={proposeFailure} />
              <Form method="post" noValidate>
                <input type="hidden" name="intent" value="propose" />
                <SelectField name="vacancyId" label={t('sd.vacancy')} failure={proposeFailure} options={vacancies.map((v) => ({ value: v.id, label: v.title }))} />
                {([1, 2, 3] as const).map((n) => (
                  <fieldset key={n}>
                    <legend>{t('sd.proposeTime', { n })}</legend>
                    <div className="field-row">
                      <TextField name={`time${n}Start`} type="datetime-local" label={t('sd.startsAt')} failure={proposeFailure} required={n === 1} />
                      <TextField name={`time${n}End`} type="datetime-local" label={t('sd.endsAt')} failure={proposeFailure} required={n === 1} />
                    </div>
                  </fieldset>
                ))}
                <SelectField
                  name="placeKind"
                  label={t('sd.placeKind')}
                  failure={proposeFailure}
                  defaultValue="employer_site"
                  options={[
                    { value: 'employer_site', label: t('sd.place.employer_site') },
                    { value: 'reception_location', label: t('sd.place.reception_location') },
                  ]}
                />
                <TextField name="placeAddress" label={t('sd.placeAddress')} failure={proposeFailure} />
                <SelectField
                  name="receptionLocationId"
                  label={t('sd.receptionLocation')}
                  failure={proposeFailure}
                  options={[{ value: '', label: t('vacancy.choose') }, ...locations.map((l) => ({ value: l.id, label: l.name }))]}
                />
                <TextAreaField name="note" label={t('sd.note')} failure={proposeFailure} rows={2} />
                <button type="submit" className="button">
                  {t('sd.proposeSubmit')}
                </button>
              </Form>
            </>
          ) : null}
          {proposals.length > 0 ? (
            <>
              <h2>{t('sd.myProposals')}</h2>
              <ul>
                {proposals.map((p) => (
                  <li key={p.id}>
                    {p.vacancyTitle} — {p.times.map((time) => formatDate(locale, time.startsAt, true)).join(' / ')} —{' '}
                    <span className={`status status--${p.status}`}>{t(`sd.proposal.${p.status}`)}</span>
                    {p.reason ? <div>“{p.reason}”</div> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <>
          {/* What waits on the intermediary first: requests to approve or decline, then employers' own times. */}
          <h2 id="requests">{t('sd.requestsWaiting', { count: slots.filter((s) => s.bookingStatus === 'requested').length })}</h2>
          {slots.some((s) => s.bookingStatus === 'requested') ? (
            <ul className="todo-list" data-testid="requests">
              {slots
                .filter((s) => s.bookingStatus === 'requested')
                .map((slot) => (
                  <li key={slot.id}>
                    <Link to={`/speeddates/${slot.id}`}>
                      {slot.bookingEmployer} — {slot.bookingVacancy}
                    </Link>
                    <div className="todo-list__detail">
                      <When startsAt={slot.startsAt} endsAt={slot.endsAt} /> · {slot.place}
                    </div>
                  </li>
                ))}
            </ul>
          ) : (
            <p>{t('sd.requestsNone')}</p>
          )}
          <h2>{t('sd.proposals')}</h2>
          {proposals.length === 0 ? (
            <p>{t('sd.proposalsEmpty')}</p>
          ) : (
            proposals.map((p) => (
              <article key={p.id} id={`proposal-${p.id}`} className="proposal">
                <h3>
                  {p.employerName} — {p.vacancyTitle}
                </h3>
                <p>
                  {p.place ?? p.placeAddress}
                  {p.note ? ` — ${p.note}` : ''}
                </p>
                {proposalFailure(p.id)?.formError ? (
                  <div className="alert alert--error" role="alert">
                    {t(proposalFailure(p.id)!.formError!.key)}
                  </div>
                ) : null}
                <Form method="post" className="filters">
                  <input type="hidden" name="intent" value="acceptProposal" />
                  <input type="hidden" name="proposalId" value={p.id} />
                  <fieldset className="checkbox-group">
                    <legend>{t('sd.acceptTime')}</legend>
                    {p.times.map((time, i) => (
                      <label key={i} className="checkbox">
                        <input type="radio" name="timeIndex" value={i} defaultChecked={i === 0} />{' '}
                        {formatDate(locale, time.startsAt, true)}
                      </label>
                    ))}
                  </fieldset>
                  <TextField name="seats" scope={p.id} label={t('sd.seats')} defaultValue="8" inputMode="numeric" failure={proposalFailure(p.id)} />
                  <div className="field">
                    <button type="submit" className="button">
                      {t('sd.accept')}
                    </button>
                  </div>
                </Form>
                <Form method="post" noValidate>
                  <input type="hidden" name="intent" value="declineProposal" />
                  <input type="hidden" name="proposalId" value={p.id} />
                  <TextAreaField name="proposalReason" scope={p.id} label={t('sd.declineReason')} failure={proposalFailure(p.id)} rows={2} required />
                  <button type="submit" className="button button--secondary">
                    {t('sd.decline')}
                  </button>
                </Form>
              </article>
            ))
          )}
          <h2>{t('sd.slots')}</h2>
          {slots.length === 0 ? (
            <p>{t('sd.slotsEmpty')}</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('sd.when')}</th>
                    <th scope="col">{t('sd.where')}</th>
                    <th scope="col">{t('sd.seats')}</th>
                    <th scope="col">{t('sd.status')}</th>
                    <th scope="col">{t('sd.heldBy')}</th>
                  </tr>
                </thead>
                <tbody>
                  {slots.map((slot) => (
                    <tr key={slot.id}>
                      <td data-label={t('sd.when')}>
                        <Link to={`/speeddates/${slot.id}`}>
                          <When startsAt={slot.startsAt} endsAt={slot.endsAt} />
                        </Link>
                        <DayNote at={slot.startsAt} holidays={holidays} compact />
                      </td>
                      <td data-label={t('sd.where')}>{slot.place}</td>
                      <td data-label={t('sd.seats')}>{t('sd.seatsFilled', { filled: slot.seatsFilled, seats: slot.seats })}</td>
                      <td data-label={t('sd.status')}>
                        {slot.status === 'cancelled' ? t('sd.slotStatus.cancelled') : t(`sd.booking.${slot.bookingStatus ?? 'none'}`)}
                      </td>
                      <td data-label={t('sd.heldBy')}>{slot.bookingEmployer ? `${slot.bookingEmployer} — ${slot.bookingVacancy}` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  )
}

