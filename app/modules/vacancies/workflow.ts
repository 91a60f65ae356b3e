import type { Party } from '~/modules/authorisation'

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
  party: Party,
): VacancyStatus | null {
  const transition = transitions[action]
  if (!transition.from.includes(status)) return null
  if (party === 'platform') return null
  if (transition.by !== 'either' && transition.by !== party) return null
  return transition.to
}

export function availableActions(status: VacancyStatus, party: Party): VacancyAction[] {
  return vacancyActions.filter((action) => nextStatus(status, action, party) !== null)
}
