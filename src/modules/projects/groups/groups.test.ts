// Groups of partnerships and steering committees: the secretariat groups projects on a common theme
// under a coordinator, and the group's space seats the coordinator in the chair and the projects'
// staff as members, following every change; a project names the steering committee it answers to.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { signedIn } from '../../../../test/support/client.ts'
import { givenPerson, personIdOf, projectIdOf } from '../../../../test/support/given.ts'
import { plain } from '../../../../test/support/html.ts'
import { today } from '../../../kernel/dates.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const projectId = (acronym: string) => projectIdOf(db(), acronym)
const personId = (email: string) => personIdOf(db(), email)
const themeId = async (code: string) =>
  (await db().selectFrom('project_themes').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

/** Who sits in a space today, and in which role, by e-mail. */
async function seatsToday(spaceId: string) {
  const rows = await db()
    .selectFrom('space_memberships as m')
    .innerJoin('people as pe', 'pe.id', 'm.person_id')
    .select(['pe.email', 'm.role'])
    .where('m.space_id', '=', spaceId)
    .where('m.starts_on', '<=', today())
    .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', today())]))
    .orderBy('pe.email')
    .execute()
  return rows.map((r) => `${r.email} ${r.role}`)
}

test('the demo’s group seats its coordinator in the chair and its projects’ staff; the FERS project names its steering committee', async () => {
  const group = await db()
    .selectFrom('project_groups')
    .select(['id', 'space_id'])
    .where('name_pl', 'like', 'Partnerstwo ekonomii społecznej%')
    .executeTakeFirstOrThrow()
  assert.deepEqual(await seatsToday(group.space_id), [
    'koordynator@demo.siatka.test chair',
    'projekt@demo.siatka.test member',
  ])
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const list = plain((await staff.get('/projects/groups')).body)
  assert.match(list, /Partnerstwo ekonomii społecznej – wymiana doświadczeń/)
  // The staff read the group, open its space as members, and find the group on their project's page.
  const page = plain((await staff.get(`/projects/groups/${group.id}`)).body)
  assert.match(page, /Spójna integracja regionalna ekonomii społecznej \(SIRES\)/)
  assert.doesNotMatch(page, /Utwórz grupę|Dodaj projekt do grupy/)
  assert.equal((await staff.get(`/spaces/${group.space_id}`)).statusCode, 200)
  const pswps = plain((await staff.get(`/projects/${await projectId('PSWPS')}`)).body)
  assert.match(pswps, /Komitet sterujący[\s\S]*?Komitet Sterujący projektu „Ponadnarodowa sieć wsparcia/)
  assert.match(pswps, new RegExp(`href="/projects/groups/${group.id}"`))
})

test('the secretariat creates a group; a missing name or coordinator is refused beside its field, typed values kept', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const theme = await themeId('labour-market')
  const refused = await coordinator.post('/projects/groups', {
    namePl: '',
    nameEn: '',
    themeId: theme,
    coordinatorId: '',
    description: 'Wspólne standardy pracy z osobami długotrwale bezrobotnymi',
  })
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /id="field-group-namePl-error"/)
  assert.match(refused.body, /id="field-group-coordinatorId-error"/)
  assert.match(refused.body, /Wspólne standardy pracy z osobami długotrwale bezrobotnymi<\/textarea>/)

  // A member cannot coordinate: only the secretariat or someone of a project's staff.
  const member = await givenPerson(db(), { role: 'member', name: 'Roman Kaczmarek' })
  const notCoordinator = await coordinator.post('/projects/groups', {
    namePl: 'Partnerstwa rynku pracy',
    themeId: theme,
    coordinatorId: member.id,
  })
  assert.equal(notCoordinator.statusCode, 422)
  assert.match(plain(notCoordinator.body), /Wybierz aktywną osobę z sekretariatu albo z zespołu projektu/)

  const created = await coordinator.post('/projects/groups', {
    namePl: 'Partnerstwa rynku pracy',
    nameEn: 'Labour market partnerships',
    themeId: theme,
    coordinatorId: await personId('projekt@demo.siatka.test'),
    description: '',
  })
  assert.equal(created.statusCode, 303)
  const group = await db()
    .selectFrom('project_groups')
    .selectAll()
    .where('name_pl', '=', 'Partnerstwa rynku pracy')
    .executeTakeFirstOrThrow()
  assert.equal(created.headers.location, `/projects/groups/${group.id}`)
  const space = await db()
    .selectFrom('spaces')
    .selectAll()
    .where('id', '=', group.space_id)
    .executeTakeFirstOrThrow()
  assert.equal(space.type, 'partnership_group')
  assert.equal(space.name_en, 'Labour market partnerships')
  assert.equal(space.is_public, false)
  assert.deepEqual(await seatsToday(group.space_id), ['projekt@demo.siatka.test chair'])
})

test('a project added to a group seats its staff in the group’s space and its history says so; taken out, they leave', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  await coordinator.post('/projects/groups', {
    namePl: 'Grupa modeli współpracy',
    themeId: await themeId('innovation'),
    coordinatorId: await personId('koordynator@demo.siatka.test'),
  })
  const group = await db()
    .selectFrom('project_groups')
    .select(['id', 'space_id'])
    .where('name_pl', '=', 'Grupa modeli współpracy')
    .executeTakeFirstOrThrow()
  const pswps = await projectId('PSWPS')
  // Offered: projects on the group's theme (the FERS project is filed under innovation).
  const page = plain((await coordinator.get(`/projects/groups/${group.id}`)).body)
  assert.match(
    page,
    new RegExp(
      `<option value="${pswps}">Ponadnarodowa sieć wsparcia przedsiębiorstw społecznych \\(PSWPS\\)`,
    ),
  )

  const added = await coordinator.post(`/projects/groups/${group.id}/projects`, { projectId: pswps })
  assert.equal(added.statusCode, 303)
  assert.deepEqual(await seatsToday(group.space_id), [
    'koordynator@demo.siatka.test chair',
    'projekt@demo.siatka.test member',
  ])
  const twice = await coordinator.post(`/projects/groups/${group.id}/projects`, { projectId: pswps })
  assert.equal(twice.statusCode, 422)
  assert.match(plain(twice.body), /id="field-project-projectId-error"[\s\S]*?Ten projekt już należy do grupy/)
  const history = plain((await coordinator.get(`/projects/${pswps}/history`)).body)
  assert.match(history, /Grupy partnerstw[\s\S]*?Grupa modeli współpracy/)

  // A person handed the project joins the group's space; taken off, they leave it.
  const newcomer = await givenPerson(db(), { role: 'project_staff', name: 'Iwona Nowicka' })
  await coordinator.post(`/projects/${pswps}/staff`, { personId: newcomer.id })
  assert.ok((await seatsToday(group.space_id)).includes(`${newcomer.email} member`))
  await coordinator.post(`/projects/${pswps}/staff/remove`, { rowId: newcomer.id })
  assert.ok(!(await seatsToday(group.space_id)).includes(`${newcomer.email} member`))

  // A seat the secretariat gave by hand (a vice-chair) is not the group's to settle: it stays.
  const guest = await givenPerson(db(), { role: 'member', name: 'Barbara Kowalczyk' })
  await db()
    .insertInto('space_memberships')
    .values({
      space_id: group.space_id,
      person_id: guest.id,
      role: 'vice_chair',
      represents: 'ngo',
      organisation_id: null,
      starts_on: '2026-01-05',
      ends_on: null,
      proposal_id: null,
      added_by: await personId('koordynator@demo.siatka.test'),
    })
    .execute()
  const removed = await coordinator.post(`/projects/groups/${group.id}/projects/remove`, { rowId: pswps })
  assert.equal(removed.statusCode, 303)
  assert.deepEqual(
    (await seatsToday(group.space_id)).sort(),
    ['koordynator@demo.siatka.test chair', `${guest.email} vice_chair`].sort(),
  )
  // The seats that began today and ended today leave no trace; the staff's other group keeps them.
  const demoGroup = await db()
    .selectFrom('project_groups')
    .select('space_id')
    .where('name_pl', 'like', 'Partnerstwo ekonomii społecznej%')
    .executeTakeFirstOrThrow()
  assert.ok((await seatsToday(demoGroup.space_id)).includes('projekt@demo.siatka.test member'))
})

test('who reads and who changes groups: written by hand', async () => {
  const group = await db()
    .selectFrom('project_groups')
    .select('id')
    .where('name_pl', 'like', 'Partnerstwo ekonomii społecznej%')
    .executeTakeFirstOrThrow()
  const form = {
    namePl: 'Nowa nazwa',
    themeId: await themeId('social-economy'),
    coordinatorId: await personId('koordynator@demo.siatka.test'),
  }
  // The managing authority reads every group, changes none.
  const authority = await signedIn(h.app, 'iz@demo.siatka.test')
  assert.equal((await authority.get(`/projects/groups/${group.id}`)).statusCode, 200)
  assert.equal((await authority.post(`/projects/groups/${group.id}`, form)).statusCode, 403)
  assert.equal((await authority.post('/projects/groups', form)).statusCode, 403)
  // Staff read their projects' groups only.
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  assert.equal(
    (await staff.post(`/projects/groups/${group.id}/projects/remove`, { rowId: await projectId('SIRES') }))
      .statusCode,
    403,
  )
  const newcomer = await givenPerson(db(), { role: 'project_staff', name: 'Marta Wróblewska' })
  const outsider = await signedIn(h.app, newcomer.email)
  assert.equal((await outsider.get(`/projects/groups/${group.id}`)).statusCode, 404)
  assert.match(
    plain((await outsider.get('/projects/groups')).body),
    /Żaden z Twoich projektów nie należy do grupy partnerstw/,
  )
  // A network member has no project pages at all.
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  assert.equal((await member.get('/projects/groups')).statusCode, 403)
  // The secretariat renames the group; its space follows.
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  assert.equal((await coordinator.post(`/projects/groups/${group.id}`, form)).statusCode, 303)
  const space = await db()
    .selectFrom('project_groups as g')
    .innerJoin('spaces as s', 's.id', 'g.space_id')
    .select(['s.name_pl', 's.name_en'])
    .where('g.id', '=', group.id)
    .executeTakeFirstOrThrow()
  assert.deepEqual(space, { name_pl: 'Nowa nazwa', name_en: 'Nowa nazwa' })
})

test('the secretariat names a project’s steering committee from the spaces of that type; another space is refused beside the field', async () => {
  const sires = await projectId('SIRES')
  // The project's staff do not choose it: the committees are the secretariat's, some private.
  const own = await signedIn(h.app, 'projekt@demo.siatka.test')
  assert.doesNotMatch((await own.get(`/projects/${sires}/parts`)).body, /Komitet sterujący projektu/)
  const staff = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const committee = await db()
    .selectFrom('spaces')
    .select('id')
    .where('type', '=', 'steering_committee')
    .executeTakeFirstOrThrow()
  const network = await db()
    .selectFrom('spaces')
    .select('id')
    .where('type', '=', 'thematic_network')
    .executeTakeFirstOrThrow()
  const wrong = await staff.post(`/projects/${sires}/steering`, { spaceId: network.id })
  assert.equal(wrong.statusCode, 422)
  assert.match(wrong.body, /id="field-steering-spaceId-error"/)
  const saved = await staff.post(`/projects/${sires}/steering`, { spaceId: committee.id })
  assert.equal(saved.statusCode, 303)
  const page = plain((await staff.get(`/projects/${sires}`)).body)
  assert.match(page, new RegExp(`href="/spaces/${committee.id}"`))
  assert.match(plain((await staff.get(`/projects/${sires}/history`)).body), /Komitet sterujący/)
  // None again.
  assert.equal((await staff.post(`/projects/${sires}/steering`, { spaceId: '' })).statusCode, 303)
  assert.match(
    plain((await staff.get(`/projects/${sires}`)).body),
    /Projekt nie ma wskazanego komitetu sterującego/,
  )
})
