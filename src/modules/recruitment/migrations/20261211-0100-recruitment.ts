import { type Kysely, sql } from 'kysely'

// A project's recruitment of its participants (issue 14): the recruitment with its rules and dates,
// its target groups with places, its scoring criteria, and the applications, whose PESEL is kept
// only encrypted (kernel/sealed.ts) with a fingerprint to find the same person twice.
export async function up(db: Kysely<unknown>) {
  await db.schema
    .createTable('recruitments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('project_id', 'uuid', (c) => c.notNull().references('projects.id'))
    .addColumn('title', 'text', (c) => c.notNull().check(sql`length(title) between 1 and 200`))
    .addColumn('scope', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('who_may_apply', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('how_to_apply', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('documents', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('opens_on', 'date', (c) => c.notNull())
    .addColumn('closes_on', 'date', (c) => c.notNull())
    .addColumn('esf_version', 'text', (c) => c.notNull().check(sql`esf_version in ('sl2014', 'cst2021')`))
    .addColumn('voivodeship', 'text')
    .addColumn('min_age', 'integer', (c) => c.check(sql`min_age between 0 and 120`))
    .addColumn('max_age', 'integer', (c) => c.check(sql`max_age between 0 and 120`))
    .addColumn('tie_break', 'text', (c) => c.notNull().check(sql`tie_break in ('submitted', 'older')`))
    .addColumn('retention_until', 'date', (c) => c.notNull())
    .addColumn('pesel_readers', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('published_at', 'timestamptz')
    .addColumn('decided_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'recruitments_dates_check',
      sql`closes_on >= opens_on and retention_until > closes_on`,
    )
    .addCheckConstraint(
      'recruitments_ages_check',
      sql`min_age is null or max_age is null or min_age <= max_age`,
    )
    .execute()
  await sql`create index recruitments_project_idx on recruitments (project_id, opens_on desc, id)`.execute(db)
  // The public list: published ones, latest closing first.
  await sql`create index recruitments_public_idx on recruitments (closes_on desc, id) where published_at is not null`.execute(
    db,
  )

  await db.schema
    .createTable('recruitment_groups')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('recruitment_id', 'uuid', (c) => c.notNull().references('recruitments.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(name) between 1 and 200`))
    .addColumn('places', 'integer', (c) => c.notNull().check(sql`places between 1 and 10000`))
    .addUniqueConstraint('recruitment_groups_position_key', ['recruitment_id', 'position'])
    .execute()

  await db.schema
    .createTable('recruitment_criteria')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('recruitment_id', 'uuid', (c) => c.notNull().references('recruitments.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull().check(sql`length(label) between 1 and 200`))
    .addColumn('rule', 'text', (c) =>
      c.notNull().check(sql`rule in ('rural', 'disability', 'age50', 'unemployed', 'manual')`),
    )
    .addColumn('points', 'integer', (c) => c.notNull().check(sql`points between 1 and 100`))
    .addUniqueConstraint('recruitment_criteria_position_key', ['recruitment_id', 'position'])
    .execute()

  await db.schema
    .createTable('recruitment_applications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('recruitment_id', 'uuid', (c) => c.notNull().references('recruitments.id').onDelete('cascade'))
    .addColumn('group_id', 'uuid', (c) => c.references('recruitment_groups.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('pl', 'en')`))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`state in ('draft', 'submitted', 'eligible', 'ineligible', 'accepted', 'reserve', 'rejected', 'withdrawn')`,
        ),
    )
    .addColumn('given_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('family_name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answers', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('pesel_sealed', 'text')
    .addColumn('pesel_fingerprint', 'text')
    .addColumn('birth_date', 'date')
    .addColumn('sex', 'text', (c) => c.check(sql`sex in ('M', 'K')`))
    .addColumn('voivodeship', 'text')
    .addColumn('points', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('score', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ineligible_reason', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('entered_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('checked_by', 'uuid', (c) => c.references('people.id'))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('support_starts_on', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('anonymised_at', 'timestamptz')
    .execute()
  // One application an address a recruitment (asking again sends the link to the same one).
  await sql`create unique index recruitment_applications_email_idx on recruitment_applications (recruitment_id, lower(email))
    where email <> '' and state <> 'withdrawn'`.execute(db)
  // The staff's list by state and group, in the order applications came.
  await sql`create index recruitment_applications_state_idx on recruitment_applications (recruitment_id, state, group_id, submitted_at, id)`.execute(
    db,
  )
  await sql`create index recruitment_applications_pesel_idx on recruitment_applications (recruitment_id, pesel_fingerprint)
    where pesel_fingerprint is not null`.execute(db)
  // Drafts left too long, for the job that removes them.
  await sql`create index recruitment_applications_drafts_idx on recruitment_applications (updated_at) where state = 'draft'`.execute(
    db,
  )
}
