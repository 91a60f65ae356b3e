import { hash, verify } from '@node-rs/argon2'

// @node-rs/argon2 defaults to argon2id; the parameters are OWASP's minimum for argon2id.
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, options)
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password)
  } catch {
    return false
  }
}

// Compared against when the email is unknown, so a login takes as long either way.
let dummyHash: Promise<string> | undefined
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('werkbrug-timing-equaliser')
  return dummyHash
}
