import type { Kysely } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// A network's public page lists its decisions from approved minutes.
export async function up(db: Kysely<unknown>) {
  await publicPageTables(db, ['decisions'])
}
