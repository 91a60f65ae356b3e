import { parse } from 'node-html-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestApp, type TestApp } from '../support/app'
import { createEmployer, createStaff, TEST_PASSWORD } from '../support/factories'

/** The week of slots, Monday to Sunday, without JavaScript: each slot on its day, weekends flagged. */
let app: TestApp
let staff: Awaited<ReturnType<typeof createStaff>>
let employer: Awaited<ReturnType<typeof createEmployer>>

beforeAll(async () => {
  app = await startTestApp()
  staff = await createStaff(app.database.db)
  employer = await createEmployer(app.database.db)
})
afterAll(() => app.close())

async function loggedIn(email: string) {
  const browser = app.browser()
  await browser.logIn(email, TEST_PASSWORD)
  return browser
}

const nextSaturday = () => {
  const d = new Date(Date.now() + 14 * 86_400_000)
  d.setUTCDate(d.getUTCDate() + ((6 - d.getUTCDay() + 7) % 7))
  return d.toISOString().slice(0, 10)
}

describe('the week view of slots', () => {
  it('puts a slot on its day, flags the weekend, and pages by week', async () => {
    const intermediary = await loggedIn(staff.intermediary.email)
    const saturday = nextSaturday()
    const [location] = await app.database.query<{ id: string }>(`select id from reception_locations order by name limit 1`)
    const created = await intermediary.post('/speeddates/new', { startsAt: `${saturday}T10:00`, endsAt: `${saturday}T11:00`, placeKind: 'reception_location', receptionLocationId: location!.id, placeAddress: '', seats: '4', note: '' })
    expect(created.status).toBe(302)
    const slotId = created.headers.get('location')!.match(/\/speeddates\/([0-9a-f-]{36})/)![1]!

    for (const browser of [intermediary, await loggedIn(employer.owner.email)]) {
      const page = parse((await (await browser.get(`/speeddates/week?start=${saturday}`)).text()).replace(/<!-- -->/g, ''))
      const days = page.querySelectorAll('.week__day')
      expect(days).toHaveLength(7)
      // Monday first: the Saturday is the sixth day, with the slot and the weekend note.
      expect(days[5]!.querySelector(`a[href="/speeddates/${slotId}"]`)).not.toBeNull()
      expect(days[5]!.text).toContain('Let op: dit valt op een zaterdag.')
      expect(days.filter((d) => d.querySelector(`a[href="/speeddates/${slotId}"]`))).toHaveLength(1)
    }
    const following = parse(await (await intermediary.get(`/speeddates/week?start=${saturday}`)).text())
    const next = following.querySelectorAll('nav.actions a').find((a) => a.text.includes('Volgende week'))!.getAttribute('href')!
    const nextWeek = parse(await (await intermediary.get(next)).text())
    expect(nextWeek.querySelector(`a[href="/speeddates/${slotId}"]`)).toBeNull()
    // Anything that is not a date shows this week, not an error.
    expect((await intermediary.get('/speeddates/week?start=2026-13-45')).status).toBe(200)
  })
})
