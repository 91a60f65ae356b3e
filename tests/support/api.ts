import { conformanceProblems } from './conformance'

/** A JSON API client with a bearer key, as an integrating system would call us. */
export function apiClient(baseUrl: string, key: string | null, defaults: Record<string, string> = {}) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...defaults,
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
    const text = await response.text()
    const json = text ? (JSON.parse(text) as Record<string, unknown> & { errors?: { field: string; code: string; message: string }[] }) : null
    const problems = conformanceProblems(method, path, response.status, response.headers.get('content-type'), json)
    if (problems.length > 0) throw new Error(`The answer breaks the OpenAPI document:\n${problems.join('\n')}`)
    return { status: response.status, headers: response.headers, json: json! }
  }
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body, headers),
    patch: (path: string, body?: unknown, headers?: Record<string, string>) => call('PATCH', path, body, headers),
    put: (path: string, body?: unknown, headers?: Record<string, string>) => call('PUT', path, body, headers),
  }
}

export function fieldCodes(json: { errors?: { field: string; code: string }[] }): Record<string, string> {
  return Object.fromEntries((json.errors ?? []).map((e) => [e.field, e.code]))
}
