// A network's public pages are kept for anonymous visitors until what they show changes: a kept
// page costs no statement, and a change shows on the next view, made here or by another process.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import pg from 'pg'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { givenPerson, givenSpace } from '../../../test/support/given.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

async function view(url: string) {
  const before = h.database.statements()
  const res = await new Client(h.app).get(url)
  return { res, statements: h.database.statements() - before }
}

/** The database's notice of the test's own setup arrives after it: let it, so the next render is kept. */
const settled = () => new Promise((r) => setTimeout(r, 200))

/** Views the page until it shows what is expected (a change from elsewhere arrives as a notice). */
async function eventually(url: string, expected: (body: string, status: number) => boolean) {
  for (let i = 0; i < 50; i++) {
    const { res } = await view(url)
    if (expected(res.body, res.statusCode)) return res
    await new Promise((r) => setTimeout(r, 20))
  }
  assert.fail(`${url} never showed the change`)
}

test('a network’s public page seen again runs no statement, and shows the secretariat’s change at once', async () => {
  const secretary = await givenPerson(db(), { role: 'secretary' })
  const space = await givenSpace(db(), { isPublic: true, secretaryId: secretary.id })
  const url = `/networks/${space.id}`
  await settled()
  const first = await view(url)
  assert.equal(first.res.statusCode, 200)
  assert.ok(first.statements > 0)
  const again = await view(url)
  assert.equal(again.res.body, first.res.body)
  assert.equal(again.statements, 0, 'kept')
  assert.equal((await view('/networks')).res.statusCode, 200)
  assert.equal((await view('/networks')).statements, 0, 'the list is kept too')

  const sec = await signedIn(h.app, secretary.email)
  await sec.get(`/spaces/${space.id}/settings`)
  const saved = await sec.post(`/spaces/${space.id}/settings`, {
    namePl: space.name_pl,
    nameEn: space.name_en,
    type: 'thematic_network',
    status: 'active',
    themePl: 'Ekonomia społeczna na wsi',
    themeEn: 'Rural social economy',
    descriptionPl: '',
    descriptionEn: '',
    isPublic: 'yes',
  })
  assert.equal(saved.statusCode, 303)
  assert.match((await view(url)).res.body, /Ekonomia społeczna na wsi/)
  assert.match((await view('/networks')).res.body, /Ekonomia społeczna na wsi/)
})

test('a change made by another process reaches the kept pages through the database', async () => {
  const space = await givenSpace(db(), { isPublic: true })
  const url = `/networks/${space.id}`
  await settled()
  assert.equal((await view(url)).res.statusCode, 200)
  assert.equal((await view(url)).statements, 0)
  // Another process: a connection of its own, unseen by this process's statements.
  const other = new pg.Client({ connectionString: h.database.url })
  await other.connect()
  try {
    await other.query(`update spaces set theme_pl = 'Temat zmieniony gdzie indziej' where id = $1`, [
      space.id,
    ])
    await eventually(url, (body) => body.includes('Temat zmieniony gdzie indziej'))
    await other.query('update spaces set is_public = false where id = $1', [space.id])
    await eventually(url, (_body, status) => status === 404)
  } finally {
    await other.end()
  }
})

test('a signed-in person never gets a kept page', async () => {
  const space = await givenSpace(db(), { isPublic: true })
  const url = `/networks/${space.id}`
  await view(url)
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const mine = await member.get(url)
  assert.match(mine.body, /Celina Członkini/)
})
