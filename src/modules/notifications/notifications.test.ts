import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { signedIn } from '../../../test/support/client.ts'
import { givenPerson } from '../../../test/support/given.ts'
import type { CaughtMail } from '../../../test/support/smtp.ts'
import type { AnyPool } from '../../kernel/db.ts'
import { notificationNote, notificationText, notify, sendDigests } from './service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
// The app's database as a module's function takes it (typed by that module's own tables).
const pool = (): AnyPool => h.database.db

/** Until the notifications' own job has settled every notification (each mailed, or left for the digest). */
async function waitForJobs() {
  for (let i = 0; i < 100; i++) {
    const left = await db()
      .selectFrom('notifications as n')
      .leftJoin('notification_settings as s', 's.person_id', 'n.person_id')
      .select('n.id')
      .where('n.mailed_at', 'is', null)
      .where((eb) => eb.or([eb('s.delivery', 'is', null), eb('s.delivery', '!=', 'daily')]))
      .execute()
    if (left.length === 0) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('notifications still waiting for their job')
}

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

test('a person’s note goes with the text, quoted in the reader’s language, never into the text itself', () => {
  const params = {
    space_pl: 'KST',
    space_en: 'NTN',
    number: '2',
    note: 'Proszę dodać\nprzedstawiciela ROPS.',
  }
  assert.equal(notificationNote('pl', params), 'Uwagi: „Proszę dodać\nprzedstawiciela ROPS.”')
  assert.equal(notificationNote('en', params), 'Comments: “Proszę dodać\nprzedstawiciela ROPS.”')
  assert.doesNotMatch(notificationText('pl', 'compositionReturned', params), /ROPS/)
  assert.equal(notificationNote('pl', { note: '  ' }), '')
  // A notification saved before notes existed has none.
  assert.equal(notificationNote('pl', { space_pl: 'KST' }), '')
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

/** A header as the message carried it (unfolded), or undefined. */
function header(mail: CaughtMail, name: string): string | undefined {
  const head = mail.raw
    .toString('utf8')
    .split('\r\n\r\n')[0]
    .replace(/\r\n[ \t]+/g, ' ')
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
  return line?.slice(name.length + 1).trim()
}

/** The one-click address of a mail, as a path of the app. */
function unsubscribePath(mail: CaughtMail): string {
  const value = header(mail, 'List-Unsubscribe')
  const url = /^<(http:\/\/localhost:3000\/unsubscribe\/[A-Za-z0-9_-]+)>$/.exec(value ?? '')?.[1]
  assert.ok(url, `a one-click address in “${mail.subject}”: ${value}`)
  return url.replace('http://localhost:3000', '')
}

/** What a mail program sends for a one-click unsubscribe (RFC 8058): no cookie, no CSRF token. */
const oneClick = (path: string, body = 'List-Unsubscribe=One-Click') =>
  h.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: body,
  })

const tell = (personId: string, kind: 'announcement' | 'appointed', title: string) =>
  db()
    .transaction()
    .execute((trx) =>
      notify(trx, [personId], {
        kind,
        params: {
          space_pl: 'Sieć',
          space_en: 'Network',
          title,
          roleKey: 'spaces.roles.member',
          fromDay: '2026-05-10',
        },
        link: '/spaces',
      }),
    )

test('a notification mail says it was sent automatically and how to turn its kind off in one click', async () => {
  const person = await givenPerson(db(), { lang: 'en' })
  await tell(person.id, 'announcement', 'Room changed')
  const mail = await h.smtp.waitFor(person.email, /Room changed/)
  assert.equal(header(mail, 'Auto-Submitted'), 'auto-generated')
  assert.equal(header(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')
  const path = unsubscribePath(mail)

  // The mail program's post turns announcements off; the person still sees them in Siatka.
  const res = await oneClick(path)
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /You will no longer receive emails about “Announcements”/)
  assert.equal(res.headers['cache-control'], 'no-store')
  await tell(person.id, 'announcement', 'Second room change')
  await tell(person.id, 'appointed', 'irrelevant')
  await h.smtp.waitFor(person.email, /^Appointed to Network/)
  await new Promise((r) => setTimeout(r, 300))
  assert.equal(
    h.smtp.mails.some((m) => m.subject.includes('Second room change')),
    false,
    'no more mail about announcements',
  )
  const client = await signedIn(h.app, person.email)
  assert.match((await client.get('/notifications')).body, /Second room change/, 'still in Siatka')
  const settings = await client.get('/notifications/settings')
  assert.match(settings.body, /value="announcement"\s*\/?>/, 'the preferences show announcements…')
  assert.doesNotMatch(settings.body, /value="announcement" checked/, '…not sent by mail')
  assert.match(settings.body, /value="appointed" checked/)
})

test('the unsubscribe address opened in a browser asks first, in the person’s language, and its button does the same', async () => {
  const person = await givenPerson(db(), { lang: 'pl' })
  await tell(person.id, 'appointed', '')
  const path = unsubscribePath(await h.smtp.waitFor(person.email, /^Powołanie/))
  // An English browser: the page is still in the language the person's mails are in.
  const page = await h.app.inject({ method: 'GET', url: path, headers: { 'accept-language': 'en' } })
  assert.equal(page.statusCode, 200)
  assert.match(page.body, /<html lang="pl"/)
  assert.match(page.body, /Czy chcesz przestać dostawać e-maile z powiadomieniami „Powołania do składu”\?/)
  assert.match(page.body, new RegExp(`<form method="post" action="${path}">`))
  assert.match(page.body, /<input type="hidden" name="List-Unsubscribe" value="One-Click"/)
  assert.doesNotMatch(page.body, /name="_csrf"/)
  // Unless whoever opened it chose English on the site: the language switch works here too.
  const chosen = await h.app.inject({ method: 'GET', url: path, headers: { cookie: 'siatka_lang=en' } })
  assert.match(chosen.body, /<html lang="en"/)
  assert.equal(
    (
      await db()
        .selectFrom('notification_mail_opt_outs')
        .selectAll()
        .where('person_id', '=', person.id)
        .execute()
    ).length,
    0,
    'opening the page turns nothing off',
  )
  const sent = await oneClick(path)
  assert.match(sent.body, /Nie będziesz już dostawać e-maili z powiadomieniami „Powołania do składu”/)
  // Ticking it again on the preferences page brings the mail back.
  const client = await signedIn(h.app, person.email)
  await client.get('/notifications/settings')
  await client.post('/notifications/settings', { delivery: 'immediate', mail: ['appointed', 'announcement'] })
  await tell(person.id, 'appointed', '')
  await h.smtp.waitFor(person.email, /^Powołanie/, 15_000, 2)
})

test('a forged, altered or malformed unsubscribe address turns nothing off', async () => {
  const [victim, other] = await Promise.all([givenPerson(db()), givenPerson(db())])
  await tell(other.id, 'announcement', 'Mine')
  const path = unsubscribePath(await h.smtp.waitFor(other.email, /Mine/))
  const token = path.split('/').pop() ?? ''
  const signature = token.slice(-43)
  // Another person's id with this signature.
  const altered = `${Buffer.from(`${victim.id}/announcement`).toString('base64url')}${signature}`
  const otherKind = `${Buffer.from(`${other.id}/appointed`).toString('base64url')}${signature}`
  // One character of the signature changed: not the last, whose low bits base64 decoding drops
  // (and which may already be the one put in its place).
  const at = token.length - 10
  const tampered = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`
  for (const forged of [altered, otherKind, tampered, 'A'.repeat(120)]) {
    const res = await oneClick(`/unsubscribe/${forged}`)
    assert.equal(res.statusCode, 404, forged)
    assert.equal((await h.app.inject({ method: 'GET', url: `/unsubscribe/${forged}` })).statusCode, 404)
  }
  assert.equal(
    (await oneClick(path, 'List-Unsubscribe=Maybe')).statusCode,
    400,
    'RFC 8058 asks for One-Click',
  )
  const off = await db().selectFrom('notification_mail_opt_outs').select('person_id').execute()
  assert.ok(!off.some((o) => o.person_id === victim.id || o.person_id === other.id), 'nothing was turned off')
})

test('the daily digest leaves out kinds turned off, and its own one-click address stops the digest', async () => {
  const person = await givenPerson(db(), { lang: 'en' })
  const client = await signedIn(h.app, person.email)
  await client.get('/notifications/settings')
  const saved = await client.post('/notifications/settings', { delivery: 'daily', mail: 'appointed' })
  assert.equal(saved.statusCode, 303)
  await tell(person.id, 'announcement', 'Not in the digest')
  await tell(person.id, 'appointed', '')
  await waitForJobs()
  await sendDigests(pool(), h.config)
  const digest = await h.smtp.waitFor(person.email, /notification/i)
  assert.match(digest.text, /Appointed to Network/)
  assert.doesNotMatch(digest.text, /Not in the digest/)
  assert.equal(header(digest, 'Auto-Submitted'), 'auto-generated')
  assert.equal(header(digest, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')
  const res = await oneClick(unsubscribePath(digest))
  assert.match(res.body, /You will no longer receive the daily summary of notifications/)
  const settings = await client.get('/notifications/settings')
  assert.match(settings.body, /value="none" checked/)
})
