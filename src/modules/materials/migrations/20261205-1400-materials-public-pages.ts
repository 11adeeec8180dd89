import type { Kysely } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// A network's public page lists its meetings' public materials with their files.
export async function up(db: Kysely<unknown>) {
  await publicPageTables(db, ['materials', 'material_files'])
}
