import { apiRoute, json } from '~/web/api/handler.server'
import { bookingOptions } from '~/web/payments.server'
import { idParam } from '~/lib/api/params.server'
import { ApiProblem } from '~/lib/api/problem.server'
import { cancelBooking } from '~/modules/speeddates/bookings.server'
import { optionalReasonSchema } from '~/modules/speeddates/speeddates.schema'
import { bookingJson } from '~/modules/speeddates/speeddates.presenter'

const handle = apiRoute({
  POST: async ({ params, context, actor, optionalBody }) => {
    const input = await optionalBody(optionalReasonSchema.strict(), { reason: '' })
    const booking = await cancelBooking(context.db, actor, idParam(params.id), input.reason, bookingOptions(context))
    if (!booking) throw new ApiProblem(404, 'api.notFound')
    return json(bookingJson(booking))
  },
})

export const loader = handle
export const action = handle
