import type { Generated } from 'kysely'
import type { CreatedAt, Timestamp } from '../../kernel/tables.ts'
import type { AttendanceTables } from './attendance/tables.ts'
import type { MinutesTables } from './minutes/tables.ts'
import type { VisitColumns, VisitTables } from './visits/tables.ts'

export const meetingKinds = ['meeting', 'study_visit'] as const
export type MeetingKind = (typeof meetingKinds)[number]

export const meetingStatuses = ['planned', 'cancelled'] as const
export type MeetingStatus = (typeof meetingStatuses)[number]

export const agendaKinds = ['information', 'discussion', 'decision'] as const
export type AgendaKind = (typeof agendaKinds)[number]

export interface MeetingsTable extends VisitColumns {
  id: Generated<string>
  space_id: string
  kind: MeetingKind
  /** Numbered per space and calendar year (Warsaw time): "III posiedzenie". */
  year: number
  number: number
  subject: string
  starts_at: Date
  ends_at: Date
  place: string
  online_url: string
  confirm_by: Date
  status: Generated<MeetingStatus>
  /** The iCalendar SEQUENCE: raised by every change members were told of. */
  sequence: Generated<number>
  notice_sent_at: Date | null
  cancelled_at: Date | null
  cancel_reason: string | null
  /** When the secretary was reminded of the notice and of the materials deadline (once each). */
  notice_reminded_at: Date | null
  materials_reminded_at: Date | null
  created_by: string
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface AgendaItemsTable {
  id: Generated<string>
  meeting_id: string
  position: number
  title: string
  presenter: string
  minutes: number
  kind: AgendaKind
  created_at: CreatedAt
}

export const noticeKinds = ['request', 'update', 'cancel'] as const
export type NoticeKind = (typeof noticeKinds)[number]

export interface MeetingNoticesTable {
  id: Generated<string>
  meeting_id: string
  kind: NoticeKind
  sequence: number
  /** Why a notice went out after the rules' notice period had passed. */
  late_reason: string | null
  /** What an update changed, as the secretary's page showed it. */
  changes: Generated<string>
  sent_by: string
  sent_at: CreatedAt
}

export interface MeetingNoticeRecipientsTable {
  notice_id: string
  person_id: string
  delivery_id: string
}

/** A private iCalendar feed: a person's meetings, or one space's; the token is kept hashed. */
export interface CalendarFeedsTable {
  id: Generated<string>
  person_id: string
  space_id: string | null
  token_hash: string
  created_at: CreatedAt
  revoked_at: Date | null
}

export interface MeetingsTables extends AttendanceTables, MinutesTables, VisitTables {
  meetings: MeetingsTable
  agenda_items: AgendaItemsTable
  meeting_notices: MeetingNoticesTable
  meeting_notice_recipients: MeetingNoticeRecipientsTable
  calendar_feeds: CalendarFeedsTable
}

// The module's tables join the app's database type (kernel/db.ts).
declare module '../../kernel/db.ts' {
  interface Database extends MeetingsTables {}
}
