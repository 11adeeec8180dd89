import type { Generated } from 'kysely'
import type { CreatedAt, Timestamp } from '../../kernel/tables.ts'
import type { AttendanceTables } from './attendance-tables.ts'

export const meetingKinds = ['meeting', 'study_visit'] as const
export type MeetingKind = (typeof meetingKinds)[number]

export const meetingStatuses = ['planned', 'cancelled'] as const
export type MeetingStatus = (typeof meetingStatuses)[number]

export const agendaKinds = ['information', 'discussion', 'decision'] as const
export type AgendaKind = (typeof agendaKinds)[number]

export interface MeetingsTable {
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

export interface MeetingsTables extends AttendanceTables {
  meetings: MeetingsTable
  agenda_items: AgendaItemsTable
}
