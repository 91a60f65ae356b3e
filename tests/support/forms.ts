import type { HTMLElement } from 'node-html-parser'

/** A field a person can change: not hidden, not a button, not disabled. */
export type EditableField = { name: string; kind: 'select' | 'textarea' | 'checkbox' | 'radio' | 'date' | 'numeric' | 'decimal' | 'text'; options: string[] }

const controls = (form: HTMLElement) => form.querySelectorAll('input, select, textarea').filter((f) => f.getAttribute('name') && !f.hasAttribute('disabled'))

/** What a browser submits for a form, untouched: text, hidden, checked boxes (every one of a group), selected options, textareas. */
export function submittedBody(form: HTMLElement): URLSearchParams {
  const body = new URLSearchParams()
  for (const field of controls(form)) {
    const name = field.getAttribute('name')!
    const tag = field.tagName.toLowerCase()
    if (tag === 'select') {
      const options = field.querySelectorAll('option')
      const chosen = options.find((o) => o.hasAttribute('selected')) ?? options[0]
      body.append(name, chosen?.getAttribute('value') ?? chosen?.text ?? '')
    } else if (tag === 'textarea') {
      body.append(name, field.text)
    } else {
      const type = (field.getAttribute('type') ?? 'text').toLowerCase()
      if (type === 'submit' || type === 'button' || type === 'file') continue
      if ((type === 'checkbox' || type === 'radio') && !field.hasAttribute('checked')) continue
      body.append(name, field.getAttribute('value') ?? (type === 'checkbox' ? 'on' : ''))
    }
  }
  return body
}

/** The fields of a form a person can change, one entry per name (a checkbox group is one field). */
export function editableFields(form: HTMLElement): EditableField[] {
  const fields = new Map<string, EditableField>()
  for (const field of controls(form)) {
    const name = field.getAttribute('name')!
    const tag = field.tagName.toLowerCase()
    const type = (field.getAttribute('type') ?? 'text').toLowerCase()
    if (['hidden', 'submit', 'button', 'file'].includes(type) && tag === 'input') continue
    const known = fields.get(name)
    if (known) {
      if (known.kind === 'checkbox' || known.kind === 'radio') known.options.push(field.getAttribute('value') ?? 'on')
      continue
    }
    const inputMode = field.getAttribute('inputmode') ?? field.getAttribute('inputMode')
    const kind: EditableField['kind'] =
      tag === 'select' ? 'select'
      : tag === 'textarea' ? 'textarea'
      : type === 'checkbox' ? 'checkbox'
      : type === 'radio' ? 'radio'
      : type === 'date' ? 'date'
      : inputMode === 'numeric' ? 'numeric'
      : inputMode === 'decimal' ? 'decimal'
      : 'text'
    const options = tag === 'select' ? field.querySelectorAll('option').map((o) => o.getAttribute('value') ?? o.text) : type === 'checkbox' || type === 'radio' ? [field.getAttribute('value') ?? 'on'] : []
    fields.set(name, { name, kind, options })
  }
  return [...fields.values()]
}

/** The values a field holds in the submitted body, in order (a group may hold several). */
export const valuesOf = (body: URLSearchParams, name: string) => body.getAll(name)

const shiftDate = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** Another valid-looking value for a field: the generic change the round trip makes once per field. */
export function anotherValue(field: EditableField, current: string[]): string[] {
  const now = current[0] ?? ''
  switch (field.kind) {
    case 'select': {
      const other = field.options.find((o) => o !== now && o !== '')
      return other === undefined ? current : [other]
    }
    case 'radio': {
      const other = field.options.find((o) => o !== now)
      return other === undefined ? current : [other]
    }
    case 'checkbox': {
      // Toggle the first box of the group.
      const first = field.options[0]!
      return current.includes(first) ? current.filter((v) => v !== first) : [...current, first]
    }
    case 'date':
      return [now ? shiftDate(now, -1) : shiftDate(new Date().toISOString().slice(0, 10), -10)]
    case 'numeric':
      return [now ? String(Number(now) + 1) : '1']
    case 'decimal': {
      if (!now) return ['1,00']
      const cents = Math.round(Number(now.replace(/\./g, '').replace(',', '.')) * 100) + 100
      return [`${Math.floor(cents / 100)},${String(cents % 100).padStart(2, '0')}`]
    }
    default:
      return [now ? `${now} (gewijzigd)` : 'Gewijzigd']
  }
}
