// Accounts: what a person does with their account, and what the secretariat does with people.
import { hash, verify } from '@node-rs/argon2'
import type { Config } from '../../config.ts'
import { audit } from '../../kernel/audit.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { ForbiddenError, NotFoundError, RuleError, sqlState } from '../../kernel/errors.ts'
import type { Lang } from '../../kernel/i18n.ts'
import { enqueue, type JobQueue } from '../../kernel/jobs.ts'
import { renderMail, sendMail } from '../../kernel/mail.ts'
import type { SessionPerson } from '../../kernel/person-cache.ts'
import { type Actor, canChangeRoleOf, type GlobalRole } from '../../kernel/policy.ts'
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
async function startSession(db: Db, personId: string, client: Client): Promise<string> {
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
async function mailPasswordReset(db: DB, email: string, baseUrl: string) {
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

export interface InviteInput {
  email: string
  role: GlobalRole
  organisationId: string | null
}

export async function invitePerson(db: DB, actor: Actor, input: InviteInput, baseUrl: string, lang: Lang) {
  if (!canChangeRoleOf(actor, 'member', input.role))
    throw new RuleError('accounts.invite.roleNotAllowed', 'role')
  if (await q.findPersonByEmail(db, input.email))
    throw new RuleError('accounts.invite.alreadyHasAccount', 'email')
  await requireKnownOrganisation(db, input.organisationId)
  await db.transaction().execute(async (trx) => {
    const { token, hash } = newToken()
    const invitation = await q.insertInvitation(trx, {
      ...input,
      tokenHash: hash,
      invitedBy: actor.id,
      expiresAt: new Date(Date.now() + lifetimes.invitationMs),
    })
    await audit(trx, actor, {
      action: 'accounts.invited',
      subjectType: 'invitation',
      subjectId: invitation.id,
      details: { email: input.email, role: input.role },
    })
    // The invited person has no language yet: the mail goes in the inviter's.
    const link = `${baseUrl}/invitation/${token}`
    await sendMail(trx, { to: input.email, ...renderMail(lang, 'invitation', { inviter: actor.name }, link) })
  })
}

/**
 * An account for an outside person the secretariat brings into one piece of work (an expert invited
 * to a network): made at once, without a password, in the caller's transaction, with a single-use
 * link to set one that lasts as long as an invitation. Returns the new person's id.
 */
export async function createAccountWithLink(
  handle: AnyDb,
  actor: Actor,
  p: { email: string; name: string; role: GlobalRole; lang: Lang },
  baseUrl: string,
  mail: { template: 'spaceWelcome'; params: Record<string, string> },
): Promise<string> {
  const trx: Db = handle
  const person = await q
    .insertPerson(trx, { ...p, passwordHash: null, organisationId: null })
    .catch((err) => {
      throw sqlState(err) === '23505' ? new RuleError('accounts.invite.alreadyHasAccount', 'email') : err
    })
  const { token, hash } = newToken()
  await q.insertPasswordReset(trx, {
    personId: person.id,
    tokenHash: hash,
    expiresAt: new Date(Date.now() + lifetimes.invitationMs),
  })
  await audit(trx, actor, {
    action: 'accounts.created-with-link',
    subjectType: 'person',
    subjectId: person.id,
    details: { email: p.email, role: p.role },
  })
  const link = `${baseUrl}/password-reset/${token}`
  await sendMail(trx, {
    to: p.email,
    ...renderMail(p.lang, mail.template, { name: p.name, inviter: actor.name, ...mail.params }, link),
  })
  return person.id
}

export async function invitationState(db: DB, token: string) {
  const invitation = await q.findInvitation(db, hashToken(token))
  return { state: linkState(invitation), email: invitation?.email }
}

/** Creates the account from a valid invitation and signs the person in. */
export async function acceptInvitation(
  db: DB,
  token: string,
  input: { name: string; password: string },
  lang: Lang,
  client: Client,
) {
  const passwordHash = await hashPassword(input.password)
  return db.transaction().execute(async (trx) => {
    const invitation = await q.findInvitation(trx, hashToken(token))
    if (
      linkState(invitation) !== 'valid' ||
      !invitation ||
      !(await q.markInvitationUsed(trx, invitation.id))
    ) {
      throw new RuleError('accounts.invitation.linkInvalid')
    }
    if (await q.findPersonByEmail(trx, invitation.email))
      throw new RuleError('accounts.invite.alreadyHasAccount')
    // Two invitations to one address accepted at once: the second meets the unique index.
    const person = await q
      .insertPerson(trx, {
        email: invitation.email,
        name: input.name,
        passwordHash,
        role: invitation.role,
        organisationId: invitation.organisation_id,
        lang,
      })
      .catch((err) => {
        throw sqlState(err) === '23505' ? new RuleError('accounts.invite.alreadyHasAccount') : err
      })
    const sessionToken = await startSession(trx, person.id, client)
    await audit(
      trx,
      { id: person.id, email: person.email, ip: client.ip },
      { action: 'accounts.invitation-accepted', subjectType: 'person', subjectId: person.id },
    )
    return { token: sessionToken }
  })
}

/** Withdraws an invitation not yet accepted; its link then says so. Only by someone who could have sent it. */
export async function revokeInvitation(db: DB, actor: Actor, id: string) {
  const invitation = await q.findInvitationById(db, id)
  if (!invitation) throw new NotFoundError()
  if (!canChangeRoleOf(actor, 'member', invitation.role)) throw new ForbiddenError()
  await db.transaction().execute(async (trx) => {
    if (!(await q.markInvitationRevoked(trx, id))) throw new RuleError('accounts.invitations.notPending')
    await audit(trx, actor, {
      action: 'accounts.invitation-revoked',
      subjectType: 'invitation',
      subjectId: id,
      details: { email: invitation.email },
    })
  })
}

/** An expired invitation can be sent again to the same address, with the same role. */
export async function renewInvitation(db: DB, token: string, baseUrl: string, lang: Lang, ip: string | null) {
  await db.transaction().execute(async (trx) => {
    const old = await q.findInvitation(trx, hashToken(token))
    const inviter = old ? await q.findInviter(trx, old.invited_by) : undefined
    // Renewed in the inviter's name: only while they may still invite with that role, and
    // only within a month of the expiry, so an old link cannot be revived forever.
    const renewable =
      old &&
      inviter?.is_active &&
      linkState(old) === 'expired' &&
      Date.now() - old.expires_at.getTime() < lifetimes.invitationRenewalMs &&
      canChangeRoleOf({ role: inviter.role }, 'member', old.role) &&
      (await q.markInvitationUsed(trx, old.id))
    if (!old || !inviter || !renewable) throw new RuleError('accounts.invitation.cannotRenew')
    const fresh = newToken()
    await q.insertInvitation(trx, {
      email: old.email,
      role: old.role,
      organisationId: old.organisation_id,
      tokenHash: fresh.hash,
      invitedBy: old.invited_by,
      expiresAt: new Date(Date.now() + lifetimes.invitationMs),
    })
    await audit(
      trx,
      { id: null, email: old.email, ip },
      { action: 'accounts.invitation-renewed', subjectType: 'invitation', subjectId: old.id },
    )
    const link = `${baseUrl}/invitation/${fresh.token}`
    await sendMail(trx, {
      to: old.email,
      ...renderMail(lang, 'invitation', { inviter: inviter.name }, link),
    })
  })
}

export interface ProfileInput {
  name: string
  organisationId: string | null
  position: string | null
  phone: string | null
  lang: Lang
}

async function requireKnownOrganisation(db: Db, id: string | null) {
  if (id && !(await q.findOrganisation(db, id)))
    throw new RuleError('accounts.organisations.unknown', 'organisationId')
}

export async function updateProfile(db: DB, actor: Actor, input: ProfileInput) {
  await requireKnownOrganisation(db, input.organisationId)
  await db.transaction().execute(async (trx) => {
    await q.updatePerson(trx, actor.id, {
      name: input.name,
      organisation_id: input.organisationId,
      position: input.position,
      phone: input.phone,
      lang: input.lang,
    })
    await audit(trx, actor, {
      action: 'accounts.profile-updated',
      subjectType: 'person',
      subjectId: actor.id,
    })
  })
}

export async function requirePerson(db: DB, id: string) {
  const person = await q.findPerson(db, id)
  if (!person) throw new NotFoundError()
  return person
}

export async function changeRole(db: DB, actor: Actor, personId: string, role: GlobalRole) {
  const person = await requirePerson(db, personId)
  if (person.id === actor.id) throw new RuleError('accounts.people.notYourself', 'role')
  if (!canChangeRoleOf(actor, person.role, role))
    throw new RuleError('accounts.invite.roleNotAllowed', 'role')
  await db.transaction().execute(async (trx) => {
    await q.updatePerson(trx, person.id, { role })
    await audit(trx, actor, {
      action: 'accounts.role-changed',
      subjectType: 'person',
      subjectId: person.id,
      details: { from: person.role, to: role },
    })
  })
}

/** Deactivation ends every session; nothing of the person's is deleted. */
export async function setActive(db: DB, actor: Actor, personId: string, active: boolean) {
  const person = await requirePerson(db, personId)
  if (person.id === actor.id) throw new RuleError('accounts.people.notYourself')
  if (!canChangeRoleOf(actor, person.role, person.role)) throw new ForbiddenError()
  await db.transaction().execute(async (trx) => {
    await q.updatePerson(trx, person.id, { is_active: active })
    if (!active) {
      await q.deleteSessionsOf(trx, person.id)
      await q.voidPasswordResetsOf(trx, person.id)
    }
    await audit(trx, actor, {
      action: active ? 'accounts.reactivated' : 'accounts.deactivated',
      subjectType: 'person',
      subjectId: person.id,
    })
  })
}

export async function saveOrganisation(
  db: DB,
  actor: Actor,
  id: string | null,
  values: q.OrganisationValues,
) {
  if (values.nip) {
    const twin = await q.findOrganisationByNip(db, values.nip)
    if (twin && twin.id !== id) throw new RuleError('accounts.organisations.nipTaken', 'nip')
  }
  return db.transaction().execute(async (trx) => {
    let saved = { id: id ?? '' }
    try {
      if (id) await q.updateOrganisation(trx, id, values)
      else saved = await q.insertOrganisation(trx, values)
    } catch (err) {
      // Saved at the same moment by someone else with the same NIP.
      throw sqlState(err) === '23505' ? new RuleError('accounts.organisations.nipTaken', 'nip') : err
    }
    await audit(trx, actor, {
      action: id ? 'accounts.organisation-updated' : 'accounts.organisation-created',
      subjectType: 'organisation',
      subjectId: saved.id,
      details: { name: values.name },
    })
    return saved
  })
}

export async function requireOrganisation(db: DB, id: string) {
  const org = await q.findOrganisation(db, id)
  if (!org) throw new NotFoundError()
  return org
}

/** Nightly: ended sessions and old reset links go; invitations stay, as the record of who invited whom. */
export function accountsQueues(db: DB, config: Pick<Config, 'baseUrl'>): JobQueue[] {
  return [
    {
      name: 'accounts.password-reset',
      retryLimit: 5,
      handler: async (data) => mailPasswordReset(db, String(data.email), config.baseUrl),
    },
    {
      name: 'accounts.cleanup',
      cron: '17 3 * * *',
      retryLimit: 2,
      handler: async () => {
        await q.deleteExpiredAccess(db, new Date(), 30)
      },
    },
  ]
}

export {
  countSessionsOf,
  findPerson,
  findPersonByEmail,
  listManagingAuthority,
  listOrganisationChoices,
  listOrganisations,
  listPendingInvitations,
  listPeople,
  listSecretariat,
} from './queries.ts'
