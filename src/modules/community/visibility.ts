// Who reads which forum: an open forum, anyone; a space's members-only forum, whoever reads the space.
// The one policy decides for one forum (forumCan); the SQL twin below keeps lists, search, profiles
// and mentions to the forums the person reads, in the same statement.
import { type Expression, sql } from 'kysely'
import { today } from '../../kernel/dates.ts'
import { type Actor, type ForumAccess, globalRoles, readsEverySpace } from '../../kernel/policy.ts'
import { readableBy, spaceRows } from '../spaces/index.ts'
import { requireSpace } from '../spaces/service.ts'
import type { Db } from './db.ts'

/**
 * The forums (aliased `f`) a person reads: the open ones, and those of the spaces they read (all of
 * them for those who read every space). The SQL twin of the policy's forumCan.
 */
export function readableForums(db: Db, actor: Actor | null): Expression<boolean> {
  if (actor && readsEverySpace(actor)) return sql<boolean>`true`
  if (!actor) return sql<boolean>`f.space_id is null`
  return sql<boolean>`(f.space_id is null or f.space_id in
    (select s.id from (${spaceRows(db)}) s where ${readableBy(actor.id, today())}))`
}

/** The global roles that read every space, and so every members-only forum. */
const everySpaceRoles = globalRoles.filter((role) => readsEverySpace({ role }))

/**
 * Of the people (aliased `p`) in the outer query, those who read a forum whose space is `spaceId`:
 * everyone for an open forum (null). The same rule as readableForums, asked the other way round
 * (whom a mention may tell).
 */
export function readsForum(db: Db, spaceId: string | null): Expression<boolean> {
  if (spaceId === null) return sql<boolean>`true`
  return sql<boolean>`(p.role in (${sql.join(everySpaceRoles)}) or exists
    (select 1 from (${spaceRows(db)}) s where s.id = ${spaceId} and ${readableBy(sql.ref('p.id'), today())}))`
}

/** What the policy needs to decide about a forum for this person: its space as they stand in it. */
export async function forumAccess(db: Db, actor: Actor | null, spaceId: string | null): Promise<ForumAccess> {
  if (spaceId === null) return { space: null }
  const space = await requireSpace(db, actor, spaceId)
  return { space: space.access }
}
