// The official marks' files: the administrator gives a PNG for a mark, checked for its kind, size and
// shape beside the field; the public page and the poster then draw it in the strip's place for it,
// at the strip's one height, and the placeholder comes back when the file is taken away.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Client, signedIn } from '../../../../test/support/client.ts'
import { solidPng } from '../../../../test/support/png.ts'
import { demoPdf } from '../../../kernel/demo.ts'
import { markSizeProblem, pngIsWhole, pngSize } from './service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const sires = async () =>
  (await db().selectFrom('projects').select('id').where('acronym', '=', 'SIRES').executeTakeFirstOrThrow()).id

test('a mark’s size is read from the PNG’s header; too small, too large or not a mark’s shape is refused', () => {
  assert.deepEqual(pngSize(solidPng(600, 200)), { width: 600, height: 200 })
  assert.equal(pngSize(Buffer.from('GIF89a and more bytes than that')), null)
  assert.equal(markSizeProblem({ width: 600, height: 200 }), null)
  assert.equal(markSizeProblem({ width: 180, height: 180 }), null)
  assert.equal(markSizeProblem({ width: 600, height: 179 }), 'projects.marks.tooSmall')
  assert.equal(markSizeProblem({ width: 2401, height: 400 }), 'projects.marks.tooLarge')
  assert.equal(markSizeProblem({ width: 1700, height: 200 }), 'projects.marks.proportions')
  assert.equal(markSizeProblem({ width: 200, height: 401 }), 'projects.marks.proportions')
})

test('a PNG cut short or damaged is not whole', async () => {
  const png = solidPng(300, 200)
  assert.equal(await pngIsWhole(png), true)
  assert.equal(await pngIsWhole(png.subarray(0, png.length - 30)), false)
  const damaged = Buffer.from(png)
  damaged[60] ^= 0xff
  assert.equal(await pngIsWhole(damaged), false)
})

test('the administrator gives the EU emblem of 2014–2020; bad files are refused beside the field', async () => {
  const admin = await signedIn(h.app, 'admin@demo.siatka.test')
  const page = await admin.get('/projects/marks')
  assert.equal(page.statusCode, 200)
  const slot = 'eu:2014-2020'
  const send = (name: string, bytes: Buffer, to = slot) =>
    admin.upload('/projects/marks', { slot: to }, { file: { name, bytes } })

  const pdf = await send('znak.png', await demoPdf('Znak', 'To nie jest PNG', 'pl'))
  assert.equal(pdf.statusCode, 422)
  assert.match(pdf.body, /id="field-file-error"[\s\S]*?Wybierz plik PNG/)
  // The chosen mark stays chosen.
  assert.match(pdf.body, /<option value="eu:2014-2020" selected/)
  const small = await send('znak.png', solidPng(300, 100))
  assert.match(small.body, /co najmniej 180 px wysokości/)
  const banner = await send('znak.png', solidPng(2000, 200))
  assert.match(banner.body, /To nie wygląda na znak/)
  const whole = solidPng(600, 200)
  const cut = await send('znak.png', whole.subarray(0, whole.length - 40))
  assert.match(cut.body, /Ten plik PNG jest uszkodzony albo niepełny/)
  const nowhere = await send('znak.png', solidPng(600, 200), 'eu:1999-2003')
  assert.equal(nowhere.statusCode, 422)
  assert.match(nowhere.body, /id="field-slot-error"/)

  const given = await send('ue-efs.png', solidPng(600, 200))
  assert.equal(given.statusCode, 303)
  const file = await db()
    .selectFrom('project_mark_files')
    .selectAll()
    .where('slot', '=', slot)
    .executeTakeFirstOrThrow()
  assert.deepEqual([file.width, file.height], [600, 200])

  // SIRES (2014–2020) draws it in the EU emblem's place, at the strip's height; the others stay placeholders.
  const anyone = new Client(h.app)
  const pub = (await anyone.get(`/funded-projects/${await sires()}`)).body
  assert.match(
    pub,
    new RegExp(
      `<img src="/funded-projects/marks/${file.file_hash}\\.png" alt="Znak Unii Europejskiej: Europejski Fundusz Społeczny" width="\\d+" height="\\d+"`,
    ),
  )
  const [, w, hgt] =
    pub.match(/<img src="\/funded-projects\/marks\/[^"]+" alt="[^"]+" width="(\d+)" height="(\d+)"/) ?? []
  assert.equal(Number(w), Math.round((Number(hgt) * 600) / 200))
  assert.match(pub, /Barwy Rzeczypospolitej Polskiej \(znak zastępczy\)/)
  assert.doesNotMatch(pub, /Znak Unii Europejskiej: Europejski Fundusz Społeczny \(znak zastępczy\)/)
  const image = await anyone.get(`/funded-projects/marks/${file.file_hash}.png`)
  assert.equal(image.statusCode, 200)
  assert.equal(image.headers['content-type'], 'image/png')
  // Another stored file is not sent from here.
  const other = await h.app.storage.put(
    db(),
    { bytes: solidPng(200, 200, [200, 0, 0]), name: 'inny.png' },
    { field: 'file', allowed: ['png'] },
  )
  assert.equal((await anyone.get(`/funded-projects/marks/${other.hash}.png`)).statusCode, 404)

  // The poster draws the image too.
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const poster = await staff.get(`/projects/${await sires()}/poster.pdf`)
  assert.equal(poster.statusCode, 200)
  assert.match(poster.rawPayload.toString('latin1'), /\/Subtype \/Image/)

  // Taken away, the placeholder comes back.
  assert.equal((await admin.post('/projects/marks/remove', { rowId: file.id })).statusCode, 303)
  assert.match(
    (await anyone.get(`/funded-projects/${await sires()}`)).body,
    /Znak Unii Europejskiej: Europejski Fundusz Społeczny \(znak zastępczy\)/,
  )
})

test('only the administrator gives marks: written by hand', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  assert.equal((await coordinator.get('/projects/marks')).statusCode, 403)
  const refused = await coordinator.upload(
    '/projects/marks',
    { slot: 'eu:2021-2027' },
    { file: { name: 'ue.png', bytes: solidPng(600, 200) } },
  )
  assert.equal(refused.statusCode, 403)
  const given = await db()
    .selectFrom('project_mark_files')
    .select('id')
    .where('slot', '=', 'eu:2021-2027')
    .executeTakeFirst()
  assert.equal(given, undefined)
})
