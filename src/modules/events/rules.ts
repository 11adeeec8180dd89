// The rules of registering for an event, as pure functions: when registration is open, who gets a
// place and who waits, how long a place freed up is held for the next person on the waiting list,
// and how far an organiser may lower the number of places.
import { randomBytes } from 'node:crypto'
import { addDays, type Day, startOfWarsawDay, warsawDayAndTime, warsawInstant } from '../../kernel/dates.ts'
import type { RegistrationState } from './tables.ts'

/** Registration before it opens, while open, and once closed (or the event has begun). */
export type Window = 'not_yet' | 'open' | 'closed'

export function registrationWindow(
  e: { registration_opens_at: Date; registration_closes_at: Date; starts_at: Date },
  now: Date,
): Window {
  if (now < e.registration_opens_at) return 'not_yet'
  if (now >= e.registration_closes_at || now >= e.starts_at) return 'closed'
  return 'open'
}

/** The states that hold a place: a confirmed one, and one offered from the waiting list until its time runs out. */
export const holdsPlace = (state: RegistrationState) => state === 'confirmed' || state === 'offered'

/** A person whose address is confirmed gets a place while one is left, else a place on the waiting list. */
export const placeFor = (capacity: number, taken: number): 'confirmed' | 'waiting' =>
  taken < capacity ? 'confirmed' : 'waiting'

/**
 * Where a person stands once their address is confirmed: waiting for the organiser's decision when
 * the event asks for approval, else a place or the waiting list.
 */
export const arrivalFor = (
  e: { approval: boolean; capacity: number },
  taken: number,
): 'pending' | 'confirmed' | 'waiting' => (e.approval ? 'pending' : placeFor(e.capacity, taken))

export const placesLeft = (capacity: number, taken: number) => Math.max(0, capacity - taken)

/** How long a place freed up is held for the next person on the waiting list. */
export const offerHours = 48

/**
 * Until when a place offered is held: two days, but never past two hours before the event begins
 * (nor before now: an offer made in the last two hours lasts until the start).
 */
export function offerExpiry(now: Date, startsAt: Date): Date {
  const twoDays = new Date(now.getTime() + offerHours * 3_600_000)
  const beforeStart = new Date(startsAt.getTime() - 2 * 3_600_000)
  if (beforeStart <= now) return startsAt
  return twoDays < beforeStart ? twoDays : beforeStart
}

/** An organiser may not lower the places below those taken: the refusal says both numbers. */
export const capacityTooLow = (capacity: number, taken: number) => capacity < taken

/**
 * The instants an event's form asks for as days and times on a Warsaw clock: the event from its day
 * and start to its end day and end; registration from the first moment of its opening day until
 * the end of its closing day, or the event's start if sooner.
 */
export function eventInstants(f: {
  day: Day
  startTime: string
  endDay: Day
  endTime: string
  opensOn: Day
  closesOn: Day
}) {
  const startsAt = warsawInstant(f.day, f.startTime)
  const endsAt = warsawInstant(f.endDay, f.endTime)
  const closesAtDayEnd = startOfWarsawDay(addDays(f.closesOn, 1))
  return {
    starts_at: startsAt,
    ends_at: endsAt,
    registration_opens_at: startOfWarsawDay(f.opensOn),
    registration_closes_at: closesAtDayEnd < startsAt ? closesAtDayEnd : startsAt,
  }
}

/** People are checked in from the first moment of the event's first day (Warsaw) on. */
export const checkInOpen = (e: { starts_at: Date }, now: Date) =>
  now >= startOfWarsawDay(warsawDayAndTime(e.starts_at).day)

/** Certificates of attendance are issued once the event has begun (to those checked in). */
export const certificatesOpen = (e: { starts_at: Date }, now: Date) => now >= e.starts_at

/**
 * A certificate's verification code: 12 characters of Crockford's base32 (no I, L, O nor U, so it
 * reads aloud and types without doubt), shown in three groups: "K7QM-4XPD-9TRW". 60 bits: not
 * guessed, even without the verification page's rate limit.
 */
const codeAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export function certificateCode(random: (n: number) => Uint8Array = randomBytes): string {
  const bytes = random(12)
  const chars = Array.from(bytes, (b) => codeAlphabet[b & 31])
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8, 12)].map((g) => g.join('')).join('-')
}

/**
 * A code as a person typed it, in the form it is stored: upper case, grouped; spaces, dashes and
 * the letters people mistake for digits (O for 0, I and L for 1) forgiven. Null if it cannot be one.
 */
export function normalisedCode(typed: string): string | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s\-–—]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1')
  if (plain.length !== 12 || [...plain].some((c) => !codeAlphabet.includes(c))) return null
  return `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}`
}

/** Reminders go to those holding a place this long before the event begins. */
export const reminderHours = 48

/** Two sessions overlap when each begins before the other ends (one ending as the next begins does not). */
export const overlap = (a: { starts_at: Date; ends_at: Date }, b: { starts_at: Date; ends_at: Date }) =>
  a.starts_at < b.ends_at && b.starts_at < a.ends_at

/** The first two of the sessions chosen that are held at the same time, if any: nobody attends both. */
export function clashOf<S extends { starts_at: Date; ends_at: Date }>(chosen: S[]): [S, S] | null {
  for (let i = 0; i < chosen.length; i++)
    for (let j = i + 1; j < chosen.length; j++)
      if (overlap(chosen[i], chosen[j])) return [chosen[i], chosen[j]]
  return null
}

/** A session is held within its event's time. */
export const withinEvent = (s: { starts_at: Date; ends_at: Date }, e: { starts_at: Date; ends_at: Date }) =>
  s.starts_at >= e.starts_at && s.ends_at <= e.ends_at

/** The evaluation survey is sent once the event has ended, and answered within this many days. */
export const surveyOpenDays = 30

export const surveyCanBeSent = (e: { ends_at: Date; survey_sent_at: Date | null }, now: Date) =>
  e.ends_at <= now && e.survey_sent_at === null

/** A person answers the survey once, if they came, within its days. */
export const surveyOpenFor = (
  r: { attended_at: Date | null; survey_sent_at: Date | null; surveyed_at: Date | null },
  now: Date,
) =>
  r.attended_at !== null &&
  r.survey_sent_at !== null &&
  r.surveyed_at === null &&
  now.getTime() < r.survey_sent_at.getTime() + surveyOpenDays * 86_400_000

/** The share of a count in a whole, in per cent rounded to a whole (0 of nothing). */
export const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0)
