// Pure rules of projects: how far an indicator has come and whether that is on track for the day.
// Unit-tested in rules.test.ts.
import { addDays, type Day } from '../../kernel/dates.ts'
import { basisPoints } from '../../kernel/money.ts'

export const indicatorStates = ['not_started', 'not_reported', 'behind', 'on_track', 'achieved'] as const
export type IndicatorState = (typeof indicatorStates)[number]

/** Progress this far below the share of the period gone by (in percentage points) still counts as on track. */
export const onTrackTolerancePoints = 10

const daysBetween = (from: Day, to: Day) =>
  Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000)

/**
 * An indicator's achievement (the share of the way from its baseline to its target, in basis
 * points, capped at nothing: 120 % is shown as such) and its state on a day: achieved once the
 * target is reached; before that on track while the share reached keeps up with the share of the
 * period gone by (less the tolerance), behind when it does not or the period is over.
 */
export function indicatorProgress(
  indicator: { baseline: number; target: number },
  latest: number | null,
  period: { starts_on: Day; ends_on: Day },
  today: Day,
): { achievedBp: number | null; state: IndicatorState } {
  if (latest === null)
    return { achievedBp: null, state: today < period.starts_on ? 'not_started' : 'not_reported' }
  const span = indicator.target - indicator.baseline
  const achievedBp =
    span <= 0 ? (latest >= indicator.target ? 10_000 : 0) : basisPoints(latest - indicator.baseline, span)
  if (latest >= indicator.target) return { achievedBp, state: 'achieved' }
  if (today > period.ends_on) return { achievedBp, state: 'behind' }
  const total = daysBetween(period.starts_on, addDays(period.ends_on, 1))
  const gone = Math.max(0, Math.min(total, daysBetween(period.starts_on, today)))
  const expectedBp = basisPoints(gone, total) ?? 0
  return {
    achievedBp,
    state: (achievedBp ?? 0) >= expectedBp - onTrackTolerancePoints * 100 ? 'on_track' : 'behind',
  }
}

/**
 * A progress report's day: within the project's period and not after today (the value is what was
 * reached on that day). The problem's message key, or null.
 */
export function reportDayProblem(
  day: Day,
  period: { starts_on: Day; ends_on: Day },
  today: Day,
): string | null {
  if (day > today) return 'projects.errors.reportInFuture'
  if (day < period.starts_on || day > period.ends_on) return 'projects.errors.reportOutsidePeriod'
  return null
}

/** The facts of a project its edit history follows, in the order the form asks for them. */
export const factFields = [
  'title',
  'acronym',
  'programme',
  'status',
  'startsOn',
  'endsOn',
  'lead',
  'agreementOn',
  'totalValue',
  'euContribution',
  'eligibleCosts',
  'mainGoal',
  'specificGoals',
  'themes',
  'regions',
  'subregions',
  'isPublic',
] as const
export type FactField = (typeof factFields)[number]

/**
 * A project's facts as plain strings, as the history keeps them: money in grosze, days as
 * YYYY-MM-DD, names instead of ids (so the history still reads after a programme is renamed), lists
 * sorted and joined, a flag as 'yes' or 'no'.
 */
export type Facts = Record<FactField, string>

/** What a save changed: each fact whose value differs, before and after, in the form's order. */
export function factChanges(
  before: Facts,
  after: Facts,
): { field: FactField; before: string; after: string }[] {
  return factFields
    .filter((f) => before[f] !== after[f])
    .map((field) => ({ field, before: before[field], after: after[field] }))
}

/** A list for the history: its members in a fixed order, so a list saved again unchanged is no change. */
export const listFact = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'pl')).join(', ')

/** An indicator's unit in its forms: for five and more (`unit`), and, where given, for one and for 2–4. */
export interface UnitForms {
  unit: string
  unit_one: string
  unit_few: string
}

const polishPlurals = new Intl.PluralRules('pl-PL')

/**
 * The unit's form for a count, by Polish grammar (the units are Polish words in either language):
 * 1 osoba, 2–4 osoby (22–24, 32–34, …), 5–21 osób (and 25–31, …, 112–114); a fraction takes the
 * form for 2–4 ("2,5 osoby"). Where a form was not given, the one for five and more.
 */
export function unitFor(count: number, forms: UnitForms): string {
  switch (polishPlurals.select(count)) {
    case 'one':
      return forms.unit_one || forms.unit
    case 'few':
      return forms.unit_few || forms.unit
    case 'other':
      return Number.isInteger(count) ? forms.unit : forms.unit_few || forms.unit
    default:
      return forms.unit
  }
}
