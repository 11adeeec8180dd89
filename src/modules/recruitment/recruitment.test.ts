// Recruitment: the rules (the form's checks with the PESEL, points, ranking, sealing) as units; and
// through HTTP what each person does: a visitor reads a recruitment and applies with a confirmed
// address, keeps a draft and sends it; the project's staff read the applications (each view
// audited, the PESEL masked unless they are named), check, score, and decide, which mails everyone;
// a participant who gives up passes the place to the first in reserve. Nobody else reads any of it.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import ExcelJS from 'exceljs'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { givenPerson, projectIdOf } from '../../../test/support/given.ts'
import { plain } from '../../../test/support/html.ts'
import { addDays, today } from '../../kernel/dates.ts'
import { demoPdf } from '../../kernel/demo.ts'
import { makePesel, peselProblem } from '../../kernel/identifiers.ts'
import { sealer } from '../../kernel/sealed.ts'
import { ageOn, type Conditions, checkApplication } from './esf.ts'
import { anonymiseExpired, removeStaleDrafts } from './retention.ts'
import { applicationWindow, pointsOf, rank, scoreOf } from './rules.ts'

const conditions: Conditions = {
  version: 'cst2021',
  voivodeships: ['02', '12', '24'],
  region: '24',
  regionName: 'śląskie',
  minAge: 18,
  maxAge: 64,
  groups: ['g1', 'g2'],
  today: '2027-02-10',
}
const pesel = makePesel('1980-04-15', 'K', 123)
const complete = {
  groupId: 'g1',
  givenName: 'Anna',
  familyName: 'Kowalczyk',
  pesel,
  birthDate: '1980-04-15',
  education: 'isced5_8',
  voivodeship: '24',
  municipality: 'Gaszowice',
  locality: 'Czernica',
  building: '12',
  postcode: '44-281',
  degurba: '3',
  phone: '+48 600 100 200',
  labourStatus: 'employed',
  foreignOrigin: 'no',
  thirdCountry: 'no',
  minority: 'refused',
  homeless: 'no',
  disability: 'yes',
  declEligible: 'yes',
  declTruth: 'yes',
  declInformed: 'yes',
}

test('a complete form with a valid PESEL passes; the day of birth and sex come from the PESEL', () => {
  const c = checkApplication(complete, conditions, true)
  assert.deepEqual(c.problems, {})
  assert.equal(c.pesel, pesel)
  assert.equal(c.peselValid, true)
  assert.equal(c.birthDate, '1980-04-15')
  assert.equal(c.sex, 'K')
  assert.equal(c.groupId, 'g1')
  assert.equal(c.answers.pesel, undefined, 'the PESEL is never among the plain answers')
})

test('a wrong PESEL, a birthday that disagrees, another region and an age outside the range are each refused beside their field', () => {
  const wrong = `${pesel.slice(0, 10)}${(Number(pesel[10]) + 1) % 10}`
  assert.equal(
    checkApplication({ ...complete, pesel: wrong }, conditions, true).problems.pesel?.key,
    'recruitment.errors.pesel.checksum',
  )
  assert.equal(
    checkApplication({ ...complete, pesel: '8004' }, conditions, true).problems.pesel?.key,
    'recruitment.errors.pesel.format',
  )
  assert.equal(
    checkApplication({ ...complete, birthDate: '1980-04-16' }, conditions, true).problems.birthDate?.key,
    'recruitment.errors.birthDiffers',
  )
  const elsewhere = checkApplication({ ...complete, voivodeship: '12' }, conditions, true).problems
    .voivodeship
  assert.deepEqual(elsewhere, { key: 'recruitment.errors.region', params: { region: 'śląskie' } })
  const young = makePesel('2010-01-01', 'M', 5)
  assert.equal(
    checkApplication({ ...complete, pesel: young, birthDate: '2010-01-01' }, conditions, true).problems.pesel
      ?.key,
    'recruitment.errors.tooYoung',
  )
  const old = makePesel('1950-01-01', 'M', 5)
  assert.equal(
    checkApplication({ ...complete, pesel: old, birthDate: '1950-01-01' }, conditions, true).problems.pesel
      ?.key,
    'recruitment.errors.tooOld',
  )
  // The day they turn 18 they may apply.
  const eighteen = makePesel('2009-02-10', 'M', 5)
  assert.deepEqual(
    checkApplication({ ...complete, pesel: eighteen, birthDate: '2009-02-10' }, conditions, true).problems,
    {},
  )
})

test('without a PESEL the day of birth, sex and citizenship are asked; a draft keeps anything and asks nothing', () => {
  const { pesel: _, ...rest } = complete
  const missing = checkApplication({ ...rest, noPesel: 'yes' }, conditions, true).problems
  assert.deepEqual(Object.keys(missing).sort(), ['citizenship', 'sex'])
  const given = checkApplication(
    { ...rest, noPesel: 'yes', sex: 'M', citizenship: 'ukraińskie' },
    conditions,
    true,
  )
  assert.deepEqual(given.problems, {})
  assert.equal(given.sex, 'M')
  assert.equal(given.pesel, null)
  assert.equal(
    checkApplication(rest, conditions, true).problems.pesel?.key,
    'recruitment.errors.peselMissing',
  )
  assert.equal(
    checkApplication({ ...complete, noPesel: 'yes' }, conditions, true).problems.pesel?.key,
    'recruitment.errors.peselAndNone',
  )
  // A draft: half a form and a mistyped PESEL are kept, the declarations not asked for.
  const draft = checkApplication({ givenName: 'Anna', pesel: '8004151' }, conditions, false)
  assert.deepEqual(Object.keys(draft.problems), ['pesel'])
  assert.equal(draft.pesel, '8004151', 'the digits typed are kept to finish later')
  assert.equal(draft.peselValid, false)
  assert.equal(draft.answers.givenName, 'Anna')
  // The PESEL kept from an earlier save counts when the field is left empty.
  const { pesel: __, ...again } = complete
  assert.deepEqual(checkApplication(again, conditions, true, pesel).problems, {})
  const sent = checkApplication({ ...complete, declTruth: '' }, conditions, true).problems
  assert.equal(sent.declTruth?.key, 'recruitment.errors.declaration')
})

test('criteria give their points from the form, the staff give theirs within the bound; the ranking breaks ties by the rules', () => {
  const criteria = [
    { id: 'rural', rule: 'rural' as const, points: 10 },
    { id: 'dis', rule: 'disability' as const, points: 5 },
    { id: 'old', rule: 'age50' as const, points: 3 },
    { id: 'jobless', rule: 'unemployed' as const, points: 4 },
    { id: 'staff', rule: 'manual' as const, points: 10 },
  ]
  const points = pointsOf(
    criteria,
    { answers: complete, birthDate: '1980-04-15', manual: { staff: 12 } },
    '2027-02-10',
  )
  assert.deepEqual(points, { rural: 10, dis: 5, old: 0, jobless: 0, staff: 10 })
  assert.equal(scoreOf(points), 25)
  assert.equal(
    pointsOf(
      criteria,
      { answers: { labourStatus: 'long_term_unemployed' }, birthDate: '1977-02-10', manual: {} },
      '2027-02-10',
    ).old,
    3,
    'fifty on the day',
  )
  const at = (h: number) => new Date(Date.UTC(2027, 1, 1, h))
  const rows = [
    { id: 'a', score: 10, submitted_at: at(12), birth_date: '1990-01-01' },
    { id: 'b', score: 10, submitted_at: at(9), birth_date: '1970-01-01' },
    { id: 'c', score: 15, submitted_at: at(15), birth_date: '1995-01-01' },
    { id: 'd', score: 10, submitted_at: at(10), birth_date: '1960-01-01' },
  ]
  assert.deepEqual(
    rank(rows, 'submitted').map((r) => r.id),
    ['c', 'b', 'd', 'a'],
  )
  assert.deepEqual(
    rank(rows, 'older').map((r) => r.id),
    ['c', 'd', 'b', 'a'],
  )
  assert.equal(applicationWindow({ opens_on: '2027-02-01', closes_on: '2027-02-10' }, '2027-02-10'), 'open')
  assert.equal(applicationWindow({ opens_on: '2027-02-01', closes_on: '2027-02-10' }, '2027-02-11'), 'closed')
  assert.equal(
    applicationWindow({ opens_on: '2027-02-01', closes_on: '2027-02-10' }, '2027-01-31'),
    'not_yet',
  )
})

test('a sealed value opens only under its key and unchanged; its fingerprint finds it again without opening it', () => {
  const s = sealer('a-data-key-of-at-least-thirty-two-characters')
  const sealed = s.seal(pesel)
  assert.notEqual(sealed, s.seal(pesel), 'a new nonce each time')
  assert.doesNotMatch(sealed, new RegExp(pesel))
  assert.equal(s.open(sealed), pesel)
  assert.throws(() => sealer('another-data-key-of-thirty-two-characters!').open(sealed))
  const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`
  assert.throws(() => s.open(tampered))
  assert.equal(s.fingerprint(pesel, 'r1'), s.fingerprint(pesel, 'r1'))
  assert.notEqual(s.fingerprint(pesel, 'r1'), s.fingerprint(pesel, 'r2'))
})

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())
const db = () => h.database.db

const openRecruitmentId = async () =>
  (
    await db()
      .selectFrom('recruitments')
      .select('id')
      .where('title', 'like', 'Nabór uczestników warsztatów%')
      .executeTakeFirstOrThrow()
  ).id

/** Answers to the open recruitment's own questions (the demo's: an organisation, a day). */
async function ownAnswersOf(recruitmentId: string) {
  const fields = await db()
    .selectFrom('recruitment_fields')
    .select(['id', 'kind', 'options'])
    .where('recruitment_id', '=', recruitmentId)
    .execute()
  return Object.fromEntries(
    fields.map((f) => [
      `own-${f.id}`,
      f.kind === 'choice' ? (f.options[0] as string) : 'Fundacja Rozwoju Gminy Lyski',
    ]),
  )
}

const linkIn = (text: string) => {
  const m = /http:\/\/[^\s]+\/recruitments\/applications\/[A-Za-z0-9_-]+/.exec(text)
  assert.ok(m, `no application link in: ${text}`)
  return new URL(m[0]).pathname
}

test('a visitor reads the open recruitment with what an ESF recruitment page must say', async () => {
  const visitor = new Client(h.app)
  const list = plain((await visitor.get('/recruitments')).body)
  assert.match(list, /Nabór uczestników warsztatów tematycznych i paneli eksperckich 2027[\s\S]*Nabór trwa/)
  assert.match(list, /Nabór na wizytę studyjną w subregionie północnym[\s\S]*Nabór zakończony/)
  const page = plain((await visitor.get(`/recruitments/${await openRecruitmentId()}`)).body)
  for (const heading of [
    'Zakres wsparcia',
    'Kto może się zgłosić',
    'Jak się zgłosić',
    'Wymagane dokumenty',
    'Kontakt',
    'Kryteria punktowe',
  ])
    assert.match(page, new RegExp(heading))
  assert.match(page, /Radni i sołtysi: 10 miejsc/)
  assert.match(page, /Zamieszkanie na obszarze wiejskim: 10 punktów/)
  assert.match(page, /Wypełnij formularz zgłoszeniowy/)
  // Nothing of an applicant is on it.
  assert.doesNotMatch(page, /przyklad\.pl|Wniosk/)
})

test('an applicant asks for the link, saves a draft with a wrong PESEL (kept, told beside the field), then sends the form', async () => {
  const id = await openRecruitmentId()
  const visitor = new Client(h.app)
  await visitor.get(`/recruitments/${id}/apply`)
  const email = 'bozena.wojcik@example.pl'
  const asked = await visitor.post(`/recruitments/${id}/apply`, { email })
  assert.equal(asked.statusCode, 200)
  assert.match(plain(asked.body), /Sprawdź skrzynkę/)
  const link = linkIn((await h.smtp.waitFor(email, /Link do formularza/)).text)
  const form = plain((await visitor.get(link)).body)
  assert.match(form, /Wersja robocza – nie została jeszcze wysłana/)
  assert.match(form, /Osoba obcego pochodzenia[\s\S]*Odmowa podania informacji/)
  assert.match(form, /Informacja o przetwarzaniu danych osobowych/)

  const groups = await db()
    .selectFrom('recruitment_groups')
    .select(['id', 'name'])
    .where('recruitment_id', '=', id)
    .orderBy('position')
    .execute()
  const bad = `${pesel.slice(0, 10)}${(Number(pesel[10]) + 1) % 10}`
  const draft = await visitor.post(link, {
    ...complete,
    groupId: groups[0]?.id,
    givenName: 'Bożena',
    familyName: 'Wójcik',
    pesel: bad,
    municipality: 'Gaszowice',
    action: 'send',
  })
  assert.equal(draft.statusCode, 422)
  const refused = plain(draft.body)
  assert.match(refused, /Ten numer PESEL ma błędną cyfrę kontrolną/)
  assert.match(draft.body, /name="givenName" type="text" value="Bożena"/)
  const kept = await db()
    .selectFrom('recruitment_applications')
    .select(['state', 'given_name', 'pesel_sealed', 'answers'])
    .where('recruitment_id', '=', id)
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  assert.equal(kept.state, 'draft')
  assert.equal(kept.given_name, 'Bożena', 'what was typed is saved as a draft')
  assert.ok(kept.pesel_sealed?.startsWith('v1.'))
  assert.doesNotMatch(JSON.stringify(kept), new RegExp(bad), 'no PESEL in plain text anywhere in the row')

  // Sent with the right PESEL: a gmina of the register, the points of the automatic criteria.
  const sent = await visitor.post(link, {
    ...complete,
    ...(await ownAnswersOf(id)),
    groupId: groups[0]?.id,
    givenName: 'Bożena',
    familyName: 'Wójcik',
    action: 'send',
  })
  assert.equal(sent.statusCode, 303)
  const row = await db()
    .selectFrom('recruitment_applications')
    .select(['state', 'score', 'answers', 'birth_date', 'sex'])
    .where('recruitment_id', '=', id)
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  assert.equal(row.state, 'submitted')
  assert.equal(row.answers.municipalityCode, '2412022')
  assert.equal(row.birth_date, '1980-04-15')
  assert.equal(row.sex, 'K')
  assert.equal(row.score, 10 + 5, 'rural and disability; the staff’s criterion waits')
  await h.smtp.waitFor(email, /Formularz wysłany/)
  assert.match(plain((await visitor.get(link)).body), /Wysłany – czeka na sprawdzenie/)
  // Sent, it cannot be changed.
  assert.equal((await visitor.post(link, { ...complete, action: 'draft' })).statusCode, 422)

  // The same address asking again at once: the same answer, and no mail (nobody floods an inbox).
  const mails = h.smtp.mails.filter((m) => m.to.includes(email)).length
  const soon = await visitor.post(`/recruitments/${id}/apply`, { email })
  assert.match(plain(soon.body), /Sprawdź skrzynkę/)
  await new Promise((r) => setTimeout(r, 500))
  assert.equal(h.smtp.mails.filter((m) => m.to.includes(email)).length, mails)
  // Later, a new link to the same application.
  await db()
    .updateTable('recruitment_applications')
    .set({ link_sent_at: new Date(Date.now() - 11 * 60_000) })
    .where('email', '=', email)
    .execute()
  await visitor.post(`/recruitments/${id}/apply`, { email: 'Bozena.Wojcik@example.pl' })
  const again = linkIn((await h.smtp.waitFor(email, /Link do formularza/, 5000, 2)).text)
  assert.notEqual(again, link)
  assert.match(plain((await visitor.get(again)).body), /Wysłany – czeka na sprawdzenie/)
  assert.equal((await visitor.get(link)).statusCode, 404, 'the old link is replaced')
  const count = await db()
    .selectFrom('recruitment_applications')
    .select('id')
    .where('recruitment_id', '=', id)
    .where('email', '=', email)
    .execute()
  assert.equal(count.length, 1)
})

test('a gmina the register does not know, or outside the voivodeship, is refused beside the field', async () => {
  const id = await openRecruitmentId()
  const visitor = new Client(h.app)
  await visitor.get(`/recruitments/${id}/apply`)
  const email = 'tadeusz.mazur@example.pl'
  await visitor.post(`/recruitments/${id}/apply`, { email })
  const link = linkIn((await h.smtp.waitFor(email, /Link do formularza/)).text)
  const groupId = (
    await db()
      .selectFrom('recruitment_groups')
      .select('id')
      .where('recruitment_id', '=', id)
      .executeTakeFirstOrThrow()
  ).id
  const other = makePesel('1971-09-09', 'M', 40)
  const unknown = await visitor.post(link, {
    ...complete,
    pesel: other,
    birthDate: '1971-09-09',
    groupId,
    municipality: 'Nibylandia',
    action: 'send',
  })
  assert.equal(unknown.statusCode, 422)
  assert.match(plain(unknown.body), /Rejestr TERC nie ma w tym województwie powiatu ani gminy o tej nazwie/)
  const elsewhere = await visitor.post(link, {
    ...complete,
    pesel: other,
    birthDate: '1971-09-09',
    groupId,
    voivodeship: '12',
    action: 'send',
  })
  assert.match(plain(elsewhere.body), /Ta rekrutacja przyjmuje osoby mieszkające w województwie śląskie/)
})

test('only the project’s staff read applications; each view is audited and the PESEL is whole only for those named', async () => {
  const id = await openRecruitmentId()
  const application = await db()
    .selectFrom('recruitment_applications')
    .select(['id', 'given_name', 'family_name'])
    .where('recruitment_id', '=', id)
    .where('state', '=', 'eligible')
    .orderBy('submitted_at')
    .executeTakeFirstOrThrow()
  const path = `/recruitments/${id}/applications/${application.id}`
  const reader = await signedIn(h.app, 'projekt@demo.siatka.test')
  const list = plain((await reader.get(`/recruitments/${id}/applications`)).body)
  assert.match(list, new RegExp(application.family_name))
  assert.match(list, /Wersje robocze w toku: \d+\. Wysłane: \d+, do sprawdzenia: \d+\./)
  const seen = plain((await reader.get(path)).body)
  assert.match(seen, /Numer PESEL<\/dt><dd[^>]*>\d{11}</)
  const audits = await db()
    .selectFrom('audit_log')
    .select(['actor_email', 'details'])
    .where('action', '=', 'recruitment.application.viewed')
    .where('subject_id', '=', application.id)
    .execute()
  assert.equal(audits.length, 1)
  assert.deepEqual(audits[0], { actor_email: 'projekt@demo.siatka.test', details: { pesel: 'full' } })

  // Another member of the same project's staff, not named: the PESEL masked.
  const colleague = await givenPerson(db(), { role: 'project_staff', name: 'Iwona Nowicka' })
  await db()
    .insertInto('project_staff')
    .values({ project_id: await projectIdOf(db(), 'RAZEM'), person_id: colleague.id })
    .execute()
  const masked = plain((await (await signedIn(h.app, colleague.email)).get(path)).body)
  assert.match(masked, /Numer PESEL<\/dt><dd[^>]*>\d{6}\*{5}</)
  assert.doesNotMatch(masked, /\d{11}/)

  // Nobody else: the coordinator, the managing authority, staff of another project; a visitor signs in.
  for (const email of ['koordynator@demo.siatka.test', 'iz@demo.siatka.test', 'admin@demo.siatka.test']) {
    const other = await signedIn(h.app, email)
    assert.equal((await other.get(path)).statusCode, 403, email)
    assert.equal((await other.get(`/recruitments/${id}/applications`)).statusCode, 403, email)
  }
  const outsider = await givenPerson(db(), { role: 'project_staff' })
  assert.equal((await (await signedIn(h.app, outsider.email)).get(path)).statusCode, 403)
  assert.equal((await new Client(h.app).get(path)).statusCode, 303)
})

test('staff type in a paper application: refused beside each field with everything kept, then sent on the day it came', async () => {
  const id = await openRecruitmentId()
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const path = `/recruitments/${id}/applications/new`
  await staff.get(path)
  const groupId = (
    await db()
      .selectFrom('recruitment_groups')
      .select('id')
      .where('recruitment_id', '=', id)
      .orderBy('position')
      .executeTakeFirstOrThrow()
  ).id
  const { pesel: _, ...noPesel } = complete
  const refused = await staff.post(path, {
    ...noPesel,
    groupId,
    givenName: 'Zbigniew',
    familyName: 'Pawlak',
    receivedOn: '',
  })
  assert.equal(refused.statusCode, 422)
  const text = plain(refused.body)
  assert.match(text, /Wpisz numer PESEL albo zaznacz, że go nie masz/)
  assert.match(text, /To pole jest wymagane/)
  assert.match(refused.body, /name="familyName" type="text" value="Pawlak"/)
  const early = await staff.post(path, { ...complete, groupId, receivedOn: addDays(today(), -40) })
  assert.match(plain(early.body), /Data wpływu musi przypadać w terminie naboru/)
  const paperPesel = makePesel('1962-03-08', 'M', 77)
  const sent = await staff.post(path, {
    ...complete,
    ...(await ownAnswersOf(id)),
    groupId,
    givenName: 'Zbigniew',
    familyName: 'Pawlak',
    pesel: paperPesel,
    birthDate: '1962-03-08',
    receivedOn: addDays(today(), -1),
    email: 'zbigniew.pawlak@example.pl',
  })
  assert.equal(sent.statusCode, 303)
  const row = await db()
    .selectFrom('recruitment_applications')
    .select(['state', 'entered_by', 'submitted_at', 'score', 'sex'])
    .where('recruitment_id', '=', id)
    .where('email', '=', 'zbigniew.pawlak@example.pl')
    .executeTakeFirstOrThrow()
  assert.equal(row.state, 'submitted')
  assert.ok(row.entered_by)
  assert.equal(row.submitted_at?.toISOString().slice(0, 10), addDays(today(), -1))
  assert.equal(row.score, 10 + 5 + 3, 'rural, disability, and fifty or more')
  assert.equal(row.sex, 'M')
  await h.smtp.waitFor('zbigniew.pawlak@example.pl', /Formularz wysłany/)
  assert.match(
    plain((await staff.get(`/recruitments/${id}/applications?state=submitted`)).body),
    /Zbigniew Pawlak[\s\S]*wpisany z wersji papierowej/,
  )
  // The same address again is refused beside its field.
  const twice = await staff.post(path, {
    ...complete,
    ...(await ownAnswersOf(id)),
    groupId,
    receivedOn: today(),
    email: 'Zbigniew.Pawlak@example.pl',
  })
  assert.equal(twice.statusCode, 422)
  assert.match(plain(twice.body), /Z tego adresu złożono już wniosek w tej rekrutacji/)
})

test('staff add the rules as a document anyone downloads from the recruitment’s page; another kind of file is refused beside the field', async () => {
  const id = await openRecruitmentId()
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  await staff.get(`/recruitments/${id}/documents`)
  const pdf = await demoPdf('Regulamin', 'Zasady naboru.', 'pl')
  const added = await staff.upload(
    `/recruitments/${id}/documents`,
    { title: 'Regulamin rekrutacji' },
    { file: { name: 'regulamin.pdf', type: 'application/pdf', bytes: pdf } },
  )
  assert.equal(added.statusCode, 303)
  const refused = await staff.upload(
    `/recruitments/${id}/documents`,
    { title: 'Zdjęcie' },
    { file: { name: 'zdjecie.pdf', type: 'application/pdf', bytes: Buffer.from('to nie jest PDF') } },
  )
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /value="Zdjęcie"/)
  const visitor = new Client(h.app)
  const page = plain((await visitor.get(`/recruitments/${id}`)).body)
  const link =
    /href="(\/recruitments\/[^"]+\/documents\/[^"]+)">Regulamin rekrutacji<\/a> <span class="govuk-body-s">\(PDF, [^)]+\)/.exec(
      page,
    )
  assert.ok(link, 'the rules are on the public page')
  const file = await visitor.get(link[1] as string)
  assert.equal(file.statusCode, 200)
  assert.equal(file.headers['content-type'], 'application/pdf')
  // Someone else's pages to change them: refused.
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  assert.equal((await coordinator.get(`/recruitments/${id}/documents`)).statusCode, 403)
  const docId = link[1]?.split('/').at(-1) as string
  await staff.post(`/recruitments/${id}/documents/remove`, { documentId: docId })
  assert.equal((await visitor.get(link[1] as string)).statusCode, 404)
})

test('staff open a recruitment (refused beside the field when a group has no places), publish it, and it is theirs alone until then', async () => {
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  await staff.get('/recruitments/new')
  const projectId = await projectIdOf(db(), 'RAZEM')
  const form = {
    projectId,
    title: 'Nabór testowy',
    scope: 'Szkolenie z klauzul społecznych.',
    whoMayApply: 'Pracownicy gmin.',
    howToApply: 'Formularz w Siatce.',
    contact: 'biuro@example.pl',
    opensOn: today(),
    closesOn: addDays(today(), 5),
    esfVersion: 'sl2014',
    region: '24',
    tieBreak: 'older',
    retentionUntil: '2035-12-31',
    group1: 'Pracownicy gmin',
    places1: '',
    criterion1: 'Wiek 50+',
    rule1: 'age50',
    points1: '5',
  }
  const refused = await staff.post('/recruitments/new', form)
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /Wpisz liczbę miejsc od 1 do 10 000/)
  assert.match(refused.body, /value="Nabór testowy"/)
  const created = await staff.post('/recruitments/new', { ...form, places1: '2' })
  assert.equal(created.statusCode, 303)
  const path = created.headers.location as string
  assert.equal((await new Client(h.app).get(path)).statusCode, 404, 'not published: nobody else sees it')
  assert.equal((await (await signedIn(h.app, 'koordynator@demo.siatka.test')).get(path)).statusCode, 404)
  await staff.post(`${path}/publish`, {})
  const page = plain((await new Client(h.app).get(path)).body)
  assert.match(page, /Nabór testowy[\s\S]*Pracownicy gmin: 2 miejsca/)
  assert.match(page, /SL2014/)
  // Its own question, required: asked after the standard ones, refused when left, shown to the staff.
  const recruitmentId = path.split('/').at(-1) as string
  await staff.get(`${path}/fields`)
  assert.equal(
    (await staff.post(`${path}/fields`, { kind: 'choice', label: 'Który termin?', options: 'jeden' }))
      .statusCode,
    422,
    'a choice needs two answers',
  )
  await staff.post(`${path}/fields`, {
    kind: 'choice',
    label: 'Który termin?',
    options: 'wtorek\nczwartek',
    required: 'yes',
  })
  const field = await db()
    .selectFrom('recruitment_fields')
    .select('id')
    .where('recruitment_id', '=', recruitmentId)
    .executeTakeFirstOrThrow()
  const applicant = new Client(h.app)
  await applicant.get(`${path}/apply`)
  await applicant.post(`${path}/apply`, { email: 'renata.mazur@example.pl' })
  const link = linkIn((await h.smtp.waitFor('renata.mazur@example.pl', /Link do formularza/)).text)
  const asked = plain((await applicant.get(link)).body)
  assert.match(asked, /Pytania projektu[\s\S]*Który termin\?[\s\S]*wtorek[\s\S]*czwartek/)
  const group = (
    await db()
      .selectFrom('recruitment_groups')
      .select('id')
      .where('recruitment_id', '=', recruitmentId)
      .executeTakeFirstOrThrow()
  ).id
  const answered = {
    ...complete,
    joblessHousehold: 'no',
    otherDisadvantaged: 'refused',
    groupId: group,
    pesel: makePesel('1975-05-05', 'K', 9),
    birthDate: '1975-05-05',
    action: 'send',
  }
  const left = await applicant.post(link, answered)
  assert.equal(left.statusCode, 422)
  assert.match(left.body, new RegExp(`id="field-own-${field.id}-error"`))
  const done = await applicant.post(link, { ...answered, [`own-${field.id}`]: 'czwartek' })
  assert.equal(
    done.statusCode,
    303,
    [...done.body.matchAll(/<li><a href="#([^"]+)">([^<]*)</g)].map((m) => `${m[1]}: ${m[2]}`).join(' | '),
  )
  const sentId = (
    await db()
      .selectFrom('recruitment_applications')
      .select('id')
      .where('email', '=', 'renata.mazur@example.pl')
      .executeTakeFirstOrThrow()
  ).id
  assert.match(
    plain((await staff.get(`${path}/applications/${sentId}`)).body),
    /Który termin\?<\/dt><dd[^>]*>czwartek</,
  )
  // Someone has applied: the questions stay.
  const late = await staff.post(`${path}/fields`, { kind: 'text', label: 'Jeszcze jedno' })
  assert.match(plain(late.body), /Pytań nie można zmienić, bo wpłynęły już wnioski/)
  // A project that is not theirs cannot be chosen.
  const other = (
    await db()
      .selectFrom('projects')
      .select('id')
      .where('title', 'like', 'Międzysektorowa%')
      .executeTakeFirstOrThrow()
  ).id
  const foreign = await staff.post('/recruitments/new', { ...form, places1: '2', projectId: other })
  assert.equal(foreign.statusCode, 422)
})

test('once closed and checked, deciding gives the places by the ranking, mails everyone, and a place given up goes to the first in reserve', async () => {
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const projectId = await projectIdOf(db(), 'RAZEM')
  await staff.get('/recruitments/new')
  const created = await staff.post('/recruitments/new', {
    projectId,
    title: 'Nabór do rozstrzygnięcia',
    scope: 'Doradztwo.',
    whoMayApply: 'Mieszkańcy.',
    howToApply: 'Formularz.',
    contact: 'biuro@example.pl',
    opensOn: today(),
    closesOn: addDays(today(), 3),
    esfVersion: 'cst2021',
    tieBreak: 'submitted',
    retentionUntil: '2035-12-31',
    group1: 'Mieszkańcy',
    places1: '1',
    criterion1: 'Obszar wiejski',
    rule1: 'rural',
    points1: '10',
  })
  const path = created.headers.location as string
  const id = path.split('/').at(-1) as string
  await staff.post(`${path}/publish`, {})
  const groupId = (
    await db()
      .selectFrom('recruitment_groups')
      .select('id')
      .where('recruitment_id', '=', id)
      .executeTakeFirstOrThrow()
  ).id
  // Three apply: a town, a village (more points), and one the staff refuse.
  const people = [
    ['ewa.krawczyk@example.pl', 'Ewa', 'Krawczyk', '1985-01-01', 'K', 'Rybnik'],
    ['jan.pawlak@example.pl', 'Jan', 'Pawlak', '1979-06-30', 'M', 'Gaszowice'],
    ['ola.mazur@example.pl', 'Aleksandra', 'Mazur', '1990-02-02', 'K', 'Lyski'],
  ] as const
  const links: string[] = []
  for (const [i, [email, given, family, born, sex, gmina]] of people.entries()) {
    const visitor = new Client(h.app)
    await visitor.get(`${path}/apply`)
    await visitor.post(`${path}/apply`, { email })
    const link = linkIn((await h.smtp.waitFor(email, /Link do formularza/)).text)
    links.push(link)
    const sent = await visitor.post(link, {
      ...complete,
      groupId,
      givenName: given,
      familyName: family,
      pesel: makePesel(born, sex, 300 + i),
      birthDate: born,
      municipality: gmina,
      degurba: gmina === 'Rybnik' ? '1' : '3',
      action: 'send',
    })
    assert.equal(sent.statusCode, 303, plain(sent.body).slice(0, 400))
  }
  // Still open: no decisions.
  const early = await staff.post(`${path}/decide`, { supportStartsOn: addDays(today(), 7) })
  assert.equal(early.statusCode, 422)
  assert.match(plain(early.body), /dopiero po zakończeniu naboru/)
  // The days pass; an unchecked application holds the decisions back.
  await db()
    .updateTable('recruitments')
    .set({ opens_on: addDays(today(), -10), closes_on: addDays(today(), -1) })
    .where('id', '=', id)
    .execute()
  const apps = await db()
    .selectFrom('recruitment_applications')
    .select(['id', 'email'])
    .where('recruitment_id', '=', id)
    .execute()
  const idOf = (email: string) => apps.find((a) => a.email === email)?.id as string
  const unchecked = await staff.post(`${path}/decide`, { supportStartsOn: addDays(today(), 7) })
  assert.match(plain(unchecked.body), /Najpierw oceń 3 wnioski czekające na sprawdzenie/)
  await staff.get(`${path}/applications/${idOf('ewa.krawczyk@example.pl')}`)
  const noReason = await staff.post(`${path}/applications/${idOf('ola.mazur@example.pl')}/check`, {
    decision: 'ineligible',
    reason: '',
  })
  assert.equal(noReason.statusCode, 422)
  assert.match(plain(noReason.body), /Wpisz, dlaczego wniosek nie spełnia warunków/)
  await staff.post(`${path}/applications/${idOf('ola.mazur@example.pl')}/check`, {
    decision: 'ineligible',
    reason: 'Brak zaświadczenia.',
  })
  for (const email of ['ewa.krawczyk@example.pl', 'jan.pawlak@example.pl'])
    assert.equal(
      (await staff.post(`${path}/applications/${idOf(email)}/check`, { decision: 'eligible', reason: '' }))
        .statusCode,
      303,
    )
  const ranking = plain((await staff.get(`${path}/ranking`)).body)
  assert.match(
    ranking,
    />1<\/td><td[^>]*><a[^>]*>Jan Pawlak<\/a><\/td><td[^>]*>10<\/td><td[^>]*>W limicie miejsc[\s\S]*>2<\/td><td[^>]*><a[^>]*>Ewa Krawczyk<\/a><\/td><td[^>]*>0<\/td><td[^>]*>Lista rezerwowa/,
  )

  const decided = await staff.post(`${path}/decide`, { supportStartsOn: addDays(today(), 7) })
  assert.equal(decided.statusCode, 303)
  const states = await db()
    .selectFrom('recruitment_applications')
    .select(['email', 'state', 'support_starts_on'])
    .where('recruitment_id', '=', id)
    .execute()
  const stateOf = (email: string) => states.find((s) => s.email === email)
  assert.equal(stateOf('jan.pawlak@example.pl')?.state, 'accepted')
  assert.equal(stateOf('jan.pawlak@example.pl')?.support_starts_on, addDays(today(), 7))
  assert.equal(stateOf('ewa.krawczyk@example.pl')?.state, 'reserve')
  assert.equal(stateOf('ola.mazur@example.pl')?.state, 'rejected')
  const accepted = await h.smtp.waitFor('jan.pawlak@example.pl', /Przyjęcie do projektu/)
  await h.smtp.waitFor('ewa.krawczyk@example.pl', /Lista rezerwowa/)
  const rejected = await h.smtp.waitFor('ola.mazur@example.pl', /Wynik rekrutacji/)
  assert.match(rejected.text, /Uzasadnienie: Brak zaświadczenia\./)
  // Decided, the recruitment itself no longer changes.
  await staff.get(`${path}/edit`)
  const edit = await staff.post(`${path}/edit`, {
    projectId,
    title: 'Nabór do rozstrzygnięcia',
    scope: 'Doradztwo.',
    whoMayApply: 'Mieszkańcy.',
    howToApply: 'Formularz.',
    contact: 'biuro@example.pl',
    opensOn: addDays(today(), -10),
    closesOn: addDays(today(), 30),
    esfVersion: 'cst2021',
    tieBreak: 'submitted',
    retentionUntil: '2035-12-31',
    groupId1: groupId,
    group1: 'Mieszkańcy',
    places1: '1',
    criterion1: 'Obszar wiejski',
    rule1: 'rural',
    points1: '10',
  })
  assert.equal(edit.statusCode, 422)
  assert.match(plain(edit.body), /Rekrutacja jest już rozstrzygnięta/)
  // Once: a second decision is refused.
  assert.equal((await staff.post(`${path}/decide`, { supportStartsOn: addDays(today(), 7) })).statusCode, 422)

  // The participant gives up by the new link: the first in reserve gets the place and a mail.
  const janLink = linkIn(accepted.text)
  const visitor = new Client(h.app)
  assert.match(plain((await visitor.get(janLink)).body), /Przyjęto do projektu/)
  await visitor.post(`${janLink}/withdraw`, {})
  const promoted = await db()
    .selectFrom('recruitment_applications')
    .select('state')
    .where('id', '=', idOf('ewa.krawczyk@example.pl'))
    .executeTakeFirstOrThrow()
  assert.equal(promoted.state, 'accepted')
  await h.smtp.waitFor('ewa.krawczyk@example.pl', /Przyjęcie do projektu/)
})

test('the participants go to the monitoring system as XLSX and CSV, a column per standard field, PESEL whole; only for the staff named', async () => {
  const decided = (
    await db()
      .selectFrom('recruitments')
      .select('id')
      .where('decided_at', 'is not', null)
      .orderBy('created_at')
      .executeTakeFirstOrThrow()
  ).id
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const xlsx = await staff.get(`/recruitments/${decided}/participants.xlsx`)
  assert.equal(xlsx.statusCode, 200)
  assert.match(String(xlsx.headers['content-disposition']), /uczestnicy-\d{4}-\d{2}-\d{2}\.xlsx/)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  assert.ok(sheet)
  const headers = (sheet.getRow(1).values as unknown[]).slice(1)
  assert.deepEqual(headers.slice(0, 9), [
    'Kraj',
    'Rodzaj uczestnika',
    'Imię',
    'Nazwisko',
    'PESEL',
    'Brak PESEL',
    'Płeć',
    'Wiek w chwili przystąpienia do projektu',
    'Wykształcenie',
  ])
  assert.ok(headers.includes('Osoba państwa trzeciego'), 'a CST2021 column')
  assert.ok(!headers.includes('Nr lokalu'), 'no SL2014 column')
  const accepted = await db()
    .selectFrom('recruitment_applications')
    .select(['birth_date', 'support_starts_on', 'family_name'])
    .where('recruitment_id', '=', decided)
    .where('state', '=', 'accepted')
    .execute()
  assert.equal(sheet.rowCount, 1 + accepted.length)
  for (let i = 2; i <= sheet.rowCount; i++) {
    const row = sheet.getRow(i)
    const pesel = String(row.getCell(5).value)
    assert.equal(peselProblem(pesel), null, `a whole, valid PESEL in row ${i}`)
    const person = accepted.find((p) => p.family_name === row.getCell(4).value)
    assert.ok(person?.birth_date && person.support_starts_on)
    assert.equal(
      row.getCell(8).value,
      ageOn(person.birth_date, person.support_starts_on),
      'age on the first day of support',
    )
    assert.ok(
      ['rybnicki', 'Rybnik', 'Żory'].includes(String(row.getCell(11).value)),
      'the powiat from the register',
    )
  }
  const csv = await staff.get(`/recruitments/${decided}/participants.csv`)
  assert.match(csv.body, /^\uFEFFKraj;Rodzaj uczestnika;Imię;Nazwisko;PESEL;/)
  assert.equal(csv.body.trim().split('\r\n').length, 1 + accepted.length)
  const exported = await db()
    .selectFrom('audit_log')
    .select('actor_email')
    .where('action', '=', 'recruitment.participants.exported')
    .execute()
  assert.equal(exported.length, 2)
  // A colleague not named sees the ranking but not the download.
  const colleague = await givenPerson(db(), { role: 'project_staff', name: 'Wiesław Nowicki' })
  await db()
    .insertInto('project_staff')
    .values({ project_id: await projectIdOf(db(), 'RAZEM'), person_id: colleague.id })
    .execute()
  const other = await signedIn(h.app, colleague.email)
  assert.doesNotMatch((await other.get(`/recruitments/${decided}/ranking`)).body, /participants\.xlsx/)
  assert.equal((await other.get(`/recruitments/${decided}/participants.xlsx`)).statusCode, 403)
})

test('drafts left for a month are removed; past the retention day applicants’ data is anonymised', async () => {
  const id = await openRecruitmentId()
  const before = await db()
    .selectFrom('recruitment_applications')
    .select('id')
    .where('state', '=', 'draft')
    .execute()
  assert.equal(
    await removeStaleDrafts(db(), new Date(Date.now() + 22 * 86_400_000)),
    1,
    'the draft nine days old',
  )
  assert.equal(await removeStaleDrafts(db(), new Date()), 0)
  const left = await db()
    .selectFrom('recruitment_applications')
    .select('id')
    .where('state', '=', 'draft')
    .execute()
  assert.equal(left.length, before.length - 1)
  await db()
    .updateTable('recruitments')
    .set({
      retention_until: addDays(today(), -1),
      closes_on: addDays(today(), -2),
      opens_on: addDays(today(), -20),
    })
    .where('id', '=', id)
    .execute()
  assert.ok((await anonymiseExpired(db(), new Date())) > 5)
  const rows = await db()
    .selectFrom('recruitment_applications')
    .select(['email', 'given_name', 'pesel_sealed', 'answers', 'birth_date'])
    .where('recruitment_id', '=', id)
    .execute()
  for (const r of rows) {
    assert.deepEqual(
      { email: r.email, name: r.given_name, pesel: r.pesel_sealed, answers: r.answers },
      { email: '', name: '', pesel: null, answers: {} },
    )
    assert.match(r.birth_date ?? '0000-01-01', /^\d{4}-01-01$/)
  }
})

test('a question asking for a file: the applicant attaches one (another kind refused beside the field, the draft kept); the staff alone download it, audited', async () => {
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  await staff.get('/recruitments/new')
  const created = await staff.post('/recruitments/new', {
    projectId: await projectIdOf(db(), 'RAZEM'),
    title: 'Nabór z załącznikiem',
    scope: 'Doradztwo dla organizacji.',
    whoMayApply: 'Organizacje pozarządowe.',
    howToApply: 'Formularz w Siatce z zaświadczeniem.',
    contact: 'biuro@example.pl',
    opensOn: today(),
    closesOn: addDays(today(), 5),
    esfVersion: 'sl2014',
    region: '24',
    tieBreak: 'older',
    retentionUntil: '2035-12-31',
    group1: 'Organizacje pozarządowe',
    places1: '3',
  })
  const path = created.headers.location as string
  await staff.post(`${path}/publish`, {})
  await staff.get(`${path}/fields`)
  const label = 'Zaświadczenie o działalności organizacji'
  assert.equal((await staff.post(`${path}/fields`, { kind: 'file', label, required: 'yes' })).statusCode, 303)
  // One such question a form (a form sends one file).
  const second = await staff.post(`${path}/fields`, { kind: 'file', label: 'Drugi plik' })
  assert.equal(second.statusCode, 422)
  assert.match(plain(second.body), /tylko jedno pytanie z plikiem/)

  const applicant = new Client(h.app)
  await applicant.get(`${path}/apply`)
  await applicant.post(`${path}/apply`, { email: 'teresa.wrobel@example.pl' })
  const link = linkIn((await h.smtp.waitFor('teresa.wrobel@example.pl', /Link do formularza/)).text)
  const formPage = await applicant.get(link)
  assert.match(formPage.body, /enctype="multipart\/form-data"/)
  const field = (
    await db()
      .selectFrom('recruitment_fields')
      .select('id')
      .where('label', '=', label)
      .executeTakeFirstOrThrow()
  ).id
  const group = (
    await db()
      .selectFrom('recruitment_groups')
      .select('id')
      .where('recruitment_id', '=', path.split('/').at(-1) as string)
      .executeTakeFirstOrThrow()
  ).id
  const answered = {
    ...complete,
    joblessHousehold: 'no',
    otherDisadvantaged: 'refused',
    groupId: group,
    givenName: 'Teresa',
    familyName: 'Wróbel',
    pesel: makePesel('1972-03-08', 'K', 7),
    birthDate: '1972-03-08',
    action: 'send',
  }
  // Sent without the file: refused beside it.
  const without = await applicant.upload(link, answered, {})
  assert.equal(without.statusCode, 422)
  assert.match(plain(without.body), /Wybierz plik/)
  // A text file is no kind taken: refused beside the field, the rest kept as a draft.
  await applicant.get(link)
  const wrong = await applicant.upload(link, answered, {
    [`own-${field}`]: { name: 'notatka.txt', bytes: Buffer.from('zaświadczenie') },
  })
  assert.equal(wrong.statusCode, 422)
  assert.match(plain(wrong.body), /Ten rodzaj pliku nie jest przyjmowany/)
  assert.match(wrong.body, /name="givenName" type="text" value="Teresa"/)
  await applicant.get(link)
  const pdf = Buffer.from('%PDF-1.4\n% Zaswiadczenie\n%%EOF\n')
  const sent = await applicant.upload(link, answered, {
    [`own-${field}`]: { name: 'zaswiadczenie.pdf', bytes: pdf },
  })
  assert.equal(sent.statusCode, 303)
  const a = await db()
    .selectFrom('recruitment_applications')
    .select(['id', 'state'])
    .where('email', '=', 'teresa.wrobel@example.pl')
    .executeTakeFirstOrThrow()
  assert.equal(a.state, 'submitted')

  const staffPage = await staff.get(`${path}/applications/${a.id}`)
  const href = `${path}/applications/${a.id}/files/${field}`
  assert.match(staffPage.body, new RegExp(`href="${href}"[^>]*>zaswiadczenie\\.pdf</a>`))
  const download = await staff.get(href)
  assert.equal(download.statusCode, 200)
  assert.equal(download.body, pdf.toString())
  const audited = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'recruitment.application.file.viewed')
    .execute()
  assert.equal(audited.length, 1)
  // Nobody else: the coordinator, a visitor.
  assert.equal((await (await signedIn(h.app, 'koordynator@demo.siatka.test')).get(href)).statusCode, 403)
  assert.equal((await new Client(h.app).get(href)).statusCode, 303)
})
