import assert from 'node:assert/strict'
import { test } from 'node:test'
import ICAL from 'ical.js'
import { warsawDayAndTime, warsawInstant } from '../../kernel/dates.ts'
import { foldIcs } from '../../kernel/ics.ts'
import { meetingInvitation, meetingUid } from './ics.ts'
import {
  changedFacts,
  dayOff,
  dayOffProblem,
  deadlineState,
  meetingTimesProblem,
  moved,
  noticeDeadlines,
  placeProblem,
  toRoman,
} from './rules.ts'

test('meetings are numbered in Roman numerals', () => {
  assert.deepEqual([1, 3, 4, 9, 14, 40, 1990].map(toRoman), ['I', 'III', 'IV', 'IX', 'XIV', 'XL', 'MCMXC'])
})

test('a time on a Warsaw clock is kept in UTC, summer and winter, and read back the same', () => {
  assert.equal(warsawInstant('2026-07-15', '10:30').toISOString(), '2026-07-15T08:30:00.000Z')
  assert.equal(warsawInstant('2026-12-15', '10:30').toISOString(), '2026-12-15T09:30:00.000Z')
  // The night the clocks go back (25 October 2026): 12:00 is already winter time.
  assert.equal(warsawInstant('2026-10-25', '12:00').toISOString(), '2026-10-25T11:00:00.000Z')
  assert.deepEqual(warsawDayAndTime(new Date('2026-07-15T08:30:00Z')), { day: '2026-07-15', time: '10:30' })
})

test('a meeting cannot be in the past, end before it starts, or ask for answers after it starts', () => {
  const now = new Date('2026-05-01T10:00:00Z')
  const at = (iso: string) => new Date(iso)
  const ok = {
    startsAt: at('2026-05-10T08:00:00Z'),
    endsAt: at('2026-05-10T12:00:00Z'),
    confirmBy: at('2026-05-05T22:00:00Z'),
  }
  assert.equal(meetingTimesProblem(ok, now), null)
  assert.equal(
    meetingTimesProblem({ ...ok, startsAt: at('2026-04-30T08:00:00Z') }, now)?.key,
    'meetings.errors.inThePast',
  )
  assert.equal(meetingTimesProblem({ ...ok, endsAt: at('2026-05-10T07:00:00Z') }, now)?.field, 'endTime')
  assert.equal(meetingTimesProblem({ ...ok, confirmBy: at('2026-05-11T00:00:00Z') }, now)?.field, 'confirmBy')
})

test('a meeting needs a place, an online link or both', () => {
  assert.equal(placeProblem('', '')?.field, 'place')
  assert.equal(placeProblem('ul. Wspólna 2/4, Warszawa', ''), null)
  assert.equal(placeProblem('', 'https://meet.example.pl/kst'), null)
})

test('a day off is a public holiday by name (Easter’s too) or a weekend day; a change keeping its day asks nothing', () => {
  assert.deepEqual(dayOff('2027-01-06'), { holiday: 'epiphany' })
  assert.deepEqual(dayOff('2027-03-29'), { holiday: 'easterMonday' })
  assert.deepEqual(
    dayOff('2027-03-28'),
    { holiday: 'easter' },
    'a holiday on a Sunday is named as the holiday',
  )
  assert.deepEqual(dayOff('2027-01-10'), { weekend: 'sunday' })
  assert.deepEqual(dayOff('2027-01-09'), { weekend: 'saturday' })
  assert.equal(dayOff('2027-01-07'), null)
  for (const notADay of ['', '2027-02-30', '2027-13-01', 'jutro'])
    assert.equal(dayOff(notADay), null, notADay)
  assert.deepEqual(dayOffProblem('2027-01-06', false), {
    key: 'meetings.errors.dayOff',
    field: 'dayOffConfirmed',
  })
  assert.equal(dayOffProblem('2027-01-06', true), null, 'confirmed')
  assert.equal(dayOffProblem('2027-01-06', false, '2027-01-06'), null, 'the meeting’s own day')
  assert.equal(dayOffProblem('2027-01-07', false), null)
})

test('agenda items move one place up or down, never past either end', () => {
  assert.deepEqual(moved(['a', 'b', 'c'], 'b', 'up'), ['b', 'a', 'c'])
  assert.deepEqual(moved(['a', 'b', 'c'], 'b', 'down'), ['a', 'c', 'b'])
  assert.deepEqual(moved(['a', 'b', 'c'], 'a', 'up'), ['a', 'b', 'c'])
  assert.deepEqual(moved(['a', 'b', 'c'], 'c', 'down'), ['a', 'b', 'c'])
})

test('the notice and materials deadlines count back from the meeting’s day', () => {
  assert.deepEqual(noticeDeadlines('2027-03-15', { noticeDays: 14, materialsDays: 7 }), {
    noticeBy: '2027-03-01',
    materialsBy: '2027-03-08',
  })
  assert.deepEqual(noticeDeadlines('2028-03-01', { noticeDays: 1, materialsDays: 0 }), {
    noticeBy: '2028-02-29',
    materialsBy: '2028-03-01',
  })
})

test('a deadline is ahead, due within two days (warned) or missed', () => {
  assert.equal(deadlineState('2027-03-10', '2027-03-01'), 'ahead')
  assert.equal(deadlineState('2027-03-10', '2027-03-08'), 'soon')
  assert.equal(deadlineState('2027-03-10', '2027-03-10'), 'soon', 'the last day itself still counts')
  assert.equal(deadlineState('2027-03-10', '2027-03-11'), 'missed')
})

test('a change of a meeting names what changed, and nothing when nothing did', () => {
  const base = {
    kind: 'meeting',
    subject: 'Plan',
    starts_at: new Date('2027-03-15T09:00:00Z'),
    ends_at: new Date('2027-03-15T13:00:00Z'),
    place: 'Warszawa',
    online_url: '',
    confirm_by: new Date('2027-03-08T22:59:00Z'),
  }
  assert.deepEqual(changedFacts(base, { ...base, starts_at: new Date(base.starts_at) }), [])
  assert.deepEqual(
    changedFacts(base, { ...base, ends_at: new Date('2027-03-15T14:00:00Z'), place: 'Kraków' }),
    ['when', 'place'],
  )
  assert.deepEqual(changedFacts(base, { ...base, online_url: 'https://x.example', subject: 'Inny' }), [
    'onlineUrl',
    'subject',
  ])
})

test('an invitation parses back with its UID, SEQUENCE, method and times in UTC', () => {
  const meeting = {
    id: '0b7f7a43-4a3c-4a8e-9f4e-3d1f6a0c2b11',
    starts_at: new Date('2027-01-20T09:00:00Z'),
    ends_at: new Date('2027-01-20T13:30:00Z'),
    place: 'ul. Wspólna 2/4; Warszawa',
    online_url: 'https://spotkanie.example.pl/kst',
    sequence: 3,
    status: 'planned' as const,
  }
  const texts = {
    title: 'I posiedzenie w 2027 r. – KST "Ekonomia społeczna"',
    description: '1. Otwarcie\n2. Plan pracy',
    url: 'https://siatka.example.pl/spaces/s/meetings/m',
    organizer: { name: 'Anna "Sekretarz" Nowak', email: 'anna@example.pl' },
    attendee: { name: 'Jan Kowalski', email: 'jan@example.pl' },
  }
  const parse = (ics: string) => {
    const cal = new ICAL.Component(ICAL.parse(ics))
    const vevent = cal.getFirstSubcomponent('vevent')
    assert.ok(vevent)
    return { method: cal.getFirstPropertyValue('method'), event: new ICAL.Event(vevent), vevent }
  }
  const request = parse(meetingInvitation(meeting, texts, 'siatka.example.pl'))
  assert.equal(request.method, 'REQUEST')
  assert.equal(request.event.uid, meetingUid(meeting.id, 'siatka.example.pl'))
  assert.equal(request.event.sequence, 3)
  assert.equal(request.event.startDate.toString(), '2027-01-20T09:00:00Z')
  assert.equal(request.event.startDate.zone?.tzid, 'UTC')
  assert.equal(request.event.endDate.toString(), '2027-01-20T13:30:00Z')
  assert.equal(request.event.summary, texts.title)
  assert.equal(request.event.description, texts.description)
  assert.equal(request.event.location, 'ul. Wspólna 2/4; Warszawa / https://spotkanie.example.pl/kst')
  assert.equal(request.vevent.getFirstPropertyValue('status'), 'CONFIRMED')
  assert.match(String(request.vevent.getFirstPropertyValue('organizer')), /anna@example\.pl/)
  const cancel = parse(
    meetingInvitation({ ...meeting, sequence: 4, status: 'cancelled' }, texts, 'siatka.example.pl'),
  )
  assert.equal(cancel.method, 'CANCEL')
  assert.equal(cancel.event.uid, request.event.uid)
  assert.equal(cancel.event.sequence, 4)
  assert.equal(cancel.vevent.getFirstPropertyValue('status'), 'CANCELLED')
})

test('an iCalendar line is folded at 75 octets, never inside a letter, and unfolds to what it was', () => {
  // 2-, 3- and 4-octet characters, so a fold by characters would pass 75 octets and one by bytes could cut one.
  const summary = `SUMMARY:${'Źdźbło — 🌾 '.repeat(12)}`
  const folded = foldIcs(`BEGIN:VEVENT\r\n${summary}\r\nEND:VEVENT\r\n`)
  const lines = folded.split('\r\n')
  assert.ok(lines.length > 5, 'the summary is folded')
  for (const line of lines) assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets`)
  assert.ok(
    lines.slice(2, -3).every((l) => Buffer.byteLength(l) >= 72),
    'each line is filled to within one character of the limit',
  )
  // A lone half of a surrogate pair would be a cut 4-octet character.
  assert.equal(/\p{Cs}/u.test(folded), false, 'no character is cut')
  assert.equal(folded.replace(/\r\n /g, ''), `BEGIN:VEVENT\r\n${summary}\r\nEND:VEVENT\r\n`)
})
