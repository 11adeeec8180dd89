// The rules of a recruitment, as pure functions: when applications are taken, the points a criterion
// gives, the ranking list of a target group with its ties broken as the rules of recruitment say,
// who gets a place and who the reserve list, and how long a draft is kept.
import { addDays, type Day, startOfWarsawDay } from '../../kernel/dates.ts'
import { ageOn } from './esf.ts'
import type { ApplicationState, CriterionRule, TieBreak } from './tables.ts'

/** Applications before the first day, during, and after the last day (Warsaw days, both included). */
export type Window = 'not_yet' | 'open' | 'closed'

export function applicationWindow(r: { opens_on: Day; closes_on: Day }, today: Day): Window {
  if (today < r.opens_on) return 'not_yet'
  if (today > r.closes_on) return 'closed'
  return 'open'
}

/** A draft not changed for this many days is removed (its applicant was told it would be). */
export const draftDays = 30

export const draftExpired = (updatedAt: Date, now: Date) =>
  now.getTime() - updatedAt.getTime() > draftDays * 86_400_000

/** A link asked for again within this many minutes of the last is not mailed again. */
export const linkResendMinutes = 10

/** At most this many target groups and scoring criteria a recruitment. */
export const maxGroups = 6
export const maxCriteria = 6

/** What the automatic criteria read of an application. */
export interface Scored {
  answers: Record<string, string>
  birthDate: string | null
  /** Points the staff gave on their own criteria (criterion id → points). */
  manual: Record<string, number>
}

export interface Criterion {
  id: string
  rule: CriterionRule
  points: number
}

/** The points each criterion gives (an automatic one all or nothing, a manual one what the staff gave, within its points). */
export function pointsOf(criteria: readonly Criterion[], a: Scored, day: Day): Record<string, number> {
  const out: Record<string, number> = {}
  for (const c of criteria) {
    const met = (() => {
      switch (c.rule) {
        case 'rural':
          return a.answers.degurba === '3'
        case 'disability':
          return a.answers.disability === 'yes'
        case 'age50':
          return a.birthDate !== null && ageOn(a.birthDate, day) >= 50
        case 'unemployed':
          return /unemployed/.test(a.answers.labourStatus ?? '')
        case 'manual':
          return null
      }
    })()
    out[c.id] = met === null ? Math.max(0, Math.min(c.points, a.manual[c.id] ?? 0)) : met ? c.points : 0
  }
  return out
}

export const scoreOf = (points: Record<string, number>) => Object.values(points).reduce((a, b) => a + b, 0)

/** An application on a ranking list. */
export interface Ranked {
  id: string
  score: number
  submitted_at: Date
  birth_date: string | null
}

/**
 * A target group's ranking: more points first; equal points as the rules say (who applied first, or
 * the older person first, then who applied first); the application's id last, so the order is one.
 */
export function rank<R extends Ranked>(rows: readonly R[], tieBreak: TieBreak): R[] {
  return [...rows].sort((a, b) => {
    if (a.score !== b.score) return b.score - a.score
    if (tieBreak === 'older' && a.birth_date !== b.birth_date) {
      if (!a.birth_date) return 1
      if (!b.birth_date) return -1
      return a.birth_date < b.birth_date ? -1 : 1
    }
    const t = a.submitted_at.getTime() - b.submitted_at.getTime()
    return t !== 0 ? t : a.id < b.id ? -1 : 1
  })
}

/** The decision on a ranked application: the first `places` get a place, the rest the reserve list. */
export const decisionFor = (position: number, places: number): 'accepted' | 'reserve' =>
  position < places ? 'accepted' : 'reserve'

/** The states an applicant may still withdraw from (after a decision too, giving up a place). */
export const mayWithdraw = (s: ApplicationState) => !['withdrawn', 'rejected', 'ineligible'].includes(s)

/** The states the staff check: sent and not yet decided on eligibility. */
export const awaitingCheck = (s: ApplicationState) => s === 'submitted'

/** Applications are taken until the last moment of the closing day, on a Warsaw clock. */
export const closesAt = (closesOn: Day) => startOfWarsawDay(addDays(closesOn, 1))
