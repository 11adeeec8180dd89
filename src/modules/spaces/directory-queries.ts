// The member directory across spaces: a page for the screen, or every row in keyset pages for an export.
import { sql } from 'kysely'
import type { Day } from '../../kernel/dates.ts'
import type { Page } from '../../kernel/pagination.ts'
import type { Db } from './db.ts'
import { currentOn, roleRank } from './query-parts.ts'
import type { DirectoryQuery } from './schemas.ts'

const directorySort = {
  name: sql`siatka_fold(p.name)`,
  // siatka_fold(coalesce(o.name, '')): no organisation sorts as ''.
  organisation: sql`coalesce(o.folded_name, '')`,
  space: sql`siatka_fold(s.name_pl)`,
  role: roleRank,
} as const

/**
 * The organisations the directory joins. Sorted by organisation, each one's name is folded once
 * in a subquery the planner keeps apart (offset 0), not once a seat: with 3,800 seats in 300
 * organisations that page's query took a third of the time on PGlite (BENCHMARKS.md). The other
 * sorts join the table itself, so the planner can still look organisations up by id.
 */
function directoryOrganisations(db: Db, sort: DirectoryQuery['sort']) {
  const q = db.selectFrom('organisations').select(['id', 'name', 'type'])
  return sort === 'organisation'
    ? q.select(sql<string>`siatka_fold(name)`.as('folded_name')).offset(0)
    : q.select(sql<string>`null`.as('folded_name'))
}

function directoryQuery(db: Db, query: DirectoryQuery, today: Day) {
  let q = db
    .selectFrom('space_memberships as m')
    .innerJoin('people as p', 'p.id', 'm.person_id')
    .innerJoin('spaces as s', 's.id', 'm.space_id')
    .leftJoin(directoryOrganisations(db, query.sort).as('o'), 'o.id', 'm.organisation_id')
    .leftJoin('composition_proposals as c', 'c.id', 'm.proposal_id')
    .select([
      'm.id',
      'm.role',
      'm.represents',
      'm.starts_on',
      'm.ends_on',
      'c.decision_ref',
      'p.id as person_id',
      'p.name',
      'p.email',
      's.id as space_id',
      's.name_pl',
      's.name_en',
      'o.name as organisation_name',
      'o.type as organisation_type',
    ])
  if (query.period === 'current') q = q.where(currentOn(today))
  if (query.space) q = q.where('m.space_id', '=', query.space)
  if (query.represents) q = q.where('m.represents', '=', query.represents)
  if (query.organisationType) q = q.where('o.type', '=', query.organisationType)
  if (query.q)
    q = q.where(
      sql`siatka_fold(p.name || ' ' || coalesce(o.name, ''))`,
      'like',
      sql<string>`'%' || siatka_fold(${query.q}) || '%'`,
    )
  return q.orderBy(directorySort[query.sort], query.dir).orderBy('m.id')
}

/** Who sits where, across spaces: a page for the screen. */
export function listDirectory(db: Db, query: DirectoryQuery, today: Day, page: Page) {
  return directoryQuery(db, query, today)
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/**
 * The whole directory for an export, 500 seats at a time: each page starts after the last seat of
 * the one before in the chosen order (its sort key, then the seat's id), so a seat comes once.
 */
export async function* exportDirectory(db: Db, query: DirectoryQuery, today: Day, size = 500) {
  const key = directorySort[query.sort]
  const beyond = sql.raw(query.dir === 'asc' ? '>' : '<')
  let last: { key: unknown; id: string } | undefined
  for (;;) {
    let q = directoryQuery(db, query, today).select(sql<unknown>`${key}`.as('sort_key'))
    if (last)
      q = q.where(
        sql<boolean>`(${key} ${beyond} ${last.key} or (${key} = ${last.key} and m.id > ${last.id}))`,
      )
    const rows = await q.limit(size).execute()
    if (rows.length > 0) yield rows
    if (rows.length < size) return
    const end = rows[rows.length - 1]
    last = { key: end.sort_key, id: end.id }
  }
}

export function listSpaceChoices(db: Db) {
  return db
    .selectFrom('spaces')
    .select(['id', 'name_pl', 'name_en'])
    .orderBy(sql`siatka_fold(name_pl)`)
    .limit(1000)
    .execute()
}
