import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { launchChromium } from './browser'
import { startPortal, type RunningPortal } from './server'

/**
 * One portal process and one Chromium per test file, started before and stopped after its tests.
 * Returns getters, since both exist only once beforeAll has run.
 */
export function portalPerFile(env: () => Record<string, string> = () => ({}), started: (url: string) => void = () => {}) {
  let portal: RunningPortal | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    portal = await startPortal(env())
    started(portal.url)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await portal?.stop()
  })
  return { url: () => portal!.url, browser: () => browser! }
}
