import { type Kysely, sql } from 'kysely'

// The project staff's own questions on a recruitment's application form, after the standard ESF
// block: a text, a number, a day, one of given answers, or a declaration to tick.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('recruitment_fields')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('recruitment_id', 'uuid', (c) => c.notNull().references('recruitments.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('text', 'number', 'date', 'choice', 'declaration')`),
    )
    .addColumn('label', 'text', (c) => c.notNull().check(sql`length(label) between 1 and 300`))
    .addColumn('options', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('required', 'boolean', (c) => c.notNull().defaultTo(false))
    .addUniqueConstraint('recruitment_fields_position_key', ['recruitment_id', 'position'])
    .execute()
}
