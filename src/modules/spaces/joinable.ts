// What another module may join from spaces in its own statement, as a subquery it aliases:
// `.innerJoin(spaces.spaceRows(db).as('s'), 's.id', 'x.space_id')`. PostgreSQL folds such a
// subquery into the outer query, so the plan is the one a join on the table would have; the
// other module still cannot name spaces' tables (its handle is typed by its own: DESIGN.md).
import type { AnyDb } from '../../kernel/db.ts'
import type { Db } from './db.ts'

/** Spaces (networks and bodies), every column. */
export function spaceRows(handle: AnyDb) {
  const db: Db = handle
  return db.selectFrom('spaces').selectAll()
}

/** Memberships of spaces, past, current and future (each has its from/until days). */
export function membershipRows(handle: AnyDb) {
  const db: Db = handle
  return db.selectFrom('space_memberships').selectAll()
}

/** Every version of every space's rules (each takes effect on its day). */
export function ruleRows(handle: AnyDb) {
  const db: Db = handle
  return db.selectFrom('space_rules').selectAll()
}
