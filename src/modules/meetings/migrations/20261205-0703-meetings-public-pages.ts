import type { Kysely } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// A network's public page lists its study visits' published reports, each with a page of its own.
export async function up(db: Kysely<unknown>) {
  await publicPageTables(db, ['meetings', 'visit_reports'])
}
