import type { Kysely } from 'kysely'

// A deputy stands in for one member of the body (seed 000: "członek i jego zastępca"): the link is
// set in the composition proposal and carried into the membership it becomes. Optional: a deputy
// without a link stands in for any member.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .alterTable('composition_entries')
    .addColumn('deputy_for', 'uuid', (c) => c.references('people.id'))
    .execute()
  await db.schema
    .alterTable('space_memberships')
    .addColumn('deputy_for', 'uuid', (c) => c.references('people.id'))
    .execute()
}
