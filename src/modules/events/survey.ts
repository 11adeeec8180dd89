// The evaluation survey after an event: once it has ended, its organiser sends the survey to those
// who came (job events.survey mails it in batches, each with a new private link); each answers once
// by that link within the survey's days. An answer is kept without who gave it: the registration
// keeps only that it answered. The organiser reads the results as a table and a chart.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { startOfWarsawDay, warsawDayAndTime } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import type { Lang } from '../../kernel/i18n.ts'
import { enqueue } from '../../kernel/jobs.ts'
import type { Actor } from '../../kernel/policy.ts'
import { hashToken, newToken } from '../../kernel/tokens.ts'
import type { Db } from './db.ts'
import { type Context, lockedEvent, mail } from './registrations.ts'
import { surveyCanBeSent, surveyOpenFor } from './rules.ts'
import type { SurveyForm } from './schemas.ts'
import { type SurveyScale, surveyScales } from './tables.ts'

export const surveyQueue = 'events.survey'
/** Mails a transaction: a failure retries only its batch (those mailed are marked). */
const batch = 200

/** The organiser sends the survey: once, after the event; the mails go out through the job queue. */
export async function sendSurvey(db: Db, actor: Actor, eventId: string, c: Context) {
  await db.transaction().execute(async (trx) => {
    const e = await lockedEvent(trx, eventId)
    const sent = await trx
      .selectFrom('events')
      .select('survey_sent_at')
      .where('id', '=', e.id)
      .executeTakeFirstOrThrow()
    if (e.ends_at > c.now) throw new RuleError('events.survey.notEnded')
    if (!surveyCanBeSent({ ends_at: e.ends_at, survey_sent_at: sent.survey_sent_at }, c.now))
      throw new RuleError('events.survey.alreadySent')
    await trx.updateTable('events').set({ survey_sent_at: c.now }).where('id', '=', e.id).execute()
    await audit(trx, actor, { action: 'events.survey.sent', subjectType: 'event', subjectId: e.id })
    await enqueue(trx, surveyQueue, { eventId: e.id })
  })
}

/**
 * The survey mailed to those who came and have not had it, a batch a transaction, each with a new
 * private link (the newest link is the one that works, as the mails say).
 */
export async function mailSurveys(handle: AnyDb, eventId: string, c: Context) {
  const db: Db = handle
  for (;;) {
    const mailed = await db.transaction().execute(async (trx) => {
      const e = await trx
        .selectFrom('events')
        .select(['id', 'title', 'kind', 'starts_at', 'ends_at', 'venue', 'online_url', 'updated_at'])
        .where('id', '=', eventId)
        .executeTakeFirst()
      if (!e) return 0
      const due = await trx
        .selectFrom('event_registrations')
        .select(['id', 'email', 'name', 'lang'])
        .where('event_id', '=', e.id)
        .where('attended_at', 'is not', null)
        .where('survey_sent_at', 'is', null)
        .orderBy('id')
        .limit(batch)
        // Waits for a row another change holds (a check-in, a certificate): none is skipped.
        .forUpdate()
        .execute()
      if (due.length === 0) return 0
      const links = due.map(() => newToken())
      await sql`update event_registrations r set survey_sent_at = ${c.now}, token_hash = l.hash
        from unnest(${due.map((r) => r.id)}::uuid[], ${links.map((l) => l.hash)}::text[]) as l(id, hash)
        where r.id = l.id`.execute(trx)
      for (const [i, r] of due.entries()) await mail(trx, c, r, 'eventSurvey', e, links[i].token)
      return due.length
    })
    if (mailed < batch) return
  }
}

/** Where a registration's survey stands, for its private link's page. */
export const surveyStateOf = (
  r: { attended_at: Date | null; survey_sent_at: Date | null; surveyed_at: Date | null },
  now: Date,
): 'open' | 'answered' | 'none' => (r.surveyed_at ? 'answered' : surveyOpenFor(r, now) ? 'open' : 'none')

/** An answer by the private link: once, by someone who came, within the survey's days; kept without them. */
export async function answerSurvey(db: Db, token: string, f: SurveyForm, lang: Lang, c: Context) {
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('event_registrations')
      .select(['id', 'event_id', 'attended_at', 'survey_sent_at', 'surveyed_at'])
      .where('token_hash', '=', hashToken(token))
      .forUpdate()
      .executeTakeFirst()
    if (!r) throw new NotFoundError()
    if (r.surveyed_at) throw new RuleError('events.survey.answered')
    if (!surveyOpenFor(r, c.now)) throw new RuleError('events.survey.closed')
    // Both kept to the day (Warsaw), so the moment of an answer does not tell whose it is.
    const day = startOfWarsawDay(warsawDayAndTime(c.now).day)
    await trx
      .insertInto('event_survey_responses')
      .values({ event_id: r.event_id, ...f, lang, created_at: day })
      .execute()
    await trx.updateTable('event_registrations').set({ surveyed_at: day }).where('id', '=', r.id).execute()
  })
}

/** The results: how many came, were sent the survey and answered; each scale's answers 1–5 and mean; yes to recommending. */
export async function surveyResults(db: Db, eventId: string) {
  const [people, answers] = await Promise.all([
    db
      .selectFrom('event_registrations')
      .select([
        sql<number>`count(*) filter (where attended_at is not null)::int`.as('came'),
        sql<number>`count(*) filter (where survey_sent_at is not null)::int`.as('sent'),
      ])
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('event_survey_responses')
      .select([
        sql<number>`count(*)::int`.as('answered'),
        sql<number>`count(*) filter (where recommend)::int`.as('recommend'),
        ...surveyScales.map((q) =>
          sql<number[]>`array[${sql.join(
            [1, 2, 3, 4, 5].map((v) => sql`count(*) filter (where ${sql.ref(q)} = ${v})::int`),
          )}]`.as(q),
        ),
      ])
      .where('event_id', '=', eventId)
      .executeTakeFirstOrThrow(),
  ])
  const scales = surveyScales.map((q) => {
    const counts = (answers as unknown as Record<SurveyScale, number[]>)[q]
    const total = counts.reduce((a, b) => a + b, 0)
    const mean = total ? counts.reduce((sum, n, i) => sum + n * (i + 1), 0) / total : 0
    return { question: q, counts, mean }
  })
  return { ...people, answered: answers.answered, recommend: answers.recommend, scales }
}
export type SurveyResults = Awaited<ReturnType<typeof surveyResults>>

/** The comments left, newest first, a page at a time. */
export function surveyComments(db: Db, eventId: string, page: { offset: number; size: number }) {
  return db
    .selectFrom('event_survey_responses')
    .select(['id', 'comment', 'lang', 'overall', 'created_at'])
    .where('event_id', '=', eventId)
    .where('comment', '<>', '')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .offset(page.offset)
    .limit(page.size + 1)
    .execute()
}
