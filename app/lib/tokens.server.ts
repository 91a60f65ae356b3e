import { createHash, randomBytes } from 'node:crypto'

/** A URL-safe secret for links and cookies, and the hash that is all the database keeps. */
export function createToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
