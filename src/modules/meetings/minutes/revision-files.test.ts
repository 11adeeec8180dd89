// Issue 16, item 5: an approved revision's PDF/A, DOCX and ODT are rendered once and kept; every
// download sends the kept file.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { signedIn } from '../../../../test/support/client.ts'
import { givenMember, givenPerson, givenSpace } from '../../../../test/support/given.ts'
import { addDays, today, warsawInstant } from '../../../kernel/dates.ts'
import { renderers } from './revision-files.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

/** Approved minutes of the demo (loaded without files here, as before files were kept) and where they are. */
async function givenDemoApprovedMinutes() {
  const row = await db()
    .selectFrom('minutes as mi')
    .innerJoin('meetings as m', 'm.id', 'mi.meeting_id')
    .select(['mi.id as minutesId', 'm.id as meetingId', 'm.space_id as spaceId'])
    .where('mi.status', '=', 'approved')
    .orderBy('m.starts_at')
    .executeTakeFirstOrThrow()
  return { ...row, url: `/spaces/${row.spaceId}/meetings/${row.meetingId}/minutes/revisions/1` }
}

const keptFiles = (minutesId: string) =>
  db()
    .selectFrom('minutes_revision_files')
    .select(['revision', 'format', 'lang', 'file_hash'])
    .where('minutes_id', '=', minutesId)
    .orderBy('lang')
    .orderBy('format')
    .execute()

test('a revision approved before files were kept: two downloads of its PDF are the same bytes, rendered once', async (t) => {
  const pdf = t.mock.method(renderers, 'pdf')
  const m = await givenDemoApprovedMinutes()
  assert.deepEqual(await keptFiles(m.minutesId), [], 'nothing kept yet')
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')

  const first = await coordinator.get(`${m.url}/pdf`)
  const second = await coordinator.get(`${m.url}/pdf`)
  assert.equal(first.statusCode, 200)
  assert.equal(first.headers['content-type'], 'application/pdf')
  assert.equal(first.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-')
  assert.match(String(first.headers['content-disposition']), /^attachment; filename="protokol-.*-r1\.pdf"/)
  assert.ok(first.rawPayload.equals(second.rawPayload), 'the same bytes')
  assert.equal(pdf.mock.callCount(), 1, 'rendered once')
  // Its hash is its ETag, and the kept file is the one sent.
  const hash = sha256(first.rawPayload)
  assert.equal(first.headers.etag, `W/"${hash}"`)
  assert.equal(second.headers.etag, first.headers.etag)
  assert.deepEqual(await keptFiles(m.minutesId), [
    { revision: 1, format: 'pdf', lang: 'pl', file_hash: hash },
  ])
})

test('two downloads at once of a file not kept yet wait for one rendering', async (t) => {
  const docx = t.mock.method(renderers, 'docx')
  const m = await givenDemoApprovedMinutes()
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const [a, b] = await Promise.all([coordinator.get(`${m.url}/docx`), coordinator.get(`${m.url}/docx`)])
  assert.equal(a.statusCode, 200)
  assert.equal(
    a.headers['content-type'],
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  )
  assert.ok(a.rawPayload.equals(b.rawPayload))
  assert.equal(docx.mock.callCount(), 1)
})

/** Minutes sent for comments until yesterday, every comment answered: ready for the chair. */
async function givenMinutesReadyForApproval() {
  const sec = await givenPerson(db(), { role: 'secretary', name: 'Sabina Sekretarz' })
  const space = await givenSpace(db(), { secretaryId: sec.id, name: 'Sieć Żuławska' })
  const chair = await givenPerson(db(), { name: 'Celina Żółkiewska' })
  await givenMember(db(), space.id, chair.id, { role: 'chair', startsOn: '2000-01-01' })
  const reader = await givenPerson(db(), { name: 'Edward English', lang: 'en' })
  await givenMember(db(), space.id, reader.id, { startsOn: '2000-01-01' })
  const day = addDays(today(), -20)
  const meeting = await db()
    .insertInto('meetings')
    .values({
      space_id: space.id,
      kind: 'meeting',
      year: Number(day.slice(0, 4)),
      number: 2,
      subject: 'Plan pracy',
      starts_at: warsawInstant(day, '10:00'),
      ends_at: warsawInstant(day, '14:00'),
      place: 'Gdańsk, ul. Długa 1',
      online_url: '',
      confirm_by: warsawInstant(addDays(day, -7), '23:59'),
      created_by: sec.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db()
    .insertInto('agenda_items')
    .values({
      meeting_id: meeting.id,
      position: 1,
      title: 'Zażółć gęślą jaźń',
      presenter: '',
      minutes: 30,
      kind: 'discussion',
    })
    .execute()
  const minutes = await db()
    .insertInto('minutes')
    .values({
      meeting_id: meeting.id,
      status: 'consultation',
      opening: 'Posiedzenie otworzyła przewodnicząca.',
      comments_by: addDays(today(), -1),
      sent_at: new Date(),
      created_by: sec.id,
      updated_by: sec.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { chair, reader, minutesId: minutes.id, url: `/spaces/${space.id}/meetings/${meeting.id}/minutes` }
}

async function until<T>(what: string, check: () => Promise<T | undefined>, seconds = 90): Promise<T> {
  for (let i = 0; i < seconds * 4; i++) {
    const found = await check()
    if (found !== undefined) return found
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`${what}: still not after ${seconds} s`)
}

test('the approval keeps the revision in every format and language through jobs; downloads then render nothing', async (t) => {
  const m = await givenMinutesReadyForApproval()
  const chair = await signedIn(h.app, m.chair.email)
  const approved = await chair.post(`${m.url}/approve`, { revision: '1' })
  assert.equal(approved.statusCode, 303)

  const kept = await until('six kept files', async () => {
    const files = await keptFiles(m.minutesId)
    return files.length === 6 ? files : undefined
  })
  assert.deepEqual(
    kept.map((f) => `${f.lang} ${f.format} r${f.revision}`),
    ['en docx r1', 'en odt r1', 'en pdf r1', 'pl docx r1', 'pl odt r1', 'pl pdf r1'],
  )

  const calls = Object.values({
    pdf: t.mock.method(renderers, 'pdf'),
    docx: t.mock.method(renderers, 'docx'),
    odt: t.mock.method(renderers, 'odt'),
  })
  const english = await signedIn(h.app, m.reader.email)
  for (const [reader, lang] of [
    [chair, 'pl'],
    [english, 'en'],
  ] as const) {
    for (const format of ['pdf', 'docx', 'odt'] as const) {
      const res = await reader.get(`${m.url}/revisions/1/${format}`)
      assert.equal(res.statusCode, 200, `${lang} ${format}`)
      const file = kept.find((f) => f.lang === lang && f.format === format)
      assert.equal(sha256(res.rawPayload), file?.file_hash, `${lang} ${format} is the kept file`)
    }
  }
  assert.deepEqual(
    calls.map((c) => c.mock.callCount()),
    [0, 0, 0],
    'nothing rendered on a download',
  )
  // The labels are the reader's: the two PDFs differ.
  assert.notEqual(
    kept.find((f) => f.lang === 'pl' && f.format === 'pdf')?.file_hash,
    kept.find((f) => f.lang === 'en' && f.format === 'pdf')?.file_hash,
  )
})
