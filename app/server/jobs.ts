import type { DatabaseHandle } from '#db/client.server'
import { deleteExpiredRateLimits } from '~/lib/api/rate-limit.server'
import type { Env } from '~/lib/env.server'
import { stripeClient } from '~/lib/stripe.server'
import { deliverEmail, dispatchDueEmails } from '~/modules/email/dispatcher.server'
import type { EmailTransport } from '~/modules/email/transport.server'
import { openJobQueue, workJobs, type JobHandlers, type JobQueue } from '~/modules/jobs/queue.server'
import { sweepPayments } from '~/modules/payments/sweep.server'
import '~/modules/speeddates/booking-payments.server'
import { sendDueReminders } from '~/modules/speeddates/reminders.server'
import { sendAftercareReminders } from '~/modules/pipeline/aftercare.server'
import { anonymiseInactiveCandidates } from '~/modules/pipeline/candidates.server'
import { sendStepReminders } from '~/modules/twv/step-reminders.server'
import { sendDailyDigests } from '~/modules/notifications/digest.server'
import { deliverDueWebhooks, deliverWebhook } from '~/modules/webhooks/delivery.server'
import { webhookTargetPolicy } from '~/modules/webhooks/endpoints.server'

/**
 * What each job does, in one place: the composition root wires the modules to the queue, so the
 * modules never import each other to get background work done.
 */
export function jobHandlers(database: DatabaseHandle, env: Env, transport: EmailTransport, options: { claimSeconds?: number } = {}): JobHandlers {
  const stripe = stripeClient(env)
  const db = database.db
  return {
    'email.deliver': ({ outboxId }) => deliverEmail(db, transport, outboxId, options),
    'email.sweep': () => dispatchDueEmails(db, transport, options),
    'speeddates.reminders': () => sendDueReminders(db, env.APP_URL),
    'twv.step-reminders': () => sendStepReminders(db, env.APP_URL),
    'pipeline.aftercare-reminders': () => sendAftercareReminders(db, env.APP_URL),
    'pipeline.retention': () => anonymiseInactiveCandidates(db),
    'notifications.digest': () => sendDailyDigests(db, env.APP_URL),
    // Unpaid bookings past their window release their slot; refunds Stripe has not taken are retried.
    'payments.sweep': async () => (stripe ? sweepPayments(db, stripe, { appUrl: env.APP_URL }) : null),
    'maintenance.rate-limits': () => deleteExpiredRateLimits(db),
    'webhooks.deliver': ({ deliveryId }) => deliverWebhook(db, deliveryId, { policy: webhookTargetPolicy(env) }),
    'webhooks.sweep': () => deliverDueWebhooks(db, { policy: webhookTargetPolicy(env) }),
  }
}

/** The queue of this process: a web instance sends; a worker also schedules and works. */
export async function startQueue(
  database: DatabaseHandle,
  role: 'web' | 'worker',
  work?: { env: Env; transport: EmailTransport; claimSeconds?: number; expireInSeconds?: number; pollingIntervalSeconds?: number },
): Promise<JobQueue> {
  const queue = await openJobQueue({ ...database.queue, instance: role, expireInSeconds: work?.expireInSeconds })
  if (role === 'worker' && work) {
    await workJobs(queue, jobHandlers(database, work.env, work.transport, { claimSeconds: work.claimSeconds }), { pollingIntervalSeconds: work.pollingIntervalSeconds })
  }
  return queue
}
