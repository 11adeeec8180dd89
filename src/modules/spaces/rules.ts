// The rules of a body's composition and of days, as pure functions (unit-tested in rules.test.ts).

import type { Day } from '../../kernel/dates.ts'
import { hasVote, type SpaceRole } from '../../kernel/policy.ts'
import type { ProposalStatus, Representation } from './tables.ts'

/** Roles a composition proposal gives; a guest is invited by the secretary, not appointed. */
export const compositionRoles = [
  'chair',
  'vice_chair',
  'member',
  'deputy',
  'expert',
  'observer',
] as const satisfies readonly SpaceRole[]

/** Roles the secretary may invite an outside person into, for a limited time. */
export const guestRoles = ['expert', 'guest'] as const satisfies readonly SpaceRole[]

export interface EntryDraft {
  personId: string
  role: SpaceRole
  /** A deputy's member, by person id. */
  deputyFor?: string | null
}

/**
 * What stops a composition from being sent to (or approved by) the managing authority: the catalogue
 * key of the first problem, or null. A body has exactly one chair, chosen among its proposed members,
 * so a chair from outside the composition cannot happen.
 */
export function compositionProblem(entries: readonly EntryDraft[]): string | null {
  if (entries.length === 0) return 'spaces.composition.errors.empty'
  const people = new Set(entries.map((e) => e.personId))
  if (people.size !== entries.length) return 'spaces.composition.errors.duplicate'
  const chairs = entries.filter((e) => e.role === 'chair').length
  if (chairs === 0) return 'spaces.composition.errors.noChair'
  if (chairs > 1) return 'spaces.composition.errors.twoChairs'
  if (entries.some((e) => !(compositionRoles as readonly string[]).includes(e.role)))
    return 'spaces.composition.errors.role'
  for (const e of entries) {
    const problem = deputyForProblem(entries, e.role, e.deputyFor ?? null)
    if (problem) return problem
  }
  return null
}

/**
 * A deputy stands in for a member with a vote in the same composition; only a deputy has such a
 * link. The catalogue key of the problem, or null.
 */
export function deputyForProblem(
  entries: readonly EntryDraft[],
  role: SpaceRole,
  deputyFor: string | null,
): string | null {
  if (!deputyFor) return null
  if (role !== 'deputy') return 'spaces.composition.errors.deputyForRole'
  return entries.some((e) => e.personId === deputyFor && hasVote(e.role))
    ? null
    : 'spaces.composition.errors.deputyFor'
}

/** The secretary edits a proposal until it is sent, and again when it comes back with comments. */
export const isEditable = (status: ProposalStatus) => status === 'draft' || status === 'returned'

/** Only a proposal waiting at the managing authority can be approved or returned, and only once. */
export const isAwaitingDecision = (status: ProposalStatus) => status === 'submitted'

/** A composition takes effect on its day; it cannot reach back before the one it replaces. */
export function effectiveDayProblem(effectiveOn: Day, previous: Day | null): string | null {
  if (previous && effectiveOn < previous) return 'spaces.composition.errors.beforePrevious'
  return null
}

/** A guest's access: from a day to an end day (inclusive), which cannot come first or be over already. */
export function guestPeriodProblem(
  startsOn: Day,
  endsOn: Day,
  today: Day,
): { key: string; field: string } | null {
  if (endsOn < startsOn) return { key: 'spaces.guests.errors.endBeforeStart', field: 'endsOn' }
  if (endsOn < today) return { key: 'spaces.guests.errors.endInPast', field: 'endsOn' }
  return null
}

/** A membership counts on the days from its start to its end, both included. */
export function isCurrent(m: { starts_on: Day; ends_on: Day | null }, today: Day): boolean {
  return m.starts_on <= today && (m.ends_on === null || m.ends_on >= today)
}

/** A seat in a composition as two compositions are compared: one person, what they hold in it. */
export interface Seat {
  person_id: string
  role: SpaceRole
  represents: Representation
  organisation_id: string | null
  /** A deputy's member, by person id. */
  deputy_for: string | null
}

/** What can change in a person's seat from one composition to the next. */
export const seatFields = ['role', 'represents', 'organisation', 'deputyFor'] as const
export type SeatField = (typeof seatFields)[number]

const seatValue = {
  role: (s: Seat) => s.role,
  represents: (s: Seat) => s.represents,
  organisation: (s: Seat) => s.organisation_id,
  deputyFor: (s: Seat) => s.deputy_for,
} satisfies Record<SeatField, (s: Seat) => string | null>

/** A person whose seat changes: as it was, as it will be, and what differs. */
export interface SeatChange<B extends Seat, A extends Seat = B> {
  before: B
  after: A
  fields: SeatField[]
}

/** A composition (seats A) against the one it replaces (seats B), person by person. */
export interface CompositionChanges<B extends Seat, A extends Seat = B> {
  /** New to the body, in the new composition's order. */
  added: A[]
  changed: SeatChange<B, A>[]
  /** In the composition replaced and not in the new one, in the old composition's order. */
  removed: B[]
  unchanged: A[]
}

/**
 * Who joins, whose seat changes (role, whom or which organisation they represent, whom a deputy
 * stands in for), who leaves and who stays as they were, when `after` replaces `before`. Without
 * a composition before, everyone joins.
 */
export function compareCompositions<B extends Seat, A extends Seat = B>(
  before: readonly B[],
  after: readonly A[],
): CompositionChanges<B, A> {
  const was = new Map(before.map((s) => [s.person_id, s]))
  const stays = new Set(after.map((s) => s.person_id))
  const changes: CompositionChanges<B, A> = { added: [], changed: [], removed: [], unchanged: [] }
  for (const seat of after) {
    const old = was.get(seat.person_id)
    if (!old) {
      changes.added.push(seat)
      continue
    }
    const fields = seatFields.filter((f) => seatValue[f](old) !== seatValue[f](seat))
    if (fields.length > 0) changes.changed.push({ before: old, after: seat, fields })
    else changes.unchanged.push(seat)
  }
  changes.removed = before.filter((s) => !stays.has(s.person_id))
  return changes
}

/** Whether a composition changes nothing in the one it replaces. */
export const changesNothing = (c: CompositionChanges<Seat, Seat>) =>
  c.added.length === 0 && c.changed.length === 0 && c.removed.length === 0
