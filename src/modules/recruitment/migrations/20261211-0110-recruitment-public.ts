import type { Kysely } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// The public list and a recruitment's page show its facts, groups and criteria: a change drops the kept copies.
export async function up(db: Kysely<unknown>) {
  await publicPageTables(db, ['recruitments', 'recruitment_groups', 'recruitment_criteria'])
}
