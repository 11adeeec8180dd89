// Who reads which forum: an open forum, anyone; a space's members-only forum, whoever reads the space.
// The one policy decides for one forum (forumCan); the SQL twin below keeps lists, search, profiles
// and mentions to the forums the person reads, in the same statement.
import { type Expression, sql } from 'kysely'
import { today } from '../../kernel/dates.ts'
import { type Actor, type ForumAccess, readsEverySpace } from '../../kernel/policy.ts'
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

/** What the policy needs to decide about a forum for this person: its space as they stand in it. */
export async function forumAccess(db: Db, actor: Actor | null, spaceId: string | null): Promise<ForumAccess> {
  if (spaceId === null) return { space: null }
  const space = await requireSpace(db, actor, spaceId)
  return { space: space.access }
}
