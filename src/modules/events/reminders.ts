// Reminders before an event: two days before it, everyone holding a place gets one mail with the
// time, the place and a new private link to give the place up in time (job events.remind, hourly).
import { sql } from 'kysely'
import type { AnyDb } from '../../kernel/db.ts'
import { newToken } from '../../kernel/tokens.ts'
import type { Db } from './db.ts'
import { type Context, mail } from './registrations.ts'
import { reminderHours } from './rules.ts'

/** At most this many reminders a run (the next run, an hour later, sends the rest). */
const remindersPerRun = 500

/**
 * Reminders to those holding a place at an event that begins within two days (rules.ts
 * reminderHours), once each, with a new private link to give the place up in time. Not to someone
 * whose place was confirmed inside those two days: the mail giving it came moments ago.
 */
export async function sendReminders(handle: AnyDb, c: Context) {
  const db: Db = handle
  const horizon = new Date(c.now.getTime() + reminderHours * 3_600_000)
  await db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('event_registrations as r')
      .innerJoin('events as e', 'e.id', 'r.event_id')
      .select([
        'r.id',
        'r.email',
        'r.name',
        'r.lang',
        'e.id as event_id',
        'e.title',
        'e.kind',
        'e.starts_at',
        'e.ends_at',
        'e.venue',
        'e.online_url',
        'e.updated_at',
      ])
      .where('e.starts_at', '>', c.now)
      .where('e.starts_at', '<=', horizon)
      .where('r.state', '=', 'confirmed')
      .where('r.reminded_at', 'is', null)
      .where(sql<boolean>`r.confirmed_at <= e.starts_at - make_interval(hours => ${reminderHours})`)
      .orderBy('e.starts_at')
      .limit(remindersPerRun)
      .forUpdate('r')
      .skipLocked()
      .execute()
    if (due.length === 0) return
    const links = due.map(() => newToken())
    await sql`update event_registrations r set reminded_at = ${c.now}, token_hash = l.hash
      from unnest(${due.map((r) => r.id)}::uuid[], ${links.map((l) => l.hash)}::text[]) as l(id, hash)
      where r.id = l.id`.execute(trx)
    for (const [i, r] of due.entries()) {
      const e = { ...r, id: r.event_id }
      const place = [r.venue, r.online_url ?? ''].filter(Boolean).join(' + ')
      await mail(trx, c, r, 'eventReminder', e, links[i].token, { place })
    }
  })
}
