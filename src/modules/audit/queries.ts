import { sql } from 'kysely'
import { startOfWarsawDay } from '../../kernel/dates.ts'
import type { Page } from '../../kernel/pagination.ts'
import type { Db } from './db.ts'
import type { AuditQuery } from './schemas.ts'

/** A page of the audit log, newest first, filtered by person (email), action and Warsaw dates. */
export function listAuditEntries(db: Db, query: AuditQuery, page: Page) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('people as p', 'p.id', 'a.actor_id')
    // A person the entry is about (deactivated, role changed, a failed sign-in to their account).
    .leftJoin('people as s', (join) =>
      join.on('a.subject_type', '=', 'person').on(sql`s.id::text`, '=', sql.ref('a.subject_id')),
    )
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.actor_email',
      'a.subject_type',
      'a.subject_id',
      'a.details',
      'a.ip',
      'p.name as actor_name',
      's.name as subject_name',
    ])
  if (query.person) q = q.where(sql`lower(a.actor_email)`, '=', query.person.toLowerCase())
  if (query.action) q = q.where('a.action', '=', query.action)
  if (query.from) q = q.where('a.at', '>=', startOfWarsawDay(query.from))
  if (query.to) q = q.where('a.at', '<', new Date(startOfWarsawDay(query.to).getTime() + 24 * 3600_000))
  return q
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

export async function listAuditActions(db: Db): Promise<string[]> {
  // A loose index scan would be faster on a huge log; the action index keeps this a quick scan.
  const rows = await db
    .selectFrom('audit_log')
    .select('action')
    .distinct()
    .orderBy('action')
    .limit(500)
    .execute()
  return rows.map((r) => r.action)
}
