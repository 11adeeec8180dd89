// What is kept of applicants, and for how long: a draft never sent goes after a month without a
// change; once a recruitment's retention day has passed, its applications keep only what the
// statistics need (state, group, points, sex, year of birth, voivodeship), without a name, address,
// PESEL, email or answers, and the private links stop working.
import { sql } from 'kysely'
import { today } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import type { Db } from './db.ts'
import { draftDays } from './rules.ts'

/** Drafts not changed for `draftDays` days are deleted; returns how many. */
export async function removeStaleDrafts(handle: AnyDb, now: Date) {
  const db: Db = handle
  const gone = await db
    .deleteFrom('recruitment_applications')
    .where('state', '=', 'draft')
    .where('updated_at', '<', new Date(now.getTime() - draftDays * 86_400_000))
    .executeTakeFirst()
  return Number(gone.numDeletedRows)
}

/** Applications of recruitments whose retention day has passed, anonymised; returns how many. */
export async function anonymiseExpired(handle: AnyDb, now: Date) {
  const db: Db = handle
  const expired = db.selectFrom('recruitments').select('id').where('retention_until', '<', today(now))
  // The files attached go with the rest of the personal data (the stored files no longer named are
  // the storage's to clean).
  await db
    .deleteFrom('recruitment_application_files')
    .where(
      'application_id',
      'in',
      db.selectFrom('recruitment_applications').select('id').where('recruitment_id', 'in', expired),
    )
    .execute()
  const done = await db
    .updateTable('recruitment_applications')
    .set({
      email: '',
      given_name: '',
      family_name: '',
      answers: '{}',
      pesel_sealed: null,
      pesel_fingerprint: null,
      // The year of birth is enough for the statistics.
      birth_date: sql`case when birth_date is null then null else make_date(extract(year from birth_date)::int, 1, 1) end`,
      ineligible_reason: '',
      token_hash: sql`'anonymised:' || id`,
      anonymised_at: now,
    })
    .where('anonymised_at', 'is', null)
    .where('recruitment_id', 'in', expired)
    .executeTakeFirst()
  return Number(done.numUpdatedRows)
}
