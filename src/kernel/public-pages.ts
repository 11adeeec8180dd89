// Pages an anonymous visitor sees (the home page, the networks, a study visit's public report) look
// the same to every visitor with the same language, display preferences and address, so each
// variant is rendered once and kept until what it shows changes. Not on a timer:
//
// - a table whose rows a public page shows carries a trigger (`publicPageTables` in a module's
//   migration) that notifies the channel `siatka_public_changed` when a statement changes it,
//   delivered at commit to every process listening, which forgets all it kept;
// - in this process, a statement through the app's `db` that wrote to one of those tables forgets
//   at once (kernel/db.ts, afterWrites), so the page after a form is never the one before it, even
//   before the notice arrives;
// - a page that shows "today" (a chair, a schedule) is kept under the Warsaw day's date too.
//
// While the listening connection is down (the server restarted, say), nothing is kept or served
// from memory: every page is rendered again until it is back.
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify'
import { type Kysely, sql } from 'kysely'
import { LRUCache } from 'lru-cache'
import pg from 'pg'
import { today } from './dates.ts'
import { afterWrites } from './db.ts'

export const publicChangeChannel = 'siatka_public_changed'

const kept = new LRUCache<string, string>({ max: 500 })
/** Processes may keep pages only while they hear about changes; static pages need no listening. */
let listening = false
/** The tables whose changes public pages show (those with the trigger), read when listening starts. */
let publicTables = new Set<string>()

/** Counts what was forgotten: a page whose rendering began before the last change is not kept. */
let generation = 0

export function forgetPublicPages(): void {
  generation++
  kept.clear()
}

/**
 * Renders a page that holds no per-person content, or sends the copy kept for anonymous visitors.
 * `page` does the page's whole work (its queries too), so a kept page costs no statement. `data`:
 * the page shows rows of the database (kept only while this process hears of their changes).
 */
export async function renderPublic(
  req: FastifyRequest,
  reply: FastifyReply,
  page: () => JSX.Element | Promise<JSX.Element>,
  o: { data?: boolean } = {},
) {
  const send = (html: string) => reply.type('text/html; charset=utf-8').send(html)
  if (req.actor || req.flash || (o.data && !listening)) return send(await page())
  const day = o.data ? today() : ''
  const key = `${req.lang}|${req.prefs.textSize}|${req.prefs.contrast}|${req.showCookieNotice}|${day}|${req.url}`
  const found = kept.get(key)
  if (found !== undefined) return send(found)
  const began = generation
  const html = await page()
  // A form carries a CSRF token bound to one browser: such a page is never kept. Nor is one that
  // may have read rows older than a change heard of while it was rendered.
  const current = began === generation && (!o.data || listening)
  if (current && !html.includes('name="_csrf"')) kept.set(key, html)
  return send(html)
}

/**
 * Listens for changes of what public pages show, on a connection of its own; reconnects when it
 * drops (forgetting everything meanwhile). Returns how to stop.
 */
export async function listenForPublicChanges(
  url: string,
  log: FastifyBaseLogger,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined
  let stopped = false
  let retry: NodeJS.Timeout | undefined
  const lost = (err?: Error) => {
    listening = false
    forgetPublicPages()
    if (stopped) return
    if (err) log.warn({ err }, 'the public pages stopped hearing of changes; reconnecting')
    client?.removeAllListeners()
    client?.on('error', () => {}) // a late error of the connection given up
    client?.end().catch(() => {})
    client = undefined
    retry = setTimeout(connect, 1000)
  }
  const connect = async () => {
    // keepAlive: a connection silently cut (a failover, a partition) ends in an error, not in silence.
    const c = new pg.Client({ connectionString: url, keepAlive: true })
    client = c
    c.on('error', lost)
    c.on('end', () => {
      if (client === c) lost()
    })
    c.on('notification', forgetPublicPages)
    try {
      await c.connect()
      await c.query(`listen ${publicChangeChannel}`)
      const { rows } = await c.query<{ name: string }>(
        `select distinct c.relname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
          where t.tgname like '%\\_public\\_changed'`,
      )
      publicTables = new Set(rows.map((r) => r.name))
      forgetPublicPages()
      listening = !stopped
    } catch (err) {
      if (client === c) lost(err as Error)
    }
  }
  const stopHearing = afterWrites((tables) => {
    if (tables.some((t) => publicTables.has(t))) forgetPublicPages()
  })
  await connect()
  return async () => {
    stopHearing()
    stopped = true
    listening = false
    clearTimeout(retry)
    forgetPublicPages()
    const c = client
    client = undefined
    c?.removeAllListeners()
    c?.on('error', () => {})
    await c?.end().catch(() => {})
  }
}

/** The trigger function every public table's trigger runs (the kernel's migration makes it). */
export async function createPublicChangeFunction(db: Kysely<unknown>) {
  await sql`create or replace function siatka_public_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify(${sql.lit(publicChangeChannel)}, tg_table_name);
      return null;
    end $$`.execute(db)
}

/** In a module's migration: changes of these tables reach the public pages that show their rows. */
export async function publicPageTables(db: Kysely<unknown>, tables: readonly string[]) {
  for (const table of tables) {
    await sql`create trigger ${sql.id(`${table}_public_changed`)}
      after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function siatka_public_changed()`.execute(db)
  }
}
