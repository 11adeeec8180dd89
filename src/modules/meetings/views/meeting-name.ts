import type { T } from '../../../kernel/i18n.ts'
import { toRoman } from '../rules.ts'
import type { MeetingKind } from '../tables.ts'

/** "III posiedzenie w 2026 r." / "Study visit III of 2026". */
export function meetingName(t: T, m: { kind: MeetingKind; number: number; year: number }): string {
  return t(`meetings.names.${m.kind}`, { number: toRoman(m.number), year: m.year })
}
