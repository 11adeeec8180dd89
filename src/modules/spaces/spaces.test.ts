import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import ExcelJS from 'exceljs'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import {
  givenMeeting,
  givenMember,
  givenPerson,
  givenSpace,
  personIdOf,
  uniqueEmail,
} from '../../../test/support/given.ts'
import { addDays, today } from '../../kernel/dates.ts'
import type { AnyPool } from '../../kernel/db.ts'
import { requireMeeting, rulesOf } from '../meetings/service.ts'
import { sendDigests } from '../notifications/service.ts'
import { exportDirectory, listDirectory } from './queries.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
// The app's database as a module's function takes it (typed by that module's own tables).
const pool = (): AnyPool => h.database.db
const coordinator = 'koordynator@demo.siatka.test'
const secretary = 'sekretarz@demo.siatka.test'
const iz = 'iz@demo.siatka.test'

const idOf = (email: string) => personIdOf(db(), email)
const spaceNamed = async (name: string) =>
  db().selectFrom('spaces').selectAll().where('name_pl', '=', name).executeTakeFirstOrThrow()
const proposalUrl = (res: { headers: Record<string, unknown> }) => String(res.headers.location)
const unreadOf = async (personId: string) =>
  db()
    .selectFrom('notifications')
    .select(['kind', 'link'])
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .execute()

/** A space of our own with a secretary, for a test to change freely. */
async function givenNetwork() {
  const sec = await givenPerson(db(), { role: 'secretary', name: 'Sabina Sekretarz' })
  const space = await givenSpace(db(), { secretaryId: sec.id })
  return { space, sec, client: await signedIn(h.app, sec.email) }
}

/** A chair and a member added to a proposal through its form, as the secretary does. */
async function addChairAndMember(
  client: Client,
  url: string,
  chair: { email: string },
  member: { email: string },
) {
  for (const [person, role] of [
    [chair, 'chair'],
    [member, 'member'],
  ] as const) {
    const added = await client.post(`${url}/entries`, {
      email: person.email,
      role,
      represents: 'ngo',
      justification: 'Doświadczenie w ekonomii społecznej',
    })
    assert.equal(added.statusCode, 303, `adding ${role}`)
  }
}

describe('spaces: creating and reading', () => {
  test('the coordinator creates a network with its secretary; it is listed, and the secretary services it', async () => {
    const client = await signedIn(h.app, coordinator)
    await client.get('/spaces/new')
    const res = await client.post('/spaces/new', {
      namePl: 'KST ds. innowacji społecznych',
      nameEn: 'NTN on social innovation',
      type: 'thematic_network',
      status: 'forming',
      themePl: 'Innowacje społeczne',
      themeEn: 'Social innovation',
      secretaryId: await idOf(secretary),
      isPublic: 'yes',
    })
    assert.equal(res.statusCode, 303)
    const space = await spaceNamed('KST ds. innowacji społecznych')
    assert.equal(res.headers.location, `/spaces/${space.id}`)
    assert.equal(space.is_public, true)
    assert.match((await client.get('/spaces?q=innowacji')).body, /KST ds. innowacji społecznych/)
    const sec = await signedIn(h.app, secretary)
    assert.equal((await sec.get(`/spaces/${space.id}/settings`)).statusCode, 200)
  })

  test('a new network without names, or with a secretary from outside the secretariat, is refused field by field', async () => {
    const client = await signedIn(h.app, coordinator)
    await client.get('/spaces/new')
    const empty = await client.post('/spaces/new', {
      namePl: '',
      nameEn: 'Only English',
      type: 'thematic_network',
      status: 'forming',
      themePl: '',
      themeEn: '',
    })
    assert.equal(empty.statusCode, 422)
    assert.match(empty.body, /id="field-namePl-error"/)
    assert.match(empty.body, /id="field-themePl-error"/)
    assert.match(empty.body, /value="Only English"/)
    const member = await givenPerson(db(), { role: 'member' })
    const wrong = await client.post('/spaces/new', {
      namePl: 'Sieć',
      nameEn: 'Network',
      type: 'thematic_network',
      status: 'forming',
      themePl: 'Temat',
      themeEn: 'Theme',
      secretaryId: member.id,
    })
    assert.equal(wrong.statusCode, 422)
    assert.match(wrong.body, /Wybierz osobę z sekretariatu/)
  })

  test('nobody sees a space they have no role in: it does not exist for them', async () => {
    const { space } = await givenNetwork()
    const stranger = await givenPerson(db(), { role: 'member' })
    const client = await signedIn(h.app, stranger.email)
    assert.equal((await client.get(`/spaces/${space.id}`)).statusCode, 404)
    assert.doesNotMatch((await client.get('/spaces')).body, new RegExp(space.name_pl))
    await givenMember(db(), space.id, stranger.id)
    const page = await client.get(`/spaces/${space.id}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Twoja rola/)
    assert.match((await client.get('/spaces')).body, new RegExp(space.name_pl))
  })

  test('the managing authority and the coordinator read every space; an anonymous visitor is asked to sign in', async () => {
    const { space } = await givenNetwork()
    for (const email of [iz, coordinator]) {
      const client = await signedIn(h.app, email)
      assert.equal((await client.get(`/spaces/${space.id}/members`)).statusCode, 200)
    }
    const anonymous = await new Client(h.app).get(`/spaces/${space.id}`)
    assert.equal(anonymous.statusCode, 303)
    assert.match(String(anonymous.headers.location), /^\/sign-in/)
  })
})

describe('composition: drafted by the secretary, approved by the managing authority', () => {
  test('the whole path: draft, send, return with a comment, revise, send again, approve; the new members see the space', async () => {
    const { space, sec, client } = await givenNetwork()
    const [chair, member, late] = await Promise.all([
      givenPerson(db(), { name: 'Celina Przewodnicząca' }),
      givenPerson(db(), { name: 'Marek Członek' }),
      givenPerson(db(), { name: 'Lena Dopisana', lang: 'en' }),
    ])
    await client.get(`/spaces/${space.id}/compositions`)
    const started = await client.post(`/spaces/${space.id}/compositions`, {})
    assert.equal(started.statusCode, 303)
    const url = proposalUrl(started)
    await client.get(url)
    await addChairAndMember(client, url, chair, member)
    assert.equal((await client.post(`${url}/submit`, {})).statusCode, 303)

    const authority = await signedIn(h.app, iz)
    assert.match((await authority.get('/authority')).body, new RegExp(space.name_pl))
    assert.ok((await unreadOf(await idOf(iz))).some((n) => n.kind === 'compositionSubmitted'))
    await authority.get(url)
    const noComment = await authority.post(`${url}/return`, { comment: '' })
    assert.equal(noComment.statusCode, 422)
    assert.match(noComment.body, /id="field-comment-error"/)
    assert.equal(
      (
        await authority.post(`${url}/return`, {
          comment: 'Proszę uzupełnić skład o przedstawiciela regionu.',
        })
      ).statusCode,
      303,
    )
    assert.ok(
      (await unreadOf(sec.id)).some((n) => n.kind === 'compositionReturned'),
      'the secretary is told',
    )
    const mail = await h.smtp.waitFor(sec.email, /zwróciła/)
    assert.match(mail.text, new RegExp(url))
    assert.match(
      mail.text,
      /Uwagi: „Proszę uzupełnić skład o przedstawiciela regionu\.”/,
      'the mail carries the comment',
    )
    assert.equal(
      mail.subject,
      `Instytucja Zarządzająca zwróciła z uwagami propozycję składu nr 1 (${space.name_pl})`,
      'the subject stays one short line',
    )

    const revised = await client.get(url)
    assert.match(revised.body, /Proszę uzupełnić skład o przedstawiciela regionu/)
    assert.equal(
      (await client.post(`${url}/entries`, { email: late.email, role: 'member', represents: 'region' }))
        .statusCode,
      303,
    )
    assert.equal((await client.post(`${url}/submit`, {})).statusCode, 303)

    await authority.get(url)
    const approved = await authority.post(`${url}/approve`, {
      decisionRef: 'DZF-IV.8540.99.2026',
      effectiveOn: today(),
    })
    assert.equal(approved.statusCode, 303)
    const members = await db()
      .selectFrom('space_memberships')
      .select(['person_id', 'role', 'starts_on', 'ends_on'])
      .where('space_id', '=', space.id)
      .execute()
    assert.equal(members.length, 3)
    assert.ok(members.every((m) => m.starts_on === today() && m.ends_on === null))
    assert.equal((await spaceNamed(space.name_pl)).status, 'active')

    const newcomer = await signedIn(h.app, late.email)
    assert.match((await newcomer.get('/spaces')).body, new RegExp(space.name_pl))
    const page = await newcomer.get(`/spaces/${space.id}/members`)
    assert.match(page.body, /Celina Przewodnicząca/)
    assert.match(page.body, /DZF-IV.8540.99.2026/)
    const appointed = await h.smtp.waitFor(late.email, /Appointed to/)
    assert.match(appointed.subject, /Member/, 'the mail is in the member’s own language, with their role')
  })

  test('approving twice is refused with a message, and the composition is taken once', async () => {
    const { space, client } = await givenNetwork()
    const chair = await givenPerson(db())
    const url = proposalUrl(await client.post(`/spaces/${space.id}/compositions`, {}))
    await client.get(url)
    await client.post(`${url}/entries`, { email: chair.email, role: 'chair', represents: 'ngo' })
    await client.post(`${url}/submit`, {})
    const authority = await signedIn(h.app, iz)
    await authority.get(url)
    const form = { decisionRef: 'DZF/1/2026', effectiveOn: today() }
    const first = await authority.post(`${url}/approve`, form)
    const second = await authority.post(`${url}/approve`, form)
    assert.equal(first.statusCode, 303)
    assert.equal(second.statusCode, 422)
    assert.match(second.body, /nie czeka na decyzję/)
    const count = await db()
      .selectFrom('space_memberships')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('space_id', '=', space.id)
      .executeTakeFirstOrThrow()
    assert.equal(Number(count.n), 1)
  })

  test('a proposal with nobody in it, or without a chair, cannot be sent; a person proposed twice or a second chair is refused', async () => {
    const { space, client } = await givenNetwork()
    const [a, b] = await Promise.all([givenPerson(db()), givenPerson(db())])
    const url = proposalUrl(await client.post(`/spaces/${space.id}/compositions`, {}))
    await client.get(url)
    const empty = await client.post(`${url}/submit`, {})
    assert.equal(empty.statusCode, 422)
    assert.match(empty.body, /nie zawiera żadnej osoby/)
    await client.post(`${url}/entries`, { email: a.email, role: 'member', represents: 'ngo' })
    const noChair = await client.post(`${url}/submit`, {})
    assert.match(noChair.body, /Wskaż przewodniczącego/)
    const twice = await client.post(`${url}/entries`, {
      email: a.email,
      role: 'expert',
      represents: 'ngo',
      justification: 'drugi raz',
    })
    assert.equal(twice.statusCode, 422)
    assert.match(twice.body, /Ta osoba jest już w propozycji/)
    assert.match(twice.body, /drugi raz/, 'what was typed is kept')
    await client.post(`${url}/entries`, { email: b.email, role: 'chair', represents: 'ngo' })
    const second = await client.post(`${url}/entries`, {
      email: uniqueEmail(),
      role: 'chair',
      represents: 'ngo',
    })
    assert.equal(second.statusCode, 422)
    const unknown = await client.post(`${url}/entries`, {
      email: 'nie.ma.takiej@example.pl',
      role: 'member',
      represents: 'ngo',
    })
    assert.match(unknown.body, /Nie ma aktywnego konta z tym adresem/)
    assert.match(unknown.body, /id="field-email-error"/)
  })

  test('two secretaries saving the justification from the same page: the second sees both texts and loses nothing', async () => {
    const { space, client } = await givenNetwork()
    const other = await signedIn(h.app, coordinator)
    const url = proposalUrl(await client.post(`/spaces/${space.id}/compositions`, {}))
    await client.get(url)
    await other.get(url)
    assert.equal(
      (await client.post(`${url}/note`, { note: 'Tekst pierwszej osoby', version: '1' })).statusCode,
      303,
    )
    const late = await other.post(`${url}/note`, { note: 'Tekst drugiej osoby', version: '1' })
    assert.equal(late.statusCode, 409)
    assert.match(late.body, /Tekst pierwszej osoby/)
    assert.match(late.body, /Tekst drugiej osoby/)
    assert.match(late.body, /name="version" value="2"/)
    assert.equal((await other.post(`${url}/note`, { note: 'Tekst wspólny', version: '2' })).statusCode, 303)
  })

  test('only one proposal is in the making per space; a new one starts from the composition in force', async () => {
    const space = await spaceNamed('KST ds. adaptacyjności')
    const client = await signedIn(h.app, secretary)
    const first = await client.post(`/spaces/${space.id}/compositions`, {})
    assert.equal(first.statusCode, 303)
    const entries = await db()
      .selectFrom('composition_entries')
      .innerJoin('composition_proposals as c', 'c.id', 'composition_entries.proposal_id')
      .select('c.id')
      .where('c.status', '=', 'draft')
      .where('c.space_id', '=', space.id)
      .execute()
    const current = await db()
      .selectFrom('space_memberships')
      .select('id')
      .where('space_id', '=', space.id)
      .where('ends_on', 'is', null)
      .where('proposal_id', 'is not', null)
      .execute()
    assert.equal(entries.length, current.length)
    const again = await client.post(`/spaces/${space.id}/compositions`, {})
    assert.equal(again.statusCode, 422)
    assert.match(again.body, /ma już propozycję składu/)
  })

  test('a change of a large composition shows who joins, whose seat changes and who leaves, the rest folded', async () => {
    const space = await spaceNamed('KST ds. dostępu do rynku pracy')
    const client = await signedIn(h.app, secretary)
    const url = proposalUrl(await client.post(`/spaces/${space.id}/compositions`, {}))
    const entries = await db()
      .selectFrom('composition_entries as e')
      .innerJoin('people as p', 'p.id', 'e.person_id')
      .select(['e.id', 'p.name', 'p.email', 'e.role'])
      .where('e.proposal_id', '=', url.split('/').at(-1)!)
      .execute()
    const [leaver, promoted] = entries
      .filter((e) => e.role === 'member')
      .sort((a, b) => a.name.localeCompare(b.name))
    await client.get(url)
    await client.post(`${url}/remove`, { entryId: leaver.id })
    await client.post(`${url}/remove`, { entryId: promoted.id })
    await client.post(`${url}/entries`, { email: promoted.email, role: 'observer', represents: 'ngo' })
    const newcomer = await givenPerson(db(), { name: 'Nowa Osoba' })
    await client.post(`${url}/entries`, { email: newcomer.email, role: 'member', represents: 'ngo' })
    const page = (await client.get(url)).body
    const folded = page.indexOf('<details class="govuk-details">')
    const changes = page.slice(page.indexOf('Zmiany w składzie'), folded)
    assert.match(changes, /Dochodzą do składu: 1/)
    assert.match(changes, /Nowa Osoba/)
    assert.match(changes, new RegExp(`${promoted.name}[\\s\\S]*rola: Członek → Obserwator`))
    assert.match(changes, new RegExp(`Odchodzą ze składu: 1[\\s\\S]*${leaver.name}`))
    const unchanged = entries.length - 2 - (changes.match(/zastępuje: /g)?.length ?? 0)
    assert.match(page.slice(folded), new RegExp(`Pozostają bez zmian: ${unchanged}`))
  })

  test('a new composition replaces the old one from its day; the old one stays readable with its decision', async () => {
    const space = await spaceNamed('KST ds. ekonomii społecznej')
    const client = await signedIn(h.app, 'czlonek@demo.siatka.test')
    const history = await client.get(`/spaces/${space.id}/compositions`)
    assert.equal((history.body.match(/Zatwierdzona/g) ?? []).length, 2)
    const [newer, older] = await db()
      .selectFrom('composition_proposals')
      .select(['id', 'decision_ref', 'effective_on'])
      .where('space_id', '=', space.id)
      .orderBy('number', 'desc')
      .execute()
    const old = await client.get(`/spaces/${space.id}/compositions/${older.id}`)
    assert.match(old.body, new RegExp(String(older.decision_ref)))
    // Those who left with the newer composition ended the day before it took effect.
    const ended = await db()
      .selectFrom('space_memberships')
      .select(['ends_on'])
      .where('proposal_id', '=', older.id)
      .execute()
    assert.ok(ended.length > 0 && ended.every((m) => m.ends_on === addDays(String(newer.effective_on), -1)))
  })

  test('a draft proposal is the secretariat’s until it is sent: members and the managing authority do not see it', async () => {
    const { space, client } = await givenNetwork()
    const member = await givenPerson(db(), { name: 'Dorota Sowińska' })
    await givenMember(db(), space.id, member.id)
    const url = proposalUrl(await client.post(`/spaces/${space.id}/compositions`, {}))
    const asMember = await signedIn(h.app, member.email)
    const authority = await signedIn(h.app, iz)
    assert.equal((await asMember.get(url)).statusCode, 404)
    assert.equal((await authority.get(url)).statusCode, 404)
    assert.doesNotMatch(
      (await asMember.get(`/spaces/${space.id}/compositions`)).body,
      /Propozycja składu nr 1/,
    )
    assert.doesNotMatch((await asMember.get(`/spaces/${space.id}`)).body, new RegExp(url))
    assert.equal((await client.get(url)).statusCode, 200, 'the secretary works on it')
    const chair = await givenPerson(db(), { name: 'Wiesław Kowalczyk' })
    await addChairAndMember(client, url, chair, member)
    assert.equal((await client.post(`${url}/submit`, {})).statusCode, 303)
    assert.equal((await asMember.get(url)).statusCode, 200, 'sent, it is the body’s to read')
    assert.equal((await authority.get(url)).statusCode, 200)
    assert.match((await asMember.get(`/spaces/${space.id}/compositions`)).body, /Propozycja składu nr 1/)
  })

  test('nobody but the managing authority decides, and only the secretariat drafts', async () => {
    const space = await spaceNamed('KST ds. równości szans kobiet i mężczyzn')
    const waiting = await db()
      .selectFrom('composition_proposals')
      .select('id')
      .where('space_id', '=', space.id)
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow()
    const url = `/spaces/${space.id}/compositions/${waiting.id}`
    const sec = await signedIn(h.app, secretary)
    await sec.get(url)
    assert.equal(
      (await sec.post(`${url}/approve`, { decisionRef: 'x', effectiveOn: today() })).statusCode,
      403,
    )
    const coord = await signedIn(h.app, coordinator)
    await coord.get(url)
    assert.equal((await coord.post(`${url}/return`, { comment: 'x' })).statusCode, 403)
    const authority = await signedIn(h.app, iz)
    await authority.get(url)
    assert.equal((await authority.post(`/spaces/${space.id}/compositions`, {})).statusCode, 403)
    const stranger = await signedIn(h.app, (await givenPerson(db())).email)
    assert.equal((await stranger.get(url)).statusCode, 404)
  })
})

describe('guests, rules, schedule and announcements', () => {
  test('an invited expert sees the space until the end day; the dates are checked', async () => {
    const { space, client } = await givenNetwork()
    const guest = await givenPerson(db(), { role: 'expert' })
    await client.get(`/spaces/${space.id}/members`)
    const backwards = await client.post(`/spaces/${space.id}/guests`, {
      email: guest.email,
      role: 'expert',
      startsOn: '2030-05-10',
      endsOn: '2030-05-01',
    })
    assert.equal(backwards.statusCode, 422)
    assert.match(backwards.body, /id="field-endsOn-error"/)
    assert.match(backwards.body, /value="2030-05-01"/)
    const notADate = await client.post(`/spaces/${space.id}/guests`, {
      email: guest.email,
      role: 'expert',
      startsOn: '2026-02-30',
      endsOn: '2026-13-01',
    })
    assert.match(notADate.body, /id="field-startsOn-error"/)
    const ok = await client.post(`/spaces/${space.id}/guests`, {
      email: guest.email,
      role: 'expert',
      startsOn: today(),
      endsOn: addDays(today(), 30),
    })
    assert.equal(ok.statusCode, 303)
    const again = await client.post(`/spaces/${space.id}/guests`, {
      email: guest.email,
      role: 'guest',
      startsOn: addDays(today(), 5),
      endsOn: addDays(today(), 90),
    })
    assert.equal(again.statusCode, 422, 'no second, overlapping seat')
    assert.match(again.body, /ma już miejsce w tym ciele/)
    const guestClient = await signedIn(h.app, guest.email)
    assert.equal((await guestClient.get(`/spaces/${space.id}`)).statusCode, 200)
    // The end day passes: access ends by itself.
    await db()
      .updateTable('space_memberships')
      .set({ ends_on: addDays(today(), -1) })
      .where('person_id', '=', guest.id)
      .execute()
    assert.equal((await guestClient.get(`/spaces/${space.id}`)).statusCode, 404)
  })

  test('an outside expert without an account is invited by name: the account is made and a link to set a password is mailed', async () => {
    const { space, client } = await givenNetwork()
    const email = uniqueEmail('ekspertka')
    await client.get(`/spaces/${space.id}/members`)
    const form = { email, role: 'expert', startsOn: today(), endsOn: addDays(today(), 60) }
    const nameless = await client.post(`/spaces/${space.id}/guests`, form)
    assert.equal(nameless.statusCode, 422)
    assert.match(nameless.body, /id="field-name-error"/)
    assert.match(nameless.body, new RegExp(`value="${email}"`))
    const invited = await client.post(`/spaces/${space.id}/guests`, { ...form, name: 'Ewa Zewnętrzna' })
    assert.equal(invited.statusCode, 303)
    const mail = await h.smtp.waitFor(email, /Zaproszenie do prac/)
    assert.match(mail.text, /Sabina Sekretarz zaprasza Cię do prac/)
    const link = /\/password-reset\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0]
    assert.ok(link, 'the mail holds a link to set a password')
    const guest = new Client(h.app)
    await guest.get(link)
    const set = await guest.post(link, {
      password: 'Zielona-Laka-Nad-Wisla-7',
      passwordConfirm: 'Zielona-Laka-Nad-Wisla-7',
    })
    assert.equal(set.statusCode, 303)
    const signedInGuest = await signedIn(h.app, email, 'Zielona-Laka-Nad-Wisla-7')
    assert.equal((await signedInGuest.get(`/spaces/${space.id}`)).statusCode, 200)
  })

  test('the rules of procedure are versioned: the new text is shown, the old one stays readable', async () => {
    const periods = { noticeDays: '14', materialsDays: '7', quorumPercent: '50' }
    const { space, sec, client } = await givenNetwork()
    await client.get(`/spaces/${space.id}/rules/new`)
    assert.equal(
      (
        await client.post(`/spaces/${space.id}/rules`, {
          body: '# Regulamin\n\nWersja pierwsza',
          effectiveOn: '2026-01-01',
          adoptedRef: '',
          ...periods,
        })
      ).statusCode,
      303,
    )
    await client.get(`/spaces/${space.id}/rules/new`)
    assert.equal(
      (
        await client.post(`/spaces/${space.id}/rules`, {
          body: 'Wersja **druga**',
          effectiveOn: '2026-06-01',
          adoptedRef: 'Uchwała nr 2/2026',
          noticeDays: '21',
          materialsDays: '10',
          quorumPercent: '60',
        })
      ).statusCode,
      303,
    )
    const page = await client.get(`/spaces/${space.id}/rules`)
    assert.match(page.body, /Wersja <strong>druga<\/strong>/)
    assert.match(page.body, /Uchwała nr 2\/2026/)
    assert.match(page.body, /Wersja pierwsza/)
    // The version in force sets the notice and materials periods and the quorum of meetings.
    assert.match(
      page.body,
      /co najmniej 21 dni wcześniej, materiały co najmniej 10 dni wcześniej; kworum: co najmniej 60% członków/,
    )
    // A meeting reads the version in force on its own (Warsaw) day.
    const rulesOn = async (day: string, number: number) => {
      const { id } = await givenMeeting(db(), { spaceId: space.id, by: sec.id, day, number })
      return rulesOf(await requireMeeting(pool(), space.id, id))
    }
    assert.deepEqual(await rulesOn('2026-06-01', 7), { noticeDays: 21, materialsDays: 10, quorumPercent: 60 })
    assert.deepEqual(await rulesOn('2026-05-29', 6), { noticeDays: 14, materialsDays: 7, quorumPercent: 50 })
    assert.deepEqual(await rulesOn('2026-02-02', 2), { noticeDays: 14, materialsDays: 7, quorumPercent: 50 })
    const empty = await client.post(`/spaces/${space.id}/rules`, { body: '', effectiveOn: '' })
    assert.equal(empty.statusCode, 422)
    const badNumbers = await client.post(`/spaces/${space.id}/rules`, {
      body: 'Tekst, który nie może zginąć',
      effectiveOn: '2026-08-01',
      noticeDays: 'dwa tygodnie',
      materialsDays: '-1',
      quorumPercent: '150',
    })
    assert.equal(badNumbers.statusCode, 422)
    assert.equal(badNumbers.body.match(/Wpisz liczbę całkowitą z dozwolonego zakresu/g)?.length, 6)
    assert.match(badNumbers.body, /Tekst, który nie może zginąć/)
    assert.match(badNumbers.body, /value="dwa tygodnie"/)
    // A version not yet adopted is adopted later, once, by a decision the secretariat records.
    await client.get(`/spaces/${space.id}/rules/new`)
    await client.post(`/spaces/${space.id}/rules`, {
      body: 'Wersja trzecia',
      effectiveOn: '2026-12-01',
      adoptedRef: '',
      ...periods,
    })
    const [newest] = await db()
      .selectFrom('space_rules')
      .select('id')
      .where('space_id', '=', space.id)
      .orderBy('version', 'desc')
      .execute()
    await client.get(`/spaces/${space.id}/rules`)
    assert.equal(
      (await client.post(`/spaces/${space.id}/rules/${newest.id}/adopt`, { adoptedRef: 'Uchwała nr 3/2026' }))
        .statusCode,
      303,
    )
    const twice = await client.post(`/spaces/${space.id}/rules/${newest.id}/adopt`, {
      adoptedRef: 'Uchwała nr 4/2026',
    })
    assert.equal(twice.statusCode, 422)
    assert.match(twice.body, /już oznaczona jako przyjęta/)
  })

  test('the schedule is a list and a month calendar; a task without a valid date is refused', async () => {
    const { space, client } = await givenNetwork()
    await client.get(`/spaces/${space.id}/schedule/new`)
    const bad = await client.post(`/spaces/${space.id}/schedule`, {
      task: 'Raport',
      responsible: 'Sekretariat',
      dueOn: 'jutro',
      status: 'planned',
    })
    assert.equal(bad.statusCode, 422)
    assert.match(bad.body, /value="Raport"/)
    assert.match(bad.body, /id="field-dueOn-error"/)
    assert.equal(
      (
        await client.post(`/spaces/${space.id}/schedule`, {
          task: 'Raport roczny',
          responsible: 'Sekretariat',
          dueOn: '2026-11-30',
          status: 'planned',
        })
      ).statusCode,
      303,
    )
    assert.match((await client.get(`/spaces/${space.id}/schedule`)).body, /Raport roczny/)
    const calendar = await client.get(`/spaces/${space.id}/schedule?view=calendar&month=2026-11`)
    assert.match(calendar.body, /listopad 2026/)
    assert.match(calendar.body, /Raport roczny/)
    assert.equal(
      (await client.get(`/spaces/${space.id}/schedule?view=calendar&month=2026-02`)).statusCode,
      200,
    )
  })

  test('an announcement reaches the members in their notification centre and by mail, as each prefers', async () => {
    const { space, client } = await givenNetwork()
    const [now, daily, none] = await Promise.all([givenPerson(db()), givenPerson(db()), givenPerson(db())])
    for (const p of [now, daily, none]) await givenMember(db(), space.id, p.id)
    for (const [p, delivery] of [
      [daily, 'daily'],
      [none, 'none'],
    ] as const) {
      const c = await signedIn(h.app, p.email)
      await c.get('/notifications/settings')
      assert.equal((await c.post('/notifications/settings', { delivery })).statusCode, 303)
    }
    await client.get(`/spaces/${space.id}/announcements`)
    const empty = await client.post(`/spaces/${space.id}/announcements`, { title: '', body: 'Treść' })
    assert.equal(empty.statusCode, 422)
    assert.match(empty.body, /Treść/)
    assert.equal(
      (
        await client.post(`/spaces/${space.id}/announcements`, {
          title: 'Zmiana sali',
          body: 'Posiedzenie w sali **B**.',
          isPinned: 'yes',
        })
      ).statusCode,
      303,
    )
    const mail = await h.smtp.waitFor(now.email, /Zmiana sali/)
    assert.match(mail.text, /Nowy komunikat/)

    const reader = await signedIn(h.app, daily.email)
    const home = await reader.get('/')
    assert.match(home.body, /nieprzeczytane: 1/)
    const centre = await reader.get('/notifications')
    assert.match(centre.body, /Zmiana sali/)
    assert.ok(
      !h.smtp.mails.some((m) => m.to === daily.email || m.to === none.email),
      'no mail at once for the digest and no-mail readers',
    )

    await sendDigests(pool(), h.config)
    const digest = await h.smtp.waitFor(daily.email, /podsumowanie/)
    assert.match(digest.text, /Zmiana sali/)
    await sendDigests(pool(), h.config)
    await new Promise((r) => setTimeout(r, 1500))
    assert.equal(
      h.smtp.mails.filter((m) => m.to === daily.email).length,
      1,
      'a notification goes in one digest only',
    )
    assert.ok(!h.smtp.mails.some((m) => m.to === none.email))

    const [first] = await db()
      .selectFrom('notifications')
      .select('id')
      .where('person_id', '=', daily.id)
      .execute()
    const open = await reader.get(`/notifications/${first.id}`)
    assert.equal(open.statusCode, 303)
    assert.match(String(open.headers.location), new RegExp(`/spaces/${space.id}/announcements`))
    assert.doesNotMatch((await reader.get('/')).body, /nieprzeczytane/)
    const someoneElse = await signedIn(h.app, now.email)
    assert.equal((await someoneElse.get(`/notifications/${first.id}`)).statusCode, 404)
  })

  test('an announcement written with HTML or script shows as text', async () => {
    const { space, client } = await givenNetwork()
    await client.get(`/spaces/${space.id}/announcements`)
    await client.post(`/spaces/${space.id}/announcements`, {
      title: '<b>Tytuł</b>',
      body: '<script>alert(1)</script> [x](javascript:alert(1))',
    })
    const page = await client.get(`/spaces/${space.id}/announcements`)
    assert.doesNotMatch(page.body, /<script>alert|<b>Tytuł|href="javascript/)
    assert.match(page.body, /&lt;b&gt;Tytuł/)
  })
})

describe('public pages and the member directory', () => {
  test('a public space shows what the secretariat chose; a private one does not exist for the public', async () => {
    const sec = await givenPerson(db(), { role: 'secretary' })
    const open = await givenSpace(db(), { secretaryId: sec.id, isPublic: true })
    const closed = await givenSpace(db(), { secretaryId: sec.id })
    const chair = await givenPerson(db(), { name: 'Przemysław Publiczny' })
    await givenMember(db(), open.id, chair.id, { role: 'chair' })
    const anonymous = new Client(h.app)
    const page = await anonymous.get(`/networks/${open.id}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Przemysław Publiczny/)
    assert.match((await anonymous.get('/networks')).body, new RegExp(open.name_pl))
    assert.equal((await anonymous.get(`/networks/${closed.id}`)).statusCode, 404)
    await db().updateTable('spaces').set({ public_chair: false }).where('id', '=', open.id).execute()
    assert.doesNotMatch((await new Client(h.app).get(`/networks/${open.id}`)).body, /Przemysław Publiczny/)
  })

  test('the directory lists who sits where, filters by space and organisation type, and exports CSV and XLSX', async () => {
    const client = await signedIn(h.app, coordinator)
    const space = await spaceNamed('KST ds. ekonomii społecznej')
    const page = await client.get(`/directory?space=${space.id}`)
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /Piotr Przewodniczący/)
    const other = await spaceNamed('KST ds. adaptacyjności')
    assert.doesNotMatch(page.body, new RegExp(`href="/spaces/${other.id}"`))
    const csv = await client.get(`/directory?space=${space.id}&format=csv`)
    assert.equal(csv.headers['content-type'], 'text/csv; charset=utf-8')
    assert.match(String(csv.headers['content-disposition']), /attachment; filename=/)
    assert.ok(csv.body.startsWith('\uFEFFOsoba;E-mail;Organizacja'))
    assert.match(csv.body, /Piotr Przewodniczący;przewodniczacy@demo.siatka.test;/)
    const xlsx = await client.get(`/directory?space=${space.id}&format=xlsx`)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const rows = book.worksheets[0].rowCount
    assert.equal(rows, csv.body.trim().split('\r\n').length)
    // With the past: the members of the earlier composition too, each with the decision they sat on.
    const all = await client.get(`/directory?space=${space.id}&period=all&format=csv`)
    assert.ok(all.body.split('\r\n').length > csv.body.split('\r\n').length)
    assert.match(all.body, /DZF-IV\.8540\.13\.\d{4}/)
    // Sorted by organisation, either way: members without one come where PostgreSQL puts nulls.
    const names = (body: string) =>
      [
        ...body.matchAll(
          /<td class="govuk-table__cell">([^<]*)<\/td><td class="govuk-table__cell"><a class="govuk-link" href="\/spaces\//g,
        ),
      ].map((m) => m[1])
    const ascending = names((await client.get(`/directory?space=${space.id}&sort=organisation&dir=asc`)).body)
    const descending = names(
      (await client.get(`/directory?space=${space.id}&sort=organisation&dir=desc`)).body,
    )
    assert.ok(ascending.length > 5)
    assert.ok(new Set(ascending).size > 3, 'several organisations')
    assert.notDeepEqual(ascending, [...ascending].reverse())
    assert.deepEqual(descending, [...ascending].reverse())
    const ngos = await client.get('/directory?organisationType=university')
    assert.match(ngos.body, /Edward Ekspert/)
    assert.doesNotMatch(ngos.body, /Celina Członkini/)
  })

  test('the directory and the managing authority’s queue are for their people only', async () => {
    const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
    assert.equal((await member.get('/directory')).statusCode, 403)
    assert.equal((await member.get('/authority')).statusCode, 403)
    const authority = await signedIn(h.app, iz)
    assert.match((await authority.get('/authority')).body, /KST ds. równości szans/)
  })
})

test('the directory’s export reads every seat once, in the order chosen, however small its pages', async () => {
  for (const sort of ['name', 'organisation', 'space', 'role'] as const)
    for (const dir of ['asc', 'desc'] as const) {
      const query = { period: 'all' as const, sort, dir }
      const whole = await listDirectory(pool(), query, today(), { number: 1, size: 100_000, offset: 0 })
      const paged: string[] = []
      for await (const rows of exportDirectory(pool(), query, today(), 7))
        paged.push(...rows.map((r) => r.id))
      assert.ok(whole.length > 20, 'several pages')
      assert.deepEqual(
        paged,
        whole.map((r) => r.id),
        `${sort} ${dir}`,
      )
    }
})

test('a space’s overview names its chair and secretary and links the change of composition still open', async () => {
  const { space, sec, client } = await givenNetwork()
  const before = await client.get(`/spaces/${space.id}`)
  assert.match(before.body, /Sabina Sekretarz/)
  assert.doesNotMatch(before.body, /\/compositions\/[0-9a-f-]{36}/)
  const chair = await givenPerson(db(), { name: 'Czesława Przewodnicząca' })
  await givenMember(db(), space.id, chair.id, { role: 'chair' })
  const proposal = await db()
    .insertInto('composition_proposals')
    .values({
      space_id: space.id,
      number: 1,
      status: 'draft',
      note: '',
      drafted_by: sec.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const after = await client.get(`/spaces/${space.id}`)
  assert.match(after.body, /Czesława Przewodnicząca/)
  assert.match(after.body, new RegExp(`href="/spaces/${space.id}/compositions/${proposal.id}"`))
})
