import { z } from 'zod'

export const endpointCreateSchema = z
  .object({
    url: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(2000, 'errors.tooLong'),
    description: z
      .string()
      .trim()
      .max(200, 'errors.tooLong')
      .optional()
      .transform((v) => v || null),
  })
  .strict()

export type EndpointCreateInput = z.output<typeof endpointCreateSchema>
