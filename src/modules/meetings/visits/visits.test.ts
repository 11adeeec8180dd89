import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Client as Anonymous, signedIn } from '../../../../test/support/client.ts'
import { givenMember, givenPerson, givenSpace } from '../../../../test/support/given.ts'
import { addDays, today, warsawInstant } from '../../../kernel/dates.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

/** A network with its secretary signed in and one member with a vote. */
async function givenNetwork(p: { isPublic?: boolean } = {}) {
  const sec = await givenPerson(db(), { role: 'secretary', name: 'Sabina Sekretarz' })
  const space = await givenSpace(db(), { secretaryId: sec.id, isPublic: p.isPublic ?? false })
  const member = await givenPerson(db(), { name: 'Marek Członkowski' })
  await givenMember(db(), space.id, member.id, { role: 'member' })
  const client = await signedIn(h.app, sec.email)
  await client.get(`/spaces/${space.id}/meetings/new`)
  return { space, sec, member, client }
}

const form = (day: string, extra: Record<string, string> = {}) => ({
  kind: 'study_visit',
  subject: 'Ekonomia społeczna w praktyce',
  day,
  startTime: '10:00',
  endTime: '14:00',
  place: 'ul. Ozimska 4, Opole',
  onlineUrl: '',
  confirmBy: addDays(day, -7),
  hostName: 'Spółdzielnia Socjalna „Razem”',
  hostRegion: 'opolskie',
  hostTown: 'Opole',
  ...extra,
})

/** A study visit put straight into the database, at any time, past ones too (Warsaw clock). */
async function givenVisit(
  spaceId: string,
  createdBy: string,
  p: { day: string; start?: string; end?: string; capacity?: number | null },
) {
  const row = await db()
    .insertInto('meetings')
    .values({
      space_id: spaceId,
      kind: 'study_visit',
      year: Number(p.day.slice(0, 4)),
      number: Math.floor(Math.random() * 100_000) + 1,
      subject: '',
      starts_at: warsawInstant(p.day, p.start ?? '10:00'),
      ends_at: warsawInstant(p.day, p.end ?? '14:00'),
      place: 'Opole',
      online_url: '',
      confirm_by: warsawInstant(addDays(p.day, -7), '23:59'),
      host_name: 'Partnerstwo „Dolina Nysy”',
      host_region: 'opolskie',
      host_town: 'Nysa',
      visit_capacity: p.capacity ?? null,
      created_by: createdBy,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: row.id, url: `/spaces/${spaceId}/meetings/${row.id}` }
}

const report = (extra: Record<string, string> = {}) => ({
  seen: 'Zwiedziliśmy **pralnię** spółdzielni i centrum integracji.',
  practices: '- wspólne zamówienia gmin',
  conclusions: 'Rekomendujemy model dla innych regionów.',
  visibility: 'public',
  version: '0',
  publish: 'yes',
  ...extra,
})

test('a study visit needs its host beside the field, the typed values kept; a meeting keeps no host', async () => {
  const { space, client } = await givenNetwork()
  const url = `/spaces/${space.id}/meetings/new`
  const form0 = await client.get(url)
  assert.match(form0.body, /Kogo odwiedzacie \(dla wizyty studyjnej\)/)

  const refused = await client.post(url, form('2099-06-10', { hostName: '' }))
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /id="field-hostName-error"/)
  assert.match(refused.body, /Podaj, kogo odwiedza wizyta studyjna/)
  assert.match(refused.body, /value="Ekonomia społeczna w praktyce"/)
  assert.match(refused.body, /value="Opole"/)

  const convened = await client.post(url, form('2099-06-10'))
  assert.equal(convened.statusCode, 303)
  const page = await client.get(String(convened.headers.location))
  assert.match(page.body, /Gospodarz wizyty/)
  assert.match(page.body, /Spółdzielnia Socjalna „Razem” \(Opole, opolskie\)/)
  assert.match(page.body, /Program wizyty/)

  const meeting = await client.post(url, form('2099-06-15', { kind: 'meeting' }))
  assert.equal(meeting.statusCode, 303)
  const row = await db()
    .selectFrom('meetings')
    .select(['host_name', 'host_town'])
    .where('id', '=', String(meeting.headers.location).split('/').pop() as string)
    .executeTakeFirstOrThrow()
  assert.deepEqual(row, { host_name: '', host_town: '' })
  assert.doesNotMatch((await client.get(String(meeting.headers.location))).body, /Program wizyty/)
})

test('the programme shows each entry’s clock time; a change of host after the notice sends an update', async () => {
  const { space, member, client } = await givenNetwork()
  const convened = await client.post(`/spaces/${space.id}/meetings/new`, form('2099-06-12'))
  const url = String(convened.headers.location)
  const id = url.split('/').pop() as string
  for (const [title, minutes] of [
    ['Powitanie u gospodarzy', '45'],
    ['Zwiedzanie pralni spółdzielni', '30'],
  ]) {
    await client.get(url)
    const added = await client.post(`${url}/agenda`, { title, presenter: '', minutes, kind: 'information' })
    assert.equal(added.statusCode, 303)
  }
  const page = await client.get(url)
  assert.match(page.body, /<th[^>]*>Godziny<\/th>/)
  assert.match(page.body, /10:00\u2060?–\u2060?10:45/)
  assert.match(page.body, /10:45\u2060?–\u2060?11:15/)

  assert.equal((await client.post(`${url}/notice`, {})).statusCode, 303)
  const notice = await h.smtp.waitFor(
    (await db().selectFrom('people').select('email').where('id', '=', member.id).executeTakeFirstOrThrow())
      .email,
    /^Zawiadomienie/,
  )
  assert.match(notice.text, /Gospodarz wizyty: Spółdzielnia Socjalna „Razem” \(Opole, opolskie\)/)

  await client.get(`${url}/edit`)
  const changed = await client.post(`${url}/edit`, {
    ...form('2099-06-12', { hostTown: 'Nysa' }),
    version: '0',
  })
  assert.equal(changed.statusCode, 303)
  const update = await db()
    .selectFrom('meeting_notices')
    .select(['changes', 'sequence'])
    .where('meeting_id', '=', id)
    .where('kind', '=', 'update')
    .executeTakeFirstOrThrow()
  assert.deepEqual(update, { changes: 'host', sequence: 1 })
  assert.match((await client.get(url)).body, /Zmieniono: gospodarz wizyty/)
})

test('outside participants fill the places with members who come; over the places they are refused, the values kept', async () => {
  const { space, sec, member, client } = await givenNetwork()
  const { id, url } = await givenVisit(space.id, sec.id, { day: '2099-06-20', capacity: 2 })
  await db()
    .insertInto('meeting_answers')
    .values({ meeting_id: id, person_id: member.id, answer: 'yes', deputy_id: null })
    .execute()
  await client.get(url)
  const first = await client.post(`${url}/visit/participants`, {
    name: 'Olga Projektowa',
    organisation: 'Projekt „Aktywni razem”',
    email: '',
  })
  assert.equal(first.statusCode, 303)
  const page = await client.get(url)
  assert.match(page.body, /Zajęte miejsca: 2 z 2\. Wszystkie miejsca są zajęte\./)

  const full = await client.post(`${url}/visit/participants`, {
    name: 'Piotr Gość',
    organisation: 'Urząd Gminy Nysa',
    email: 'piotr.gosc@example.pl',
  })
  assert.equal(full.statusCode, 422)
  assert.match(full.body, /id="field-name-error"/)
  assert.match(full.body, /Wszystkie miejsca na wizycie są zajęte/)
  assert.match(full.body, /value="Piotr Gość"/)
  assert.match(full.body, /value="piotr.gosc@example.pl"/)
  assert.match(full.body, /name="capacity"[^>]*value="2"/, 'the places form keeps what is saved')

  // Fewer places than people on the list: refused beside the field; more: the guest fits.
  const lower = await client.post(`${url}/visit/capacity`, { capacity: '1' })
  assert.equal(lower.statusCode, 422)
  assert.match(lower.body, /id="field-capacity-error"/)
  assert.match(lower.body, /name="capacity"[^>]*value="1"/)
  const odd = await client.post(`${url}/visit/capacity`, { capacity: 'dużo' })
  assert.match(odd.body, /Wpisz liczbę miejsc/)
  assert.equal((await client.post(`${url}/visit/capacity`, { capacity: '3' })).statusCode, 303)
  assert.equal(
    (
      await client.post(`${url}/visit/participants`, {
        name: 'Piotr Gość',
        organisation: 'Urząd Gminy Nysa',
        email: 'Piotr.Gosc@example.pl',
      })
    ).statusCode,
    303,
  )

  // The same address twice, or a member of the body, is refused beside the e-mail field.
  await client.post(`${url}/visit/capacity`, { capacity: '' })
  const twice = await client.post(`${url}/visit/participants`, {
    name: 'Piotr Gość',
    organisation: 'Urząd Gminy Nysa',
    email: 'piotr.gosc@example.pl',
  })
  assert.equal(twice.statusCode, 422)
  assert.match(twice.body, /Osoba z tym adresem e-mail jest już na liście/)
  const memberEmail = (
    await db().selectFrom('people').select('email').where('id', '=', member.id).executeTakeFirstOrThrow()
  ).email
  const asMember = await client.post(`${url}/visit/participants`, {
    name: 'Marek Członkowski',
    organisation: 'NGO',
    email: memberEmail,
  })
  assert.equal(asMember.statusCode, 422)
  assert.match(asMember.body, /id="field-email-error"/)

  // Someone with an account is linked to it.
  const staff = await givenPerson(db(), { role: 'project_staff', name: 'Paulina Projektowa' })
  await client.post(`${url}/visit/participants`, {
    name: 'Paulina Projektowa',
    organisation: 'Partnerstwo „Dolina Nysy”',
    email: staff.email,
  })
  const linked = await db()
    .selectFrom('visit_participants')
    .select('person_id')
    .where('meeting_id', '=', id)
    .where('name', '=', 'Paulina Projektowa')
    .executeTakeFirstOrThrow()
  assert.equal(linked.person_id, staff.id)
  assert.match((await client.get(url)).body, /ma konto w Siatce/)

  // Removal frees the place; it is audited.
  const olga = await db()
    .selectFrom('visit_participants')
    .select('id')
    .where('meeting_id', '=', id)
    .where('name', '=', 'Olga Projektowa')
    .executeTakeFirstOrThrow()
  assert.equal((await client.post(`${url}/visit/participants/remove`, { entryId: olga.id })).statusCode, 303)
  const audited = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', id)
    .orderBy('at')
    .execute()
  assert.ok(audited.some((a) => a.action === 'meetings.visit-participant-removed'))
  assert.ok(audited.some((a) => a.action === 'meetings.visit-capacity-set'))

  // A member reads the places but not the list, and cannot add anyone.
  const memberClient = await signedIn(h.app, memberEmail)
  const seen = await memberClient.get(url)
  assert.match(seen.body, /Uczestników: 3/)
  assert.doesNotMatch(seen.body, /Piotr Gość/)
  assert.equal(
    (await memberClient.post(`${url}/visit/participants`, { name: 'X', organisation: 'Y' })).statusCode,
    403,
  )
})

test('the participant list exports as CSV and XLSX: members who come, deputies sent, outside participants', async () => {
  const { space, sec, member, client } = await givenNetwork()
  const other = await givenPerson(db(), { name: 'Nina Nieobecna' })
  await givenMember(db(), space.id, other.id, { role: 'member' })
  const deputy = await givenPerson(db(), { name: 'Zenon Zastępca' })
  await givenMember(db(), space.id, deputy.id, { role: 'deputy' })
  const { id, url } = await givenVisit(space.id, sec.id, { day: '2099-06-21' })
  await db()
    .insertInto('meeting_answers')
    .values([
      { meeting_id: id, person_id: member.id, answer: 'yes', deputy_id: null },
      { meeting_id: id, person_id: other.id, answer: 'deputy', deputy_id: deputy.id },
    ])
    .execute()
  await client.get(url)
  await client.post(`${url}/visit/participants`, {
    name: '=Olga; "Projektowa"',
    organisation: 'Projekt „Aktywni razem”',
    email: 'olga@example.pl',
  })
  const csv = await client.get(`${url}/visit/participants.csv`)
  assert.equal(csv.statusCode, 200)
  assert.match(String(csv.headers['content-type']), /^text\/csv/)
  assert.match(String(csv.headers['content-disposition']), /uczestnicy-wizyty-2099-\d+-2099-06-21\.csv/)
  const lines = csv.body
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
  assert.deepEqual(lines, [
    'Lp.;Imię i nazwisko;Organizacja;E-mail;Udział',
    '1;Marek Członkowski;;;Członek',
    '2;Zenon Zastępca;;;Zastępca za: Nina Nieobecna',
    `3;"'=Olga; ""Projektowa""";Projekt „Aktywni razem”;olga@example.pl;Spoza ciała`,
  ])
  const xlsx = await client.get(`${url}/visit/participants.xlsx`)
  assert.equal(xlsx.statusCode, 200)
  assert.equal(xlsx.rawPayload.subarray(0, 2).toString(), 'PK')
  // Only the secretariat exports (the list holds addresses); an ordinary meeting has no such list.
  const memberEmail = (
    await db().selectFrom('people').select('email').where('id', '=', member.id).executeTakeFirstOrThrow()
  ).email
  assert.equal(
    (await (await signedIn(h.app, memberEmail)).get(`${url}/visit/participants.csv`)).statusCode,
    403,
  )
  const meeting = await client.post(
    `/spaces/${space.id}/meetings/new`,
    form('2099-06-22', { kind: 'meeting' }),
  )
  assert.equal(
    (await client.get(`${String(meeting.headers.location)}/visit/participants.csv`)).statusCode,
    404,
  )
})

test('the report is refused before the visit ends, with the message', async () => {
  const { space, sec, client } = await givenNetwork()
  const { id, url } = await givenVisit(space.id, sec.id, { day: addDays(today(), 5) })
  const page = await client.get(url)
  assert.match(page.body, /Relację napiszesz po zakończeniu wizyty/)
  assert.doesNotMatch(page.body, /Napisz relację z wizyty/)
  const formPage = await client.get(`${url}/visit/report`)
  assert.equal(formPage.statusCode, 200)
  assert.match(formPage.body, /Relację można napisać dopiero po zakończeniu wizyty/)
  assert.doesNotMatch(formPage.body, /name="seen"/)
  const early = await client.post(`${url}/visit/report`, report())
  assert.equal(early.statusCode, 422)
  assert.match(early.body, /Relację można napisać dopiero po zakończeniu wizyty/)
  const saved = await db().selectFrom('visit_reports').selectAll().where('meeting_id', '=', id).execute()
  assert.equal(saved.length, 0)
})

test('two editors of a report: the stale save is refused, both texts shown, and saving again goes through', async () => {
  const { space, sec, member, client } = await givenNetwork()
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const { id, url } = await givenVisit(space.id, sec.id, { day: addDays(today(), -3) })
  await client.get(`${url}/visit/report`)
  await coordinator.get(`${url}/visit/report`)

  const draft = await client.post(`${url}/visit/report`, report({ seen: 'Tekst sekretarz', publish: 'no' }))
  assert.equal(draft.statusCode, 303)
  const memberEmail = (
    await db().selectFrom('people').select('email').where('id', '=', member.id).executeTakeFirstOrThrow()
  ).email
  const memberClient = await signedIn(h.app, memberEmail)
  assert.doesNotMatch((await memberClient.get(url)).body, /Tekst sekretarz/, 'a draft is the secretariat’s')
  assert.match((await client.get(url)).body, /Szkic – widzi go tylko sekretariat/)

  const late = await coordinator.post(`${url}/visit/report`, report({ seen: 'Tekst koordynatora' }))
  assert.equal(late.statusCode, 409)
  assert.match(late.body, /W międzyczasie ktoś inny zapisał tę relację/)
  assert.match(late.body, /Tekst sekretarz/)
  assert.match(late.body, /Tekst koordynatora/)
  assert.match(late.body, /name="version" value="1"/)
  assert.match(late.body, /Zapisana wersja \(Sabina Sekretarz/)

  const again = await coordinator.post(
    `${url}/visit/report`,
    report({ seen: 'Tekst sekretarz i koordynatora', version: '1' }),
  )
  assert.equal(again.statusCode, 303)
  const row = await db()
    .selectFrom('visit_reports')
    .selectAll()
    .where('meeting_id', '=', id)
    .executeTakeFirstOrThrow()
  assert.equal(row.version, 2)
  assert.ok(row.published_at, 'published')

  // Edited after publishing: the publication date stays, the last edit is shown.
  await client.get(`${url}/visit/report`)
  const edited = await client.post(
    `${url}/visit/report`,
    report({ seen: 'Poprawiony **tekst**', version: '2' }),
  )
  assert.equal(edited.statusCode, 303)
  const after = await db()
    .selectFrom('visit_reports')
    .selectAll()
    .where('meeting_id', '=', id)
    .executeTakeFirstOrThrow()
  assert.equal(after.published_at?.getTime(), row.published_at?.getTime())
  assert.equal(after.edited_by, sec.id)
  const read = await memberClient.get(url)
  assert.match(read.body, /Poprawiony <strong>tekst<\/strong>/, 'Markdown is rendered')
  assert.match(read.body, /Ostatnia zmiana: .*Sabina Sekretarz/)
  assert.match(
    read.body,
    /Opublikowano [^<]*\(Krzysztof Koordynator\)/,
    'published by whoever published first',
  )
})

test('a report published to the public is on the public network page only when both the report and the network are public', async () => {
  const { space, sec, client } = await givenNetwork({ isPublic: true })
  const { id, url } = await givenVisit(space.id, sec.id, { day: addDays(today(), -10) })
  await client.get(`${url}/visit/report`)
  const anonymous = new Anonymous(h.app)
  const publicUrl = `/networks/${space.id}/visits/${id}`

  await client.post(`${url}/visit/report`, report({ publish: 'no' }))
  assert.equal((await anonymous.get(publicUrl)).statusCode, 404, 'a draft is not public')
  assert.doesNotMatch((await anonymous.get(`/networks/${space.id}`)).body, /Relacje z wizyt studyjnych/)

  await client.get(`${url}/visit/report`)
  await client.post(`${url}/visit/report`, report({ version: '1' }))
  const open = await anonymous.get(publicUrl)
  assert.equal(open.statusCode, 200)
  assert.match(open.body, /Relacja z wizyty studyjnej: Partnerstwo „Dolina Nysy”/)
  assert.match(open.body, /<strong>pralnię<\/strong>/)
  const network = await anonymous.get(`/networks/${space.id}`)
  assert.match(network.body, /Relacje z wizyt studyjnych/)
  assert.match(network.body, new RegExp(`href="${publicUrl}"`))
  assert.match((await client.get(url)).body, /Relacja jest widoczna na publicznej stronie sieci/)

  // For members only: gone from the public pages.
  await client.get(`${url}/visit/report`)
  await client.post(`${url}/visit/report`, report({ visibility: 'members', version: '2' }))
  assert.equal((await anonymous.get(publicUrl)).statusCode, 404)
  assert.doesNotMatch((await anonymous.get(`/networks/${space.id}`)).body, /Relacje z wizyt studyjnych/)

  // Public, but the network is not: not public either.
  await client.get(`${url}/visit/report`)
  await client.post(`${url}/visit/report`, report({ version: '3' }))
  assert.equal((await anonymous.get(publicUrl)).statusCode, 200)
  await db().updateTable('spaces').set({ is_public: false }).where('id', '=', space.id).execute()
  assert.equal((await anonymous.get(publicUrl)).statusCode, 404)
})
