// What an event's organiser does with its registrations: the list of who registered (every state,
// or only those awaiting a decision) and, where the event asks for it, the decision on each one
// awaiting approval, under the event's lock as every change of who holds a place.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import { newToken } from '../../kernel/tokens.ts'
import type { Db } from './db.ts'
import { type Context, lockedEvent, mail, placesTaken, stateMail } from './registrations.ts'
import { placeFor, reminderHours } from './rules.ts'
import type { RegistrationState } from './tables.ts'

/**
 * The organiser's decision on a registration awaiting approval: accepted, it gets a place while one
 * is left, else the waiting list; declined, it holds nothing. Either is mailed to the person with
 * their link and audited. Refused once the event has begun or when the registration no longer
 * awaits a decision (given up meanwhile, decided in another tab).
 */
export async function decide(
  db: Db,
  actor: Actor,
  eventId: string,
  registrationId: string,
  decision: 'approve' | 'decline',
  c: Context,
): Promise<RegistrationState> {
  return db.transaction().execute(async (trx) => {
    const e = await lockedEvent(trx, eventId)
    if (c.now >= e.starts_at) throw new RuleError('events.errors.started')
    const row = await trx
      .selectFrom('event_registrations')
      .select(['id', 'state', 'email', 'name', 'lang'])
      .where('id', '=', registrationId)
      .where('event_id', '=', e.id)
      .executeTakeFirst()
    if (!row) throw new NotFoundError()
    if (row.state !== 'pending') throw new RuleError('events.errors.notPending')
    const state: RegistrationState =
      decision === 'approve' ? placeFor(e.capacity, await placesTaken(trx, e.id)) : 'declined'
    const { token, hash } = newToken()
    // A place given inside the reminders' two days: the mail below is the reminder.
    const soon = e.starts_at.getTime() - c.now.getTime() <= reminderHours * 3_600_000
    await trx
      .updateTable('event_registrations')
      .set({
        state,
        decided_by: actor.id,
        decided_at: c.now,
        token_hash: hash,
        ...(soon && state === 'confirmed' ? { reminded_at: c.now } : {}),
      })
      .where('id', '=', row.id)
      .execute()
    await audit(trx, actor, {
      action: decision === 'approve' ? 'events.registration.approved' : 'events.registration.declined',
      subjectType: 'event',
      subjectId: e.id,
      details: { registration: row.id, state },
    })
    await mail(trx, c, row, stateMail(state), e, token)
    return state
  })
}

/** How many registrations await the organiser's decision. */
export async function pendingCount(db: Db, eventId: string) {
  const row = await db
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('state', '=', 'pending')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Who registered for an event, for its organiser: every state (or only those awaiting a decision),
 * the order they came, their needs; a page at a time.
 */
export function registrationsOf(
  db: Db,
  eventId: string,
  page: { offset: number; size: number },
  only: 'all' | 'pending' = 'all',
) {
  return (
    db
      .selectFrom('event_registrations')
      .select([
        'id',
        'name',
        'email',
        'state',
        'access_needs',
        'access_note',
        'diet',
        'created_at',
        'confirmed_at',
        'offer_expires_at',
        'organisation',
        'attended_at',
        'certificate_code',
      ])
      // The answers to the organiser's own questions, in the questions' order.
      .select(
        sql<
          { label: string; kind: string; answer: string }[]
        >`coalesce((select json_agg(json_build_object('label', q.label, 'kind', q.kind, 'answer', a.answer) order by q.position)
        from event_answers a join event_questions q on q.id = a.question_id
        where a.registration_id = event_registrations.id), '[]')`.as('answers'),
      )
      // The sessions with places of their own the person chose, in time order.
      .select(
        sql<
          string[]
        >`array(select s.title from event_session_choices c join event_sessions s on s.id = c.session_id
        where c.registration_id = event_registrations.id order by s.starts_at, s.id)`.as('sessions'),
      )
      .where('event_id', '=', eventId)
      .$if(only === 'pending', (q) => q.where('state', '=', 'pending'))
      .orderBy('created_at')
      .orderBy('id')
      .offset(page.offset)
      .limit(page.size + 1)
      .execute()
  )
}
export type RegistrationRow = Awaited<ReturnType<typeof registrationsOf>>[number]
