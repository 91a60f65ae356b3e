import { Agent, request } from 'undici'

export type LoadResult = { requests: number; errors: number; firstError?: string; rps: number; p50: number; p95: number }

/**
 * A closed-loop load: `concurrency` clients each send the next request as soon as the previous
 * answered, over keep-alive connections, for a fixed number of requests (bounded, loopback only).
 */
export async function runLoad(
  url: string,
  headers: Record<string, string>,
  options: { concurrency: number; requests: number; warmup: number },
): Promise<LoadResult> {
  let firstError: string | undefined
  const agent = new Agent({ connections: options.concurrency, keepAliveTimeout: 10_000 })
  const once = async () => {
    const started = performance.now()
    const response = await request(url, { dispatcher: agent, headers })
    const body = await response.body.text()
    if (response.statusCode !== 200) firstError ??= `${response.statusCode}: ${body.slice(0, 500)}`
    return { ms: performance.now() - started, ok: response.statusCode === 200 }
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
  return { requests: latencies.length, errors, firstError, rps: latencies.length / seconds, p50: pick(0.5), p95: pick(0.95) }
}
