import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import ICAL from 'ical.js'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Client, signedIn } from '../../../../test/support/client.ts'
import { givenMember, givenPerson, givenSpace } from '../../../../test/support/given.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

async function givenMeeting(
  spaceId: string,
  startsAt: string,
  extra: { status?: 'cancelled'; subject?: string } = {},
) {
  const author = await db().selectFrom('people').select('id').executeTakeFirstOrThrow()
  const starts = new Date(startsAt)
  const number =
    Number(
      (
        await db()
          .selectFrom('meetings')
          .select((eb) => eb.fn.max('number').as('n'))
          .where('space_id', '=', spaceId)
          .executeTakeFirst()
      )?.n ?? 0,
    ) + 1
  return db()
    .insertInto('meetings')
    .values({
      space_id: spaceId,
      kind: 'meeting',
      year: starts.getUTCFullYear(),
      number,
      subject: extra.subject ?? '',
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 3 * 3600_000),
      place: 'Warszawa',
      online_url: '',
      confirm_by: new Date(starts.getTime() - 7 * 86_400_000),
      status: extra.status ?? 'planned',
      created_by: author.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

const inDays = (days: number, hourUtc = 9) => {
  const d = new Date(Date.now() + days * 86_400_000)
  d.setUTCHours(hourUtc, 0, 0, 0)
  return d.toISOString()
}

async function world() {
  const mine = await givenSpace(db(), { name: `KST moja ${Math.random()}` })
  const other = await givenSpace(db(), { name: `KST cudza ${Math.random()}` })
  const member = await givenPerson(db(), { name: 'Marta Członkini' })
  await givenMember(db(), mine.id, member.id)
  const soon = await givenMeeting(mine.id, inDays(10), { subject: 'Plan pracy' })
  const cancelled = await givenMeeting(mine.id, inDays(20), { status: 'cancelled' })
  const elsewhere = await givenMeeting(other.id, inDays(12), { subject: 'Cudze posiedzenie' })
  return { mine, other, member, soon, cancelled, elsewhere, client: await signedIn(h.app, member.email) }
}

function parse(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics))
  return cal.getAllSubcomponents('vevent').map((v) => ({ event: new ICAL.Event(v), vevent: v }))
}

test('the calendar shows the meetings of the spaces a person works in, as a list and a month', async () => {
  const w = await world()
  const list = await w.client.get('/calendar')
  assert.equal(list.statusCode, 200)
  assert.ok(list.body.includes(`/meetings/${w.soon.id}`))
  assert.ok(list.body.includes(`/meetings/${w.cancelled.id}`))
  assert.match(list.body, /Odwołane/)
  assert.ok(!list.body.includes(`/meetings/${w.elsewhere.id}`), 'not a space they work in')
  const month = inDays(10).slice(0, 7)
  const grid = await w.client.get(`/calendar?view=month&month=${month}`)
  assert.equal(grid.statusCode, 200)
  assert.ok(grid.body.includes(`/meetings/${w.soon.id}`))
  assert.match(grid.body, /class="govuk-table siatka-month"/)
  // The coordinator reads every space.
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const all = await coordinator.get(`/calendar?view=month&month=${inDays(12).slice(0, 7)}`)
  assert.ok(all.body.includes(`/meetings/${w.elsewhere.id}`))
  assert.equal((await new Client(h.app).get('/calendar')).statusCode, 303, 'anonymous: sign in first')
  assert.equal(
    (await w.client.get('/calendar?view=month&month=2026-13')).statusCode,
    200,
    'a bad month is today’s',
  )
})

test('a private feed serves the person’s meetings as iCalendar until it is revoked', async () => {
  const w = await world()
  await w.client.get('/calendar/feeds')
  const created = await w.client.post('/calendar/feeds', { spaceId: '' })
  assert.equal(created.statusCode, 201)
  const url = created.body.match(/value="(http:\/\/localhost:3000\/feeds\/[^"]+)"/)?.[1]
  assert.ok(url, 'the new address is shown once')
  const path = url.replace('http://localhost:3000', '')

  const feed = await new Client(h.app).get(path)
  assert.equal(feed.statusCode, 200)
  assert.match(String(feed.headers['content-type']), /^text\/calendar/)
  const events = parse(feed.body)
  const uids = events.map((e) => e.event.uid)
  assert.ok(uids.includes(`meeting-${w.soon.id}@localhost`), 'the same UID as the notices')
  assert.ok(!uids.some((u) => u.includes(w.elsewhere.id)), 'nothing from a space they are not in')
  const cancelled = events.find((e) => e.event.uid.includes(w.cancelled.id))
  assert.equal(cancelled?.vevent.getFirstPropertyValue('status'), 'CANCELLED')
  const soon = events.find((e) => e.event.uid.includes(w.soon.id))
  assert.equal(soon?.event.startDate.zone?.tzid, 'UTC')

  // The page does not show the address again, only that it exists, with a way to revoke it.
  const page = await w.client.get('/calendar/feeds')
  assert.ok(!page.body.includes(path))
  const feedId = page.body.match(/\/calendar\/feeds\/([0-9a-f-]{36})\/revoke/)?.[1]
  assert.ok(feedId)
  const stranger = await signedIn(h.app, (await givenPerson(db())).email)
  await stranger.get('/calendar/feeds')
  assert.equal((await stranger.post(`/calendar/feeds/${feedId}/revoke`, {})).statusCode, 404, 'not theirs')
  assert.equal((await w.client.post(`/calendar/feeds/${feedId}/revoke`, {})).statusCode, 303)
  assert.equal((await new Client(h.app).get(path)).statusCode, 404, 'a revoked address stops at once')
  assert.equal(
    (await new Client(h.app).get('/feeds/nonsense-token-that-was-never-made/calendar.ics')).statusCode,
    404,
  )
})

test('a space’s feed holds that space only, and ends when the person leaves it', async () => {
  const w = await world()
  await w.client.get('/calendar/feeds')
  const refused = await w.client.post('/calendar/feeds', { spaceId: w.other.id })
  assert.equal(refused.statusCode, 404, 'no feed of a space they cannot read')
  const created = await w.client.post('/calendar/feeds', { spaceId: w.mine.id })
  const path = String(created.body.match(/value="http:\/\/localhost:3000(\/feeds\/[^"]+)"/)?.[1])
  const events = parse((await new Client(h.app).get(path)).body)
  assert.equal(events.length, 2)
  assert.match(events[0].event.summary, /Plan pracy/)
  await db()
    .updateTable('space_memberships')
    .set({ ends_on: '2020-01-01' })
    .where('person_id', '=', w.member.id)
    .execute()
  assert.equal((await new Client(h.app).get(path)).statusCode, 404)
})

test('a feed folds its lines at 75 octets, so Polish names come back whole', async () => {
  const name = 'KST ds. współpracy międzysektorowej oraz gospodarki społecznej i solidarnej — Łódź'
  const full = await givenSpace(db(), { name })
  const empty = await givenSpace(db(), { name: `${name} i Gdańsk` })
  const member = await givenPerson(db(), { name: 'Żaneta Gęślą' })
  await givenMember(db(), full.id, member.id)
  await givenMember(db(), empty.id, member.id)
  await givenMeeting(full.id, inDays(9), { subject: 'Zażółć gęślą jaźń: przegląd źródeł finansowania' })
  const client = await signedIn(h.app, member.email)
  await client.get('/calendar/feeds')
  const feedOf = async (spaceId: string) => {
    const created = await client.post('/calendar/feeds', { spaceId })
    const path = String(created.body.match(/value="http:\/\/localhost:3000(\/feeds\/[^"]+)"/)?.[1])
    const res = await new Client(h.app).get(path)
    assert.equal(res.statusCode, 200)
    return res.rawPayload.toString('utf8')
  }
  for (const ics of [await feedOf(full.id), await feedOf(empty.id)]) {
    assert.ok(
      ics
        .replace(/\r\n[ \t]/g, '')
        .split('\r\n')
        .some((l) => Buffer.byteLength(l) > 75),
      'some line needs folding',
    )
    for (const line of ics.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`)
      assert.ok(!line.startsWith('\t'), `a continuation starts with a space: ${line}`)
    }
  }
  const cal = new ICAL.Component(ICAL.parse(await feedOf(full.id)))
  assert.equal(cal.getFirstPropertyValue('x-wr-calname'), name)
  assert.equal(
    cal.getFirstSubcomponent('vevent')?.getFirstPropertyValue('summary'),
    `I posiedzenie w ${inDays(9).slice(0, 4)} r.: Zażółć gęślą jaźń: przegląd źródeł finansowania – ${name}`,
  )
  const none = new ICAL.Component(ICAL.parse(await feedOf(empty.id)))
  assert.equal(none.getFirstPropertyValue('x-wr-calname'), `${name} i Gdańsk`)
})
