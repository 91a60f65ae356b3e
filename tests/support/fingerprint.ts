import type { TestApp } from './app'

/** A digest of the tenant and account data: a refused request must leave it exactly as it was. */
export async function databaseFingerprint(database: TestApp['database']): Promise<string> {
  const parts = [
    'organisations', 'users', 'employer_intermediaries', 'invitations', 'vacancies', 'vacancy_events', 'vacancy_travel_times',
    'speeddate_slots', 'speeddate_bookings', 'speeddate_booking_events', 'speeddate_seats', 'speeddate_proposals', 'candidates',
    'hires', 'hire_steps', 'arrangements', 'payments', 'fees', 'cancellation_policies', 'policy_rules', 'policy_rule_changes', 'policy_notices', 'audit_log', 'email_outbox',
    'password_reset_tokens', 'email_confirmation_tokens', 'employer_approaches', 'target_group_counts', 'aftercare_check_ins', 'anonymous_pipeline_records',
    'notification_preferences', 'notification_digest_items', 'calendar_feeds', 'webhook_endpoints', 'webhook_deliveries', 'quick_scans', 'scan_counts', 'reception_locations',
  ].map((table) => `(select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ${table} t)`)
  // API keys: their last use is noted on every authenticated call, refused or not.
  parts.push(`(select md5(coalesce(string_agg(id::text || coalesce(revoked_at::text, ''), '|' order by id), '')) from api_keys)`)
  const [row] = await database.query<{ digest: string }>(`select md5(${parts.join(' || ')}) as digest`)
  return row!.digest
}

