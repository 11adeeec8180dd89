// An event's programme: sessions with their times, room and speakers, shown on the event's page.
// A session with places of its own (a workshop within a conference) is chosen by people holding a
// place at the event, from the event's page or their private link; its places are counted under
// the event's lock, as the event's places are, so two people cannot both take a session's last one.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { warsawInstant } from '../../kernel/dates.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import { type Context, lockedEvent } from './registrations.ts'
import { clashOf, holdsPlace, withinEvent } from './rules.ts'
import type { SessionForm } from './schemas.ts'

/** At most this many sessions an event. */
export const maxSessions = 60

/** The places of a session taken: chosen by registrations that hold a place at the event. */
const chosenCount = sql<number>`(select count(*)::int from event_session_choices c
  join event_registrations r on r.id = c.registration_id
  where c.session_id = s.id and r.state in ('confirmed', 'offered'))`

/** An event's programme in time order, each session with the places taken of its own. */
export function sessionsOf(db: Db, eventId: string) {
  return db
    .selectFrom('event_sessions as s')
    .select([
      's.id',
      's.title',
      's.starts_at',
      's.ends_at',
      's.room',
      's.description',
      's.speakers',
      's.capacity',
      chosenCount.as('taken'),
    ])
    .where('s.event_id', '=', eventId)
    .orderBy('s.starts_at')
    .orderBy('s.ends_at')
    .orderBy('s.title')
    .orderBy('s.id')
    .limit(maxSessions)
    .execute()
}
export type Session = Awaited<ReturnType<typeof sessionsOf>>[number]

/** The sessions a registration chose. */
export async function choicesOf(db: Db, registrationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('event_session_choices')
    .select('session_id')
    .where('registration_id', '=', registrationId)
    .execute()
  return rows.map((r) => r.session_id)
}

/**
 * A session added or changed: held within the event's time; its places never below those chosen
 * (the refusal says both numbers). Under the event's lock, so a choice made meanwhile is counted.
 */
export async function saveSession(
  db: Db,
  actor: Actor,
  eventId: string,
  sessionId: string | null,
  f: SessionForm,
) {
  const columns = {
    title: f.title,
    starts_at: warsawInstant(f.day, f.startTime),
    ends_at: warsawInstant(f.day, f.endTime),
    room: f.room,
    description: f.description,
    speakers: f.speakers,
    capacity: f.capacity,
  }
  if (columns.ends_at <= columns.starts_at)
    throw new RuleError('events.errors.sessionEndBeforeStart', 'endTime')
  return db.transaction().execute(async (trx) => {
    const e = await lockedEvent(trx, eventId)
    if (!withinEvent(columns, e)) throw new RuleError('events.errors.sessionOutside', 'day')
    const sessions = await sessionsOf(trx, e.id)
    if (sessionId === null) {
      if (sessions.length >= maxSessions)
        throw new RuleError('events.errors.tooManySessions', 'title', { max: maxSessions })
      const created = await trx
        .insertInto('event_sessions')
        .values({ event_id: e.id, ...columns })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, actor, {
        action: 'events.session.added',
        subjectType: 'event',
        subjectId: e.id,
        details: { session: created.id, title: f.title },
      })
      return created.id
    }
    const current = sessions.find((s) => s.id === sessionId)
    if (!current) throw new NotFoundError()
    if (f.capacity !== null && f.capacity < current.taken)
      throw new RuleError('events.errors.sessionBelowTaken', 'capacity', {
        capacity: f.capacity,
        taken: current.taken,
      })
    await trx.updateTable('event_sessions').set(columns).where('id', '=', sessionId).execute()
    await audit(trx, actor, {
      action: 'events.session.changed',
      subjectType: 'event',
      subjectId: e.id,
      details: { session: sessionId, title: f.title },
    })
    return sessionId
  })
}

/** A session removed from the programme, with the choices made of it. */
export async function removeSession(db: Db, actor: Actor, eventId: string, sessionId: string) {
  await db.transaction().execute(async (trx) => {
    await lockedEvent(trx, eventId)
    const gone = await trx
      .deleteFrom('event_sessions')
      .where('id', '=', sessionId)
      .where('event_id', '=', eventId)
      .returning('title')
      .executeTakeFirst()
    if (!gone) throw new NotFoundError()
    await audit(trx, actor, {
      action: 'events.session.removed',
      subjectType: 'event',
      subjectId: eventId,
      details: { session: sessionId, title: gone.title },
    })
  })
}

/**
 * The sessions with places of their own that a registration holding a place takes part in: the
 * choice replaces the earlier one. Refused beside the field: a session not of this event or open to
 * all, two held at the same time, one whose places are taken (a place already held stays), or
 * before the person holds a place, or once the event has begun.
 */
export async function chooseSessions(db: Db, registrationId: string, chosen: string[], c: Context) {
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('event_registrations')
      .select(['id', 'event_id'])
      .where('id', '=', registrationId)
      .executeTakeFirst()
    if (!r) throw new NotFoundError()
    const e = await lockedEvent(trx, r.event_id)
    if (c.now >= e.starts_at) throw new RuleError('events.errors.started', 'sessions')
    const state = await trx
      .selectFrom('event_registrations')
      .select('state')
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow()
    if (!holdsPlace(state.state)) throw new RuleError('events.errors.sessionsNeedPlace', 'sessions')
    const [sessions, before] = await Promise.all([sessionsOf(trx, e.id), choicesOf(trx, r.id)])
    const picked = [...new Set(chosen)].map((id) => sessions.find((s) => s.id === id && s.capacity !== null))
    if (picked.some((s) => s === undefined)) throw new RuleError('errors.choose', 'sessions')
    const wanted = picked as (Session & { capacity: number })[]
    const clash = clashOf(wanted)
    if (clash)
      throw new RuleError('events.errors.sessionsClash', 'sessions', {
        first: clash[0].title,
        second: clash[1].title,
      })
    const full = wanted.find((s) => !before.includes(s.id) && s.taken >= s.capacity)
    if (full) throw new RuleError('events.errors.sessionFull', 'sessions', { session: full.title })
    await trx.deleteFrom('event_session_choices').where('registration_id', '=', r.id).execute()
    if (wanted.length)
      await trx
        .insertInto('event_session_choices')
        .values(wanted.map((s) => ({ session_id: s.id, registration_id: r.id })))
        .execute()
  })
}
