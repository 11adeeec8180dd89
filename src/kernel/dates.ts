import type { Lang } from './i18n.ts'

// Stored in UTC, always shown in Polish time (DESIGN.md).
export const zone = 'Europe/Warsaw'

const locales: Record<Lang, string> = { pl: 'pl-PL', en: 'en-GB' }
const dateTime = new Map<Lang, Intl.DateTimeFormat>()
const dateOnly = new Map<Lang, Intl.DateTimeFormat>()

export function formatDateTime(d: Date, lang: Lang): string {
  let f = dateTime.get(lang)
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' })
    dateTime.set(lang, f)
  }
  return f.format(d)
}

export function formatDate(d: Date, lang: Lang): string {
  let f = dateOnly.get(lang)
  if (!f) {
    f = new Intl.DateTimeFormat(locales[lang], { timeZone: zone, dateStyle: 'long' })
    dateOnly.set(lang, f)
  }
  return f.format(d)
}

/** "2026-05-10" read as a day in Warsaw: the instant its midnight begins. */
export function startOfWarsawDay(isoDate: string): Date {
  const [y, m, d] = isoDate.split('-').map(Number)
  const guess = new Date(Date.UTC(y, m - 1, d))
  return new Date(guess.getTime() - warsawOffsetMs(guess))
}

/** A day and a time ('2026-05-10', '10:30') on a Warsaw clock, as the instant it is (kept in UTC). */
export function warsawInstant(day: string, time: string): Date {
  const [h, m] = time.split(':').map(Number)
  const [y, mo, d] = day.split('-').map(Number)
  const guess = new Date(Date.UTC(y, mo - 1, d, h, m))
  // The offset at the guess is right except within an hour of a clock change; a second pass settles it.
  const first = new Date(guess.getTime() - warsawOffsetMs(guess))
  return new Date(guess.getTime() - warsawOffsetMs(first))
}

/** The Warsaw day and time of an instant, as a form shows them ('2026-05-10', '10:30'). */
export function warsawDayAndTime(at: Date): { day: string; time: string } {
  const shifted = new Date(at.getTime() + warsawOffsetMs(at))
  const iso = shifted.toISOString()
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) }
}

// Made once: building an Intl.DateTimeFormat costs about 13× formatting with one (BENCHMARKS.md,
// the meetings calendar calls this a few hundred times a page).
const warsawParts = new Intl.DateTimeFormat('en-US', {
  timeZone: zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
})

// Warsaw's offset changes only on a whole UTC hour (01:00 UTC on the clock-change Sundays), so it
// is worked out once per hour an instant falls in and kept: formatToParts cost 17–23 % of the month
// view (issue 16). The map is emptied when it grows past a few years of hours.
const offsets = new Map<number, number>()
const hourMs = 3_600_000

function warsawOffsetMs(at: Date): number {
  const hour = Math.floor(at.getTime() / hourMs)
  let offset = offsets.get(hour)
  if (offset === undefined) {
    const start = new Date(hour * hourMs)
    const parts = warsawParts.formatToParts(start)
    const get = (t: string) => Number(parts.find((p) => p.type === t)?.value)
    const asUtc = Date.UTC(
      get('year'),
      get('month') - 1,
      get('day'),
      get('hour'),
      get('minute'),
      get('second'),
    )
    offset = asUtc - start.getTime()
    if (offsets.size > 50_000) offsets.clear()
    offsets.set(hour, offset)
  }
  return offset
}

/**
 * A calendar day ('YYYY-MM-DD', as date columns read) in words, in Polish time. Intl makes it from
 * a checked date, so it holds no typed text: views print it as it is (the `safe` prefix tells the
 * XSS scan so).
 */
export function safeDay(day: string, lang: Lang): string {
  return formatDate(new Date(`${day}T12:00:00Z`), lang)
}

/** A calendar day, 'YYYY-MM-DD', as PostgreSQL date columns read (DESIGN.md). */
export type Day = string

const warsawDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: zone,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** Today's date in Warsaw: days of access and of effect are Polish days. */
export function today(now = new Date()): Day {
  return warsawDay.format(now)
}

export function addDays(day: Day, days: number): Day {
  const d = new Date(`${day}T12:00:00Z`)
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** 'YYYY-MM' of a day, and the month before or after one. */
export const monthOf = (day: Day) => day.slice(0, 7)
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y, m - 1 + n, 1))
  return d.toISOString().slice(0, 7)
}

/** A month as weeks from Monday to Sunday; days outside the month are null. */
export function monthGrid(month: string): (Day | null)[][] {
  const [y, m] = month.split('-').map(Number)
  const first = new Date(Date.UTC(y, m - 1, 1))
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  const lead = (first.getUTCDay() + 6) % 7
  const cells: (Day | null)[] = Array.from({ length: lead }, () => null)
  for (let d = 1; d <= days; d++) cells.push(`${month}-${String(d).padStart(2, '0')}`)
  while (cells.length % 7) cells.push(null)
  const weeks: (Day | null)[][] = []
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7))
  return weeks
}
