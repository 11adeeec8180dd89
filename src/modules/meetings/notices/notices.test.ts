import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import ICAL from 'ical.js'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { signedIn } from '../../../../test/support/client.ts'
import { givenMember, givenPerson, givenSpace } from '../../../../test/support/given.ts'
import type { CaughtMail } from '../../../../test/support/smtp.ts'
import { addDays, today } from '../../../kernel/dates.ts'
import { mailQueue } from '../../../kernel/mail.ts'
import { remindDeadlines } from './service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

const form = (day: string, extra: Record<string, string> = {}) => ({
  kind: 'meeting',
  subject: 'Przyjęcie planu pracy',
  day,
  startTime: '10:00',
  endTime: '14:00',
  place: 'ul. Wspólna 2/4, Warszawa',
  onlineUrl: '',
  confirmBy: addDays(day, -7),
  ...extra,
})

async function givenNetwork() {
  const sec = await givenPerson(db(), { role: 'secretary', name: 'Sabina Sekretarz' })
  const space = await givenSpace(db(), { secretaryId: sec.id })
  const pl = await givenPerson(db(), { name: 'Piotr Polski' })
  const en = await givenPerson(db(), { name: 'Emma English', lang: 'en' })
  const deputy = await givenPerson(db(), { name: 'Zofia Zastępca' })
  const former = await givenPerson(db(), { name: 'Fryderyk Były' })
  await givenMember(db(), space.id, pl.id)
  await givenMember(db(), space.id, en.id, { role: 'chair' })
  await givenMember(db(), space.id, deputy.id, { role: 'deputy' })
  await givenMember(db(), space.id, former.id, { endsOn: addDays(today(), -1) })
  // Their seat ends on the day of the first meeting below: told of it, and of its move past that day.
  const leaving = await givenPerson(db(), { name: 'Leon Odchodzący' })
  await givenMember(db(), space.id, leaving.id, { endsOn: '2099-07-15' })
  const iz = await givenPerson(db(), { role: 'managing_authority', name: 'Irena Zarządzająca' })
  const client = await signedIn(h.app, sec.email)
  await client.get(`/spaces/${space.id}/meetings/new`)
  return { space, sec, pl, en, deputy, former, leaving, iz, client }
}

async function convene(client: Awaited<ReturnType<typeof signedIn>>, spaceId: string, day: string) {
  // Days counted from today may fall on a weekend or a holiday: such a day is confirmed, as a person would.
  const r = await client.post(`/spaces/${spaceId}/meetings/new`, form(day, { dayOffConfirmed: 'yes' }))
  assert.equal(r.statusCode, 303, r.body)
  const url = String(r.headers.location)
  await client.get(url)
  return { url, id: url.split('/').pop() as string }
}

/** The iCalendar part of a caught mail, parsed back: the calendar and its one event. */
function calendarOf(mail: CaughtMail) {
  const part = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))
  assert.ok(part, `a text/calendar part in “${mail.subject}”`)
  const cal = new ICAL.Component(ICAL.parse(part.content.toString('utf8')))
  const vevent = cal.getFirstSubcomponent('vevent')
  assert.ok(vevent)
  return { method: cal.getFirstPropertyValue('method'), event: new ICAL.Event(vevent), vevent }
}

async function settled(noticeId: string) {
  for (let i = 0; i < 100; i++) {
    const rows = await db()
      .selectFrom('meeting_notice_recipients as r')
      .innerJoin('mail_deliveries as d', 'd.id', 'r.delivery_id')
      .select(['d.status', 'd.smtp_reply', 'd.recipient'])
      .where('r.notice_id', '=', noticeId)
      .execute()
    if (rows.every((r) => r.status !== 'queued')) return rows
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('deliveries still queued')
}

describe('notices of a meeting', () => {
  test('the notice reaches members and the managing authority in their language, with an invitation; each delivery is proven', async () => {
    const { space, pl, en, deputy, former, leaving, iz, client, sec } = await givenNetwork()
    const { url, id } = await convene(client, space.id, '2099-07-15')
    const page = await client.get(url)
    assert.match(page.body, /Zawiadomienie należy wysłać najpóźniej 1 lipca 2099/)
    assert.match(page.body, /Materiały należy przekazać członkom najpóźniej 8 lipca 2099/)

    const sent = await client.post(`${url}/notice`, {})
    assert.equal(sent.statusCode, 303)

    const mailPl = await h.smtp.waitFor(
      pl.email,
      /^Zawiadomienie: I posiedzenie w 2099 r\.: Przyjęcie planu pracy/,
    )
    assert.match(mailPl.text, /Termin: 15 lip 2099, 10:00–14:00/)
    assert.match(mailPl.text, /ul\. Wspólna 2\/4, Warszawa/)
    assert.match(mailPl.text, new RegExp(`/spaces/${space.id}/meetings/${id}`))
    const mailEn = await h.smtp.waitFor(en.email, /^Notice: Meeting I of 2099: Przyjęcie planu pracy/)
    assert.match(mailEn.text, /Please confirm your attendance/)
    await h.smtp.waitFor(deputy.email, /^Zawiadomienie/)
    await h.smtp.waitFor(iz.email, /^Zawiadomienie/)
    assert.equal(
      h.smtp.mails.some((m) => m.to === former.email),
      false,
      'a member whose term has ended is not told',
    )

    const { method, event, vevent } = calendarOf(mailPl)
    assert.equal(method, 'REQUEST')
    const uid = event.uid
    assert.match(uid, new RegExp(`^meeting-${id}@localhost$`))
    assert.equal(event.sequence, 0)
    assert.equal(event.startDate.toString(), '2099-07-15T08:00:00Z', '10:00 in Warsaw in summer, in UTC')
    assert.equal(event.endDate.toString(), '2099-07-15T12:00:00Z')
    assert.equal(event.location, 'ul. Wspólna 2/4, Warszawa')
    assert.match(String(vevent.getFirstPropertyValue('organizer')), new RegExp(sec.email))
    assert.equal(calendarOf(mailEn).event.uid, uid, 'one UID for everyone')

    const [notice] = await db()
      .selectFrom('meeting_notices')
      .selectAll()
      .where('meeting_id', '=', id)
      .execute()
    const deliveries = await settled(notice.id)
    assert.ok(deliveries.length >= 4)
    for (const d of deliveries) {
      assert.equal(d.status, 'accepted')
      assert.match(String(d.smtp_reply), /^250/, 'the SMTP server’s own reply is kept')
    }
    const proof = await client.get(`${url}/notices/${notice.id}`)
    assert.equal(proof.statusCode, 200)
    assert.match(proof.body, /Przyjęte przez serwer/)
    assert.match(proof.body, /Emma English/)

    const twice = await client.post(`${url}/notice`, {})
    assert.equal(twice.statusCode, 422)
    assert.match(twice.body, /Zawiadomienie już wysłano/)

    // A change of time after the notice: an update with a higher SEQUENCE, never silently.
    const edit = await client.get(`${url}/edit`)
    assert.match(edit.body, /zapisanie zmian wyśle wszystkim adresatom aktualizację/)
    const changed = await client.post(`${url}/edit`, { ...form('2099-07-16'), version: '0' })
    assert.equal(changed.statusCode, 303)
    const update = await h.smtp.waitFor(pl.email, /^Zmiana: I posiedzenie/)
    assert.match(update.text, /zmieniono: termin, termin potwierdzenia obecności/)
    const u = calendarOf(update)
    assert.equal(u.method, 'REQUEST')
    assert.equal(u.event.uid, uid)
    assert.equal(u.event.sequence, 1)
    assert.equal(u.event.startDate.toString(), '2099-07-16T08:00:00Z')
    await h.smtp.waitFor(en.email, /^Changed: Meeting I of 2099/)
    await h.smtp.waitFor(leaving.email, /^Zmiana: I posiedzenie/)

    // A save from a page opened before that change is refused, with what was typed kept.
    const stale = await client.post(`${url}/edit`, {
      ...form('2099-07-17', { subject: 'Mój temat' }),
      version: '0',
    })
    assert.equal(stale.statusCode, 422)
    assert.match(stale.body, /W międzyczasie ktoś zmienił to posiedzenie/)
    assert.match(stale.body, /value="Mój temat"/)
    assert.match(stale.body, /name="version" value="1"/, 'checked and sent again, it goes through')

    // Cancelling: METHOD:CANCEL, the same UID, the next SEQUENCE, and the reason in the mail.
    const noReason = await client.post(`${url}/cancel`, { reason: '' })
    assert.equal(noReason.statusCode, 422)
    const cancelled = await client.post(`${url}/cancel`, { reason: 'Brak kworum <b>zapowiedziany</b>' })
    assert.equal(cancelled.statusCode, 303)
    const cancel = await h.smtp.waitFor(pl.email, /^Odwołane: I posiedzenie/)
    assert.match(cancel.text, /Powód: Brak kworum <b>zapowiedziany<\/b>/)
    assert.doesNotMatch(cancel.html, /<b>zapowiedziany/)
    const c = calendarOf(cancel)
    assert.equal(c.method, 'CANCEL')
    assert.equal(c.event.uid, uid)
    assert.equal(c.event.sequence, 2)
    assert.equal(c.vevent.getFirstPropertyValue('status'), 'CANCELLED')
    const after = await client.get(url)
    assert.match(after.body, /Posiedzenie odwołano/)
    assert.match(after.body, /Brak kworum &lt;b>zapowiedziany/)
    assert.equal((await client.post(`${url}/cancel`, { reason: 'jeszcze raz' })).statusCode, 422)

    // The managing authority sees every notice it received.
    const izClient = await signedIn(h.app, iz.email)
    const received = await izClient.get('/authority/notices')
    assert.equal(received.statusCode, 200)
    assert.equal(received.body.match(new RegExp(`/spaces/${space.id}/meetings/${id}"`, 'g'))?.length, 3)
    assert.match(received.body, /Odwołanie/)
    const member = await signedIn(h.app, pl.email)
    assert.equal((await member.get('/authority/notices')).statusCode, 403)
  })

  test('every calendar part of a notice is text/calendar with its method, folded at 75 octets, and a Polish name survives', async () => {
    const { space, client } = await givenNetwork()
    const name = 'Żaneta Łucja Gęślą-Źdźbłowska-Świętochowska z Łęcznej'
    const polish = await givenPerson(db(), { name })
    await givenMember(db(), space.id, polish.id)
    const { url } = await convene(client, space.id, '2099-09-09')
    assert.equal((await client.post(`${url}/notice`, {})).statusCode, 303)
    const notice = await h.smtp.waitFor(polish.email, /^Zawiadomienie/)
    await client.get(url)
    assert.equal((await client.post(`${url}/cancel`, { reason: 'Brak sali' })).statusCode, 303)
    const cancel = await h.smtp.waitFor(polish.email, /^Odwołane/)

    for (const [mail, method] of [
      [notice, 'REQUEST'],
      [cancel, 'CANCEL'],
    ] as const) {
      const parts = mail.parsed.attachments.filter((a) => /calendar|ics/.test(a.contentType))
      assert.ok(parts.length >= 1, `“${mail.subject}” carries the invitation`)
      assert.equal(/application\/ics/i.test(mail.raw.toString('latin1')), false, 'no part is application/ics')
      for (const part of parts) {
        const type = part.headers.get('content-type') as { value: string; params: Record<string, string> }
        assert.equal(type.value, 'text/calendar', `a part of “${mail.subject}”`)
        assert.equal(type.params.method, method)
        const ics = part.content.toString('utf8')
        const lines = ics.split('\r\n')
        // The person's line is longer than one line may be: it has to be folded.
        const unfolded = ics.replace(/\r\n[ \t]/g, '').split('\r\n')
        assert.ok(
          unfolded.some((l) => l.startsWith('ATTENDEE') && l.includes(name) && Buffer.byteLength(l) > 75),
          'the attendee line needs folding',
        )
        for (const line of lines) {
          assert.ok(Buffer.byteLength(line) <= 75, `${Buffer.byteLength(line)} octets: ${line}`)
          assert.ok(!line.startsWith('\t'), `a continuation starts with a space: ${line}`)
        }
        const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')
        assert.ok(vevent)
        const attendee = vevent.getFirstProperty('attendee')
        assert.equal(attendee?.getParameter('cn'), name)
        assert.match(String(vevent.getFirstPropertyValue('summary')), /Przyjęcie planu pracy/)
      }
    }
  })

  test('a notice after the rules’ notice period needs a reason, and the secretary is warned before', async () => {
    const { space, client } = await givenNetwork()
    const { url, id } = await convene(client, space.id, addDays(today(), 5))
    const page = await client.get(url)
    assert.match(page.body, /Termin zawiadomienia minął/)
    const refused = await client.post(`${url}/notice`, { lateReason: '' })
    assert.equal(refused.statusCode, 422)
    assert.match(refused.body, /id="field-lateReason-error"/)
    assert.match(refused.body, /podaj powód wysłania go po terminie/)
    const late = await client.post(`${url}/notice`, { lateReason: 'Termin wyznaczyła IZ w trybie pilnym' })
    assert.equal(late.statusCode, 303)
    const notice = await db()
      .selectFrom('meeting_notices')
      .select('late_reason')
      .where('meeting_id', '=', id)
      .executeTakeFirstOrThrow()
    assert.equal(notice.late_reason, 'Termin wyznaczyła IZ w trybie pilnym')
    assert.match((await client.get(url)).body, /Po terminie\. Powód: <span>Termin wyznaczyła IZ/)
  })

  test('a change before the notice sends nothing; only the secretariat sends notices', async () => {
    const { space, client, pl } = await givenNetwork()
    const { url, id } = await convene(client, space.id, '2099-05-20')
    const changed = await client.post(`${url}/edit`, {
      ...form('2099-05-21', { place: 'Kraków' }),
      version: '0',
    })
    assert.equal(changed.statusCode, 303)
    const row = await db()
      .selectFrom('meetings')
      .select(['sequence', 'place'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    assert.deepEqual(row, { sequence: 0, place: 'Kraków' })
    await new Promise((r) => setTimeout(r, 300))
    assert.equal(
      h.smtp.mails.some((m) => m.text.includes(id)),
      false,
      'nobody had the notice, so nobody is told',
    )
    const member = await signedIn(h.app, pl.email)
    await member.get(url)
    assert.equal((await member.post(`${url}/notice`, {})).statusCode, 403)
    assert.equal((await member.get(`${url}/edit`)).statusCode, 403)
    assert.doesNotMatch((await member.get(url)).body, /Wyślij zawiadomienie/)
  })

  test('the secretary is reminded once when a notice or the materials fall due', async () => {
    const { space, client, sec } = await givenNetwork()
    // 15 days ahead: the notice (14 days) is due tomorrow, the materials (7 days) in 8 days.
    const { id } = await convene(client, space.id, addDays(today(), 15))
    await remindDeadlines(db())
    const mine = () =>
      db()
        .selectFrom('notifications')
        .select(['kind', 'link'])
        .where('person_id', '=', sec.id)
        .where('link', 'like', `%${id}`)
        .execute()
    assert.deepEqual(
      (await mine()).map((n) => n.kind),
      ['noticeDue'],
    )
    await remindDeadlines(db())
    assert.equal((await mine()).length, 1, 'never twice')
    // A week later the materials are due too.
    await remindDeadlines(db(), new Date(Date.now() + 7 * 86_400_000))
    assert.deepEqual((await mine()).map((n) => n.kind).sort(), ['materialsDue', 'noticeDue'])
    // A meeting whose materials are already there is not chased for them.
    const other = await convene(client, space.id, addDays(today(), 16))
    await db()
      .insertInto('materials')
      .values({
        space_id: space.id,
        meeting_id: other.id,
        agenda_item_id: null,
        title: 'Plan',
        visibility: 'members',
        created_by: sec.id,
      })
      .execute()
    await remindDeadlines(db(), new Date(Date.now() + 9 * 86_400_000))
    const forOther = await db()
      .selectFrom('notifications')
      .select('kind')
      .where('person_id', '=', sec.id)
      .where('link', 'like', `%${other.id}`)
      .execute()
    assert.deepEqual(
      forOther.map((n) => n.kind),
      ['noticeDue'],
    )
  })

  test('a mail the server refuses is recorded as failed, with the error, and retried', async () => {
    const row = {
      id: crypto.randomUUID(),
      recipient: 'nikt@example.pl',
      subject: 'Test',
      updated_at: new Date(),
    }
    await db().insertInto('mail_deliveries').values(row).execute()
    const queue = mailQueue({ ...h.config, smtpUrl: 'smtp://127.0.0.1:9' }, db())
    await assert.rejects(
      queue.handler({ to: row.recipient, subject: 'Test', text: 'x', html: '<p>x</p>', deliveryId: row.id }),
    )
    const d = await db()
      .selectFrom('mail_deliveries')
      .selectAll()
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow()
    assert.equal(d.status, 'failed')
    assert.equal(d.attempts, 1)
    assert.match(String(d.error), /ECONNREFUSED|connect/)
  })
})
