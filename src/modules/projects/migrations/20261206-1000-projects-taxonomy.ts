import { type Kysely, sql } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// The secretariat keeps the taxonomy and the themes from now on: a code is one programme's among
// its siblings (letters' case aside), and the public list's filters name the themes.
export async function up(db: Kysely<unknown>) {
  await sql`create unique index project_programmes_code_idx on project_programmes
    (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(code))`.execute(db)
  await publicPageTables(db, ['project_themes'])
}
