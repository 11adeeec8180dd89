import { type Expression, type SqlBool, sql } from 'kysely'
import { type AnyDb, likeContaining } from '../../kernel/db.ts'
import type { Lang } from '../../kernel/i18n.ts'
import type { Page } from '../../kernel/pagination.ts'
import { forgetPerson, forgetSession } from '../../kernel/person-cache.ts'
import type { GlobalRole } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import type { OrganisationsQuery, PeopleQuery } from './schemas.ts'
import type { OrganisationType } from './tables.ts'

const fold = (e: Expression<string> | string) =>
  sql<string>`siatka_fold(${typeof e === 'string' ? sql.ref(e) : e})`
const likePattern = (q: string) => likeContaining(q.toLowerCase())

export function findPersonByEmail(handle: AnyDb, email: string) {
  const db: Db = handle
  return db
    .selectFrom('people')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst()
}

export function findPerson(handle: AnyDb, id: string) {
  const db: Db = handle
  return db
    .selectFrom('people as p')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id',
      'p.email',
      'p.name',
      'p.role',
      'p.organisation_id',
      'p.position',
      'p.phone',
      'p.lang',
      'p.is_active',
      'p.created_at',
      'o.name as organisation_name',
    ])
    .where('p.id', '=', id)
    .executeTakeFirst()
}

export type PersonRow = NonNullable<Awaited<ReturnType<typeof findPerson>>>

const peopleSort = {
  name: sql`siatka_fold(p.name)`,
  email: sql`lower(p.email)`,
  organisation: sql`siatka_fold(coalesce(o.name, ''))`,
  role: sql`p.role`,
  created: sql`p.created_at`,
} as const

/** A page of people, searched by name, email or organisation (accent- and case-insensitive). */
export function listPeople(db: Db, query: PeopleQuery, page: Page) {
  let q = db
    .selectFrom('people as p')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id',
      'p.email',
      'p.name',
      'p.role',
      'p.is_active',
      'p.created_at',
      'o.name as organisation_name',
    ])
  if (query.status !== 'all') q = q.where('p.is_active', '=', query.status === 'active')
  if (query.q) {
    const pattern = likePattern(query.q)
    q = q.where(
      ({ or, eb }) =>
        or([
          eb(
            sql<string>`siatka_fold(p.name) || ' ' || lower(p.email)`,
            'like',
            sql<string>`siatka_fold(${pattern})`,
          ),
          eb(fold('o.name'), 'like', sql<string>`siatka_fold(${pattern})`),
        ]) as Expression<SqlBool>,
    )
  }
  return q
    .orderBy(peopleSort[query.sort], query.dir)
    .orderBy('p.id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

export async function insertPerson(
  db: Db,
  p: {
    email: string
    name: string
    /** None for an account whose owner sets the password through a link. */
    passwordHash: string | null
    role: GlobalRole
    organisationId: string | null
    lang: Lang
  },
) {
  return db
    .insertInto('people')
    .values({
      email: p.email,
      name: p.name,
      password_hash: p.passwordHash,
      role: p.role,
      organisation_id: p.organisationId,
      lang: p.lang,
      updated_at: new Date(),
    })
    .returning(['id', 'email', 'name', 'role', 'lang'])
    .executeTakeFirstOrThrow()
}

export async function updatePerson(
  db: Db,
  id: string,
  values: Partial<{
    name: string
    organisation_id: string | null
    position: string | null
    phone: string | null
    lang: Lang
    role: GlobalRole
    is_active: boolean
    password_hash: string
  }>,
) {
  await db
    .updateTable('people')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
  forgetPerson(id)
}

// Sessions
export function insertSession(
  db: Db,
  s: { tokenHash: string; personId: string; expiresAt: Date; ip: string | null; userAgent: string | null },
) {
  return db
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      person_id: s.personId,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function findSessionPerson(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .select(['s.id as session_id', 's.expires_at', 'p.id', 'p.email', 'p.name', 'p.role', 'p.lang'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('p.is_active', '=', true)
    .executeTakeFirst()
}

export async function deleteSession(db: Db, id: string) {
  await db.deleteFrom('sessions').where('id', '=', id).execute()
  forgetSession(id)
}
export async function deleteSessionsOf(db: Db, personId: string) {
  await db.deleteFrom('sessions').where('person_id', '=', personId).execute()
  forgetPerson(personId)
}
export const countSessionsOf = async (db: Db, personId: string) =>
  (
    await db
      .selectFrom('sessions')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('person_id', '=', personId)
      .where('expires_at', '>', new Date())
      .executeTakeFirstOrThrow()
  ).n

/** Sessions past their end, and links used or expired more than `keepDays` ago. */
export async function deleteExpiredAccess(handle: AnyDb, now: Date, keepDays: number) {
  const db: Db = handle
  const before = new Date(now.getTime() - keepDays * 24 * 3600_000)
  const sessions = await db.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst()
  const resets = await db.deleteFrom('password_resets').where('expires_at', '<', before).executeTakeFirst()
  return { sessions: Number(sessions.numDeletedRows), resets: Number(resets.numDeletedRows) }
}

// Invitations and password resets
export function findInvitation(db: Db, tokenHash: string) {
  return db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
}

export function insertInvitation(
  db: Db,
  i: {
    email: string
    role: GlobalRole
    organisationId: string | null
    tokenHash: string
    invitedBy: string | null
    expiresAt: Date
  },
) {
  return db
    .insertInto('invitations')
    .values({
      email: i.email,
      role: i.role,
      organisation_id: i.organisationId,
      token_hash: i.tokenHash,
      invited_by: i.invitedBy,
      expires_at: i.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** Invitations not yet accepted or withdrawn, newest first, with who sent them. */
export function listPendingInvitations(db: Db, page: Page) {
  return db
    .selectFrom('invitations as i')
    .innerJoin('people as p', 'p.id', 'i.invited_by')
    .select(['i.id', 'i.email', 'i.role', 'i.created_at', 'i.expires_at', 'p.name as inviter_name'])
    .where('i.used_at', 'is', null)
    .where('i.revoked_at', 'is', null)
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

export function findInvitationById(db: Db, id: string) {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Withdraws a pending invitation; false when it was accepted or withdrawn meanwhile. */
export async function markInvitationRevoked(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set({ revoked_at: new Date() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return r.numUpdatedRows > 0n
}

/** How many registrations this address asked for since `since` (each sends a mail). */
export async function recentRegistrations(db: Db, email: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('invitations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('email', '=', email)
    .where('invited_by', 'is', null)
    .where('created_at', '>=', since)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export function findInviter(db: Db, id: string) {
  return db.selectFrom('people').select(['name', 'role', 'is_active']).where('id', '=', id).executeTakeFirst()
}

/** Marks the link used; false when another request used it first. */
export async function markInvitationUsed(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('invitations')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return r.numUpdatedRows > 0n
}

/** After a reset or a deactivation, no other link of that person may still set a password. */
export function voidPasswordResetsOf(db: Db, personId: string) {
  return db
    .updateTable('password_resets')
    .set({ used_at: new Date() })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .execute()
}

export function findPasswordReset(db: Db, tokenHash: string) {
  return db.selectFrom('password_resets').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst()
}

export function insertPasswordReset(db: Db, r: { personId: string; tokenHash: string; expiresAt: Date }) {
  return db
    .insertInto('password_resets')
    .values({ person_id: r.personId, token_hash: r.tokenHash, expires_at: r.expiresAt })
    .execute()
}

export async function markPasswordResetUsed(db: Db, id: string): Promise<boolean> {
  const r = await db
    .updateTable('password_resets')
    .set({ used_at: new Date() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst()
  return r.numUpdatedRows > 0n
}

// Organisations
const organisationSort = {
  name: sql`siatka_fold(name)`,
  type: sql`type`,
  country: sql`country`,
} as const

export function listOrganisations(db: Db, query: OrganisationsQuery, page: Page) {
  let q = db.selectFrom('organisations').select(['id', 'name', 'type', 'country', 'nip', 'website'])
  if (query.q) q = q.where(fold('name'), 'like', sql<string>`siatka_fold(${likePattern(query.q)})`)
  return q
    .orderBy(organisationSort[query.sort], query.dir)
    .orderBy('id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/** For the organisation select in forms: names only, bounded. */
export function listOrganisationChoices(db: Db) {
  return db.selectFrom('organisations').select(['id', 'name']).orderBy(fold('name')).limit(500).execute()
}

export function findOrganisation(db: Db, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
}

export interface OrganisationValues {
  name: string
  type: OrganisationType
  country: string
  nip: string | null
  regon: string | null
  address: string | null
  website: string | null
}

export function insertOrganisation(db: Db, v: OrganisationValues) {
  return db
    .insertInto('organisations')
    .values({ ...v, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow()
}

export function updateOrganisation(db: Db, id: string, v: OrganisationValues) {
  return db
    .updateTable('organisations')
    .set({ ...v, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
}

export function findOrganisationByNip(db: Db, nip: string) {
  return db.selectFrom('organisations').select(['id']).where('nip', '=', nip).executeTakeFirst()
}

/** Active people of the managing authority: they hear of every composition proposal. */
export async function listManagingAuthority(handle: AnyDb): Promise<string[]> {
  const db: Db = handle
  const rows = await db
    .selectFrom('people')
    .select('id')
    .where('role', '=', 'managing_authority')
    .where('is_active', '=', true)
    .limit(1000)
    .execute()
  return rows.map((r) => r.id)
}

/** Who may be appointed a space's secretary: active secretaries and coordinators. */
export function listSecretariat(db: Db) {
  return db
    .selectFrom('people')
    .select(['id', 'name'])
    .where('role', 'in', ['secretary', 'coordinator'])
    .where('is_active', '=', true)
    .orderBy(fold('name'))
    .limit(500)
    .execute()
}
