import { renderBody } from '../../app/modules/email/dispatcher.server'
import type { Locale } from '../../app/lib/i18n'
import type { DatabaseHandle } from '../../db/client.server'

/**
 * Renders the queued emails' bodies as the delivering worker does first (the tests run no worker),
 * so a test can read what will be sent; secret links stay placeholders, as in the worker.
 */
export async function renderQueuedEmails(database: DatabaseHandle): Promise<void> {
  const rows = await database.query<{ id: number; template: string; locale: Locale; props: Record<string, unknown> | null }>(
    `select id, template, locale, props from email_outbox where html is null`,
  )
  for (const row of rows) {
    const body = await renderBody(row)
    const quote = (s: string) => `'${s.replace(/'/g, "''")}'`
    await database.query(`update email_outbox set html = ${quote(body.html)}, text = ${quote(body.text)} where id = ${row.id}`)
  }
}
