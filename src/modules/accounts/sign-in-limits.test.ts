// Failed sign-ins are limited per account and per network address; successful ones never count.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, demoPassword } from '../../../test/support/client.ts'
import { givenPerson } from '../../../test/support/given.ts'
import { fieldError } from '../../../test/support/html.ts'

let h: TestApp
before(async () => {
  h = await startTestApp({
    rateLimits: {
      signInPerAccount: 3,
      signInPerAddress: 6,
      passwordReset: 3,
      invitation: 3,
      windowMs: 60_000,
    },
  })
})
after(() => h.close())

async function tryToSignIn(email: string, password: string, address = '10.0.0.1') {
  const client = new Client(h.app, address)
  await client.get('/sign-in')
  return client.post('/sign-in', { email, password })
}

test('eleven colleagues behind one office address all sign in within minutes', async () => {
  const office = '192.0.2.10'
  for (let i = 0; i < 11; i++) {
    const person = await givenPerson(h.database.db, { role: 'member' })
    const res = await tryToSignIn(person.email, demoPassword, office)
    assert.equal(res.statusCode, 303, `colleague ${i + 1}`)
  }
})

test('after three wrong passwords the account waits, even with the right one, and says until when beside the field', async () => {
  const person = await givenPerson(h.database.db, { role: 'member' })
  for (let i = 0; i < 3; i++) {
    const res = await tryToSignIn(person.email, 'zle-haslo-123', `10.0.1.${i}`)
    assert.equal(res.statusCode, 422)
    assert.match(fieldError(res.body, 'email') ?? '', /Nieprawidłowy adres e-mail lub hasło/)
  }
  const res = await tryToSignIn(person.email, demoPassword, '10.0.1.99')
  assert.equal(res.statusCode, 429)
  assert.match(
    fieldError(res.body, 'email') ?? '',
    /Zbyt wiele nieudanych prób logowania.*Spróbuj ponownie po/,
  )
  assert.match(res.body, new RegExp(`value="${person.email}"`), 'what was typed stays')

  // A minute after the last failure the account may try again, and the right password lets it in.
  await h.database.db
    .updateTable('sign_in_failures')
    .set({ last_failed_at: new Date(Date.now() - 61_000) })
    .where('key', '=', `account:${person.email.toLowerCase()}`)
    .execute()
  assert.equal((await tryToSignIn(person.email, demoPassword, '10.0.1.99')).statusCode, 303)
})

test('a wrong password once the account waits adds to its wait, and the address typed in capitals is the same account', async () => {
  const person = await givenPerson(h.database.db, { role: 'member' })
  for (let i = 0; i < 3; i++) await tryToSignIn(person.email.toUpperCase(), 'zle-haslo-123', `10.0.2.${i}`)
  const res = await tryToSignIn(person.email, demoPassword, '10.0.2.50')
  assert.equal(res.statusCode, 429)
})

test('guessing many accounts from one address makes that address wait, not the accounts elsewhere', async () => {
  const guesser = '203.0.113.7'
  const people = await Promise.all(
    Array.from({ length: 7 }, () => givenPerson(h.database.db, { role: 'member' })),
  )
  for (const p of people.slice(0, 6)) {
    assert.equal((await tryToSignIn(p.email, 'zle-haslo-123', guesser)).statusCode, 422)
  }
  const seventh = await tryToSignIn(people[6].email, demoPassword, guesser)
  assert.equal(seventh.statusCode, 429, 'the address waits')
  assert.equal((await tryToSignIn(people[6].email, demoPassword, '198.51.100.1')).statusCode, 303)
  assert.equal(
    (await tryToSignIn(people[0].email, demoPassword, '198.51.100.1')).statusCode,
    303,
    'one failure only',
  )
})

test('the English form says the same in English', async () => {
  const person = await givenPerson(h.database.db, { role: 'member' })
  for (let i = 0; i < 3; i++) await tryToSignIn(person.email, 'zle-haslo-123', `10.0.3.${i}`)
  const client = new Client(h.app, '10.0.3.9')
  await client.get('/preferences?lang=en&back=%2Fsign-in')
  await client.get('/sign-in')
  const res = await client.post('/sign-in', { email: person.email, password: demoPassword })
  assert.equal(res.statusCode, 429)
  assert.match(res.body, /Too many failed sign-ins/)
})
