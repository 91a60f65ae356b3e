import { z } from 'zod'
import { ApiProblem } from './problem.server'

const uuid = z.uuid()

/** A path id that is not a UUID cannot name anything of ours: 404, not 400. */
export function idParam(value: string | undefined): string {
  const parsed = uuid.safeParse(value)
  if (!parsed.success) throw new ApiProblem(404, 'api.notFound')
  return parsed.data
}
