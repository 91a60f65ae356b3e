import type { ServerBuild } from '@remix-run/node'
import { describe, expect, it } from 'vitest'
import { apiDispatcher } from './api-dispatch'

const loader = (name: string) => async () => new Response(name)
const route = (id: string, parentId: string | undefined, path: string | undefined, withAction = true) => ({
  [id]: { id, parentId, path, module: { loader: loader(`${id} loader`), ...(withAction ? { action: loader(`${id} action`) } : {}) } },
})
const build = {
  routes: {
    ...route('root', undefined, ''),
    ...route('routes/api.v1.vacancies', 'root', 'api/v1/vacancies'),
    ...route('routes/api.v1.vacancies.$id', 'routes/api.v1.vacancies', ':id'),
    ...route('routes/api.v1.vacancies.summary', 'routes/api.v1.vacancies', 'summary'),
    ...route('routes/api.v1.vacancies.$id.risks', 'routes/api.v1.vacancies.$id', 'risks'),
    ...route('routes/api.v1.policy-rules', 'root', 'api/v1/policy-rules'),
    ...route('routes/api.v1.policy-rules.$key', 'routes/api.v1.policy-rules', ':key'),
    ...route('routes/api.v1.openapi[.]json', 'root', 'api/v1/openapi.json', false),
    ...route('routes/vacancies.$id', 'root', 'vacancies/:id'),
  },
} as unknown as ServerBuild

describe('the API dispatcher', () => {
  const find = apiDispatcher(build)

  it('finds nested route files by their whole path, with decoded parameters', () => {
    expect(find('GET', '/api/v1/vacancies')?.routeId).toBe('routes/api.v1.vacancies')
    expect(find('GET', '/api/v1/vacancies/')?.routeId).toBe('routes/api.v1.vacancies')
    const risks = find('GET', '/api/v1/vacancies/abc/risks')
    expect(risks).toMatchObject({ routeId: 'routes/api.v1.vacancies.$id.risks', params: { id: 'abc' }, head: false })
    expect(find('GET', '/api/v1/policy-rules/step.twv%2Fapply')?.params).toEqual({ key: 'step.twv/apply' })
  })

  it('calls the loader to read and the action to change', async () => {
    const read = find('GET', '/api/v1/vacancies/abc')!
    const write = find('PUT', '/api/v1/vacancies/abc')!
    expect(await (read.run as () => Promise<Response>)().then((r) => r.text())).toBe('routes/api.v1.vacancies.$id loader')
    expect(await (write.run as () => Promise<Response>)().then((r) => r.text())).toBe('routes/api.v1.vacancies.$id action')
    expect(find('HEAD', '/api/v1/vacancies/abc')?.head).toBe(true)
  })

  it('leaves everything else to Remix: pages, unknown paths, missing handlers, broken escapes', () => {
    expect(find('GET', '/vacancies/abc')).toBeNull()
    expect(find('GET', '/api/v1/nothing-here')).toBeNull()
    expect(find('GET', '/api/v1/vacancies/abc/risks/more')).toBeNull()
    expect(find('POST', '/api/v1/openapi.json')).toBeNull()
    expect(find('GET', '/api/v1/policy-rules/%E0%A4%A')).toBeNull()
  })

  it('prefers a fixed segment to a parameter', () => {
    expect(find('GET', '/api/v1/vacancies/summary')?.routeId).toBe('routes/api.v1.vacancies.summary')
    expect(find('GET', '/api/v1/vacancies/summar')?.routeId).toBe('routes/api.v1.vacancies.$id')
  })
})
