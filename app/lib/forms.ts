import type { z } from 'zod'
import { isMessageKey, type MessageKey, type MessageParams } from './i18n'

/** An error to show beside a field, as a catalogue key so each user reads it in their language. */
export type FieldMessage = { key: MessageKey; params?: MessageParams }
export type FieldErrors = Record<string, FieldMessage>

export type ParseResult<T> =
  | { success: true; data: T }
  | { success: false; fieldErrors: FieldErrors }

/** Schemas carry catalogue keys as messages; zod's own messages fall back to generic keys. */
export function parseWithSchema<S extends z.ZodType>(
  schema: S,
  input: unknown,
): ParseResult<z.output<S>> {
  const fieldErrors: FieldErrors = {}
  for (const field of fieldsWithControlCharacters(input)) fieldErrors[field || '_form'] = { key: 'errors.controlCharacters' }
  if (Object.keys(fieldErrors).length > 0) return { success: false, fieldErrors }
  const result = schema.safeParse(input)
  if (result.success) return { success: true, data: result.data }
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        fieldErrors[[...issue.path.map(String), key].join('.')] = { key: 'errors.unknownField' }
      }
      continue
    }
    const field = issue.path.map(String).join('.') || '_form'
    if (fieldErrors[field]) continue
    fieldErrors[field] = toFieldMessage(issue)
  }
  return { success: false, fieldErrors }
}

// The one policy for text that reaches Werkbrug, in forms and in the API (decision 013):
// - a NUL byte cannot be stored in PostgreSQL text at all, and the other C0 controls (tab, line
//   feed and carriage return aside), DEL and the C1 controls are never typed by a person — ESC
//   among them, so no ANSI escape sequence gets into a log, an email or a calendar file;
// - the bidi embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) make text
//   read differently from what it is ("Trojan Source"): a name or a title never needs them. The
//   marks LRM, RLM and ALM, which Arabic and Hebrew text does use, stay allowed.
// Line breaks in fields shown on one line are harmless in HTML and escaped where they matter
// (email headers by the mailer, calendar files in ics.server.ts).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/

// Half of a UTF-16 surrogate pair cannot be encoded as UTF-8: PostgreSQL refuses it, in text and
// in jsonb alike. Invalid UTF-8 in a request arrives here as U+FFFD and is stored as such.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

function unstorable(text: string): boolean {
  return CONTROL_CHARACTERS.test(text) || LONE_SURROGATE.test(text)
}

function fieldsWithControlCharacters(input: unknown, path: string[] = []): string[] {
  if (typeof input === 'string') return unstorable(input) ? [path.join('.')] : []
  if (Array.isArray(input)) return input.flatMap((item, index) => fieldsWithControlCharacters(item, [...path, String(index)]))
  if (input && typeof input === 'object') {
    return Object.entries(input).flatMap(([key, value]) =>
      unstorable(key) ? [path.join('.')] : fieldsWithControlCharacters(value, [...path, key]),
    )
  }
  return []
}

function toFieldMessage(issue: z.core.$ZodIssue): FieldMessage {
  if (isMessageKey(issue.message)) {
    if (issue.code === 'too_big' && 'maximum' in issue) {
      return { key: issue.message, params: { max: Number(issue.maximum) } }
    }
    if (issue.code === 'custom' && issue.params) {
      return { key: issue.message, params: issue.params as MessageParams }
    }
    return { key: issue.message }
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return { key: 'errors.required' }
  if (issue.code === 'too_big' && 'maximum' in issue) {
    return { key: 'errors.tooLong', params: { max: Number(issue.maximum) } }
  }
  return { key: 'errors.invalid' }
}

/** Text fields only: a form post never legitimately sends files to these actions. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {}
  for (const [name, value] of formData.entries()) {
    if (typeof value === 'string') values[name] = value
  }
  return values
}

/** What an action returns when input is refused: the errors, and what the user typed. */
export type FormFailure = {
  fieldErrors: FieldErrors
  formError?: FieldMessage
  values: Record<string, string>
}

export function formFailure(
  fieldErrors: FieldErrors,
  values: Record<string, string>,
  secretFields: string[] = ['password'],
): FormFailure {
  // Never echo a password back into the page.
  const kept = Object.fromEntries(Object.entries(values).filter(([k]) => !secretFields.includes(k)))
  const { _form, ...fields } = fieldErrors
  return { fieldErrors: fields, formError: _form, values: kept }
}
