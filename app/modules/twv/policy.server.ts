import { asc, eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { policyRules } from '#db/schema'
import type { Actor } from '~/modules/authorisation/actor'
import { recordAudit } from '../audit/audit.server'
import type { PolicyRule } from './policy'
import { riskDefaults } from '../risks/risk-defaults'
import { policyDefaults } from './policy-defaults'

/** Adds the default content for keys the database does not have yet; never overwrites edits. */
export async function syncPolicyDefaults(db: Db): Promise<void> {
  await db
    .insert(policyRules)
    .values(
      [...policyDefaults, ...riskDefaults].map((d, i) => ({
        ...d,
        effectiveFrom: d.effectiveFrom ?? null,
        effectiveTo: d.effectiveTo ?? null,
        status: d.status ?? 'in_force',
        data: d.data ?? {},
        sortOrder: i,
      })),
    )
    .onConflictDoNothing({ target: policyRules.key })
}

export async function listPolicyRules(db: Db): Promise<PolicyRule[]> {
  return db
    .select({
      key: policyRules.key,
      kind: policyRules.kind,
      titleNl: policyRules.titleNl,
      titleEn: policyRules.titleEn,
      bodyNl: policyRules.bodyNl,
      bodyEn: policyRules.bodyEn,
      source: policyRules.source,
      effectiveFrom: policyRules.effectiveFrom,
      effectiveTo: policyRules.effectiveTo,
      reviewedOn: policyRules.reviewedOn,
      status: policyRules.status,
      data: policyRules.data,
    })
    .from(policyRules)
    .orderBy(asc(policyRules.sortOrder), asc(policyRules.key))
}

export type PolicyRuleEdit = Pick<PolicyRule, 'titleNl' | 'titleEn' | 'bodyNl' | 'bodyEn' | 'source' | 'effectiveFrom' | 'effectiveTo' | 'reviewedOn' | 'status'>

/** An admin's edit of a rule's text, dates or status; the before and after go to the audit log. */
export async function updatePolicyRule(db: Db, actor: Actor, key: string, edit: PolicyRuleEdit): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(policyRules).where(eq(policyRules.key, key)).for('update')
    if (!before) return false
    await tx.update(policyRules).set({ ...edit, updatedAt: new Date() }).where(eq(policyRules.key, key))
    const changed = (Object.keys(edit) as (keyof PolicyRuleEdit)[]).filter((field) => before[field] !== edit[field])
    await recordAudit(tx, {
      actorUserId: actor.userId,
      organisationId: actor.organisationId,
      action: 'policy_rule.updated',
      subjectType: 'policy_rule',
      subjectId: key,
      details: Object.fromEntries(changed.map((field) => [field, { from: before[field], to: edit[field] }])),
    })
    return true
  })
}
