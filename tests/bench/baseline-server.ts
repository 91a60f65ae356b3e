// The baseline: the same SQL as GET /api/v1/vacancies, behind bare node:http and postgres.js —
// no framework and no validation, but the same work per request as the app: look up the key
// (cached for 5 seconds, as the app does) and write the rate-limit counter — for the list and
// for the booking race alike, since no client of either gets an answer without them. Started by
// run.ts.
import { createHash } from 'node:crypto'
import { createServer, type ServerResponse } from 'node:http'
import postgres from 'postgres'

const { BENCH_DATABASE_URL, PORT, ORGANISATION_ID, SQL_FIRST, SQL_AFTER } = process.env
const sql = postgres(BENCH_DATABASE_URL!, { max: 10, onnotice: () => {} })
const first = JSON.parse(SQL_FIRST!) as { text: string; params: string[] }
const after = JSON.parse(SQL_AFTER!) as { text: string; params: string[] }

/** The booking race without the app: lock the slot, check it is free, insert; 201 or 409. */
async function book(url: URL, res: ServerResponse) {
  const slot = url.searchParams.get('slot')!
  const status = await sql.begin(async (tx) => {
    const [row] = await tx`select id from speeddate_slots where id = ${slot} and status = 'open' and starts_at > now() for update`
    if (!row) return 409
    const [taken] = await tx`select 1 from speeddate_bookings where slot_id = ${slot} and status in ('requested', 'approved')`
    if (taken) return 409
    await tx`insert into speeddate_bookings (slot_id, organisation_id, vacancy_id, ics_uid)
             values (${slot}, ${url.searchParams.get('organisation')!}, ${url.searchParams.get('vacancy')!}, gen_random_uuid()::text)`
    return 201
  })
  res.writeHead(status, { 'Content-Type': 'application/json' })
  res.end(JSON.stringify({ status }))
}

const keys = new Map<string, { id: string; until: number }>()
async function authenticate(header: string | undefined): Promise<string | null> {
  const key = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1]
  if (!key) return null
  const hash = createHash('sha256').update(key).digest('hex')
  const cached = keys.get(hash)
  if (cached && cached.until > Date.now()) return cached.id
  const [row] = await sql<{ id: string }[]>`select id from api_keys where key_hash = ${hash} and revoked_at is null`
  if (row) keys.set(hash, { id: row.id, until: Date.now() + 5_000 })
  return row?.id ?? null
}

async function countRequest(keyId: string) {
  const hashed = createHash('sha256').update(`key:${keyId}`).digest('hex')
  await sql`insert into rate_limits (key, points, expire) values (${`api-base:${hashed}`}, 1, now() + interval '60 seconds')
            on conflict (key) do update set points = case when rate_limits.expire > now() then rate_limits.points + 1 else 1 end,
            expire = case when rate_limits.expire > now() then rate_limits.expire else now() + interval '60 seconds' end
            returning points`
}

const server = createServer(async (req, res) => {
  try {
    const keyId = await authenticate(req.headers.authorization)
    if (!keyId) {
      res.writeHead(401)
      return res.end()
    }
    await countRequest(keyId)
    if (req.method === 'POST' && req.url?.startsWith('/book')) return await book(new URL(req.url, 'http://localhost'), res)
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
