import type { Kysely } from 'kysely'

export async function up(db: Kysely<unknown>) {
  // An indicator's unit in the forms Polish counts need: "1 osoba", "2 osoby", "5 osób". The unit
  // kept so far is the form for five and more; the other two, where given, for one and for 2–4.
  await db.schema
    .alterTable('project_indicators')
    .addColumn('unit_one', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('unit_few', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
}
