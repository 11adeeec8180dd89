// Invitations: the secretariat invites a person by address with a role, the link makes the account
// and signs them in, an expired one can be renewed and a pending one withdrawn; and an account made
// at once, with a link to set its password, for an outside person brought into one piece of work.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { ForbiddenError, NotFoundError, RuleError, sqlState } from '../../kernel/errors.ts'
import type { Lang } from '../../kernel/i18n.ts'
import { renderMail, sendMail } from '../../kernel/mail.ts'
import { type Actor, canChangeRoleOf, type GlobalRole } from '../../kernel/policy.ts'
import { hashToken, newToken } from '../../kernel/tokens.ts'
import type { Pool as DB, Db } from './db.ts'
import { requireKnownOrganisation } from './people.ts'
import * as q from './queries.ts'
import { lifetimes, linkState } from './rules.ts'
import { type Client, hashPassword, startSession } from './sign-in.ts'

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
    const inviter = old?.invited_by ? await q.findInviter(trx, old.invited_by) : undefined
    // Renewed in the inviter's name: only while they may still invite with that role (a
    // registration, which has no inviter, stays a community member's), and only within a month of
    // the expiry, so an old link cannot be revived forever.
    const allowed = old?.invited_by
      ? Boolean(inviter?.is_active && canChangeRoleOf({ role: inviter.role }, 'member', old.role))
      : old?.role === 'community_member'
    const renewable =
      old &&
      allowed &&
      linkState(old) === 'expired' &&
      Date.now() - old.expires_at.getTime() < lifetimes.invitationRenewalMs &&
      (await q.markInvitationUsed(trx, old.id))
    if (!old || !renewable) throw new RuleError('accounts.invitation.cannotRenew')
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
      ...(inviter
        ? renderMail(lang, 'invitation', { inviter: inviter.name }, link)
        : renderMail(lang, 'registration', {}, link)),
    })
  })
}

/** Registrations one address may ask for in a day; more are ignored (the answer on the page is the same). */
export const registrationsPerDay = 3

/**
 * Someone asks to join the community with an address. The answer is the same whatever the
 * address, so nobody learns who has an account: a new address gets a link to make the account (an
 * invitation without an inviter, as a community member); an address with an account gets a mail
 * saying so, with the way to a new password. An address asked for too often gets nothing more.
 */
export async function requestRegistration(
  db: DB,
  email: string,
  baseUrl: string,
  lang: Lang,
  ip: string | null,
) {
  await db.transaction().execute(async (trx) => {
    // One address at a time: requests sent at once from many places cannot all pass the count.
    await sql`select pg_advisory_xact_lock(hashtextextended(${email.toLowerCase()}, 0))`.execute(trx)
    const since = new Date(Date.now() - 24 * 3_600_000)
    if ((await q.recentRegistrations(trx, email, since)) >= registrationsPerDay) return
    const { token, hash } = newToken()
    const existing = await q.findPersonByEmail(trx, email)
    // Counted like a new one (and never usable: its link is not sent), so the limit holds for both.
    const invitation = await q.insertInvitation(trx, {
      email,
      role: 'community_member',
      organisationId: null,
      tokenHash: hash,
      invitedBy: null,
      expiresAt: existing ? new Date() : new Date(Date.now() + lifetimes.invitationMs),
    })
    await audit(
      trx,
      { id: null, email, ip },
      { action: 'accounts.registration-requested', subjectType: 'invitation', subjectId: invitation.id },
    )
    if (existing) {
      await sendMail(trx, {
        to: email,
        ...renderMail(existing.lang, 'registrationExisting', {}, `${baseUrl}/password-reset`),
      })
      return
    }
    await sendMail(trx, {
      to: email,
      ...renderMail(lang, 'registration', {}, `${baseUrl}/invitation/${token}`),
    })
  })
}
