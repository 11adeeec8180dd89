import { type Kysely, sql } from 'kysely'

// The languages a member reads the community in: the forum, its search and the knowledge base show
// those first (a person reading one language sees only it until they choose otherwise).
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('community_profiles')
    .addColumn('reads', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute()
}
