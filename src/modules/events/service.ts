// Events: the secretariat publishes them (as organised by itself, a space or a project), a space's
// secretary and a project's staff their own; anyone lists and reads them. Each is read with its
// places taken and its waiting list counted in the same statement.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { type Day, startOfWarsawDay } from '../../kernel/dates.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import { type Actor, organisesForSecretariat } from '../../kernel/policy.ts'
import { projectRows, projectStaffRows, themeRows } from '../projects/index.ts'
import { spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import { pendingCount } from './organising.ts'
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
  'e.project_id',
  'e.starts_at',
  'e.ends_at',
  'e.venue',
  'e.venue_access',
  'e.online_url',
  'e.capacity',
  'e.approval',
  'e.survey_sent_at',
  'e.registration_opens_at',
  'e.registration_closes_at',
  'e.updated_at',
  's.name_pl as organiser_pl',
  's.name_en as organiser_en',
  'pj.title as project_title',
  'pj.acronym as project_acronym',
  'e.voivodeship',
  'e.theme_id',
] as const

function events(db: Db) {
  return db
    .selectFrom('events as e')
    .leftJoin(spaceRows(db).as('s'), 's.id', 'e.space_id')
    .leftJoin(projectRows(db).as('pj'), 'pj.id', 'e.project_id')
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
    .$if(q.organiser === 'secretariat', (x) =>
      x.where('e.space_id', 'is', null).where('e.project_id', 'is', null),
    )
    .$if(q.organiser.startsWith('space:'), (x) => x.where('e.space_id', '=', q.organiser.slice(6)))
    .$if(q.organiser.startsWith('project:'), (x) => x.where('e.project_id', '=', q.organiser.slice(8)))
    .$if(q.region !== '', (x) => x.where('e.voivodeship', '=', q.region))
    .$if(q.theme !== '', (x) => x.where('e.theme_id', '=', q.theme))
    .$if(q.from !== '', (x) => x.where('e.starts_at', '>=', startOfWarsawDay(q.from)))
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

/**
 * One event, and whether the person asking runs its organiser (the policy's EventAccess): the
 * secretary of the space that organises it, or staff of the project that does.
 */
export async function findEvent(db: Db, id: string, personId: string | null = null) {
  const row = await events(db)
    .select((eb) =>
      personId
        ? eb
            .or([
              eb.exists(
                eb
                  .selectFrom(spaceRows(db).as('os'))
                  .select('os.id')
                  .whereRef('os.id', '=', 'e.space_id')
                  .where('os.secretary_id', '=', personId),
              ),
              eb.exists(
                eb
                  .selectFrom(projectStaffRows(db).as('ps'))
                  .select('ps.person_id')
                  .whereRef('ps.project_id', '=', 'e.project_id')
                  .where('ps.person_id', '=', personId),
              ),
            ])
            .$castTo<boolean>()
            .as('organises')
        : sql<boolean>`false`.as('organises'),
    )
    .where('e.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError()
  return row
}
export type Event = Awaited<ReturnType<typeof findEvent>>

/**
 * What the list's filters offer, in one statement: the spaces and the projects that organise an
 * event (by name), and the themes.
 */
export async function filterChoices(db: Db) {
  const rows = await db
    .selectFrom(spaceRows(db).as('s'))
    .select([
      sql<string>`'space'`.as('kind'),
      's.id',
      's.name_pl',
      's.name_en',
      sql<number>`0`.as('position'),
    ])
    .where((eb) => eb.exists(eb.selectFrom('events as e').select('e.id').whereRef('e.space_id', '=', 's.id')))
    .unionAll(
      db
        .selectFrom(projectRows(db).as('p'))
        .select([
          sql<string>`'project'`.as('kind'),
          'p.id',
          sql<string>`case when p.acronym <> '' then p.acronym || ': ' || p.title else p.title end`.as(
            'name_pl',
          ),
          sql<string>`case when p.acronym <> '' then p.acronym || ': ' || p.title else p.title end`.as(
            'name_en',
          ),
          sql<number>`0`.as('position'),
        ])
        .where((eb) =>
          eb.exists(eb.selectFrom('events as e').select('e.id').whereRef('e.project_id', '=', 'p.id')),
        ),
    )
    .unionAll(
      db
        .selectFrom(themeRows(db).as('th'))
        .select([sql<string>`'theme'`.as('kind'), 'th.id', 'th.name_pl', 'th.name_en', 'th.position']),
    )
    .execute()
  // Spaces and projects by name; themes in the secretariat's order.
  const of = (kind: string) =>
    rows
      .filter((r) => r.kind === kind)
      .sort((a, b) => a.position - b.position || a.name_pl.localeCompare(b.name_pl, 'pl'))
  return { spaces: of('space'), projects: of('project'), themes: of('theme') }
}
export type FilterChoices = Awaited<ReturnType<typeof filterChoices>>

/** A theme chosen that is none of the themes (a tampered form) is refused beside the field. */
async function themeExists(db: Db, themeId: string | null) {
  if (themeId === null) return
  const found = await db
    .selectFrom(themeRows(db).as('th'))
    .select('th.id')
    .where('th.id', '=', themeId)
    .executeTakeFirst()
  if (!found) throw new RuleError('errors.choose', 'themeId')
}

/** An organiser as the form names it: the secretariat (''), a space or a project. */
export const organiserValue = (e: { space_id: string | null; project_id: string | null }) =>
  e.space_id ? `space:${e.space_id}` : e.project_id ? `project:${e.project_id}` : ''

/** At most this many projects are offered to the secretariat as organisers (those running, by name). */
const projectChoicesShown = 300

/**
 * Who a person may name as an event's organiser: the secretariat names itself, any space or any
 * running project; a network's secretary the spaces they service; project staff their projects.
 */
export async function organiserChoices(
  db: Db,
  actor: Actor,
  today: Day,
  /** The event changed: its organiser stays a choice (a project ended since, say). */
  current: { space_id: string | null; project_id: string | null } | null = null,
) {
  const kept = current?.project_id ?? null
  const everyone = organisesForSecretariat(actor)
  const [spaces, projects] = await Promise.all([
    db
      .selectFrom(spaceRows(db).as('s'))
      .select(['s.id', 's.name_pl', 's.name_en'])
      .$if(!everyone, (q) => q.where('s.secretary_id', '=', actor.id))
      .orderBy('s.name_pl')
      .execute(),
    db
      .selectFrom(projectRows(db).as('p'))
      .select(['p.id', 'p.title', 'p.acronym'])
      .$if(everyone, (q) =>
        q.where((eb) =>
          kept ? eb.or([eb('p.ends_on', '>=', today), eb('p.id', '=', kept)]) : eb('p.ends_on', '>=', today),
        ),
      )
      .$if(!everyone, (q) =>
        q.where(
          'p.id',
          'in',
          db
            .selectFrom(projectStaffRows(db).as('st'))
            .select('st.project_id')
            .where('st.person_id', '=', actor.id),
        ),
      )
      // The event's own project first, so the limit never leaves it out.
      .$if(kept !== null, (q) => q.orderBy(sql`p.id = ${kept}`, 'desc'))
      .orderBy('p.acronym')
      .orderBy('p.title')
      .limit(projectChoicesShown)
      .execute(),
  ])
  projects.sort((a, b) => `${a.acronym} ${a.title}`.localeCompare(`${b.acronym} ${b.title}`, 'pl'))
  return { secretariat: everyone, spaces, projects }
}
export type OrganiserChoices = Awaited<ReturnType<typeof organiserChoices>>

/**
 * The organiser chosen must be one the person may name (a tampered form, or a space they no longer
 * service, is refused beside the field); the secretariat may name any space or project there is.
 */
async function mayOrganiseAs(db: Db, actor: Actor, f: EventForm) {
  const everyone = organisesForSecretariat(actor)
  const refused = new RuleError('errors.choose', 'organiser')
  if (f.organiser.kind === 'secretariat') {
    if (!everyone) throw refused
    return
  }
  const id = f.organiser.id
  const found =
    f.organiser.kind === 'space'
      ? await db
          .selectFrom(spaceRows(db).as('s'))
          .select('s.id')
          .where('s.id', '=', id)
          .$if(!everyone, (q) => q.where('s.secretary_id', '=', actor.id))
          .executeTakeFirst()
      : await db
          .selectFrom(projectRows(db).as('p'))
          .select('p.id')
          .where('p.id', '=', id)
          .$if(!everyone, (q) =>
            q.where(
              'p.id',
              'in',
              db
                .selectFrom(projectStaffRows(db).as('st'))
                .select('st.project_id')
                .where('st.person_id', '=', actor.id),
            ),
          )
          .executeTakeFirst()
  if (!found) throw refused
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
    space_id: f.organiser.kind === 'space' ? f.organiser.id : null,
    project_id: f.organiser.kind === 'project' ? f.organiser.id : null,
    venue: f.venue,
    venue_access: f.venueAccess,
    online_url: f.onlineUrl,
    capacity: f.capacity,
    approval: f.approval,
    voivodeship: f.region || null,
    theme_id: f.themeId,
    ...at,
  }
}

export async function createEvent(db: Db, actor: Actor, f: EventForm) {
  const columns = columnsOf(f)
  return db.transaction().execute(async (trx) => {
    await mayOrganiseAs(trx, actor, f)
    await themeExists(trx, f.themeId)
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
    await mayOrganiseAs(trx, actor, f)
    await themeExists(trx, f.themeId)
    const taken = await placesTaken(trx, id)
    if (capacityTooLow(f.capacity, taken))
      throw new RuleError('events.errors.capacityBelowTaken', 'capacity', { capacity: f.capacity, taken })
    // The programme stays within the event's time: a session left outside is moved first.
    const outside = await trx
      .selectFrom('event_sessions')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('event_id', '=', id)
      .where((eb) => eb.or([eb('starts_at', '<', columns.starts_at), eb('ends_at', '>', columns.ends_at)]))
      .executeTakeFirstOrThrow()
    if (Number(outside.n) > 0)
      throw new RuleError('events.errors.sessionsOutside', 'day', { count: Number(outside.n) })
    // Approval is turned off only once nobody awaits a decision (they would be left holding nothing).
    const pending = f.approval ? 0 : await pendingCount(trx, id)
    if (pending > 0) throw new RuleError('events.errors.pendingLeft', 'approval', { count: pending })
    await trx
      .updateTable('events')
      .set({ ...columns, updated_at: new Date() })
      .where('id', '=', id)
      .execute()
    await audit(trx, actor, { action: 'events.changed', subjectType: 'event', subjectId: id })
    await offerFreedPlaces(trx, id, c)
  })
}
