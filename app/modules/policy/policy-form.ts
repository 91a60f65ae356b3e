import type { FieldErrors, FieldMessage } from '~/lib/forms'
import type { StoredRule } from './policy.server'
import type { RuleEdit } from './policy.server'

/** A blank source row is offered under the rule's sources; left empty, it is not a source. */
export const SOURCE_ROWS_EXTRA = 1

/**
 * The admin form's fields (sources.N.title, …, data as JSON text) as the input of the rule
 * schema. Unparseable JSON is reported on the data field, not guessed at.
 */
export function formToRuleInput(values: Record<string, string>): { content: Record<string, unknown>; data: unknown; rowOf: Map<string, string>; errors: FieldErrors } {
  const errors: FieldErrors = {}
  const indices = [...new Set(Object.keys(values).flatMap((name) => /^sources\.(\d+)\./.exec(name)?.[1] ?? []))].map(Number).sort((a, b) => a - b)
  const sources = indices
    .map((i) => {
      const field = (name: string) => (values[`sources.${i}.${name}`] ?? '').trim()
      return {
        index: i,
        blank: !field('title') && !field('url') && !field('section'),
        value: {
          kind: field('kind'),
          title: field('title'),
          url: field('url') || null,
          section: field('section') || null,
          readOn: field('readOn') || null,
          verified: values[`sources.${i}.verified`] === 'on',
        },
      }
    })
    .filter((s) => !s.blank)
  let data: unknown = null
  try {
    data = JSON.parse(values.data ?? '')
  } catch {
    errors.data = { key: 'errors.invalidJson' }
  }
  const content = {
    titleNl: values.titleNl ?? '',
    titleEn: values.titleEn ?? '',
    bodyNl: values.bodyNl ?? '',
    bodyEn: values.bodyEn ?? '',
    sources: sources.map((s) => s.value),
    effectiveFrom: values.effectiveFrom || null,
    effectiveTo: values.effectiveTo || null,
    reviewedOn: values.reviewedOn ?? '',
    reviewBy: values.reviewBy ?? '',
    status: values.status ?? '',
  }
  // Errors on sources.K refer to the K-th kept row: name them by the row's field in the form.
  const rowOf = new Map(sources.map((s, k) => [String(k), String(s.index)]))
  return { content, data, rowOf, errors }
}

/** Schema issues (sources.K.url, data.x) as errors on the form's fields. */
export function ruleErrorsToFields(issues: { path: (string | number)[]; message: string }[], rowOf: Map<string, string>): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) errors[issue.path.join('.') || '_form'] ??= { key: issue.message } as FieldMessage
  return renameSourceErrors(errors, rowOf)
}

/**
 * Errors on the K-th kept source row named by that row's fields in the form (blank rows were
 * dropped before validation), and anything inside the data on the data field. The first error of
 * a field stays.
 */
export function renameSourceErrors(errors: FieldErrors, rowOf: Map<string, string>): FieldErrors {
  const renamed: FieldErrors = {}
  for (const [name, message] of Object.entries(errors)) {
    const match = /^sources\.(\d+)(\..*)?$/.exec(name)
    renamed[match ? `sources.${rowOf.get(match[1]!) ?? match[1]}${match[2] ?? ''}` : name === 'data' || name.startsWith('data.') ? 'data' : name] ??= message
  }
  return renamed
}

/** The rule as the form shows it: the same values a save without changes sends back. */
export function ruleToFormValues(rule: StoredRule): Record<string, string> {
  const values: Record<string, string> = {
    titleNl: rule.titleNl,
    titleEn: rule.titleEn,
    bodyNl: rule.bodyNl,
    bodyEn: rule.bodyEn,
    effectiveFrom: rule.effectiveFrom ?? '',
    effectiveTo: rule.effectiveTo ?? '',
    reviewedOn: rule.reviewedOn,
    reviewBy: rule.reviewBy,
    status: rule.status,
    data: JSON.stringify(rule.data, null, 2),
  }
  rule.sources.forEach((source, i) => {
    values[`sources.${i}.kind`] = source.kind
    values[`sources.${i}.title`] = source.title
    values[`sources.${i}.url`] = source.url ?? ''
    values[`sources.${i}.section`] = source.section ?? ''
    values[`sources.${i}.readOn`] = source.readOn ?? ''
    if (source.verified) values[`sources.${i}.verified`] = 'on'
  })
  return values
}

export type { RuleEdit }
