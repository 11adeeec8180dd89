import type { Kysely } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// A published project's public page shows its facts, partners, groups and indicators with progress.
export async function up(db: Kysely<unknown>) {
  await publicPageTables(db, [
    'project_programmes',
    'projects',
    'project_partners',
    'project_target_groups',
    'project_indicators',
    'project_indicator_reports',
  ])
}
