import { json, publicApiRoute } from '~/web/api/handler.server'
import { lastChanges, listPolicyRules } from '~/modules/policy/policy.server'
import { ruleForApi } from '~/modules/policy/policy.api'
import { langQuery } from '~/lib/api/params.server'

// Public and read-only: a municipality or another portal may reuse the rules with their sources.
const handle = publicApiRoute({
  GET: async ({ request, context, locale }) => {
    const lang = langQuery(request, locale)
    const [rules, changes] = await Promise.all([listPolicyRules(context.db), lastChanges(context.db)])
    return json({ data: rules.map((rule) => ruleForApi(rule, lang, changes.get(rule.key) ?? null)) }, 200, { 'Cache-Control': 'public, max-age=300' })
  },
})

export const loader = handle
export const action = handle
