// The start page ("Pulpit") and the header's menu, per role: expectations written by hand.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import {
  givenMaterialWithFile,
  givenMeeting,
  givenMember,
  givenPerson,
  givenSpace,
} from '../../../test/support/given.ts'
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
  assert.deepEqual(menuGroups(page.body), [
    'Strona główna /',
    'Sieci i ciała /networks',
    'Projekty /funded-projects',
    // The community's forum and partner search are open to all: the group goes by its name.
    'Społeczność /community',
    // So are the events (issue 14).
    'Wydarzenia /events',
  ])
})

test('each role sees its own groups in the menu; the current group lists its pages', async () => {
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  assert.deepEqual(menuGroups((await member.get('/')).body), [
    'Pulpit /',
    'Sieci i ciała /spaces',
    'Posiedzenia /calendar',
    'Uchwały /decisions',
    // A member has no portfolio: the projects' group holds the thematic analysis and the recruitments.
    'Projekty /projects/analysis',
    'Społeczność /community',
    'Wydarzenia /events',
  ])
  // In the community the member has the forum, the partner search and their messages, not the reports.
  const community = (await member.get('/community/partners')).body
  assert.match(community, /<nav class="siatka-subnav" aria-label="Społeczność">/)
  assert.match(
    community,
    /href="\/community">Forum<[\s\S]*?aria-current="page">Szukaj partnera<[\s\S]*?href="\/community\/messages">Wiadomości</,
  )
  assert.doesNotMatch(community, /Zgłoszone wiadomości/)
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const people = await coordinator.get('/people')
  assert.deepEqual(menuGroups(people.body), [
    'Pulpit /',
    'Sieci i ciała /spaces',
    'Posiedzenia /calendar',
    'Dokumenty /translations',
    'Projekty /projects',
    'Społeczność /community',
    'Wydarzenia /events',
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
      `href="/spaces/${space.id}/meetings/${silent.id}">V posiedzenie w \\d{4} r\\., KST ds\\. pulpitu, [^<]*: zawiadomienie trzeba wysłać do \\d+ [^<]+ \\d{4}<`,
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

test('the secretary sees deadlines by the space’s own rules, the authority late notices, a translator what they owe', async () => {
  const secretary = await givenPerson(db(), { role: 'secretary', name: 'Grażyna Lis' })
  const space = await givenSpace(db(), { name: 'KST ds. terminów', secretaryId: secretary.id })
  // The space's rules ask for the notice 21 days and the materials 10 days before a meeting.
  await db()
    .insertInto('space_rules')
    .values({
      space_id: space.id,
      version: 1,
      body: 'Regulamin',
      effective_on: addDays(today(), -400),
      adopted_ref: null,
      notice_days: 21,
      materials_days: 10,
      created_by: secretary.id,
    })
    .execute()
  // In 25 days: notice due in 4 days (not urgent yet), materials in 15 (not this week).
  const later = await givenMeeting(db(), {
    spaceId: space.id,
    by: secretary.id,
    day: addDays(today(), 25),
    number: 2,
  })
  // In 12 days: notice missed 9 days ago, materials due in 2 days (urgent).
  const soon = await givenMeeting(db(), {
    spaceId: space.id,
    by: secretary.id,
    day: addDays(today(), 12),
    number: 1,
  })
  // Held: its minutes collect comments until the day after tomorrow.
  const held = await givenMeeting(db(), {
    spaceId: space.id,
    by: secretary.id,
    day: addDays(today(), -10),
    number: 9,
  })
  await db()
    .insertInto('minutes')
    .values({
      meeting_id: held.id,
      status: 'consultation',
      comments_by: addDays(today(), 2),
      sent_at: new Date(),
      created_by: secretary.id,
      updated_by: secretary.id,
      updated_at: new Date(),
    })
    .execute()

  const sec = await signedIn(h.app, secretary.email)
  const page = (await sec.get('/')).body
  const day = (d: string) =>
    new Intl.DateTimeFormat('pl-PL', { dateStyle: 'long', timeZone: 'Europe/Warsaw' }).format(
      new Date(`${d}T12:00:00Z`),
    )
  assert.match(
    page,
    new RegExp(
      `href="/spaces/${space.id}/meetings/${soon.id}">I posiedzenie w \\d{4} r\\., KST ds\\. terminów, [^<]*: termin zawiadomienia minął ${day(addDays(today(), -9))}<`,
    ),
  )
  assert.match(
    page,
    new RegExp(
      `href="/spaces/${space.id}/meetings/${later.id}">II posiedzenie w \\d{4} r\\., KST ds\\. terminów, [^<]*: zawiadomienie trzeba wysłać do ${day(addDays(today(), 4))}<`,
    ),
  )
  assert.match(page, /<h2[^>]*>Terminy w tym tygodniu<\/h2>/)
  assert.match(
    page,
    new RegExp(
      `Pilne</strong><a class="govuk-link" href="/spaces/${space.id}/meetings/${soon.id}">Materiały na I posiedzenie w \\d{4} r\\., KST ds\\. terminów: termin ${day(addDays(today(), 2))}<`,
    ),
  )
  assert.doesNotMatch(page, /Materiały na II posiedzenie/, 'materials due in 15 days are not this week’s')
  assert.match(
    page,
    new RegExp(
      `href="/spaces/${space.id}/meetings/${held.id}/minutes">Uwagi do protokołu \\(IX posiedzenie w \\d{4} r\\., KST ds\\. terminów\\) zbierane do ${day(addDays(today(), 2))}; potem odpowiedz na nie`,
    ),
  )

  // A notice sent late reaches the managing authority's start page, and its list filters them.
  await db()
    .insertInto('meeting_notices')
    .values({
      meeting_id: soon.id,
      kind: 'request',
      sequence: 1,
      late_reason: 'Zmiana sali',
      sent_by: secretary.id,
    })
    .execute()
  const late = await db()
    .selectFrom('meeting_notices')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('late_reason', 'is not', null)
    .where('sent_at', '>=', new Date(Date.now() - 30 * 86_400_000))
    .executeTakeFirstOrThrow()
  const authority = await signedIn(h.app, 'iz@demo.siatka.test')
  assert.match(
    (await authority.get('/')).body,
    new RegExp(
      `href="/authority/notices\\?late=1">Zawiadomienia wysłane po terminie w ostatnich 30 dniach: ${late.n}<`,
    ),
  )
  const list = (await authority.get('/authority/notices?late=1')).body
  assert.match(list, /Po terminie<\/strong> Powód: <span>Zmiana sali<\/span>/)
  assert.match(list, /<option value="1" selected>tylko wysłane po terminie<\/option>/)
  // The header row and one row per late notice.
  const rows = [...list.matchAll(/<tr class="govuk-table__row">/g)].length
  assert.equal(rows - 1, Math.min(Number(late.n), 20), 'only late notices are listed')
  // The member who is no secretary sees no deadlines.
  assert.doesNotMatch(
    (await (await signedIn(h.app, 'czlonek@demo.siatka.test')).get('/')).body,
    /Terminy w tym tygodniu/,
  )

  // A translator with an account sees the translation they owe, with where its link is.
  const translator = await givenPerson(db(), { name: 'Irena Kowalczyk' })
  const material = await givenMaterialWithFile(db(), h.app.storage, {
    spaceId: space.id,
    by: secretary.id,
    title: 'Plan pracy',
  })
  await db()
    .insertInto('translation_requests')
    .values({
      material_id: material.id,
      source_file_id: material.fileId,
      source_language: 'pl',
      target_language: 'en',
      deadline: addDays(today(), 1),
      translator_id: translator.id,
      translator_lang: 'pl',
      token_hash: 'x'.repeat(64),
      requested_by: secretary.id,
    })
    .execute()
  assert.match(
    (await (await signedIn(h.app, translator.email)).get('/')).body,
    new RegExp(
      `Pilne</strong><a class="govuk-link" href="/notifications">Tłumaczenie „Plan pracy” na angielski: do ${day(addDays(today(), 1))} \\(link do przesłania jest w wiadomości e-mail\\)<`,
    ),
  )
})
