const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

export type OriginCheckInput = {
  method: string
  path: string
  origin?: string
  referer?: string
  host?: string
  /** Extra origins that may post, e.g. APP_URL behind a proxy that rewrites Host. */
  allowedOrigins?: string[]
}

/**
 * Cookie-authenticated mutations must come from our own pages (CSRF defence in depth on top of
 * SameSite=Lax). Webhooks are signed and the JSON API authenticates by bearer key only (it never
 * reads the session cookie), so a forged cross-site request gains nothing there: both are exempt.
 */
export function isMutationFromAllowedOrigin(input: OriginCheckInput): boolean {
  if (safeMethods.has(input.method.toUpperCase())) return true
  if (input.path.startsWith('/webhooks/')) return true
  if (input.path.startsWith('/api/')) return true
  const claimed = originOf(input.origin) ?? originOf(input.referer)
  if (!claimed) return false
  const allowed = new Set(
    (input.allowedOrigins ?? []).map((o) => originOf(o)).filter((o): o is string => Boolean(o)),
  )
  if (allowed.has(claimed)) return true
  return input.host !== undefined && new URL(claimed).host === input.host.toLowerCase()
}

function originOf(value: string | undefined): string | undefined {
  if (!value || value === 'null') return undefined
  try {
    return new URL(value).origin
  } catch {
    return undefined
  }
}
