import type { Presence } from '../attendance/tables.ts'
import type { AgendaKind, MeetingKind } from '../tables.ts'

/**
 * Minutes (protokół) as one self-contained document: what the page shows, what an approved
 * revision freezes (stored as JSON in `minutes_revisions`), and what the DOCX, ODT and PDF/A
 * exports write. Texts are as typed, in Markdown: a blank line separates paragraphs, a newline
 * breaks a line, and each format renders the formatting (kernel/markdown.ts).
 */
export interface MinutesDocument {
  /** The space's name (in Polish, the minutes' language) and the meeting's. */
  spaceName: string
  meeting: {
    kind: MeetingKind
    number: number
    year: number
    /** ISO instants (UTC); exports show them on a Warsaw clock. */
    startsAt: string
    endsAt: string
    place: string
    onlineUrl: string
  }
  /** 1 for the first approved text; a correction after approval opens the next. */
  revision: number
  status: 'draft' | 'consultation' | 'approved'
  approvedAt: string | null
  approvedBy: string | null
  /**
   * The signature block's people: who recorded the minutes (their last editor: the space's
   * secretary or someone of the secretariat) and when, and in which function the approver sat.
   * Absent in revisions frozen before the block existed.
   */
  recordedBy?: { name: string; function: 'secretary' | 'secretariat'; on: string } | null
  approverFunction?: 'chair' | 'vice_chair' | null
  /** From the presence records: members with a vote (or the deputy they sent), present or absent. */
  attendees: MinutesAttendee[]
  opening: string
  items: MinutesItem[]
  closing: string
}

export interface MinutesAttendee {
  name: string
  organisation: string | null
  presence: Presence
  /** The member a deputy stood in for. */
  deputyFor: string | null
}

export interface MinutesItem {
  position: number
  title: string
  presenter: string
  kind: AgendaKind
  summary: string
  decisions: MinutesDecision[]
  actions: MinutesAction[]
}

export interface MinutesDecision {
  /** "3/2026": the number in the space's register for that year. */
  number: string
  title: string
  body: string
  votes: { for: number; against: number; abstaining: number }
}

export interface MinutesAction {
  title: string
  owner: string
  /** YYYY-MM-DD */
  dueOn: string
}

/** Paragraphs of a plain text: split on blank lines, trimmed, empty ones dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
}
