import { formatDateTime } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import type { Lang } from '../../kernel/i18n.ts'
import { publishedCalendar } from '../../kernel/ics.ts'
import type { MailMessage } from '../../kernel/mail.ts'
import { renderMail, sendMail } from '../../kernel/mail.ts'
import type { Actor } from '../../kernel/policy.ts'
import { hashToken, newToken } from '../../kernel/tokens.ts'
import type { Db } from './db.ts'
import { calendarEntry, calendarProduct } from './feeds.ts'
import { type Answer, answerField } from './questions.ts'
import { arrivalFor, holdsPlace, offerExpiry, registrationWindow, reminderHours } from './rules.ts'
import type { RegistrationForm } from './schemas.ts'
import type { RegistrationState } from './tables.ts'

/** Where links in mails lead, and the clock (a test sets both). */
export interface Context {
  baseUrl: string
  now: Date
}

const langOf = (lang: string): Lang => (lang === 'en' ? 'en' : 'pl')
/** The private link of a registration, as its mails carry it. */
export const registrationLink = (c: Context, token: string) => `${c.baseUrl}/events/registrations/${token}`

/** The event's row, locked for the rest of the transaction: the one lock every change of its places takes. */
export async function lockedEvent(trx: Db, eventId: string) {
  const event = await trx
    .selectFrom('events')
    .select([
      'id',
      'title',
      'kind',
      'capacity',
      'approval',
      'starts_at',
      'ends_at',
      'venue',
      'online_url',
      'registration_opens_at',
      'registration_closes_at',
      'updated_at',
    ])
    .where('id', '=', eventId)
    .forUpdate()
    .executeTakeFirst()
  if (!event) throw new NotFoundError()
  return event
}
type LockedEvent = Awaited<ReturnType<typeof lockedEvent>>
/** What a mail says of an event. */
type MailedEvent = Pick<
  LockedEvent,
  'id' | 'title' | 'starts_at' | 'ends_at' | 'venue' | 'online_url' | 'kind' | 'updated_at'
>

export async function placesTaken(trx: Db, eventId: string) {
  const row = await trx
    .selectFrom('event_registrations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('event_id', '=', eventId)
    .where('state', 'in', ['confirmed', 'offered'])
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The event as a calendar program shows it, attached to the mail that gives a place. */
export function eventCalendar(
  e: Parameters<typeof calendarEntry>[0],
  c: Pick<Context, 'baseUrl'>,
): NonNullable<MailMessage['calendar']> {
  return {
    method: 'PUBLISH',
    content: publishedCalendar([calendarEntry(e, c.baseUrl)], {
      productId: calendarProduct,
      calName: e.title,
    }),
    filename: 'event.ics',
  }
}

type Template =
  | 'eventConfirmAddress'
  | 'eventPlace'
  | 'eventWaiting'
  | 'eventOffered'
  | 'eventOfferExpired'
  | 'eventCancelled'
  | 'eventReminder'
  | 'eventPending'
  | 'eventDeclined'
  | 'eventSurvey'

/** A mail about a registration, in the person's language, with its private link (or the event's page). */
export async function mail(
  trx: Db,
  c: Context,
  to: { email: string; name: string; lang: string },
  template: Template,
  e: MailedEvent,
  token: string | null,
  extra: Record<string, string> = {},
) {
  const lang = langOf(to.lang)
  const message = renderMail(
    lang,
    template,
    { name: to.name, event: e.title, when: formatDateTime(e.starts_at, lang), ...extra },
    token ? registrationLink(c, token) : `${c.baseUrl}/events/${e.id}`,
  )
  await sendMail(trx, {
    to: to.email,
    ...message,
    ...(template === 'eventPlace' ? { calendar: eventCalendar(e, c) } : {}),
  })
}

/**
 * What a registration came to: a mail to confirm the address, the organiser's decision awaited, a
 * place, the waiting list, or one held already.
 */
export type Registered = 'check_mail' | 'pending' | 'confirmed' | 'waiting' | 'already'

/**
 * A registration. Someone signed in registers under their account's address and gets a place (or
 * the waiting list) at once; anyone else gets a link to confirm their address. An address already
 * registered gets the same answer as a new one (the address's owner gets a new link by mail), so
 * the form tells nobody who has registered.
 */
export async function register(
  db: Db,
  eventId: string,
  f: RegistrationForm,
  answers: Answer[],
  actor: Actor | null,
  lang: Lang,
  c: Context,
): Promise<Registered> {
  return db.transaction().execute(async (trx) => {
    const e = await lockedEvent(trx, eventId)
    const window = registrationWindow(e, c.now)
    if (window !== 'open')
      throw new RuleError(window === 'not_yet' ? 'events.errors.notYetOpen' : 'events.errors.closed')
    // The questions as they stand under the event's lock (one removed or added since the form was
    // read): answers to those gone are dropped, a required one added since is asked for.
    const asked = await trx
      .selectFrom('event_questions')
      .select(['id', 'required'])
      .where('event_id', '=', e.id)
      .execute()
    const kept = answers.filter((a) => asked.some((q) => q.id === a.questionId))
    const unanswered = asked.find((q) => q.required && !kept.some((a) => a.questionId === q.id))
    if (unanswered) throw new RuleError('errors.required', answerField(unanswered))
    const email = actor ? actor.email : f.email
    const person = { email, name: f.name, lang }
    const { token, hash } = newToken()
    const existing = await trx
      .selectFrom('event_registrations')
      .select(['id', 'state', 'name', 'lang', 'offer_expires_at', 'person_id'])
      .where('event_id', '=', e.id)
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
      .where('state', 'not in', ['cancelled', 'expired'])
      .executeTakeFirst()
    if (existing && actor && existing.person_id === null) {
      // Registered before under this address without an account: now the account's own (shown on
      // the event's page, given up there), and confirmed by the account's address.
      const state =
        existing.state === 'unconfirmed' ? arrivalFor(e, await placesTaken(trx, e.id)) : existing.state
      await trx
        .updateTable('event_registrations')
        .set({
          person_id: actor.id,
          state,
          // The mail below carries the new link.
          token_hash: hash,
          ...(existing.state === 'unconfirmed' ? { confirmed_at: c.now } : {}),
        })
        .where('id', '=', existing.id)
        .execute()
      if (existing.state !== 'unconfirmed') return 'already'
      await mail(trx, c, person, stateMail(state), e, token)
      return state as 'pending' | 'confirmed' | 'waiting'
    }
    if (existing) {
      if (actor) return 'already'
      // The link in every earlier mail stops working: the newest one holds.
      await trx
        .updateTable('event_registrations')
        .set({ token_hash: hash })
        .where('id', '=', existing.id)
        .execute()
      // The mail says where the registration stands, with the new link.
      const to = { ...person, name: existing.name, lang: existing.lang }
      if (existing.state === 'offered' && existing.offer_expires_at)
        await mail(trx, c, to, 'eventOffered', e, token, {
          until: formatDateTime(existing.offer_expires_at, langOf(existing.lang)),
        })
      else await mail(trx, c, to, stateMail(existing.state), e, token)
      return 'check_mail'
    }
    const state: RegistrationState = actor ? arrivalFor(e, await placesTaken(trx, e.id)) : 'unconfirmed'
    const created = await trx
      .insertInto('event_registrations')
      .values({
        event_id: e.id,
        person_id: actor?.id ?? null,
        name: f.name,
        email,
        state,
        access_needs: f.accessNeeds,
        access_note: f.accessNote,
        diet: f.diet,
        organisation: f.organisation,
        token_hash: hash,
        lang,
        confirmed_at: actor ? c.now : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (kept.length)
      await trx
        .insertInto('event_answers')
        .values(
          kept.map((a) => ({ registration_id: created.id, question_id: a.questionId, answer: a.answer })),
        )
        .execute()
    await mail(trx, c, person, stateMail(state), e, token)
    return state === 'unconfirmed' ? 'check_mail' : (state as 'pending' | 'confirmed' | 'waiting')
  })
}

const stateMails: Partial<Record<RegistrationState, Template>> = {
  unconfirmed: 'eventConfirmAddress',
  pending: 'eventPending',
  confirmed: 'eventPlace',
  declined: 'eventDeclined',
}
/** The mail that tells a registration's new state. */
export const stateMail = (state: RegistrationState): Template => stateMails[state] ?? 'eventWaiting'

/** A registration as its private link shows it. */
export async function registrationByToken(db: Db, token: string) {
  const row = await db
    .selectFrom('event_registrations as r')
    .innerJoin('events as e', 'e.id', 'r.event_id')
    .select([
      'r.id',
      'r.event_id',
      'r.name',
      'r.state',
      'r.offer_expires_at',
      'r.attended_at',
      'r.certificate_code',
      'r.survey_sent_at',
      'r.surveyed_at',
      'e.title',
      'e.lang',
      'e.starts_at',
      'e.ends_at',
    ])
    .where('r.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row) throw new NotFoundError()
  return row
}
export type RegistrationByToken = Awaited<ReturnType<typeof registrationByToken>>

/** A signed-in person's own registration for an event, if they hold one. */
export function registrationOf(db: Db, eventId: string, personId: string) {
  return db
    .selectFrom('event_registrations')
    .select(['id', 'state', 'offer_expires_at', 'attended_at', 'certificate_code'])
    .where('event_id', '=', eventId)
    .where('person_id', '=', personId)
    .where('state', 'not in', ['cancelled', 'expired'])
    .executeTakeFirst()
}

/**
 * The address confirmed by the link (a place, or the waiting list), or a place offered from the
 * waiting list taken while it is held. Anything else leaves the registration as it is.
 */
export async function confirm(db: Db, token: string, c: Context): Promise<RegistrationState> {
  return db.transaction().execute(async (trx) => {
    const r = await registrationByToken(trx, token)
    return confirmed(trx, r, token, c)
  })
}

/** A signed-in person takes the place offered to them, from the event's page. */
export async function confirmOwn(db: Db, registrationId: string, c: Context): Promise<RegistrationState> {
  return db.transaction().execute(async (trx) => {
    const r = await trx
      .selectFrom('event_registrations')
      .select(['id', 'event_id'])
      .where('id', '=', registrationId)
      .executeTakeFirstOrThrow()
    return confirmed(trx, r, null, c)
  })
}

/** Confirming, once the registration is found: `token` is the link its mails carry (none: the event's page). */
async function confirmed(
  trx: Db,
  r: { id: string; event_id: string },
  token: string | null,
  c: Context,
): Promise<RegistrationState> {
  {
    const e = await lockedEvent(trx, r.event_id)
    const row = await trx
      .selectFrom('event_registrations')
      .select(['id', 'state', 'email', 'name', 'lang', 'offer_expires_at'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow()
    if (c.now >= e.starts_at) throw new RuleError('events.errors.started')
    if (row.state === 'unconfirmed') {
      // An address confirmed once registration has closed gets no place.
      if (registrationWindow(e, c.now) === 'closed') throw new RuleError('events.errors.closed')
      const state = arrivalFor(e, await placesTaken(trx, e.id))
      await trx
        .updateTable('event_registrations')
        .set({ state, confirmed_at: c.now })
        .where('id', '=', row.id)
        .execute()
      await mail(trx, c, row, stateMail(state), e, token)
      return state
    }
    if (row.state === 'offered') {
      if (row.offer_expires_at && row.offer_expires_at <= c.now)
        throw new RuleError('events.errors.offerExpired')
      // Taken inside the reminders' two days, the mail below is the reminder.
      const soon = e.starts_at.getTime() - c.now.getTime() <= reminderHours * 3_600_000
      await trx
        .updateTable('event_registrations')
        .set({ state: 'confirmed', offer_expires_at: null, ...(soon ? { reminded_at: c.now } : {}) })
        .where('id', '=', row.id)
        .execute()
      await mail(trx, c, row, 'eventPlace', e, token)
      return 'confirmed'
    }
    return row.state
  }
}

/**
 * A registration given up (by its link, or by its signed-in owner); a place it held goes to the
 * waiting list. False once the event has begun: nothing is given up then.
 */
export async function cancel(
  db: Db,
  which: { token: string } | { eventId: string; personId: string },
  c: Context,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const found =
      'token' in which
        ? await registrationByToken(trx, which.token)
        : await trx
            .selectFrom('event_registrations')
            .select(['id', 'event_id'])
            .where('event_id', '=', which.eventId)
            .where('person_id', '=', which.personId)
            .where('state', 'not in', ['cancelled', 'expired'])
            .executeTakeFirst()
    if (!found) throw new NotFoundError()
    const e = await lockedEvent(trx, found.event_id)
    // Once the event has begun a place is not given up (those there are being checked in).
    if (c.now >= e.starts_at) return false
    const row = await trx
      .selectFrom('event_registrations')
      .select(['id', 'state', 'email', 'name', 'lang'])
      .where('id', '=', found.id)
      .executeTakeFirstOrThrow()
    // Given up already, or declined by the organiser (final: nothing to give up).
    if (row.state === 'cancelled' || row.state === 'expired' || row.state === 'declined') return true
    await trx
      .updateTable('event_registrations')
      .set({ state: 'cancelled', cancelled_at: c.now, offer_expires_at: null })
      .where('id', '=', row.id)
      .execute()
    await mail(trx, c, row, 'eventCancelled', e, null)
    if (holdsPlace(row.state)) await offerPlaces(trx, e, c)
    return true
  })
}

/**
 * The places free (none held by a confirmed person or an offer) offered to the first people on the
 * waiting list, in the order they confirmed their addresses; each gets a new link by mail. Not once
 * the event has begun. The caller holds the event's lock.
 */
async function offerPlaces(trx: Db, e: LockedEvent, c: Context) {
  if (c.now >= e.starts_at) return
  const free = e.capacity - (await placesTaken(trx, e.id))
  if (free <= 0) return
  const next = await trx
    .selectFrom('event_registrations')
    .select(['id', 'email', 'name', 'lang'])
    .where('event_id', '=', e.id)
    .where('state', '=', 'waiting')
    .orderBy('confirmed_at')
    .orderBy('id')
    .limit(free)
    .execute()
  const until = offerExpiry(c.now, e.starts_at)
  for (const person of next) {
    const { token, hash } = newToken()
    await trx
      .updateTable('event_registrations')
      .set({ state: 'offered', offer_expires_at: until, token_hash: hash })
      .where('id', '=', person.id)
      .execute()
    await mail(trx, c, person, 'eventOffered', e, token, {
      until: formatDateTime(until, langOf(person.lang)),
    })
  }
}

/** After an organiser adds places: the new ones go to the waiting list (service.ts updateEvent holds the lock). */
export async function offerFreedPlaces(trx: Db, eventId: string, c: Context) {
  await offerPlaces(trx, await lockedEvent(trx, eventId), c)
}

/**
 * Offers not taken in time expire (the person is told), and their places go to the next people
 * waiting. Run by a job every few minutes; each event in a transaction of its own.
 */
export async function expireOffers(handle: AnyDb, c: Context) {
  const db: Db = handle
  const due = await db
    .selectFrom('event_registrations')
    .select('event_id')
    .distinct()
    .where('state', '=', 'offered')
    .where('offer_expires_at', '<=', c.now)
    .execute()
  for (const { event_id } of due) {
    await db.transaction().execute(async (trx) => {
      const e = await lockedEvent(trx, event_id)
      const expired = await trx
        .updateTable('event_registrations')
        .set({ state: 'expired', offer_expires_at: null })
        .where('event_id', '=', e.id)
        .where('state', '=', 'offered')
        .where('offer_expires_at', '<=', c.now)
        .returning(['email', 'name', 'lang'])
        .execute()
      for (const person of expired) await mail(trx, c, person, 'eventOfferExpired', e, null)
      await offerPlaces(trx, e, c)
    })
  }
}
