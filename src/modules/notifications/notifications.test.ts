import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { signedIn } from '../../../test/support/client.ts'
import { givenPerson } from '../../../test/support/given.ts'
import { notificationText, notify } from './service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

test('a notification reads in each person’s language, with names in theirs, roles translated and days written out', () => {
  const params = {
    space_pl: 'KST ds. ekonomii społecznej',
    space_en: 'NTN on the social economy',
    roleKey: 'spaces.roles.chair',
    fromDay: '2026-05-10',
  }
  assert.equal(
    notificationText('pl', 'appointed', params),
    'Powołanie do składu: KST ds. ekonomii społecznej, rola: Przewodniczący(\u2011a), od 10 maja 2026',
  )
  assert.equal(
    notificationText('en', 'appointed', params),
    'Appointed to NTN on the social economy as Chair, from 10 May 2026',
  )
})

test('the header counts unread notifications; marking all read clears it; each person sees only their own', async () => {
  const [reader, other] = await Promise.all([givenPerson(db(), { lang: 'en' }), givenPerson(db())])
  await db()
    .transaction()
    .execute((trx) =>
      notify(trx, [reader.id, reader.id], {
        kind: 'announcement',
        params: { space_pl: 'Sieć', space_en: 'Network', title: '<b>Sala</b>' },
        link: '/spaces',
      }),
    )
  const client = await signedIn(h.app, reader.email)
  const page = await client.get('/notifications')
  assert.match(page.body, /unread: 1/, 'one notification although the person was named twice')
  assert.match(page.body, /New announcement \(Network\): &lt;b>Sala&lt;\/b>/)
  const mail = await h.smtp.waitFor(reader.email, /New announcement/)
  assert.equal(
    mail.subject,
    'New announcement (Network): <b>Sala</b>',
    'mail text is plain, not escaped twice',
  )
  assert.equal((await client.post('/notifications/read', {})).statusCode, 303)
  assert.doesNotMatch((await client.get('/notifications')).body, /unread: /)
  const stranger = await signedIn(h.app, other.email)
  assert.doesNotMatch((await stranger.get('/notifications')).body, /Sala/)
})

test('a delivery that is not one of the choices is refused next to the field', async () => {
  const person = await givenPerson(db())
  const client = await signedIn(h.app, person.email)
  await client.get('/notifications/settings')
  const res = await client.post('/notifications/settings', { delivery: 'hourly' })
  assert.equal(res.statusCode, 422)
  assert.match(res.body, /id="field-delivery-error"/)
  const settings = await db()
    .selectFrom('notification_settings')
    .selectAll()
    .where('person_id', '=', person.id)
    .execute()
  assert.equal(settings.length, 0)
})
