// A deputy linked to the member they stand in for: set in the proposal, carried into the
// membership and into the next proposal, shown in the members list.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { signedIn } from '../../../test/support/client.ts'
import { givenPerson, givenSpace } from '../../../test/support/given.ts'
import { today } from '../../kernel/dates.ts'
import { compositionProblem } from './rules.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

test('a deputy names the member they stand in for; the link survives approval and the next proposal', async () => {
  const sec = await givenPerson(db(), { role: 'secretary' })
  const space = await givenSpace(db(), { secretaryId: sec.id })
  const client = await signedIn(h.app, sec.email)
  const chair = await givenPerson(db(), { name: 'Celina Przewodnicząca' })
  const member = await givenPerson(db(), { name: 'Marek Członkowski' })
  const deputy = await givenPerson(db(), { name: 'Zofia Zastępczyni' })
  const observer = await givenPerson(db(), { name: 'Olga Obserwatorka' })
  const stray = await givenPerson(db(), { name: 'Zbigniew Zbłąkany' })

  const url = String((await client.post(`/spaces/${space.id}/compositions`, {})).headers.location)
  const page = await client.get(url)
  assert.match(page.body, /id="field-deputyFor"/, 'the entry form asks whom a deputy stands in for')
  const add = (email: string, role: string, deputyFor = '') =>
    client.post(`${url}/entries`, { email, role, represents: 'ngo', deputyFor })
  assert.equal((await add(chair.email, 'chair')).statusCode, 303)
  assert.equal((await add(member.email, 'member')).statusCode, 303)
  assert.equal((await add(observer.email, 'observer')).statusCode, 303)

  // Standing in for someone outside the proposal, or for an observer (no vote), is refused beside the field.
  const outside = await add(deputy.email, 'deputy', stray.id)
  assert.equal(outside.statusCode, 422)
  assert.match(outside.body, /id="field-deputyFor-error"/)
  assert.match(outside.body, /Zastępca może zastępować tylko członka z tej propozycji/)
  assert.match(outside.body, new RegExp(`value="${deputy.email}"`), 'what was typed stays')
  assert.equal((await add(deputy.email, 'deputy', observer.id)).statusCode, 422)

  assert.equal((await add(deputy.email, 'deputy', member.id)).statusCode, 303)
  const entry = await db()
    .selectFrom('composition_entries')
    .select('deputy_for')
    .where('person_id', '=', deputy.id)
    .executeTakeFirstOrThrow()
  assert.equal(entry.deputy_for, member.id)
  assert.match((await client.get(url)).body, /zastępca: Marek Członkowski/)

  await client.post(`${url}/submit`, {})
  const authority = await signedIn(h.app, 'iz@demo.siatka.test')
  await authority.get(url)
  const approved = await authority.post(`${url}/approve`, { decisionRef: 'DZ.1.2026', effectiveOn: today() })
  assert.equal(approved.statusCode, 303)
  const seat = await db()
    .selectFrom('space_memberships')
    .select('deputy_for')
    .where('space_id', '=', space.id)
    .where('person_id', '=', deputy.id)
    .executeTakeFirstOrThrow()
  assert.equal(seat.deputy_for, member.id, 'the membership keeps the link')
  const members = await client.get(`/spaces/${space.id}/members`)
  assert.match(members.body, /zastępca: Marek Członkowski/)

  // The next proposal starts as a copy of the composition in force, links included; removing the
  // member leaves their deputy standing in for no one in particular.
  const next = String((await client.post(`/spaces/${space.id}/compositions`, {})).headers.location)
  const nextId = next.split('/').at(-1)!
  const copied = await db()
    .selectFrom('composition_entries')
    .select(['id', 'person_id', 'deputy_for'])
    .where('proposal_id', '=', nextId)
    .execute()
  assert.equal(copied.find((e) => e.person_id === deputy.id)?.deputy_for, member.id)
  await client.get(next)
  const memberEntry = copied.find((e) => e.person_id === member.id)!
  assert.equal((await client.post(`${next}/remove`, { entryId: memberEntry.id })).statusCode, 303)
  const after = await db()
    .selectFrom('composition_entries')
    .select('deputy_for')
    .where('proposal_id', '=', nextId)
    .where('person_id', '=', deputy.id)
    .executeTakeFirstOrThrow()
  assert.equal(after.deputy_for, null)
})

test('a composition whose deputy stands in for someone without a vote in it is not sent', () => {
  const base = [
    { personId: 'c', role: 'chair' as const },
    { personId: 'm', role: 'member' as const },
  ]
  assert.equal(compositionProblem([...base, { personId: 'd', role: 'deputy', deputyFor: 'm' }]), null)
  assert.equal(compositionProblem([...base, { personId: 'd', role: 'deputy', deputyFor: null }]), null)
  assert.equal(
    compositionProblem([...base, { personId: 'd', role: 'deputy', deputyFor: 'x' }]),
    'spaces.composition.errors.deputyFor',
  )
  assert.equal(
    compositionProblem([...base, { personId: 'e', role: 'expert', deputyFor: 'm' }]),
    'spaces.composition.errors.deputyForRole',
  )
})
