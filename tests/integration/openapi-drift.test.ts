import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'

/**
 * The API document and the code cannot drift apart: every API route of the build is in the
 * document with exactly the methods its handler takes (read from the 405's Allow header), and the
 * document describes no path or method the build does not serve. Request bodies are checked
 * against the handlers' own zod schemas in vacancies-portal.test.ts.
 */
let app: TestApp
let build: ServerBuild
beforeAll(async () => {
  app = await startTestApp()
  build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild
})
afterAll(() => app.close())

describe('the OpenAPI document', () => {
  it('lists every API route with exactly the methods it serves, and nothing else', async () => {
    const document = (await (await fetch(new URL('/api/v1/openapi.json', app.url))).json()) as { paths: Record<string, Record<string, unknown>> }
    const served: Record<string, string[]> = {}
    // A nested route's path is relative to its parent's.
    const fullPath = (id: string): string => {
      const route = build.routes[id]!
      const parent = route.parentId && route.parentId !== 'root' ? fullPath(route.parentId) : ''
      return [parent, route.path ?? ''].filter(Boolean).join('/')
    }
    for (const id of Object.keys(build.routes)) {
      const full = fullPath(id)
      if (!full.startsWith('api/v1/') || full === 'api/v1/openapi.json') continue
      const template = `/${full.replace(/:(\w+)/g, '{$1}')}`
      const concrete = `/${full.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000')}`
      // No API route takes DELETE: the answer is a 405 that names the methods the handler has.
      const response = await fetch(new URL(concrete, app.url), { method: 'DELETE' })
      expect(response.status, template).toBe(405)
      served[template] = (response.headers.get('allow') ?? '').split(',').map((m) => m.trim().toLowerCase()).filter(Boolean).sort()
    }
    const documented = Object.fromEntries(
      Object.entries(document.paths).map(([template, operations]) => [template, Object.keys(operations).filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k)).sort()]),
    )
    expect(Object.keys(served).length).toBeGreaterThan(10)
    expect(documented).toEqual(served)
  })

  it('lists the answers of the door on every operation: 429 everywhere; 400, 413 and 415 where a body is taken', async () => {
    type Operation = { requestBody?: unknown; responses: Record<string, unknown> }
    const document = (await (await fetch(new URL('/api/v1/openapi.json', app.url))).json()) as { paths: Record<string, Record<string, Operation>> }
    const missing: string[] = []
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const needed = ['429', ...(operation.requestBody ? ['400', '413', '415'] : [])]
        for (const status of needed) if (!operation.responses[status]) missing.push(`${method.toUpperCase()} ${path} ${status}`)
      }
    }
    expect(missing).toEqual([])
    // And the API does answer so: an empty body where one is needed is a documented 400.
    expect(document.paths['/api/v1/vacancies/{id}/arrangements']!.put!.responses['400']).toBeDefined()
  })
})
