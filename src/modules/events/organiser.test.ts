// What an event's organiser runs beyond registering people, through HTTP: approving each
// registration where the event asks for it, the programme of sessions with speakers and places of
// their own, the event's documents, and the evaluation survey mailed to those who came, with its
// results.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { plain } from '../../../test/support/html.ts'
import { addDays, today, warsawInstant } from '../../kernel/dates.ts'
import { arrivalFor, clashOf, overlap } from './rules.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const coordinatorEmail = 'koordynator@demo.siatka.test'
const memberEmail = 'czlonek@demo.siatka.test'

/** An event open for registration now, starting in ten days (or as given). */
async function givenEvent(o: { capacity: number; approval?: boolean; startsInDays?: number }) {
  const coordinator = await db()
    .selectFrom('people')
    .select('id')
    .where('email', '=', coordinatorEmail)
    .executeTakeFirstOrThrow()
  const day = addDays(today(), o.startsInDays ?? 10)
  return (
    await db()
      .insertInto('events')
      .values({
        kind: 'workshop',
        title: `Warsztat organizatora ${Math.random().toString(36).slice(2, 8)}`,
        lang: 'pl',
        space_id: null,
        project_id: null,
        starts_at: warsawInstant(day, '10:00'),
        ends_at: warsawInstant(day, '16:00'),
        venue: 'Sala 2, ul. Testowa 1, Katowice',
        capacity: o.capacity,
        approval: o.approval ?? false,
        registration_opens_at: new Date(Date.now() - 30 * 86_400_000),
        registration_closes_at: warsawInstant(day, '09:00'),
        created_by: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id
}

const registrationOf = (eventId: string, email: string) =>
  db()
    .selectFrom('event_registrations')
    .select(['id', 'state'])
    .where('event_id', '=', eventId)
    .where('email', '=', email)
    .executeTakeFirstOrThrow()

const linkIn = (text: string) => {
  const m = /http:\/\/[^\s]+\/events\/registrations\/[A-Za-z0-9_-]+/.exec(text)
  assert.ok(m, `no registration link in: ${text}`)
  return new URL(m[0]).pathname
}

/** Someone without an account registers and confirms their address; their client and private link. */
async function registered(eventId: string, name: string, email: string) {
  const visitor = new Client(h.app)
  await visitor.get(`/events/${eventId}/register`)
  const sent = await visitor.post(`/events/${eventId}/register`, { name, email, consent: 'yes' })
  assert.equal(sent.statusCode, 200, 'the form is taken')
  const link = linkIn((await h.smtp.waitFor(email, /Potwierdź zgłoszenie/)).text)
  await visitor.get(link)
  assert.equal((await visitor.post(`${link}/confirm`, {})).statusCode, 303)
  return { visitor, link }
}

test('an event asking for approval leaves a confirmed person waiting for the organiser, holding no place', () => {
  assert.equal(arrivalFor({ approval: true, capacity: 10 }, 0), 'pending')
  assert.equal(arrivalFor({ approval: true, capacity: 10 }, 10), 'pending')
  assert.equal(arrivalFor({ approval: false, capacity: 10 }, 9), 'confirmed')
  assert.equal(arrivalFor({ approval: false, capacity: 10 }, 10), 'waiting')
})

test('the organiser accepts or declines each registration; accepted ones get a place or the waiting list, each told by mail', async () => {
  const eventId = await givenEvent({ capacity: 1, approval: true })
  const first = await registered(eventId, 'Bożena Kaczmarek', 'bozena.kaczmarek@example.pl')
  assert.equal((await registrationOf(eventId, 'bozena.kaczmarek@example.pl')).state, 'pending')
  await h.smtp.waitFor('bozena.kaczmarek@example.pl', /Zgłoszenie czeka na decyzję/)
  assert.match(plain((await first.visitor.get(first.link)).body), /Czeka na decyzję organizatora/)
  // Waiting for a decision holds no place: the public page still offers all of them.
  assert.match(plain((await new Client(h.app).get(`/events/${eventId}`)).body), /wolne: 1 z 1/)

  // A signed-in member registers and waits too.
  const member = await signedIn(h.app, memberEmail)
  await member.get(`/events/${eventId}/register`)
  const own = await member.post(`/events/${eventId}/register`, { name: 'Celina Członkini', consent: 'yes' })
  assert.equal(own.statusCode, 303)
  assert.match(plain((await member.get(`/events/${eventId}`)).body), /czeka na decyzję organizatora/)

  await registered(eventId, 'Tomasz Wieczorek', 'tomasz.wieczorek@example.pl')

  // A member who does not run the event cannot decide.
  const bozena = await registrationOf(eventId, 'bozena.kaczmarek@example.pl')
  await member.get(`/events/${eventId}`)
  assert.equal(
    (await member.post(`/events/${eventId}/registrations/${bozena.id}/approve`, {})).statusCode,
    403,
  )

  const coordinator = await signedIn(h.app, coordinatorEmail)
  const list = plain((await coordinator.get(`/events/${eventId}/registrations?only=pending`)).body)
  assert.match(list, /Zgłoszenia czekające na decyzję: 3\./)
  assert.match(list, /Bożena Kaczmarek[\s\S]*Przyjmij[\s\S]*Odrzuć/)

  const approved = await coordinator.post(`/events/${eventId}/registrations/${bozena.id}/approve`, {})
  assert.equal(approved.statusCode, 303)
  assert.equal((await registrationOf(eventId, 'bozena.kaczmarek@example.pl')).state, 'confirmed')
  const place = await h.smtp.waitFor('bozena.kaczmarek@example.pl', /Masz miejsce/)
  assert.match(place.raw.toString(), /BEGIN:VCALENDAR/)
  // The mail's new link is the one that works.
  assert.match(plain((await new Client(h.app).get(linkIn(place.text))).body), /Ma miejsce/)

  // The only place is taken: the next accepted goes to the waiting list.
  const celina = await registrationOf(eventId, memberEmail)
  await coordinator.post(`/events/${eventId}/registrations/${celina.id}/approve`, {})
  assert.equal((await registrationOf(eventId, memberEmail)).state, 'waiting')
  await h.smtp.waitFor(memberEmail, /Lista rezerwowa/)

  const tomasz = await registrationOf(eventId, 'tomasz.wieczorek@example.pl')
  await coordinator.post(`/events/${eventId}/registrations/${tomasz.id}/decline`, {})
  assert.equal((await registrationOf(eventId, 'tomasz.wieczorek@example.pl')).state, 'declined')
  const declined = linkIn(
    (await h.smtp.waitFor('tomasz.wieczorek@example.pl', /Zgłoszenie nieprzyjęte/)).text,
  )
  // Declined is final: the link shows it, with nothing to give up.
  const tomaszClient = new Client(h.app)
  const tomaszPage = await tomaszClient.get(declined)
  assert.match(plain(tomaszPage.body), /Nieprzyjęte/)
  assert.doesNotMatch(tomaszPage.body, /\/cancel"/)
  assert.equal((await tomaszClient.post(`${declined}/cancel`, {})).statusCode, 303)
  assert.equal((await registrationOf(eventId, 'tomasz.wieczorek@example.pl')).state, 'declined')

  // Deciding twice (another tab) changes nothing and says so.
  const again = await coordinator.post(`/events/${eventId}/registrations/${tomasz.id}/approve`, {})
  assert.equal(again.statusCode, 303)
  assert.match(
    plain((await coordinator.get(again.headers.location as string)).body),
    /nie czeka już na decyzję/,
  )
  assert.equal((await registrationOf(eventId, 'tomasz.wieczorek@example.pl')).state, 'declined')
  const audited = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', eventId)
    .where('action', 'like', 'events.registration.%')
    .execute()
  assert.equal(audited.length, 3)
})

test('approval is not turned off while registrations await a decision: the refusal says how many', async () => {
  const eventId = await givenEvent({ capacity: 10, approval: true })
  await registered(eventId, 'Jolanta Górska', 'jolanta.gorska@example.pl')
  const coordinator = await signedIn(h.app, coordinatorEmail)
  const form = await coordinator.get(`/events/${eventId}/edit`)
  assert.match(form.body, /name="approval" type="checkbox" value="yes" checked/)
  const values = formValues(form.body)
  delete values.approval
  const res = await coordinator.post(`/events/${eventId}/edit`, values)
  assert.equal(res.statusCode, 422)
  assert.match(plain(res.body), /Zgłoszenia czekające na decyzję: 1\. Przyjmij je lub odrzuć/)
  const kept = await db()
    .selectFrom('events')
    .select('approval')
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow()
  assert.equal(kept.approval, true)
})

/** A form's fields as the page filled them (inputs, checked boxes, selected options, textareas). */
function formValues(html: string): Record<string, string> {
  const values: Record<string, string> = {}
  for (const m of html.matchAll(/<input([^>]*)>/g)) {
    const name = /name="([^"]+)"/.exec(m[1])?.[1]
    if (!name || name === '_csrf') continue
    const type = /type="([^"]+)"/.exec(m[1])?.[1] ?? 'text'
    if ((type === 'checkbox' || type === 'radio') && !/\bchecked\b/.test(m[1])) continue
    values[name] = /value="([^"]*)"/.exec(m[1])?.[1] ?? ''
  }
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g))
    values[m[1]] = /<option value="([^"]*)"[^>]*selected/.exec(m[2])?.[1] ?? ''
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
    values[m[1]] = m[2]
  return values
}

test('sessions held at the same time clash; one ending as the next begins does not', () => {
  const at = (from: string, to: string) => ({
    title: `${from}-${to}`,
    starts_at: new Date(`2027-05-10T${from}:00Z`),
    ends_at: new Date(`2027-05-10T${to}:00Z`),
  })
  assert.equal(overlap(at('09:00', '10:00'), at('10:00', '11:00')), false)
  assert.equal(overlap(at('09:00', '10:30'), at('10:00', '11:00')), true)
  assert.equal(
    clashOf([at('09:00', '10:00'), at('10:00', '11:00'), at('10:30', '12:00')])?.[1].title,
    '10:30-12:00',
  )
  assert.equal(clashOf([at('09:00', '10:00'), at('11:00', '12:00')]), null)
})

test('the organiser builds a programme with speakers; people holding a place choose sessions until their places run out', async () => {
  const eventId = await givenEvent({ capacity: 10 })
  const e = await db()
    .selectFrom('events')
    .select(['starts_at'])
    .where('id', '=', eventId)
    .executeTakeFirstOrThrow()
  const day = addDays(today(), 10)
  const coordinator = await signedIn(h.app, coordinatorEmail)
  const programme = `/events/${eventId}/programme`
  await coordinator.get(programme)
  const add = (form: Record<string, string>) => coordinator.post(programme, { day, room: '', ...form })
  assert.equal(
    (
      await add({
        title: 'Otwarcie i wykład wprowadzający',
        startTime: '10:00',
        endTime: '11:00',
        room: 'Sala główna',
        speakers: 'dr Anna Nowak, Uniwersytet Śląski\nPiotr Wiśniewski, Urząd Marszałkowski',
      })
    ).statusCode,
    303,
  )
  await add({ title: 'Warsztat A: budżet obywatelski', startTime: '11:15', endTime: '13:00', capacity: '1' })
  await add({ title: 'Warsztat B: klauzule społeczne', startTime: '11:15', endTime: '13:00', capacity: '5' })
  // Outside the event's time, or ending before it begins: refused beside the field, typed values kept.
  const outside = await add({ title: 'Kolacja', startTime: '19:00', endTime: '21:00' })
  assert.equal(outside.statusCode, 422)
  assert.match(plain(outside.body), /Sesja musi odbywać się w czasie wydarzenia/)
  assert.match(outside.body, /value="Kolacja"/)
  const backwards = await add({ title: 'Przerwa', startTime: '12:00', endTime: '11:00' })
  assert.match(plain(backwards.body), /musi kończyć się później/)
  assert.ok(e.starts_at)

  // The programme on the public page, with speakers and places.
  const page = plain((await new Client(h.app).get(`/events/${eventId}`)).body)
  assert.match(page, /Program[\s\S]*10:00–11:00[\s\S]*Otwarcie i wykład wprowadzający[\s\S]*Sala główna/)
  assert.match(
    page,
    /Prowadzenie:[\s\S]*?dr Anna Nowak, Uniwersytet Śląski; Piotr Wiśniewski, Urząd Marszałkowski/,
  )
  assert.match(page, /Warsztat A: budżet obywatelski[\s\S]*wolne miejsca: 1 z 1/)

  const sessions = await db()
    .selectFrom('event_sessions')
    .select(['id', 'title'])
    .where('event_id', '=', eventId)
    .execute()
  const idOf = (prefix: string) => sessions.find((s) => s.title.startsWith(prefix))?.id as string

  // A person with a place chooses the first workshop by their private link.
  const first = await registered(eventId, 'Grażyna Lewandowska', 'grazyna.lewandowska@example.pl')
  const token = await first.visitor.get(first.link)
  assert.match(plain(token.body), /Sesje do wyboru/)
  // Two sessions at the same time: refused beside the field.
  const both = await first.visitor.post(`${first.link}/sessions`, {
    sessions: [idOf('Warsztat A'), idOf('Warsztat B')],
  })
  assert.equal(both.statusCode, 422)
  assert.match(plain(both.body), /odbywają się w tym samym czasie/)
  // A session open to everyone is no choice.
  const open = await first.visitor.post(`${first.link}/sessions`, { sessions: idOf('Otwarcie') })
  assert.equal(open.statusCode, 422)
  assert.equal(
    (await first.visitor.post(`${first.link}/sessions`, { sessions: idOf('Warsztat A') })).statusCode,
    303,
  )

  // The only place in workshop A is taken: a signed-in member with a place is refused it.
  const member = await signedIn(h.app, memberEmail)
  await member.get(`/events/${eventId}/register`)
  await member.post(`/events/${eventId}/register`, { name: 'Celina Członkini', consent: 'yes' })
  const memberPage = await member.get(`/events/${eventId}`)
  assert.match(plain(memberPage.body), /Warsztat A: budżet obywatelski \(brak wolnych miejsc\)/)
  const refused = await member.post(`/events/${eventId}/sessions`, { sessions: idOf('Warsztat A') })
  assert.equal(refused.statusCode, 303)
  assert.match(
    plain((await member.get(`/events/${eventId}`)).body),
    /W sesji „Warsztat A: budżet obywatelski” nie ma już wolnych miejsc/,
  )
  await member.post(`/events/${eventId}/sessions`, { sessions: idOf('Warsztat B') })

  // The organiser sees the choices, and cannot lower a session's places below them.
  const list = plain((await coordinator.get(`/events/${eventId}/registrations`)).body)
  assert.match(list, /Grażyna Lewandowska[\s\S]*Sesje: Warsztat A: budżet obywatelski/)
  assert.match(list, /Celina Członkini[\s\S]*Sesje: Warsztat B: klauzule społeczne/)
  const third = await registered(eventId, 'Zbigniew Kowalski', 'zbigniew.kowalski@example.pl')
  await third.visitor.get(third.link)
  await third.visitor.post(`${third.link}/sessions`, { sessions: idOf('Warsztat B') })
  const manage = plain((await coordinator.get(programme)).body)
  assert.match(manage, /Warsztat A: budżet obywatelski[\s\S]*?wybrane: 1 z 1/)
  assert.match(manage, /Warsztat B: klauzule społeczne[\s\S]*?wybrane: 2 z 5/)
  const edit = `${programme}/${idOf('Warsztat B')}`
  const form = await coordinator.get(edit)
  assert.match(form.body, /value="Warsztat B: klauzule społeczne"/)
  const lowered = await coordinator.post(edit, {
    title: 'Warsztat B: klauzule społeczne',
    day,
    startTime: '11:15',
    endTime: '13:00',
    capacity: '1',
  })
  assert.equal(lowered.statusCode, 422)
  assert.match(
    plain(lowered.body),
    /Sesję wybrało już osób: 2\. Liczba miejsc nie może być mniejsza \(wpisano 1\)/,
  )
  assert.match(lowered.body, /name="capacity" type="number" value="1"/)

  // Given up, a place in a session frees: the member takes workshop A.
  await first.visitor.post(`${first.link}/cancel`, {})
  assert.equal(
    (await member.post(`/events/${eventId}/sessions`, { sessions: idOf('Warsztat A') })).statusCode,
    303,
  )
  const chosen = await db()
    .selectFrom('event_session_choices as c')
    .innerJoin('event_registrations as r', 'r.id', 'c.registration_id')
    .select('c.session_id')
    .where('r.email', '=', memberEmail)
    .where('r.event_id', '=', eventId)
    .execute()
  assert.deepEqual(
    chosen.map((c) => c.session_id),
    [idOf('Warsztat A')],
  )
  // Removing a session takes its choices with it.
  await coordinator.get(programme)
  assert.equal((await coordinator.post(`${programme}/${idOf('Warsztat A')}/remove`, {})).statusCode, 303)
  assert.doesNotMatch(plain((await new Client(h.app).get(`/events/${eventId}`)).body), /Warsztat A/)
})

test('the organiser adds documents anyone downloads from the event’s page; a file of another kind is refused beside the field', async () => {
  const eventId = await givenEvent({ capacity: 10 })
  const base = `/events/${eventId}/documents`
  const member = await signedIn(h.app, memberEmail)
  assert.equal((await member.get(base)).statusCode, 403)

  const coordinator = await signedIn(h.app, coordinatorEmail)
  await coordinator.get(base)
  const pdf = Buffer.from('%PDF-1.4\n% Program warsztatu\n%%EOF\n')
  const added = await coordinator.upload(
    base,
    { title: 'Program warsztatu' },
    { file: { name: 'program.pdf', bytes: pdf } },
  )
  assert.equal(added.statusCode, 303)
  // A text file is no document kind accepted: refused beside the field, the title kept.
  await coordinator.get(base)
  const refused = await coordinator.upload(
    base,
    { title: 'Notatki z sali' },
    { file: { name: 'notatki.txt', bytes: Buffer.from('Sala 2, 20 miejsc') } },
  )
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /Ten rodzaj pliku nie jest przyjmowany/)
  assert.match(refused.body, /value="Notatki z sali"/)

  const visitor = new Client(h.app)
  const page = await visitor.get(`/events/${eventId}`)
  const link = new RegExp(`href="(${base}/[0-9a-f-]{36})"[^>]*>Program warsztatu</a>`).exec(page.body)?.[1]
  assert.ok(link, 'the event’s page lists the document')
  const file = await visitor.get(link)
  assert.equal(file.statusCode, 200)
  assert.equal(file.body, pdf.toString())

  const doc = link.split('/').pop() as string
  await coordinator.get(base)
  assert.equal((await coordinator.post(`${base}/remove`, { documentId: doc })).statusCode, 303)
  assert.equal((await visitor.get(link)).statusCode, 404)
  const audited = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', eventId)
    .where('action', 'like', 'events.document.%')
    .execute()
  assert.deepEqual(audited.map((a) => a.action).sort(), ['events.document.added', 'events.document.removed'])
})

test('after the event its organiser sends the survey to those who came; each answers once, anonymously; the results show as a table and a chart', async () => {
  const eventId = await givenEvent({ capacity: 10, startsInDays: -3 })
  const db0 = db()
  const came = async (name: string, email: string, present: boolean) =>
    db0
      .insertInto('event_registrations')
      .values({
        event_id: eventId,
        person_id: null,
        name,
        email,
        state: 'confirmed',
        token_hash: `test-${email}`,
        lang: 'pl',
        confirmed_at: new Date(Date.now() - 10 * 86_400_000),
        attended_at: present ? new Date(Date.now() - 3 * 86_400_000) : null,
      })
      .execute()
  await came('Alicja Zawadzka', 'alicja.zawadzka@example.pl', true)
  await came('Ryszard Michalski', 'ryszard.michalski@example.pl', true)
  await came('Ewa Jabłońska', 'ewa.jablonska@example.pl', false)

  const member = await signedIn(h.app, memberEmail)
  assert.equal((await member.get(`/events/${eventId}/survey`)).statusCode, 403)
  // An event still ahead: the survey waits for its end.
  const ahead = await givenEvent({ capacity: 10 })
  const coordinator = await signedIn(h.app, coordinatorEmail)
  await coordinator.get(`/events/${ahead}/survey`)
  await coordinator.post(`/events/${ahead}/survey`, {})
  assert.match(plain((await coordinator.get(`/events/${ahead}/survey`)).body), /po zakończeniu wydarzenia/)

  const page = plain((await coordinator.get(`/events/${eventId}/survey`)).body)
  assert.match(page, /Osoby obecne na wydarzeniu: 2\./)
  assert.equal((await coordinator.post(`/events/${eventId}/survey`, {})).statusCode, 303)
  const first = await h.smtp.waitFor('alicja.zawadzka@example.pl', /Jak oceniasz wydarzenie/)
  await h.smtp.waitFor('ryszard.michalski@example.pl', /Jak oceniasz wydarzenie/)
  // Only once: a second sending is refused.
  await coordinator.get(`/events/${eventId}/survey`)
  await coordinator.post(`/events/${eventId}/survey`, {})
  assert.match(
    plain((await coordinator.get(`/events/${eventId}/survey`)).body),
    /Ankieta została już wysłana/,
  )

  const alicja = new Client(h.app)
  const link = linkIn(first.text)
  assert.match(plain((await alicja.get(link)).body), /Ankieta: jak oceniasz wydarzenie\?/)
  // Unanswered questions are refused beside their fields, with the comment kept.
  const partial = await alicja.post(`${link}/survey`, {
    overall: '5',
    comment: 'Więcej czasu na pytania z sali.',
  })
  assert.equal(partial.statusCode, 422)
  assert.match(plain(partial.body), /Wybierz odpowiedź/)
  assert.match(partial.body, /Więcej czasu na pytania z sali\./)
  const answer = { overall: '5', content: '4', speakers: '5', organisation: '4', recommend: 'yes' }
  assert.equal(
    (await alicja.post(`${link}/survey`, { ...answer, comment: 'Więcej czasu na pytania z sali.' }))
      .statusCode,
    303,
  )
  assert.match(plain((await alicja.get(link)).body), /Dziękujemy za wypełnienie ankiety/)
  const twice = await alicja.post(`${link}/survey`, answer)
  assert.equal(twice.statusCode, 422)
  assert.match(plain(twice.body), /już wypełniona/)

  const ryszard = new Client(h.app)
  const second = linkIn((await h.smtp.waitFor('ryszard.michalski@example.pl', /Jak oceniasz/)).text)
  await ryszard.get(second)
  await ryszard.post(`${second}/survey`, {
    overall: '4',
    content: '4',
    speakers: '3',
    organisation: '5',
    recommend: 'no',
  })

  const results = await coordinator.get(`/events/${eventId}/survey`)
  const text = plain(results.body)
  assert.match(text, /Odpowiedzi: 2 z 2 \(100%\)/)
  assert.match(text, /Ocena wydarzenia ogólnie[\s\S]*?4,5/)
  assert.match(text, /Przygotowanie prowadzących[\s\S]*?4,0/)
  assert.match(text, /Poleci innym: 1 z 2 \(50%\)/)
  assert.match(text, /Więcej czasu na pytania z sali\./)
  assert.match(results.body, /<svg class="siatka-bars"[^>]*role="img"/)
  // Anonymous: no name nor address of those who answered.
  assert.doesNotMatch(text, /Zawadzka|Michalski|alicja\.zawadzka/)
})
