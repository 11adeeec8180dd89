import type { Kysely } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// A network's public page names its chair and its members' organisations.
export async function up(db: Kysely<unknown>) {
  await publicPageTables(db, ['people', 'organisations'])
}
