/**
 * The one place that decides where a user may be sent after a form (login, language switch).
 * A target is resolved against APP_URL and must stay on its origin. Browsers strip tabs and
 * newlines and read backslashes as slashes before they follow a Location, so a value holding any
 * of those — raw or percent-encoded — or anything but printable ASCII falls back to the default,
 * as does a target whose path would start with `//` (a protocol-relative URL to another host).
 */
export function safeRedirectPath(value: unknown, appUrl: string, fallback = '/dashboard'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return fallback
  if (!/^[\x21-\x7e]+$/.test(value)) return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback
  const pathPart = value.split(/[?#]/, 1)[0]!
  if (/%(2f|5c|[01][0-9a-f]|7f)/i.test(pathPart)) return fallback
  let target: URL
  let base: URL
  try {
    base = new URL(appUrl)
    target = new URL(value, base)
  } catch {
    return fallback
  }
  if (target.origin !== base.origin || target.pathname.startsWith('//')) return fallback
  return target.pathname + target.search + target.hash
}
