// `npm run demo:code`: the current sign-in code of the demo's staff accounts (their published
// authenticator key, db/seed.ts), for trying the demo without an authenticator app.
import { generate } from 'otplib'
import { DEMO_TOTP_SECRET } from './seed'

const code = await generate({ secret: DEMO_TOTP_SECRET })
const secondsLeft = 30 - (Math.floor(Date.now() / 1000) % 30)
console.log(`${code}  (valid for ${secondsLeft} more seconds; demo accounts only)`)
