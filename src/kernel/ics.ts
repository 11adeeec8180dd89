// iCalendar (RFC 5545) text as calendar programs read it: written by the `ics` package, then folded
// by octets; a published calendar (a feed to subscribe to) with no events is still a calendar.
import { createEvents, type EventAttributes } from 'ics'

/**
 * RFC 5545 §3.1: a content line is at most 75 octets, not characters, and a longer one goes on in
 * lines that begin with one space (which counts). `ics` folds at 75 characters with a tab, so a
 * line with Polish letters reached 92 octets: its output is unfolded here and folded again by
 * octets, never inside a UTF-8 character.
 */
export function foldIcs(ics: string): string {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .map(foldLine)
    .join('\r\n')
}

function foldLine(line: string): string {
  if (line.length <= 75 && Buffer.byteLength(line) <= 75) return line
  const parts: string[] = []
  let part = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char)
    if (octets + size > 75) {
      parts.push(part)
      part = ' '
      octets = 1
    }
    part += char
    octets += size
  }
  parts.push(part)
  return parts.join('\r\n')
}

/** A calendar to subscribe to (METHOD:PUBLISH, as `ics` writes it: published, not an invitation), folded. */
export function publishedCalendar(
  events: EventAttributes[],
  o: { productId: string; calName: string },
): string {
  if (events.length === 0) {
    // ics writes no calendar for no events; an empty feed is still a valid calendar.
    return foldIcs(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'CALSCALE:GREGORIAN',
        `PRODID:${o.productId}`,
        'METHOD:PUBLISH',
        `X-WR-CALNAME:${o.calName.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/[\r\n]/g, ' ')}`,
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    )
  }
  const { error, value } = createEvents(events, o)
  if (error || !value) throw error ?? new Error('iCalendar: no output')
  return foldIcs(value)
}
