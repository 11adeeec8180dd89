import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { signedIn } from '../../../../test/support/client.ts'
import { givenMember, givenPerson, givenSpace } from '../../../../test/support/given.ts'
import { pdfText } from '../../../../test/support/pdf.ts'
import { addDays, today, warsawInstant } from '../../../kernel/dates.ts'
import type { AnyPool } from '../../../kernel/db.ts'
import { notificationText } from '../../notifications/service.ts'
import { sendAttendanceReminders } from './service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
// The app's database as a module's function takes it (typed by that module's own tables).
const pool = (): AnyPool => h.database.db

/** A meeting put straight into the database, on a day and with answers due by another (Warsaw). */
async function givenMeeting(
  spaceId: string,
  createdBy: string,
  p: { day: string; confirmBy: string; status?: 'planned' | 'cancelled' },
) {
  const meeting = await db()
    .insertInto('meetings')
    .values({
      space_id: spaceId,
      kind: 'meeting',
      year: Number(p.day.slice(0, 4)),
      number: Math.floor(Math.random() * 100_000) + 1,
      subject: 'Plan pracy',
      starts_at: warsawInstant(p.day, '10:00'),
      ends_at: warsawInstant(p.day, '14:00'),
      place: 'ul. Wspólna 2/4, Warszawa',
      online_url: '',
      confirm_by: warsawInstant(p.confirmBy, '23:59'),
      status: p.status ?? 'planned',
      created_by: createdBy,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: meeting.id, url: `/spaces/${spaceId}/meetings/${meeting.id}` }
}

/** A network with a chair, members, a deputy linked to the first member and one for anyone. */
async function givenBody() {
  const sec = await givenPerson(db(), { role: 'secretary', name: 'Sabina Sekretarz' })
  const space = await givenSpace(db(), { secretaryId: sec.id })
  const person = async (
    name: string,
    role: 'chair' | 'member' | 'deputy' | 'observer',
    deputyFor?: string,
  ) => {
    const p = await givenPerson(db(), { name })
    await givenMember(db(), space.id, p.id, { role, deputyFor: deputyFor ?? null })
    return p
  }
  const chair = await person('Celina Żółkiewska', 'chair')
  const anna = await person('Anna Łęcka', 'member')
  const bartosz = await person('Bartosz Ćwik', 'member')
  const cezary = await person('Cezary Śliwa', 'member')
  const dorota = await person('Dorota Źrebna', 'member')
  const annasDeputy = await person('Zenon Zastępca', 'deputy', anna.id)
  const anyDeputy = await person('Ewa Wolna', 'deputy')
  const observer = await person('Olga Obserwatorka', 'observer')
  return { sec, space, chair, anna, bartosz, cezary, dorota, annasDeputy, anyDeputy, observer }
}

test('a member of a body without a deputy they may send is not offered "Przyślę zastępcę", and is told why', async () => {
  const sec = await givenPerson(db(), { role: 'secretary' })
  const space = await givenSpace(db(), { secretaryId: sec.id })
  const lone = await givenPerson(db(), { name: 'Leon Samotny' })
  await givenMember(db(), space.id, lone.id, { role: 'member', deputyFor: null })
  const { url } = await givenMeeting(space.id, sec.id, { day: '2099-06-15', confirmBy: '2099-06-08' })
  const page = await (await signedIn(h.app, lone.email)).get(url)
  assert.match(page.body, /value="yes"/)
  assert.match(page.body, /value="no"/)
  assert.doesNotMatch(page.body, /name="answer"[^>]*value="deputy"|value="deputy"[^>]*name="answer"/)
  assert.doesNotMatch(page.body, /Przyślę zastępcę/)
  assert.doesNotMatch(page.body, /name="deputyId"/)
  assert.match(page.body, /Nie masz w składzie tego ciała zastępcy/)
})

test('members answer for themselves until the deadline; a deputy who is not theirs is refused beside the field', async () => {
  const b = await givenBody()
  const { url } = await givenMeeting(b.space.id, b.sec.id, { day: '2099-06-15', confirmBy: '2099-06-08' })

  const anna = await signedIn(
    h.app,
    (await db().selectFrom('people').select('email').where('id', '=', b.anna.id).executeTakeFirstOrThrow())
      .email,
  )
  const page = await anna.get(url)
  assert.match(page.body, /id="attendance"/)
  assert.match(page.body, /Nie potwierdziłeś\(-aś\) jeszcze obecności/)
  assert.match(page.body, /Zenon Zastępca/, 'her own deputy is offered')
  assert.match(page.body, /Ewa Wolna/, 'and a deputy of any member')
  assert.equal((await anna.post(`${url}/attendance`, { answer: 'yes', deputyId: '' })).statusCode, 303)
  assert.match((await anna.get(url)).body, /Twoja odpowiedź: Będę/)

  // Someone who is not a deputy of this body: refused next to the field, the choice kept, nothing saved.
  const notDeputy = await anna.post(`${url}/attendance`, { answer: 'deputy', deputyId: b.cezary.id })
  assert.equal(notDeputy.statusCode, 422)
  assert.match(notDeputy.body, /id="field-deputyId-error"/)
  assert.match(notDeputy.body, /Ta osoba nie jest zastępcą członka w tym ciele/)
  assert.match(notDeputy.body, /value="deputy" checked/)
  const missing = await anna.post(`${url}/attendance`, { answer: 'deputy', deputyId: '' })
  assert.match(missing.body, /Wybierz zastępcę, którego przysyłasz/)
  const saved = await db()
    .selectFrom('meeting_answers')
    .selectAll()
    .where('person_id', '=', b.anna.id)
    .executeTakeFirstOrThrow()
  assert.equal(saved.answer, 'yes', 'the refused answers changed nothing')

  assert.equal(
    (await anna.post(`${url}/attendance`, { answer: 'deputy', deputyId: b.annasDeputy.id })).statusCode,
    303,
  )

  // Another member cannot send Anna's deputy, and in English the message is English.
  const bartoszEmail = (
    await db().selectFrom('people').select('email').where('id', '=', b.bartosz.id).executeTakeFirstOrThrow()
  ).email
  await db().updateTable('people').set({ lang: 'en' }).where('id', '=', b.bartosz.id).execute()
  const bartosz = await signedIn(h.app, bartoszEmail)
  await bartosz.get(url)
  const notHis = await bartosz.post(`${url}/attendance`, { answer: 'deputy', deputyId: b.annasDeputy.id })
  assert.equal(notHis.statusCode, 422)
  assert.match(notHis.body, /This person is not a deputy member of this body/)
  assert.equal((await bartosz.post(`${url}/attendance`, { answer: 'no' })).statusCode, 303)

  // Those without a vote cannot answer: an observer is refused, a stranger does not see the space.
  const observerEmail = (
    await db().selectFrom('people').select('email').where('id', '=', b.observer.id).executeTakeFirstOrThrow()
  ).email
  const observer = await signedIn(h.app, observerEmail)
  await observer.get(url)
  assert.doesNotMatch((await observer.get(url)).body, /name="answer"/)
  assert.equal((await observer.post(`${url}/attendance`, { answer: 'yes' })).statusCode, 403)
  const stranger = await signedIn(h.app, (await givenPerson(db())).email)
  await stranger.get('/profile')
  assert.equal((await stranger.post(`${url}/attendance`, { answer: 'yes' })).statusCode, 404)

  // The secretary sees every answer and the counts.
  const sec = await signedIn(h.app, b.sec.email)
  const list = await sec.get(url)
  assert.match(list.body, /Odpowiedzi członków/)
  assert.match(list.body, /Przyśle zastępcę/)
  assert.match(list.body, /Będzie: 0/)
  assert.match(list.body, /Nie będzie: 1/)
  assert.match(list.body, /3 osoby jeszcze nie odpowiedziały\./)
  assert.match(list.body, /Obecność zapisuje się od dnia posiedzenia/)
  const early = await sec.post(`${url}/presence`, {
    [`presence-${b.chair.id}`]: 'in_person',
    [`presence-${b.anna.id}`]: 'absent',
    [`presence-${b.annasDeputy.id}`]: 'in_person',
    [`presence-${b.bartosz.id}`]: 'absent',
    [`presence-${b.cezary.id}`]: 'absent',
    [`presence-${b.dorota.id}`]: 'absent',
  })
  assert.equal(early.statusCode, 422, 'presence is not recorded before the day')
  assert.match(early.body, /Obecność zapisuje się od dnia posiedzenia/)

  const audited = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('actor_id', '=', b.anna.id)
    .where('action', '=', 'meetings.attendance-answered')
    .execute()
  assert.equal(audited.length, 2)
})

test('after the deadline the answer form is closed with an explanation, and a late answer is refused', async () => {
  const b = await givenBody()
  const { url } = await givenMeeting(b.space.id, b.sec.id, {
    day: addDays(today(), 5),
    confirmBy: addDays(today(), -1),
  })
  const email = (
    await db().selectFrom('people').select('email').where('id', '=', b.dorota.id).executeTakeFirstOrThrow()
  ).email
  const dorota = await signedIn(h.app, email)
  const page = await dorota.get(url)
  assert.doesNotMatch(page.body, /name="answer"/)
  assert.match(page.body, /Termin potwierdzania obecności minął/)
  const late = await dorota.post(`${url}/attendance`, { answer: 'yes' })
  assert.equal(late.statusCode, 422)
  assert.match(late.body, /odpowiedzi nie można już zmienić/)
  const rows = await db()
    .selectFrom('meeting_answers')
    .select('person_id')
    .where('person_id', '=', b.dorota.id)
    .execute()
  assert.equal(rows.length, 0)
})

test('on the day the secretary records presence in one form; a deputy counts for the member; the list prints', async () => {
  const b = await givenBody()
  const { id, url } = await givenMeeting(b.space.id, b.sec.id, {
    day: today(),
    confirmBy: addDays(today(), -2),
  })
  await db()
    .insertInto('meeting_answers')
    .values([
      { meeting_id: id, person_id: b.anna.id, answer: 'deputy', deputy_id: b.annasDeputy.id },
      { meeting_id: id, person_id: b.bartosz.id, answer: 'no', deputy_id: null },
    ])
    .execute()
  const sec = await signedIn(h.app, b.sec.email)
  const page = await sec.get(url)
  assert.match(page.body, /Obecność na posiedzeniu/)
  assert.match(page.body, /Zenon Zastępca, zastępca za: Anna Łęcka/)
  assert.match(page.body, /Kworum zostanie policzone po zapisaniu obecności/)

  // A person left unmarked is named beside their field, and what was chosen stays.
  const incomplete = await sec.post(`${url}/presence`, { [`presence-${b.chair.id}`]: 'online' })
  assert.equal(incomplete.statusCode, 422)
  assert.match(incomplete.body, new RegExp(`id="field-presence-${b.cezary.id}-error"`))
  assert.match(incomplete.body, /value="online" checked/)

  const res = await sec.post(`${url}/presence`, {
    [`presence-${b.chair.id}`]: 'in_person',
    [`presence-${b.anna.id}`]: 'absent',
    [`presence-${b.annasDeputy.id}`]: 'in_person',
    [`presence-${b.bartosz.id}`]: 'absent',
    [`presence-${b.cezary.id}`]: 'online',
    [`presence-${b.dorota.id}`]: 'absent',
  })
  assert.equal(res.statusCode, 303)
  const saved = await db()
    .selectFrom('meeting_presence')
    .select(['person_id', 'presence'])
    .where('meeting_id', '=', id)
    .execute()
  assert.equal(saved.length, 6)
  // Five members, 50 % until the space has rules: 3 required; the chair, Cezary and Anna's deputy make 3.
  const after = await sec.get(url)
  assert.match(after.body, /Kworum: jest \(3 z 5, wymagane 3\)/)
  assert.equal(
    (
      await sec.post(`${url}/presence`, {
        [`presence-${b.chair.id}`]: 'in_person',
        [`presence-${b.anna.id}`]: 'absent',
        [`presence-${b.annasDeputy.id}`]: 'absent',
        [`presence-${b.bartosz.id}`]: 'absent',
        [`presence-${b.cezary.id}`]: 'online',
        [`presence-${b.dorota.id}`]: 'absent',
      })
    ).statusCode,
    303,
  )
  assert.match((await sec.get(url)).body, /Brak kworum \(2 z 5, wymagane 3\)/)

  const pdf = await sec.get(`${url}/attendance.pdf`)
  assert.equal(pdf.statusCode, 200)
  assert.equal(pdf.headers['content-type'], 'application/pdf')
  assert.match(String(pdf.headers['content-disposition']), /^attachment; filename="lista-obecnosci-/)
  const bytes = pdf.rawPayload
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-')
  const text = pdfText(bytes)
  for (const name of [
    'Celina Żółkiewska',
    'Anna Łęcka',
    'Zenon Zastępca',
    'Dorota Źrebna',
    'Lista obecności',
    'Podpis',
  ])
    assert.ok(text.includes(name), `the list shows ${name}`)
  assert.match(text, /zastępca za: Anna\s+Łęcka/, 'the deputy stands in for Anna (the cell may wrap)')
  assert.match(bytes.toString('latin1'), /\/Lang \(pl-PL\)/)

  // A member cannot print the list or record presence.
  const email = (
    await db().selectFrom('people').select('email').where('id', '=', b.dorota.id).executeTakeFirstOrThrow()
  ).email
  const member = await signedIn(h.app, email)
  assert.equal((await member.get(`${url}/attendance.pdf`)).statusCode, 403)
  await member.get(url)
  assert.equal((await member.post(`${url}/presence`, {})).statusCode, 403)
})

test('two days before the deadline those who have not answered are reminded once, in their language', async () => {
  const b = await givenBody()
  const now = new Date('2098-03-03T05:30:00Z') // 06:30 in Warsaw, when the job runs
  const due = await givenMeeting(b.space.id, b.sec.id, { day: '2098-03-12', confirmBy: '2098-03-05' })
  const later = await givenMeeting(b.space.id, b.sec.id, { day: '2098-03-20', confirmBy: '2098-03-13' })
  await givenMeeting(b.space.id, b.sec.id, {
    day: '2098-03-13',
    confirmBy: '2098-03-04',
    status: 'cancelled',
  })
  await db()
    .insertInto('meeting_answers')
    .values({ meeting_id: due.id, person_id: b.anna.id, answer: 'yes', deputy_id: null })
    .execute()
  await db().updateTable('people').set({ lang: 'en' }).where('id', '=', b.dorota.id).execute()
  // Members are asked only about meetings they were told of.
  const draft = await givenMeeting(b.space.id, b.sec.id, { day: '2098-03-11', confirmBy: '2098-03-05' })
  await db()
    .updateTable('meetings')
    .set({ notice_sent_at: new Date('2098-02-20T09:00:00Z') })
    .where('space_id', '=', b.space.id)
    .where('id', '!=', draft.id)
    .execute()

  const first = await sendAttendanceReminders(pool(), now)
  const sent = await db()
    .selectFrom('notifications')
    .select(['person_id', 'kind', 'params', 'link'])
    .where('kind', '=', 'attendanceReminder')
    .where('link', 'like', `/spaces/${b.space.id}/%`)
    .execute()
  assert.deepEqual(
    sent.map((n) => n.person_id).sort(),
    [b.chair.id, b.bartosz.id, b.cezary.id, b.dorota.id].sort(),
    'the members with a vote who have not answered; not Anna, deputies or the observer',
  )
  assert.ok(first >= 4)
  assert.ok(sent.every((n) => n.link === `/spaces/${b.space.id}/meetings/${due.id}#attendance`))
  assert.ok(!sent.some((n) => n.link.includes(later.id)), 'a deadline a week away waits')
  assert.ok(!sent.some((n) => n.link.includes(draft.id)), 'a meeting not yet told of is not asked about')
  const params = sent[0].params as unknown as Record<string, string>
  assert.equal(
    notificationText('pl', 'attendanceReminder', params),
    `Potwierdź obecność: ${params.meeting_pl} (${b.space.name_pl}), odpowiedzi do 5 marca 2098`,
  )
  assert.match(
    notificationText('en', 'attendanceReminder', params),
    /^Confirm attendance: .* answers by 5 March 2098$/,
  )

  assert.equal(await sendAttendanceReminders(pool(), new Date('2098-03-04T05:30:00Z')), 0, 'never twice')
})
