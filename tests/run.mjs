#!/usr/bin/env node
// `npm test`: builds the app, runs every suite this machine can run, and says loudly which it
// could not. With REQUIRE_ALL_SUITES=1 (CI) a skipped suite or a skipped test fails the run.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const suites = [
  { project: 'unit', available: true },
  { project: 'integration-pglite', available: true },
  {
    project: 'integration-postgres',
    available: Boolean(process.env.TEST_DATABASE_URL),
    why: 'TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres)',
  },
  {
    project: 'e2e',
    available: existsSync(chromiumPath),
    why: `no Chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`,
  },
]
const running = suites.filter((s) => s.available)
const skipped = suites.filter((s) => !s.available)
const strict = process.env.REQUIRE_ALL_SUITES === '1'

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4
  console.log(`\n${'!'.repeat(width)}\n${lines.map((l) => `! ${l}`).join('\n')}\n${'!'.repeat(width)}\n`)
}

console.log(`Suites to run: ${running.map((s) => s.project).join(', ')}`)
if (skipped.length > 0) {
  banner(['SKIPPED TEST SUITES:', ...skipped.map((s) => `${s.project}: ${s.why}`)])
}

const build = spawnSync('npx', ['remix', 'vite:build', '--logLevel', 'warn'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

// The JavaScript budget per page is a property of the build: checked on every test run.
const budget = spawnSync('node', ['tests/budget/js-budget.mjs'], { stdio: 'inherit' })
if (budget.status !== 0) process.exit(budget.status ?? 1)

mkdirSync('tests/.results', { recursive: true })
const resultsFile = 'tests/.results/vitest.json'
const vitest = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    ...running.flatMap((s) => ['--project', s.project]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${resultsFile}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit' },
)

let summary = { passed: 0, failed: 0, skipped: 0 }
if (existsSync(resultsFile)) {
  const results = JSON.parse(readFileSync(resultsFile, 'utf8'))
  summary = {
    passed: results.numPassedTests,
    failed: results.numFailedTests,
    skipped: results.numPendingTests + results.numTodoTests,
  }
}
if (skipped.length > 0) {
  banner(['SKIPPED TEST SUITES:', ...skipped.map((s) => `${s.project}: ${s.why}`)])
}
console.log(`${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped`)

if (vitest.status !== 0) process.exit(vitest.status ?? 1)
if (strict && (skipped.length > 0 || summary.skipped > 0)) {
  console.error('REQUIRE_ALL_SUITES=1: every suite and every test must run.')
  process.exit(1)
}
if (summary.passed === 0) {
  console.error('No test ran.')
  process.exit(1)
}
