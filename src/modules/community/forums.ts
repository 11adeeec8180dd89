// The community's forums: open forums by theme and a members-only forum per space, created by the
// secretariat; the list a person reads, one forum, and the choices of forums and spaces the
// secretariat's forms offer. Their topics and posts are service.ts's.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { RuleError } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import { spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import type { ForumForm } from './schemas.ts'
import { readableForums } from './visibility.ts'

/** At most this many forums are listed (the secretariat creates a handful). */
const forumLimit = 200

/** What every reading of a forum shows: its names and descriptions, and a members-only forum's space. */
const forumColumns = [
  'f.id',
  'f.name_pl',
  'f.name_en',
  'f.description_pl',
  'f.description_en',
  'f.space_id',
  's.name_pl as space_pl',
  's.name_en as space_en',
] as const

/**
 * The forums a person reads, in the secretariat's order (the open ones first), each with its topics,
 * unanswered questions and latest post, and a members-only forum's space.
 */
export function forumList(db: Db, actor: Actor | null) {
  return db
    .selectFrom('community_forums as f')
    .leftJoin(spaceRows(db).as('s'), 's.id', 'f.space_id')
    .select(forumColumns)
    .select([
      (eb) =>
        eb
          .selectFrom('community_topics as t')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('t.forum_id', '=', 'f.id')
          .where('t.held', '=', false)
          .where('t.merged_into', 'is', null)
          .as('topics'),
      (eb) =>
        eb
          .selectFrom('community_topics as t')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('t.forum_id', '=', 'f.id')
          .where('t.is_question', '=', true)
          .where('t.accepted_post_id', 'is', null)
          .where('t.held', '=', false)
          .where('t.merged_into', 'is', null)
          .as('unanswered'),
      (eb) =>
        eb
          .selectFrom('community_topics as t')
          .select((e) => e.fn.max('t.last_post_at').as('at'))
          .whereRef('t.forum_id', '=', 'f.id')
          .where('t.held', '=', false)
          .as('last_post_at'),
    ])
    .where(readableForums(db, actor))
    .orderBy(sql`f.space_id is not null`)
    .orderBy('f.position')
    .orderBy('f.name_pl')
    .limit(forumLimit)
    .execute()
}
export type ForumRow = Awaited<ReturnType<typeof forumList>>[number]

/** A forum, with a members-only forum's space (whose readers alone read it: visibility.ts). */
export function findForum(db: Db, id: string) {
  return db
    .selectFrom('community_forums as f')
    .leftJoin(spaceRows(db).as('s'), 's.id', 'f.space_id')
    .select(forumColumns)
    .where('f.id', '=', id)
    .executeTakeFirst()
}
export type Forum = NonNullable<Awaited<ReturnType<typeof findForum>>>

/** A new forum: open, or a space's members-only forum (one a space: a second is refused beside the field). */
export async function createForum(db: Db, actor: Actor, form: ForumForm) {
  return db.transaction().execute(async (trx) => {
    if (form.space) {
      await sql`select pg_advisory_xact_lock(hashtext('community-space-forum'), hashtext(${form.space}))`.execute(
        trx,
      )
      const space = await spaceRows(trx).where('id', '=', form.space).executeTakeFirst()
      if (!space) throw new RuleError('errors.choose', 'space')
      const taken = await trx
        .selectFrom('community_forums')
        .select('id')
        .where('space_id', '=', form.space)
        .executeTakeFirst()
      if (taken) throw new RuleError('community.errors.spaceHasForum', 'space')
    }
    const forum = await trx
      .insertInto('community_forums')
      .values({
        name_pl: form.namePl,
        name_en: form.nameEn,
        description_pl: form.descriptionPl,
        description_en: form.descriptionEn,
        space_id: form.space,
        position: sql<number>`(select coalesce(max(position), 0) + 1 from community_forums)`,
        created_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'community.forum-created',
      subjectType: 'community_forum',
      subjectId: forum.id,
      details: { name: form.namePl, space: form.space },
    })
    return forum
  })
}

/** The spaces a members-only forum may be opened for: those without one, by name. */
export function spaceChoices(db: Db) {
  return db
    .selectFrom(spaceRows(db).as('s'))
    .select(['s.id', 's.name_pl', 's.name_en'])
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('community_forums as f').select('f.id').whereRef('f.space_id', '=', 's.id')),
      ),
    )
    .orderBy('s.name_pl')
    .limit(forumLimit)
    .execute()
}
export type SpaceChoice = Awaited<ReturnType<typeof spaceChoices>>[number]

/** The forums a person reads, to keep a search to or move a topic to, in their order. */
export function forumChoices(db: Db, actor: Actor | null) {
  return db
    .selectFrom('community_forums as f')
    .select(['f.id', 'f.name_pl', 'f.name_en'])
    .where(readableForums(db, actor))
    .orderBy(sql`f.space_id is not null`)
    .orderBy('f.position')
    .orderBy('f.name_pl')
    .limit(forumLimit)
    .execute()
}
