import { breachedPasswords } from './breached-passwords.ts'

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
