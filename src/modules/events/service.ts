// Events: the secretariat publishes them (as organised by itself or by a space); anyone lists and
// reads them. Each is read with its places taken and its waiting list counted in the same statement.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import { spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import { type Context, lockedEvent, offerFreedPlaces, placesTaken } from './registrations.ts'
import { capacityTooLow, eventInstants } from './rules.ts'
import type { EventForm, EventsQuery } from './schemas.ts'

/** Events on one page of the list. */
export const eventsPageSize = 20

const taken = sql<number>`(select count(*)::int from event_registrations r
  where r.event_id = e.id and r.state in ('confirmed', 'offered'))`
const waiting = sql<number>`(select count(*)::int from event_registrations r
  where r.event_id = e.id and r.state = 'waiting')`

const eventColumns = [
  'e.id',
  'e.kind',
  'e.title',
  'e.description',
  'e.lang',
  'e.space_id',
  'e.starts_at',
  'e.ends_at',
  'e.venue',
  'e.venue_access',
  'e.online_url',
  'e.capacity',
  'e.registration_opens_at',
  'e.registration_closes_at',
  'e.updated_at',
  's.name_pl as organiser_pl',
  's.name_en as organiser_en',
] as const

function events(db: Db) {
  return db
    .selectFrom('events as e')
    .leftJoin(spaceRows(db).as('s'), 's.id', 'e.space_id')
    .select(eventColumns)
    .select([taken.as('taken'), waiting.as('waiting')])
}

/**
 * A page of events: upcoming ones (not ended yet) soonest first, or past ones latest first; of one
 * kind or all. Keyset by (start, id); one more than a page tells a next page.
 */
export function eventsPage(db: Db, q: EventsQuery, now: Date) {
  const upcoming = q.when === 'upcoming'
  return events(db)
    .where('e.ends_at', upcoming ? '>=' : '<', now)
    .$if(q.kind !== 'all', (x) => x.where('e.kind', '=', q.kind as EventForm['kind']))
    .$if(q.after !== null, (x) =>
      x.where(
        upcoming
          ? sql<boolean>`(e.starts_at, e.id) > (${q.after?.at}, ${q.after?.id})`
          : sql<boolean>`(e.starts_at, e.id) < (${q.after?.at}, ${q.after?.id})`,
      ),
    )
    .orderBy('e.starts_at', upcoming ? 'asc' : 'desc')
    .orderBy('e.id', upcoming ? 'asc' : 'desc')
    .limit(eventsPageSize + 1)
    .execute()
}
export type EventRow = Awaited<ReturnType<typeof eventsPage>>[number]

export async function findEvent(db: Db, id: string) {
  const row = await events(db).where('e.id', '=', id).executeTakeFirst()
  if (!row) throw new NotFoundError()
  return row
}
export type Event = Awaited<ReturnType<typeof findEvent>>

/** The spaces an event may be organised by, for the organiser's choice. */
export function organiserChoices(db: Db) {
  return db
    .selectFrom(spaceRows(db).as('s'))
    .select(['s.id', 's.name_pl', 's.name_en'])
    .orderBy('s.name_pl')
    .execute()
}

/** An organiser chosen that is no space (a tampered form) is refused beside the field. */
async function organiserExists(db: Db, spaceId: string | null) {
  if (spaceId === null) return
  const found = await db
    .selectFrom(spaceRows(db).as('s'))
    .select('s.id')
    .where('s.id', '=', spaceId)
    .executeTakeFirst()
  if (!found) throw new RuleError('errors.choose', 'spaceId')
}

function columnsOf(f: EventForm) {
  const at = eventInstants(f)
  if (at.ends_at <= at.starts_at) throw new RuleError('events.errors.endBeforeStart', 'endTime')
  if (at.registration_closes_at <= at.registration_opens_at)
    throw new RuleError('events.errors.closesBeforeOpens', 'closesOn')
  if (!f.venue && !f.onlineUrl) throw new RuleError('events.errors.placeNeeded', 'venue')
  return {
    kind: f.kind,
    title: f.title,
    description: f.description,
    lang: f.lang,
    space_id: f.spaceId,
    venue: f.venue,
    venue_access: f.venueAccess,
    online_url: f.onlineUrl,
    capacity: f.capacity,
    ...at,
  }
}

export async function createEvent(db: Db, actor: Actor, f: EventForm) {
  const columns = columnsOf(f)
  return db.transaction().execute(async (trx) => {
    await organiserExists(trx, f.spaceId)
    const created = await trx
      .insertInto('events')
      .values({ ...columns, created_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, { action: 'events.created', subjectType: 'event', subjectId: created.id })
    return created
  })
}

/**
 * An event changed by its organiser. Its places may not go below those taken (the refusal says
 * both numbers); places added go to the waiting list first (registrations.ts offerFreedPlaces).
 */
export async function updateEvent(db: Db, actor: Actor, id: string, f: EventForm, c: Context) {
  const columns = columnsOf(f)
  await db.transaction().execute(async (trx) => {
    // The event's row is the lock every change of its places takes (registrations.ts).
    await lockedEvent(trx, id)
    await organiserExists(trx, f.spaceId)
    const taken = await placesTaken(trx, id)
    if (capacityTooLow(f.capacity, taken))
      throw new RuleError('events.errors.capacityBelowTaken', 'capacity', { capacity: f.capacity, taken })
    await trx
      .updateTable('events')
      .set({ ...columns, updated_at: new Date() })
      .where('id', '=', id)
      .execute()
    await audit(trx, actor, { action: 'events.changed', subjectType: 'event', subjectId: id })
    await offerFreedPlaces(trx, id, c)
  })
}
