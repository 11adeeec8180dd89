// People and organisations: a person's own profile, and what the secretariat does with people (their
// role, deactivation) and with the organisations they represent.
import { audit } from '../../kernel/audit.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { ForbiddenError, NotFoundError, RuleError, sqlState } from '../../kernel/errors.ts'
import type { Lang } from '../../kernel/i18n.ts'
import { type Actor, can, canChangeRoleOf, type GlobalRole } from '../../kernel/policy.ts'
import type { Pool as DB, Db } from './db.ts'
import * as q from './queries.ts'

export interface ProfileInput {
  name: string
  organisationId: string | null
  position: string | null
  phone: string | null
  lang: Lang
}

export async function requireKnownOrganisation(db: Db, id: string | null) {
  if (id && !(await q.findOrganisation(db, id)))
    throw new RuleError('accounts.organisations.unknown', 'organisationId')
}

/**
 * Whether a person chooses their own organisation on their profile: the secretariat does (it keeps
 * the organisations); anyone else represents the organisation the secretariat or the invitation
 * named, or the one they described in the community, since representing an organisation lets a
 * person speak for it there (its profile, its partner requests, its messages).
 */
export const choosesOwnOrganisation = (actor: Actor) => can(actor, 'organisations.manage')

export async function updateProfile(db: DB, actor: Actor, input: ProfileInput) {
  const chooses = choosesOwnOrganisation(actor)
  if (chooses) await requireKnownOrganisation(db, input.organisationId)
  await db.transaction().execute(async (trx) => {
    await q.updatePerson(trx, actor.id, {
      name: input.name,
      ...(chooses ? { organisation_id: input.organisationId } : {}),
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

/** The facts of an organisation its own contact people keep (the secretariat keeps the registers' numbers). */
export type OrganisationBasics = Pick<q.OrganisationValues, 'name' | 'type' | 'country' | 'website'>

/**
 * In the caller's transaction: a person's own organisation, created with them as its contact person
 * (`id` null: they have none yet), or its basic facts changed by one of its contact people (the
 * caller checked that through the policy). Returns its id.
 */
export async function saveOwnOrganisation(
  handle: AnyDb,
  actor: Actor,
  id: string | null,
  values: OrganisationBasics,
): Promise<string> {
  const trx: Db = handle
  let saved = id
  if (saved) {
    await trx
      .updateTable('organisations')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', saved)
      .execute()
  } else {
    saved = (await q.insertOrganisation(trx, { ...values, nip: null, regon: null, address: null })).id
    const linked = await trx
      .updateTable('people')
      .set({ organisation_id: saved, updated_at: new Date() })
      .where('id', '=', actor.id)
      .where('organisation_id', 'is', null)
      .executeTakeFirst()
    // Two forms sent at once: the first made the person's organisation.
    if (Number(linked.numUpdatedRows) !== 1) throw new RuleError('accounts.organisations.haveOne', 'name')
  }
  await audit(trx, actor, {
    action: id ? 'accounts.organisation-updated' : 'accounts.organisation-created',
    subjectType: 'organisation',
    subjectId: saved,
    details: { name: values.name },
  })
  return saved
}

export async function requireOrganisation(db: DB, id: string) {
  const org = await q.findOrganisation(db, id)
  if (!org) throw new NotFoundError()
  return org
}
