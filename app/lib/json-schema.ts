import { z } from 'zod'

type Json = Record<string, unknown>

/**
 * JSON Schema (2020-12) of what a client sends. A field with a default may be left out, so the
 * default is said in words instead of as `default`: generated clients (openapi-typescript) read
 * `default` as "always present" and would make the field required.
 */
export function requestSchema(schema: z.ZodType): Json {
  return withoutDefaults(clean(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' })))
}

/** JSON Schema (2020-12) of what the API answers: every field with a default is present. */
export function responseSchema(schema: z.ZodType): Json {
  return clean(z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }))
}

// A component schema with its own `$schema` breaks Postman-based tools; the document's dialect applies.
function clean(schema: Json): Json {
  const { $schema: _dialect, ...rest } = schema
  return rest
}

function withoutDefaults(node: unknown): Json {
  if (Array.isArray(node)) return node.map(withoutDefaults) as unknown as Json
  if (!node || typeof node !== 'object') return node as Json
  const out: Json = {}
  for (const [key, value] of Object.entries(node)) {
    if (key === 'default') continue
    out[key] = key === 'properties' || key === '$defs' ? Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, withoutDefaults(v)])) : withoutDefaults(value)
  }
  if ('default' in (node as Json)) {
    const said = `Left out: ${JSON.stringify((node as Json).default)}.`
    out.description = typeof out.description === 'string' ? `${out.description} ${said}` : said
  }
  return out
}
