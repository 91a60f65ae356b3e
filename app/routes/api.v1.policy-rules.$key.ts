import { json, publicApiRoute } from '~/web/api/handler.server'
import { ApiProblem } from '~/lib/api/problem.server'
import { lastChanges, listPolicyRules } from '~/modules/policy/policy.server'
import { ruleForApi } from '~/modules/policy/policy.api'
import { langQuery } from '~/lib/api/params.server'

const handle = publicApiRoute({
  GET: async ({ request, params, context, locale }) => {
    const lang = langQuery(request, locale)
    const rule = (await listPolicyRules(context.db)).find((r) => r.key === params.key)
    if (!rule) throw new ApiProblem(404, 'api.notFound')
    const changes = await lastChanges(context.db)
    return json(ruleForApi(rule, lang, changes.get(rule.key) ?? null), 200, { 'Cache-Control': 'public, max-age=300' })
  },
})

export const loader = handle
export const action = handle
