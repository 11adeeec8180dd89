// The upcoming events as feeds a person subscribes to without an account: Atom and RSS for a feed
// reader (the partners' sites of seed 003 announce events this way), and iCalendar for a calendar
// program. The next 50 events, soonest first; each entry links to the event's page.
import { Feed } from 'feed'
import type { EventAttributes } from 'ics'
import { formatDateTime } from '../../kernel/dates.ts'
import { escapeValue, type Lang } from '../../kernel/i18n.ts'
import { publishedCalendar } from '../../kernel/ics.ts'
import type { Db } from './db.ts'

/** Entries in a feed. */
const entries = 50

/** The events not ended yet, soonest first. */
export function upcomingForFeeds(db: Db, now: Date) {
  return db
    .selectFrom('events')
    .select([
      'id',
      'kind',
      'title',
      'description',
      'starts_at',
      'ends_at',
      'venue',
      'online_url',
      'updated_at',
    ])
    .where('ends_at', '>=', now)
    .orderBy('starts_at')
    .orderBy('id')
    .limit(entries)
    .execute()
}
type FeedEvent = Awaited<ReturnType<typeof upcomingForFeeds>>[number]

/** Where an event is, in one line: its venue, its online link, or both. */
const whereOf = (e: Pick<FeedEvent, 'venue' | 'online_url'>) =>
  [e.venue, e.online_url].filter(Boolean).join(' / ')

/** An Atom or RSS feed of the events (people's words escaped inside the feed's CDATA). */
export function eventFeed(o: {
  baseUrl: string
  title: string
  description: string
  lang: Lang
  events: FeedEvent[]
}) {
  const feed = new Feed({
    title: escapeValue(o.title),
    description: escapeValue(o.description),
    id: `${o.baseUrl}/events`,
    link: `${o.baseUrl}/events`,
    language: o.lang,
    copyright: 'Siatka',
    generator: false,
    updated: o.events.reduce((latest, e) => (e.updated_at > latest ? e.updated_at : latest), new Date(0)),
    feedLinks: { atom: `${o.baseUrl}/events/feed.atom`, rss: `${o.baseUrl}/events/feed.rss` },
  })
  for (const e of o.events)
    feed.addItem({
      title: escapeValue(`${e.title} (${formatDateTime(e.starts_at, o.lang)})`),
      id: `${o.baseUrl}/events/${e.id}`,
      link: `${o.baseUrl}/events/${e.id}`,
      description: escapeValue([whereOf(e), e.description.slice(0, 500)].filter(Boolean).join(' — ')),
      date: e.updated_at,
      published: e.starts_at,
    })
  return feed
}

/**
 * An event as a calendar program keeps it: its UID fixed (an update replaces the entry), UTC times,
 * where it is, and a link to its page. The feed and the mail giving a place write the same.
 */
export function calendarEntry(
  e: Pick<FeedEvent, 'id' | 'title' | 'starts_at' | 'ends_at' | 'venue' | 'online_url' | 'updated_at'>,
  baseUrl: string,
): EventAttributes {
  return {
    uid: `event-${e.id}@${new URL(baseUrl).hostname}`,
    start: e.starts_at.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: e.ends_at.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: e.title,
    url: `${baseUrl}/events/${e.id}`,
    lastModified: e.updated_at.getTime(),
    ...(whereOf(e) ? { location: whereOf(e) } : {}),
  }
}

/** A calendar of the events to subscribe to. */
export const eventsCalendar = (o: { baseUrl: string; name: string; events: FeedEvent[] }) =>
  publishedCalendar(
    o.events.map((e) => calendarEntry(e, o.baseUrl)),
    { productId: calendarProduct, calName: o.name },
  )

export const calendarProduct = '-//Siatka//Events//PL'
