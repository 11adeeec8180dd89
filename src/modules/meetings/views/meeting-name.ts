import { formatDateTime, warsawDayAndTime } from '../../../kernel/dates.ts'
import type { Lang, T } from '../../../kernel/i18n.ts'
import { toRoman } from '../rules.ts'
import type { MeetingKind } from '../tables.ts'

/** "III posiedzenie w 2026 r." / "Study visit III of 2026". */
export function meetingName(t: T, m: { kind: MeetingKind; number: number; year: number }): string {
  return t(`meetings.names.${m.kind}`, { number: toRoman(m.number), year: m.year })
}

/** When a meeting is, on a Warsaw clock: "12 mar 2031, 10:00–14:00". */
export function meetingWhen(m: { starts_at: Date; ends_at: Date }, lang: Lang): string {
  return `${formatDateTime(m.starts_at, lang)}–${warsawDayAndTime(m.ends_at).time}`
}
