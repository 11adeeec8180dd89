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

function warsawOffsetMs(at: Date): number {
  const parts = warsawParts.formatToParts(at)
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value)
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'))
  return asUtc - at.getTime()
}

/**
 * A calendar day ('YYYY-MM-DD', as date columns read) in words, in Polish time. Intl makes it from
 * a checked date, so it holds no typed text: views print it as it is (the `safe` prefix tells the
 * XSS scan so).
 */
export function safeDay(day: string, lang: Lang): string {
  return formatDate(new Date(`${day}T12:00:00Z`), lang)
}
