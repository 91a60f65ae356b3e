import { z } from 'zod'

export const apiKeyCreateSchema = z.object({
  name: z.string({ message: 'errors.required' }).trim().min(1, 'errors.required').max(100, 'errors.tooLong'),
})
