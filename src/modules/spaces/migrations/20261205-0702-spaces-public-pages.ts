import type { Kysely } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// The networks' public pages: what is published, its chair and members, its schedule.
export async function up(db: Kysely<unknown>) {
  await publicPageTables(db, ['spaces', 'space_memberships', 'schedule_items'])
}
