// The support schedule (harmonogram wsparcia) and the people to contact: a project's staff plan
// dated activities within its period, refused beside the field when they do not fit; everyone who
// reads the project reads the schedule as a list by day and as a month; a published project shows
// it publicly with a calendar feed, and names whom to contact.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Client, signedIn } from '../../../../test/support/client.ts'
import { projectIdOf } from '../../../../test/support/given.ts'
import { plain } from '../../../../test/support/html.ts'
import { ActivityForm, ContactForm } from '../schemas.ts'
import { activityDayProblem } from './service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const projectId = (acronym: string) => projectIdOf(db(), acronym)

test('an activity takes place within its project’s period and ends no earlier than it starts', () => {
  const project = { starts_on: '2017-03-01', ends_on: '2020-02-29' }
  assert.equal(activityDayProblem({ startsOn: '2017-03-01', endsOn: null }, project), null)
  assert.equal(activityDayProblem({ startsOn: '2020-02-28', endsOn: '2020-02-29' }, project), null)
  assert.deepEqual(activityDayProblem({ startsOn: '2017-02-28', endsOn: null }, project), {
    field: 'startsOn',
    message: 'projects.errors.activityOutsidePeriod',
  })
  assert.deepEqual(activityDayProblem({ startsOn: '2020-02-28', endsOn: '2020-03-02' }, project), {
    field: 'endsOn',
    message: 'projects.errors.activityOutsidePeriod',
  })
  const backwards = ActivityForm.safeParse({
    title: 'Szkolenie',
    startsOn: '2018-05-10',
    endsOn: '2018-05-09',
  })
  assert.equal(backwards.success, false)
  assert.equal(backwards.error?.issues[0].message, 'projects.errors.activityEndBeforeStart')
  const nationwide = ActivityForm.parse({ title: 'Webinarium', startsOn: '2018-05-10', voivodeship: '' })
  assert.equal(nationwide.voivodeship, null)
  assert.equal(nationwide.endsOn, null)
})

test('a contact person has a mail address or a telephone number; a number is written in digits', () => {
  const none = ContactForm.safeParse({ name: 'Ewa Kowalska', function: '', email: '', phone: '' })
  assert.deepEqual(
    none.error?.issues.map((i) => [i.path.join('.'), i.message]),
    [['email', 'projects.errors.contactWay']],
  )
  const letters = ContactForm.safeParse({ name: 'Ewa Kowalska', email: '', phone: 'dzwonić rano' })
  assert.equal(letters.error?.issues[0].message, 'projects.errors.phone')
  assert.equal(ContactForm.safeParse({ name: 'Ewa Kowalska', phone: '+48 (22) 622-01-22' }).success, true)
})

test('staff plan an activity; one outside the period or ending before it starts is refused beside its field, typed values kept', async () => {
  const sires = await projectId('SIRES')
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const page = await staff.get(`/projects/${sires}/schedule`)
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /Dodaj działanie do harmonogramu/)

  const outside = await staff.post(`/projects/${sires}/schedule`, {
    title: 'Szkolenie uzupełniające w Lublinie',
    startsOn: '2020-03-10',
    endsOn: '',
    voivodeship: '06',
    place: 'Lublin',
    description: '',
  })
  assert.equal(outside.statusCode, 422)
  const html = plain(outside.body)
  assert.match(
    html,
    /id="field-startsOn-error"[\s\S]*?Działanie musi się odbyć w okresie realizacji projektu/,
  )
  assert.match(html, /name="title" type="text" value="Szkolenie uzupełniające w Lublinie"/)
  assert.match(html, /<option value="06" selected>lubelskie<\/option>/)

  const backwards = await staff.post(`/projects/${sires}/schedule`, {
    title: 'Szkolenie uzupełniające w Lublinie',
    startsOn: '2019-10-15',
    endsOn: '2019-10-14',
    voivodeship: '06',
    place: 'Lublin',
    description: '',
  })
  assert.equal(backwards.statusCode, 422)
  assert.match(
    plain(backwards.body),
    /id="field-endsOn-error"[\s\S]*?Ostatni dzień działania nie może być wcześniej niż pierwszy/,
  )

  const added = await staff.post(`/projects/${sires}/schedule`, {
    title: 'Szkolenie uzupełniające w Lublinie',
    startsOn: '2019-10-15',
    endsOn: '2019-10-16',
    voivodeship: '06',
    place: 'Lublin, ul. Diamentowa 2',
    description: 'Dla osób, które nie ukończyły pierwszej tury.',
  })
  assert.equal(added.statusCode, 303)
  assert.equal(added.headers.location, `/projects/${sires}/schedule`)
  const list = plain((await staff.get(`/projects/${sires}/schedule`)).body)
  assert.match(list, /Dodano działanie do harmonogramu\./)
  assert.match(list, /15 października 2019 – 16 października 2019[\s\S]*?Szkolenie uzupełniające w Lublinie/)
  assert.match(list, /Lublin, ul\. Diamentowa 2 \(lubelskie\)/)
  // Kept in the project's history with who added it.
  const history = plain((await staff.get(`/projects/${sires}/history`)).body)
  assert.match(
    history,
    /Harmonogram wsparcia[\s\S]*?2019-10-15 – 2019-10-16 · Szkolenie uzupełniające w Lublinie/,
  )

  // And removed again, also in the history.
  const row = await db()
    .selectFrom('project_activities')
    .select('id')
    .where('title', '=', 'Szkolenie uzupełniające w Lublinie')
    .executeTakeFirstOrThrow()
  const removed = await staff.post(`/projects/${sires}/schedule/remove`, { rowId: row.id })
  assert.equal(removed.statusCode, 303)
  assert.doesNotMatch((await staff.get(`/projects/${sires}/schedule`)).body, /Szkolenie uzupełniające/)
  assert.equal(
    (await db().selectFrom('project_revisions').select('id').where('project_id', '=', sires).execute())
      .length,
    4,
  )
})

test('the managing authority reads a schedule but does not change it; staff of another project do not find it', async () => {
  const sires = await projectId('SIRES')
  const other = (
    await db()
      .selectFrom('projects')
      .select('id')
      .where('title', '=', 'Międzysektorowa współpraca na rzecz rozwoju lokalnego')
      .executeTakeFirstOrThrow()
  ).id
  const iz = await signedIn(h.app, 'iz@demo.siatka.test')
  const read = await iz.get(`/projects/${sires}/schedule`)
  assert.equal(read.statusCode, 200)
  assert.doesNotMatch(read.body, /Dodaj działanie|>Usuń</)
  const activity = await db()
    .selectFrom('project_activities')
    .select('id')
    .where('project_id', '=', sires)
    .executeTakeFirstOrThrow()
  assert.equal((await iz.post(`/projects/${sires}/schedule/remove`, { rowId: activity.id })).statusCode, 403)
  assert.equal(
    (await iz.post(`/projects/${sires}/schedule`, { title: 'X', startsOn: '2018-01-10' })).statusCode,
    403,
  )
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  assert.equal((await staff.get(`/projects/${other}/schedule`)).statusCode, 404)
  // An activity of one project cannot be removed through another's address.
  const pswps = await projectId('PSWPS')
  const wrong = await staff.post(`/projects/${pswps}/schedule/remove`, { rowId: activity.id })
  assert.equal(wrong.statusCode, 422)
  assert.ok(
    await db().selectFrom('project_activities').select('id').where('id', '=', activity.id).executeTakeFirst(),
  )
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  assert.equal((await member.get(`/projects/${sires}/schedule`)).statusCode, 403)
})

test('the calendar shows a month with each activity on every day it is held; a wrong month or view falls back', async () => {
  const sires = await projectId('SIRES')
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const may = plain((await coordinator.get(`/projects/${sires}/schedule?view=calendar&month=2017-05`)).body)
  assert.match(may, /<caption[^>]*>maj 2017<\/caption>/)
  // The first training (Wrocław, 9–10 May 2017) is in both days' cells.
  const cells = may.split('siatka-month__day">').slice(1)
  const day = (n: number) => cells.find((c) => c.startsWith(`${n}<`)) ?? ''
  for (const n of [9, 10]) assert.match(day(n), /Szkolenie regionalne/, `${n} May`)
  assert.doesNotMatch(day(11), /Szkolenie regionalne/)
  assert.match(may, /href="\/projects\/[^"]+\/schedule\?view=calendar&(amp;)?month=2017-06" rel="next"/)
  // A project that has ended opens on its first activity's month.
  assert.match((await coordinator.get(`/projects/${sires}/schedule?view=calendar`)).body, /maj 2017/)
  for (const q of [
    'view=calendar&month=2017-13',
    'view=calendar&month=0000-01',
    'view=week',
    'after=nonsense',
  ])
    assert.equal((await coordinator.get(`/projects/${sires}/schedule?${q}`)).statusCode, 200, q)
})

test('the list pages by keyset: each page continues after the last activity shown, none twice', async () => {
  const pswps = await projectId('PSWPS')
  const project = await db()
    .selectFrom('projects')
    .select(['starts_on', 'created_by'])
    .where('id', '=', pswps)
    .executeTakeFirstOrThrow()
  // Sixty more activities on the same day as each other, so the order needs the id too.
  await db()
    .insertInto('project_activities')
    .values(
      Array.from({ length: 60 }, (_, i) => ({
        project_id: pswps,
        title: `Dyżur doradczy ${i + 1}`,
        starts_on: project.starts_on,
        ends_on: project.starts_on,
        voivodeship: '12',
        place: '',
        description: '',
        created_by: project.created_by,
        updated_at: new Date(),
      })),
    )
    .execute()
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const seen: string[] = []
  let url: string | null = `/projects/${pswps}/schedule`
  let pages = 0
  while (url) {
    const body: string = (await coordinator.get(url)).body
    seen.push(...[...body.matchAll(/name="rowId" value="([^"]+)"/g)].map((m) => m[1]))
    const next: string | undefined = /href="([^"]+)" rel="next">Dalsze działania/.exec(body)?.[1]
    url = next ? next.replace(/&amp;/g, '&') : null
    pages++
  }
  const total = await db()
    .selectFrom('project_activities')
    .select('id')
    .where('project_id', '=', pswps)
    .execute()
  assert.equal(pages, 2)
  assert.equal(seen.length, total.length)
  assert.equal(new Set(seen).size, seen.length, 'none twice')
  await db().deleteFrom('project_activities').where('title', 'like', 'Dyżur doradczy%').execute()
})

test('a published project’s schedule is public with a calendar feed: all-day events, folded lines, one UID each', async () => {
  const sires = await projectId('SIRES')
  const visitor = new Client(h.app)
  const page = plain((await visitor.get(`/funded-projects/${sires}/schedule`)).body)
  assert.match(page, /Harmonogram wsparcia: Spójna integracja regionalna ekonomii społecznej \(SIRES\)/)
  assert.match(page, /Konferencja podsumowująca projekt SIRES/)
  assert.doesNotMatch(page, /Dodaj działanie|name="rowId"/)

  const feed = await visitor.get(`/funded-projects/${sires}/schedule.ics`)
  assert.equal(feed.statusCode, 200)
  assert.match(String(feed.headers['content-type']), /^text\/calendar; charset=utf-8/)
  const ics = feed.body
  const count = (
    await db().selectFrom('project_activities').select('id').where('project_id', '=', sires).execute()
  ).length
  assert.equal(ics.match(/BEGIN:VEVENT/g)?.length, count)
  assert.equal(new Set(ics.match(/^UID:.*$/gm)).size, count)
  // Wrocław's two days: 9 and 10 May 2017, the end exclusive.
  assert.match(
    ics,
    /DTSTART;VALUE=DATE:20170509\r\nDTEND;VALUE=DATE:20170511|DTEND;VALUE=DATE:20170511\r\n[\s\S]*?DTSTART;VALUE=DATE:20170509/,
  )
  for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, line)
  assert.match(ics, /X-WR-CALNAME:Harmonogram wsparcia: Spójna integracja/)

  // A published project without activities still has a valid, empty calendar.
  const other = (
    await db()
      .selectFrom('projects')
      .select('id')
      .where('title', '=', 'Międzysektorowa współpraca na rzecz rozwoju lokalnego')
      .executeTakeFirstOrThrow()
  ).id
  const empty = (await visitor.get(`/funded-projects/${other}/schedule.ics`)).body
  assert.match(empty, /^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n[\s\S]*END:VCALENDAR\r\n$/)
  assert.doesNotMatch(empty, /VEVENT/)

  // What is not published has no public schedule and no feed.
  await db().updateTable('projects').set({ is_public: false }).where('id', '=', other).execute()
  assert.equal((await visitor.get(`/funded-projects/${other}/schedule`)).statusCode, 404)
  assert.equal((await visitor.get(`/funded-projects/${other}/schedule.ics`)).statusCode, 404)
  await db().updateTable('projects').set({ is_public: true }).where('id', '=', other).execute()
})

test('the public project page shows the coming activities, or the last ones once all are held, and whom to contact', async () => {
  const visitor = new Client(h.app)
  const running = plain((await visitor.get(`/funded-projects/${await projectId('PSWPS')}`)).body)
  assert.match(running, /Najbliższe działania[\s\S]*?Warsztat pilotażowy dla doradców OWES/)
  assert.doesNotMatch(running, /Wizyta studyjna u partnera fińskiego/, 'held already')
  assert.match(running, /href="\/funded-projects\/[^"]+\/schedule\.ics"/)
  assert.match(running, /Paweł Projektowy<\/strong><span>, kierownik projektu<\/span>/)
  assert.match(running, /href="tel:\+48124215530"/)

  const ended = plain((await visitor.get(`/funded-projects/${await projectId('SIRES')}`)).body)
  assert.match(ended, /Ostatnie działania[\s\S]*?Konferencja podsumowująca projekt SIRES/)
  assert.match(ended, /href="mailto:k\.wisniewska@demo\.siatka\.test"/)
  const english = plain(
    (await visitor.get(`/funded-projects/${await projectId('SIRES')}`, { cookie: 'siatka_lang=en' })).body,
  )
  assert.match(english, /The last activities/)
})

test('staff name the people to contact: one without a mail address or telephone is refused, at most ten', async () => {
  const pswps = await projectId('PSWPS')
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const refused = await staff.post(`/projects/${pswps}/contacts`, {
    name: 'Joanna Mazur',
    function: 'asystentka projektu',
    email: '',
    phone: '',
  })
  assert.equal(refused.statusCode, 422)
  const html = plain(refused.body)
  assert.match(html, /id="field-contact-email-error"[\s\S]*?Podaj adres e-mail albo numer telefonu/)
  assert.match(html, /id="field-contact-name" name="name" type="text" value="Joanna Mazur"/)

  const added = await staff.post(`/projects/${pswps}/contacts`, {
    name: 'Joanna Mazur',
    function: 'asystentka projektu',
    email: 'j.mazur@demo.siatka.test',
    phone: '',
  })
  assert.equal(added.statusCode, 303)
  assert.equal(added.headers.location, `/projects/${pswps}/parts#contacts`)
  assert.match(
    plain((await new Client(h.app).get(`/funded-projects/${pswps}`)).body),
    /Joanna Mazur<\/strong><span>, asystentka projektu<\/span>/,
  )
  // Ten at most: the project has two now; eight more fit, the eleventh does not.
  for (let i = 0; i < 8; i++)
    assert.equal(
      (
        await staff.post(`/projects/${pswps}/contacts`, {
          name: `Osoba ${i}`,
          email: '',
          phone: `+48 600 000 00${i}`,
        })
      ).statusCode,
      303,
    )
  const eleventh = await staff.post(`/projects/${pswps}/contacts`, {
    name: 'Adam Nowak',
    email: '',
    phone: '+48 600 100 200',
  })
  assert.equal(eleventh.statusCode, 422)
  assert.match(plain(eleventh.body), /Projekt może podać najwyżej 10 osób do kontaktu/)

  const joanna = await db()
    .selectFrom('project_contacts')
    .select('id')
    .where('name', '=', 'Joanna Mazur')
    .executeTakeFirstOrThrow()
  assert.equal((await staff.post(`/projects/${pswps}/contacts/remove`, { rowId: joanna.id })).statusCode, 303)
  assert.equal(
    await db().selectFrom('project_contacts').select('id').where('id', '=', joanna.id).executeTakeFirst(),
    undefined,
  )
})
