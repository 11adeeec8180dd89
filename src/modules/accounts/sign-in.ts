// Signing in and out, the sessions behind the cookie, and a forgotten password's reset link.
import { hash, verify } from '@node-rs/argon2'
import { audit } from '../../kernel/audit.ts'
import { RuleError } from '../../kernel/errors.ts'
import { enqueue } from '../../kernel/jobs.ts'
import { renderMail, sendMail } from '../../kernel/mail.ts'
import type { SessionPerson } from '../../kernel/person-cache.ts'
import type { Actor } from '../../kernel/policy.ts'
import { hashToken, newToken } from '../../kernel/tokens.ts'
import type { Pool as DB, Db } from './db.ts'
import * as q from './queries.ts'
import { lifetimes, linkState } from './rules.ts'

// OWASP's argon2id baseline (19 MiB, 2 passes).
const argon = {
  algorithm: 2 /* Algorithm.Argon2id, a const enum */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
}
export const hashPassword = (password: string) => hash(password, argon)
// Verified against when the address is unknown, so a wrong address takes as long as a wrong password.
const decoyHash = hashPassword('decoy password that matches nothing')

/** The person behind a session token's hash, while the session lasts and the person is active. */
export async function findSession(db: DB, tokenHash: string): Promise<SessionPerson | null> {
  const row = await q.findSessionPerson(db, tokenHash, new Date())
  if (!row) return null
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    lang: row.lang,
    sessionId: row.session_id,
    expiresAt: row.expires_at,
  }
}

export interface Client {
  ip: string | null
  userAgent: string | null
}

/** A new session; the cookie gets the token, the database only its hash. */
export async function startSession(db: Db, personId: string, client: Client): Promise<string> {
  const session = newToken()
  await q.insertSession(db, {
    tokenHash: session.hash,
    personId,
    expiresAt: new Date(Date.now() + lifetimes.sessionMs),
    ip: client.ip,
    userAgent: client.userAgent?.slice(0, 300) ?? null,
  })
  return session.token
}

/** The session token for the cookie, or null: one answer whether the address exists or not. */
export async function signIn(
  db: DB,
  email: string,
  password: string,
  client: Client,
  previousSessionId?: string,
) {
  const person = await q.findPersonByEmail(db, email)
  let ok = false
  if (person?.password_hash && person.is_active) ok = await verify(person.password_hash, password)
  else await verify(await decoyHash, password)
  return db.transaction().execute(async (trx) => {
    if (!ok || !person) {
      // The person whose address was typed is the subject, not the actor: a stranger typed it.
      await audit(
        trx,
        { id: null, email, ip: client.ip },
        {
          action: 'accounts.sign-in-failed',
          subjectType: person ? 'person' : undefined,
          subjectId: person?.id,
        },
      )
      return null
    }
    // Signing in again in the same browser replaces its session rather than leaving it alive.
    if (previousSessionId) await q.deleteSession(trx, previousSessionId)
    const token = await startSession(trx, person.id, client)
    await audit(trx, { id: person.id, email: person.email, ip: client.ip }, { action: 'accounts.signed-in' })
    return { token, lang: person.lang }
  })
}

export async function signOut(db: DB, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    await q.deleteSession(trx, actor.sessionId)
    await audit(trx, actor, { action: 'accounts.signed-out' })
  })
}

export async function signOutEverywhere(db: DB, actor: Actor) {
  await db.transaction().execute(async (trx) => {
    await q.deleteSessionsOf(trx, actor.id)
    await audit(trx, actor, { action: 'accounts.signed-out-everywhere' })
  })
}

/**
 * Asks for a reset link. The request does the same work whether or not the address has an
 * account (so neither the answer nor its timing tells); the job looks the person up.
 */
export async function requestPasswordReset(db: DB, email: string, ip: string | null) {
  await db.transaction().execute(async (trx) => {
    await audit(trx, { id: null, email, ip }, { action: 'accounts.password-reset-requested' })
    await enqueue(trx, 'accounts.password-reset', { email })
  })
}

/** The job: a single-use link to an active account, in the person's language. */
export async function mailPasswordReset(db: DB, email: string, baseUrl: string) {
  const person = await q.findPersonByEmail(db, email)
  if (!person?.is_active) return
  await db.transaction().execute(async (trx) => {
    const { token, hash } = newToken()
    await q.insertPasswordReset(trx, {
      personId: person.id,
      tokenHash: hash,
      expiresAt: new Date(Date.now() + lifetimes.passwordResetMs),
    })
    const link = `${baseUrl}/password-reset/${token}`
    await sendMail(trx, {
      to: person.email,
      ...renderMail(person.lang, 'passwordReset', { name: person.name }, link),
    })
  })
}

export async function passwordResetState(db: DB, token: string) {
  const reset = await q.findPasswordReset(db, hashToken(token))
  const person = reset ? await q.findPerson(db, reset.person_id) : undefined
  const state = person?.is_active === false ? 'unknown' : linkState(reset)
  return { state, email: person?.email }
}

/** Sets the new password, uses up the link and signs the person out everywhere else. */
export async function resetPassword(db: DB, token: string, password: string, ip: string | null) {
  const passwordHash = await hashPassword(password)
  return db.transaction().execute(async (trx) => {
    const reset = await q.findPasswordReset(trx, hashToken(token))
    if (linkState(reset) !== 'valid' || !reset || !(await q.markPasswordResetUsed(trx, reset.id))) {
      throw new RuleError('accounts.reset.linkInvalid')
    }
    await q.updatePerson(trx, reset.person_id, { password_hash: passwordHash })
    await q.deleteSessionsOf(trx, reset.person_id)
    await q.voidPasswordResetsOf(trx, reset.person_id)
    await audit(trx, { id: reset.person_id, email: null, ip }, { action: 'accounts.password-reset' })
  })
}
