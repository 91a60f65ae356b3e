import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '../../../db/client.server'
import { loadEnv } from '../../../app/lib/env.server'
import { createHttpApp } from '../../../app/server/http'
import { createTestDatabase, type TestDatabase } from '../../support/db'
import { createStaff, TEST_PASSWORD } from '../../support/factories'
import { pilotHistoryCsv } from '../../support/pilot-history'
import type { Actor } from '../../../app/modules/authorisation/actor'
import { importHistory } from '../../../app/modules/pipeline/history-import.server'
import { Browser } from '../../support/app'

// The "replica" is a second database (copied from the same migrated template) behind a read-only
// pool: what the primary gets, it gets only when the test "replicates" it. So a page that reads
// the replica shows the replica's state — which is how the test tells where the page read.
let primary: TestDatabase
let replicaCopy: TestDatabase
let replica: DatabaseHandle
let url: string
let close: () => Promise<void>
let staff: Awaited<ReturnType<typeof createStaff>>
let consultant: Actor

beforeAll(async () => {
  primary = await createTestDatabase()
  replicaCopy = await createTestDatabase()
  const [{ name }] = (await replicaCopy.query<{ name: string }>('select current_database() as name')) as [{ name: string }]
  const replicaUrl = Object.assign(new URL(process.env.TEST_DATABASE_URL!), { pathname: `/${name}` }).toString()
  replica = openDatabase({ engine: 'postgres', url: replicaUrl, maxConnections: 2, readOnly: true })
  staff = await createStaff(primary.db)
  consultant = { userId: staff.intermediary.id, organisationId: staff.organisation.id, role: 'intermediary' }
  const serverEntry = path.resolve('build/server/index.js')
  if (!existsSync(serverEntry)) throw new Error('No build: run `npm run build` (npm test does).')
  const build = (await import(pathToFileURL(serverEntry).href)) as ServerBuild
  const env = loadEnv({ NODE_ENV: 'test', SESSION_SECRET: 'integration-test-secret-of-enough-length' })
  const server = createHttpApp({ db: primary.db, readDb: replica.db, env, build }).listen(0, '127.0.0.1')
  await new Promise<void>((resolve) => server.once('listening', resolve))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  env.APP_URL = url
  close = () => new Promise<void>((resolve) => server.close(() => resolve()))
})
afterAll(async () => {
  await close?.()
  await replica?.close()
  await replicaCopy?.drop()
  await primary?.drop()
})

const text = async (response: Response) => (await response.text()).replace(/<!-- -->/g, '')

describe('DATABASE_READ_URL', () => {
  it('serves the funnel report from the replica (behind until replicated), through a pool that refuses writes', async () => {
    await expect(replica.query(`insert into reception_locations (name, municipality) values ('Replica', 'Nergens')`)).rejects.toThrow(/read-only/)
    expect((await importHistory(primary.db, consultant, pilotHistoryCsv())).ok).toBe(true)
    const browser = new Browser(url, (email) => primary.query(`update users set totp_last_step = null where email = '${email}'`).then(() => {}))
    await browser.logIn(staff.intermediary.email, TEST_PASSWORD)
    const period = '?from=2022-12-01&to=2023-12-31'
    expect(await text(await browser.get(`/reports${period}`))).toContain('Nog geen intakes of matches in deze periode')

    // Replication catches up: the intermediary and its history reach the replica.
    await replicaCopy.query(`insert into organisations (id, kind, name) values ('${staff.organisation.id}', 'intermediary', 'Replica')`)
    expect((await importHistory(replicaCopy.db, { ...consultant, userId: null }, pilotHistoryCsv())).ok).toBe(true)
    expect(await text(await browser.get(`/reports${period}`))).toContain('60 matches met 57 personen')
    const csv = await browser.get(`/reports/funnel.csv${period}`)
    expect(await csv.text()).toContain('Deelnemers: bewoners met een intake,169')
    expect((await browser.get('/risks')).status).toBe(200)
  })
})
