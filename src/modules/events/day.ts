// An event on the day and after: checking in those who hold a place (search by name, one tap), the
// list to sign, and certificates of attendance for those who came, each with a code a public page
// checks. A certificate issued is mailed by a job (jobs.ts), which draws its PDF off the request.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { likeContaining } from '../../kernel/db.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import { enqueueMany } from '../../kernel/jobs.ts'
import type { Actor } from '../../kernel/policy.ts'
import { projectRows } from '../projects/index.ts'
import { spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import { certificateCode, certificatesOpen, checkInOpen } from './rules.ts'

/** People on one page of the check-in list: a phone shows them at a scroll or two. */
export const checkInPageSize = 50

/** The words of a search, each to be found in the name or the organisation ("kowal mops"). */
const searchWords = (q: string) => q.split(/\s+/).filter(Boolean).slice(0, 5)

/** Those holding a place, by name, narrowed by a search; one more than a page tells a next page. */
export function checkInList(db: Db, eventId: string, q: string, page: { offset: number; size: number }) {
  let query = db
    .selectFrom('event_registrations')
    .select(['id', 'name', 'organisation', 'access_needs', 'attended_at', 'certificate_code'])
    .where('event_id', '=', eventId)
    .where('state', '=', 'confirmed')
  // Letters folded as everywhere in Siatka: "wisniew" finds Wiśniewska.
  for (const word of searchWords(q))
    query = query.where(
      sql<boolean>`siatka_fold(name || ' ' || organisation) like siatka_fold(${likeContaining(word)})`,
    )
  return query
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .offset(page.offset)
    .limit(page.size + 1)
    .execute()
}
export type CheckInRow = Awaited<ReturnType<typeof checkInList>>[number]

/** How many hold a place, how many of them came, and how many certificates are issued. */
export async function attendanceCounts(db: Db, eventId: string) {
  const row = await db
    .selectFrom('event_registrations')
    .select([
      sql<number>`count(*)::int`.as('places'),
      sql<number>`(count(*) filter (where attended_at is not null))::int`.as('present'),
      sql<number>`(count(*) filter (where certificate_code is not null))::int`.as('certificates'),
    ])
    .where('event_id', '=', eventId)
    .where('state', '=', 'confirmed')
    .executeTakeFirstOrThrow()
  return row
}
export type AttendanceCounts = Awaited<ReturnType<typeof attendanceCounts>>

/**
 * A person checked in (or the mark taken back: a tap on the wrong name). Only someone holding a
 * place, from the event's first day; a mark is not taken back once their certificate is issued.
 * Returns the person's name for the message.
 */
export async function markAttendance(
  db: Db,
  actor: Actor,
  e: { id: string; starts_at: Date },
  registrationId: string,
  present: boolean,
  now: Date,
): Promise<string> {
  if (!checkInOpen(e, now)) throw new RuleError('events.checkIn.notYet')
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('event_registrations')
      .select(['id', 'name', 'attended_at', 'certificate_code'])
      .where('id', '=', registrationId)
      .where('event_id', '=', e.id)
      .where('state', '=', 'confirmed')
      .forUpdate()
      .executeTakeFirst()
    if (!r) throw new NotFoundError()
    if (!present && r.certificate_code) throw new RuleError('events.checkIn.certified')
    if (present === (r.attended_at !== null)) return r.name
    await trx
      .updateTable('event_registrations')
      .set(
        present ? { attended_at: now, checked_in_by: actor.id } : { attended_at: null, checked_in_by: null },
      )
      .where('id', '=', r.id)
      .execute()
    await audit(trx, actor, {
      action: present ? 'events.checked_in' : 'events.check_in_undone',
      subjectType: 'event_registration',
      subjectId: r.id,
    })
    return r.name
  })
}

/** The list to sign: everyone holding a place, by name, with their organisation. */
export function signatureRows(db: Db, eventId: string) {
  return db
    .selectFrom('event_registrations')
    .select(['name', 'organisation'])
    .where('event_id', '=', eventId)
    .where('state', '=', 'confirmed')
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute()
}

/** The job that draws a certificate and mails it. */
export const certificateQueue = 'events.certificate'

/**
 * Certificates for everyone checked in who has none yet (the organiser may issue again after a
 * late check-in): each gets its code now, and a job mails its PDF. Returns how many were issued.
 */
export async function issueCertificates(db: Db, actor: Actor, e: { id: string; starts_at: Date }, now: Date) {
  if (!certificatesOpen(e, now)) throw new RuleError('events.certificates.notYet')
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('event_registrations')
      .select('id')
      .where('event_id', '=', e.id)
      .where('state', '=', 'confirmed')
      .where('attended_at', 'is not', null)
      .where('certificate_code', 'is', null)
      .forUpdate()
      .execute()
    if (due.length === 0) return 0
    const ids = due.map((r) => r.id)
    const codes = ids.map(() => certificateCode())
    await sql`update event_registrations r set certificate_code = c.code, certificate_issued_at = ${now}
      from unnest(${ids}::uuid[], ${codes}::text[]) as c(id, code) where r.id = c.id`.execute(trx)
    await enqueueMany(
      trx,
      certificateQueue,
      ids.map((registrationId) => ({ registrationId })),
    )
    await audit(trx, actor, {
      action: 'events.certificates_issued',
      subjectType: 'event',
      subjectId: e.id,
      details: { count: ids.length },
    })
    return ids.length
  })
}

/** A certificate with what it says: the person, the event, its organiser, the code and the day issued. */
function certificates(db: Db) {
  return db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .leftJoin(spaceRows(db).as('s'), 's.id', 'e.space_id')
    .leftJoin(projectRows(db).as('pj'), 'pj.id', 'e.project_id')
    .select([
      'r.id',
      'r.name',
      'r.email',
      'r.lang',
      'r.certificate_code',
      'r.certificate_issued_at',
      'e.id as event_id',
      'e.kind',
      'e.title',
      'e.lang as event_lang',
      'e.starts_at',
      'e.ends_at',
      'e.venue',
      'e.online_url',
      'e.project_id',
      's.name_pl as organiser_pl',
      's.name_en as organiser_en',
      'pj.title as project_title',
      'pj.acronym as project_acronym',
    ])
    .where('r.certificate_code', 'is not', null)
}

export type Certificate = Awaited<ReturnType<typeof certificateOf>>

/** The certificate of one registration; not found if none was issued. */
export async function certificateOf(db: Db, registrationId: string) {
  const row = await certificates(db).where('r.id', '=', registrationId).executeTakeFirst()
  if (!row?.certificate_code || !row.certificate_issued_at) throw new NotFoundError()
  return { ...row, certificate_code: row.certificate_code, certificate_issued_at: row.certificate_issued_at }
}

/** The certificate a code names (the public check), or null. */
export async function certificateByCode(db: Db, code: string) {
  const row = await certificates(db).where('r.certificate_code', '=', code).executeTakeFirst()
  return row ?? null
}
