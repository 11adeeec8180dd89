// Meetings of every space a person reads, on one calendar (a month, or the next ones as a list),
// and as private iCalendar feeds a calendar program subscribes to: one of the person's meetings,
// or of one space, each behind its own token that the person can revoke.
import type { EventAttributes } from 'ics'
import { audit } from '../../../kernel/audit.ts'
import { today } from '../../../kernel/dates.ts'
import { NotFoundError } from '../../../kernel/errors.ts'
import { type Lang, translator } from '../../../kernel/i18n.ts'
import { publishedCalendar } from '../../../kernel/ics.ts'
import type { Page } from '../../../kernel/pagination.ts'
import { type Actor, readsEverySpace, spaceCan } from '../../../kernel/policy.ts'
import { hashToken, newToken } from '../../../kernel/tokens.ts'
import { readableBy, spaceRows } from '../../spaces/index.ts'
import { requireSpace } from '../../spaces/service.ts'
import type { Db } from '../db.ts'
import { meetingEvent } from '../ics.ts'
import { meetingName } from '../views/meeting-name.ts'

/** Whose calendar: a person (and whether they read every space), optionally narrowed to one space. */
export interface CalendarScope {
  personId: string
  readsAll: boolean
  spaceId?: string
}

function calendarQuery(db: Db, scope: CalendarScope) {
  let q = db
    .selectFrom('meetings as m')
    .innerJoin(spaceRows(db).as('s'), 's.id', 'm.space_id')
    .select([
      'm.id',
      'm.kind',
      'm.number',
      'm.year',
      'm.subject',
      'm.starts_at',
      'm.ends_at',
      'm.place',
      'm.online_url',
      'm.status',
      'm.sequence',
      'm.updated_at',
      's.id as space_id',
      's.name_pl',
      's.name_en',
    ])
  if (!scope.readsAll) q = q.where(readableBy(scope.personId, today()))
  if (scope.spaceId) q = q.where('m.space_id', '=', scope.spaceId)
  return q
}
export type CalendarRow = Awaited<ReturnType<typeof listMeetingsBetween>>[number]

/** The meetings starting in [from, to), in time order; at most `limit` (a month holds far fewer). */
export function listMeetingsBetween(db: Db, scope: CalendarScope, from: Date, to: Date, limit = 1000) {
  return calendarQuery(db, scope)
    .where('m.starts_at', '>=', from)
    .where('m.starts_at', '<', to)
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .limit(limit)
    .execute()
}

/** The next meetings from `from` on, a page at a time. */
export function listUpcoming(db: Db, scope: CalendarScope, from: Date, page: Page) {
  return calendarQuery(db, scope)
    .where('m.starts_at', '>=', from)
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

export const scopeOf = (actor: Actor): CalendarScope => ({
  personId: actor.id,
  readsAll: readsEverySpace(actor),
})

// ---- Feeds ----

export function listFeeds(db: Db, personId: string) {
  return db
    .selectFrom('calendar_feeds as f')
    .leftJoin(spaceRows(db).as('s'), 's.id', 'f.space_id')
    .select(['f.id', 'f.space_id', 'f.created_at', 's.name_pl', 's.name_en'])
    .where('f.person_id', '=', personId)
    .where('f.revoked_at', 'is', null)
    .orderBy('f.created_at', 'desc')
    .limit(100)
    .execute()
}

/** A new feed; the token is returned once, only its hash is kept. A space feed needs the space readable. */
export async function createFeed(db: Db, actor: Actor, spaceId: string | null): Promise<string> {
  if (spaceId) await requireSpace(db, actor, spaceId).then((s) => authorizeRead(actor, s.access))
  const { token, hash } = newToken()
  await db.transaction().execute(async (trx) => {
    const feed = await trx
      .insertInto('calendar_feeds')
      .values({ person_id: actor.id, space_id: spaceId, token_hash: hash })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'meetings.feed-created',
      subjectType: 'calendar_feed',
      subjectId: feed.id,
      details: { spaceId },
    })
  })
  return token
}

function authorizeRead(actor: Actor, access: Parameters<typeof spaceCan>[2]) {
  if (!spaceCan(actor, 'space.read', access)) throw new NotFoundError()
}

export async function revokeFeed(db: Db, actor: Actor, feedId: string) {
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('calendar_feeds')
      .set({ revoked_at: new Date() })
      .where('id', '=', feedId)
      .where('person_id', '=', actor.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw new NotFoundError()
    await audit(trx, actor, {
      action: 'meetings.feed-revoked',
      subjectType: 'calendar_feed',
      subjectId: feedId,
    })
  })
}

/**
 * A feed's calendar, decided afresh at every fetch: a revoked token, a deactivated person or a
 * space they no longer read gives nothing (404). Meetings from a month back to a year ahead.
 */
export async function feedCalendar(
  db: Db,
  token: string,
  baseUrl: string,
  now = new Date(),
): Promise<string> {
  const feed = await db
    .selectFrom('calendar_feeds as f')
    .innerJoin('people as p', 'p.id', 'f.person_id')
    .select(['f.space_id', 'p.id', 'p.email', 'p.name', 'p.role', 'p.lang', 'p.is_active'])
    .where('f.token_hash', '=', hashToken(token))
    .where('f.revoked_at', 'is', null)
    .executeTakeFirst()
  if (!feed?.is_active) throw new NotFoundError()
  const actor: Actor = {
    id: feed.id,
    email: feed.email,
    name: feed.name,
    role: feed.role,
    sessionId: '',
    ip: null,
  }
  let calName: string = translator(feed.lang)('meetings.calendar.feedAll')
  if (feed.space_id) {
    const space = await requireSpace(db, actor, feed.space_id)
    authorizeRead(actor, space.access)
    calName = feed.lang === 'en' ? space.name_en : space.name_pl
  }
  const scope = { ...scopeOf(actor), spaceId: feed.space_id ?? undefined }
  const rows = await listMeetingsBetween(
    db,
    scope,
    new Date(now.getTime() - 31 * 86_400_000),
    new Date(now.getTime() + 400 * 86_400_000),
    2000,
  )
  return feedIcs(rows, feed.lang, baseUrl, calName)
}

/** Meetings as a published calendar (METHOD:PUBLISH, not an invitation's REQUEST); same UIDs as the notices. */
export function feedIcs(rows: CalendarRow[], lang: Lang, baseUrl: string, calName: string): string {
  const t = translator(lang)
  const host = new URL(baseUrl).hostname
  const events: EventAttributes[] = rows.map((m) => {
    const name = meetingName(t, m)
    return {
      ...meetingEvent(
        m,
        {
          title: `${m.subject ? `${name}: ${m.subject}` : name} – ${lang === 'en' ? m.name_en : m.name_pl}`,
          url: `${baseUrl}/spaces/${m.space_id}/meetings/${m.id}`,
        },
        host,
      ),
      lastModified: m.updated_at.getTime(),
    }
  })
  return publishedCalendar(events, { productId: '-//Siatka//Meetings//PL', calName })
}
