import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import {
  givenMaterialWithFile,
  givenMember,
  givenPerson,
  givenSpace,
  uniqueEmail,
} from '../../../test/support/given.ts'
import { addDays, today } from '../../kernel/dates.ts'
import { defaultMaxBytes } from '../../kernel/storage.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

const pdf = (text = 'Plan pracy') =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)

/** A network with its secretary signed in, a member, and one material with a Polish file. */
async function givenMaterial(title = 'Plan pracy na 2027 r.') {
  const sec = await givenPerson(db(), { role: 'secretary', name: 'Sabina Sekretarz' })
  const space = await givenSpace(db(), { secretaryId: sec.id })
  const member = await givenPerson(db(), { name: 'Marek Członek' })
  await givenMember(db(), space.id, member.id)
  const material = await givenMaterialWithFile(db(), h.app.storage, {
    spaceId: space.id,
    title,
    by: sec.id,
    bytes: pdf(title),
  })
  const url = `/spaces/${space.id}/materials/${material.id}`
  const client = await signedIn(h.app, sec.email)
  await client.get(url)
  return { sec, space, member, material, url, client }
}

const request = (extra: Record<string, string> = {}) => ({
  sourceLanguage: 'pl',
  targetLanguage: 'en',
  deadline: addDays(today(), 14),
  translatorEmail: uniqueEmail('tlumacz'),
  translatorName: 'Tamara Tłumaczka',
  translatorLang: 'pl',
  ...extra,
})

/** The private link in the mail to `to` (the last whose subject matches), as a path. */
async function linkFor(to: string, subject = /tłumaczenie|Translation/): Promise<string> {
  const mail = await h.smtp.waitFor(to, subject)
  const m = /https?:\/\/[^\s]+(\/translations\/[A-Za-z0-9_-]{43})/.exec(mail.text)
  assert.ok(m, `a private link in:\n${mail.text}`)
  return m[1]
}

test('the secretary asks an outside translator; the link lets them download, start and deliver a new language version members can download', async () => {
  const { space, member, material, url, client } = await givenMaterial()
  const page = await client.get(url)
  assert.match(page.body, /Zleć tłumaczenie/)
  const asked = request()
  const res = await client.post(`${url}/translations`, asked)
  assert.equal(res.statusCode, 303)
  assert.equal(res.headers.location, `${url}#translations`)

  const mail = await h.smtp.waitFor(asked.translatorEmail, /Prośba o tłumaczenie: Plan pracy na 2027 r\./)
  assert.match(mail.text, /Dzień dobry, Tamara Tłumaczka\./)
  assert.match(mail.text, /z języka: polski na język: angielski/)
  const link = await linkFor(asked.translatorEmail)
  // Only the hash is kept.
  const stored = await db().selectFrom('translation_requests').selectAll().executeTakeFirstOrThrow()
  assert.ok(!stored.token_hash.includes(link.split('/').pop()!))
  assert.equal(stored.status, 'requested')

  // The translator has no account and needs none, nor JavaScript.
  const translator = new Client(h.app)
  const open = await translator.get(link)
  assert.equal(open.statusCode, 200)
  assert.match(open.body, /Tłumaczenie: Plan pracy na 2027 r\./)
  assert.match(open.body, /enctype="multipart\/form-data"/)
  assert.match(open.body, /Rozpoczynam pracę/)
  const source = await translator.get(`${link}/source`)
  assert.equal(source.statusCode, 200)
  assert.equal(source.headers['content-type'], 'application/pdf')
  assert.match(source.body, /Plan pracy na 2027/)

  const started = await translator.post(`${link}/start`, {})
  assert.equal(started.statusCode, 303)
  assert.match((await translator.get(link)).body, /W toku/)

  const delivered = await translator.upload(
    link,
    {},
    { file: { name: 'plan-en.pdf', bytes: pdf('Work plan') } },
  )
  assert.equal(delivered.statusCode, 303)
  const after = await translator.get(link)
  assert.match(after.body, /Przesłano tłumaczenie\. Dziękujemy!/)
  assert.match(after.body, /Tłumaczenie zostało już dostarczone/)
  assert.doesNotMatch(after.body, /Prześlij tłumaczenie/, 'no upload form once delivered')

  // The material has an English version 1, by the outside translator, members download it.
  const file = await db()
    .selectFrom('material_files')
    .select(['id', 'version', 'uploaded_by_outside'])
    .where('material_id', '=', material.id)
    .where('language', '=', 'en')
    .executeTakeFirstOrThrow()
  assert.equal(file.version, 1)
  assert.equal(file.uploaded_by_outside, 'Tamara Tłumaczka')
  const reader = await signedIn(h.app, member.email)
  const shown = await reader.get(url)
  assert.match(shown.body, /angielski, wersja 1/)
  assert.match(shown.body, /Tamara Tłumaczka/)
  assert.doesNotMatch(shown.body, /Zleć tłumaczenie/, 'a member does not ask for translations')
  const download = await reader.get(`${url}/files/${file.id}`)
  assert.equal(download.statusCode, 200)
  assert.match(download.body, /Work plan/)

  // A second upload is refused beside the field, and nothing is added.
  const again = await translator.upload(
    link,
    {},
    { file: { name: 'plan-en-2.pdf', bytes: pdf('Work plan 2') } },
  )
  assert.equal(again.statusCode, 422)
  assert.match(again.body, /id="field-file-error"/)
  assert.match(again.body, /Tłumaczenie zostało już dostarczone i link nie przyjmuje kolejnych plików/)
  const versions = await db()
    .selectFrom('material_files')
    .select('id')
    .where('material_id', '=', material.id)
    .where('language', '=', 'en')
    .execute()
  assert.equal(versions.length, 1)

  // The secretary is told, and every step is in the audit log.
  const row = await db().selectFrom('translation_requests').selectAll().executeTakeFirstOrThrow()
  assert.equal(row.status, 'delivered')
  assert.equal(row.delivered_file_id, file.id)
  const told = await db()
    .selectFrom('notifications')
    .select(['kind', 'link'])
    .where('person_id', '=', row.requested_by)
    .where('kind', '=', 'translationDelivered')
    .executeTakeFirstOrThrow()
  assert.equal(told.link, `/spaces/${space.id}/materials/${material.id}`)
  const actions = (
    await db().selectFrom('audit_log').select('action').where('subject_id', '=', material.id).execute()
  ).map((a) => a.action)
  for (const a of [
    'translations.requested',
    'translations.started',
    'materials.version-added',
    'translations.delivered',
  ])
    assert.ok(actions.includes(a), `${a} is audited`)
})

test('a translator with an account is written to in their language and notified too', async () => {
  const { url, client } = await givenMaterial('Raport roczny')
  const translator = await givenPerson(db(), { name: 'Tom Translator', lang: 'en', role: 'expert' })
  const res = await client.post(
    `${url}/translations`,
    request({ translatorEmail: translator.email, translatorName: '', targetLanguage: 'de' }),
  )
  assert.equal(res.statusCode, 303)
  // The notification of the same request says "… into German, deadline …": wait for the request itself.
  const mail = await h.smtp.waitFor(translator.email, /^Translation request: Raport roczny$/)
  assert.match(mail.text, /from Polish into German/)
  const notified = await db()
    .selectFrom('notifications')
    .select('kind')
    .where('person_id', '=', translator.id)
    .executeTakeFirstOrThrow()
  assert.equal(notified.kind, 'translationRequested')
  // Their delivery is recorded as theirs. (The notification's mail may come after the request's.)
  const link = await linkFor(translator.email, /^Translation request: Raport roczny$/)
  const done = await new Client(h.app).upload(
    link,
    {},
    { file: { name: 'bericht.pdf', bytes: pdf('Bericht') } },
  )
  assert.equal(done.statusCode, 303)
  const file = await db()
    .selectFrom('material_files')
    .select(['uploaded_by', 'uploaded_by_outside'])
    .where('language', '=', 'de')
    .where('uploaded_by', '=', translator.id)
    .executeTakeFirstOrThrow()
  assert.equal(file.uploaded_by_outside, null)
})

test('a refused request says why beside the field and keeps what was typed', async () => {
  const { url, client } = await givenMaterial('Strategia tematyczna')
  const expectRefused = async (form: Record<string, string>, field: string, message: RegExp) => {
    const res = await client.post(`${url}/translations`, form)
    assert.equal(res.statusCode, 422, `${field}: ${message}`)
    assert.match(res.body, new RegExp(`id="field-${field}-error"`))
    assert.match(res.body, message)
    assert.match(res.body, /<title>Błąd:/)
    await client.get(url)
    return res
  }
  const past = await expectRefused(
    request({ deadline: addDays(today(), -1), translatorName: 'Olga Nowak' }),
    'deadline',
    /Termin nie może minąć/,
  )
  assert.match(past.body, /value="Olga Nowak"/)
  await expectRefused(request({ targetLanguage: 'pl' }), 'targetLanguage', /Wybierz język inny/)
  await expectRefused(request({ sourceLanguage: 'de' }), 'sourceLanguage', /nie ma pliku w tym języku/)
  await expectRefused(request({ translatorName: '' }), 'translatorEmail', /Nie ma konta z tym adresem/)
  await expectRefused(
    request({ translatorEmail: 'nie-adres' }),
    'translatorEmail',
    /adres e-mail w poprawnym formacie/,
  )
  await expectRefused(request({ deadline: '2026-02-30' }), 'deadline', /RRRR-MM-DD/)

  // One open request per language: a second one is refused until the first is cancelled.
  assert.equal((await client.post(`${url}/translations`, request())).statusCode, 303)
  await client.get(url)
  await expectRefused(request(), 'targetLanguage', /jest już zlecone/)
  const open = await db()
    .selectFrom('translation_requests as r')
    .innerJoin('materials as m', 'm.id', 'r.material_id')
    .select('r.id')
    .where('m.title', '=', 'Strategia tematyczna')
    .executeTakeFirstOrThrow()
  await client.get(url)
  const cancelled = await client.post(`${url}/translations/${open.id}/cancel`, { back: 'material' })
  assert.equal(cancelled.statusCode, 303)
  await client.get(url)
  assert.equal((await client.post(`${url}/translations`, request())).statusCode, 303)
})

test('uploads of a forbidden kind, of content not matching its name, too large or empty are refused beside the field', async () => {
  const { url, client } = await givenMaterial('Ekspertyza')
  const asked = request()
  await client.post(`${url}/translations`, asked)
  const link = await linkFor(asked.translatorEmail)
  const translator = new Client(h.app)
  await translator.get(link)
  const expectRefused = async (file: { name: string; bytes: Buffer } | undefined, message: RegExp) => {
    const res = await translator.upload(link, {}, file ? { file } : {})
    assert.equal(res.statusCode, 422)
    assert.match(res.body, /id="field-file-error"/)
    assert.match(res.body, message)
  }
  await expectRefused(
    { name: 'skrypt.exe', bytes: Buffer.from('MZ\x90\x00 program') },
    /nie jest przyjmowany/,
  )
  await expectRefused({ name: 'faktura.pdf', bytes: Buffer.from('MZ\x90\x00 program') }, /nie zgadza się/)
  const huge = Buffer.concat([pdf(), Buffer.alloc(defaultMaxBytes + 1 - pdf().length, 0x20)])
  await expectRefused({ name: 'duzy.pdf', bytes: huge }, /Plik jest za duży/)
  await expectRefused(undefined, /Wybierz plik/)
  const row = await db()
    .selectFrom('translation_requests')
    .select('status')
    .where('outside_email', '=', asked.translatorEmail)
    .executeTakeFirstOrThrow()
  assert.equal(row.status, 'requested')
})

test('the secretariat lists requests by state with the late ones marked; a cancelled link is gone', async () => {
  const { url, client, space } = await givenMaterial('Analiza potrzeb')
  const late = request({ targetLanguage: 'de' })
  const onTime = request({ targetLanguage: 'fr' })
  await client.post(`${url}/translations`, late)
  await client.get(url)
  await client.post(`${url}/translations`, onTime)
  // Time passes: the German one's deadline was yesterday.
  await db()
    .updateTable('translation_requests')
    .set({ deadline: addDays(today(), -3) })
    .where('outside_email', '=', late.translatorEmail)
    .execute()
  const list = await client.get('/translations')
  assert.equal(list.statusCode, 200)
  assert.match(list.body, /Analiza potrzeb/)
  assert.match(list.body, /govuk-tag--red">Po terminie/)
  assert.match(list.body, /3 dni po terminie/)
  assert.match(list.body, new RegExp(`href="/spaces/${space.id}/materials/`))
  const onlyLate = await client.get('/translations?status=late')
  assert.match(onlyLate.body, /polski → niemiecki/)
  assert.doesNotMatch(onlyLate.body, /polski → francuski/)
  const onlyRequested = await client.get('/translations?status=requested')
  assert.match(onlyRequested.body, /polski → francuski/)
  assert.doesNotMatch(onlyRequested.body, /polski → niemiecki/)

  // Another network's secretary sees none of these; the coordinator sees them all.
  const other = await givenPerson(db(), { role: 'secretary' })
  await givenSpace(db(), { secretaryId: other.id })
  assert.doesNotMatch(
    (await (await signedIn(h.app, other.email)).get('/translations')).body,
    /Analiza potrzeb/,
  )
  assert.match(
    (await (await signedIn(h.app, 'koordynator@demo.siatka.test')).get('/translations?status=late')).body,
    /Analiza potrzeb/,
  )

  // Cancelled from the list: the translator's link is "not found" from then on.
  const link = await linkFor(late.translatorEmail)
  const id = (
    await db()
      .selectFrom('translation_requests')
      .select('id')
      .where('outside_email', '=', late.translatorEmail)
      .executeTakeFirstOrThrow()
  ).id
  const cancelled = await client.post(`${url}/translations/${id}/cancel`, { back: 'list' })
  assert.equal(cancelled.statusCode, 303)
  assert.equal(cancelled.headers.location, '/translations')
  assert.match((await client.get('/translations?status=cancelled')).body, /govuk-tag--grey">Anulowane/)
  const translator = new Client(h.app)
  assert.equal((await translator.get(link)).statusCode, 404)
  assert.equal((await translator.get(`${link}/source`)).statusCode, 404)
  // Cancelling twice is refused politely.
  await client.get(url)
  const twice = await client.post(`${url}/translations/${id}/cancel`, {})
  assert.equal(twice.statusCode, 422)
  assert.match(twice.body, /jest już zakończone/)
  const audited = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('action', '=', 'translations.cancelled')
    .executeTakeFirst()
  assert.ok(audited)
})

test('a member cannot ask for a translation, nor see the list; a wrong token is not found', async () => {
  const { url, member } = await givenMaterial('Notatka')
  const reader = await signedIn(h.app, member.email)
  await reader.get(url)
  assert.equal((await reader.post(`${url}/translations`, request())).statusCode, 403)
  assert.equal((await reader.get('/translations')).statusCode, 403)
  const stranger = new Client(h.app)
  assert.equal((await stranger.get(`/translations/${'x'.repeat(43)}`)).statusCode, 404)
  assert.equal((await stranger.get('/translations/krotki')).statusCode, 404)
  assert.equal((await stranger.get(`/translations/${'x'.repeat(43)}/source`)).statusCode, 404)
  const anonymous = await stranger.get('/translations')
  assert.equal(anonymous.statusCode, 303)
})
