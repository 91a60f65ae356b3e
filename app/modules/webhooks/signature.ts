import { createHmac, timingSafeEqual } from 'node:crypto'

export const SIGNATURE_HEADER = 'Werkbrug-Signature'
/** A receiver should refuse a signature older than this (a replayed request). */
export const SIGNATURE_TOLERANCE_SECONDS = 300

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the endpoint's secret>` — the scheme
 * Stripe uses, so integrators know it: the timestamp is signed with the body, so an old request
 * cannot be replayed with a fresh time.
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000)
  return `t=${t},v1=${hmac(secret, `${t}.${body}`)}`
}

/** How a receiver checks a delivery (used by the tests' receiver, and shown in the README). */
export function verifySignature(secret: string, body: string, header: string, now = new Date()): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]))
  const t = Number(parts.t)
  if (!Number.isInteger(t) || !parts.v1) return false
  if (Math.abs(now.getTime() / 1000 - t) > SIGNATURE_TOLERANCE_SECONDS) return false
  const expected = Buffer.from(hmac(secret, `${t}.${body}`), 'hex')
  const given = Buffer.from(parts.v1, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

function hmac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('hex')
}
