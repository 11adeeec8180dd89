import type { Kysely } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// The public list and an event's page show its places left: an event or a registration changed
// drops the kept copies.
export async function up(db: Kysely<unknown>) {
  await publicPageTables(db, ['events', 'event_registrations'])
}
