import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from 'react'
import type { FieldMessage, FormFailure } from '~/lib/forms'
import { useT } from '~/lib/i18n/react'

type FieldProps = {
  name: string
  label: string
  hint?: string
  failure?: FormFailure | null
  defaultValue?: string
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'defaultValue' | 'id'>

/** A labelled input whose error sits beside it and is announced with it. */
export function TextField({ name, label, hint, failure, defaultValue, ...input }: FieldProps) {
  const error = failure?.fieldErrors[name]
  const id = `field-${name}`
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {input.required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        defaultValue={failure?.values[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </div>
  )
}

type TextAreaProps = {
  name: string
  label: string
  hint?: string
  failure?: FormFailure | null
  defaultValue?: string
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'defaultValue' | 'id'>

export function TextAreaField({ name, label, hint, failure, defaultValue, ...textarea }: TextAreaProps) {
  const error = failure?.fieldErrors[name]
  const id = `field-${name}`
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ')
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {textarea.required ? <RequiredMark /> : null}
      </label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        defaultValue={failure?.values[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...textarea}
      />
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </div>
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
  label: string
  options: { value: string; label: string }[]
  failure?: FormFailure | null
  defaultValue?: string
  required?: boolean
}

export function SelectField({ name, label, options, failure, defaultValue, required }: SelectProps) {
  const error = failure?.fieldErrors[name]
  const id = `field-${name}`
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {required ? <RequiredMark /> : null}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={failure?.values[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        required={required}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error ? <FieldError id={`${id}-error`} message={error} /> : null}
    </div>
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
export function FormErrorSummary({ failure }: { failure?: FormFailure | null }) {
  const t = useT()
  if (!failure) return null
  const hasFieldErrors = Object.keys(failure.fieldErrors).length > 0
  if (!hasFieldErrors && !failure.formError) return null
  return (
    <div className="alert alert--error" role="alert">
      {failure.formError ? t(failure.formError.key, failure.formError.params) : t('common.formHasErrors')}
    </div>
  )
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  )
}
