// What the spaces' queries share: how memberships are ranked and which count on a day.
import { sql } from 'kysely'
import type { Day } from '../../kernel/dates.ts'

/** The order roles are listed in, and which one counts when a person holds two (chair over guest). */
export const roleRank = sql<number>`array_position(array['chair','vice_chair','member','deputy','expert','observer','guest']::text[], m.role)`

/**
 * Memberships (aliased m, or `alias`) that count on a day: from their first to their last day, both
 * included. Other modules join `membershipRows` and ask the same through the spaces' index.
 */
export const currentOn = (today: Day, alias = 'm') => {
  const from = sql.ref(`${alias}.starts_on`)
  const until = sql.ref(`${alias}.ends_on`)
  return sql<boolean>`(${from} <= ${today}::date and (${until} is null or ${until} >= ${today}::date))`
}
