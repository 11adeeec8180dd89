// What another module may join from materials in its own statement, as a subquery it aliases (as
// spaces/joinable.ts does): the meetings module asks whether a meeting has any material.
import type { AnyDb } from '../../kernel/db.ts'
import type { Db } from './db.ts'

/** Materials, without their files: to join or test by `meeting_id` or `space_id`. */
export function materialRows(handle: AnyDb) {
  const db: Db = handle
  return db.selectFrom('materials').select(['id', 'space_id', 'meeting_id', 'agenda_item_id', 'visibility'])
}
