// Messages to an organisation's contact people through Siatka: nobody's address is shown until its
// owner chooses to show it to the other side of the conversation. Each message reaches the other side
// as a notification (and so by mail, as each person set it: at once, in the daily digest or not),
// kept in a small inbox here; a message can be reported to the secretariat as abuse.
import { sql } from 'kysely'
import { audit } from '../../../kernel/audit.ts'
import { RuleError } from '../../../kernel/errors.ts'
import { type Actor, communityModerators, type ThreadAccess } from '../../../kernel/policy.ts'
import { notify } from '../../notifications/service.ts'
import type { Db } from '../db.ts'
import { isContact } from '../partners/service.ts'
import type { NewThreadForm } from './schemas.ts'

/** Threads on one page of the inbox, and messages on one page of a thread. */
export const inboxPageSize = 25
export const messagesPageSize = 50
/** New conversations a person may start in a day: more is a flood, not a search for partners. */
export const threadsPerDay = 20

/** The organisation's contact people still active: the ones a message to it reaches. */
const contactsOf = (db: Db, organisationId: string) =>
  db
    .selectFrom('people')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('is_active', '=', true)
    .execute()

/** A conversation with the organisation's name and the asker's side in it. */
export async function findThread(db: Db, id: string, actor: Actor) {
  const row = await db
    .selectFrom('community_threads as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .innerJoin('people as s', 's.id', 't.starter_id')
    .select([
      't.id',
      't.organisation_id',
      't.starter_id',
      't.request_id',
      't.subject',
      't.created_at',
      't.last_message_at',
      'o.name as organisation_name',
      's.name as starter_name',
      isContact(actor.id, 't.organisation_id'),
    ])
    .where('t.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  const access: ThreadAccess = { starterId: row.starter_id, isContact: Boolean(row.is_contact) }
  return { ...row, access }
}
export type Thread = NonNullable<Awaited<ReturnType<typeof findThread>>>

/**
 * A thread's messages in the order they came (keyset after a message), each with its author's name,
 * and the address of an author who chose to show it to the other side.
 */
export function messagesOf(db: Db, threadId: string, after: { at: Date; id: string } | null) {
  let query = db
    .selectFrom('community_messages as m')
    .innerJoin('people as a', 'a.id', 'm.author_id')
    .leftJoin('community_thread_people as tp', (j) =>
      j.onRef('tp.thread_id', '=', 'm.thread_id').onRef('tp.person_id', '=', 'm.author_id'),
    )
    .select([
      'm.id',
      'm.author_id',
      'm.body',
      'm.created_at',
      'a.name as author_name',
      sql<string | null>`case when tp.revealed_at is not null then a.email end`.as('author_email'),
    ])
    .where('m.thread_id', '=', threadId)
  if (after)
    query = query.where((eb) => eb(eb.refTuple('m.created_at', 'm.id'), '>', eb.tuple(after.at, after.id)))
  return query
    .orderBy('m.created_at')
    .orderBy('m.id')
    .limit(messagesPageSize + 1)
    .execute()
}
export type Message = Awaited<ReturnType<typeof messagesOf>>[number]

/** Whether the person shows their address in the thread. */
export async function revealed(db: Db, threadId: string, personId: string) {
  const row = await db
    .selectFrom('community_thread_people')
    .select('revealed_at')
    .where('thread_id', '=', threadId)
    .where('person_id', '=', personId)
    .executeTakeFirst()
  return row?.revealed_at != null
}

/**
 * The person has read the thread up to `upTo` (its latest message when the page was read, so a
 * message that came meanwhile stays new); never back.
 */
export async function markRead(db: Db, threadId: string, personId: string, upTo: Date) {
  await db
    .insertInto('community_thread_people')
    .values({ thread_id: threadId, person_id: personId, read_at: upTo, revealed_at: null })
    .onConflict((oc) =>
      oc
        .columns(['thread_id', 'person_id'])
        .doUpdateSet({ read_at: sql<Date>`greatest(community_thread_people.read_at, ${upTo})` }),
    )
    .execute()
}

/**
 * The person's conversations, the latest message first (keyset): those they started and those with
 * the organisation they represent, each marked when something came since they last read it.
 */
export async function inbox(db: Db, actor: Actor, after: { at: Date; id: string } | null) {
  const own = db.selectFrom('people').select('organisation_id').where('id', '=', actor.id)
  let query = db
    .selectFrom('community_threads as t')
    .innerJoin('organisations as o', 'o.id', 't.organisation_id')
    .innerJoin('people as s', 's.id', 't.starter_id')
    .leftJoin('community_thread_people as tp', (j) =>
      j.onRef('tp.thread_id', '=', 't.id').on('tp.person_id', '=', actor.id),
    )
    .select([
      't.id',
      't.subject',
      't.starter_id',
      't.last_message_at',
      'o.name as organisation_name',
      's.name as starter_name',
      sql<boolean>`(tp.read_at is null or tp.read_at < t.last_message_at)`.as('unread'),
    ])
    .where((eb) => eb.or([eb('t.starter_id', '=', actor.id), eb('t.organisation_id', '=', own)]))
  if (after)
    query = query.where((eb) =>
      eb(eb.refTuple('t.last_message_at', 't.id'), '<', eb.tuple(after.at, after.id)),
    )
  return query
    .orderBy('t.last_message_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(inboxPageSize + 1)
    .execute()
}
export type InboxRow = Awaited<ReturnType<typeof inbox>>[number]

/** Everyone on the other side of a message from `authorId`: the starter, or the organisation's contact people. */
async function otherSide(
  db: Db,
  thread: Pick<Thread, 'id' | 'organisation_id' | 'starter_id'>,
  authorId: string,
) {
  const contacts = (await contactsOf(db, thread.organisation_id)).map((p) => p.id)
  return [thread.starter_id, ...contacts].filter((id) => id !== authorId)
}

const messageNotice = (thread: Pick<Thread, 'id' | 'subject'>, from: string, body: string) => ({
  kind: 'communityMessage' as const,
  params: { from, subject: thread.subject, note: body },
  link: `/community/messages/${thread.id}`,
})

/** A new conversation with an organisation's contact people; a person starts at most `threadsPerDay` a day. */
export async function startThread(
  db: Db,
  actor: Actor,
  organisation: { id: string; name: string },
  form: NewThreadForm,
) {
  return db.transaction().execute(async (trx) => {
    // Counted under a lock on the person, so forms sent at once cannot pass the limit together.
    await sql`select pg_advisory_xact_lock(hashtext('community-threads'), hashtext(${actor.id}))`.execute(trx)
    const { n } = await trx
      .selectFrom('community_threads')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('starter_id', '=', actor.id)
      .where('created_at', '>', sql<Date>`now() - interval '1 day'`)
      .executeTakeFirstOrThrow()
    if (n >= threadsPerDay) throw new RuleError('community.messages.tooMany', 'body')
    // A request named is one of this organisation's; any other is not linked.
    const request = form.requestId
      ? await trx
          .selectFrom('community_partner_requests')
          .select('id')
          .where('id', '=', form.requestId)
          .where('organisation_id', '=', organisation.id)
          .executeTakeFirst()
      : undefined
    // Times from here, in milliseconds, as the pages' keyset cursors carry them.
    const now = new Date()
    const thread = await trx
      .insertInto('community_threads')
      .values({
        organisation_id: organisation.id,
        starter_id: actor.id,
        request_id: request?.id ?? null,
        subject: form.subject,
        created_at: now,
        last_message_at: now,
      })
      .returning(['id', 'subject', 'organisation_id', 'starter_id'])
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('community_messages')
      .values({ thread_id: thread.id, author_id: actor.id, body: form.body, created_at: now })
      .execute()
    await markRead(trx, thread.id, actor.id, now)
    await notify(trx, await otherSide(trx, thread, actor.id), messageNotice(thread, actor.name, form.body))
    await audit(trx, actor, {
      action: 'community.message-sent',
      subjectType: 'organisation',
      subjectId: organisation.id,
      details: { thread: thread.id },
    })
    return thread
  })
}

/** A reply in a conversation, to everyone on the other side. */
export async function reply(db: Db, actor: Actor, thread: Thread, body: string) {
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('community_messages')
      .values({ thread_id: thread.id, author_id: actor.id, body, created_at: new Date() })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('community_threads')
      .set({ last_message_at: sql<Date>`greatest(last_message_at, ${created.created_at})` })
      .where('id', '=', thread.id)
      .execute()
    await markRead(trx, thread.id, actor.id, created.created_at)
    await notify(trx, await otherSide(trx, thread, actor.id), messageNotice(thread, actor.name, body))
    return created
  })
}

/** The person lets the other side of the conversation see their address. */
export async function reveal(db: Db, actor: Actor, thread: Thread) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('community_thread_people')
      .values({ thread_id: thread.id, person_id: actor.id, read_at: null, revealed_at: new Date() })
      .onConflict((oc) => oc.columns(['thread_id', 'person_id']).doUpdateSet({ revealed_at: new Date() }))
      .execute()
    await audit(trx, actor, {
      action: 'community.address-revealed',
      subjectType: 'thread',
      subjectId: thread.id,
    })
  })
}

/** A message of the thread reported as abuse: the secretariat is told; a second report by the same person is no error. */
export async function report(db: Db, actor: Actor, thread: Thread, messageId: string, reason: string) {
  await db.transaction().execute(async (trx) => {
    const message = await trx
      .selectFrom('community_messages')
      .select('id')
      .where('id', '=', messageId)
      .where('thread_id', '=', thread.id)
      .executeTakeFirst()
    if (!message) throw new RuleError('community.messages.notInThread', '_form')
    const created = await trx
      .insertInto('community_message_reports')
      .values({ message_id: message.id, reporter_id: actor.id, reason })
      .onConflict((oc) => oc.columns(['message_id', 'reporter_id']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!created) return
    const moderators = await trx
      .selectFrom('people')
      .select('id')
      .where('role', 'in', communityModerators)
      .where('is_active', '=', true)
      .execute()
    await notify(
      trx,
      moderators.map((m) => m.id),
      { kind: 'communityMessageReported', params: { subject: thread.subject }, link: '/community/reports' },
    )
    await audit(trx, actor, {
      action: 'community.message-reported',
      subjectType: 'community_message',
      subjectId: message.id,
      details: { reason },
    })
  })
}

/** Reports the secretariat has not dealt with, oldest first, each with the message reported. */
export function openReports(db: Db, offset: number, limit: number) {
  return db
    .selectFrom('community_message_reports as r')
    .innerJoin('community_messages as m', 'm.id', 'r.message_id')
    .innerJoin('community_threads as t', 't.id', 'm.thread_id')
    .innerJoin('people as a', 'a.id', 'm.author_id')
    .innerJoin('people as rp', 'rp.id', 'r.reporter_id')
    .select([
      'r.id',
      'r.reason',
      'r.created_at',
      'm.body',
      'm.created_at as sent_at',
      't.subject',
      'a.id as author_id',
      'a.name as author_name',
      'rp.name as reporter_name',
    ])
    .where('r.resolved_at', 'is', null)
    .orderBy('r.created_at')
    .orderBy('r.id')
    .offset(offset)
    .limit(limit + 1)
    .execute()
}
export type Report = Awaited<ReturnType<typeof openReports>>[number]

/** A report dealt with (the secretariat acts on the account itself, on the people's page). */
export async function resolveReport(db: Db, actor: Actor, reportId: string) {
  await db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('community_message_reports')
      .set({ resolved_at: new Date() })
      .where('id', '=', reportId)
      .where('resolved_at', 'is', null)
      .executeTakeFirst()
    if (Number(done.numUpdatedRows) !== 1) return
    await audit(trx, actor, {
      action: 'community.report-resolved',
      subjectType: 'community_message_report',
      subjectId: reportId,
    })
  })
}
