import type { Kysely } from 'kysely'
import { publicPageTables } from '../../../kernel/public-pages.ts'

// A topic's page kept for visitors lists its posts' files: a file added or removed drops it.
export async function up(db: Kysely<unknown>) {
  await publicPageTables(db, ['community_attachments'])
}
