// Whatever a person (or a robot) types into any form or address, Siatka never answers 500
// and never echoes markup back unescaped.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import fc from 'fast-check'
import { startTestApp, type TestApp } from '../../test/support/app.ts'
import { Client as Anonymous, type Client, signedIn } from '../../test/support/client.ts'
import { givenMaterialWithFile, givenPerson, linkFrom, uniqueEmail } from '../../test/support/given.ts'
import { newToken } from './tokens.ts'

let h: TestApp
let coordinator: Client
before(async () => {
  h = await startTestApp()
  coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
})
after(() => h.close())

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    "'; drop table people; --",
    '%00',
    'Ala\u0000ma kota',
    'ą'.repeat(400),
    '../../etc/passwd',
    '{{constructor}}',
    '00000000-0000-4000-8000-000000000000',
    ' ',
  ),
)

const runs = { numRuns: 25 }

function assertSafe(res: { statusCode: number; body: string }, what: string) {
  assert.ok(res.statusCode < 500, `${what} answered ${res.statusCode}`)
  // Inside a quoted attribute "<" is inert; only a quote could break out, and quotes are escaped.
  const outsideAttributes = res.body.replace(/="[^"]*"/g, '=""')
  assert.doesNotMatch(outsideAttributes, /<script>alert|<img src=x/, `${what} echoed markup unescaped`)
}

async function hammer(client: Client, url: string, fields: string[]) {
  await fc.assert(
    fc.asyncProperty(fc.tuple(...fields.map(() => nasty)), async (values) => {
      const form = Object.fromEntries(fields.map((f, i) => [f, values[i]]))
      assertSafe(await client.post(url, form), `POST ${url}`)
    }),
    runs,
  )
}

test('hostile input into the sign-in and password-reset forms', async () => {
  const anonymous = new Anonymous(h.app)
  await hammer(anonymous, '/sign-in', ['email', 'password', 'next'])
  await hammer(anonymous, '/password-reset', ['email'])
})

test('hostile input into the profile form', async () => {
  const person = await givenPerson(h.database.db)
  await hammer(await signedIn(h.app, person.email), '/profile', [
    'name',
    'organisationId',
    'position',
    'phone',
    'lang',
  ])
})

test('hostile input into the invitation and role forms', async () => {
  await hammer(coordinator, '/people/invite', ['email', 'role', 'organisationId'])
  const person = await givenPerson(h.database.db)
  await hammer(coordinator, `/people/${person.id}/role`, ['role'])
})

test('hostile input into the organisation form', async () => {
  await hammer(coordinator, '/organisations/new', [
    'name',
    'type',
    'country',
    'nip',
    'regon',
    'address',
    'website',
  ])
})

test('hostile input into accepting an invitation and setting a new password', async () => {
  const email = uniqueEmail('wrogie')
  await coordinator.post('/people/invite', { email, role: 'member', organisationId: '' })
  const invitation = linkFrom((await h.smtp.waitFor(email)).text)
  const visitor = new Anonymous(h.app)
  await visitor.get(invitation)
  await hammer(visitor, invitation, ['name', 'password', 'passwordConfirm'])
  const person = await givenPerson(h.database.db)
  await visitor.post('/password-reset', { email: person.email })
  const reset = linkFrom((await h.smtp.waitFor(person.email)).text)
  await hammer(visitor, reset, ['password', 'passwordConfirm'])
})

test('hostile input into the forms of networks and bodies', async () => {
  const space = await h.database.db
    .selectFrom('spaces')
    .select('id')
    .where('name_pl', '=', 'KST ds. adaptacyjności')
    .executeTakeFirstOrThrow()
  await coordinator.get('/spaces/new')
  await hammer(coordinator, '/spaces/new', [
    'namePl',
    'nameEn',
    'type',
    'status',
    'themePl',
    'secretaryId',
    'isPublic',
  ])
  await hammer(coordinator, `/spaces/${space.id}/guests`, ['email', 'name', 'role', 'startsOn', 'endsOn'])
  await hammer(coordinator, `/spaces/${space.id}/schedule`, ['task', 'responsible', 'dueOn', 'status'])
  await hammer(coordinator, `/spaces/${space.id}/announcements`, ['title', 'body', 'isPinned'])
  await hammer(coordinator, `/spaces/${space.id}/rules`, [
    'body',
    'effectiveOn',
    'adoptedRef',
    'noticeDays',
    'materialsDays',
    'quorumPercent',
  ])
  const proposal = await coordinator.post(`/spaces/${space.id}/compositions`, {})
  const url = String(proposal.headers.location)
  await coordinator.get(url)
  await hammer(coordinator, `${url}/entries`, [
    'email',
    'role',
    'represents',
    'organisationId',
    'justification',
    'deputyFor',
  ])
  await hammer(coordinator, `${url}/note`, ['note', 'version'])
  await hammer(coordinator, `${url}/remove`, ['entryId'])
  await hammer(coordinator, '/notifications/settings', ['delivery'])
  await coordinator.get(`/spaces/${space.id}/meetings/new`)
  await hammer(coordinator, `/spaces/${space.id}/meetings/new`, [
    'kind',
    'day',
    'startTime',
    'endTime',
    'place',
    'onlineUrl',
    'confirmBy',
  ])
  // A meeting to change, tell of and cancel (a valid change or notice may go through; none may break).
  const meeting = await h.database.db
    .insertInto('meetings')
    .values({
      space_id: space.id,
      kind: 'meeting',
      year: 2099,
      number: 90,
      subject: '',
      starts_at: new Date('2099-05-10T08:00:00Z'),
      ends_at: new Date('2099-05-10T12:00:00Z'),
      place: 'Warszawa',
      online_url: '',
      confirm_by: new Date('2099-05-01T21:59:00Z'),
      created_by: (await h.database.db.selectFrom('people').select('id').executeTakeFirstOrThrow()).id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const m = `/spaces/${space.id}/meetings/${meeting.id}`
  await coordinator.get(m)
  await hammer(coordinator, `${m}/edit`, ['kind', 'subject', 'day', 'startTime', 'endTime', 'version'])
  await hammer(coordinator, `${m}/notice`, ['lateReason'])
  await hammer(coordinator, `${m}/cancel`, ['reason'])
  const withMaterials = await coordinator.post(`/spaces/${space.id}/meetings/new`, {
    kind: 'meeting',
    subject: 'Materiały',
    day: '2099-07-15',
    startTime: '10:00',
    endTime: '14:00',
    place: 'Warszawa',
    onlineUrl: '',
    confirmBy: '2099-07-08',
  })
  const meetingUrl = String(withMaterials.headers.location)
  await coordinator.get(meetingUrl)
  await hammer(coordinator, `${meetingUrl}/materials`, [
    'materialTitle',
    'agendaItemId',
    'language',
    'visibility',
    'file',
  ])
})

test('hostile input into an upload: odd names, titles and fields around a real file', async () => {
  const space = await h.database.db
    .selectFrom('spaces')
    .select('id')
    .where('name_pl', '=', 'KST ds. równości szans kobiet i mężczyzn')
    .executeTakeFirstOrThrow()
  const convened = await coordinator.post(`/spaces/${space.id}/meetings/new`, {
    kind: 'meeting',
    subject: '',
    day: '2099-08-14',
    startTime: '10:00',
    endTime: '14:00',
    place: 'Warszawa',
    onlineUrl: '',
    confirmBy: '2099-08-07',
  })
  const url = `${String(convened.headers.location)}/materials`
  await coordinator.get(String(convened.headers.location))
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n')
  await fc.assert(
    fc.asyncProperty(nasty, nasty, nasty, nasty, async (title, name, language, visibility) => {
      const res = await coordinator.upload(
        url,
        { materialTitle: title, agendaItemId: '', language, visibility },
        { file: { name: `${name.replace(/["\r\n]/g, '')}.pdf`, bytes: pdf } },
      )
      assertSafe(res, `POST ${url} (upload)`)
    }),
    runs,
  )
  // What was kept is shown escaped on the meeting page, its material pages and in the zip's names.
  assertSafe(await coordinator.get(String(convened.headers.location)), 'the meeting page after uploads')
  const zip = await coordinator.get(`${String(convened.headers.location)}/materials.zip`)
  assert.equal(zip.statusCode, 200)
})

test('hostile input into a translation request and into the translator’s private upload', async () => {
  const db = h.database.db
  const space = await db
    .selectFrom('spaces')
    .select('id')
    .where('name_pl', '=', 'KST ds. równości szans kobiet i mężczyzn')
    .executeTakeFirstOrThrow()
  const me = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'koordynator@demo.siatka.test')
    .executeTakeFirstOrThrow()
  const material = await givenMaterialWithFile(db, h.app.storage, {
    spaceId: space.id,
    title: 'Do tłumaczenia',
    by: me.id,
  })
  const url = `/spaces/${space.id}/materials/${material.id}`
  await coordinator.get(url)
  await hammer(coordinator, `${url}/translations`, [
    'sourceLanguage',
    'targetLanguage',
    'deadline',
    'translatorEmail',
    'translatorName',
    'translatorLang',
  ])
  // A request with a hostile translator's name, and hostile uploads through its private link
  // (made here, not mailed: this file's earlier tests leave the mail queue long).
  const file = await db
    .selectFrom('material_files')
    .select('id')
    .where('material_id', '=', material.id)
    .executeTakeFirstOrThrow()
  const { token, hash } = newToken()
  await db
    .insertInto('translation_requests')
    .values({
      material_id: material.id,
      source_file_id: file.id,
      source_language: 'pl',
      target_language: 'lt',
      deadline: '2099-12-31',
      outside_name: '<script>alert(1)</script>',
      outside_email: uniqueEmail('tlumacz'),
      translator_lang: 'en',
      token_hash: hash,
      requested_by: me.id,
    })
    .execute()
  const link = `/translations/${token}`
  const translator = new Anonymous(h.app)
  assertSafe(await translator.get(link), 'the private page')
  await fc.assert(
    fc.asyncProperty(nasty, nasty, async (name, field) => {
      const res = await translator.upload(
        link,
        { file: field },
        { other: { name: `${name.replace(/["\r\n]/g, '')}.exe`, bytes: Buffer.from('MZ') } },
      )
      assertSafe(res, `POST ${link} (upload)`)
    }),
    runs,
  )
  assertSafe(await coordinator.get('/translations'), 'the list with a hostile translator name')
})

test('hostile input into the attendance forms: a member’s answer and the secretary’s presence', async () => {
  const db = h.database.db
  const space = await db
    .selectFrom('spaces')
    .select('id')
    .where('name_pl', '=', 'KST ds. adaptacyjności')
    .executeTakeFirstOrThrow()
  const coordinatorId = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'koordynator@demo.siatka.test')
    .executeTakeFirstOrThrow()
  // Today, with answers still open: both forms take posts.
  const meeting = await db
    .insertInto('meetings')
    .values({
      space_id: space.id,
      kind: 'meeting',
      year: 2090,
      number: 1,
      subject: '',
      starts_at: new Date(),
      ends_at: new Date(Date.now() + 3600_000),
      place: 'Warszawa',
      online_url: '',
      confirm_by: new Date(Date.now() + 24 * 3600_000),
      created_by: coordinatorId.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const url = `/spaces/${space.id}/meetings/${meeting.id}`
  const member = await givenPerson(db)
  await db
    .insertInto('space_memberships')
    .values({
      space_id: space.id,
      person_id: member.id,
      role: 'member',
      represents: 'ngo',
      organisation_id: null,
      starts_on: '2020-01-01',
      ends_on: null,
      proposal_id: null,
      added_by: member.id,
    })
    .execute()
  const client = await signedIn(h.app, member.email)
  await client.get(url)
  await hammer(client, `${url}/attendance`, ['answer', 'deputyId'])
  const seats = await db
    .selectFrom('space_memberships')
    .select('person_id')
    .where('space_id', '=', space.id)
    .where('role', 'in', ['chair', 'member'])
    .limit(3)
    .execute()
  await coordinator.get(url)
  await hammer(coordinator, `${url}/presence`, [
    ...seats.map((s) => `presence-${s.person_id}`),
    `presence-${member.id}`,
    'presence-x',
  ])
})

test('hostile input into ordering an analysis, its review and cancelling, and the expert’s upload', async () => {
  const db = h.database.db
  const space = await db
    .selectFrom('spaces')
    .select('id')
    .where('name_pl', '=', 'KST ds. ekonomii społecznej')
    .executeTakeFirstOrThrow()
  const order = await db
    .selectFrom('analysis_orders')
    .select('id')
    .where('space_id', '=', space.id)
    .where('status', '=', 'ordered')
    .executeTakeFirstOrThrow()
  const base = `/spaces/${space.id}/analyses`
  await coordinator.get(`${base}/new`)
  await hammer(coordinator, `${base}/new`, [
    'title',
    'scope',
    'deadline',
    'budget',
    'expertId',
    'contractRef',
  ])
  const expert = await signedIn(h.app, 'ekspert@demo.siatka.test')
  await expert.get(`/analyses/${order.id}`)
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n')
  await fc.assert(
    fc.asyncProperty(nasty, nasty, async (name, note) => {
      const res = await expert.upload(
        `/analyses/${order.id}/deliveries`,
        { note },
        { file: { name: `${name.replace(/["\r\n]/g, '')}.pdf`, bytes: pdf } },
      )
      assertSafe(res, 'POST the expert’s upload')
    }),
    runs,
  )
  assertSafe(await expert.get(`/analyses/${order.id}`), 'the expert’s page after uploads')
  await coordinator.get(`${base}/${order.id}`)
  await hammer(coordinator, `${base}/${order.id}/review`, ['decision', 'comment'])
  await hammer(coordinator, `${base}/${order.id}/cancel`, ['reason'])
  assertSafe(await coordinator.get(`${base}/${order.id}`), 'the order’s page after hostile answers')
})

test('hostile input into a study visit’s forms: the host, participants, places and the report', async () => {
  const db = h.database.db
  const space = await db
    .selectFrom('spaces')
    .select('id')
    .where('name_pl', '=', 'KST ds. adaptacyjności')
    .executeTakeFirstOrThrow()
  await coordinator.get(`/spaces/${space.id}/meetings/new`)
  await hammer(coordinator, `/spaces/${space.id}/meetings/new`, [
    'kind',
    'day',
    'place',
    'hostName',
    'hostRegion',
    'hostTown',
  ])
  const me = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'koordynator@demo.siatka.test')
    .executeTakeFirstOrThrow()
  // One ahead (participants and places take posts) and one over (the report does).
  const [ahead, over] = await Promise.all(
    [
      // Years no other test here convenes in, so the numbers are free.
      [2097, new Date('2097-05-10T08:00:00Z')],
      [2002, new Date('2002-05-10T08:00:00Z')],
    ].map(([year, at]) =>
      db
        .insertInto('meetings')
        .values({
          space_id: space.id,
          kind: 'study_visit',
          year: year as number,
          number: 91,
          subject: '',
          starts_at: at as Date,
          ends_at: new Date((at as Date).getTime() + 4 * 3600_000),
          place: 'Opole',
          online_url: '',
          confirm_by: new Date((at as Date).getTime() - 7 * 24 * 3600_000),
          host_name: '<script>alert(1)</script>',
          created_by: me.id,
          updated_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    ),
  )
  const url = `/spaces/${space.id}/meetings/${ahead.id}`
  assertSafe(await coordinator.get(url), 'a visit with a hostile host')
  await hammer(coordinator, `${url}/visit/participants`, ['name', 'organisation', 'email'])
  await hammer(coordinator, `${url}/visit/participants/remove`, ['entryId'])
  await hammer(coordinator, `${url}/visit/capacity`, ['capacity'])
  assertSafe(await coordinator.get(url), 'the visit with hostile participants')
  // A CSV is a download, not a page: the text stays as typed (kernel/exports defuses formulas).
  const csv = await coordinator.get(`${url}/visit/participants.csv`)
  assert.equal(csv.statusCode, 200)
  assert.match(String(csv.headers['content-disposition']), /^attachment/)
  const done = `/spaces/${space.id}/meetings/${over.id}`
  await coordinator.get(`${done}/visit/report`)
  await hammer(coordinator, `${done}/visit/report`, [
    'seen',
    'practices',
    'conclusions',
    'visibility',
    'version',
    'publish',
  ])
  assertSafe(await coordinator.get(done), 'the visit with a hostile report')
})

test('hostile input into a project’s progress report', async () => {
  const sires = await h.database.db
    .selectFrom('projects')
    .select('id')
    .where('acronym', '=', 'SIRES')
    .executeTakeFirstOrThrow()
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  await staff.get(`/projects/${sires.id}`)
  await hammer(staff, `/projects/${sires.id}/reports`, ['indicatorId', 'reportedOn', 'value', 'comment'])
  assertSafe(await staff.get(`/projects/${sires.id}`), 'the project after hostile reports')
})

test('hostile input into a project’s form and its lists', async () => {
  const sires = await h.database.db
    .selectFrom('projects')
    .select('id')
    .where('acronym', '=', 'SIRES')
    .executeTakeFirstOrThrow()
  const facts = [
    'title',
    'acronym',
    'programmeId',
    'status',
    'startsOn',
    'endsOn',
    'leadOrganisationId',
    'agreementOn',
    'totalValue',
    'euContribution',
    'eligibleCosts',
    'mainGoal',
    'specificGoals',
    'themes',
    'regions',
    'isPublic',
    'version',
  ]
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  await coordinator.get('/projects/new')
  await hammer(coordinator, '/projects', facts)
  const base = `/projects/${sires.id}`
  await hammer(coordinator, `${base}/edit`, facts)
  await hammer(coordinator, `${base}/partners`, ['organisationId', 'role'])
  await hammer(coordinator, `${base}/groups`, ['name', 'description', 'plannedPeople'])
  await hammer(coordinator, `${base}/indicators`, ['name', 'kind', 'unit', 'baseline', 'target'])
  await hammer(coordinator, `${base}/staff`, ['personId'])
  await hammer(coordinator, `${base}/contacts`, ['name', 'function', 'email', 'phone'])
  await hammer(coordinator, `${base}/schedule`, [
    'title',
    'startsOn',
    'endsOn',
    'voivodeship',
    'place',
    'description',
  ])
  for (const list of ['partners', 'groups', 'indicators', 'staff', 'contacts', 'schedule'])
    await hammer(coordinator, `${base}/${list}/remove`, ['rowId'])
  await hammer(coordinator, '/projects/analysis/materials', ['spaceId'])
  await hammer(coordinator, '/projects/taxonomy', ['parentId', 'code', 'namePl', 'nameEn', 'period'])
  await hammer(coordinator, '/projects/themes', ['code', 'namePl', 'nameEn'])
  for (const list of ['taxonomy', 'themes']) await hammer(coordinator, `/projects/${list}/remove`, ['rowId'])
  assertSafe(await coordinator.get('/projects/taxonomy'), 'the taxonomy after hostile forms')
  for (const page of ['', '/edit', '/parts', '/history', '/schedule'])
    assertSafe(await coordinator.get(`${base}${page}`), `the project${page} after hostile forms`)
})

test('hostile query strings on every list and hostile ids in every address', async () => {
  const admin = await signedIn(h.app, 'admin@demo.siatka.test')
  await fc.assert(
    fc.asyncProperty(nasty, nasty, nasty, async (a, b, c) => {
      const q = (o: Record<string, string>) => new URLSearchParams(o).toString()
      for (const url of [
        `/people?${q({ q: a, sort: b, dir: c, page: a, status: b })}`,
        `/organisations?${q({ q: a, sort: b, dir: c, page: c })}`,
        `/audit?${q({ person: a, action: b, from: c, to: a, page: b })}`,
        `/people/${encodeURIComponent(a)}`,
        `/organisations/${encodeURIComponent(b)}`,
        `/invitation/${encodeURIComponent(c)}`,
        `/password-reset/${encodeURIComponent(a)}`,
        `/preferences?${q({ lang: a, textSize: b, contrast: c, back: a })}`,
        `/spaces?${q({ q: a, type: b, sort: c, dir: a, page: b })}`,
        `/directory?${q({ q: a, space: b, represents: c, organisationType: a, period: b, sort: c, format: a })}`,
        `/spaces/${encodeURIComponent(a)}/schedule?${q({ view: b, month: c })}`,
        `/networks/${encodeURIComponent(b)}`,
        `/networks/${encodeURIComponent(b)}/visits/${encodeURIComponent(b)}`,
        `/spaces/${encodeURIComponent(a)}/meetings/${encodeURIComponent(a)}/visit/participants.xlsx`,
        `/spaces/${encodeURIComponent(c)}/meetings/${encodeURIComponent(c)}/attendance.pdf`,
        `/notifications/${encodeURIComponent(c)}`,
        `/translations?${q({ status: a, sort: b, dir: c, page: a })}`,
        `/translations/${encodeURIComponent(b)}`,
        `/translations/${encodeURIComponent(c)}/source`,
        `/analyses?${q({ status: a, page: b })}`,
        `/analyses/${encodeURIComponent(c)}`,
        `/spaces/${encodeURIComponent(a)}/analyses?${q({ status: b, page: c })}`,
        `/spaces/${encodeURIComponent(b)}/analyses/${encodeURIComponent(c)}`,
        `/projects?${q({ after: a, page: b })}`,
        `/projects/${encodeURIComponent(c)}`,
        `/funded-projects?${q({ after: b })}`,
        `/projects?${q({ q: a, region: b, sort: c, dir: a, after: b, format: c })}`,
        `/projects/analysis?${q({ theme: a, programme: b, period: c, status: a })}`,
        `/projects/${encodeURIComponent(a)}/history?${q({ before: b })}`,
        `/projects/import/${encodeURIComponent(c)}`,
        `/funded-projects/${encodeURIComponent(a)}`,
        `/projects/${encodeURIComponent(b)}/schedule?${q({ view: c, month: a, after: b })}`,
        `/funded-projects/${encodeURIComponent(c)}/schedule?${q({ view: a, month: b, after: c })}`,
        `/funded-projects/${encodeURIComponent(a)}/schedule.ics`,
      ]) {
        assertSafe(await admin.get(url), `GET ${url}`)
      }
    }),
    runs,
  )
})

test('a NUL character, which PostgreSQL text cannot hold, is dropped rather than failing', async () => {
  const admin = await signedIn(h.app, 'admin@demo.siatka.test')
  assert.equal((await admin.get('/audit?person=&action=%00&from=&to=&page=%00')).statusCode, 200)
  assert.equal((await admin.get('/people?q=ab%00c')).statusCode, 200)
  const person = await givenPerson(h.database.db)
  const client = await signedIn(h.app, person.email)
  const res = await client.post('/profile', {
    name: 'Ala\u0000 Nowak',
    organisationId: '',
    position: '',
    phone: '',
    lang: 'pl',
  })
  assert.equal(res.statusCode, 303)
  const saved = await h.database.db
    .selectFrom('people')
    .select('name')
    .where('id', '=', person.id)
    .executeTakeFirstOrThrow()
  assert.equal(saved.name, 'Ala Nowak')
})

test('an address the router refuses (a part over 200 characters, a broken percent sign) is answered without repeating it', async () => {
  const long = await h.app.inject({
    method: 'GET',
    url: `/spaces/${'ą'.repeat(300)}/analyses/${encodeURIComponent('<script>alert(1)</script>')}`,
  })
  assert.equal(long.statusCode, 414)
  assert.match(String(long.headers['content-type']), /^text\/plain/)
  assert.match(long.body, /Nie ma takiej strony: adres jest za długi albo niepoprawny/)
  assert.doesNotMatch(long.body, /script|ą/)
  const broken = await h.app.inject({ method: 'GET', url: '/spaces/%E0%A4%A/analyses' })
  assert.equal(broken.statusCode, 400)
  assert.doesNotMatch(broken.body, /%E0/)
})
