import { data } from '@remix-run/node'
import type { z } from 'zod'
import { FieldValidationError } from './errors.server'
import { formFailure, formValues, parseWithSchema, type FormFailure } from './forms'

/**
 * The shape of every form action: parse with the input's schema, run the module function, and
 * turn refused input — from the schema or from a business rule — into a 400 with the errors
 * beside the fields and the user's text kept.
 */
export async function handleForm<S extends z.ZodType, R>(
  formData: FormData,
  schema: S,
  handler: (input: z.output<S>, values: Record<string, string>) => Promise<R>,
  secretFields?: string[],
) {
  const values = formValues(formData)
  const parsed = parseWithSchema(schema, values)
  if (!parsed.success) return refused(parsed.fieldErrors, values, secretFields)
  try {
    return await handler(parsed.data, values)
  } catch (error) {
    if (error instanceof FieldValidationError) {
      return refused(error.fieldErrors, values, secretFields)
    }
    throw error
  }
}

function refused(
  fieldErrors: FormFailure['fieldErrors'],
  values: Record<string, string>,
  secretFields?: string[],
) {
  return data(formFailure(fieldErrors, values, secretFields), { status: 400 })
}
