import { breachedPasswords } from './breached-passwords.ts'

// NIP: 10 digits, the last a checksum of the first nine with these weights, mod 11 (10 is invalid).
export function isValidNip(raw: string): boolean {
  const nip = raw.replace(/[\s-]/g, '')
  if (!/^\d{10}$/.test(nip)) return false
  const weights = [6, 5, 7, 2, 3, 4, 5, 6, 7]
  const sum = weights.reduce((acc, w, i) => acc + w * Number(nip[i]), 0)
  const check = sum % 11
  return check !== 10 && check === Number(nip[9])
}

// REGON: 9 or 14 digits; the last digit is a weighted sum mod 11, where 10 counts as 0.
export function isValidRegon(raw: string): boolean {
  const regon = raw.replace(/[\s-]/g, '')
  const weights =
    regon.length === 9
      ? [8, 9, 2, 3, 4, 5, 6, 7]
      : regon.length === 14
        ? [2, 4, 8, 5, 0, 9, 7, 3, 6, 1, 2, 4, 8]
        : null
  if (!weights || !/^\d+$/.test(regon)) return false
  const sum = weights.reduce((acc, w, i) => acc + w * Number(regon[i]), 0)
  return (sum % 11) % 10 === Number(regon[regon.length - 1])
}

export const normaliseDigits = (raw: string) => raw.replace(/[\s-]/g, '')

export const passwordLimits = { min: 10, max: 128 }

export type PasswordProblem = 'tooShort' | 'tooLong' | 'breached' | 'containsEmail'

/** Length, a list of breached passwords shipped with the code, and not the person's own address. */
export function passwordProblem(password: string, email?: string): PasswordProblem | null {
  if (password.length < passwordLimits.min) return 'tooShort'
  if (password.length > passwordLimits.max) return 'tooLong'
  const folded = password.toLowerCase()
  if (breachedPasswords.has(folded) || breachedPasswords.has(folded.replace(/[\d!@#$%^&*.?_-]+$/, '')))
    return 'breached'
  const local = email?.split('@')[0]?.toLowerCase()
  if (local && local.length >= 4 && folded.includes(local)) return 'containsEmail'
  return null
}

export const lifetimes = {
  sessionMs: 14 * 24 * 3600_000,
  invitationMs: 7 * 24 * 3600_000,
  invitationRenewalMs: 30 * 24 * 3600_000,
  passwordResetMs: 3600_000,
}

export type LinkState = 'valid' | 'expired' | 'used' | 'revoked' | 'unknown'

export function linkState(
  row: { expires_at: Date; used_at: Date | null; revoked_at?: Date | null } | undefined,
  now = new Date(),
): LinkState {
  if (!row) return 'unknown'
  if (row.revoked_at) return 'revoked'
  if (row.used_at) return 'used'
  if (row.expires_at.getTime() <= now.getTime()) return 'expired'
  return 'valid'
}

/**
 * How failed sign-ins slow down the next try. Failures count per account and per network address;
 * successful sign-ins never count. Under its limit a key may try at once; from the limit on, each
 * further failure doubles the wait (one minute, two, four, …, at most fifteen). A key with no
 * failure for `forgetMs` starts again from nothing.
 */
export const signInBackoff = { firstWaitMs: 60_000, maxWaitMs: 15 * 60_000, forgetMs: 15 * 60_000 }

export interface FailureCount {
  failures: number
  last_failed_at: Date
}

/** Until when a key (an account or an address) must wait before its next try; null if it need not. */
export function waitUntil(count: FailureCount | undefined, limit: number, now: Date): Date | null {
  if (!count || count.failures < limit) return null
  const since = now.getTime() - count.last_failed_at.getTime()
  if (since >= signInBackoff.forgetMs) return null
  const wait = Math.min(signInBackoff.firstWaitMs * 2 ** (count.failures - limit), signInBackoff.maxWaitMs)
  return since < wait ? new Date(count.last_failed_at.getTime() + wait) : null
}
