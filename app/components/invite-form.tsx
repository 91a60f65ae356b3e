import { Form } from '@remix-run/react'
import type { FormFailure } from '~/lib/forms'
import { formatDate } from '~/lib/i18n'
import { useLocale, useT } from '~/lib/i18n/react'
import type { Role } from '~/modules/authorisation/roles'
import { FormErrorSummary, Notice, SelectField, TextField } from './field'

/** Invite someone by email with one of the given roles (team page and admin accounts page). */
export function InviteForm({
  roles,
  failure,
  invited,
  submitLabel,
}: {
  roles: Role[]
  failure: FormFailure | null
  invited: string | null
  submitLabel: string
}) {
  const t = useT()
  return (
    <>
      {invited ? <Notice>{t('team.invited', { email: invited })}</Notice> : null}
      <FormErrorSummary failure={failure} />
      <Form method="post" noValidate key={invited ?? 'invite'}>
        <input type="hidden" name="intent" value="invite" />
        <TextField name="email" type="email" label={t('team.inviteEmail')} failure={failure} required autoComplete="off" />
        <SelectField
          name="role"
          label={t('team.inviteRole')}
          failure={failure}
          defaultValue={roles[0]}
          options={roles.map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
        <button type="submit" className="button">
          {submitLabel}
        </button>
      </Form>
    </>
  )
}

type Person = { id: string; name: string; email: string; role: Role; createdAt: string | Date }

/** Users with their role and since when; `nameCell` lets a page turn names into links. */
export function PeopleTable({ people, nameCell }: { people: Person[]; nameCell?: (person: Person) => React.ReactNode }) {
  const t = useT()
  const locale = useLocale()
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('team.name')}</th>
            <th scope="col">{t('team.email')}</th>
            <th scope="col">{t('team.role')}</th>
            <th scope="col">{t('team.since')}</th>
          </tr>
        </thead>
        <tbody>
          {people.map((person) => (
            <tr key={person.id}>
              <td data-label={t('team.name')}>{nameCell ? nameCell(person) : person.name}</td>
              <td data-label={t('team.email')}>{person.email}</td>
              <td data-label={t('team.role')}>{t(`role.${person.role}`)}</td>
              <td data-label={t('team.since')}>{formatDate(locale, person.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
