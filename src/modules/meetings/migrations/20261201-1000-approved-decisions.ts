import { type Kysely, sql } from 'kysely'

// The register shows what the chair approved (issue 10, item 1). A correction of approved minutes
// edits `title`, `body` and the votes of a decision as a draft; until the chair approves it, the
// register, its search, its exports and the forwarded decisions keep the last approved text. That
// text is copied into the approved_* columns when a revision is approved (minutes.ts,
// approveMinutes), so the register still reads one row per decision, picked and joined as before
// (BENCHMARKS.md), and no page parses frozen documents.
export async function up(db: Kysely<unknown>) {
  await sql`alter table decisions
    add column approved_title text,
    add column approved_body text,
    add column approved_votes_for integer,
    add column approved_votes_against integer,
    add column approved_votes_abstaining integer`.execute(db)

  // Approved minutes cannot change: their decisions' texts are the approved ones.
  await sql`update decisions d set
      approved_title = d.title,
      approved_body = d.body,
      approved_votes_for = d.votes_for,
      approved_votes_against = d.votes_against,
      approved_votes_abstaining = d.votes_abstaining
    from minutes mi
    where mi.meeting_id = d.meeting_id and mi.status = 'approved'`.execute(db)

  // Minutes under a correction: each decision's text in the last revision that holds it (a decision
  // an approved revision holds is never withdrawn; one added in the correction has none yet).
  await sql`update decisions d set
      approved_title = x.title,
      approved_body = x.body,
      approved_votes_for = x.votes_for,
      approved_votes_against = x.votes_against,
      approved_votes_abstaining = x.votes_abstaining
    from (
      select distinct on (mi.meeting_id, e.value ->> 'number')
        mi.meeting_id,
        e.value ->> 'number' as number,
        e.value ->> 'title' as title,
        e.value ->> 'body' as body,
        (e.value -> 'votes' ->> 'for')::integer as votes_for,
        (e.value -> 'votes' ->> 'against')::integer as votes_against,
        (e.value -> 'votes' ->> 'abstaining')::integer as votes_abstaining
      from minutes mi
      join minutes_revisions r on r.minutes_id = mi.id
      cross join lateral jsonb_array_elements(r.document -> 'items') as i
      cross join lateral jsonb_array_elements(i.value -> 'decisions') as e
      where mi.status <> 'approved'
      order by mi.meeting_id, e.value ->> 'number', r.revision desc
    ) x
    where x.meeting_id = d.meeting_id and x.number = d.number || '/' || d.year`.execute(db)

  // The search reads the words of the text the register shows: the approved one, or (minutes out
  // for comments before their first approval) the one under comments. A stored generated column
  // keeps them true on every write of either text, so the GIN index cannot go stale.
  await sql`alter table decisions drop column search`.execute(db)
  await sql`alter table decisions add column search tsvector generated always as (
    to_tsvector('simple', siatka_fold(coalesce(approved_title, title) || ' ' || coalesce(approved_body, body)))
  ) stored`.execute(db)
  await sql`create index decisions_search_idx on decisions using gin (search)`.execute(db)
}
