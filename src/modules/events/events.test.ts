// Events: the rules of registering (unit), and through HTTP what each person does: a visitor reads
// the list and an event and registers by confirming their address; a full event puts people on a
// waiting list and a place given up goes to the first of them, held for a while; the secretariat
// publishes and changes events and reads who registered. The last place goes to exactly one of two
// people asking at the same moment.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { givenPerson } from '../../../test/support/given.ts'
import { plain } from '../../../test/support/html.ts'
import { addDays, today, warsawInstant } from '../../kernel/dates.ts'
import { expireOffers } from './registrations.ts'
import { capacityTooLow, eventInstants, offerExpiry, placeFor, registrationWindow } from './rules.ts'

const hour = 3_600_000

test('registration is open between its opening and its closing, and never once the event has begun', () => {
  const e = {
    registration_opens_at: new Date('2027-03-01T00:00:00Z'),
    registration_closes_at: new Date('2027-03-10T00:00:00Z'),
    starts_at: new Date('2027-03-12T09:00:00Z'),
  }
  assert.equal(registrationWindow(e, new Date('2027-02-28T23:59:59Z')), 'not_yet')
  assert.equal(registrationWindow(e, new Date('2027-03-01T00:00:00Z')), 'open')
  assert.equal(registrationWindow(e, new Date('2027-03-09T23:59:59Z')), 'open')
  assert.equal(registrationWindow(e, new Date('2027-03-10T00:00:00Z')), 'closed')
  assert.equal(
    registrationWindow(
      { ...e, registration_closes_at: new Date('2027-04-01T00:00:00Z') },
      new Date('2027-03-12T09:00:00Z'),
    ),
    'closed',
  )
})

test('a confirmed person gets a place while one is left, then the waiting list; places never go below those taken', () => {
  assert.equal(placeFor(20, 0), 'confirmed')
  assert.equal(placeFor(20, 19), 'confirmed')
  assert.equal(placeFor(20, 20), 'waiting')
  assert.equal(placeFor(20, 25), 'waiting')
  assert.equal(capacityTooLow(19, 20), true)
  assert.equal(capacityTooLow(20, 20), false)
})

test('a place offered from the waiting list is held two days, but not past two hours before the start', () => {
  const now = new Date('2027-03-01T10:00:00Z')
  assert.deepEqual(offerExpiry(now, new Date('2027-03-20T09:00:00Z')), new Date('2027-03-03T10:00:00Z'))
  assert.deepEqual(offerExpiry(now, new Date('2027-03-02T09:00:00Z')), new Date('2027-03-02T07:00:00Z'))
  // Offered in the last two hours: held until the start.
  assert.deepEqual(offerExpiry(now, new Date('2027-03-01T11:00:00Z')), new Date('2027-03-01T11:00:00Z'))
})

test('an event’s days and times are on a Warsaw clock; registration closes at the end of its last day or at the start', () => {
  // 30 March 2027 is summer time (UTC+2).
  const at = eventInstants({
    day: '2027-03-30',
    startTime: '09:30',
    endDay: '2027-03-30',
    endTime: '15:00',
    opensOn: '2027-03-01',
    closesOn: '2027-03-28',
  })
  assert.equal(at.starts_at.toISOString(), '2027-03-30T07:30:00.000Z')
  assert.equal(at.ends_at.toISOString(), '2027-03-30T13:00:00.000Z')
  // 1 March is winter time (UTC+1); the closing day ends at midnight of the next day.
  assert.equal(at.registration_opens_at.toISOString(), '2027-02-28T23:00:00.000Z')
  assert.equal(at.registration_closes_at.toISOString(), '2027-03-28T22:00:00.000Z')
  // Closing on the event's own day closes at its start.
  assert.deepEqual(
    eventInstants({
      ...{
        day: '2027-03-30',
        startTime: '09:30',
        endDay: '2027-03-30',
        endTime: '15:00',
        opensOn: '2027-03-01',
      },
      closesOn: '2027-03-30',
    }).registration_closes_at,
    at.starts_at,
  )
})

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

/** An event open for registration now, starting in ten days. */
async function givenEvent(o: { capacity: number; title?: string }) {
  const coordinator = await db()
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'koordynator@demo.siatka.test')
    .executeTakeFirstOrThrow()
  const day = addDays(today(), 10)
  return (
    await db()
      .insertInto('events')
      .values({
        kind: 'workshop',
        title: o.title ?? `Warsztat testowy ${Math.random().toString(36).slice(2, 8)}`,
        lang: 'pl',
        space_id: null,
        starts_at: warsawInstant(day, '10:00'),
        ends_at: warsawInstant(day, '14:00'),
        venue: 'Sala 1, ul. Testowa 1, Katowice',
        capacity: o.capacity,
        registration_opens_at: new Date(Date.now() - 86_400_000),
        registration_closes_at: warsawInstant(addDays(day, -1), '23:59'),
        created_by: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
}

const stateOf = async (eventId: string, email: string) =>
  (
    await db()
      .selectFrom('event_registrations')
      .select('state')
      .where('event_id', '=', eventId)
      .where('email', '=', email)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow()
  ).state

const linkIn = (text: string) => {
  const m = /http:\/\/[^\s]+\/events\/registrations\/[A-Za-z0-9_-]+/.exec(text)
  assert.ok(m, `no registration link in: ${text}`)
  return new URL(m[0]).pathname
}

test('a visitor lists the upcoming events and the past ones, and reads one with its places and access', async () => {
  const visitor = new Client(h.app)
  const list = plain((await visitor.get('/events')).body)
  assert.match(list, /Warsztat: budżet partycypacyjny i inicjatywa lokalna w gminie/)
  assert.match(list, /Brak wolnych miejsc – można zapisać się na listę rezerwową \(czeka na niej: 3\)/)
  assert.match(list, /Zapisy ruszą/)
  assert.doesNotMatch(list, /Konferencja sieciująca/)
  const past = plain((await visitor.get('/events?when=past')).body)
  assert.match(past, /Konferencja sieciująca/)
  assert.doesNotMatch(past, /Warsztat: budżet partycypacyjny/)
  const panels = plain((await visitor.get('/events?kind=panel')).body)
  assert.match(panels, /Panel ekspercki/)
  assert.doesNotMatch(panels, /Warsztat:/)

  const id = (
    await db().selectFrom('events').select('id').where('kind', '=', 'panel').executeTakeFirstOrThrow()
  ).id
  const page = plain((await visitor.get(`/events/${id}`)).body)
  assert.match(page, /Dostępność miejsca[\s\S]*?Wejście od ul\. Ligonia bez schodów/)
  assert.match(page, /wolne: 48 z 60/)
  assert.match(page, /Zapisz się/)
  const ics = await visitor.get(`/events/${id}/event.ics`)
  assert.equal(ics.headers['content-type'], 'text/calendar; charset=utf-8')
  assert.match(ics.body, /SUMMARY:Panel ekspercki/)
  assert.equal((await visitor.get('/events/00000000-0000-4000-8000-000000000000')).statusCode, 404)
})

test('someone without an account registers, confirms their address by the link and gets a place with a calendar file; then gives it up', async () => {
  const eventId = await givenEvent({ capacity: 5 })
  const visitor = new Client(h.app)
  await visitor.get(`/events/${eventId}/register`)
  const email = 'marta.kowalczyk@example.pl'
  const sent = await visitor.post(`/events/${eventId}/register`, {
    name: 'Marta Kowalczyk',
    email,
    accessNeeds: ['pjm', 'step_free'],
    diet: 'wegetariańska',
    consent: 'yes',
  })
  assert.equal(sent.statusCode, 200)
  assert.match(plain(sent.body), /Sprawdź skrzynkę pocztową/)
  assert.equal(await stateOf(eventId, email), 'unconfirmed')

  const confirmMail = await h.smtp.waitFor(email, /Potwierdź zgłoszenie/)
  const link = linkIn(confirmMail.text)
  assert.match(plain((await visitor.get(link)).body), /Czeka na potwierdzenie adresu/)
  const confirmed = await visitor.post(`${link}/confirm`, {})
  assert.equal(confirmed.statusCode, 303)
  assert.equal(await stateOf(eventId, email), 'confirmed')
  const place = await h.smtp.waitFor(email, /Masz miejsce/)
  assert.match(place.raw.toString(), /BEGIN:VCALENDAR[\s\S]*SUMMARY:Warsztat testowy/)
  assert.match(plain((await visitor.get(link)).body), /Ma miejsce/)

  // The organiser sees the needs; the public page does not.
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const list = plain((await coordinator.get(`/events/${eventId}/registrations`)).body)
  assert.match(
    list,
    /Marta Kowalczyk[\s\S]*Ma miejsce[\s\S]*Tłumacz polskiego języka migowego \(PJM\); Dostęp bez schodów \(wózek\)[\s\S]*wegetariańska/,
  )
  assert.doesNotMatch(plain((await new Client(h.app).get(`/events/${eventId}`)).body), /Kowalczyk|PJM/)

  await visitor.post(`${link}/cancel`, {})
  assert.equal(await stateOf(eventId, email), 'cancelled')
  await h.smtp.waitFor(email, /Zgłoszenie wycofane/)
})

test('the same address registering twice is one registration, told the same as a new one; a bot’s field keeps nothing', async () => {
  const eventId = await givenEvent({ capacity: 5 })
  const visitor = new Client(h.app)
  await visitor.get(`/events/${eventId}/register`)
  const form = { name: 'Jan Wróbel', email: 'jan.wrobel@example.pl', consent: 'yes' }
  const first = plain((await visitor.post(`/events/${eventId}/register`, form)).body)
  const second = plain(
    (await visitor.post(`/events/${eventId}/register`, { ...form, email: 'Jan.Wrobel@example.pl' })).body,
  )
  assert.equal(first, second)
  await h.smtp.waitFor('jan.wrobel@example.pl', /Potwierdź zgłoszenie/, 5000, 2)
  const rows = await db()
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', eventId)
    .execute()
  assert.equal(rows.length, 1)

  const bot = plain(
    (
      await visitor.post(`/events/${eventId}/register`, {
        ...form,
        email: 'bot@example.pl',
        website: 'http://spam.example',
      })
    ).body,
  )
  assert.match(bot, /Sprawdź skrzynkę pocztową/)
  const none = await db()
    .selectFrom('event_registrations')
    .select('id')
    .where('email', '=', 'bot@example.pl')
    .execute()
  assert.equal(none.length, 0)
})

test('a form without consent or with a wrong address is refused beside its fields, with what was typed kept', async () => {
  const eventId = await givenEvent({ capacity: 5 })
  const visitor = new Client(h.app)
  await visitor.get(`/events/${eventId}/register`)
  const res = await visitor.post(`/events/${eventId}/register`, {
    name: 'Zofia <b>Nowak</b>',
    email: 'zofia.nowak@',
    diet: 'bez laktozy',
  })
  assert.equal(res.statusCode, 422)
  const page = plain(res.body)
  assert.match(page, /Wpisz adres e-mail w poprawnym formacie/)
  assert.match(page, /Zaznacz zgodę – bez niej nie możemy przyjąć zgłoszenia/)
  assert.match(res.body, /value="Zofia <b>Nowak<\/b>"/)
  assert.match(res.body, /value="bez laktozy"/)
})

test('a full event puts people on the waiting list; a place given up is offered to the first of them, then the next when the time passes', async () => {
  const eventId = await givenEvent({ capacity: 1 })
  const people = await Promise.all(
    ['Irena Sowa', 'Olga Lis', 'Adam Kruk'].map((name, i) =>
      givenPerson(db(), { name, email: `kolejka${i}.${eventId.slice(0, 8)}@example.pl` }),
    ),
  )
  const clients = await Promise.all(people.map((p) => signedIn(h.app, p.email)))
  for (const [i, c] of clients.entries()) {
    await c.get(`/events/${eventId}/register`)
    const res = await c.post(`/events/${eventId}/register`, { name: people[i]?.name ?? '', consent: 'yes' })
    assert.equal(res.statusCode, 303)
  }
  const [first, second, third] = people.map((p) => p.email) as [string, string, string]
  assert.equal(await stateOf(eventId, first), 'confirmed')
  assert.equal(await stateOf(eventId, second), 'waiting')
  assert.equal(await stateOf(eventId, third), 'waiting')
  assert.match(
    plain((await clients[1]?.get(`/events/${eventId}`))?.body ?? ''),
    /Jesteś na liście rezerwowej/,
  )

  // The first gives up their place: the second is offered it, with a new link by mail.
  await clients[0]?.post(`/events/${eventId}/cancel`, {})
  assert.equal(await stateOf(eventId, first), 'cancelled')
  assert.equal(await stateOf(eventId, second), 'offered')
  const offer = await h.smtp.waitFor(second, /Zwolniło się miejsce/)
  assert.match(offer.text, /potwierdzisz je do/)

  // Not taken in time: it expires and goes to the third, who takes it from the event's page.
  await expireOffers(db(), { baseUrl: h.config.baseUrl, now: new Date(Date.now() + 49 * hour) })
  assert.equal(await stateOf(eventId, second), 'expired')
  await h.smtp.waitFor(second, /Minął czas na potwierdzenie/)
  assert.equal(await stateOf(eventId, third), 'offered')
  const page = plain((await clients[2]?.get(`/events/${eventId}`))?.body ?? '')
  assert.match(page, /Zwolniło się miejsce dla Ciebie/)
  await clients[2]?.post(`/events/${eventId}/confirm`, {})
  assert.equal(await stateOf(eventId, third), 'confirmed')
  await h.smtp.waitFor(third, /Masz miejsce/)
})

test('the last place goes to exactly one of two people asking at the same moment', async () => {
  for (let round = 0; round < 3; round++) {
    const eventId = await givenEvent({ capacity: 1 })
    const people = await Promise.all(
      [0, 1].map((i) =>
        givenPerson(db(), {
          name: `Osoba ${i}`,
          email: `naraz${round}${i}.${eventId.slice(0, 8)}@example.pl`,
        }),
      ),
    )
    const clients = await Promise.all(people.map((p) => signedIn(h.app, p.email)))
    for (const c of clients) await c.get(`/events/${eventId}/register`)
    const answers = await Promise.all(
      clients.map((c, i) =>
        c.post(`/events/${eventId}/register`, { name: people[i]?.name ?? '', consent: 'yes' }),
      ),
    )
    assert.deepEqual(
      answers.map((a) => a.statusCode),
      [303, 303],
    )
    const states = (
      await db().selectFrom('event_registrations').select('state').where('event_id', '=', eventId).execute()
    )
      .map((r) => r.state)
      .sort()
    assert.deepEqual(states, ['confirmed', 'waiting'])
  }
})

test('the secretariat publishes an event and changes it; bad times and places below those taken are refused with the numbers', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  await coordinator.get('/events/new')
  const day = addDays(today(), 30)
  const form = {
    kind: 'training',
    title: 'Szkolenie: ewaluacja projektów',
    description: 'Program: **ewaluacja** ex post.',
    lang: 'pl',
    organiser: '',
    day,
    startTime: '10:00',
    endDay: day,
    endTime: '09:00',
    venue: '',
    venueAccess: '',
    onlineUrl: '',
    capacity: '2',
    opensOn: today(),
    closesOn: addDays(day, -2),
  }
  const refused = await coordinator.post('/events/new', form)
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /Wydarzenie musi kończyć się później, niż się zaczyna/)
  const noPlace = await coordinator.post('/events/new', { ...form, endTime: '12:00' })
  assert.match(plain(noPlace.body), /Podaj miejsce albo link do spotkania online/)
  const created = await coordinator.post('/events/new', {
    ...form,
    endTime: '12:00',
    onlineUrl: 'https://spotkania.example.pl/ewaluacja',
  })
  assert.equal(created.statusCode, 303)
  const eventId = (created.headers.location as string).split('/').pop() as string
  assert.match(
    plain((await new Client(h.app).get(`/events/${eventId}`)).body),
    /Szkolenie: ewaluacja projektów[\s\S]*ewaluacja<\/strong> ex post/,
  )

  // Two places taken; lowering to one is refused, saying both numbers.
  for (const name of ['Ewa Sikora', 'Piotr Sikora']) {
    const p = await givenPerson(db(), {
      name,
      email: `${name.split(' ')[0]?.toLowerCase()}.sikora@example.pl`,
    })
    const c = await signedIn(h.app, p.email)
    await c.get(`/events/${eventId}/register`)
    await c.post(`/events/${eventId}/register`, { name, consent: 'yes' })
  }
  await coordinator.get(`/events/${eventId}/edit`)
  const lower = await coordinator.post(`/events/${eventId}/edit`, {
    ...form,
    endTime: '12:00',
    onlineUrl: 'https://spotkania.example.pl/ewaluacja',
    capacity: '1',
  })
  assert.equal(lower.statusCode, 422)
  assert.match(plain(lower.body), /Zajęte miejsca: 2\. Liczba miejsc nie może być mniejsza \(wpisano 1\)/)
  assert.match(lower.body, /name="capacity"[^>]*value="1"|value="1"[^>]*name="capacity"/)
})

test('only the secretariat adds and changes events and reads who registered', async () => {
  const eventId = await givenEvent({ capacity: 5 })
  const visitor = new Client(h.app)
  assert.equal((await visitor.get('/events/new')).statusCode, 303)
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  assert.equal((await member.get('/events/new')).statusCode, 403)
  assert.equal((await member.get(`/events/${eventId}/edit`)).statusCode, 403)
  assert.equal((await member.get(`/events/${eventId}/registrations`)).statusCode, 403)
  assert.doesNotMatch((await member.get(`/events/${eventId}`)).body, /\/registrations"/)
  const secretary = await signedIn(h.app, 'sekretarz@demo.siatka.test')
  assert.equal((await secretary.get(`/events/${eventId}/registrations`)).statusCode, 403)
})

test('someone who registered without an account and then signs in has that registration as their own, confirmed by the account', async () => {
  const eventId = await givenEvent({ capacity: 3 })
  const person = await givenPerson(db(), {
    name: 'Teresa Górska',
    email: `teresa.${eventId.slice(0, 8)}@example.pl`,
  })
  const visitor = new Client(h.app)
  await visitor.get(`/events/${eventId}/register`)
  await visitor.post(`/events/${eventId}/register`, {
    name: 'Teresa Górska',
    email: person.email,
    consent: 'yes',
  })
  assert.equal(await stateOf(eventId, person.email), 'unconfirmed')
  const client = await signedIn(h.app, person.email)
  await client.get(`/events/${eventId}/register`)
  const res = await client.post(`/events/${eventId}/register`, { name: 'Teresa Górska', consent: 'yes' })
  assert.equal(res.statusCode, 303)
  assert.equal(await stateOf(eventId, person.email), 'confirmed')
  const rows = await db()
    .selectFrom('event_registrations')
    .select('person_id')
    .where('event_id', '=', eventId)
    .execute()
  assert.deepEqual(rows, [{ person_id: person.id }])
  assert.match(plain((await client.get(`/events/${eventId}`)).body), /Masz miejsce na tym wydarzeniu/)
  // The mail's link is the registration's.
  const link = linkIn((await h.smtp.waitFor(person.email, /Masz miejsce/)).text)
  assert.match(plain((await new Client(h.app).get(link)).body), /Ma miejsce/)
})

test('the upcoming events are feeds anyone subscribes to: Atom, RSS and a calendar, soonest first, nothing held', async () => {
  const visitor = new Client(h.app)
  const atom = await visitor.get('/events/feed.atom')
  assert.equal(atom.headers['content-type'], 'application/atom+xml; charset=utf-8')
  assert.match(
    atom.body,
    /<title type="html"><!\[CDATA\[Warsztat: budżet partycypacyjny i inicjatywa lokalna w gminie \(/,
  )
  assert.doesNotMatch(atom.body, /Konferencja sieciująca/)
  const rss = await visitor.get('/events/feed.rss')
  assert.equal(rss.headers['content-type'], 'application/rss+xml; charset=utf-8')
  assert.match(rss.body, /<link>http:\/\/[^<]+\/events\/[0-9a-f-]{36}<\/link>/)
  const ics = await visitor.get('/events/calendar.ics')
  assert.equal(ics.headers['content-type'], 'text/calendar; charset=utf-8')
  const summaries = [...ics.body.matchAll(/^SUMMARY:(.*)$/gm)].map((m) => m[1])
  assert.ok(
    summaries.some((s) => s?.startsWith('Panel ekspercki')),
    'the panel is in the calendar',
  )
  assert.ok(!summaries.some((s) => s?.startsWith('Konferencja sieciująca')), 'the conference held is not')
  assert.match(ics.body, /UID:event-[0-9a-f-]{36}@/)
})

test('the list narrows by organiser, voivodeship, theme and day, and each filter carries to the next page; an event gives partners a plain snippet', async () => {
  const visitor = new Client(h.app)
  const pswps = (
    await db().selectFrom('projects').select('id').where('acronym', '=', 'PSWPS').executeTakeFirstOrThrow()
  ).id
  const titles = (html: string) =>
    [...html.matchAll(/<a class="govuk-link" href="\/events\/[0-9a-f-]{36}" lang="\w+">([^<]+)<\/a>/g)].map(
      (m) => m[1],
    )
  // The project's own events: its webinar and workshop ahead, its training held.
  const upcoming = titles((await visitor.get(`/events?organiser=project:${pswps}`)).body)
  assert.deepEqual(upcoming.sort(), [
    'Warsztat: klauzule społeczne w zamówieniach publicznych',
    'Webinar: finding partners for transnational cooperation in ESF+',
  ])
  const past = titles((await visitor.get(`/events?when=past&organiser=project:${pswps}`)).body)
  assert.deepEqual(past, ['Szkolenie: jak rozliczyć wkład własny w projekcie EFS+'])
  // In śląskie (the webinar is online, for no voivodeship), on the social economy.
  const theme = (
    await db()
      .selectFrom('project_themes')
      .select('id')
      .where('code', '=', 'social-economy')
      .executeTakeFirstOrThrow()
  ).id
  assert.deepEqual(titles((await visitor.get(`/events?region=24&theme=${theme}`)).body), [
    'Warsztat: klauzule społeczne w zamówieniach publicznych',
  ])
  // From a day on: nothing before it.
  const from = addDays(today(), 40)
  const later = await visitor.get(`/events?from=${from}`)
  const starts = await db()
    .selectFrom('events')
    .select(['title', 'starts_at'])
    .where('title', 'in', titles(later.body))
    .execute()
  assert.ok(starts.length > 0 && starts.every((e) => e.starts_at >= warsawInstant(from, '00:00')))
  // A bad filter is no filter; the chosen ones carry over to the next page.
  const all = titles((await visitor.get('/events')).body)
  for (const bad of ['region=99', 'theme=x', 'organiser=space:1', 'from=2027-13-45', 'from=2027-02-30'])
    assert.deepEqual(titles((await visitor.get(`/events?${bad}`)).body), all, bad)
  assert.match(
    (await visitor.get(`/events?organiser=project:${pswps}`)).body,
    new RegExp(`value="project:${pswps}" selected`),
  )

  // The snippet: the event's title, time and place and the registration link, escaped, no script.
  const workshop = (
    await db()
      .selectFrom('events')
      .select('id')
      .where('title', '=', 'Warsztat: klauzule społeczne w zamówieniach publicznych')
      .executeTakeFirstOrThrow()
  ).id
  const page = (await visitor.get(`/events/${workshop}`)).body
  const snippet = /<textarea[^>]*id="event-embed"[^>]*>([\s\S]*?)<\/textarea>/.exec(page)?.[1] ?? ''
  const code = snippet
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&amp;/g, '&')
  assert.match(
    code,
    new RegExp(`<a href="${h.config.baseUrl}/events/${workshop}">Warsztat: klauzule społeczne`),
  )
  assert.match(code, /Warsztat · \d+ \S+ \d{4}, 10:00–15:00 · Starostwo Powiatowe w Rybniku/)
  assert.match(code, new RegExp(`<a href="${h.config.baseUrl}/events/${workshop}/register">Zapisz się</a>`))
  assert.doesNotMatch(code, /<script|style=/)
})
