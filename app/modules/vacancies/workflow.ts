import type { Role } from '~/lib/roles'
import { isEmployerRole } from '~/lib/roles'

export const vacancyStatuses = ['draft', 'submitted', 'returned', 'published', 'filled', 'closed'] as const
export type VacancyStatus = (typeof vacancyStatuses)[number]

export const vacancyActions = ['submit', 'publish', 'return', 'fill', 'close', 'reopen'] as const
export type VacancyAction = (typeof vacancyActions)[number]

type Transition = { from: VacancyStatus[]; to: VacancyStatus; by: 'employer' | 'intermediary' | 'either' }

// draft → submitted → published (intermediary approves) or returned with a comment → … → filled / closed.
const transitions: Record<VacancyAction, Transition> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'employer' },
  publish: { from: ['submitted'], to: 'published', by: 'intermediary' },
  return: { from: ['submitted', 'published'], to: 'returned', by: 'intermediary' },
  fill: { from: ['published'], to: 'filled', by: 'either' },
  close: { from: ['draft', 'submitted', 'returned', 'published'], to: 'closed', by: 'either' },
  // A filled or closed vacancy can be reopened as a draft, e.g. when a hire falls through.
  reopen: { from: ['filled', 'closed'], to: 'draft', by: 'employer' },
}

/** Editing the profile is the employer's, and only while the intermediary is not looking at it. */
export function isEditable(status: VacancyStatus): boolean {
  return status === 'draft' || status === 'returned'
}

export function nextStatus(
  status: VacancyStatus,
  action: VacancyAction,
  role: Role,
): VacancyStatus | null {
  const transition = transitions[action]
  if (!transition.from.includes(status)) return null
  const employer = isEmployerRole(role)
  if (transition.by === 'employer' && !employer) return null
  if (transition.by === 'intermediary' && employer) return null
  return transition.to
}

export function availableActions(status: VacancyStatus, role: Role): VacancyAction[] {
  return vacancyActions.filter((action) => nextStatus(status, action, role) !== null)
}
