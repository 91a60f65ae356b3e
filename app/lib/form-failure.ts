import type { FormFailure } from './forms'

/** Picks the refused-input payload out of whatever an action returned. */
export function asFormFailure(actionData: unknown): FormFailure | null {
  return actionData && typeof actionData === 'object' && 'fieldErrors' in actionData
    ? (actionData as FormFailure)
    : null
}
