import { type Kysely, sql } from 'kysely'

// Minutes (protokół) of a meeting, the decisions taken there (the register of resolutions) and the
// action items given out, the members' comments on the draft and the approved revisions.
export async function up(db: Kysely<unknown>) {
  // One set of minutes per meeting. `version` rises with every save of the texts, so a save from a
  // page showing an older one is refused; `revision` is the approved text's number (1, then a
  // correction after approval opens 2).
  await db.schema
    .createTable('minutes')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('meeting_id', 'uuid', (c) =>
      c.notNull().unique().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('opening', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('closing', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('comments_by', 'date')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('approved_at', 'timestamptz')
    .addColumn('approved_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  // What the minutes say of one agenda item.
  await db.schema
    .createTable('minutes_entries')
    .addColumn('minutes_id', 'uuid', (c) => c.notNull().references('minutes.id').onDelete('cascade'))
    .addColumn('agenda_item_id', 'uuid', (c) => c.notNull().references('agenda_items.id').onDelete('cascade'))
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addPrimaryKeyConstraint('minutes_entries_pkey', ['minutes_id', 'agenda_item_id'])
    .execute()

  // Each approval freezes the whole document (MinutesDocument as JSON): what was approved stays
  // exactly as it was, whatever changes later.
  await db.schema
    .createTable('minutes_revisions')
    .addColumn('minutes_id', 'uuid', (c) => c.notNull().references('minutes.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('document', 'jsonb', (c) => c.notNull())
    .addColumn('approved_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('approved_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('minutes_revisions_pkey', ['minutes_id', 'revision'])
    .execute()

  await db.schema
    .createTable('minutes_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('minutes_id', 'uuid', (c) => c.notNull().references('minutes.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('agenda_item_id', 'uuid', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('answered_at', 'timestamptz')
    .execute()
  await sql`create index minutes_comments_minutes_idx on minutes_comments (minutes_id, created_at)`.execute(
    db,
  )

  // The register of resolutions: numbered per space and year ("Uchwała nr 3/2026"), without gaps.
  await db.schema
    .createTable('decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id'))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id'))
    .addColumn('agenda_item_id', 'uuid', (c) => c.notNull().references('agenda_items.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('votes_for', 'integer', (c) => c.notNull())
    .addColumn('votes_against', 'integer', (c) => c.notNull())
    .addColumn('votes_abstaining', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('decisions_number_key', ['space_id', 'year', 'number'])
    .execute()
  await sql`create index decisions_meeting_idx on decisions (meeting_id)`.execute(db)
  await sql`create index decisions_recent_idx on decisions (year desc, number desc)`.execute(db)
  // The register is searched by words of the title and text, with or without Polish letters.
  await sql`create index decisions_search_idx on decisions
    using gin (to_tsvector('simple', siatka_fold(title || ' ' || body)))`.execute(db)

  // A decision sent on to another body (a network's recommendation to the Strategic Group) or to
  // the managing authority; the receiving body's secretary takes it into a coming agenda.
  await db.schema
    .createTable('decision_forwards')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('decision_id', 'uuid', (c) => c.notNull().references('decisions.id').onDelete('cascade'))
    .addColumn('to_space_id', 'uuid', (c) => c.references('spaces.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('forwarded_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('forwarded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('agenda_item_id', 'uuid', (c) => c.references('agenda_items.id').onDelete('set null'))
    .execute()
  // Once to each body (a null body is the managing authority).
  await sql`create unique index decision_forwards_key on decision_forwards
    (decision_id, coalesce(to_space_id, '00000000-0000-0000-0000-000000000000'::uuid))`.execute(db)
  await sql`create index decision_forwards_incoming_idx on decision_forwards (to_space_id, forwarded_at desc)
    where agenda_item_id is null`.execute(db)

  await db.schema
    .createTable('action_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('space_id', 'uuid', (c) => c.notNull().references('spaces.id'))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id'))
    .addColumn('agenda_item_id', 'uuid', (c) => c.notNull().references('agenda_items.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('open'))
    .addColumn('status_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('done_at', 'timestamptz')
    .addColumn('reminded_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await sql`create index action_items_owner_idx on action_items (owner_id, status, due_on)`.execute(db)
  await sql`create index action_items_meeting_idx on action_items (meeting_id)`.execute(db)
  await sql`create index action_items_due_idx on action_items (due_on) where status = 'open'`.execute(db)
}
