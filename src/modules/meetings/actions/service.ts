import { audit } from '../../../kernel/audit.ts'
import { addDays, today } from '../../../kernel/dates.ts'
import { ForbiddenError, NotFoundError } from '../../../kernel/errors.ts'
import type { JobQueue } from '../../../kernel/jobs.ts'
import type { Page } from '../../../kernel/pagination.ts'
import { type Actor, canUpdateAction, spaceCan } from '../../../kernel/policy.ts'
import { notifyEach } from '../../notifications/service.ts'
import { spaceRows } from '../../spaces/index.ts'
import { requireSpace } from '../../spaces/service.ts'
import type { Db, Pool } from '../db.ts'
import { actionReminderDays } from '../minutes/rules.ts'
import type { ActionStatus } from '../minutes/tables.ts'

export type ActionFilter = 'open' | 'closed'

/** A person's action items: the open ones by due date, or the closed ones newest first. */
export function listMyActions(db: Db, personId: string, filter: ActionFilter, page: Page) {
  let q = db
    .selectFrom('action_items as a')
    .innerJoin(spaceRows(db).as('s'), 's.id', 'a.space_id')
    .innerJoin('meetings as m', 'm.id', 'a.meeting_id')
    .select([
      'a.id',
      'a.title',
      'a.due_on',
      'a.status',
      'a.status_note',
      'a.space_id',
      's.name_pl as space_name_pl',
      's.name_en as space_name_en',
      'a.meeting_id',
      'm.kind as meeting_kind',
      'm.number as meeting_number',
      'm.year as meeting_year',
    ])
    .where('a.owner_id', '=', personId)
  q =
    filter === 'open'
      ? q.where('a.status', '=', 'open').orderBy('a.due_on').orderBy('a.id')
      : q.where('a.status', '<>', 'open').orderBy('a.updated_at', 'desc').orderBy('a.id')
  return q
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}
export type MyActionRow = Awaited<ReturnType<typeof listMyActions>>[number]

/**
 * The action item a person may report on: their own, or one of a space they service (the
 * policy’s canUpdateAction), checked before the form is validated; to someone who cannot read its space
 * an item of another's does not exist.
 */
export async function actionToUpdate(db: Db, actor: Actor, actionId: string) {
  const action = await db
    .selectFrom('action_items')
    .select(['id', 'owner_id', 'space_id'])
    .where('id', '=', actionId)
    .executeTakeFirst()
  if (!action) throw new NotFoundError()
  if (actor.id === action.owner_id) return action
  const { access } = await requireSpace(db, actor, action.space_id)
  if (!spaceCan(actor, 'space.read', access)) throw new NotFoundError()
  if (!canUpdateAction(actor, action, spaceCan(actor, 'space.convene', access))) throw new ForbiddenError()
  return action
}

export async function setActionStatus(
  db: Db,
  actor: Actor,
  action: { id: string },
  input: { status: ActionStatus; note: string },
) {
  const actionId = action.id
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('action_items')
      .set({
        status: input.status,
        status_note: input.note,
        done_at: input.status === 'done' ? new Date() : null,
        updated_at: new Date(),
      })
      .where('id', '=', actionId)
      .execute()
    await audit(trx, actor, {
      action: 'actions.status-set',
      subjectType: 'action_item',
      subjectId: actionId,
      details: { status: input.status },
    })
  })
}

/** Reminds each owner once of every open action item due within the next few days. */
export async function sendActionReminders(db: Pool, now = new Date()): Promise<number> {
  const day = today(now)
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .updateTable('action_items as a')
      .set({ reminded_at: now })
      .from(spaceRows(db).as('s'))
      .whereRef('s.id', '=', 'a.space_id')
      .where('a.status', '=', 'open')
      .where('a.reminded_at', 'is', null)
      .where('a.due_on', '>=', day)
      .where('a.due_on', '<=', addDays(day, actionReminderDays))
      .returning(['a.owner_id', 'a.title', 'a.due_on', 's.name_pl', 's.name_en'])
      .execute()
    await notifyEach(
      trx,
      due.map((d) => ({
        personId: d.owner_id,
        kind: 'actionDue' as const,
        params: { title: d.title, space_pl: d.name_pl, space_en: d.name_en, dueDay: d.due_on },
        link: '/actions',
      })),
    )
    return due.length
  })
}

export function actionQueues(db: Pool): JobQueue[] {
  // With the other morning reminders, before the 07:00 digest.
  return [
    {
      name: 'meetings.action-reminders',
      cron: '40 6 * * *',
      handler: () => sendActionReminders(db).then(() => {}),
    },
  ]
}
