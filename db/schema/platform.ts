import {
  boolean,
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { locale, organisations, users } from './accounts'

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed'])
export const emailTransport = pgEnum('email_transport', ['smtp', 'mailbox'])

export type EmailAttachment = { filename: string; contentType: string; content: string }

// Transactional outbox: written in the same transaction as the change it reports, delivered by
// the dispatcher. Rows are never deleted by the dispatcher, so nothing is dropped silently.
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    template: text().notNull(),
    toAddress: text().notNull(),
    locale: locale().notNull(),
    subject: text().notNull(),
    // Rendered by the worker that delivers the email, after it claimed the row — never inside the
    // transaction that queued it (decision 015). Until then the template's props are kept.
    props: jsonb().$type<Record<string, unknown>>(),
    html: text(),
    text: text(),
    attachments: jsonb().$type<EmailAttachment[]>().notNull().default([]),
    // An address given for this one email (the quick scan's "mail it to me"): wiped once sent.
    forgetRecipient: boolean().notNull().default(false),
    // Links that act for the recipient (password reset, invitation, address confirmation). The
    // html and text hold placeholders; the dispatcher puts these in at sending and then clears
    // them, so no page, API or later reader of this row can find a live link.
    secretLinks: jsonb().$type<string[]>(),
    status: outboxStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Set while a worker delivers the email (claim, commit, send, record): another worker leaves it
    // alone until then, and takes it over if the first one died before recording the outcome.
    claimedUntil: timestamp({ withTimezone: true }),
    lastError: text(),
    transport: emailTransport(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('email_outbox_due_idx').on(t.status, t.nextAttemptAt)],
)

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    action: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_log_organisation_idx').on(t.organisationId, t.createdAt)],
)

export const appMeta = pgTable('app_meta', {
  key: text().primaryKey(),
  value: jsonb().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})
