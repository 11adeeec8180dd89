import type { Kysely } from 'kysely'

// The rules of procedure set how early members are told of a meeting and get its materials, and
// how many members make a quorum; meetings read them from the version in force.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('space_rules')
    .addColumn('notice_days', 'integer', (c) => c.notNull().defaultTo(14))
    .addColumn('materials_days', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('quorum_percent', 'integer', (c) => c.notNull().defaultTo(50))
    .execute()
  await db.schema
    .createIndex('space_rules_in_force_idx')
    .on('space_rules')
    .columns(['space_id', 'effective_on', 'version'])
    .execute()
}
