import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely'

const id = (c: ColumnDefinitionBuilder) => c.primaryKey().defaultTo(sql`gen_random_uuid()`)
const now = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`now()`)

export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('spaces')
    .addColumn('id', 'uuid', id)
    .addColumn('name_pl', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('forming'))
    .addColumn('theme_pl', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('theme_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_pl', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('secretary_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('is_public', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('public_chair', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('public_members', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('public_schedule', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .execute()
  await sql`create index spaces_name_idx on spaces (siatka_fold(name_pl), id)`.execute(db)
  await sql`create index spaces_public_idx on spaces (siatka_fold(name_pl), id) where is_public`.execute(db)
  await db.schema.createIndex('spaces_secretary_idx').on('spaces').column('secretary_id').execute()

  await db.schema
    .createTable('composition_proposals')
    .addColumn('id', 'uuid', id)
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('drafted_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('decision_ref', 'text')
    .addColumn('effective_on', 'date')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addUniqueConstraint('composition_proposals_number_key', ['space_id', 'number'])
    .execute()
  // One proposal in the making per space: a second draft would race the first to the managing authority.
  await sql`create unique index composition_proposals_open_key on composition_proposals (space_id)
    where status in ('draft', 'submitted', 'returned')`.execute(db)
  await sql`create index composition_proposals_waiting_idx on composition_proposals (submitted_at, id)
    where status = 'submitted'`.execute(db)

  await db.schema
    .createTable('composition_entries')
    .addColumn('id', 'uuid', id)
    .addColumn('proposal_id', 'uuid', (c) =>
      c.notNull().references('composition_proposals.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('represents', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('justification', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'timestamptz', now)
    .addUniqueConstraint('composition_entries_person_key', ['proposal_id', 'person_id'])
    .execute()

  await db.schema
    .createTable('composition_events')
    .addColumn('id', 'uuid', id)
    .addColumn('proposal_id', 'uuid', (c) =>
      c.notNull().references('composition_proposals.id').onDelete('cascade'),
    )
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('comment', 'text')
    .addColumn('at', 'timestamptz', now)
    .execute()
  await db.schema
    .createIndex('composition_events_proposal_idx')
    .on('composition_events')
    .columns(['proposal_id', 'at'])
    .execute()

  await db.schema
    .createTable('space_memberships')
    .addColumn('id', 'uuid', id)
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('represents', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date')
    .addColumn('proposal_id', 'uuid', (c) => c.references('composition_proposals.id'))
    .addColumn('added_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', now)
    .execute()
  await db.schema
    .createIndex('space_memberships_space_idx')
    .on('space_memberships')
    .columns(['space_id', 'ends_on'])
    .execute()
  await db.schema
    .createIndex('space_memberships_person_idx')
    .on('space_memberships')
    .columns(['person_id', 'ends_on'])
    .execute()
  await db.schema
    .createIndex('space_memberships_proposal_idx')
    .on('space_memberships')
    .column('proposal_id')
    .execute()
  await db.schema
    .createIndex('space_memberships_organisation_idx')
    .on('space_memberships')
    .column('organisation_id')
    .execute()

  await db.schema
    .createTable('space_rules')
    .addColumn('id', 'uuid', id)
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('effective_on', 'date', (c) => c.notNull())
    .addColumn('adopted_ref', 'text')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', now)
    .addUniqueConstraint('space_rules_version_key', ['space_id', 'version'])
    .execute()

  await db.schema
    .createTable('schedule_items')
    .addColumn('id', 'uuid', id)
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id'))
    .addColumn('task', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned'))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .execute()
  await db.schema
    .createIndex('schedule_items_space_idx')
    .on('schedule_items')
    .columns(['space_id', 'due_on', 'id'])
    .execute()

  await db.schema
    .createTable('announcements')
    .addColumn('id', 'uuid', id)
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('is_pinned', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('author_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .execute()
  await sql`create index announcements_space_idx on announcements (space_id, is_pinned desc, created_at desc, id)`.execute(
    db,
  )
}
