import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt } from '../../../kernel/tables.ts'

/** Who may read a visit's published report: the space's readers, or anyone when the space is public too. */
export const reportVisibilities = ['members', 'public'] as const
export type ReportVisibility = (typeof reportVisibilities)[number]

type Stamp = ColumnType<Date, Date | undefined, Date>

/**
 * A study visit's columns of `meetings`: whom it visits and where, and how many places it has.
 * Kept with the meeting, so a change of host is a change of the facts the notice told of.
 */
export interface VisitColumns {
  /** The partnership, organisation or project visited; '' for an ordinary meeting. */
  host_name: Generated<string>
  /** The region or country of the host. */
  host_region: Generated<string>
  host_town: Generated<string>
  /** Places on the visit, for members who come, deputies sent and outside participants; null: no limit. */
  visit_capacity: ColumnType<number | null, number | null | undefined, number | null>
}

/** Someone from outside the body the secretary registers: project or partnership staff, hosts' guests. */
export interface VisitParticipantsTable {
  id: Generated<string>
  meeting_id: string
  name: string
  organisation: string
  email: string | null
  /** The person's account in Siatka, when the e-mail address is one. */
  person_id: string | null
  added_by: string
  added_at: Stamp
}

/**
 * The report after a visit: what was seen, good practices, conclusions (Markdown). A draft until
 * published; `version` goes up with every save so two editors cannot overwrite each other.
 */
export interface VisitReportsTable {
  meeting_id: string
  seen: string
  practices: string
  conclusions: string
  visibility: ReportVisibility
  version: number
  published_at: Date | null
  published_by: string | null
  created_by: string
  created_at: CreatedAt
  edited_by: string
  edited_at: Date
}

export interface VisitTables {
  visit_participants: VisitParticipantsTable
  visit_reports: VisitReportsTable
}
