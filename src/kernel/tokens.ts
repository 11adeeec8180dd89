import { createHash, randomBytes } from 'node:crypto'

/** A token for a link in a mail: the link carries it, the database keeps only its hash. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url')
  return { token, hash: hashToken(token) }
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}
