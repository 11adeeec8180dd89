// What the spaces' queries share: how memberships are ranked and which count on a day.
import { sql } from 'kysely'
import type { Day } from '../../kernel/dates.ts'

/** The order roles are listed in, and which one counts when a person holds two (chair over guest). */
export const roleRank = sql<number>`array_position(array['chair','vice_chair','member','deputy','expert','observer','guest']::text[], m.role)`

/** Memberships (aliased m) that count on a day: from their first to their last day, both included. */
export const currentOn = (today: Day) =>
  sql<boolean>`(m.starts_on <= ${today}::date and (m.ends_on is null or m.ends_on >= ${today}::date))`
