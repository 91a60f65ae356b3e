import { randomBytes } from 'node:crypto'

/** A fresh nonce for each page: Remix's inline scripts carry it, anything injected does not. */
export function createCspNonce(): string {
  return randomBytes(16).toString('base64')
}

/**
 * The headers every response carries. The policy allows scripts only from our origin or with
 * this response's nonce, styles and fonts only from our origin (public/ ships them), and no
 * framing at all. The dev server's module reloading needs a websocket and Vite's inline styles.
 */
export function securityHeaders(options: { nonce: string; appUrl: string; dev: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${options.nonce}'`,
    options.dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    options.dev ? "connect-src 'self' ws:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
  const headers: Record<string, string> = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()',
  }
  // Only over https: a browser that learned HSTS for a plain-http host could not reach it at all.
  if (new URL(options.appUrl).protocol === 'https:') {
    headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  }
  return headers
}

/** The API's answers are data: nothing in them may load, run or be framed. */
export function apiSecurityHeaders(appUrl: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  }
  if (new URL(appUrl).protocol === 'https:') headers['Strict-Transport-Security'] = 'max-age=31536000; includeSubDomains'
  return headers
}
