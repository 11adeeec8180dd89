// The rules of a body's composition and of days, as pure functions (unit-tested in rules.test.ts).

import type { Day } from '../../kernel/dates.ts'
import { hasVote, type SpaceRole } from '../../kernel/policy.ts'
import type { ProposalStatus } from './tables.ts'

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
