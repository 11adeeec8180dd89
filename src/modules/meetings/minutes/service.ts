// Minutes of a meeting (issue 5, item 7; seed 000: "sporządzanie protokołów"): the secretary drafts
// them from the agenda and the presence records, with the decisions taken (and their vote) and the
// action items given out; the draft goes to the members for comments by a day, the secretary answers
// each comment, the chair approves, and the approved text is frozen as a numbered revision.
import { sql } from 'kysely'
import { audit } from '../../../kernel/audit.ts'
import { RuleError } from '../../../kernel/errors.ts'
import type { Actor } from '../../../kernel/policy.ts'
import type { Db } from '../db.ts'
import type { Meeting } from '../service.ts'
import { check, type Minutes, refuseLocked } from './editing.ts'
import * as q from './queries.ts'
import { startProblem } from './rules.ts'

export * from './content.ts'
export type { Minutes } from './editing.ts'
export * from './record.ts'
export * from './workflow.ts'

/** The field of an agenda item's summary in the minutes form. */
export const summaryField = (agendaItemId: string) => `summary-${agendaItemId}`

export async function findMinutes(db: Db, meeting: Meeting): Promise<Minutes | undefined> {
  return q.findMinutes(db, meeting.id)
}

/** Opens the minutes of a meeting that has begun; a second start finds the first. */
export async function startMinutes(db: Db, actor: Actor, meeting: Meeting, now = new Date()): Promise<void> {
  check(startProblem(meeting, now))
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('minutes')
      .values({ meeting_id: meeting.id, created_by: actor.id, updated_by: actor.id, updated_at: new Date() })
      .onConflict((oc) => oc.column('meeting_id').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!row) return
    await audit(trx, actor, { action: 'minutes.started', subjectType: 'meeting', subjectId: meeting.id })
  })
}

/** Everything the minutes page and the document are made of, in parallel. */

export interface MinutesTexts {
  opening: string
  closing: string
  summaries: Record<string, string>
}

const maxText = 50_000

/**
 * Saves the texts, if the page they were written on showed the current version; otherwise nothing
 * is saved and what is there now comes back, to be shown beside what the person typed.
 */
export async function saveTexts(
  db: Db,
  actor: Actor,
  meeting: Meeting,
  minutes: Minutes,
  input: MinutesTexts & { version: number },
): Promise<{ saved: true } | { saved: false; theirs: MinutesTexts; version: number; by: string | null }> {
  for (const [id, text] of Object.entries(input.summaries))
    if (text.length > maxText) throw new RuleError('errors.tooLong', summaryField(id))
  for (const field of ['opening', 'closing'] as const)
    if (input[field].length > maxText) throw new RuleError('errors.tooLong', field)
  const items = new Set(meeting.agenda.map((a) => a.id))
  const rows = Object.entries(input.summaries)
    .filter(([id]) => items.has(id))
    .map(([agenda_item_id, summary]) => ({ minutes_id: minutes.id, agenda_item_id, summary }))
  return db.transaction().execute(async (trx) => {
    const now = await q.lockMinutes(trx, minutes.id)
    refuseLocked({ ...minutes, status: now.status })
    if (now.version !== input.version) {
      const entries = await q.listEntries(trx, minutes.id)
      const by = await q.findMinutes(trx, meeting.id)
      return {
        saved: false as const,
        theirs: {
          opening: now.opening,
          closing: now.closing,
          summaries: Object.fromEntries(entries.map((e) => [e.agenda_item_id, e.summary])),
        },
        version: now.version,
        by: by?.updated_by_name ?? null,
      }
    }
    await trx
      .updateTable('minutes')
      .set({
        opening: input.opening,
        closing: input.closing,
        version: now.version + 1,
        updated_by: actor.id,
        updated_at: new Date(),
      })
      .where('id', '=', minutes.id)
      .execute()
    if (rows.length > 0)
      await trx
        .insertInto('minutes_entries')
        .values(rows)
        .onConflict((oc) =>
          oc.columns(['minutes_id', 'agenda_item_id']).doUpdateSet({ summary: sql`excluded.summary` }),
        )
        .execute()
    await audit(trx, actor, {
      action: 'minutes.saved',
      subjectType: 'minutes',
      subjectId: minutes.id,
      details: { version: now.version + 1 },
    })
    return { saved: true as const }
  })
}

export const approvedRevision = (db: Db, minutes: Minutes, revision: number) =>
  q.findRevision(db, minutes.id, revision)
