// The start page ("Pulpit") and the header's menu, per role: expectations written by hand.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { givenMeeting, givenMember, givenPerson, givenSpace } from '../../../test/support/given.ts'
import { addDays, today } from '../../kernel/dates.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
/** The menu's top links: text and address, in order. */
function menuGroups(html: string): string[] {
  const nav = html.slice(
    html.indexOf('aria-label="Menu główne"'),
    html.indexOf('</nav>', html.indexOf('aria-label="Menu główne"')),
  )
  return [...nav.matchAll(/<li class="siatka-menu__group">\s*<a[^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map(
    (m) => `${m[2]!.trim()} ${m[1]}`,
  )
}

test('a visitor gets the home page; the menu offers the public pages only', async () => {
  const page = await new Client(h.app).get('/')
  assert.equal(page.statusCode, 200)
  assert.doesNotMatch(page.body, /Pulpit/)
  assert.deepEqual(menuGroups(page.body), ['Strona główna /', 'Sieci i ciała /networks'])
})

test('each role sees its own groups in the menu; the current group lists its pages', async () => {
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  assert.deepEqual(menuGroups((await member.get('/')).body), [
    'Pulpit /',
    'Sieci i ciała /spaces',
    'Posiedzenia /calendar',
    'Uchwały /decisions',
  ])
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const people = await coordinator.get('/people')
  assert.deepEqual(menuGroups(people.body), [
    'Pulpit /',
    'Sieci i ciała /spaces',
    'Posiedzenia /calendar',
    'Dokumenty /translations',
    'Administracja /people',
  ])
  // On /people the Administration group is current and its pages follow under the header.
  assert.match(people.body, /<nav class="siatka-subnav" aria-label="Administracja">/)
  assert.match(people.body, /href="\/people" aria-current="page">Osoby</)
  assert.match(people.body, /href="\/organisations">Organizacje</)
  const authority = await signedIn(h.app, 'iz@demo.siatka.test')
  const queue = await authority.get('/authority')
  assert.match(queue.body, /<nav class="siatka-subnav" aria-label="Sieci i ciała">/)
  assert.match(queue.body, /href="\/authority" aria-current="page">Do decyzji</)
})

test('a member sees the meetings they are expected at, unanswered first, and their action items', async () => {
  const person = await givenPerson(db(), { name: 'Barbara Wrona' })
  const secretary = await givenPerson(db(), { role: 'secretary', name: 'Tomasz Kruk' })
  const space = await givenSpace(db(), { name: 'KST ds. pulpitu', secretaryId: secretary.id })
  await givenMember(db(), space.id, person.id)
  const day = addDays(today(), 30)
  const noticed = await givenMeeting(db(), { spaceId: space.id, by: secretary.id, day, number: 4 })
  const silent = await givenMeeting(db(), {
    spaceId: space.id,
    by: secretary.id,
    day: addDays(day, 7),
    number: 5,
  })
  await db()
    .updateTable('meetings')
    .set({ notice_sent_at: new Date() })
    .where('id', '=', noticed.id)
    .execute()

  const client = await signedIn(h.app, person.email)
  let page = (await client.get('/')).body
  assert.match(page, /<h1 class="govuk-heading-xl">Pulpit<\/h1>/)
  // Told of meeting IV, not yet of meeting V: only IV is on the page, waiting for an answer.
  assert.match(page, /Pilne/)
  assert.match(
    page,
    new RegExp(
      `href="/spaces/${space.id}/meetings/${noticed.id}#attendance">IV posiedzenie w \\d{4} r\\., KST ds\\. pulpitu, [^<]*: nie odpowiedziano jeszcze, czy będziesz`,
    ),
  )
  assert.doesNotMatch(page, new RegExp(silent.id))
  assert.doesNotMatch(page, /Twoje zadania/)

  await db()
    .insertInto('meeting_answers')
    .values({ meeting_id: noticed.id, person_id: person.id, answer: 'no', answered_at: new Date() })
    .execute()
  page = (await client.get('/')).body
  assert.match(page, /: nie będziesz</)
  assert.doesNotMatch(page, /Pilne/)

  // The secretary of the space sees meeting V, which has no notice yet.
  const sec = (await (await signedIn(h.app, secretary.email)).get('/')).body
  assert.match(sec, /Posiedzenia bez zawiadomienia/)
  assert.match(
    sec,
    new RegExp(
      `href="/spaces/${space.id}/meetings/${silent.id}">V posiedzenie w \\d{4} r\\., KST ds\\. pulpitu, [^<]*: zawiadomienie nie zostało wysłane`,
    ),
  )

  // In English too.
  await client.get('/preferences?lang=en&back=/')
  page = (await client.get('/')).body
  assert.match(page, /<h1 class="govuk-heading-xl">Dashboard<\/h1>/)
  assert.match(page, /: you will not come</)
})

test('a person with nothing waiting is told so; the managing authority sees its queue', async () => {
  const person = await givenPerson(db(), { name: 'Zofia Sowa' })
  const page = (await (await signedIn(h.app, person.email)).get('/')).body
  assert.match(page, /Nic na Ciebie teraz nie czeka/)
  const authority = (await (await signedIn(h.app, 'iz@demo.siatka.test')).get('/')).body
  const waiting = await db()
    .selectFrom('composition_proposals')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow()
  assert.ok(Number(waiting.n) > 0, 'the demo data has a proposal waiting for the managing authority')
  assert.match(
    authority,
    new RegExp(
      `Pilne</strong><a class="govuk-link" href="/authority">Propozycje składu czekające na decyzję: ${waiting.n}<`,
    ),
  )
})
