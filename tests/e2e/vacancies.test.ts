import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoLogins } from '../../db/seed'
import { expectAccessible } from './support/browser'
import { portalPerFile } from './support/suite'
import { logIn, logOut, newPage } from './support/session'

const suite = portalPerFile()

const employer = demoLogins[2].email
const intermediary = demoLogins[1].email

function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

async function fillVacancy(page: Page, wage: string) {
  await page.getByLabel('Functietitel').fill('Inpakker webshop')
  await page.getByLabel('Sector').selectOption('logistics')
  await page.getByLabel('Taken').fill('Bestellingen inpakken en etiketteren.')
  await page.getByLabel('Voor wie').selectOption('asylum_seekers_welcome')
  await page.getByLabel('Adres werkplek').fill('Logistiekweg 8')
  await page.getByLabel('Postcode').fill('1332 BC')
  await page.getByLabel('Gemeente').fill('Almere')
  await page.getByLabel('Reistijd vanaf Almere Engelse Mijl (minuten)').fill('25')
  await page.getByLabel('Reistijd vanaf Almere Markerkant (minuten)').fill('30')
  await page.getByLabel('Minimaal aantal uren per week').fill('24')
  await page.getByLabel('Maximaal aantal uren per week').fill('32')
  await page.getByLabel('Soort contract').selectOption('temporary')
  await page.getByLabel('Duur van het contract (maanden)').fill('6')
  await page.getByLabel('Dag', { exact: true }).check()
  await page.getByLabel('Uurloon (€)').fill(wage)
  await page.getByLabel('Startdatum').fill(inDays(30))
  await page.getByLabel('Aantal plaatsen').fill('2')
  await page.getByLabel('Vereist niveau Engels').selectOption('a_little')
  await page.getByLabel('Vereist niveau Nederlands').selectOption('none')
}

describe('employer registers a vacancy online, the intermediary publishes it', () => {
  it('walks the whole review with every page accessible', async () => {
    const page = await newPage(suite.browser())
    await logIn(page, suite.url(), employer, DEMO_PASSWORD)
    await page.getByRole('link', { name: 'Vacatures' }).click()
    await page.waitForURL(/\/vacancies$/)
    await page.getByRole('cell', { name: 'Orderpicker distributiecentrum' }).waitFor()
    await expectAccessible(page, '20-vacancies-employer')

    await page.getByRole('link', { name: 'Nieuwe vacature' }).click()
    await page.waitForURL(/\/vacancies\/new$/)
    await expectAccessible(page, '21-vacancy-new')
    await fillVacancy(page, '11,50')
    await page.getByRole('button', { name: 'Concept opslaan' }).click()
    const wageError = page.locator('#field-hourlyWage-error')
    await wageError.waitFor()
    expect((await wageError.textContent())?.replace(/\s/g, ' ')).toContain('onder het minimumloon van € 14,71 per uur dat sinds')
    expect(await page.getByLabel('Functietitel').inputValue()).toBe('Inpakker webshop')
    await expectAccessible(page, '22-vacancy-new-error')

    await page.getByLabel('Uurloon (€)').fill('15,00')
    await page.getByRole('button', { name: 'Concept opslaan' }).click()
    await page.waitForURL(/\/vacancies\/[0-9a-f-]{36}\?saved=1$/)
    const vacancyUrl = page.url().replace('?saved=1', '')
    await expectAccessible(page, '23-vacancy-draft')
    await page.getByRole('button', { name: 'Indienen bij de bemiddelaar' }).click()
    await page.getByText('De vacature is ingediend.').waitFor()
    await logOut(page, suite.url())

    await logIn(page, suite.url(), intermediary, DEMO_PASSWORD)
    await page.goto(`${suite.url()}/vacancies?status=submitted`)
    await page.getByRole('link', { name: 'Inpakker webshop' }).click()
    await page.waitForURL(vacancyUrl)
    await expectAccessible(page, '24-vacancy-review')
    await page.getByRole('button', { name: 'Goedkeuren en publiceren' }).click()
    await page.getByText('De vacature is gepubliceerd.').waitFor()
    await logOut(page, suite.url())

    await logIn(page, suite.url(), employer, DEMO_PASSWORD)
    await page.goto(vacancyUrl)
    await page.getByText('Gepubliceerd', { exact: true }).first().waitFor()
    expect(await page.locator('.status').first().textContent()).toBe('Gepubliceerd')
    await page.context().close()
  })

  it('lets the owner create an API key and read the API page, accessibly', async () => {
    const page = await newPage(suite.browser())
    await logIn(page, suite.url(), employer, DEMO_PASSWORD)
    await page.getByRole('link', { name: 'API-sleutels' }).click()
    await page.waitForURL(/\/settings\/api-keys$/)
    await page.getByLabel('Naam van de sleutel').fill('Planning')
    await page.getByRole('button', { name: 'Sleutel aanmaken' }).click()
    const key = await page.getByTestId('new-api-key').textContent()
    expect(key).toMatch(/^wbk_/)
    await expectAccessible(page, '25-api-keys')

    const response = await fetch(`${suite.url()}/api/v1/vacancies?limit=1`, { headers: { authorization: `Bearer ${key}` } })
    expect(response.status).toBe(200)

    await page.getByRole('link', { name: 'Lees de API-documentatie' }).click()
    await page.waitForURL(/\/api-docs$/)
    await page.getByRole('heading', { name: 'POST /api/v1/vacancies', exact: true }).waitFor()
    await expectAccessible(page, '26-api-docs')
    await page.context().close()
  })
})
