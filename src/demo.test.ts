// The demo data obeys the app's own rules and reads as real to a Polish reader: names whose
// surname agrees with the first name's gender, meetings on working days, no decision with more
// votes than voters present.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../test/support/app.ts'
import { warsawDayAndTime } from './kernel/dates.ts'
import type { AnyPool } from './kernel/db.ts'
import { holidayOn, isWorkingDay } from './kernel/holidays.ts'
import { isValidNip, isValidRegon } from './kernel/identifiers.ts'
import { voteProblem } from './modules/meetings/minutes/rules.ts'
import { presentVoters } from './modules/meetings/minutes/service.ts'
import { noticeTerms } from './modules/meetings/notices/service.ts'
import { requireMeeting } from './modules/meetings/service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const pool = (): AnyPool => h.database.db

test("every person's surname agrees with the gender of the first name (Bartosz Zieliński, Hanna Zielińska)", async () => {
  const people = await h.database.db.selectFrom('people').select('name').execute()
  assert.ok(people.length > 50)
  const wrong = people
    .map((p) => p.name.split(' '))
    .filter((words) => {
      const woman = words[0].endsWith('a')
      const surname = words[words.length - 1]
      return woman ? /(ski|cki|dzki)$/.test(surname) : /(ska|cka|dzka)$/.test(surname)
    })
    .map((words) => words.join(' '))
  assert.deepEqual(wrong, [])
})

test('every meeting falls on a working day: no weekend, no public holiday', async () => {
  const meetings = await h.database.db.selectFrom('meetings').select(['subject', 'starts_at']).execute()
  assert.ok(meetings.length > 0)
  const off = meetings
    .map((m) => ({ subject: m.subject, day: warsawDayAndTime(m.starts_at).day }))
    .filter((m) => !isWorkingDay(m.day))
    .map((m) => `${m.day} ${holidayOn(m.day) ?? 'weekend'}: ${m.subject}`)
  assert.deepEqual(off, [])
})

test('no decision records more votes than voters present, by the rule the minutes apply', async () => {
  const rows = await h.database.db
    .selectFrom('decisions as d')
    .innerJoin('meetings as m', 'm.id', 'd.meeting_id')
    .select(['m.id as meetingId', 'm.space_id as spaceId', 'd.title', 'd.votes_for', 'd.votes_against'])
    .select('d.votes_abstaining')
    .execute()
  assert.ok(rows.length > 0, 'the demo has decisions')
  const problems: string[] = []
  for (const r of rows) {
    const present = await presentVoters(pool(), await requireMeeting(pool(), r.spaceId, r.meetingId))
    const votes = { for: r.votes_for, against: r.votes_against, abstaining: r.votes_abstaining }
    const problem = voteProblem(votes, present)
    if (problem)
      problems.push(`${r.title}: ${JSON.stringify(votes)} with ${present} present (${problem.key})`)
  }
  assert.deepEqual(problems, [])
})

test('each body’s schedule names its meetings and its visit on the days they are held, and only those', async () => {
  const db = h.database.db
  const meetings = await db.selectFrom('meetings').select(['space_id', 'kind', 'starts_at']).execute()
  const held = new Set(meetings.map((m) => `${m.space_id} ${m.kind} ${warsawDayAndTime(m.starts_at).day}`))
  const items = await db.selectFrom('schedule_items').select(['space_id', 'task', 'due_on']).execute()
  const named = items.filter((i) => /^(Posiedzenie|Wizyta)/.test(i.task))
  assert.ok(named.length > 0, 'the schedules name meetings')
  const wrong = named
    .filter(
      (i) =>
        !held.has(`${i.space_id} ${i.task.startsWith('Wizyta') ? 'study_visit' : 'meeting'} ${i.due_on}`),
    )
    .map((i) => `${i.task} on ${i.due_on}`)
  assert.deepEqual(wrong, [], 'a schedule item names a meeting not held that day')
  // And every meeting or visit of the demo is in its body's schedule.
  const scheduled = new Set(named.map((i) => `${i.space_id} ${i.due_on}`))
  const missing = meetings
    .filter((m) => !scheduled.has(`${m.space_id} ${warsawDayAndTime(m.starts_at).day}`))
    .map((m) => `${m.kind} on ${warsawDayAndTime(m.starts_at).day}`)
  assert.deepEqual(missing, [])
})

test('a notice sent after the notice period says why, as the app asks of the secretary', async () => {
  const rows = await h.database.db
    .selectFrom('meeting_notices as n')
    .innerJoin('meetings as m', 'm.id', 'n.meeting_id')
    .select(['m.id as meetingId', 'm.space_id as spaceId', 'm.subject', 'n.sent_at', 'n.late_reason'])
    .where('n.kind', '=', 'request')
    .execute()
  assert.ok(rows.length > 0, 'the demo has notices')
  const wrong: string[] = []
  for (const r of rows) {
    const meeting = await requireMeeting(pool(), r.spaceId, r.meetingId)
    const missed = noticeTerms(meeting, warsawDayAndTime(r.sent_at).day).notice === 'missed'
    if (missed !== (r.late_reason !== null))
      wrong.push(`${r.subject}: late ${missed}, reason ${r.late_reason}`)
  }
  assert.deepEqual(wrong, [])
})

test('every organisation’s NIP and REGON pass their checksums', async () => {
  const orgs = await h.database.db.selectFrom('organisations').select(['name', 'nip', 'regon']).execute()
  const wrong = orgs.flatMap((o) => [
    ...(o.nip && !isValidNip(o.nip) ? [`${o.name}: NIP ${o.nip}`] : []),
    ...(o.regon && !isValidRegon(o.regon) ? [`${o.name}: REGON ${o.regon}`] : []),
  ])
  assert.deepEqual(wrong, [])
})

test('every activity of a support schedule is held on working days within its project’s period', async () => {
  const rows = await h.database.db
    .selectFrom('project_activities as a')
    .innerJoin('projects as p', 'p.id', 'a.project_id')
    .select(['a.title', 'a.starts_on', 'a.ends_on', 'p.starts_on as from', 'p.ends_on as to'])
    .execute()
  assert.ok(rows.length > 30, 'SIRES’s two rounds in sixteen voivodeships')
  const wrong = rows.flatMap((a) => {
    const days = a.starts_on === a.ends_on ? [a.starts_on] : [a.starts_on, a.ends_on]
    return [
      ...days.filter((d) => !isWorkingDay(d)).map((d) => `${d} ${holidayOn(d) ?? 'weekend'}: ${a.title}`),
      ...(a.starts_on < a.from || a.ends_on > a.to ? [`outside ${a.from}–${a.to}: ${a.title}`] : []),
      // A two-day activity is two days in a row, never across a weekend.
      ...(a.ends_on > a.starts_on && Date.parse(a.ends_on) - Date.parse(a.starts_on) > 86_400_000
        ? [`${a.starts_on}–${a.ends_on} spans days off: ${a.title}`]
        : []),
    ]
  })
  assert.deepEqual(wrong, [])
})

test('every project’s contact person has a mail address or a telephone number, and a surname of their gender', async () => {
  const rows = await h.database.db.selectFrom('project_contacts').select(['name', 'email', 'phone']).execute()
  assert.ok(rows.length >= 3)
  const wrong = rows
    .filter((c) => {
      const words = c.name.split(' ')
      const surname = words[words.length - 1]
      const mismatch = words[0].endsWith('a')
        ? /(ski|cki|dzki)$/.test(surname)
        : /(ska|cka|dzka)$/.test(surname)
      return mismatch || (c.email === '' && c.phone === '')
    })
    .map((c) => c.name)
  assert.deepEqual(wrong, [])
})
