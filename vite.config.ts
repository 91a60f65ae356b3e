import { fileURLToPath } from 'node:url'
import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'
import { configDefaults } from 'vitest/config'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Suites are chosen by tests/run.mjs (npm test), which says loudly which ones it skips.
const integration = ['tests/integration/**/*.test.ts']

export default defineConfig({
  resolve: {
    alias: {
      '~': here('./app'),
      '#db': here('./db'),
      '#emails': here('./emails'),
      '#tests': here('./tests'),
    },
  },
  server: { port: 3000 },
  plugins: [
    !process.env.VITEST &&
      remix({
        ignoredRouteFiles: ['**/*.test.{ts,tsx}', '**/*.css'],
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_lazyRouteDiscovery: true,
          v3_singleFetch: true,
        },
      }),
  ],
  test: {
    exclude: [...configDefaults.exclude, 'build/**', 'data/**'],
    // Most test files wait on a database or a browser: three at a time keep two cores busy (vitest
    // would run one at a time on two cores). Measured: the whole run 1 199 s → 833 s. The e2e files
    // still share one fork (their portal and Chromium are heavy).
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'emails/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-pglite',
          include: integration,
          exclude: [...configDefaults.exclude, 'tests/integration/postgres/**'],
          env: { TEST_DB_ENGINE: 'pglite' },
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/setup-modules.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration-postgres',
          include: integration,
          env: { TEST_DB_ENGINE: 'postgres' },
          globalSetup: ['tests/support/global-setup.ts'],
          setupFiles: ['tests/support/setup-modules.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
})
