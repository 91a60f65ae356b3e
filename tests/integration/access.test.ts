import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../support/db'
import { createEmployer, createStaff, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
let a: Awaited<ReturnType<typeof createEmployer>>
let b: Awaited<ReturnType<typeof createEmployer>>
let staff: Awaited<ReturnType<typeof createStaff>>

beforeAll(async () => {
  app = await startTestApp()
  a = await createEmployer(app.database.db)
  b = await createEmployer(app.database.db)
  staff = await createStaff(app.database.db)
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

describe('organisation boundaries', () => {
  it("gives a member of A a 404 for B's user, and removing them changes nothing", async () => {
    const owner = await loggedIn(a.owner.email)
    expect((await owner.get(`/team/members/${a.member.id}`)).status).toBe(200)
    expect((await owner.get(`/team/members/${b.member.id}`)).status).toBe(404)

    const before = await countRows(app.database, ['sessions', 'audit_log'])
    expect((await owner.post(`/team/members/${b.member.id}`, {})).status).toBe(404)
    const [member] = await app.database.query<{ disabled_at: unknown }>(
      `select disabled_at from users where id = '${b.member.id}'`,
    )
    expect(member!.disabled_at).toBeNull()
    expect(await countRows(app.database, ['sessions', 'audit_log'])).toEqual(before)

    const hr = await loggedIn(a.member.email)
    expect((await hr.get(`/team/members/${b.owner.id}`)).status).toBe(404)
  })

  it("never lists B's users or invitations on A's team page", async () => {
    const ownerB = await loggedIn(b.owner.email)
    expect((await ownerB.post('/team', { intent: 'invite', email: 'nieuw@b.example', role: 'employer_member' })).status).toBe(200)
    const [invitation] = await app.database.query<{ id: string }>(
      `select id from invitations where email = 'nieuw@b.example'`,
    )

    const ownerA = await loggedIn(a.owner.email)
    const page = await (await ownerA.get('/team')).text()
    expect(page).toContain(a.member.email)
    expect(page).not.toContain(b.member.email)
    expect(page).not.toContain('nieuw@b.example')

    const revoke = await ownerA.post('/team', { intent: 'revoke', invitationId: invitation!.id })
    expect(revoke.status).toBe(404)
    const [still] = await app.database.query<{ revoked_at: unknown }>(
      `select revoked_at from invitations where id = '${invitation!.id}'`,
    )
    expect(still!.revoked_at).toBeNull()
  })

  it('returns 404 for a malformed id rather than an error', async () => {
    const owner = await loggedIn(a.owner.email)
    expect((await owner.get('/team/members/not-a-uuid')).status).toBe(404)
  })
})

describe('roles', () => {
  it('refuses intermediary and admin pages to employers with 403', async () => {
    for (const email of [a.owner.email, a.member.email]) {
      const employer = await loggedIn(email)
      expect((await employer.get('/mailbox')).status).toBe(403)
      expect((await employer.get('/admin/staff')).status).toBe(403)
      const before = await countRows(app.database, ['invitations'])
      expect((await employer.post('/admin/staff', { email: 'x@y.example', role: 'admin' })).status).toBe(403)
      expect(await countRows(app.database, ['invitations'])).toEqual(before)
    }
  })

  it('lets an HR member see the team but not invite', async () => {
    const hr = await loggedIn(a.member.email)
    expect((await hr.get('/team')).status).toBe(200)
    const before = await countRows(app.database, ['invitations', 'email_outbox'])
    expect((await hr.post('/team', { intent: 'invite', email: 'z@a.example', role: 'employer_owner' })).status).toBe(403)
    expect(await countRows(app.database, ['invitations', 'email_outbox'])).toEqual(before)
  })

  it('lets the intermediary see every employer, but not the mailbox or admin pages', async () => {
    const intermediary = await loggedIn(staff.intermediary.email)
    const dashboard = await (await intermediary.get('/dashboard')).text()
    expect(dashboard).toContain(a.organisation.name)
    expect(dashboard).toContain(b.organisation.name)
    expect((await intermediary.get('/mailbox')).status).toBe(403)
    expect((await intermediary.get('/admin/staff')).status).toBe(403)
  })

  it('lets the admin open an intermediary organisation with an invitation to its owner, and nothing else', async () => {
    const admin = await loggedIn(staff.admin.email)
    const response = await admin.post('/admin/staff', { intent: 'open', name: 'Werkgeversservicepunt Lelystad', ownerEmail: 'eigenaar@wsp-lelystad.example' })
    expect(response.status).toBe(200)
    const [invitation] = await app.database.query<{ role: string; kind: string; name: string }>(
      `select i.role, o.kind, o.name from invitations i join organisations o on o.id = i.organisation_id where i.email = 'eigenaar@wsp-lelystad.example'`,
    )
    expect(invitation).toEqual({ role: 'intermediary_owner', kind: 'intermediary', name: 'Werkgeversservicepunt Lelystad' })
    // Platform colleagues only: the admin cannot slip an intermediary role into its own organisation.
    const before = await countRows(app.database, ['invitations', 'organisations'])
    const refused = await admin.post('/admin/staff', { email: 'stiekem@werkbrug.example', role: 'intermediary' })
    expect(refused.status).toBe(400)
    expect(await countRows(app.database, ['invitations', 'organisations'])).toEqual(before)
  })

  it('sends anonymous visitors to the login page, and back afterwards', async () => {
    const anonymous = app.browser()
    const response = await anonymous.get('/team')
    expect(response.status).toBe(302)
    expect(response.headers.get('location')).toBe('/login?redirectTo=%2Fteam')
    const login = await anonymous.post('/login', { email: a.owner.email, password: TEST_PASSWORD, redirectTo: '/team' })
    expect(login.headers.get('location')).toBe('/team')
  })
})
