// Joining the community of practice without an invitation: an address gets a link to make the
// account (a community member); the page answers the same for an address that has an account
// (which gets a mail saying so), for one asked for too often, and for a bot that fills the field
// people do not see, so nobody learns who has an account.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client } from '../../../test/support/client.ts'
import { linkFrom, uniqueEmail } from '../../../test/support/given.ts'
import { plain } from '../../../test/support/html.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const sentAnswer = /Jeśli adres jest poprawny, za chwilę przyjdzie na niego wiadomość/

test('a practitioner registers, confirms by the mailed link and is a signed-in community member', async () => {
  const visitor = new Client(h.app)
  const form = await visitor.get('/register')
  assert.equal(form.statusCode, 200)
  // The field only bots fill is hidden from people and from screen readers.
  assert.match(
    form.body,
    /<div class="govuk-visually-hidden" aria-hidden="true"><label for="register-website">/,
  )
  const email = uniqueEmail('praktyczka')
  const sent = await visitor.post('/register', { email, website: '' })
  assert.equal(sent.statusCode, 200)
  assert.match(plain(sent.body), sentAnswer)
  const mail = await h.smtp.waitFor(email, /społeczności praktyków/)
  assert.match(mail.text, /Link jest ważny przez 7 dni/)
  const link = linkFrom(mail.text)
  assert.match(link, /^\/invitation\//)

  const made = await visitor.post(link, {
    name: 'Joanna Wójcik',
    password: 'Jesienna-Mgla-Nad-Odra',
    passwordConfirm: 'Jesienna-Mgla-Nad-Odra',
  })
  assert.equal(made.statusCode, 303)
  const person = await db()
    .selectFrom('people')
    .select(['role', 'name'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  assert.deepEqual(person, { role: 'community_member', name: 'Joanna Wójcik' })
  // Signed in: the forum offers the form to start a topic.
  const forum = await db()
    .selectFrom('community_forums')
    .select('id')
    .orderBy('position')
    .executeTakeFirstOrThrow()
  assert.match((await visitor.get(`/community/forums/${forum.id}`)).body, /Opublikuj wątek/)
})

test('an address with an account gets the same answer on the page and a mail saying so', async () => {
  const visitor = new Client(h.app)
  const sent = await visitor.post('/register', { email: 'ekspert@demo.siatka.test' })
  assert.equal(sent.statusCode, 200)
  assert.match(plain(sent.body), sentAnswer)
  const mail = await h.smtp.waitFor('ekspert@demo.siatka.test', /Masz już konto/)
  assert.match(mail.text, /\/password-reset/)
  assert.doesNotMatch(mail.text, /\/invitation\//)
  // No second account.
  const accounts = await db()
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'ekspert@demo.siatka.test')
    .execute()
  assert.equal(accounts.length, 1)
})

test('a bot that fills the hidden field, and an address asked for a fourth time in a day, get nothing', async () => {
  const visitor = new Client(h.app)
  const bot = uniqueEmail('bot')
  const trap = await visitor.post('/register', { email: bot, website: 'https://spam.example' })
  assert.match(plain(trap.body), sentAnswer)
  const flooded = uniqueEmail('zalewana')
  for (let i = 0; i < 4; i++)
    assert.match(plain((await visitor.post('/register', { email: flooded })).body), sentAnswer)
  await h.smtp.waitFor(flooded, /społeczności praktyków/, 15_000, 3)
  // Give the queue a moment for a fourth mail that must not come.
  await new Promise((r) => setTimeout(r, 1500))
  await assert.rejects(h.smtp.waitFor(flooded, undefined, 500, 4))
  await assert.rejects(h.smtp.waitFor(bot, undefined, 500))
  const asked = await db()
    .selectFrom('invitations')
    .select('id')
    .where('email', 'in', [bot, flooded])
    .execute()
  assert.equal(asked.length, 3)
})

test('a malformed address is refused beside the field, what was typed kept, in English too', async () => {
  const visitor = new Client(h.app)
  const refused = await visitor.post('/register', { email: 'nie-adres' })
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /id="field-email-error"/)
  assert.match(refused.body, /value="nie-adres"/)
  await visitor.get('/preferences?lang=en&back=/')
  const english = await visitor.post('/register', { email: 'not-an-address' })
  assert.match(english.body, /Enter an email address in the correct format/)
})
