import { materialRows } from '../../materials/index.ts'
import type { Db } from '../db.ts'

/**
 * A published network's meetings a visitor may see, the latest first: told of (the notice sent), not
 * cancelled, from `since` on. Without a public schedule, only those with a material made public.
 */
export function listPublicMeetings(
  db: Db,
  spaceId: string,
  o: { since: Date; schedulePublic: boolean; limit: number },
) {
  let q = db
    .selectFrom('meetings as m')
    .select(['m.id', 'm.kind', 'm.number', 'm.year', 'm.subject', 'm.starts_at', 'm.ends_at', 'm.place'])
    .where('m.space_id', '=', spaceId)
    .where('m.status', '=', 'planned')
    .where('m.notice_sent_at', 'is not', null)
    .where('m.starts_at', '>=', o.since)
  if (!o.schedulePublic)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom(materialRows(db).as('mr'))
          .select('mr.id')
          .whereRef('mr.meeting_id', '=', 'm.id')
          .where('mr.visibility', '=', 'public'),
      ),
    )
  return q.orderBy('m.starts_at', 'desc').orderBy('m.id').limit(o.limit).execute()
}

/**
 * A network's decisions as the chair approved them (approved minutes only: none still under
 * comments or in a correction's draft), the latest first.
 */
export function listPublicDecisions(db: Db, spaceId: string, limit: number) {
  return db
    .selectFrom('decisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meeting_id')
    .select(['d.id', 'd.year', 'd.number', 'm.starts_at', 'm.kind', 'm.number as meeting_number'])
    .select(['d.approved_title as title', 'd.approved_body as body', 'm.year as meeting_year'])
    .where('d.space_id', '=', spaceId)
    .where('d.approved_title', 'is not', null)
    .orderBy('d.year', 'desc')
    .orderBy('d.number', 'desc')
    .limit(limit)
    .execute()
}
