import { apiRoute, json } from '~/web/api/handler.server'
import { idParam } from '~/lib/api/params.server'
import { ApiProblem } from '~/lib/api/problem.server'
import { getBooking } from '~/modules/speeddates/bookings.server'
import { bookingJson } from '~/modules/speeddates/speeddates.presenter'

const handle = apiRoute({
  GET: async ({ params, context, actor }) => {
    const booking = await getBooking(context.db, actor, idParam(params.id))
    if (!booking) throw new ApiProblem(404, 'api.notFound')
    return json(bookingJson(booking))
  },
})

export const loader = handle
export const action = handle
