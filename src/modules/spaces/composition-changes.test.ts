// A change of composition (issue 11, defect 9): only those whose seat begins, changes or ends are
// told, each what it means for them; the managing authority reads the changes first and the
// unchanged composition folded below; the members page shows a composition approved to begin later.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { type Client, signedIn } from '../../../test/support/client.ts'
import { givenPerson, givenSpace } from '../../../test/support/given.ts'
import { expectUniqueIds } from '../../../test/support/html.ts'
import { addDays, safeDay, today } from '../../kernel/dates.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const iz = 'iz@demo.siatka.test'

type Person = Awaited<ReturnType<typeof givenPerson>>

/** Adds a person to a proposal through its form, as the secretary does. */
async function add(client: Client, url: string, person: Person, role: string, deputyFor = '') {
  const res = await client.post(`${url}/entries`, { email: person.email, role, represents: 'ngo', deputyFor })
  assert.equal(res.statusCode, 303, `adding ${person.name} as ${role}`)
}

const approve = async (authority: Client, url: string, decisionRef: string, effectiveOn: string) => {
  await authority.get(url)
  const res = await authority.post(`${url}/approve`, { decisionRef, effectiveOn })
  assert.equal(res.statusCode, 303)
}

/**
 * A body with an approved composition (a chair, three members and a deputy for one of them), and a
 * second proposal sent to the managing authority that changes it: one member leaves, one becomes
 * vice-chair, one person joins; the chair, a member and the deputy stay as they were.
 */
async function givenCompositionChange() {
  const sec = await givenPerson(db(), { role: 'secretary', name: 'Sabina Sekretarz' })
  const space = await givenSpace(db(), { secretaryId: sec.id })
  const client = await signedIn(h.app, sec.email)
  const authority = await signedIn(h.app, iz)
  const [chair, stays, promoted, leaves, deputy, newcomer] = await Promise.all([
    givenPerson(db(), { name: 'Halina Wrona' }),
    givenPerson(db(), { name: 'Tomasz Kos' }),
    givenPerson(db(), { name: 'Ewa Sikora', lang: 'en' }),
    givenPerson(db(), { name: 'Piotr Lis' }),
    givenPerson(db(), { name: 'Anna Mazur' }),
    givenPerson(db(), { name: 'Jan Bielecki' }),
  ])

  const first = String((await client.post(`/spaces/${space.id}/compositions`, {})).headers.location)
  await client.get(first)
  await add(client, first, chair, 'chair')
  for (const member of [stays, promoted, leaves]) await add(client, first, member, 'member')
  await add(client, first, deputy, 'deputy', stays.id)
  assert.equal((await client.post(`${first}/submit`, {})).statusCode, 303)
  await approve(authority, first, 'DZF-IV.8540.1.2026', today())

  const url = String((await client.post(`/spaces/${space.id}/compositions`, {})).headers.location)
  await client.get(url)
  const entries = await db()
    .selectFrom('composition_entries')
    .select(['id', 'person_id'])
    .where('proposal_id', '=', url.split('/').at(-1)!)
    .execute()
  const entryOf = (p: Person) => entries.find((e) => e.person_id === p.id)!.id
  for (const p of [leaves, promoted])
    assert.equal((await client.post(`${url}/remove`, { entryId: entryOf(p) })).statusCode, 303)
  await add(client, url, promoted, 'vice_chair')
  await add(client, url, newcomer, 'member')
  assert.equal((await client.post(`${url}/submit`, {})).statusCode, 303)
  return { space, sec, client, authority, url, chair, stays, promoted, leaves, deputy, newcomer }
}

const noticesOf = (personId: string) =>
  db()
    .selectFrom('notifications')
    .select(['kind', 'params', 'link'])
    .where('person_id', '=', personId)
    .where('kind', 'in', ['appointed', 'seatChanged', 'seatEnded'])
    .orderBy('created_at')
    .execute()

test('approving a change tells only those whose seat begins, changes or ends, each what changes for them', async () => {
  const c = await givenCompositionChange()
  const from = addDays(today(), 14)
  await approve(c.authority, c.url, 'DZF-IV.8540.2.2026', from)

  for (const p of [c.chair, c.stays, c.deputy])
    assert.deepEqual(
      (await noticesOf(p.id)).map((n) => n.kind),
      ['appointed'],
      `${p.name}, whose seat stays as it was, heard only of the first appointment`,
    )
  assert.deepEqual(
    (await noticesOf(c.newcomer.id)).map((n) => n.kind),
    ['appointed'],
  )
  const joined = await h.smtp.waitFor(c.newcomer.email, /Powołanie do składu/)
  assert.match(joined.subject, new RegExp(`rola: Członek, od ${safeDay(from, 'pl')}`))

  assert.deepEqual(
    (await noticesOf(c.promoted.id)).map((n) => n.kind),
    ['appointed', 'seatChanged'],
  )
  const changed = await h.smtp.waitFor(c.promoted.email, /Your seat in/)
  assert.match(changed.subject, new RegExp(`changes from ${safeDay(from, 'en')}: role: Member → Vice-chair`))
  assert.match(changed.text, /role: Member → Vice-chair/)

  assert.deepEqual(
    (await noticesOf(c.leaves.id)).map((n) => n.kind),
    ['appointed', 'seatEnded'],
  )
  const ended = await h.smtp.waitFor(c.leaves.email, /Koniec udziału w składzie/)
  assert.match(ended.subject, new RegExp(`rola: Członek, ostatni dzień: ${safeDay(addDays(from, -1), 'pl')}`))
  // Their last day is still to come, so the space is still theirs to open.
  assert.equal((await noticesOf(c.leaves.id))[1].link, `/spaces/${c.space.id}`)
})

test('a deputy whose member leaves is told whom they now stand in for', async () => {
  const c = await givenCompositionChange()
  // Send the proposal back and take the member the deputy stands in for out of it too.
  await c.authority.get(c.url)
  await c.authority.post(`${c.url}/return`, { comment: 'Proszę usunąć także pana Kosa.' })
  await c.client.get(c.url)
  const entry = await db()
    .selectFrom('composition_entries')
    .select('id')
    .where('proposal_id', '=', c.url.split('/').at(-1)!)
    .where('person_id', '=', c.stays.id)
    .executeTakeFirstOrThrow()
  assert.equal((await c.client.post(`${c.url}/remove`, { entryId: entry.id })).statusCode, 303)
  assert.equal((await c.client.post(`${c.url}/submit`, {})).statusCode, 303)
  await approve(c.authority, c.url, 'DZF-IV.8540.3.2026', today())
  const [, notice] = await noticesOf(c.deputy.id)
  assert.equal(notice.kind, 'seatChanged')
  const mail = await h.smtp.waitFor(c.deputy.email, /Zmiana Twojego miejsca w składzie/)
  assert.match(mail.subject, /zastępuje: Tomasz Kos → \(dowolnego członka\)/)
  // Their seat ended yesterday: the link leads to their spaces, not to a space they can no longer open.
  const ended = await noticesOf(c.stays.id)
  assert.equal(ended.at(-1)?.kind, 'seatEnded')
  assert.equal(ended.at(-1)?.link, '/spaces')
})

test('the managing authority reads the changes first and the unchanged composition folded below', async () => {
  const c = await givenCompositionChange()
  for (const [who, client] of [
    ['managing authority', c.authority],
    ['secretary', c.client],
  ] as const) {
    const page = await client.get(c.url)
    assert.equal(page.statusCode, 200)
    const html = page.body
    expectUniqueIds(html, `the proposal as the ${who} sees it`)
    const changes = html.indexOf('Zmiany w składzie')
    const folded = html.indexOf('<details class="govuk-details">')
    assert.ok(changes > 0 && folded > changes, 'the changes come first, the unchanged composition after')
    const before = html.slice(changes, folded)
    const inside = html.slice(folded, html.indexOf('</details>', folded))
    assert.match(before, /Dochodzą do składu: 1/)
    assert.match(before, /Jan Bielecki/)
    assert.match(before, /Zmiana miejsca w składzie: 1/)
    assert.match(before, /Ewa Sikora/)
    assert.match(before, /rola: Członek → Wiceprzewodniczący\(‑a\)/)
    assert.match(before, /Odchodzą ze składu: 1/)
    assert.match(before, /Piotr Lis/)
    assert.match(inside, /Pozostają bez zmian: 3/)
    for (const name of ['Halina Wrona', 'Tomasz Kos', 'Anna Mazur']) {
      assert.match(inside, new RegExp(name), `${name} is in the folded composition`)
      assert.doesNotMatch(before, new RegExp(name), `${name} is not among the changes`)
    }
    // Every table has its caption and its own scrolling box, so the page never scrolls sideways.
    const tables = html.match(/<table\b/g)?.length ?? 0
    assert.equal(tables, 4)
    assert.equal(html.match(/class="siatka-table-scroll"/g)?.length, tables)
    assert.equal(html.match(/<caption\b/g)?.length, tables)
  }
  // The secretary can still take anyone out: one button per proposed person, in whichever table.
  const returned = await c.authority.post(`${c.url}/return`, { comment: 'Proszę uzupełnić uzasadnienie.' })
  assert.equal(returned.statusCode, 303)
  const editing = await c.client.get(c.url)
  expectUniqueIds(editing.body, 'the returned proposal as the secretary edits it')
  assert.equal(editing.body.match(/aria-label="Usuń z propozycji: /g)?.length, 5)
})

test('the members page shows a composition approved to begin later beside the terms it ends', async () => {
  const c = await givenCompositionChange()
  const from = addDays(today(), 14)
  await approve(c.authority, c.url, 'DZF-IV.8540.4.2026', from)
  const member = await signedIn(h.app, c.stays.email)
  const page = await member.get(`/spaces/${c.space.id}/members`)
  assert.equal(page.statusCode, 200)
  expectUniqueIds(page.body, 'the members page')
  const lastDay = safeDay(addDays(from, -1), 'pl')
  assert.match(page.body, new RegExp(`– ${lastDay}`), 'the current terms end the day before')
  const heading = `Skład od ${safeDay(from, 'pl')}`
  const upcoming = page.body.indexOf(`<h3 class="govuk-heading-m">${heading}</h3>`)
  assert.ok(upcoming > 0, 'the new composition is shown under its own heading')
  const section = page.body.slice(upcoming)
  assert.match(section, /DZF-IV.8540.4.2026/)
  assert.match(section, new RegExp(`Dotychczasowy skład obowiązuje do ${lastDay} włącznie`))
  for (const name of ['Jan Bielecki', 'Ewa Sikora', 'Halina Wrona']) assert.match(section, new RegExp(name))
  assert.doesNotMatch(section, /Piotr Lis/, 'who leaves is not in the new composition')
  assert.match(section, /Wiceprzewodniczący/)
  assert.match(section, new RegExp(`<caption[^>]*>${heading}</caption>`))

  await member.get(`/preferences?lang=en&back=/`)
  const english = await member.get(`/spaces/${c.space.id}/members`)
  assert.match(english.body, new RegExp(`Composition from ${safeDay(from, 'en')}`))
})
