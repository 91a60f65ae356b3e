/**
 * What Werkbrug notifies people of, and who hears of it. Each person chooses per kind between an
 * email at once and a daily digest (decision 017). Essential emails — security, payments, booking
 * changes that carry a calendar update — are not in this list: they always go out at once.
 */
export const notificationKinds = ['vacancy_submitted', 'vacancy_published', 'vacancy_returned', 'vacancy_closed'] as const
export type NotificationKind = (typeof notificationKinds)[number]

export const deliveries = ['immediate', 'daily_digest'] as const
export type Delivery = (typeof deliveries)[number]

/** Which side hears of each kind: the intermediary reviews a submitted vacancy; the employer hears the verdict. */
export const audienceOf: Record<NotificationKind, 'employer' | 'intermediary'> = {
  vacancy_submitted: 'intermediary',
  vacancy_published: 'employer',
  vacancy_returned: 'employer',
  vacancy_closed: 'employer',
}

export const kindsFor = (party: 'employer' | 'intermediary' | 'platform'): NotificationKind[] => notificationKinds.filter((kind) => audienceOf[kind] === party)

/** What a notification carries: enough for a line in a digest or a short email. */
export type NotificationProps = { kind: NotificationKind; title: string; organisation: string; reason: string; path: string }
