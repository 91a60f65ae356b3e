import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { countRows } from '../support/db'
import { createEmployer, TEST_PASSWORD } from '../support/factories'
import { startTestApp, type TestApp } from '../support/app'

let app: TestApp
beforeAll(async () => {
  app = await startTestApp()
})
afterAll(() => app.close())

/** The link as the invitee will get it: it waits beside the queued email until delivery. */
async function acceptLinkFromOutbox(email: string): Promise<string> {
  const [row] = await app.database.query<{ secret_links: string[] }>(
    `select secret_links from email_outbox where to_address = '${email}' order by id desc limit 1`,
  )
  const link = row!.secret_links.find((l) => /\/invitations\/[\w-]+$/.test(l))
  expect(link).toBeDefined()
  return new URL(link!).pathname
}

describe('inviting colleagues', () => {
  it('lets an owner invite HR, who joins the same organisation with that role', async () => {
    const { organisation, owner } = await createEmployer(app.database.db)
    const browser = app.browser()
    await browser.logIn(owner.email, TEST_PASSWORD)
    const invite = await browser.post('/team', { intent: 'invite', email: 'Nieuwe.HR@Example.nl', role: 'employer_member' })
    expect(invite.status).toBe(200)
    expect(await invite.text()).toContain('Uitnodiging verstuurd naar nieuwe.hr@example.nl')

    const path = await acceptLinkFromOutbox('nieuwe.hr@example.nl')
    const page = await (await app.browser().get(path)).text()
    expect(page).toContain(`Uitnodiging voor ${organisation.name}`)

    const before = await countRows(app.database, ['users'])
    const weak = await app.browser().post(path, { name: 'Nina', password: 'kort' })
    expect(weak.status).toBe(400)
    expect(await countRows(app.database, ['users'])).toEqual(before)

    const invitee = app.browser()
    const accepted = await invitee.post(path, { name: 'Nina Hoekstra', password: 'een goed lang wachtwoord' })
    expect(accepted.status).toBe(302)
    const [user] = await app.database.query<{ role: string; organisation_id: string }>(
      `select role, organisation_id from users where email = 'nieuwe.hr@example.nl'`,
    )
    expect(user).toEqual({ role: 'employer_member', organisation_id: organisation.id })
    expect(await (await invitee.get('/team')).text()).toContain('Nina Hoekstra')

    // The link is spent.
    expect(await (await app.browser().get(path)).text()).toContain('Deze uitnodiging is ongeldig')
  })

  it('refuses to invite someone who already has an account', async () => {
    const a = await createEmployer(app.database.db)
    const b = await createEmployer(app.database.db)
    const browser = app.browser()
    await browser.logIn(a.owner.email, TEST_PASSWORD)
    const before = await countRows(app.database, ['invitations', 'email_outbox'])
    const response = await browser.post('/team', { intent: 'invite', email: b.member.email, role: 'employer_member' })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Deze persoon heeft al een account.')
    expect(await countRows(app.database, ['invitations', 'email_outbox'])).toEqual(before)
  })

  it('does not let an owner hand out intermediary or admin roles', async () => {
    const { owner } = await createEmployer(app.database.db)
    const browser = app.browser()
    await browser.logIn(owner.email, TEST_PASSWORD)
    const before = await countRows(app.database, ['invitations'])
    const response = await browser.post('/team', { intent: 'invite', email: 'boss@x.example', role: 'admin' })
    expect(response.status).toBe(400)
    expect(await response.text()).toContain('Deze rol kunt u hier niet kiezen.')
    expect(await countRows(app.database, ['invitations'])).toEqual(before)
  })

  it('revoked and expired invitations cannot be accepted', async () => {
    const { owner } = await createEmployer(app.database.db)
    const browser = app.browser()
    await browser.logIn(owner.email, TEST_PASSWORD)
    await browser.post('/team', { intent: 'invite', email: 'later@x.example', role: 'employer_member' })
    const path = await acceptLinkFromOutbox('later@x.example')
    const [invitation] = await app.database.query<{ id: string }>(`select id from invitations where email = 'later@x.example'`)
    expect((await browser.post('/team', { intent: 'revoke', invitationId: invitation!.id })).status).toBe(200)
    const response = await app.browser().post(path, { name: 'Laat', password: 'een goed lang wachtwoord' })
    expect(await response.text()).toContain('Deze uitnodiging is ongeldig')
    const [count] = await app.database.query<{ n: number }>(`select count(*)::int as n from users where email = 'later@x.example'`)
    expect(count!.n).toBe(0)
  })
})
