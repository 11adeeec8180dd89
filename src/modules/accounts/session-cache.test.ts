// A signed-in person's session and unread count are kept a few seconds in the process
// (kernel/person-cache.ts): clicking through pages costs no statement for them, and every change
// made here still shows on the very next request.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, demoPassword, signedIn } from '../../../test/support/client.ts'
import { givenPerson } from '../../../test/support/given.ts'
import { notify } from '../notifications/service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

/** Statements the request ran, and its answer. */
async function counted(client: Client, url: string) {
  const before = h.database.statements()
  const res = await client.get(url)
  return { res, statements: h.database.statements() - before }
}

const badge = (body: string) => /<span class="siatka-count" aria-hidden="true">(\d+)<\/span>/.exec(body)?.[1]

test('a page seen again costs two statements less: the session and the badge are not read again', async () => {
  const person = await givenPerson(h.database.db, { role: 'member' })
  const client = new Client(h.app)
  await client.get('/sign-in')
  assert.equal(
    (await client.post('/sign-in', { email: person.email, password: demoPassword })).statusCode,
    303,
  )
  const first = await counted(client, '/profile')
  const again = await counted(client, '/profile')
  assert.equal(first.res.statusCode, 200)
  assert.equal(again.res.statusCode, 200)
  assert.equal(first.statements - again.statements, 2)
})

test('a new notification and one read show in the badge on the next page', async () => {
  const person = await givenPerson(h.database.db, { role: 'member' })
  const client = await signedIn(h.app, person.email)
  assert.equal(badge((await client.get('/profile')).body), undefined)
  await notify(h.database.db, [person.id], { kind: 'minutesForComments', params: {}, link: '/profile' })
  assert.equal(badge((await client.get('/profile')).body), '1')
  await client.post('/notifications/read', {})
  assert.equal(badge((await client.get('/profile')).body), undefined)
})

test('signing out everywhere ends the other sessions at once', async () => {
  const person = await givenPerson(h.database.db, { role: 'member' })
  const phone = await signedIn(h.app, person.email)
  const laptop = await signedIn(h.app, person.email)
  assert.equal((await phone.get('/profile')).statusCode, 200)
  const out = await laptop.post('/sign-out-everywhere', {})
  assert.equal(out.statusCode, 303)
  const after = await phone.get('/profile')
  assert.equal(after.statusCode, 303)
  assert.match(String(after.headers.location), /^\/sign-in/)
})

test('a role changed by the secretariat applies on the person’s next page', async () => {
  const person = await givenPerson(h.database.db, { role: 'member' })
  const client = await signedIn(h.app, person.email)
  assert.equal((await client.get('/people')).statusCode, 403)
  const admin = await signedIn(h.app, 'admin@demo.siatka.test')
  const changed = await admin.post(`/people/${person.id}/role`, { role: 'coordinator' })
  assert.equal(changed.statusCode, 303)
  assert.equal((await client.get('/people')).statusCode, 200)
  const off = await admin.post(`/people/${person.id}/deactivate`, {})
  assert.equal(off.statusCode, 303)
  assert.equal((await client.get('/people')).statusCode, 303)
})
