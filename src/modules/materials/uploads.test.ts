// Uploads are checked before they are read and streamed to storage (issue 10, item 2): a request to
// a link that does not exist, or to a space the person may not change, is answered before its body
// is read; a form takes one file where it asks for one; a large file goes to disk as it arrives,
// not into memory.
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { after, before, test } from 'node:test'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { givenMaterialWithFile, givenMember, givenPerson, givenSpace } from '../../../test/support/given.ts'
import { countStoredFiles } from '../../kernel/storage.ts'
import { hashToken } from '../../kernel/tokens.ts'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const MB = 1024 * 1024

const pdf = (text = 'Plan pracy') =>
  Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)

/** Every file under the storage folder (kept files and any left half-written). */
function filesInStorage(dir = h.app.storage.dir): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesInStorage(path) : [path]
  })
}

/**
 * A form with one PDF of `size` bytes, made only as the server reads it: `pulled` counts the bytes
 * it read, `ended` whether it read to the end; `each` runs after every MB of the file is handed over.
 */
function streamedForm(
  fields: Record<string, string>,
  file: { name: string; size: number },
  each?: () => void,
) {
  const boundary = `----SiatkaStream${randomBytes(6).toString('hex')}`
  let head = ''
  for (const [k, v] of Object.entries(fields))
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`
  head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`
  const start = Buffer.from('%PDF-1.4\n')
  const end = Buffer.from('\n%%EOF\n')
  const hash = createHash('sha256')
  const seen = { pulled: 0, ended: false }
  let made = 0
  let stage: 'head' | 'file' | 'tail' | 'done' = 'head'
  const stream = new Readable({
    read() {
      if (stage === 'head') {
        stage = 'file'
        seen.pulled += Buffer.byteLength(head)
        this.push(Buffer.from(head))
      } else if (stage === 'file') {
        const n = Math.min(64 * 1024, file.size - made)
        const chunk = Buffer.alloc(n, 0x20)
        if (made === 0) start.copy(chunk)
        if (made + n === file.size) end.copy(chunk, n - end.length)
        made += n
        seen.pulled += n
        hash.update(chunk)
        if (made % MB === 0) each?.()
        if (made === file.size) stage = 'tail'
        this.push(chunk)
      } else if (stage === 'tail') {
        stage = 'done'
        this.push(Buffer.from(`\r\n--${boundary}--\r\n`))
      } else {
        seen.ended = true
        this.push(null)
      }
    },
  })
  return {
    stream,
    contentType: `multipart/form-data; boundary=${boundary}`,
    seen,
    sha256: () => hash.digest('hex'),
  }
}

/** A network with its secretary, a member and an outsider, and one meeting ahead. */
async function givenMeeting() {
  const sec = await givenPerson(db(), { role: 'secretary' })
  const space = await givenSpace(db(), { secretaryId: sec.id })
  const member = await givenPerson(db())
  await givenMember(db(), space.id, member.id)
  const outsider = await givenPerson(db())
  const meeting = await db()
    .insertInto('meetings')
    .values({
      space_id: space.id,
      kind: 'meeting',
      year: 2099,
      number: 1,
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
  const url = `/spaces/${space.id}/meetings/${meeting.id}`
  return { sec, member, outsider, space, url }
}

const material = {
  materialTitle: 'Projekt planu pracy',
  agendaItemId: '',
  language: 'pl',
  visibility: 'members',
}

test('an upload to a translation link that does not exist is answered 404 before its body is read', async () => {
  const files = filesInStorage().length
  const stored = await countStoredFiles(db())
  const form = streamedForm({}, { name: 'tlumaczenie.pdf', size: 30 * MB })
  const res = await new Client(h.app).send(`/translations/${'A'.repeat(43)}`, form.stream, form.contentType)
  assert.equal(res.statusCode, 404)
  assert.match(res.body, /Nie znaleziono strony/)
  assert.ok(form.seen.pulled < MB, `read ${form.seen.pulled} bytes of the body`)
  assert.equal(form.seen.ended, false)
  assert.equal(filesInStorage().length, files, 'nothing written')
  assert.equal(await countStoredFiles(db()), stored)
})

test('a file sent through a real link without the form’s token is refused before the file is read', async () => {
  const sec = await givenPerson(db(), { role: 'secretary' })
  const space = await givenSpace(db(), { secretaryId: sec.id })
  const material = await givenMaterialWithFile(db(), h.app.storage, {
    spaceId: space.id,
    title: 'Plan',
    by: sec.id,
    bytes: pdf(),
  })
  const token = randomBytes(32).toString('base64url')
  await db()
    .insertInto('translation_requests')
    .values({
      material_id: material.id,
      source_file_id: material.fileId,
      source_language: 'pl',
      target_language: 'en',
      deadline: '2099-01-01',
      translator_id: null,
      outside_name: 'Tamara Tłumaczka',
      outside_email: 'tamara@example.pl',
      translator_lang: 'pl',
      token_hash: hashToken(token),
      requested_by: sec.id,
    })
    .execute()
  const files = filesInStorage().length
  const form = streamedForm({ _csrf: 'nie-ten' }, { name: 'tlumaczenie.pdf', size: 30 * MB })
  const res = await new Client(h.app).send(`/translations/${token}`, form.stream, form.contentType)
  assert.equal(res.statusCode, 403)
  assert.match(res.body, /Formularz wygasł/)
  assert.ok(form.seen.pulled < MB, `read ${form.seen.pulled} bytes of the body`)
  assert.equal(filesInStorage().length, files, 'nothing written')
})

test('an upload to a space the person may not change is 403, to one they cannot see 404, before the body is read', async () => {
  const { member, outsider, url } = await givenMeeting()
  const files = filesInStorage().length
  for (const [who, status] of [
    [member, 403],
    [outsider, 404],
  ] as const) {
    const client = await signedIn(h.app, who.email)
    await client.get('/profile')
    const form = streamedForm({ _csrf: client.csrf ?? '', ...material }, { name: 'plan.pdf', size: 30 * MB })
    const res = await client.send(`${url}/materials`, form.stream, form.contentType)
    assert.equal(res.statusCode, status)
    assert.ok(form.seen.pulled < MB, `${status}: read ${form.seen.pulled} bytes of the body`)
    assert.equal(form.seen.ended, false)
  }
  assert.equal(filesInStorage().length, files, 'nothing written')
})

test('two files where the form asks for one are refused beside the field, and neither is kept', async () => {
  const { sec, url } = await givenMeeting()
  const client = await signedIn(h.app, sec.email)
  await client.get(url)
  const stored = await countStoredFiles(db())
  const res = await client.upload(`${url}/materials`, material, {
    file: [
      { name: 'plan.pdf', bytes: pdf('pierwszy') },
      { name: 'drugi.pdf', bytes: pdf('drugi') },
    ],
  })
  assert.equal(res.statusCode, 422)
  assert.match(res.body, /id="field-file-error"/)
  assert.match(res.body, /Wybierz jeden plik/)
  assert.match(res.body, /value="Projekt planu pracy"/, 'the title typed stays')
  assert.equal(await countStoredFiles(db()), stored)
  const rows = await db()
    .selectFrom('materials')
    .select('id')
    .where('title', '=', 'Projekt planu pracy')
    .execute()
  assert.equal(rows.length, 0)
})

test('a 20 MB file is written to storage as it arrives, without the process holding it in memory', async () => {
  const { sec, url } = await givenMeeting()
  const client = await signedIn(h.app, sec.email)
  await client.get(url)
  const size = 20 * MB
  gc()
  const memory = () => {
    const m = process.memoryUsage()
    return m.heapUsed + m.arrayBuffers
  }
  const baseline = memory()
  let peak = 0
  const form = streamedForm(
    { _csrf: client.csrf ?? '', ...material, materialTitle: 'Duży plik' },
    { name: 'duzy.pdf', size },
    () => {
      gc()
      peak = Math.max(peak, memory() - baseline)
    },
  )
  const res = await client.send(`${url}/materials`, form.stream, form.contentType)
  assert.equal(res.statusCode, 303)
  assert.equal(form.seen.ended, true)
  const row = await db()
    .selectFrom('materials as m')
    .innerJoin('material_files as f', 'f.material_id', 'm.id')
    .select(['f.file_hash', 'f.size_bytes'])
    .where('m.title', '=', 'Duży plik')
    .executeTakeFirstOrThrow()
  assert.equal(row.size_bytes, size)
  assert.equal(row.file_hash, form.sha256(), 'kept by the hash of what was sent')
  assert.equal(statSync(join(h.app.storage.dir, row.file_hash.slice(0, 2), row.file_hash)).size, size)
  assert.ok(peak < 8 * MB, `the heap and buffers grew by ${(peak / MB).toFixed(1)} MB while the file arrived`)
})
