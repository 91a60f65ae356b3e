import Ajv2020 from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { ValidateFunction } from 'ajv'
import { buildOpenApiDocument } from '../../app/web/api/openapi.server'

/**
 * Response conformance: every answer the integration tests get from /api/v1 is checked against
 * the OpenAPI document — its status is documented for the operation, its content type is one the
 * document names, and its JSON body validates against the documented schema. A client generated
 * from the document can then trust every answer it is given.
 */
type Json = Record<string, unknown>
type Operation = { responses: Record<string, Json> }
type Document = { paths: Record<string, Record<string, Operation>>; components: Json }

let compiled: { document: Document; ajv: InstanceType<typeof Ajv2020>; routes: { template: string; pattern: RegExp }[]; cache: Map<string, ValidateFunction> } | null = null

function prepare() {
  if (compiled) return compiled
  const document = buildOpenApiDocument({ vacancyCreate: {}, vacancyPatch: {}, bookingCreate: {} }) as unknown as Document
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  ajv.addFormat('binary', true)
  ajv.addSchema({ $id: 'werkbrug-openapi', components: document.components })
  const routes = Object.keys(document.paths)
    .map((template) => ({ template, pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`) }))
    // A literal segment wins over a parameter: /vacancies/{id} must not swallow a longer path.
    .sort((a, b) => b.template.length - a.template.length)
  compiled = { document, ajv, routes, cache: new Map() }
  return compiled
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs)
  if (!node || typeof node !== 'object') return node
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith('#/') ? `werkbrug-openapi${v}` : rewriteRefs(v)]))
}

/** The problems of one answer; empty when it conforms (or is not an operation of the document). */
export function conformanceProblems(method: string, url: string, status: number, contentType: string | null, body: unknown): string[] {
  const { document, ajv, routes, cache } = prepare()
  const path = new URL(url, 'http://x').pathname
  if (!path.startsWith('/api/v1/') || path === '/api/v1/openapi.json') return []
  const route = routes.find((r) => r.pattern.test(path))
  const operation = route ? document.paths[route.template]![method.toLowerCase()] : undefined
  // A method the path does not take is a 405 with Allow, checked by the drift test.
  if (!route || !operation) return []
  const where = `${method} ${route.template} → ${status}`
  let response = operation.responses[String(status)] ?? operation.responses.default
  if (!response) return [`${where}: status not documented (documented: ${Object.keys(operation.responses).join(', ')})`]
  if (typeof response.$ref === 'string') response = (document.components.responses as Record<string, Json>)[response.$ref.split('/').pop()!]!
  const content = response.content as Record<string, { schema?: Json }> | undefined
  if (!content) return []
  const type = (contentType ?? '').split(';')[0]!.trim()
  const media = content[type]
  if (!media) return [`${where}: content type ${type || '(none)'} not documented (documented: ${Object.keys(content).join(', ')})`]
  if (!media.schema || !type.endsWith('json')) return []
  const key = `${route.template} ${method} ${status} ${type}`
  let validate = cache.get(key)
  if (!validate) {
    validate = ajv.compile(rewriteRefs(media.schema) as Json)
    cache.set(key, validate)
  }
  if (validate(body)) return []
  return (validate.errors ?? []).slice(0, 5).map((e) => `${where}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`)
}
