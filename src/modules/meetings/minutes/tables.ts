import type { ColumnType, Generated } from 'kysely'
import type { Lang } from '../../../kernel/i18n.ts'
import type { CreatedAt, Timestamp } from '../../../kernel/tables.ts'
import type { MinutesDocument } from './document.ts'

/** Draft (the secretary writes), consultation (members comment by a day), approved (locked). */
export const minutesStatuses = ['draft', 'consultation', 'approved'] as const
export type MinutesStatus = (typeof minutesStatuses)[number]

type Stamp = ColumnType<Date, Date | undefined, Date>

export interface MinutesTable {
  id: Generated<string>
  meeting_id: string
  status: Generated<MinutesStatus>
  /** The number the next approval gives the text: 1, and one more for each correction. */
  revision: Generated<number>
  /** Raised by every save of the texts: a save from an older page is refused. */
  version: Generated<number>
  opening: Generated<string>
  closing: Generated<string>
  /** The last day members may comment (YYYY-MM-DD, Warsaw). */
  comments_by: string | null
  sent_at: Date | null
  approved_at: Date | null
  approved_by: string | null
  created_by: string
  created_at: CreatedAt
  updated_by: string
  updated_at: Timestamp
}

export interface MinutesEntriesTable {
  minutes_id: string
  agenda_item_id: string
  summary: string
}

export interface MinutesRevisionsTable {
  minutes_id: string
  revision: number
  document: ColumnType<MinutesDocument, string, never>
  approved_by: string
  approved_at: Stamp
}

/** The formats an approved revision is kept in. */
export const revisionFormats = ['pdf', 'docx', 'odt'] as const
export type RevisionFormat = (typeof revisionFormats)[number]

/** An approved revision's file in one format and language of the labels, rendered once and kept. */
export interface MinutesRevisionFilesTable {
  minutes_id: string
  revision: number
  format: RevisionFormat
  lang: Lang
  file_hash: string
  rendered_at: CreatedAt
}

export interface MinutesCommentsTable {
  id: Generated<string>
  minutes_id: string
  revision: number
  agenda_item_id: string | null
  person_id: string
  body: string
  created_at: CreatedAt
  answer: string | null
  answered_by: string | null
  answered_at: Date | null
}

export interface DecisionsTable {
  id: Generated<string>
  space_id: string
  meeting_id: string
  agenda_item_id: string
  /** "Uchwała nr {number}/{year}": per space and the meeting's year, without gaps. */
  year: number
  number: number
  title: string
  body: string
  votes_for: number
  votes_against: number
  votes_abstaining: number
  /**
   * The text and vote of the last approved revision, copied when the chair approves: what the
   * register shows while a correction edits the columns above. Null before the first approval.
   */
  approved_title: ColumnType<string | null, string | null | undefined, string | null>
  approved_body: ColumnType<string | null, string | null | undefined, string | null>
  approved_votes_for: ColumnType<number | null, number | null | undefined, number | null>
  approved_votes_against: ColumnType<number | null, number | null | undefined, number | null>
  approved_votes_abstaining: ColumnType<number | null, number | null | undefined, number | null>
  /** The words of the register's text (folded; the approved one if any), computed by the database: read by the search only. */
  search: ColumnType<string, never, never>
  created_by: string
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface DecisionForwardsTable {
  id: Generated<string>
  decision_id: string
  /** The receiving body; null: the managing authority. */
  to_space_id: string | null
  note: string
  forwarded_by: string
  forwarded_at: CreatedAt
  /** The item of the receiving body's agenda it became. */
  agenda_item_id: string | null
}

export const actionStatuses = ['open', 'done', 'dropped'] as const
export type ActionStatus = (typeof actionStatuses)[number]

export interface ActionItemsTable {
  id: Generated<string>
  space_id: string
  meeting_id: string
  agenda_item_id: string
  title: string
  owner_id: string
  /** YYYY-MM-DD */
  due_on: string
  status: Generated<ActionStatus>
  status_note: Generated<string>
  done_at: Date | null
  reminded_at: Date | null
  created_by: string
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface MinutesTables {
  minutes: MinutesTable
  minutes_entries: MinutesEntriesTable
  minutes_revisions: MinutesRevisionsTable
  minutes_revision_files: MinutesRevisionFilesTable
  minutes_comments: MinutesCommentsTable
  decisions: DecisionsTable
  decision_forwards: DecisionForwardsTable
  action_items: ActionItemsTable
}
