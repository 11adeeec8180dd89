// The information poster: A3, the funding period's marks (placeholders that say so) first, then
// what the rules ask a poster to say, printed by whoever reads the project, without holding the
// event loop.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { signedIn } from '../../../test/support/client.ts'
import { probeEventLoop } from '../../../test/support/event-loop.ts'
import { projectIdOf } from '../../../test/support/given.ts'
import { pdfText } from '../../../test/support/pdf.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const projectId = (acronym: string) => projectIdOf(db(), acronym)
/** pdfText reads each font's glyphs apart; spaces, including the money's, read as plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ')

test('the poster of a 2014–2020 project is an A3 page with the marks, title, beneficiary, goal, value and EU contribution', async () => {
  const sires = await projectId('SIRES')
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const res = await staff.get(`/projects/${sires}/poster.pdf`)
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['content-type'], 'application/pdf')
  assert.match(String(res.headers['content-disposition']), /^attachment; filename="plakat-SIRES\.pdf"/)
  const pdf = res.rawPayload
  assert.match(pdf.toString('latin1'), /\/MediaBox \[0 0 841\.89 1190\.55\]/, 'A3')
  const text = plain(pdfText(pdf))
  for (const expected of [
    'Fundusze Europejskie',
    'Rzeczpospolita',
    'Europejski Fundusz Społeczny',
    'ZNAK ZASTĘPCZY',
    'Spójna integracja regionalna ekonomii społecznej (SIRES)',
    'Ogólnopolski Związek Rewizyjny Spółdzielni Socjalnych',
    'Cel projektu',
    'Trwały i kompleksowy system wsparcia ekonomii społecznej',
    'Wartość projektu',
    '6 791 950,00 zł',
    'Wkład Funduszy Europejskich',
    '5 724 255,46 zł',
    'Program Operacyjny Wiedza Edukacja Rozwój',
    `/funded-projects/${sires}`,
  ])
    assert.ok(text.includes(expected), `the poster says “${expected}”`)
})

test('a 2021–2027 poster says “Dofinansowanie projektu z UE”; an unpublished project’s names no public page', async () => {
  const pswps = await projectId('PSWPS')
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const text = plain(pdfText((await coordinator.get(`/projects/${pswps}/poster.pdf`)).rawPayload))
  assert.ok(text.includes('Dofinansowane przez'), text)
  assert.ok(text.includes('Dofinansowanie projektu z UE'))
  assert.ok(text.includes('Więcej o projekcie'))
  await db().updateTable('projects').set({ is_public: false }).where('id', '=', pswps).execute()
  const hidden = plain(pdfText((await coordinator.get(`/projects/${pswps}/poster.pdf`)).rawPayload))
  assert.ok(!hidden.includes('Więcej o projekcie'))
  await db().updateTable('projects').set({ is_public: true }).where('id', '=', pswps).execute()
  // In English for an English reader.
  await coordinator.get('/preferences?lang=en&back=/')
  const english = plain(pdfText((await coordinator.get(`/projects/${pswps}/poster.pdf`)).rawPayload))
  assert.ok(english.includes('EU co-funding of the project'), english)
})

test('a poster is made without holding the event loop more than about 50 ms', async () => {
  const sires = await projectId('SIRES')
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  await staff.get(`/projects/${sires}/poster.pdf`) // the code and fonts loaded once
  const probe = probeEventLoop()
  for (let i = 0; i < 3; i++) assert.equal((await staff.get(`/projects/${sires}/poster.pdf`)).statusCode, 200)
  const delay = probe.stop()
  assert.ok(delay.busyMs <= 60, `the event loop was held ${Math.round(delay.busyMs)} ms`)
})

test('whoever reads the project prints its poster; others do not find it', async () => {
  const other = (
    await db()
      .selectFrom('projects')
      .select('id')
      .where('title', '=', 'Międzysektorowa współpraca na rzecz rozwoju lokalnego')
      .executeTakeFirstOrThrow()
  ).id
  const iz = await signedIn(h.app, 'iz@demo.siatka.test')
  assert.equal((await iz.get(`/projects/${other}/poster.pdf`)).statusCode, 200)
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  assert.equal((await staff.get(`/projects/${other}/poster.pdf`)).statusCode, 404)
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  assert.equal((await member.get(`/projects/${other}/poster.pdf`)).statusCode, 403)
})
