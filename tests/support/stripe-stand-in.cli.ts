/**
 * Runs the Stripe stand-in on its own, to try paid bookings on a machine without Stripe:
 *   npm run stripe:stand-in            (then start the portal with the printed variables)
 * Its webhooks go to WEBHOOK_URL (default http://localhost:3000/webhooks/stripe).
 */
import { startStripeStandIn } from './stripe-stand-in'

const standIn = await startStripeStandIn({ port: Number(process.env.STAND_IN_PORT ?? 12111) })
standIn.setWebhookUrl(process.env.WEBHOOK_URL ?? 'http://localhost:3000/webhooks/stripe')
const env = Object.entries(standIn.env())
  .map(([name, value]) => `${name}=${value}`)
  .join(' ')
console.log(`Stripe stand-in at ${standIn.url}. Start the portal with:\n  ${env} npm start`)
process.on('SIGINT', () => void standIn.close().then(() => process.exit(0)))
