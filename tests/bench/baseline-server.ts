// The baseline: the same SQL as GET /api/v1/vacancies, behind bare node:http and postgres.js —
// no framework, no authentication, no validation. Started by tests/bench/run.ts.
import { createServer } from 'node:http'
import postgres from 'postgres'

const { BENCH_DATABASE_URL, PORT, ORGANISATION_ID, SQL_FIRST, SQL_AFTER } = process.env
const sql = postgres(BENCH_DATABASE_URL!, { max: 10, onnotice: () => {} })
const first = JSON.parse(SQL_FIRST!) as { text: string; params: string[] }
const after = JSON.parse(SQL_AFTER!) as { text: string; params: string[] }

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const limit = Number(url.searchParams.get('limit') ?? '50')
    const cursor = url.searchParams.get('cursor')
    const values: Record<string, unknown> = { ORG: ORGANISATION_ID, LIMIT: limit + 1 }
    if (cursor) {
      const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string]
      values.CREATED_AT = createdAt
      values.ID = id
    }
    const shape = cursor ? after : first
    const rows = await sql.unsafe(shape.text, shape.params.map((p) => values[p] as never))
    const page = rows.slice(0, limit)
    // drizzle selects columns without aliases, so raw rows carry the column names.
    const last = page.at(-1) as { id: string; created_at: Date } | undefined
    const nextCursor = rows.length > limit && last
      ? Buffer.from(JSON.stringify([new Date(last.created_at).toISOString(), last.id])).toString('base64url')
      : null
    const body = JSON.stringify({ data: page, nextCursor })
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
    res.end(body)
  } catch (error) {
    res.writeHead(500)
    res.end(String(error))
  }
})
server.listen(Number(PORT), '127.0.0.1', () => console.log('baseline ready'))
process.on('SIGTERM', () => {
  server.close()
  void sql.end({ timeout: 1 }).then(() => process.exit(0))
})
