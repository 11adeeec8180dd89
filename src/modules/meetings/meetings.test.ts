import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { signedIn } from '../../../test/support/client.ts'
import { givenMember, givenPerson, givenSpace } from '../../../test/support/given.ts'
import { addDays, today } from '../../kernel/dates.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

async function givenNetwork() {
  const sec = await givenPerson(db(), { role: 'secretary', name: 'Sabina Sekretarz' })
  const space = await givenSpace(db(), { secretaryId: sec.id })
  const client = await signedIn(h.app, sec.email)
  await client.get(`/spaces/${space.id}/meetings/new`)
  return { space, sec, client }
}

const form = (day: string, extra: Record<string, string> = {}) => ({
  kind: 'meeting',
  subject: 'Przyjęcie planu pracy',
  day,
  startTime: '10:00',
  endTime: '14:00',
  place: 'ul. Wspólna 2/4, Warszawa',
  onlineUrl: '',
  confirmBy: addDays(day, -7),
  ...extra,
})

test('the secretary convenes meetings: numbered in the year, kept in UTC, shown on a Warsaw clock', async () => {
  const { space, client } = await givenNetwork()
  const first = await client.post(`/spaces/${space.id}/meetings/new`, form('2099-07-15'))
  assert.equal(first.statusCode, 303)
  const second = await client.post(
    `/spaces/${space.id}/meetings/new`,
    form('2099-09-15', { place: '', onlineUrl: 'https://spotkanie.example.pl/kst' }),
  )
  assert.equal(second.statusCode, 303)
  const rows = await db()
    .selectFrom('meetings')
    .select(['number', 'year', 'starts_at'])
    .where('space_id', '=', space.id)
    .orderBy('number')
    .execute()
  assert.deepEqual(
    rows.map((r) => [r.number, r.year]),
    [
      [1, 2099],
      [2, 2099],
    ],
  )
  assert.equal(
    rows[0].starts_at.toISOString(),
    '2099-07-15T08:00:00.000Z',
    'summer time: 10:00 in Warsaw is 08:00 UTC',
  )
  const page = await client.get(String(first.headers.location))
  assert.match(page.body, /I posiedzenie w 2099 r\./)
  assert.match(page.body, /15 lip 2099, 10:00–14:00/)
  const list = await client.get(`/spaces/${space.id}/meetings`)
  assert.match(list.body, /II posiedzenie w 2099 r\./)
  assert.match(list.body, /online/)
})

test('a meeting in the past, ending before it starts, nowhere, or asking for answers too late is refused beside the field', async () => {
  const { space, client } = await givenNetwork()
  const url = `/spaces/${space.id}/meetings/new`
  const past = await client.post(url, form(addDays(today(), -3)))
  assert.equal(past.statusCode, 422)
  assert.match(past.body, /id="field-day-error"/)
  assert.match(past.body, /value="Przyjęcie planu pracy"/)
  const backwards = await client.post(url, form('2099-07-15', { endTime: '09:00' }))
  assert.match(backwards.body, /id="field-endTime-error"/)
  const nowhere = await client.post(url, form('2099-07-15', { place: '' }))
  assert.match(nowhere.body, /id="field-place-error"/)
  const late = await client.post(url, form('2099-07-15', { confirmBy: '2099-07-20' }))
  assert.match(late.body, /id="field-confirmBy-error"/)
  const badTime = await client.post(
    url,
    form('2099-07-15', { startTime: '25:00', onlineUrl: 'javascript:alert(1)' }),
  )
  assert.match(badTime.body, /id="field-startTime-error"/)
  assert.match(badTime.body, /id="field-onlineUrl-error"/)
  const count = await db()
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('space_id', '=', space.id)
    .executeTakeFirstOrThrow()
  assert.equal(Number(count.n), 0)
})

test('the agenda: items added, moved with buttons, removed; a member reads it and cannot change it', async () => {
  const { space, client } = await givenNetwork()
  const meetingUrl = String(
    (await client.post(`/spaces/${space.id}/meetings/new`, form('2099-07-15'))).headers.location,
  )
  await client.get(meetingUrl)
  for (const title of ['Otwarcie', 'Plan pracy', 'Sprawy różne']) {
    assert.equal(
      (
        await client.post(`${meetingUrl}/agenda`, {
          title,
          presenter: 'Przewodniczący',
          minutes: '20',
          kind: 'discussion',
        })
      ).statusCode,
      303,
    )
  }
  const refused = await client.post(`${meetingUrl}/agenda`, {
    title: '',
    presenter: 'Ktoś',
    minutes: 'dużo',
    kind: 'decision',
  })
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /id="field-title-error"/)
  assert.match(refused.body, /id="field-minutes-error"/)
  assert.match(refused.body, /value="Ktoś"/)
  const items = await db().selectFrom('agenda_items').select(['id', 'title']).orderBy('position').execute()
  const plan = items.find((i) => i.title === 'Plan pracy')!
  // One form holds the agenda's buttons; "W górę" sends its item as `up`.
  const agenda = (await client.get(meetingUrl)).body
  assert.equal(agenda.match(/action="[^"]*\/agenda\/move"/g)?.length, 1, 'one form for the whole agenda')
  assert.match(agenda, new RegExp(`name="up" value="${plan.id}"`))
  assert.equal((await client.post(`${meetingUrl}/agenda/move`, { up: plan.id })).statusCode, 303)
  const page = await client.get(meetingUrl)
  assert.ok(page.body.indexOf('Plan pracy') < page.body.indexOf('Otwarcie'), 'moved above the opening')
  assert.match(page.body, /Łącznie: 60 min\./)
  const last = items.find((i) => i.title === 'Sprawy różne')!
  assert.equal((await client.post(`${meetingUrl}/agenda/remove`, { entryId: last.id })).statusCode, 303)
  assert.doesNotMatch((await client.get(meetingUrl)).body, /Sprawy różne/)

  const member = await givenPerson(db())
  await givenMember(db(), space.id, member.id)
  const reader = await signedIn(h.app, member.email)
  const seen = await reader.get(meetingUrl)
  assert.equal(seen.statusCode, 200)
  assert.match(seen.body, /Plan pracy/)
  assert.doesNotMatch(seen.body, /Dodaj punkt/)
  assert.equal(
    (await reader.post(`${meetingUrl}/agenda`, { title: 'Mój punkt', minutes: '5', kind: 'information' }))
      .statusCode,
    403,
  )
  const stranger = await signedIn(h.app, (await givenPerson(db())).email)
  assert.equal((await stranger.get(meetingUrl)).statusCode, 404)
})

test('once the meeting has started its agenda no longer changes', async () => {
  const { space, sec, client } = await givenNetwork()
  const meeting = await db()
    .insertInto('meetings')
    .values({
      space_id: space.id,
      kind: 'meeting',
      year: 2020,
      number: 1,
      subject: '',
      starts_at: new Date('2020-05-10T08:00:00Z'),
      ends_at: new Date('2020-05-10T12:00:00Z'),
      place: 'Warszawa',
      online_url: '',
      confirm_by: new Date('2020-05-01T21:59:00Z'),
      created_by: sec.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const url = `/spaces/${space.id}/meetings/${meeting.id}`
  await client.get(url)
  const res = await client.post(`${url}/agenda`, {
    title: 'Spóźniony punkt',
    minutes: '5',
    kind: 'information',
  })
  assert.equal(res.statusCode, 422)
  assert.match(res.body, /Porządku obrad nie można już zmieniać/)
})

// Issue 11, defect 12: a meeting was convened on 6 January without a word.
const countMeetings = async (spaceId: string) =>
  Number(
    (
      await db()
        .selectFrom('meetings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('space_id', '=', spaceId)
        .executeTakeFirstOrThrow()
    ).n,
  )

test('a meeting on a public holiday is not convened without a word: the form comes back naming the holiday, with everything typed', async () => {
  const { space, client } = await givenNetwork()
  const url = `/spaces/${space.id}/meetings/new`
  const res = await client.post(url, form('2099-01-06', { subject: 'Plan na Trzech Króli', place: 'Opole' }))
  assert.equal(res.statusCode, 422)
  assert.match(res.body, /6 stycznia 2099 to święto: Trzech Króli\./)
  assert.match(res.body, /class="govuk-warning-text"/, 'a warning, beside the day')
  assert.ok(
    res.body.indexOf('id="field-day"') < res.body.indexOf('to święto: Trzech Króli') &&
      res.body.indexOf('to święto: Trzech Króli') < res.body.indexOf('id="field-startTime"'),
    'the warning stands between the day and the start time',
  )
  assert.match(
    res.body,
    /<input class="govuk-checkboxes__input" id="field-dayOffConfirmed" name="dayOffConfirmed" type="checkbox" value="yes"\/><label class="govuk-label govuk-checkboxes__label" for="field-dayOffConfirmed">Tak, zwołuję posiedzenie w ten dzień<\/label>/,
  )
  assert.match(res.body, /<a href="#field-dayOffConfirmed">/, 'the summary leads to the box')
  assert.match(res.body, /id="field-dayOffConfirmed-error"/)
  for (const typed of [
    'value="Plan na Trzech Króli"',
    'value="2099-01-06"',
    'value="10:00"',
    'value="14:00"',
    '>Opole</textarea>',
    'value="2098-12-30"',
  ])
    assert.ok(res.body.includes(typed), `kept: ${typed}`)
  assert.equal(await countMeetings(space.id), 0, 'nothing is saved')

  // Holidays that move with Easter are found too: Corpus Christi 2099 is 11 June.
  const corpusChristi = await client.post(url, form('2099-06-11'))
  assert.equal(corpusChristi.statusCode, 422)
  assert.match(corpusChristi.body, /11 czerwca 2099 to święto: Boże Ciało\./)
  assert.equal(await countMeetings(space.id), 0)
})

test('ticking “Tak, zwołuję posiedzenie w ten dzień” convenes the meeting on the holiday', async () => {
  const { space, client } = await givenNetwork()
  const url = `/spaces/${space.id}/meetings/new`
  assert.equal((await client.post(url, form('2099-01-06'))).statusCode, 422)
  const confirmed = await client.post(url, form('2099-01-06', { dayOffConfirmed: 'yes' }))
  assert.equal(confirmed.statusCode, 303)
  const row = await db()
    .selectFrom('meetings')
    .select('starts_at')
    .where('space_id', '=', space.id)
    .executeTakeFirstOrThrow()
  assert.equal(row.starts_at.toISOString(), '2099-01-06T09:00:00.000Z', '10:00 in Warsaw in winter')
  const page = await client.get(String(confirmed.headers.location))
  assert.match(page.body, /6 sty 2099, 10:00–14:00/)
})

test('a Sunday or a Saturday warns that it is a day off; a working day goes straight through', async () => {
  const { space, client } = await givenNetwork()
  const url = `/spaces/${space.id}/meetings/new`
  const sunday = await client.post(url, form('2099-07-19'))
  assert.equal(sunday.statusCode, 422)
  assert.match(sunday.body, /19 lipca 2099 to niedziela – dzień wolny od pracy\./)
  assert.match(sunday.body, /id="field-dayOffConfirmed"/)
  const saturday = await client.post(url, form('2099-07-18'))
  assert.equal(saturday.statusCode, 422)
  assert.match(saturday.body, /18 lipca 2099 to sobota – dzień wolny od pracy\./)
  assert.equal(await countMeetings(space.id), 0)

  const wednesday = await client.post(url, form('2099-07-15'))
  assert.equal(wednesday.statusCode, 303, 'no question on a working day')
  assert.equal(await countMeetings(space.id), 1)

  // A form refused for another reason on a working day shows no warning.
  const backwards = await client.post(url, form('2099-07-14', { endTime: '09:00' }))
  assert.equal(backwards.statusCode, 422)
  assert.doesNotMatch(backwards.body, /dayOffConfirmed|govuk-warning-text/)
})

test('moving a meeting onto a holiday warns too, in English for an English reader; a change keeping its day asks nothing', async () => {
  const { space, client } = await givenNetwork()
  const convened = await client.post(`/spaces/${space.id}/meetings/new`, form('2099-04-15'))
  const url = String(convened.headers.location)
  await client.get('/preferences?lang=en&back=/')
  await client.get(`${url}/edit`)
  const moved = await client.post(`${url}/edit`, { ...form('2099-04-13'), version: '0' })
  assert.equal(moved.statusCode, 422)
  assert.match(moved.body, /13 April 2099 is a public holiday in Poland: Easter Monday\./)
  assert.match(moved.body, /Yes, I am convening the meeting on this day/)
  const starts = async () =>
    (
      await db()
        .selectFrom('meetings')
        .select('starts_at')
        .where('space_id', '=', space.id)
        .executeTakeFirstOrThrow()
    ).starts_at
  assert.equal((await starts()).toISOString(), '2099-04-15T08:00:00.000Z', 'not moved')

  const confirmed = await client.post(`${url}/edit`, {
    ...form('2099-04-13'),
    version: '0',
    dayOffConfirmed: 'yes',
  })
  assert.equal(confirmed.statusCode, 303)
  assert.equal((await starts()).toISOString(), '2099-04-13T08:00:00.000Z')

  // Already on the holiday: changing its place does not ask again.
  await client.get(`${url}/edit`)
  const placeOnly = await client.post(`${url}/edit`, {
    ...form('2099-04-13', { place: 'Kraków' }),
    version: '0',
  })
  assert.equal(placeOnly.statusCode, 303)
})
