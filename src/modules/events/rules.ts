// The rules of registering for an event, as pure functions: when registration is open, who gets a
// place and who waits, how long a place freed up is held for the next person on the waiting list,
// and how far an organiser may lower the number of places.
import { addDays, type Day, startOfWarsawDay, warsawInstant } from '../../kernel/dates.ts'
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
