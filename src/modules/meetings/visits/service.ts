// Study visits (wizyty studyjne, issue "study visits"): a meeting of kind study_visit goes to a
// host (a partnership, organisation or project, somewhere), follows a programme (its agenda with
// clock times), takes the members who come, the deputies they send and outside participants the
// secretary registers, up to its places; after it, the secretary writes and publishes a report.
import { audit } from '../../../kernel/audit.ts'
import { warsawDayAndTime } from '../../../kernel/dates.ts'
import { NotFoundError, RuleError, sqlState } from '../../../kernel/errors.ts'
import type { Actor } from '../../../kernel/policy.ts'
import * as accounts from '../../accounts/service.ts'
import type { Space } from '../../spaces/service.ts'
import type { ExpectedRow } from '../attendance/queries.ts'
import { expected } from '../attendance/service.ts'
import type { Db } from '../db.ts'
import type { Meeting } from '../service.ts'
import * as q from './queries.ts'
import {
  capacityProblem,
  isReportPublic,
  overrunMinutes,
  type ProgrammeSlot,
  participantsProblem,
  placesProblem,
  programmeSlots,
  reportProblem,
} from './rules.ts'
import type { ReportVisibility } from './tables.ts'

export type { ReportRow } from './queries.ts'
export { listPublicReports } from './queries.ts'

const isVisit = (m: Pick<Meeting, 'kind'>) => m.kind === 'study_visit'

/** A study visit, or "not found": the visit's addresses mean nothing for an ordinary meeting. */
export function requireVisit(meeting: Meeting): Meeting {
  if (!isVisit(meeting)) throw new NotFoundError()
  return meeting
}

/** One line of the participant list: a member who comes, a deputy a member sends, or someone from outside. */
export interface ParticipantLine {
  kind: 'member' | 'deputy' | 'outside'
  /** The outside participant's id, for removal. */
  id: string | null
  name: string
  organisation: string
  email: string
  /** For a deputy: the member they stand in for. */
  inPlaceOf: string | null
  /** An outside participant with an account in Siatka. */
  hasAccount: boolean
}

/** Members who said they come, each deputy sent, then the outside participants as registered. */
export function participantLines(
  rows: readonly ExpectedRow[],
  outside: readonly q.OutsideRow[],
): ParticipantLine[] {
  const members = rows.flatMap((r): ParticipantLine[] => {
    if (r.answer === 'yes')
      return [
        {
          kind: 'member',
          id: null,
          name: r.name,
          organisation: r.organisation_name ?? '',
          email: '',
          inPlaceOf: null,
          hasAccount: true,
        },
      ]
    if (r.answer === 'deputy' && r.deputy_id)
      return [
        {
          kind: 'deputy',
          id: null,
          name: r.deputy_name ?? '',
          organisation: r.deputy_organisation_name ?? '',
          email: '',
          inPlaceOf: r.name,
          hasAccount: true,
        },
      ]
    return []
  })
  return [
    ...members,
    ...outside.map((o) => ({
      kind: 'outside' as const,
      id: o.id,
      name: o.name,
      organisation: o.organisation,
      email: o.email ?? '',
      inPlaceOf: null,
      hasAccount: o.person_id !== null,
    })),
  ]
}

/** Every participant of a visit, for the secretary's list and its exports. */
export async function listParticipants(db: Db, meeting: Meeting): Promise<ParticipantLine[]> {
  const [rows, outside] = await Promise.all([
    expected(db, meeting),
    q.listOutsideParticipants(db, meeting.id),
  ])
  return participantLines(rows, outside)
}

export interface Visit {
  /** Each programme entry's clock time, in the agenda's order. */
  programme: ProgrammeSlot[]
  /** Minutes the programme runs past the visit's planned end. */
  overrun: number
  capacity: number | null
  taken: number
  /** The secretary's: every participant, and whether the list still takes changes. */
  participants: ParticipantLine[] | null
  participantsOpen: boolean
  /** The report: the secretary sees the draft too; others see it once published. */
  report: q.ReportRow | null
  /** The report may be written now (the visit is over); otherwise the catalogue key of why not. */
  reportBlocked: string | null
  /** The published report is on the space's public page. */
  reportPublic: boolean
}

/** What the meeting page shows about a study visit to this person; null for an ordinary meeting. */
export async function visitFor(
  db: Db,
  space: Pick<Space, 'is_public'>,
  meeting: Meeting,
  may: { convene: boolean },
  now = new Date(),
): Promise<Visit | null> {
  if (!isVisit(meeting)) return null
  const [rows, outside, report] = await Promise.all([
    expected(db, meeting),
    q.listOutsideParticipants(db, meeting.id),
    q.findReport(db, meeting.id),
  ])
  const lines = participantLines(rows, outside)
  const total = meeting.agenda.reduce((n, a) => n + a.minutes, 0)
  return {
    programme: programmeSlots(
      warsawDayAndTime(meeting.starts_at).time,
      meeting.agenda.map((a) => a.minutes),
    ),
    overrun: overrunMinutes(meeting.starts_at, meeting.ends_at, total),
    capacity: meeting.visit_capacity,
    taken: lines.length,
    participants: may.convene ? lines : null,
    participantsOpen: participantsProblem(meeting, now) === null,
    report: report && (may.convene || report.published_at) ? report : null,
    reportBlocked: reportProblem(meeting, now)?.key ?? null,
    reportPublic: isReportPublic(space.is_public, report),
  }
}

/** Places taken now, read inside the caller's transaction after the meeting's row is locked. */
async function placesTaken(db: Db, meeting: Meeting) {
  const [rows, outside] = await Promise.all([
    expected(db, meeting),
    q.countOutsideParticipants(db, meeting.id),
  ])
  const members = rows.filter((r) => r.answer === 'yes' || (r.answer === 'deputy' && r.deputy_id)).length
  return { members: rows, taken: members + outside, outside }
}

function check(problem: { key: string; field?: string } | null) {
  if (problem) throw new RuleError(problem.key, problem.field)
}

/**
 * Registers someone from outside the body. An e-mail address of an account in Siatka links them
 * to it; a member with a vote answers for themselves instead. Over the visit's places, refused.
 */
export async function addParticipant(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  input: { name: string; organisation: string; email: string | null },
  now = new Date(),
) {
  requireVisit(meeting)
  check(participantsProblem(meeting, now))
  const person = input.email ? await accounts.findPersonByEmail(db, input.email) : undefined
  try {
    await db.transaction().execute(async (trx) => {
      const locked = await q.lockVisit(trx, meeting.id)
      if (!locked) throw new NotFoundError()
      check(participantsProblem(locked, now))
      const { members, taken, outside } = await placesTaken(trx, meeting)
      if (person && members.some((m) => m.person_id === person.id))
        throw new RuleError('visits.errors.isMember', 'email')
      if (outside >= q.maxOutsideParticipants) throw new RuleError('visits.errors.tooMany', 'name')
      check(placesProblem(locked.visit_capacity, taken))
      await q.insertParticipant(trx, {
        meetingId: meeting.id,
        name: input.name,
        organisation: input.organisation,
        email: input.email,
        personId: person?.id ?? null,
        addedBy: actor.id,
      })
      await audit(trx, actor, {
        action: 'meetings.visit-participant-added',
        subjectType: 'meeting',
        subjectId: meeting.id,
        details: { name: input.name, organisation: input.organisation, linked: Boolean(person) },
      })
    })
  } catch (err) {
    if (sqlState(err) === '23505') throw new RuleError('visits.errors.alreadyListed', 'email')
    throw err
  }
}

export async function removeParticipant(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  id: string,
  now = new Date(),
) {
  requireVisit(meeting)
  check(participantsProblem(meeting, now))
  await db.transaction().execute(async (trx) => {
    const removed = await q.deleteParticipant(trx, meeting.id, id)
    if (!removed) throw new NotFoundError()
    await audit(trx, actor, {
      action: 'meetings.visit-participant-removed',
      subjectType: 'meeting',
      subjectId: meeting.id,
      details: { name: removed.name },
    })
  })
}

/** Sets the visit's places (null: no limit), never below the places already taken. */
export async function setCapacity(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  capacity: number | null,
  now = new Date(),
) {
  requireVisit(meeting)
  check(participantsProblem(meeting, now))
  await db.transaction().execute(async (trx) => {
    const locked = await q.lockVisit(trx, meeting.id)
    if (!locked) throw new NotFoundError()
    const { taken } = await placesTaken(trx, meeting)
    check(capacityProblem(capacity, taken))
    await q.setCapacity(trx, meeting.id, capacity, now)
    await audit(trx, actor, {
      action: 'meetings.visit-capacity-set',
      subjectType: 'meeting',
      subjectId: meeting.id,
      details: { from: meeting.visit_capacity, to: capacity },
    })
  })
}

export interface ReportInput {
  seen: string
  practices: string
  conclusions: string
  visibility: ReportVisibility
  /** The version the editor's form showed; 0 for a report not yet written. */
  version: number
  publish: boolean
}

/** The report of a visit, for its edit page. */
export async function findReport(db: Db, meeting: Meeting) {
  requireVisit(meeting)
  return (await q.findReport(db, meeting.id)) ?? null
}

/**
 * Saves the report, after the visit's end only, and publishes it when asked (a published report
 * stays published; later edits keep who edited it last and when). Saved only over the version the
 * editor's form showed: otherwise nothing is saved and the report as it now stands comes back, so
 * the page can show both texts and nothing typed is lost.
 */
export async function saveReport(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  input: ReportInput,
  now = new Date(),
): Promise<
  { saved: true; outcome: 'draft' | 'published' | 'changed' } | { saved: false; theirs: q.ReportRow }
> {
  requireVisit(meeting)
  check(reportProblem(meeting, now))
  const text = {
    seen: input.seen,
    practices: input.practices,
    conclusions: input.conclusions,
    visibility: input.visibility,
  }
  return db.transaction().execute(async (trx) => {
    const saved =
      input.version === 0
        ? await q.insertReport(trx, meeting.id, text, actor.id, now, input.publish)
        : await q.updateReport(trx, meeting.id, input.version, text, actor.id, now, input.publish)
    const report = await q.findReport(trx, meeting.id)
    if (!saved || !report) {
      if (!report) throw new NotFoundError()
      return { saved: false as const, theirs: report }
    }
    // Published by this save (the first publication's time is kept by later ones).
    const outcome = !report.published_at
      ? 'draft'
      : report.published_at.getTime() === now.getTime()
        ? 'published'
        : 'changed'
    await audit(trx, actor, {
      action: outcome === 'published' ? 'meetings.visit-report-published' : 'meetings.visit-report-saved',
      subjectType: 'meeting',
      subjectId: meeting.id,
      details: { version: report.version, visibility: input.visibility },
    })
    return { saved: true as const, outcome }
  })
}

/** A report the public may read: published to the public, of a visit of a public space; else not found. */
export async function requirePublicReport(db: Db, space: Pick<Space, 'is_public'>, meeting: Meeting) {
  requireVisit(meeting)
  const report = await q.findReport(db, meeting.id)
  if (!report || !isReportPublic(space.is_public, report)) throw new NotFoundError()
  return report
}
