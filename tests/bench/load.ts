import { Agent, request } from 'undici'

export type LoadResult = { requests: number; errors: number; firstError?: string; rps: number; p50: number; p95: number }

/**
 * A closed-loop load: `concurrency` clients each send the next request as soon as the previous
 * answered, over keep-alive connections, for a fixed number of requests (bounded, loopback only).
 */
export type LoadRequest = { url: string; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }

export async function runLoad(
  url: string | ((i: number) => LoadRequest),
  headers: Record<string, string>,
  options: { concurrency: number; requests: number; warmup: number; okStatuses?: number[] },
): Promise<LoadResult & { statuses: Record<number, number> }> {
  const ok = new Set(options.okStatuses ?? [200])
  const statuses: Record<number, number> = {}
  let sent = 0
  let firstError: string | undefined
  const agent = new Agent({ connections: options.concurrency, keepAliveTimeout: 10_000 })
  const once = async () => {
    const spec: LoadRequest = typeof url === 'string' ? { url } : url(sent++)
    const started = performance.now()
    const response = await request(spec.url, {
      dispatcher: agent,
      method: spec.method ?? 'GET',
      // Uncompressed, as the baseline answers: the ratio compares the work, not gzip.
      headers: { 'accept-encoding': 'identity', ...headers, ...spec.headers },
      body: spec.body,
    })
    const body = await response.body.text()
    statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1
    if (!ok.has(response.statusCode)) firstError ??= `${response.statusCode}: ${body.slice(0, 500)}`
    return { ms: performance.now() - started, ok: ok.has(response.statusCode) }
  }
  const drive = async (total: number, record: boolean) => {
    let next = 0
    const latencies: number[] = []
    let errors = 0
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < total) {
          next++
          const result = await once()
          if (record) latencies.push(result.ms)
          if (!result.ok) errors++
        }
      }),
    )
    return { latencies, errors }
  }
  await drive(options.warmup, false)
  const started = performance.now()
  const { latencies, errors } = await drive(options.requests, true)
  const seconds = (performance.now() - started) / 1000
  await agent.close()
  latencies.sort((a, b) => a - b)
  const pick = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!
  return { statuses, requests: latencies.length, errors, firstError, rps: latencies.length / seconds, p50: pick(0.5), p95: pick(0.95) }
}
