import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { buildOpenApiDocument } from '~/web/api/openapi.server'
import { useT } from '~/lib/i18n/react'
import { exampleVacancyBody, exampleVacancyPatch } from '~/modules/vacancies/vacancies.examples'
import { listReceptionLocations } from '~/modules/vacancies/vacancies.server'

export const meta: MetaFunction = () => [{ title: 'Werkbrug — API' }]

type Operation = {
  operationId: string
  summary: string
  parameters?: { name: string; in: string; required: boolean; description?: string; schema?: unknown }[]
  requestBody?: { content: Record<string, { example?: unknown; schema?: { $ref?: string } }> }
  responses: Record<string, unknown>
}
type JsonSchema = { type?: string | string[]; anyOf?: JsonSchema[]; enum?: unknown[]; minimum?: number; maximum?: number; minLength?: number; maxLength?: number; pattern?: string; format?: string; items?: JsonSchema; properties?: Record<string, JsonSchema>; required?: string[] }

export async function loader({ context }: LoaderFunctionArgs) {
  const locations = await listReceptionLocations(context.db)
  return buildOpenApiDocument({
    vacancyCreate: exampleVacancyBody(locations.map((l) => l.id)),
    vacancyPatch: exampleVacancyPatch,
    // A real-looking id; the live API answers 400 for a vacancy that is not yours and published.
    bookingCreate: { vacancyId: '3f2b8c1e-4d5a-4e6f-9a7b-8c9d0e1f2a3b' },
  })
}

function describe(schema: JsonSchema | undefined): string {
  if (!schema) return ''
  if (schema.anyOf) return schema.anyOf.map(describe).join(' | ')
  const parts = [Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any')]
  if (schema.format) parts.push(schema.format)
  if (schema.enum) parts.push(`one of ${schema.enum.join(', ')}`)
  if (schema.minimum !== undefined || schema.maximum !== undefined) parts.push(`${schema.minimum ?? ''}–${schema.maximum ?? ''}`)
  if (schema.minLength !== undefined || schema.maxLength !== undefined) parts.push(`length ${schema.minLength ?? 0}–${schema.maxLength ?? '∞'}`)
  if (schema.items) parts.push(`of ${describe(schema.items)}`)
  return parts.join(', ')
}

export default function ApiDocs() {
  const t = useT()
  const document = useLoaderData<typeof loader>()
  const schemas = document.components.schemas as unknown as Record<string, JsonSchema>
  return (
    <section className="page">
      <h1>{t('apiDocs.title')}</h1>
      <p>{t('apiDocs.intro', { url: '/api/v1/openapi.json' })}</p>
      <p>
        <a href="/api/v1/openapi.json">{t('apiDocs.download')}</a>
      </p>
      <p>{document.info.description}</p>
      {Object.entries(document.paths).map(([path, methods]) =>
        Object.entries(methods as Record<string, Operation>).map(([method, operation]) => {
          const body = operation.requestBody?.content['application/json']
          const bodySchema = body?.schema?.$ref ? schemas[body.schema.$ref.split('/').at(-1)!] : undefined
          return (
            <article key={`${method} ${path}`} className="api-operation">
              <h2>
                <code>
                  {method.toUpperCase()} {path}
                </code>
              </h2>
              <p>{operation.summary}</p>
              {operation.parameters && operation.parameters.length > 0 ? (
                <>
                  <h3>{t('apiDocs.parameters')}</h3>
                  <ul>
                    {operation.parameters.map((p) => (
                      <li key={p.name}>
                        <code>{p.name}</code> ({p.in}) — {describe(p.schema as JsonSchema)} {p.description ?? ''}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              {bodySchema ? (
                <>
                  <h3>{t('apiDocs.requestBody')}</h3>
                  <div className="table-wrap">
                    <table>
                      <tbody>
                        {Object.entries(bodySchema.properties ?? {}).map(([name, s]) => (
                          <tr key={name}>
                            <th scope="row">
                              <code>{name}</code>
                              {bodySchema.required?.includes(name) ? ' *' : ''}
                            </th>
                            <td>{describe(s)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </div>
                  <h3>{t('apiDocs.example')}</h3>
                  <pre className="code">{JSON.stringify(body?.example, null, 2)}</pre>
                </>
              ) : null}
              <h3>{t('apiDocs.responses')}</h3>
              <p>{Object.keys(operation.responses).join(', ')}</p>
            </article>
          )
        }),
      )}
    </section>
  )
}
