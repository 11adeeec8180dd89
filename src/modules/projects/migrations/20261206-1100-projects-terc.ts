import { type Kysely, sql } from 'kysely'

// The territorial units of the TERYT register (TERC: voivodeships, powiats, gminas), as the
// administrator last imported them from the file GUS publishes; the register changes every year.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('teryt_units')
    // "02", "0201", "0201011": the voivodeship's, powiat's and gmina's codes, the last with its kind.
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('voivodeship', 'text', (c) => c.notNull())
    .addColumn('powiat', 'text')
    .addColumn('gmina', 'text')
    .addColumn('kind', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind_name', 'text', (c) => c.notNull())
    .addColumn('state_on', 'date', (c) => c.notNull())
    .addCheckConstraint('teryt_units_code_check', sql`code ~ '^[0-9]{2}([0-9]{2}([0-9]{3})?)?$'`)
    .execute()
  await db.schema
    .createIndex('teryt_units_voivodeship_idx')
    .on('teryt_units')
    .columns(['voivodeship', 'code'])
    .execute()
}
