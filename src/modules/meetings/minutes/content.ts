import type { Space } from '../../spaces/service.ts'
import { isThere, presenceList } from '../attendance/service.ts'
import type { Presence } from '../attendance/tables.ts'
import type { Db } from '../db.ts'
import type { Meeting } from '../service.ts'
import type { MinutesAttendee, MinutesDocument } from './document.ts'
import type { Minutes } from './editing.ts'
import * as q from './queries.ts'
import { decisionNumber } from './rules.ts'

export async function minutesContent(db: Db, meeting: Meeting, minutes: Minutes) {
  const [{ entries, decisions, actions, comments, revisions }, lines] = await Promise.all([
    q.minutesLists(db, meeting.id, minutes.id),
    presenceList(db, meeting),
  ])
  const attendees: MinutesAttendee[] = lines.flatMap((l) =>
    l.presence
      ? [{ name: l.name, organisation: l.organisation, presence: l.presence, deputyFor: l.inPlaceOf }]
      : [],
  )
  return {
    summaries: new Map(entries.map((e) => [e.agenda_item_id, e.summary])),
    decisions,
    actions,
    comments,
    revisions,
    attendees,
    presentVoters: countPresentVoters(lines),
  }
}

/** Members with a vote (or their deputies) present: the most votes a decision may have; null before presence is recorded. */
function countPresentVoters(lines: readonly { presence: Presence | null }[]): number | null {
  return lines.some((l) => l.presence !== null) ? lines.filter((l) => isThere(l.presence)).length : null
}

export const presentVoters = async (db: Db, meeting: Meeting) =>
  countPresentVoters(await presenceList(db, meeting))
export type MinutesContent = Awaited<ReturnType<typeof minutesContent>>

/** The minutes as one document (the page, an approved revision, the exports). */
export function minutesDocument(
  space: Pick<Space, 'name_pl' | 'secretary_id'>,
  meeting: Meeting,
  minutes: Minutes,
  c: MinutesContent,
  /** The approver's seat in the space (the chair, or the vice-chair standing in). */
  approverFunction: 'chair' | 'vice_chair' | null = null,
): MinutesDocument {
  return {
    spaceName: space.name_pl,
    meeting: {
      kind: meeting.kind,
      number: meeting.number,
      year: meeting.year,
      startsAt: meeting.starts_at.toISOString(),
      endsAt: meeting.ends_at.toISOString(),
      place: meeting.place,
      onlineUrl: meeting.online_url,
    },
    revision: minutes.revision,
    status: minutes.status,
    approvedAt: minutes.approved_at?.toISOString() ?? null,
    approvedBy: minutes.approved_by_name,
    recordedBy: minutes.updated_by_name
      ? {
          name: minutes.updated_by_name,
          function: minutes.updated_by === space.secretary_id ? 'secretary' : 'secretariat',
          on: minutes.updated_at.toISOString(),
        }
      : null,
    approverFunction,
    attendees: c.attendees,
    opening: minutes.opening,
    items: meeting.agenda.map((a) => ({
      position: a.position,
      title: a.title,
      presenter: a.presenter,
      kind: a.kind,
      summary: c.summaries.get(a.id) ?? '',
      decisions: c.decisions
        .filter((d) => d.agenda_item_id === a.id)
        .map((d) => ({
          number: decisionNumber(d),
          title: d.title,
          body: d.body,
          votes: { for: d.votes_for, against: d.votes_against, abstaining: d.votes_abstaining },
        })),
      actions: c.actions
        .filter((x) => x.agenda_item_id === a.id)
        .map((x) => ({ title: x.title, owner: x.owner_name, dueOn: x.due_on })),
    })),
    closing: minutes.closing,
  }
}
