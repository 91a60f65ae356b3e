import { apiRoute, json } from '~/web/api/handler.server'
import { bookingOptions } from '~/web/payments.server'
import { idParam } from '~/lib/api/params.server'
import { ApiProblem } from '~/lib/api/problem.server'
import { bookSlot, getBooking } from '~/modules/speeddates/bookings.server'
import { bookingCreateSchema } from '~/modules/speeddates/speeddates.schema'
import { bookingJson } from '~/modules/speeddates/speeddates.presenter'

const handle = apiRoute({
  POST: async ({ params, context, actor, body }) => {
    const input = await body(bookingCreateSchema)
    const id = await bookSlot(context.db, actor, idParam(params.id), input.vacancyId, bookingOptions(context))
    if (!id) throw new ApiProblem(404, 'api.notFound')
    const booking = await getBooking(context.db, actor, id)
    return json(bookingJson(booking!), 201, { Location: `/api/v1/bookings/${id}` })
  },
})

export const loader = handle
export const action = handle
