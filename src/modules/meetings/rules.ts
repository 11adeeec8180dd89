// Rules of convening a meeting, as pure functions (rules.test.ts).

import { addDays, type Day } from '../../kernel/dates.ts'
import { type Holiday, holidayOn, isWeekend } from '../../kernel/holidays.ts'
import { sameHost, type VisitHost } from './visits/rules.ts'

const romans: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
]

/**
 * The most items an agenda holds: far above a real one (the bench's richest meeting has 8), and the
 * bound that lets the meeting, its minutes and their document read the whole agenda at once. The
 * item past it is refused beside its field (issue 10, item 3).
 */
export const maxAgendaItems = 50

/** Polish minutes number meetings in Roman numerals: "III posiedzenie". */
export function toRoman(n: number): string {
  let rest = n
  let out = ''
  for (const [value, letters] of romans) {
    while (rest >= value) {
      out += letters
      rest -= value
    }
  }
  return out
}

export interface MeetingTimes {
  startsAt: Date
  endsAt: Date
  confirmBy: Date
}

/** What is wrong with a meeting's times: a catalogue key and the field it belongs to, or null. */
export function meetingTimesProblem(m: MeetingTimes, now: Date): { key: string; field: string } | null {
  if (m.startsAt.getTime() <= now.getTime()) return { key: 'meetings.errors.inThePast', field: 'day' }
  if (m.endsAt.getTime() <= m.startsAt.getTime())
    return { key: 'meetings.errors.endBeforeStart', field: 'endTime' }
  if (m.confirmBy.getTime() > m.startsAt.getTime())
    return { key: 'meetings.errors.confirmAfterStart', field: 'confirmBy' }
  return null
}

/** A meeting happens somewhere: at an address, online, or both (hybrid). */
export function placeProblem(place: string, onlineUrl: string): { key: string; field: string } | null {
  return place || onlineUrl ? null : { key: 'meetings.errors.nowhere', field: 'place' }
}

/** Why nobody works on a day: a Polish public holiday (by name) or a weekend day. */
export type DayOff = { holiday: Holiday } | { weekend: 'saturday' | 'sunday' }

/** The day off a calendar day ('YYYY-MM-DD') is, or null for a working day (or no real day). */
export function dayOff(day: Day): DayOff | null {
  const noon = new Date(`${day}T12:00:00Z`)
  const isDay = /^\d{4}-\d{2}-\d{2}$/.test(day) && !Number.isNaN(noon.getTime())
  if (!isDay || !noon.toISOString().startsWith(day)) return null
  const holiday = holidayOn(day)
  if (holiday) return { holiday }
  if (!isWeekend(day)) return null
  return { weekend: noon.getUTCDay() === 0 ? 'sunday' : 'saturday' }
}

/**
 * Issue 11: a meeting was convened on 6 January without a word. A day off is not forbidden (a
 * conference may be on a Saturday), but the person must say it is meant; a change that keeps the
 * meeting's day does not ask again.
 */
export function dayOffProblem(
  day: Day,
  confirmed: boolean,
  keptDay?: Day,
): { key: string; field: string } | null {
  if (confirmed || day === keptDay || !dayOff(day)) return null
  return { key: 'meetings.errors.dayOff', field: 'dayOffConfirmed' }
}

/** Moves one item up or down a list of ids; at either end nothing changes. */
export function moved(ids: readonly string[], id: string, direction: 'up' | 'down'): string[] {
  const list = [...ids]
  const i = list.indexOf(id)
  const j = direction === 'up' ? i - 1 : i + 1
  if (i < 0 || j < 0 || j >= list.length) return list
  ;[list[i], list[j]] = [list[j], list[i]]
  return list
}

/** The last days for the notice and the materials, counted back from the meeting's day. */
export function noticeDeadlines(
  meetingDay: string,
  rules: { noticeDays: number; materialsDays: number },
): { noticeBy: string; materialsBy: string } {
  return {
    noticeBy: addDays(meetingDay, -rules.noticeDays),
    materialsBy: addDays(meetingDay, -rules.materialsDays),
  }
}

/** A deadline's state on a day: well ahead, due within `soonDays` (the secretary is warned), or missed. */
export function deadlineState(by: string, today: string, soonDays = 2): 'ahead' | 'soon' | 'missed' {
  if (today > by) return 'missed'
  return addDays(today, soonDays) >= by ? 'soon' : 'ahead'
}

export const meetingFacts = ['when', 'place', 'host', 'onlineUrl', 'subject', 'confirmBy', 'kind'] as const
export type MeetingFact = (typeof meetingFacts)[number]

interface Facts extends Partial<VisitHost> {
  kind: string
  subject: string
  starts_at: Date
  ends_at: Date
  place: string
  online_url: string
  confirm_by: Date
}

/** What a change of a meeting changes, in the order a notice lists it. */
export function changedFacts(before: Facts, after: Facts): MeetingFact[] {
  const same = {
    when:
      before.starts_at.getTime() === after.starts_at.getTime() &&
      before.ends_at.getTime() === after.ends_at.getTime(),
    place: before.place === after.place,
    host: sameHost(before, after),
    onlineUrl: before.online_url === after.online_url,
    subject: before.subject === after.subject,
    confirmBy: before.confirm_by.getTime() === after.confirm_by.getTime(),
    kind: before.kind === after.kind,
  }
  return meetingFacts.filter((f) => !same[f])
}

/** Members answer whether they come until the meeting's confirm_by; a cancelled meeting takes none. */
export function answersOpen(m: { status: string; confirm_by: Date }, now: Date): boolean {
  // confirm_by is 23:59 of the day: answers are taken to its last second.
  return m.status === 'planned' && now.getTime() < m.confirm_by.getTime() + 60_000
}

/** Presence is recorded from the meeting's day (Warsaw) on, for a meeting that takes place. */
export function presenceOpen(m: { status: string }, meetingDay: string, today: string): boolean {
  return m.status === 'planned' && today >= meetingDay
}

export interface QuorumSeat {
  /** The member was there, in person or online. */
  present: boolean
  /** The deputy the member sent was there: counts for the member. */
  deputyPresent: boolean
}

export interface Quorum {
  members: number
  present: number
  required: number
  reached: boolean
}

/**
 * A meeting has a quorum when at least `percent` % of the members with a vote are there, rounded
 * up (50 % of 7 is 4), a deputy counting for the member who sent them. A body without members has none.
 */
export function quorum(seats: readonly QuorumSeat[], percent: number): Quorum {
  const members = seats.length
  const present = seats.filter((s) => s.present || s.deputyPresent).length
  // Whole numbers: ceil(members × percent / 100) without a floating-point remainder.
  const required = Math.floor((members * percent + 99) / 100)
  return { members, present, required, reached: members > 0 && present >= required }
}
