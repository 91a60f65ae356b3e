import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { When } from '~/components/when'
import { actorOf, notFound, requirePermission } from '~/lib/auth.server'
import { FieldValidationError, StateConflictError } from '~/lib/errors.server'
import { formFailure } from '~/lib/forms'
import { useT } from '~/lib/i18n/react'
import { can } from '~/lib/permissions'
import { bookSlot, listBookings } from '~/modules/speeddates/bookings.server'
import { bookableVacancies, listSlots } from '~/modules/speeddates/slots.server'
import { bookingCreateSchema } from '~/modules/speeddates/speeddates.schema'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — speeddates' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requirePermission(request, context, 'speeddates:view')
  const actor = actorOf(user)
  const employer = can(user.role, 'speeddates:book')
  const [slots, bookings, vacancies] = await Promise.all([
    // The intermediary also sees the last two weeks, to record attendance afterwards.
    listSlots(context.db, actor, employer ? {} : { from: new Date(Date.now() - 14 * 86_400_000).toISOString().slice(0, 10) }),
    employer ? listBookings(context.db, actor) : Promise.resolve([]),
    employer ? bookableVacancies(context.db, actor) : Promise.resolve([]),
  ])
  const done = new URL(request.url).searchParams.get('done')
  return {
    employer,
    manages: can(user.role, 'speeddates:manage'),
    done,
    slots: slots.map((s) => ({ ...s, mine: s.bookingOrganisationId === user.organisationId })),
    bookings: bookings.map((b) => ({ id: b.id, slotId: b.slotId, status: b.status, vacancyTitle: b.vacancyTitle, startsAt: b.startsAt, endsAt: b.endsAt, place: b.placeName ?? b.placeAddress ?? '' })),
    vacancies,
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, context, 'speeddates:book')
  const formData = await request.formData()
  const slotId = String(formData.get('slotId') ?? '')
  const parsed = bookingCreateSchema.safeParse({ vacancyId: formData.get('vacancyId') })
  if (!parsed.success) return data({ slotId, ...formFailure({ vacancyId: { key: 'errors.vacancyNotBookable' } }, {}) }, { status: 400 })
  try {
    const id = await bookSlot(context.db, actorOf(user), slotId, parsed.data.vacancyId, { appUrl: context.env.APP_URL })
    if (!id) throw notFound()
    return redirect(`/speeddates/${slotId}?done=requested`)
  } catch (error) {
    if (error instanceof FieldValidationError) return data({ slotId, ...formFailure(error.fieldErrors, {}) }, { status: 400 })
    if (error instanceof StateConflictError) return data({ slotId, ...formFailure({ _form: { key: error.key } }, {}) }, { status: 409 })
    throw error
  }
}

export default function Speeddates() {
  const t = useT()
  const { employer, manages, slots, bookings, vacancies } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const refusal = actionData?.formError ?? Object.values(actionData?.fieldErrors ?? {})[0]
  const free = slots.filter((s) => !s.bookingId && s.status === 'open')
  return (
    <section className="page">
      <h1>{t('sd.title')}</h1>
      <p>{employer ? t('sd.introEmployer') : t('sd.introIntermediary')}</p>
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
                    <th scope="col">{t('sd.requestFor')}</th>
                  </tr>
                </thead>
                <tbody>
                  {free.map((slot) => (
                    <tr key={slot.id}>
                      <td>
                        <When startsAt={slot.startsAt} endsAt={slot.endsAt} />
                      </td>
                      <td>
                        {slot.place}
                        {slot.note ? <div className="field__hint">{slot.note}</div> : null}
                      </td>
                      <td>{slot.seats}</td>
                      <td>
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
                              {t('sd.request')}
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
        </>
      ) : (
        <>
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
                      <td>
                        <Link to={`/speeddates/${slot.id}`}>
                          <When startsAt={slot.startsAt} endsAt={slot.endsAt} />
                        </Link>
                      </td>
                      <td>{slot.place}</td>
                      <td>{t('sd.seatsFilled', { filled: slot.seatsFilled, seats: slot.seats })}</td>
                      <td>
                        {slot.status === 'cancelled' ? t('sd.slotStatus.cancelled') : t(`sd.booking.${slot.bookingStatus ?? 'none'}`)}
                      </td>
                      <td>{slot.bookingEmployer ? `${slot.bookingEmployer} — ${slot.bookingVacancy}` : '—'}</td>
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

