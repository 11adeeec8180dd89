import assert from 'node:assert/strict'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import { buffer } from 'node:stream/consumers'
import { after, before, test } from 'node:test'
import yauzl from 'yauzl'
import yazl from 'yazl'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { givenMember, givenPerson, givenSpace } from '../../../test/support/given.ts'
import { defaultMaxBytes } from '../../kernel/storage.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

// Real, small files of the kinds a secretariat sends: their types are read from these bytes.
const pdf = (text = 'Plan pracy') =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
// The same bytes every time: a zip entry's time would otherwise be the clock's.
const fixedTime = new Date('2026-01-01T00:00:00Z')

async function docx(): Promise<Buffer> {
  const zip = new yazl.ZipFile()
  zip.addBuffer(
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '[Content_Types].xml',
    { mtime: fixedTime },
  )
  zip.addBuffer(Buffer.from('<w:document/>'), 'word/document.xml', { mtime: fixedTime })
  zip.end()
  return buffer(zip.outputStream)
}

async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true })
  const files = new Map<string, Buffer>()
  for await (const entry of zip.eachEntry()) {
    files.set(entry.fileName, await buffer(await zip.openReadStreamPromise(entry)))
  }
  return files
}

/** A network with its secretary signed in and one meeting in 2099 with a two-item agenda. */
async function givenMeeting(p: { isPublic?: boolean } = {}) {
  const sec = await givenPerson(db(), { role: 'secretary', name: 'Sabina Sekretarz' })
  const space = await givenSpace(db(), { secretaryId: sec.id, isPublic: p.isPublic })
  const meeting = await db()
    .insertInto('meetings')
    .values({
      space_id: space.id,
      kind: 'meeting',
      year: 2099,
      number: 3,
      subject: 'Plan pracy',
      starts_at: new Date('2099-05-10T08:00:00Z'),
      ends_at: new Date('2099-05-10T12:00:00Z'),
      place: 'Warszawa',
      online_url: '',
      confirm_by: new Date('2099-05-01T21:59:00Z'),
      created_by: sec.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const items = await db()
    .insertInto('agenda_items')
    .values([
      {
        meeting_id: meeting.id,
        position: 1,
        title: 'Otwarcie',
        presenter: '',
        minutes: 10,
        kind: 'information',
      },
      {
        meeting_id: meeting.id,
        position: 2,
        title: 'Plan pracy',
        presenter: '',
        minutes: 60,
        kind: 'decision',
      },
    ])
    .returning(['id', 'title'])
    .execute()
  const url = `/spaces/${space.id}/meetings/${meeting.id}`
  const client = await signedIn(h.app, sec.email)
  await client.get(url)
  return { space, sec, client, url, meetingId: meeting.id, items }
}

const material = (extra: Record<string, string> = {}) => ({
  materialTitle: 'Projekt planu pracy',
  agendaItemId: '',
  language: 'pl',
  visibility: 'members',
  ...extra,
})

async function materialId(title: string) {
  return (
    await db().selectFrom('materials').select('id').where('title', '=', title).executeTakeFirstOrThrow()
  ).id
}

async function fileIds(materialIdValue: string) {
  return db()
    .selectFrom('material_files')
    .select(['id', 'language', 'version'])
    .where('material_id', '=', materialIdValue)
    .orderBy('language')
    .orderBy('version')
    .execute()
}

test('the secretary attaches files to the meeting and to agenda items; a member reads the list and downloads them', async () => {
  const { space, client, url, items } = await givenMeeting()
  const plan = items.find((i) => i.title === 'Plan pracy')!
  const form = await client.get(url)
  assert.match(form.body, /enctype="multipart\/form-data"/, 'a plain form, no JavaScript needed')
  assert.match(form.body, /Dodaj materiał/)

  const added = await client.upload(`${url}/materials`, material({ materialTitle: 'Zaproszenie' }), {
    file: { name: 'zaproszenie.pdf', bytes: pdf('Zaproszenie') },
  })
  assert.equal(added.statusCode, 303)
  assert.equal(added.headers.location, `${url}#materials`)
  const word = await client.upload(
    `${url}/materials`,
    material({ materialTitle: 'Projekt planu pracy – uwagi', agendaItemId: plan.id }),
    { file: { name: 'uwagi.docx', bytes: await docx() } },
  )
  assert.equal(word.statusCode, 303)
  await client.upload(`${url}/materials`, material({ materialTitle: 'Wykres', agendaItemId: plan.id }), {
    file: { name: 'Wykres łączny.PNG', bytes: png },
  })

  const page = await client.get(url)
  assert.match(page.body, /Dodano materiał\./)
  assert.match(page.body, /Całe posiedzenie/)
  assert.match(page.body, /2\. Plan pracy/)
  assert.match(page.body, /wersja 1, DOCX, [\d,]+ kB/)
  assert.match(page.body, /wersja 1, PNG, 0,1 kB/)
  assert.match(page.body, /Pobierz wszystkie \(ZIP\)/)
  // In the agenda, the item names its materials.
  const agenda = page.body.slice(page.body.indexOf('id="agenda"'), page.body.indexOf('id="materials"'))
  assert.match(agenda, /Materiały:.*Projekt planu pracy – uwagi.*Wykres/s)

  const entry = await db()
    .selectFrom('audit_log')
    .select(['action', 'details'])
    .where('action', '=', 'materials.added')
    .where('subject_id', '=', await materialId('Zaproszenie'))
    .executeTakeFirstOrThrow()
  assert.equal((entry.details as { language: string }).language, 'pl')

  const member = await givenPerson(db())
  await givenMember(db(), space.id, member.id)
  const reader = await signedIn(h.app, member.email)
  const seen = await reader.get(url)
  assert.equal(seen.statusCode, 200)
  assert.match(seen.body, /Zaproszenie/)
  assert.doesNotMatch(seen.body, /Dodaj materiał/, 'members read, the secretariat uploads')
  const [invitation] = await fileIds(await materialId('Zaproszenie'))
  const download = await reader.get(
    `/spaces/${space.id}/materials/${await materialId('Zaproszenie')}/files/${invitation.id}`,
  )
  assert.equal(download.statusCode, 200)
  assert.equal(download.headers['content-type'], 'application/pdf')
  assert.equal(download.headers['x-content-type-options'], 'nosniff')
  assert.match(
    String(download.headers['content-disposition']),
    /^attachment; filename="Zaproszenie \(pl\)\.pdf"/,
  )
  assert.deepEqual(download.rawPayload, pdf('Zaproszenie'))
  const [chart] = await fileIds(await materialId('Wykres'))
  const image = await reader.get(
    `/spaces/${space.id}/materials/${await materialId('Wykres')}/files/${chart.id}`,
  )
  assert.equal(image.headers['content-type'], 'image/png')

  const refused = await reader.upload(`${url}/materials`, material(), {
    file: { name: 'moje.pdf', bytes: pdf() },
  })
  assert.equal(refused.statusCode, 403)
  const stranger = await signedIn(h.app, (await givenPerson(db())).email)
  assert.equal(
    (
      await stranger.get(
        `/spaces/${space.id}/materials/${await materialId('Zaproszenie')}/files/${invitation.id}`,
      )
    ).statusCode,
    404,
  )
  assert.equal((await stranger.get(`${url}/materials.zip`)).statusCode, 404)
  const anonymous = await new Client(h.app).get(
    `/spaces/${space.id}/materials/${await materialId('Zaproszenie')}/files/${invitation.id}`,
  )
  assert.equal(anonymous.statusCode, 303, 'asked to sign in')
})

test('a file of a forbidden type, too large, empty, or whose content is not what its name says is refused beside the field, the rest kept', async () => {
  const { client, url, items, meetingId } = await givenMeeting()
  const typed = material({
    materialTitle: 'Analiza rynku pracy',
    agendaItemId: items[1].id,
    visibility: 'public',
    language: 'de',
  })
  const expectRefused = async (file: { name: string; bytes: Buffer } | undefined, message: RegExp) => {
    const res = await client.upload(`${url}/materials`, typed, file ? { file } : {})
    assert.equal(res.statusCode, 422)
    assert.match(res.body, /<title>Błąd:/)
    assert.match(res.body, /id="field-file-error"/)
    assert.match(res.body, message)
    assert.match(res.body, /govuk-error-summary/)
    assert.match(res.body, /value="Analiza rynku pracy"/)
    assert.match(res.body, new RegExp(`<option value="${items[1].id}" selected`))
    assert.match(res.body, /<option value="de" selected/)
    assert.match(res.body, /value="public" checked/)
  }
  await expectRefused(
    { name: 'skrypt.sh', bytes: Buffer.from('#!/bin/sh\nrm -rf /\n') },
    /Ten rodzaj pliku nie jest przyjmowany/,
  )
  await expectRefused(
    { name: 'program.exe', bytes: Buffer.from('MZ\x90\x00 program') },
    /Ten rodzaj pliku nie jest przyjmowany/,
  )
  await expectRefused(
    { name: 'umowa.pdf', bytes: png },
    /Zawartość pliku nie zgadza się z jego rozszerzeniem/,
  )
  await expectRefused(
    { name: 'faktura.pdf', bytes: Buffer.from('MZ\x90\x00 program') },
    /Zawartość pliku nie zgadza się/,
  )
  const huge = Buffer.concat([pdf(), Buffer.alloc(defaultMaxBytes + 1 - pdf().length, 0x20)])
  await expectRefused(
    { name: 'duzy.pdf', bytes: huge },
    /Plik jest za duży\. Wybierz plik mniejszy niż 25 MB/,
  )
  await expectRefused(undefined, /Wybierz plik/)
  // A file field left empty, as a browser sends it.
  await expectRefused({ name: '', bytes: Buffer.alloc(0) }, /Wybierz plik/)
  const count = await db()
    .selectFrom('materials')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow()
  assert.equal(Number(count.n), 0, 'nothing half-saved')

  // In the person's language.
  const english = await givenPerson(db(), { role: 'coordinator', lang: 'en' })
  const en = await signedIn(h.app, english.email)
  await en.get(url)
  const res = await en.upload(`${url}/materials`, typed, { file: { name: 'contract.pdf', bytes: png } })
  assert.equal(res.statusCode, 422)
  assert.match(res.body, /The file’s content does not match its extension/)
})

test('an agenda item of another meeting is refused beside its field', async () => {
  const { client, url } = await givenMeeting()
  const other = await givenMeeting()
  const res = await client.upload(`${url}/materials`, material({ agendaItemId: other.items[0].id }), {
    file: { name: 'plan.pdf', bytes: pdf() },
  })
  assert.equal(res.statusCode, 422)
  assert.match(res.body, /id="field-agendaItemId-error"/)
})

test('a new version keeps the old one downloadable; another language is a language version of its own', async () => {
  const { space, client, url } = await givenMeeting()
  await client.upload(`${url}/materials`, material(), {
    file: { name: 'plan-v1.pdf', bytes: pdf('wersja 1') },
  })
  const id = await materialId('Projekt planu pracy')
  const page = `/spaces/${space.id}/materials/${id}`
  await client.get(page)
  const v2 = await client.upload(
    `${page}/versions`,
    { language: 'pl' },
    { file: { name: 'plan-v2.pdf', bytes: pdf('wersja 2') } },
  )
  assert.equal(v2.statusCode, 303)
  const en = await client.upload(
    `${page}/versions`,
    { language: 'en' },
    { file: { name: 'plan-en.docx', bytes: await docx() } },
  )
  assert.equal(en.statusCode, 303)
  const refused = await client.upload(
    `${page}/versions`,
    { language: 'en' },
    { file: { name: 'plan.docx', bytes: pdf() } },
  )
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /id="field-file-error"/)
  assert.match(refused.body, /<option value="en" selected/)

  const files = await fileIds(id)
  assert.deepEqual(
    files.map((f) => [f.language, f.version]),
    [
      ['en', 1],
      ['pl', 1],
      ['pl', 2],
    ],
  )
  const meeting = await client.get(url)
  assert.match(
    meeting.body,
    /polski<span class="govuk-visually-hidden">: Projekt planu pracy<\/span><\/a> – wersja 2, PDF/,
  )
  assert.match(
    meeting.body,
    /angielski<span class="govuk-visually-hidden">: Projekt planu pracy<\/span><\/a> – wersja 1, DOCX/,
  )
  const details = await client.get(page)
  assert.match(details.body, /polski, wersja 1/)
  assert.match(details.body, /polski, wersja 2/)
  assert.match(details.body, /Razem 3 pliki\./)
  assert.match(details.body, /Sabina Sekretarz/)

  const old = files.find((f) => f.language === 'pl' && f.version === 1)!
  const first = await client.get(`${page}/files/${old.id}`)
  assert.equal(first.statusCode, 200)
  assert.deepEqual(first.rawPayload, pdf('wersja 1'))
  assert.match(String(first.headers['content-disposition']), /filename="Projekt planu pracy \(pl, v1\)\.pdf"/)
  const current = files.find((f) => f.language === 'pl' && f.version === 2)!
  assert.deepEqual((await client.get(`${page}/files/${current.id}`)).rawPayload, pdf('wersja 2'))

  const audited = await db()
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'materials.version-added')
    .where('subject_id', '=', id)
    .execute()
  assert.equal(audited.length, 2)
})

test('the zip holds the current file of every language, named by agenda item, title and language', async () => {
  const { space, client, url, items } = await givenMeeting()
  await client.upload(`${url}/materials`, material({ materialTitle: 'Zaproszenie' }), {
    file: { name: 'a.pdf', bytes: pdf('zaproszenie') },
  })
  await client.upload(
    `${url}/materials`,
    material({ materialTitle: 'Łączna ocena źródeł', agendaItemId: items[1].id }),
    {
      file: { name: 'b.pdf', bytes: pdf('ocena v1') },
    },
  )
  await client.upload(
    `${url}/materials`,
    material({ materialTitle: '../../etc/passwd', agendaItemId: items[0].id }),
    {
      file: { name: 'c.png', bytes: png },
    },
  )
  // Two materials whose titles make the same file name must not overwrite each other in the zip (the
  // same title itself would be a new version of the first).
  await client.upload(`${url}/materials`, material({ materialTitle: 'Zaproszenie?' }), {
    file: { name: 'd.pdf', bytes: pdf('zaproszenie bis') },
  })
  const ocena = `/spaces/${space.id}/materials/${await materialId('Łączna ocena źródeł')}`
  await client.get(ocena)
  await client.upload(
    `${ocena}/versions`,
    { language: 'pl' },
    { file: { name: 'b2.pdf', bytes: pdf('ocena v2') } },
  )
  await client.upload(
    `${ocena}/versions`,
    { language: 'uk' },
    { file: { name: 'b-uk.docx', bytes: await docx() } },
  )

  const res = await client.get(`${url}/materials.zip`)
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['content-type'], 'application/zip')
  assert.equal(res.headers['x-content-type-options'], 'nosniff')
  assert.match(
    String(res.headers['content-disposition']),
    /filename\*=UTF-8''III%20posiedzenie%20w%202099%20r\.%20%E2%80%93%20materia%C5%82y\.zip/,
  )
  const files = await unzip(res.rawPayload)
  assert.deepEqual([...files.keys()].sort(), [
    '00 Zaproszenie (pl) 2.pdf',
    '00 Zaproszenie (pl).pdf',
    '01 etc passwd (pl).png',
    '02 Łączna ocena źródeł (pl).pdf',
    '02 Łączna ocena źródeł (uk).docx',
  ])
  assert.deepEqual(files.get('02 Łączna ocena źródeł (pl).pdf'), pdf('ocena v2'), 'the current version only')
  assert.deepEqual(files.get('02 Łączna ocena źródeł (uk).docx'), await docx())
  assert.deepEqual(files.get('01 etc passwd (pl).png'), png)
  assert.deepEqual(
    new Set([files.get('00 Zaproszenie (pl).pdf'), files.get('00 Zaproszenie (pl) 2.pdf')].map(String)),
    new Set([pdf('zaproszenie'), pdf('zaproszenie bis')].map(String)),
  )
})

test('a public material of a published network is downloadable without signing in; a members-only one does not exist to the public', async () => {
  const { space, client, url } = await givenMeeting({ isPublic: true })
  await client.upload(
    `${url}/materials`,
    material({ materialTitle: 'Raport publiczny', visibility: 'public' }),
    {
      file: { name: 'raport.pdf', bytes: pdf('raport') },
    },
  )
  await client.upload(`${url}/materials`, material({ materialTitle: 'Notatka wewnętrzna' }), {
    file: { name: 'notatka.pdf', bytes: pdf('notatka') },
  })
  const publicId = await materialId('Raport publiczny')
  const internalId = await materialId('Notatka wewnętrzna')
  const [publicFile] = await fileIds(publicId)
  const [internalFile] = await fileIds(internalId)
  const anonymous = new Client(h.app)
  const open = await anonymous.get(`/networks/${space.id}/materials/${publicId}/files/${publicFile.id}`)
  assert.equal(open.statusCode, 200)
  assert.equal(open.headers['content-type'], 'application/pdf')
  assert.deepEqual(open.rawPayload, pdf('raport'))
  const page = await client.get(`/spaces/${space.id}/materials/${publicId}`)
  assert.match(
    page.body,
    new RegExp(`href="/networks/${space.id}/materials/${publicId}/files/${publicFile.id}"`),
  )
  assert.equal(
    (await anonymous.get(`/networks/${space.id}/materials/${internalId}/files/${internalFile.id}`))
      .statusCode,
    404,
  )
  // A material asked for under another space's address.
  const other = await givenSpace(db(), { isPublic: true })
  assert.equal(
    (await anonymous.get(`/networks/${other.id}/materials/${publicId}/files/${publicFile.id}`)).statusCode,
    404,
  )

  // Made members-only again: gone for the public, audited.
  await client.get(`/spaces/${space.id}/materials/${publicId}`)
  const changed = await client.post(`/spaces/${space.id}/materials/${publicId}/visibility`, {
    visibility: 'members',
  })
  assert.equal(changed.statusCode, 303)
  assert.equal(
    (await anonymous.get(`/networks/${space.id}/materials/${publicId}/files/${publicFile.id}`)).statusCode,
    404,
  )
  const entry = await db()
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'materials.visibility-changed')
    .where('subject_id', '=', publicId)
    .executeTakeFirstOrThrow()
  assert.deepEqual(entry.details, { from: 'public', to: 'members' })
})

test('a public material of a network that is not published is not public', async () => {
  const { space, client, url } = await givenMeeting({ isPublic: false })
  await client.upload(`${url}/materials`, material({ materialTitle: 'Raport', visibility: 'public' }), {
    file: { name: 'raport.pdf', bytes: pdf() },
  })
  const id = await materialId('Raport')
  const [file] = await fileIds(id)
  assert.equal(
    (await new Client(h.app).get(`/networks/${space.id}/materials/${id}/files/${file.id}`)).statusCode,
    404,
  )
  assert.doesNotMatch((await client.get(`/spaces/${space.id}/materials/${id}`)).body, /\/networks\//)
})

test('removing an agenda item leaves its materials with the whole meeting', async () => {
  const { client, url, items } = await givenMeeting()
  await client.upload(
    `${url}/materials`,
    material({ materialTitle: 'Prezentacja', agendaItemId: items[0].id }),
    {
      file: { name: 'p.pdf', bytes: pdf() },
    },
  )
  await client.get(url)
  assert.equal((await client.post(`${url}/agenda/remove`, { entryId: items[0].id })).statusCode, 303)
  const row = await db()
    .selectFrom('materials')
    .select('agenda_item_id')
    .where('id', '=', await materialId('Prezentacja'))
    .executeTakeFirstOrThrow()
  assert.equal(row.agenda_item_id, null)
  assert.match((await client.get(url)).body, /Całe posiedzenie/)
})

test('a file gone from the disk ends the zip download with an error, and Siatka goes on', async () => {
  const { client, url } = await givenMeeting()
  const bytes = pdf(`zniknie ${Date.now()}`)
  await client.upload(`${url}/materials`, material({ materialTitle: 'Zniknie' }), {
    file: { name: 'zniknie.pdf', bytes },
  })
  const { hash } = await h.app.storage.put(
    db(),
    { bytes, name: 'x.pdf' },
    { field: 'file', allowed: ['pdf'] },
  )
  await rm(join(h.app.storage.dir, hash.slice(0, 2), hash))
  let received = 0
  try {
    received = (await client.get(`${url}/materials.zip`)).rawPayload.length
  } catch {
    received = -1
  }
  assert.ok(received < bytes.length + 100, 'the download does not complete')
  assert.equal((await client.get(url)).statusCode, 200, 'the next request is answered')
})

test('a file sent again under a material’s title is its new version, and the page says which was done', async () => {
  const { client, url, meetingId } = await givenMeeting()
  const first = await client.upload(`${url}/materials`, material({ materialTitle: 'Projekt uchwały' }), {
    file: { name: 'projekt.pdf', bytes: pdf('Projekt uchwały') },
  })
  assert.equal(first.statusCode, 303)
  assert.match((await client.get(url)).body, /Dodano materiał\./)
  // The same title in other case and without Polish letters: the same material.
  const again = await client.upload(`${url}/materials`, material({ materialTitle: 'PROJEKT UCHWALY' }), {
    file: { name: 'projekt-poprawiony.pdf', bytes: pdf('Projekt uchwały, poprawiony') },
  })
  assert.equal(again.statusCode, 303)
  const page = (await client.get(url)).body
  assert.match(page, /Materiał „Projekt uchwały” już był – dodano plik jako jego wersję 2\./)
  const titled = await db()
    .selectFrom('materials')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('title', 'ilike', 'projekt uchwa%')
    .execute()
  assert.equal(titled.length, 1, 'one material, not two of the same name')
  assert.deepEqual(
    (await fileIds(titled[0]!.id)).map((f) => `${f.language} ${f.version}`),
    ['pl 1', 'pl 2'],
  )
  // Its page offers the next version directly.
  const own = (await client.get(`${url.replace(/\/meetings\/.*/, '')}/materials/${titled[0]!.id}`)).body
  assert.match(own, /Dodaj nową wersję/)
  assert.match(own, />polski, wersja 2<\/a> <strong class="govuk-tag govuk-tag--green">Aktualna</)
})
