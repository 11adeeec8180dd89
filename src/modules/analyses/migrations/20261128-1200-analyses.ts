import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('analysis_orders')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('deadline', 'date', (c) => c.notNull())
    .addColumn('budget_grosze', 'bigint', (c) => c.notNull())
    .addColumn('expert_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('contract_ref', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('ordered'))
    .addColumn('material_id', 'uuid', (c) => c.references('materials.id'))
    .addColumn('ordered_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('ordered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('cancelled_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('cancel_reason', 'text')
    .addCheckConstraint('analysis_orders_budget_check', sql`budget_grosze > 0`)
    .addCheckConstraint(
      'analysis_orders_status_check',
      sql`status in ('ordered', 'delivered', 'changes_requested', 'accepted', 'cancelled')`,
    )
    .addCheckConstraint(
      'analysis_orders_material_check',
      sql`(status = 'accepted') = (material_id is not null)`,
    )
    .execute()
  // A space's orders, newest first; the secretariat's list (all, or by status); an expert's own.
  await db.schema
    .createIndex('analysis_orders_space_idx')
    .on('analysis_orders')
    .columns(['space_id', 'ordered_at', 'id'])
    .execute()
  await db.schema
    .createIndex('analysis_orders_ordered_idx')
    .on('analysis_orders')
    .columns(['ordered_at', 'id'])
    .execute()
  await db.schema
    .createIndex('analysis_orders_status_idx')
    .on('analysis_orders')
    .columns(['status', 'deadline', 'id'])
    .execute()
  await db.schema
    .createIndex('analysis_orders_expert_idx')
    .on('analysis_orders')
    .columns(['expert_id', 'ordered_at', 'id'])
    .execute()

  await db.schema
    .createTable('analysis_deliveries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('order_id', 'uuid', (c) => c.notNull().references('analysis_orders.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull().references('stored_files.hash'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('original_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('delivered_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('delivered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('review', 'text')
    .addColumn('review_comment', 'text')
    .addColumn('reviewed_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('reviewed_at', 'timestamptz')
    .addCheckConstraint('analysis_deliveries_version_check', sql`version >= 1`)
    .addCheckConstraint(
      'analysis_deliveries_review_check',
      sql`review is null or review in ('accepted', 'changes_requested')`,
    )
    .execute()
  // An order's history in order; two uploads of one version at once: the second meets this key.
  await db.schema
    .createIndex('analysis_deliveries_version_key')
    .on('analysis_deliveries')
    .columns(['order_id', 'version'])
    .unique()
    .execute()
}
