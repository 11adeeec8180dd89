// A meeting as an iCalendar event (RFC 5545; with METHOD, an iTIP message, RFC 5546): one UID for
// the life of the meeting, a SEQUENCE raised by every change members were told of, times in UTC
// (the `ics` package writes no VTIMEZONE, so Warsaw times are converted before they get here).
import { createEvent, type EventAttributes } from 'ics'
import { foldIcs } from '../../kernel/ics.ts'

export interface IcsMeeting {
  id: string
  starts_at: Date
  ends_at: Date
  place: string
  online_url: string
  sequence: number
  status: 'planned' | 'cancelled'
}

export interface IcsTexts {
  title: string
  description: string
  url: string
  organizer: { name: string; email: string }
  attendee?: { name: string; email: string }
}

/** The same meeting has the same UID in every notice, update, cancellation and feed. */
export function meetingUid(meetingId: string, host: string): string {
  return `meeting-${meetingId}@${host}`
}

// A quoted parameter value (CN="…") cannot hold a double quote (RFC 5545, 3.2).
const cn = (name: string) => name.replace(/["\r\n]/g, "'")

/** What every calendar entry of a meeting says: its UID and SEQUENCE, UTC times, place, link and status. */
export function meetingEvent(
  m: IcsMeeting,
  x: { title: string; description?: string; url: string },
  host: string,
): EventAttributes {
  const location = [m.place, m.online_url].filter(Boolean).join(' / ')
  return {
    uid: meetingUid(m.id, host),
    sequence: m.sequence,
    start: m.starts_at.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: m.ends_at.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: x.title,
    ...(x.description ? { description: x.description } : {}),
    ...(location ? { location } : {}),
    url: x.url,
    status: m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  }
}

function invitationEvent(m: IcsMeeting, x: IcsTexts, host: string): EventAttributes {
  return {
    ...meetingEvent(m, x, host),
    busyStatus: m.status === 'cancelled' ? 'FREE' : 'BUSY',
    organizer: { name: cn(x.organizer.name), email: x.organizer.email },
    ...(x.attendee
      ? {
          attendees: [
            {
              name: cn(x.attendee.name),
              email: x.attendee.email,
              rsvp: false,
              partstat: 'NEEDS-ACTION',
              role: 'REQ-PARTICIPANT',
            },
          ],
        }
      : {}),
  }
}

const productId = '-//Siatka//Meetings//PL'

/** The invitation, update (METHOD:REQUEST) or cancellation (METHOD:CANCEL) mailed to one person. */
export function meetingInvitation(m: IcsMeeting, x: IcsTexts, host: string): string {
  const { error, value } = createEvent({
    ...invitationEvent(m, x, host),
    productId,
    method: m.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
  })
  if (error || !value) throw error ?? new Error('iCalendar: no output')
  return foldIcs(value)
}
