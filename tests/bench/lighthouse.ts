import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'

export type LighthouseScore = { url: string; performance: number; accessibility: number }

/**
 * Lighthouse's phone profile (its default: a mid-range phone, throttled 4G) over the public pages,
 * in Debian's Chromium. Scores are 0–100. A lab measurement on this machine, reported beside the
 * ratios; the aim is ≥ 95 for performance and 100 for accessibility.
 */
export async function lighthouseScores(urls: string[]): Promise<LighthouseScore[]> {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
  })
  try {
    const scores: LighthouseScore[] = []
    for (const url of urls) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] })
      const categories = result?.lhr.categories
      scores.push({ url, performance: Math.round((categories?.performance?.score ?? 0) * 100), accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100) })
    }
    return scores
  } finally {
    chrome.kill()
  }
}
