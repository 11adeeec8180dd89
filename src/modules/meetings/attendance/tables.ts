import type { ColumnType } from 'kysely'

export const answers = ['yes', 'no', 'deputy'] as const
export type Answer = (typeof answers)[number]

export const presences = ['in_person', 'online', 'absent'] as const
export type Presence = (typeof presences)[number]

type Stamp = ColumnType<Date, Date | undefined, Date>

export interface MeetingAnswersTable {
  meeting_id: string
  /** The member who answers, always for themselves. */
  person_id: string
  answer: Answer
  /** The deputy the member sends (answer 'deputy'). */
  deputy_id: string | null
  answered_at: Stamp
}

export interface MeetingPresenceTable {
  meeting_id: string
  /** A member with a vote, or a deputy a member sent. */
  person_id: string
  presence: Presence
  recorded_by: string
  recorded_at: Stamp
}

export interface AttendanceRemindersTable {
  meeting_id: string
  person_id: string
  sent_at: Stamp
}

export interface AttendanceTables {
  meeting_answers: MeetingAnswersTable
  meeting_presence: MeetingPresenceTable
  attendance_reminders: AttendanceRemindersTable
}
