import { type Kysely, sql } from 'kysely'

// Attendance at a meeting: each member with a vote answers for themselves before the meeting's
// confirm_by (coming, not coming, or sending a deputy); a reminder goes once to those who have not
// answered; on the day the secretary records who was there.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('meeting_answers')
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('deputy_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('meeting_answers_pkey', ['meeting_id', 'person_id'])
    .execute()
  // A deputy stands in for one member at a meeting: two members naming the same one, the second is told.
  await sql`create unique index meeting_answers_deputy_key on meeting_answers (meeting_id, deputy_id)
    where deputy_id is not null`.execute(db)

  await db.schema
    .createTable('meeting_presence')
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('presence', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('recorded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('meeting_presence_pkey', ['meeting_id', 'person_id'])
    .execute()

  // Who was reminded to answer, so nobody is reminded twice.
  await db.schema
    .createTable('attendance_reminders')
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('sent_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('attendance_reminders_pkey', ['meeting_id', 'person_id'])
    .execute()

  // The daily reminder job looks for planned meetings whose answers are due soon.
  await sql`create index meetings_confirm_by_idx on meetings (confirm_by) where status = 'planned'`.execute(
    db,
  )
}
