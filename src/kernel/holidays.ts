// Polish public holidays (days free from work, Ustawa o dniach wolnych od pracy, 1951, as amended:
// Epiphany from 2011, Christmas Eve from 2025) and working days: meetings fall on working days.
import type { Day } from './dates.ts'
import { addDays } from './dates.ts'

export type Holiday =
  | 'newYear'
  | 'epiphany'
  | 'easter'
  | 'easterMonday'
  | 'labourDay'
  | 'constitutionDay'
  | 'pentecost'
  | 'corpusChristi'
  | 'assumption'
  | 'allSaints'
  | 'independenceDay'
  | 'christmasEve'
  | 'christmas'
  | 'boxingDay'

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): Day {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

const byYear = new Map<number, Map<Day, Holiday>>()

/** The public holidays of a year, by day. */
export function polishHolidays(year: number): Map<Day, Holiday> {
  let found = byYear.get(year)
  if (found) return found
  const on = (md: string) => `${year}-${md}`
  const easter = easterSunday(year)
  const entries: [Day, Holiday][] = [
    [on('01-01'), 'newYear'],
    ...(year >= 2011 ? [[on('01-06'), 'epiphany'] as [Day, Holiday]] : []),
    [easter, 'easter'],
    [addDays(easter, 1), 'easterMonday'],
    [on('05-01'), 'labourDay'],
    [on('05-03'), 'constitutionDay'],
    [addDays(easter, 49), 'pentecost'],
    [addDays(easter, 60), 'corpusChristi'],
    [on('08-15'), 'assumption'],
    [on('11-01'), 'allSaints'],
    [on('11-11'), 'independenceDay'],
    ...(year >= 2025 ? [[on('12-24'), 'christmasEve'] as [Day, Holiday]] : []),
    [on('12-25'), 'christmas'],
    [on('12-26'), 'boxingDay'],
  ]
  found = new Map(entries)
  byYear.set(year, found)
  return found
}

/** The holiday falling on a day, if any. */
export const holidayOn = (day: Day): Holiday | undefined => polishHolidays(Number(day.slice(0, 4))).get(day)

/** Saturday and Sunday. */
export function isWeekend(day: Day): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay()
  return weekday === 0 || weekday === 6
}

/** Monday to Friday and not a public holiday. */
export const isWorkingDay = (day: Day): boolean => !isWeekend(day) && holidayOn(day) === undefined

/** The day itself if it is a working day, else the next one that is. */
export function workingDayFrom(day: Day): Day {
  let d = day
  while (!isWorkingDay(d)) d = addDays(d, 1)
  return d
}
