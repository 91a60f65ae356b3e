import { z } from 'zod'

// Published in this repository: fine for the demo, refused in production.
export const DEV_SESSION_SECRET = 'werkbrug-development-secret-do-not-use-in-production'

const urlWithProtocols = (protocols: string[], message: string) =>
  z.url({ message }).refine((value) => protocols.includes(new URL(value).protocol), { message })

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce
      .number({ message: 'must be a port number' })
      .int('must be a whole number')
      .min(1, 'must be between 1 and 65535')
      .max(65535, 'must be between 1 and 65535')
      .default(3000),
    HOST: z.string().optional(),
    APP_URL: urlWithProtocols(['http:', 'https:'], 'must be an http(s) URL').optional(),
    DATABASE_URL: urlWithProtocols(
      ['postgres:', 'postgresql:'],
      'must be a postgres:// or postgresql:// URL',
    ).optional(),
    // A read replica for the heavy reads (risk portfolio, funnel report); the primary when unset.
    DATABASE_READ_URL: urlWithProtocols(['postgres:', 'postgresql:'], 'must be a postgres:// or postgresql:// URL').optional(),
    // Behind a pooler in transaction mode (PgBouncer's pool_mode = transaction) a connection is
    // not ours between transactions: no prepared statements then.
    DATABASE_TRANSACTION_POOLING: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((v) => v === 'true'),
    DATA_DIR: z.string().min(1).default('./data'),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SMTP_URL: urlWithProtocols(['smtp:', 'smtps:'], 'must be an smtp:// or smtps:// URL').optional(),
    MAIL_FROM: z.string().min(3).default('Werkbrug <no-reply@werkbrug.localhost>'),
    STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must look like sk_test_… or sk_live_…').optional(),
    STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must look like whsec_…').optional(),
    // Points the Stripe SDK at a local stand-in in tests; never set in production.
    STRIPE_API_BASE: urlWithProtocols(['http:', 'https:'], 'must be an http(s) URL').optional(),
    API_RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ message: 'must be a number' })
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .default(300),
    // A job that runs this long counts as lost (its worker died) and is tried again; an email a
    // worker claimed is left to it this long. Both short in the tests that kill a worker.
    JOB_EXPIRE_SECONDS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).max(86_400).default(300),
    EMAIL_CLAIM_SECONDS: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1).max(86_400).default(120),
    // How often an idle worker looks for jobs.
    JOB_POLL_SECONDS: z.coerce.number({ message: 'must be a number' }).min(0.5).max(60).default(1),
    // Outgoing webhooks may reach loopback and private addresses: only for local development and
    // the tests' receiver. Refused in production.
    WEBHOOK_ALLOW_PRIVATE_TARGETS: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false').transform((v) => v === 'true'),
    // How many reverse proxies stand in front of the app. Each appends the address it saw to
    // X-Forwarded-For, so the client's address is the one that many hops from the right; anything
    // further left was written by the client itself. `true` means one proxy.
    TRUST_PROXY: z
      .string()
      .regex(/^(true|false|[0-9])$/, { message: 'must be false, true (one proxy) or the number of proxies (0-9)' })
      .default('false')
      .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value))),
  })
  .superRefine((env, ctx) => {
    if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY'],
        message: 'must be set together with the other STRIPE_ key',
      })
    }
    if (env.NODE_ENV === 'production') {
      // Production never falls back to the demo's conveniences: a published secret, the local
      // mailbox (which would hold live reset links) or a guessed public address.
      const required = { SESSION_SECRET: env.SESSION_SECRET, SMTP_URL: env.SMTP_URL, APP_URL: env.APP_URL }
      for (const [name, value] of Object.entries(required)) {
        if (!value) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when NODE_ENV=production' })
      }
      if (env.WEBHOOK_ALLOW_PRIVATE_TARGETS) {
        ctx.addIssue({ code: 'custom', path: ['WEBHOOK_ALLOW_PRIVATE_TARGETS'], message: 'must be false in production: webhooks may not reach private addresses' })
      }
      if (env.SESSION_SECRET === DEV_SESSION_SECRET) {
        ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'is the published development secret; choose your own' })
      }
    }
  })
  .transform((env) => ({
    ...env,
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    SESSION_SECRET: env.SESSION_SECRET ?? DEV_SESSION_SECRET,
    usesDevSessionSecret: !env.SESSION_SECRET,
    // The demo (`npm start`): not production and no SMTP, so emails stay in the local mailbox.
    demoMailbox: env.NODE_ENV !== 'production' && !env.SMTP_URL,
    paymentsEnabled: Boolean(env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET),
  }))

export type Env = z.output<typeof envSchema>

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'EnvError'
  }
}

/** Parses configuration; an empty variable counts as unset. Throws EnvError naming each bad variable. */
export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  )
  const result = envSchema.safeParse(cleaned)
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => `${issue.path.join('.') || '(env)'} ${issue.message}`),
    )
  }
  return result.data
}
