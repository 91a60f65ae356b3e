import type { AppLoadContext, ServerBuild } from '@remix-run/node'

type RouteFunction = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown

type ApiRoute = {
  id: string
  pattern: RegExp
  names: string[]
  dynamicSegments: number
  loader?: RouteFunction
  action?: RouteFunction
}

export type ApiMatch = { routeId: string; run: RouteFunction; params: Record<string, string>; head: boolean }

const API_ROUTE_PREFIX = 'routes/api.v1.'

/**
 * The JSON API's resource routes (app/routes/api.v1.*), matched by their own paths instead of
 * through Remix's page router. Remix flattens and ranks all ~80 routes of the portal on every
 * request — a tenth of an API request's CPU in the bench (decision 015) — while an API route has
 * no parent data, no document and no client: the route module's loader or action is the whole
 * answer. The route files stay the one definition; this only finds them faster. Anything that
 * does not match exactly (an unknown path, a malformed escape) still goes through Remix.
 */
export function apiDispatcher(build: ServerBuild): (method: string, pathname: string) => ApiMatch | null {
  const routes: ApiRoute[] = []
  for (const [id, route] of Object.entries(build.routes)) {
    if (!id.startsWith(API_ROUTE_PREFIX) || route.path === undefined) continue
    const names: string[] = []
    const segments = fullPath(build, id).split('/').map((segment) => {
      if (segment.startsWith(':')) {
        names.push(segment.slice(1))
        return '([^/]+)'
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    })
    const module = route.module as { loader?: RouteFunction; action?: RouteFunction }
    routes.push({ id, pattern: new RegExp(`^/${segments.join('/')}/?$`), names, dynamicSegments: names.length, loader: module.loader, action: module.action })
  }
  // A static segment wins over a parameter, as in Remix's ranking.
  routes.sort((a, b) => a.dynamicSegments - b.dynamicSegments)

  return (method, pathname) => {
    if (!pathname.startsWith('/api/v1/')) return null
    for (const route of routes) {
      const found = route.pattern.exec(pathname)
      if (!found) continue
      const params: Record<string, string> = {}
      for (let i = 0; i < route.names.length; i++) {
        try {
          params[route.names[i]!] = decodeURIComponent(found[i + 1]!)
        } catch {
          return null
        }
      }
      const read = method === 'GET' || method === 'HEAD'
      const run = read ? route.loader : route.action
      if (!run) return null
      return { routeId: route.id, run, params, head: method === 'HEAD' }
    }
    return null
  }
}

/** Route files nest (api.v1.vacancies.$id.risks under api.v1.vacancies.$id): the path is the chain's. */
function fullPath(build: ServerBuild, id: string): string {
  const parts: string[] = []
  for (let route = build.routes[id]; route; route = route.parentId ? build.routes[route.parentId] : undefined) {
    if (route.path) parts.unshift(route.path)
  }
  return parts.join('/')
}
