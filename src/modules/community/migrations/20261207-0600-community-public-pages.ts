import type { Kysely } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// The forum is open to all: its pages are kept for anonymous visitors until a row they show changes.
export async function up(db: Kysely<unknown>) {
  await publicPageTables(db, [
    'community_forums',
    'community_topics',
    'community_posts',
    'community_profiles',
  ])
}
