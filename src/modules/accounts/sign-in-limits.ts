// Failed sign-ins slow down guessing: per account (the address typed) and per network address, with
// a wait that doubles from the limit on. Successful sign-ins never count, so the eleventh colleague
// behind one office address signs in as the first did.
import type { AnyDb } from '../../kernel/db.ts'
import type { Pool as DB, Db } from './db.ts'
import { signInBackoff, waitUntil } from './rules.ts'
import { type Client, signIn } from './sign-in.ts'

export interface SignInLimits {
  /** Failed tries for one account before each next one waits. */
  perAccount: number
  /** Failed tries from one network address (any accounts) before each next one waits. */
  perAddress: number
}

export type SignInOutcome =
  | { kind: 'signed-in'; token: string; lang: string }
  | { kind: 'failed' }
  /** Not tried: the account or the address must wait until then. */
  | { kind: 'wait'; until: Date }

const keysOf = (email: string, client: Client) => ({
  account: `account:${email.trim().toLowerCase()}`,
  address: client.ip ? `address:${client.ip}` : null,
})

/**
 * Signs in unless the account or the address must wait; a wrong password counts against both.
 * While waiting the password is not checked, so guessing then learns nothing and costs nothing.
 */
export async function signInWithinLimits(
  db: DB,
  input: { email: string; password: string },
  client: Client,
  limits: SignInLimits,
  previousSessionId?: string,
  now = new Date(),
): Promise<SignInOutcome> {
  const keys = keysOf(input.email, client)
  const counts = new Map(
    (
      await db
        .selectFrom('sign_in_failures')
        .select(['key', 'failures', 'last_failed_at'])
        .where('key', 'in', keys.address ? [keys.account, keys.address] : [keys.account])
        .execute()
    ).map((row) => [row.key, row]),
  )
  const waits = [
    waitUntil(counts.get(keys.account), limits.perAccount, now),
    keys.address ? waitUntil(counts.get(keys.address), limits.perAddress, now) : null,
  ].filter((d): d is Date => d !== null)
  if (waits.length > 0) return { kind: 'wait', until: new Date(Math.max(...waits.map((d) => d.getTime()))) }

  const session = await signIn(db, input.email, input.password, client, previousSessionId)
  if (session) return { kind: 'signed-in', ...session }
  await countFailure(db, [keys.account, ...(keys.address ? [keys.address] : [])], now)
  return { kind: 'failed' }
}

async function countFailure(db: Db, keys: string[], now: Date) {
  const forgotten = new Date(now.getTime() - signInBackoff.forgetMs)
  await db
    .insertInto('sign_in_failures')
    .values(keys.map((key) => ({ key, failures: 1, last_failed_at: now })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('sign_in_failures.last_failed_at', '<', forgotten)
          .then(1)
          .else(eb('sign_in_failures.failures', '+', 1))
          .end(),
        last_failed_at: now,
      })),
    )
    .execute()
}

/** Nightly: counts no one needs any more (a key forgets its failures after a quarter of an hour). */
export async function deleteOldSignInFailures(handle: AnyDb, now = new Date()) {
  const db: Db = handle
  const before = new Date(now.getTime() - 24 * 3600_000)
  await db.deleteFrom('sign_in_failures').where('last_failed_at', '<', before).execute()
}
