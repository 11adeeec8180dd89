// Events on the day and after: the certificate code's rules (unit); through HTTP, a project's staff
// organising their project's event; checking people in at the door (search, one tap, undo), the
// list to sign with the project's logo strip, certificates issued and mailed as PDFs, downloaded by
// the mail's link and checked by anyone on the public page; reminders two days before.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { personIdOf, projectIdOf } from '../../../test/support/given.ts'
import { plain } from '../../../test/support/html.ts'
import { pdfText } from '../../../test/support/pdf.ts'
import { addDays, today, warsawInstant } from '../../kernel/dates.ts'
import { newToken } from '../../kernel/tokens.ts'
import { sendReminders } from './reminders.ts'
import { certificateCode, checkInOpen, normalisedCode } from './rules.ts'

test('a certificate code is 12 unambiguous characters in three groups; typed loosely it is still found', () => {
  const code = certificateCode()
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/)
  assert.equal(
    certificateCode(() => new Uint8Array(12)),
    '0000-0000-0000',
  )
  assert.equal(normalisedCode('k7qm 4xpd 9trw'), 'K7QM-4XPD-9TRW')
  assert.equal(normalisedCode(' K7QM–4XPD–9TRW '), 'K7QM-4XPD-9TRW')
  // O read as 0, I and L as 1.
  assert.equal(normalisedCode('OOOO-IIII-LLLL'), '0000-1111-1111')
  assert.equal(normalisedCode('K7QM-4XPD'), null)
  assert.equal(normalisedCode('K7QM-4XPD-9TRU'), null, 'U is not in the alphabet')
})

test('people are checked in from the first moment of the event’s day on a Warsaw clock', () => {
  const e = { starts_at: warsawInstant('2027-03-30', '10:00') }
  assert.equal(checkInOpen(e, warsawInstant('2027-03-29', '23:59')), false)
  assert.equal(checkInOpen(e, warsawInstant('2027-03-30', '00:00')), true)
  assert.equal(checkInOpen(e, warsawInstant('2027-04-02', '12:00')), true)
})

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const projectId = (acronym: string) => projectIdOf(db(), acronym)
const personId = (email: string) => personIdOf(db(), email)

/** An event of the transnational project (PSWPS) that began an hour ago, with people holding places. */
async function givenProjectEventToday(names: string[]) {
  const creator = await personId('koordynator@demo.siatka.test')
  const startsAt = new Date(Date.now() - 3_600_000)
  const event = await db()
    .insertInto('events')
    .values({
      kind: 'workshop',
      title: `Warsztat partnerski ${Math.random().toString(36).slice(2, 8)}`,
      lang: 'pl',
      space_id: null,
      project_id: await projectId('PSWPS'),
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 4 * 3_600_000),
      venue: 'Sala 1, ul. Testowa 1, Katowice',
      capacity: 30,
      registration_opens_at: new Date(Date.now() - 20 * 86_400_000),
      registration_closes_at: startsAt,
      created_by: creator,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const rows = names.map((name, i) => ({
    event_id: event.id,
    name,
    email: `uczestnik.${i}.${event.id.slice(0, 6)}@example.pl`,
    state: 'confirmed' as const,
    organisation: i % 2 ? 'Urząd Gminy Jasienica' : 'Fundacja Rozwoju Ekonomii Społecznej',
    token_hash: newToken().hash,
    lang: 'pl',
    confirmed_at: new Date(Date.now() - 10 * 86_400_000),
  }))
  if (rows.length) await db().insertInto('event_registrations').values(rows).execute()
  return { id: event.id, emails: rows.map((r) => r.email) }
}

const registrationId = async (eventId: string, name: string) =>
  (
    await db()
      .selectFrom('event_registrations')
      .select('id')
      .where('event_id', '=', eventId)
      .where('name', '=', name)
      .executeTakeFirstOrThrow()
  ).id

test('project staff publish an event of their own project, but not one of a network or of a project they do not run', async () => {
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const form = await staff.get('/events/new')
  assert.equal(form.statusCode, 200)
  const pswps = await projectId('PSWPS')
  assert.match(form.body, new RegExp(`<option value="project:${pswps}"`))
  assert.doesNotMatch(form.body, /value="space:|<option value="">/, 'neither a network nor the secretariat')
  const day = addDays(today(), 40)
  const values = {
    kind: 'workshop',
    title: 'Warsztat: partnerstwa ponadnarodowe w praktyce',
    description: '',
    lang: 'pl',
    organiser: `project:${pswps}`,
    day,
    startTime: '10:00',
    endDay: day,
    endTime: '13:00',
    venue: 'Centrum Partnerstwa, ul. Mickiewicza 3, Katowice',
    venueAccess: '',
    onlineUrl: '',
    capacity: '25',
    opensOn: today(),
    closesOn: addDays(day, -3),
  }
  const space = await db()
    .selectFrom('spaces')
    .select('id')
    .where('name_pl', '=', 'KST ds. ekonomii społecznej')
    .executeTakeFirstOrThrow()
  const refused = await staff.post('/events/new', { ...values, organiser: `space:${space.id}` })
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /Organizator[\s\S]*Wybierz/)
  const created = await staff.post('/events/new', values)
  assert.equal(created.statusCode, 303)
  const eventId = String(created.headers.location).split('/').at(-1) as string
  const page = plain((await staff.get(`/events/${eventId}`)).body)
  assert.match(
    page,
    /Organizator<\/dt>[^<]*<dd[^>]*>PSWPS: Ponadnarodowa sieć wsparcia przedsiębiorstw społecznych/,
  )
  assert.match(page, /Zmień wydarzenie[\s\S]*Obecność/)
  // The network's secretary does not run the project: refused on its event's pages.
  const secretary = await signedIn(h.app, 'sekretarz@demo.siatka.test')
  assert.equal((await secretary.get(`/events/${eventId}/edit`)).statusCode, 403)
  assert.equal((await secretary.get(`/events/${eventId}/check-in`)).statusCode, 403)
  assert.doesNotMatch((await secretary.get(`/events/${eventId}`)).body, /\/check-in"/)
})

test('at the door: staff find a person by name and mark them present in one tap, undo a wrong tap, and print the list to sign', async () => {
  const e = await givenProjectEventToday(['Grażyna Wiśniewska', 'Tomasz Wiśniewski', 'Anna Zielińska'])
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const found = await staff.get(`/events/${e.id}/check-in?q=wiśniew`)
  assert.equal(found.statusCode, 200)
  const text = plain(found.body)
  assert.match(text, /Obecnych: 0 z 3/)
  assert.match(text, /Grażyna Wiśniewska[\s\S]*Tomasz Wiśniewski/)
  assert.doesNotMatch(text, /Zielińska/, 'the search narrows the list')

  const tomasz = await registrationId(e.id, 'Tomasz Wiśniewski')
  const marked = await staff.post(`/events/${e.id}/check-in/${tomasz}`, {
    present: 'yes',
    q: 'wiśniew',
    page: '1',
  })
  assert.equal(marked.statusCode, 303)
  // Back at the same search, for the next person.
  assert.equal(marked.headers.location, `/events/${e.id}/check-in?q=wi%C5%9Bniew`)
  const after = plain((await staff.get(String(marked.headers.location))).body)
  assert.match(after, /Tomasz Wiśniewski: obecność zapisana/)
  assert.match(after, /Obecnych: 1 z 3/)
  assert.match(after, /Tomasz Wiśniewski[\s\S]*obecność od \d\d:\d\d/)

  // A wrong tap taken back.
  const grazyna = await registrationId(e.id, 'Grażyna Wiśniewska')
  await staff.post(`/events/${e.id}/check-in/${grazyna}`, { present: 'yes' })
  await staff.post(`/events/${e.id}/check-in/${grazyna}`, { present: 'no' })
  assert.match(
    plain((await staff.get(`/events/${e.id}/check-in`)).body),
    /obecność cofnięta[\s\S]*Obecnych: 1 z 3/,
  )
  const audited = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', grazyna)
    .orderBy('at')
    .execute()
  assert.deepEqual(
    audited.map((a) => a.action),
    ['events.checked_in', 'events.check_in_undone'],
  )

  // The list to sign: everyone with a place, by name, under the project's logo strip.
  const pdf = await staff.get(`/events/${e.id}/attendance.pdf`)
  assert.equal(pdf.headers['content-type'], 'application/pdf')
  const signed = pdfText(pdf.rawPayload).replace(/\s+/g, ' ')
  for (const expected of [
    'Lista obecności',
    'Fundusze Europejskie',
    'Dofinansowane przez',
    'Anna Zielińska',
    'Grażyna Wiśniewska',
    'Tomasz Wiśniewski',
    'Urząd Gminy Jasienica',
    'Podpis',
  ])
    assert.ok(signed.includes(expected), `the list says “${expected}”`)
})

test('before the event’s day nobody is checked in; a stranger’s registration is not found', async () => {
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const e = await givenProjectEventToday(['Ewa Majewska'])
  const ewa = await registrationId(e.id, 'Ewa Majewska')
  await db()
    .updateTable('events')
    .set({
      starts_at: warsawInstant(addDays(today(), 3), '10:00'),
      ends_at: warsawInstant(addDays(today(), 3), '12:00'),
    })
    .where('id', '=', e.id)
    .execute()
  const early = await staff.post(`/events/${e.id}/check-in/${ewa}`, { present: 'yes' })
  assert.equal(early.statusCode, 422)
  assert.match(
    plain(early.body),
    /Popraw błędy w formularzu[\s\S]*Obecność można zaznaczać od dnia wydarzenia/,
  )
  assert.match(plain(early.body), /Obecnych: 0 z 1/)
  // Someone registered for another event is not on this one's list.
  const other = await givenProjectEventToday(['Jan Nowak'])
  assert.equal((await staff.post(`/events/${other.id}/check-in/${ewa}`, { present: 'yes' })).statusCode, 404)
})

test('certificates go to those present: mailed as a PDF with a code, downloaded by the mail’s link, checked by anyone', async () => {
  const e = await givenProjectEventToday(['Barbara Kamińska', 'Piotr Lewandowski'])
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const barbara = await registrationId(e.id, 'Barbara Kamińska')
  await staff.post(`/events/${e.id}/check-in/${barbara}`, { present: 'yes' })
  const issued = await staff.post(`/events/${e.id}/certificates`, {})
  assert.equal(issued.statusCode, 303)
  assert.match(plain((await staff.get(`/events/${e.id}/check-in`)).body), /Wystawiono zaświadczenia: 1\./)
  // Again: nobody new is due.
  await staff.post(`/events/${e.id}/certificates`, {})
  assert.match(
    plain((await staff.get(`/events/${e.id}/check-in`)).body),
    /Wszystkie obecne osoby mają już zaświadczenia/,
  )

  const mail = await h.smtp.waitFor(e.emails[0] as string, /Zaświadczenie o udziale/)
  const code = /kod weryfikacyjny to ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(mail.text)?.[1]
  assert.ok(code, mail.text)
  const attachment = mail.parsed.attachments.find((a) => a.contentType === 'application/pdf')
  assert.ok(attachment, 'the certificate is attached')
  assert.equal(attachment.filename, `zaswiadczenie-${code}.pdf`)
  const text = pdfText(attachment.content).replace(/\s+/g, ' ')
  for (const expected of [
    'ZAŚWIADCZENIE O UDZIALE',
    'Zaświadcza się, że osoba',
    'Barbara Kamińska',
    'uczestniczyła w wydarzeniu (warsztat)',
    'Dofinansowane przez',
    code,
  ])
    assert.ok(text.includes(expected), `the certificate says “${expected}”: ${text}`)
  assert.ok(text.replace(/ /g, '').includes(`/events/certificates?code=${code}`), 'where to check it')
  assert.equal(h.smtp.mails.filter((m) => m.to === e.emails[1]).length, 0, 'nobody absent gets one')

  // The mail's link downloads it again.
  const link = new URL(/http:\/\/\S+\/events\/registrations\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0] as string)
    .pathname
  const visitor = new Client(h.app)
  assert.match(plain((await visitor.get(link)).body), /Pobierz zaświadczenie o udziale/)
  const again = await visitor.get(`${link}/certificate.pdf`)
  assert.equal(again.headers['content-type'], 'application/pdf')
  assert.ok(pdfText(again.rawPayload).includes(code))

  // Anyone checks it, typed loosely; a wrong code is said beside the field, as typed.
  const check = plain(
    (await visitor.get(`/events/certificates?code=${code.toLowerCase().replace(/-/g, ' ')}`)).body,
  )
  assert.match(check, /Zaświadczenie jest prawdziwe[\s\S]*Barbara Kamińska[\s\S]*Warsztat partnerski/)
  const wrong = await visitor.get('/events/certificates?code=K7QM-4XPD-9TRW')
  assert.match(plain(wrong.body), /Nie ma zaświadczenia o tym kodzie/)
  assert.match(wrong.body, /value="K7QM-4XPD-9TRW"/)
  assert.match(plain((await visitor.get('/events/certificates?code=123')).body), /Kod ma 12 liter i cyfr/)

  // Once certified, the attendance stays.
  const kept = await staff.post(`/events/${e.id}/check-in/${barbara}`, { present: 'no' })
  assert.equal(kept.statusCode, 422)
  assert.match(
    plain(kept.body),
    /Zaświadczenie tej osoby jest już wystawione – obecności nie można cofnąć[\s\S]*Obecnych: 1 z 2/,
  )
})

test('two days before an event those holding a place are reminded once, with a link to give it up', async () => {
  const e = await givenProjectEventToday(['Krystyna Dąbrowska'])
  const startsAt = new Date(Date.now() + 30 * 3_600_000)
  await db()
    .updateTable('events')
    .set({ starts_at: startsAt, ends_at: new Date(startsAt.getTime() + 3_600_000) })
    .where('id', '=', e.id)
    .execute()
  const c = { baseUrl: h.config.baseUrl, now: new Date() }
  await sendReminders(db(), c)
  const mail = await h.smtp.waitFor(e.emails[0] as string, /Przypomnienie/)
  assert.match(
    mail.text,
    /Krystyna Dąbrowska[\s\S]*Sala 1, ul\. Testowa 1, Katowice[\s\S]*\/events\/registrations\//,
  )
  await sendReminders(db(), c)
  await new Promise((r) => setTimeout(r, 1500))
  assert.equal(h.smtp.mails.filter((m) => m.to === e.emails[0] && /Przypomnienie/.test(m.subject)).length, 1)
})

test('the organiser asks questions of their own; the form requires what is required, keeps what was typed, and the answers reach the organiser alone', async () => {
  const e = await givenProjectEventToday([])
  const startsAt = new Date(Date.now() + 20 * 86_400_000)
  await db()
    .updateTable('events')
    .set({
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 3_600_000),
      registration_closes_at: new Date(startsAt.getTime() - 86_400_000),
    })
    .where('id', '=', e.id)
    .execute()
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  assert.match(
    plain((await staff.get(`/events/${e.id}/questions`)).body),
    /Wydarzenie nie zadaje jeszcze własnych pytań/,
  )
  // A choice needs its answers, each of at most 200 characters.
  const refused = await staff.post(`/events/${e.id}/questions`, {
    kind: 'choice',
    label: 'Kogo reprezentujesz?',
    options: 'Gminę',
  })
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /Wpisz od 2 do 20 odpowiedzi, każdą w osobnym wierszu/)
  assert.match(refused.body, /value="Kogo reprezentujesz\?"/)
  const long = await staff.post(`/events/${e.id}/questions`, {
    kind: 'choice',
    label: 'Kogo reprezentujesz?',
    options: `Gminę\n${'x'.repeat(201)}`,
  })
  assert.match(plain(long.body), /Wpisz najwyżej 200 znaków/)
  await staff.post(`/events/${e.id}/questions`, {
    kind: 'choice',
    label: 'Kogo reprezentujesz?',
    options: 'Organizację pozarządową\nUrząd gminy\n\nSołectwo',
    required: 'yes',
  })
  await staff.post(`/events/${e.id}/questions`, {
    kind: 'text',
    label: 'Numer telefonu do kontaktu w dniu wydarzenia',
  })
  await staff.post(`/events/${e.id}/questions`, {
    kind: 'consent',
    label: 'Zgadzam się na nagrywanie spotkania.',
    required: 'yes',
  })
  const listed = plain((await staff.get(`/events/${e.id}/questions`)).body)
  assert.match(
    listed,
    /Kogo reprezentujesz\?[\s\S]*Organizację pozarządową · Urząd gminy · Sołectwo[\s\S]*Numer telefonu[\s\S]*nagrywanie/,
  )

  // A visitor: the required ones left out are said beside each, what was typed stays.
  const visitor = new Client(h.app)
  const form = await visitor.get(`/events/${e.id}/register`)
  assert.match(
    plain(form.body),
    /Kogo reprezentujesz\?[\s\S]*Numer telefonu do kontaktu w dniu wydarzenia \(opcjonalnie\)/,
  )
  const [choice, phone, consent] = await db()
    .selectFrom('event_questions')
    .select('id')
    .where('event_id', '=', e.id)
    .orderBy('position')
    .execute()
  const typed = {
    name: 'Zofia Adamczyk',
    email: 'zofia.adamczyk@example.pl',
    consent: 'yes',
    [`q-${phone?.id}`]: '600 100 200',
  }
  const missing = await visitor.post(`/events/${e.id}/register`, typed)
  assert.equal(missing.statusCode, 422)
  const text = plain(missing.body)
  assert.match(
    missing.body,
    new RegExp(`id="field-q-${choice?.id}-error"[^>]*>[\\s\\S]*?Wybierz jedną z możliwości`),
  )
  assert.match(text, /Zaznacz tę zgodę – organizator jej wymaga/)
  assert.match(missing.body, /value="600 100 200"/)
  // An answer not among those given is refused too.
  const forged = await visitor.post(`/events/${e.id}/register`, {
    ...typed,
    [`q-${choice?.id}`]: 'Ministerstwo',
    [`q-${consent?.id}`]: 'yes',
  })
  assert.equal(forged.statusCode, 422)
  assert.match(
    forged.body,
    new RegExp(`id="field-q-${choice?.id}-error"[^>]*>[\\s\\S]*?Wybierz jedną z możliwości`),
  )
  // An answer too long says how long it may be.
  const tooLong = await visitor.post(`/events/${e.id}/register`, {
    ...typed,
    [`q-${choice?.id}`]: 'Sołectwo',
    [`q-${consent?.id}`]: 'yes',
    [`q-${phone?.id}`]: 'x'.repeat(2001),
  })
  assert.match(plain(tooLong.body), /Wpisz najwyżej 2000 znaków/)
  const sent = await visitor.post(`/events/${e.id}/register`, {
    ...typed,
    [`q-${choice?.id}`]: 'Sołectwo',
    [`q-${consent?.id}`]: 'yes',
  })
  assert.equal(sent.statusCode, 200)
  const answers = plain((await staff.get(`/events/${e.id}/registrations`)).body)
  assert.match(
    answers,
    /Zofia Adamczyk[\s\S]*Kogo reprezentujesz\?: Sołectwo[\s\S]*Numer telefonu do kontaktu w dniu wydarzenia: 600 100 200[\s\S]*Zgadzam się na nagrywanie spotkania\.: ✓/,
  )
  assert.doesNotMatch(plain((await new Client(h.app).get(`/events/${e.id}`)).body), /600 100 200|Sołectwo/)

  // A question removed goes with its answers.
  await staff.post(`/events/${e.id}/questions/${phone?.id}/remove`, {})
  assert.doesNotMatch(plain((await staff.get(`/events/${e.id}/registrations`)).body), /600 100 200/)
  // Someone else's question is not found through this event.
  assert.equal(
    (await staff.post(`/events/${e.id}/questions/${crypto.randomUUID()}/remove`, {})).statusCode,
    404,
  )
})
