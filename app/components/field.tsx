import { useEffect, useRef, useState, type InputHTMLAttributes, type MouseEvent, type ReactNode, type TextareaHTMLAttributes } from 'react'
import type { FieldMessage, FormFailure } from '~/lib/forms'
import { useT } from '~/lib/i18n/react'

type CommonFieldProps = {
  name: string
  /** Distinguishes ids when the same form appears more than once on a page. */
  scope?: string
  label: string
  hint?: string
  failure?: FormFailure | null
  defaultValue?: string
}

/**
 * Label, hint, control and error of one field; the control gets the ids that tie them together,
 * so a screen reader announces the hint and the error with the control.
 */
function FieldShell({
  name,
  scope,
  label,
  hint,
  failure,
  required,
  children,
}: {
  name: string
  scope?: string
  label: string
  hint?: string
  failure?: FormFailure | null
  required?: boolean
  children: (control: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode
}) {
  const error = failure?.fieldErrors[name]
  const id = fieldId(name, scope)
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy || undefined })}
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </div>
  )
}

type FieldProps = CommonFieldProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'defaultValue' | 'id'>

/** A labelled input whose error sits beside it and is announced with it. */
export function TextField({ name, scope, label, hint, failure, defaultValue, ...input }: FieldProps) {
  return (
    <FieldShell name={name} scope={scope} label={label} hint={hint} failure={failure} required={input.required}>
      {(control) => <input {...control} name={name} defaultValue={failure?.values[name] ?? defaultValue} {...input} />}
    </FieldShell>
  )
}

type TextAreaProps = CommonFieldProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'defaultValue' | 'id'>

export function TextAreaField({ name, scope, label, hint, failure, defaultValue, ...textarea }: TextAreaProps) {
  return (
    <FieldShell name={name} scope={scope} label={label} hint={hint} failure={failure} required={textarea.required}>
      {(control) => <textarea {...control} name={name} defaultValue={failure?.values[name] ?? defaultValue} {...textarea} />}
    </FieldShell>
  )
}

export function CheckboxField({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  return (
    <div className="field field--checkbox">
      <label className="checkbox">
        <input type="checkbox" name={name} defaultChecked={defaultChecked} /> {label}
      </label>
    </div>
  )
}

type SelectProps = {
  name: string
  scope?: string
  label: string
  options: { value: string; label: string }[]
  failure?: FormFailure | null
  defaultValue?: string
  required?: boolean
  hint?: string
}

export function SelectField({ name, scope, label, options, failure, defaultValue, required, hint }: SelectProps) {
  return (
    <FieldShell name={name} scope={scope} label={label} hint={hint} failure={failure} required={required}>
      {(control) => (
        <select {...control} name={name} defaultValue={failure?.values[name] ?? defaultValue} required={required}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  )
}

function RequiredMark() {
  const t = useT()
  return (
    <span className="field__required">
      {' '}
      ({t('common.required')})
    </span>
  )
}

export function FieldError({ id, message }: { id: string; message: FieldMessage }) {
  const t = useT()
  return (
    <p className="field__error" id={id}>
      {t(message.key, message.params)}
    </p>
  )
}

/** Announced once after a refused submit, so screen-reader users know to look at the fields. */
/**
 * The error summary at the top of a form (the GOV.UK pattern): what went wrong, and a link to
 * each field that needs attention. Without JavaScript each link names the problem and jumps to
 * the field; with it, the links also name the field (read from its label) and the summary takes
 * focus, so a keyboard or screen-reader user starts from it.
 */
export function FormErrorSummary({ failure, scope }: { failure?: FormFailure | null; scope?: string }) {
  const t = useT()
  const summary = useRef<HTMLDivElement>(null)
  const [labels, setLabels] = useState<Record<string, string>>({})
  const fields = failure ? Object.entries(failure.fieldErrors) : []
  useEffect(() => {
    if (!failure) return
    const found: Record<string, string> = {}
    for (const name of Object.keys(failure.fieldErrors)) {
      const label = document.querySelector(`label[for="${CSS.escape(fieldId(name, scope))}"]`)
      if (!label) continue
      const copy = label.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.field__required').forEach((mark) => mark.remove())
      found[name] = copy.textContent?.trim() ?? ''
    }
    setLabels(found)
    summary.current?.focus()
  }, [failure, scope])
  if (!failure || (fields.length === 0 && !failure.formError)) return null
  return (
    <div className="alert alert--error error-summary" role="alert" tabIndex={-1} ref={summary}>
      <p className="error-summary__title">{failure.formError ? t(failure.formError.key, failure.formError.params) : t('common.formHasErrors')}</p>
      {fields.length > 0 ? (
        <ul className="error-summary__list">
          {fields.map(([name, message]) => (
            <li key={name}>
              <a href={`#${fieldId(name, scope)}`} onClick={(event) => focusField(event, fieldId(name, scope))}>
                {labels[name] ? `${labels[name]}: ` : ''}
                {t(message.key, message.params)}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  )
}

/** Following the link puts the cursor in the field, not just the field in view. */
function focusField(event: MouseEvent, id: string) {
  const field = document.getElementById(id)
  if (!field) return
  event.preventDefault()
  field.focus()
  field.scrollIntoView({ block: 'center' })
}

export function fieldId(name: string, scope?: string) {
  return `field-${scope ? `${scope}-` : ''}${name}`
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  )
}
