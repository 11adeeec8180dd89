// Spaces' tables. People's and organisations' names are joined read-only for display (DESIGN.md).
// Compositions and the member directory keep their queries in files of their own, exported here.
import { type Expression, sql } from 'kysely'
import { jsonObjectFrom } from 'kysely/helpers/postgres'
import type { Day } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import type { Page } from '../../kernel/pagination.ts'
import type { SpaceRole } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import { currentOn, roleRank } from './query-parts.ts'
import type { SpacesQuery } from './schemas.ts'
import type { Representation, SpaceStatus, SpaceType } from './tables.ts'

export * from './composition-queries.ts'
export * from './directory-queries.ts'

/**
 * The spaces (aliased `s`) a person reads without reading them all: those they are the secretary
 * of or hold a current seat in. The SQL twin of the policy's space.read for one person (an id, or
 * a column naming people in the outer query).
 */
export const readableBy = (personId: string | Expression<string>, today: Day) =>
  sql<boolean>`(s.secretary_id = ${personId} or exists (select 1 from space_memberships m
    where m.space_id = s.id and m.person_id = ${personId} and ${currentOn(today)}))`

export function findSpace(db: Db, id: string) {
  return db.selectFrom('spaces').selectAll().where('id', '=', id).executeTakeFirst()
}
export type SpaceRow = NonNullable<Awaited<ReturnType<typeof findSpace>>>

/** A space with the asking person's current role in it (none for a stranger or when it has ended). */
export function findSpaceWithRole(db: Db, id: string, personId: string | null, today: Day) {
  return db
    .selectFrom('spaces as s')
    .selectAll('s')
    .select((eb) =>
      eb
        .selectFrom('space_memberships as m')
        .select('m.role')
        .whereRef('m.space_id', '=', 's.id')
        .where('m.person_id', '=', personId ?? '00000000-0000-0000-0000-000000000000')
        .where(currentOn(today))
        .orderBy(roleRank)
        .limit(1)
        .as('my_role'),
    )
    .where('s.id', '=', id)
    .executeTakeFirst()
}

const spaceSort = {
  name: sql`siatka_fold(s.name_pl)`,
  type: sql`s.type`,
  status: sql`s.status`,
} as const

/**
 * A page of spaces: every space for those who read them all, otherwise the ones the person
 * services as secretary or holds a current role in.
 */
export function listSpaces(
  db: Db,
  who: { personId: string; readsAll: boolean },
  query: SpacesQuery,
  page: Page,
  today: Day,
) {
  let q = db
    .selectFrom('spaces as s')
    .select([
      's.id',
      's.name_pl',
      's.name_en',
      's.type',
      's.status',
      's.theme_pl',
      's.theme_en',
      's.is_public',
    ])
    .select((eb) => [
      eb
        .selectFrom('space_memberships as m')
        .innerJoin('people as p', 'p.id', 'm.person_id')
        .select('p.name')
        .whereRef('m.space_id', '=', 's.id')
        .where('m.role', '=', 'chair')
        .where(currentOn(today))
        .limit(1)
        .as('chair_name'),
      eb
        .selectFrom('space_memberships as m')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('m.space_id', '=', 's.id')
        .where(currentOn(today))
        .as('member_count'),
    ])
  if (!who.readsAll) q = q.where(readableBy(who.personId, today))
  if (query.type) q = q.where('s.type', '=', query.type)
  if (query.q)
    q = q.where(
      sql`siatka_fold(s.name_pl || ' ' || s.name_en)`,
      'like',
      sql<string>`'%' || siatka_fold(${query.q}) || '%'`,
    )
  return q
    .orderBy(spaceSort[query.sort], query.dir)
    .orderBy('s.id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

export function listPublicSpaces(db: Db, page: Page) {
  return db
    .selectFrom('spaces as s')
    .select(['s.id', 's.name_pl', 's.name_en', 's.type', 's.status', 's.theme_pl', 's.theme_en'])
    .where('s.is_public', '=', true)
    .orderBy(sql`siatka_fold(s.name_pl)`)
    .orderBy('s.id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/** A space's seats with the names the members page shows: the person, organisation, deputy's member, decision. */
function seatsWithNames(db: Db, spaceId: string) {
  return db
    .selectFrom('space_memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .leftJoin('composition_proposals as c', 'c.id', 'm.proposal_id')
    .leftJoin('people as dp', 'dp.id', 'm.deputy_for')
    .select([
      'm.id',
      'm.person_id',
      'm.role',
      'm.represents',
      'm.starts_on',
      'm.ends_on',
      'm.proposal_id',
      'dp.name as deputy_for_name',
      'p.name',
      'p.email',
      'o.name as organisation_name',
      'c.decision_ref',
    ])
    .where('m.space_id', '=', spaceId)
}

/** A page of a space's members on a day, chair first, with whom they represent. */
export function listMembers(db: Db, spaceId: string, today: Day, page: Page) {
  return seatsWithNames(db, spaceId)
    .where(currentOn(today))
    .orderBy(roleRank)
    .orderBy(sql`siatka_fold(p.name)`)
    .orderBy('m.id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/**
 * The seats of compositions approved to take effect after a day, by the day they start: what the
 * members' end days make room for. A composition replaced before it began (its seats end before
 * they start) is left out.
 */
export function listUpcomingMembers(db: Db, spaceId: string, today: Day, limit: number) {
  return (
    seatsWithNames(db, spaceId)
      // A composition's seats, not a guest invited from a later day.
      .where('m.proposal_id', 'is not', null)
      .where('m.starts_on', '>', today)
      .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', eb.ref('m.starts_on'))]))
      .orderBy('m.starts_on')
      .orderBy(roleRank)
      .orderBy(sql`siatka_fold(p.name)`)
      .orderBy('m.id')
      .limit(limit)
      .execute()
  )
}

/** Whether the person holds a seat in the space on any day from `from` to `to`. */
export async function hasSeatBetween(db: Db, spaceId: string, personId: string, from: Day, to: Day) {
  const row = await db
    .selectFrom('space_memberships as m')
    .select('m.id')
    .where('m.space_id', '=', spaceId)
    .where('m.person_id', '=', personId)
    .where(sql<boolean>`m.starts_on <= ${to}::date and (m.ends_on is null or m.ends_on >= ${from}::date)`)
    .executeTakeFirst()
  return row !== undefined
}

/** Who sits in a space today: ids for notifications. */
export async function currentMemberIds(handle: AnyDb, spaceId: string, today: Day): Promise<string[]> {
  const db: Db = handle
  const rows = await db
    .selectFrom('space_memberships as m')
    .select('m.person_id')
    .distinct()
    .where('m.space_id', '=', spaceId)
    .where(currentOn(today))
    .execute()
  return rows.map((r) => r.person_id)
}

/** The organisations of a space's members, for its public page. */
export function listMemberOrganisations(db: Db, spaceId: string, today: Day) {
  return db
    .selectFrom('space_memberships as m')
    .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['o.id', 'o.name', 'o.website'])
    .distinct()
    .where('m.space_id', '=', spaceId)
    .where(currentOn(today))
    .where('m.role', '!=', 'guest')
    .orderBy('o.name')
    .limit(200)
    .execute()
}

export function findChair(db: Db, spaceId: string, today: Day) {
  return db
    .selectFrom('space_memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
    .select(['p.name', 'o.name as organisation_name'])
    .where('m.space_id', '=', spaceId)
    .where('m.role', '=', 'chair')
    .where(currentOn(today))
    .executeTakeFirst()
}

/**
 * What heads a space's overview, in one statement: its chair today, its secretary's name and a
 * change of composition still open (each null when there is none).
 */
export function findOverviewHeads(db: Db, space: { id: string; secretary_id: string | null }, today: Day) {
  return db
    .selectNoFrom((eb) => [
      jsonObjectFrom(
        eb
          .selectFrom('space_memberships as m')
          .innerJoin('people as p', 'p.id', 'm.person_id')
          .leftJoin('organisations as o', 'o.id', 'm.organisation_id')
          .select(['p.name', 'o.name as organisation_name'])
          .where('m.space_id', '=', space.id)
          .where('m.role', '=', 'chair')
          .where(currentOn(today))
          .limit(1),
      ).as('chair'),
      eb
        .selectFrom('people')
        .select('name')
        .where('id', '=', space.secretary_id ?? '00000000-0000-0000-0000-000000000000')
        .as('secretary_name'),
      jsonObjectFrom(
        eb
          .selectFrom('composition_proposals')
          .select(['id', 'number', 'status'])
          .where('space_id', '=', space.id)
          .where('status', 'in', ['draft', 'submitted', 'returned'])
          .limit(1),
      ).as('open_proposal'),
    ])
    .executeTakeFirstOrThrow()
}

export function listRules(db: Db, spaceId: string, page: Page) {
  return db
    .selectFrom('space_rules as r')
    .innerJoin('people as p', 'p.id', 'r.created_by')
    .select([
      'r.id',
      'r.version',
      'r.body',
      'r.effective_on',
      'r.adopted_ref',
      'r.notice_days',
      'r.materials_days',
      'r.quorum_percent',
      'r.created_at',
      'p.name as created_by_name',
    ])
    .where('r.space_id', '=', spaceId)
    .orderBy('r.version', 'desc')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

export interface MeetingRules {
  noticeDays: number
  materialsDays: number
  quorumPercent: number
}
export const defaultMeetingRules: MeetingRules = { noticeDays: 14, materialsDays: 7, quorumPercent: 50 }

export async function nextRulesVersion(db: Db, spaceId: string): Promise<number> {
  const row = await db
    .selectFrom('space_rules')
    .select((eb) => eb.fn.max('version').as('n'))
    .where('space_id', '=', spaceId)
    .executeTakeFirst()
  return Number(row?.n ?? 0) + 1
}

export function listSchedule(db: Db, spaceId: string, page: Page) {
  return db
    .selectFrom('schedule_items')
    .selectAll()
    .where('space_id', '=', spaceId)
    .orderBy('due_on')
    .orderBy('id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/** Tasks due from one day to another, at most `limit` of them (the overview needs 5, a month all). */
export function listScheduleBetween(db: Db, spaceId: string, from: Day, to: Day, limit: number) {
  return db
    .selectFrom('schedule_items')
    .selectAll()
    .where('space_id', '=', spaceId)
    .where('due_on', '>=', from)
    .where('due_on', '<=', to)
    .orderBy('due_on')
    .orderBy('id')
    .limit(limit)
    .execute()
}

export function listAnnouncements(db: Db, spaceId: string, page: Page) {
  return db
    .selectFrom('announcements as a')
    .innerJoin('people as p', 'p.id', 'a.author_id')
    .select(['a.id', 'a.title', 'a.body', 'a.is_pinned', 'a.created_at', 'p.name as author_name'])
    .where('a.space_id', '=', spaceId)
    .orderBy('a.is_pinned', 'desc')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

export type { Representation, SpaceRole, SpaceStatus, SpaceType }
