import { seedDemoData } from '../../db/seed'
import { startTestApp, type TestApp } from './app'
import { TEST_TOTP_SECRET } from './factories'

/** An app on the demo data, whose staff sign in with the tests' own second-factor key. */
export async function startDemoApp(): Promise<TestApp> {
  const app = await startTestApp()
  await seedDemoData(app.database.db)
  // The demo's staff sign in with a second factor: the test knows its own key, not the demo's.
  await app.database.query(`update users set totp_secret = '${TEST_TOTP_SECRET}' where totp_secret is not null`)
  return app
}
