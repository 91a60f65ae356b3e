import { data } from '@remix-run/node'
import type { z } from 'zod'
import { FieldValidationError, StateConflictError } from './errors.server'
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

type IntentHandler<S extends z.ZodType> = {
  schema: S
  run: (input: z.output<S>, values: Record<string, string>) => Promise<Response>
  /** Module errors are named after the module's field; the form may name it per intent (e.g. reason → declineReason). */
  rename?: Record<string, string>
}

/** Declares one intent of a form with several buttons; the schema gives the handler its input type. */
export function intent<S extends z.ZodType>(handler: IntentHandler<S>): IntentHandler<z.ZodType> {
  return handler as unknown as IntentHandler<z.ZodType>
}

/**
 * A form with several intents (approve, decline, cancel…) is handled like a form with one: the
 * intent picks a schema — ids in hidden fields included, so an id that is not a UUID is a field
 * error, not a database error — then the module function runs. Refused input is a 400 and a
 * state rule a 409, both with the intent and what was typed, so the page shows the error at the
 * right form. An unknown intent is a 400.
 */
export async function handleIntents(formData: FormData, intents: Record<string, IntentHandler<z.ZodType>>, fallback?: string) {
  const values = formValues(formData)
  const name = values.intent ?? fallback ?? ''
  const handler = Object.hasOwn(intents, name) ? intents[name] : undefined
  if (!handler) throw new Response('Bad request', { status: 400 })
  const renamed = (errors: FormFailure['fieldErrors']) =>
    Object.fromEntries(Object.entries(errors).map(([field, message]) => [handler.rename?.[field] ?? field, message]))
  try {
    const parsed = parseWithSchema(handler.schema, values)
    if (!parsed.success) throw new FieldValidationError(parsed.fieldErrors)
    return await handler.run(parsed.data, values)
  } catch (error) {
    if (error instanceof FieldValidationError) return data({ intent: name, ...formFailure(renamed(error.fieldErrors), values) }, { status: 400 })
    if (error instanceof StateConflictError) return data({ intent: name, ...formFailure({ _form: { key: error.key } }, values) }, { status: 409 })
    throw error
  }
}
