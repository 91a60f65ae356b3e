import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { policyRuleChanges, policyRules } from '#db/schema'
import { logWarning } from '~/lib/log.server'
import type { Actor } from '~/modules/authorisation'
import { recordAudit } from '~/modules/audit/index.server'
import { policyDefaults } from './defaults'
import type { PolicyDefault } from './defaults-twv'
import { factParamsOfRule } from './risk-codes'
import { ruleOf, type AnyPolicyRule, type PolicyRule } from './rule'
import { policyKinds, sourceSchema, validateRule, type PolicyKind, type RuleContent } from './schemas'

const columns = {
  key: policyRules.key,
  kind: policyRules.kind,
  titleNl: policyRules.titleNl,
  titleEn: policyRules.titleEn,
  bodyNl: policyRules.bodyNl,
  bodyEn: policyRules.bodyEn,
  sources: policyRules.sources,
  effectiveFrom: policyRules.effectiveFrom,
  effectiveTo: policyRules.effectiveTo,
  reviewedOn: policyRules.reviewedOn,
  reviewBy: policyRules.reviewBy,
  status: policyRules.status,
  data: policyRules.data,
  updatedAt: policyRules.updatedAt,
  editedAt: policyRules.editedAt,
}

function row(d: PolicyDefault, sortOrder: number) {
  return {
    key: d.key,
    kind: d.kind,
    titleNl: d.titleNl,
    titleEn: d.titleEn,
    bodyNl: d.bodyNl,
    bodyEn: d.bodyEn,
    sources: d.sources,
    effectiveFrom: d.effectiveFrom ?? null,
    effectiveTo: d.effectiveTo ?? null,
    reviewedOn: d.reviewedOn,
    reviewBy: d.reviewBy,
    status: d.status,
    data: d.data,
    sortOrder,
    revision: d.revision,
  }
}

/**
 * Brings the defaults into the database: adds missing keys and updates rows nobody edited that
 * hold an older revision (a correction shipped with the code). An admin's edit is never
 * overwritten; such a rule keeps its content and the correction is logged for the admin.
 * Returns the keys it updated, so the caller can tell the people a correction affects.
 */
export async function syncPolicyDefaults(db: Db): Promise<string[]> {
  const values = policyDefaults.map(row)
  await db.insert(policyRules).values(values).onConflictDoNothing({ target: policyRules.key })
  const updated: string[] = []
  for (const value of values) {
    const [done] = await db
      .update(policyRules)
      .set({ ...value, updatedAt: new Date() })
      .where(and(eq(policyRules.key, value.key), lt(policyRules.revision, value.revision), isNull(policyRules.editedAt)))
      .returning({ key: policyRules.key })
    if (done) updated.push(done.key)
    else {
      const [edited] = await db
        .select({ key: policyRules.key })
        .from(policyRules)
        .where(and(eq(policyRules.key, value.key), lt(policyRules.revision, value.revision)))
      if (edited) logWarning('policy', `a corrected default of ${edited.key} was not applied because an admin edited the rule; review it`)
    }
  }
  if (updated.length > 0) {
    await db.insert(policyRuleChanges).values(updated.map((ruleKey) => ({ ruleKey, changedByUserId: null, fields: ['default'] })))
  }
  return updated
}

export type StoredRule = AnyPolicyRule & { sortOrder?: number; editedAt: string | null }
export type InvalidRule = { key: string; kind: string; titleNl: string; titleEn: string; problems: string[] }

/** Every rule, validated against its kind; rules that do not validate come back separately. */
export async function loadPolicyRules(db: Db): Promise<{ rules: StoredRule[]; invalid: InvalidRule[] }> {
  const rows = await db.select(columns).from(policyRules).orderBy(asc(policyRules.sortOrder), asc(policyRules.key))
  const rules: StoredRule[] = []
  const invalid: InvalidRule[] = []
  for (const r of rows) {
    const kind = r.kind as PolicyKind
    const problems: string[] = []
    if (!policyKinds.includes(kind)) problems.push(`kind ${r.kind}`)
    const sources = Array.isArray(r.sources) ? r.sources.map((s) => sourceSchema.safeParse(s)) : []
    if (sources.length === 0 || sources.some((s) => !s.success)) problems.push('sources')
    const checked = problems.length === 0 ? validateRule(kind, contentOf(r), r.data, factParamsOfRule(r.key)) : null
    if (checked) problems.push(...checked.issues.map((i) => i.path.join('.')))
    if (problems.length > 0 || !checked?.data) {
      invalid.push({ key: r.key, kind: r.kind, titleNl: r.titleNl, titleEn: r.titleEn, problems })
      continue
    }
    rules.push({
      ...contentOf(r),
      key: r.key,
      kind,
      sources: sources.map((s) => s.data!),
      data: checked.data,
      updatedAt: r.updatedAt.toISOString(),
      editedAt: r.editedAt?.toISOString() ?? null,
    } as StoredRule)
  }
  if (invalid.length > 0) logWarning('policy', `rules that do not validate are not used: ${invalid.map((i) => i.key).join(', ')}`)
  return { rules, invalid }
}

/** The rules the evaluators use (valid ones only). */
export async function listPolicyRules(db: Db): Promise<StoredRule[]> {
  return (await loadPolicyRules(db)).rules
}

/** One rule of a known kind, typed; undefined when it is missing or does not validate. */
export async function policyRule<K extends PolicyKind>(db: Db, key: string, kind: K): Promise<PolicyRule<K> | undefined> {
  return ruleOf(await listPolicyRules(db), key, kind)
}

function contentOf(r: { titleNl: string; titleEn: string; bodyNl: string; bodyEn: string; sources: unknown; effectiveFrom: string | null; effectiveTo: string | null; reviewedOn: string; reviewBy: string; status: RuleContent['status'] }): RuleContent {
  return {
    titleNl: r.titleNl,
    titleEn: r.titleEn,
    bodyNl: r.bodyNl,
    bodyEn: r.bodyEn,
    sources: (Array.isArray(r.sources) ? r.sources : []) as RuleContent['sources'],
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    reviewedOn: r.reviewedOn,
    reviewBy: r.reviewBy,
    status: r.status,
  }
}

export type RuleEdit = RuleContent & { data: unknown }
export type RuleEditResult =
  | { ok: true; changeId: string | null; before: StoredRule }
  | { ok: false; notFound: true }
  | { ok: false; notFound: false; issues: { path: (string | number)[]; message: string }[] }

/**
 * An admin's edit, checked against the rule's kind. Saved unchanged, nothing is recorded; a
 * change is audited field by field and kept as a rule change for the people it affects.
 */
export async function updatePolicyRule(db: Db, actor: Actor, key: string, edit: RuleEdit): Promise<RuleEditResult> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ ...columns, sortOrder: policyRules.sortOrder }).from(policyRules).where(eq(policyRules.key, key)).for('update')
    if (!before) return { ok: false, notFound: true } as const
    const { data: _data, ...content } = edit
    const checked = validateRule(before.kind as PolicyKind, content, edit.data, factParamsOfRule(key))
    if (checked.issues.length > 0 || !checked.data) return { ok: false, notFound: false, issues: checked.issues } as const
    const next = { ...content, data: checked.data }
    const beforeValues: Record<string, unknown> = { ...contentOf(before), data: before.data }
    const changed = Object.keys(next).filter((field) => canonical(beforeValues[field]) !== canonical(next[field as keyof typeof next]))
    const previous = { ...contentOf(before), key, kind: before.kind, data: before.data, updatedAt: before.updatedAt.toISOString(), editedAt: before.editedAt?.toISOString() ?? null } as StoredRule
    if (changed.length === 0) return { ok: true, changeId: null, before: previous } as const
    const now = new Date()
    await tx.update(policyRules).set({ ...next, editedAt: now, updatedAt: now }).where(eq(policyRules.key, key))
    const [change] = await tx.insert(policyRuleChanges).values({ ruleKey: key, changedByUserId: actor.userId, fields: changed }).returning({ id: policyRuleChanges.id })
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: 'policy_rule.updated',
      subjectType: 'policy_rule',
      subjectId: key,
      details: Object.fromEntries(changed.map((field) => [field, { from: beforeValues[field], to: next[field as keyof typeof next] }])),
    })
    return { ok: true, changeId: change!.id, before: previous } as const
  })
}

/** When each rule last changed (an edit or a corrected default), for the rule pages. */
export async function lastChanges(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ key: policyRuleChanges.ruleKey, at: sql<string>`max(${policyRuleChanges.createdAt})::text` })
    .from(policyRuleChanges)
    .groupBy(policyRuleChanges.ruleKey)
  return new Map(rows.map((r) => [r.key, r.at]))
}

/** JSON with sorted keys: jsonb does not keep the order in which keys were written. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  )
}
