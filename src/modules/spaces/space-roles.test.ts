// The route-by-role walk inside a space: every page of /spaces/:id/… declares what it needs there
// (config.spacePermission), and each person gets 404, 403 or the page exactly as the policy decides
// from their role in that space.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { type Client, signedIn } from '../../../test/support/client.ts'
import { givenMember, givenPerson, givenSpace } from '../../../test/support/given.ts'
import { addDays, today } from '../../kernel/dates.ts'
import { type Actor, type GlobalRole, type SpaceRole, spaceCan, spaceRoles } from '../../kernel/policy.ts'
import type { MinutesDocument } from '../meetings/index.ts'
import { requireSpace } from './service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db

interface Persona {
  label: string
  actor: Actor
  client: Client
}

async function persona(label: string, role: GlobalRole, email?: string): Promise<Persona> {
  const person = email
    ? await db()
        .selectFrom('people')
        .select(['id', 'email', 'name', 'role'])
        .where('email', '=', email)
        .executeTakeFirstOrThrow()
    : await givenPerson(db(), { role, name: label })
  return {
    label,
    actor: {
      id: person.id,
      email: person.email,
      name: person.name,
      role: person.role,
      sessionId: '',
      ip: null,
    },
    client: await signedIn(h.app, person.email),
  }
}

test('inside a space every route answers each role as the policy decides', async () => {
  const secretary = await persona('the space’s secretary', 'secretary')
  const space = await givenSpace(db(), { secretaryId: secretary.actor.id })
  const people: Persona[] = [
    secretary,
    await persona('another network’s secretary', 'secretary'),
    await persona('a member of other spaces', 'member'),
    await persona('the coordinator', 'coordinator', 'koordynator@demo.siatka.test'),
    await persona('the managing authority', 'managing_authority', 'iz@demo.siatka.test'),
    await persona('an administrator', 'admin', 'admin@demo.siatka.test'),
  ]
  for (const role of spaceRoles) {
    const p = await persona(`the space’s ${role}`, role === 'expert' ? 'expert' : 'member')
    await givenMember(db(), space.id, p.actor.id, {
      role,
      endsOn: role === 'guest' ? addDays(today(), 10) : null,
    })
    people.push(p)
  }
  const former = await persona('a former member', 'member')
  await givenMember(db(), space.id, former.actor.id, {
    role: 'member' as SpaceRole,
    endsOn: addDays(today(), -1),
  })
  people.push(former)

  // Real ids for the pages of one proposal, one task, one announcement and one guest.
  const proposal = await db()
    .insertInto('composition_proposals')
    .values({
      space_id: space.id,
      number: 1,
      status: 'draft',
      note: '',
      drafted_by: secretary.actor.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const item = await db()
    .insertInto('schedule_items')
    .values({
      space_id: space.id,
      task: 'Zadanie',
      responsible: '',
      due_on: today(),
      status: 'planned',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const announcement = await db()
    .insertInto('announcements')
    .values({
      space_id: space.id,
      title: 'Komunikat',
      body: 'Treść',
      is_pinned: false,
      author_id: secretary.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const meeting = await db()
    .insertInto('meetings')
    .values({
      space_id: space.id,
      kind: 'meeting',
      year: 2099,
      number: 1,
      subject: '',
      starts_at: new Date('2099-05-10T08:00:00Z'),
      ends_at: new Date('2099-05-10T12:00:00Z'),
      place: 'Warszawa',
      online_url: '',
      confirm_by: new Date('2099-05-01T21:59:00Z'),
      created_by: secretary.actor.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // A study visit, for the pages under …/visit (an ordinary meeting has none).
  const visit = await db()
    .insertInto('meetings')
    .values({
      space_id: space.id,
      kind: 'study_visit',
      year: 2099,
      number: 2,
      subject: '',
      starts_at: new Date('2099-06-10T08:00:00Z'),
      ends_at: new Date('2099-06-10T12:00:00Z'),
      place: 'Opole',
      online_url: '',
      confirm_by: new Date('2099-06-01T21:59:00Z'),
      host_name: 'Partnerstwo',
      created_by: secretary.actor.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const notice = await db()
    .insertInto('meeting_notices')
    .values({ meeting_id: meeting.id, kind: 'request', sequence: 0, sent_by: secretary.actor.id })
    .returning('id')
    .executeTakeFirstOrThrow()
  // A material of that meeting with one file, for the material page, its download and the zip.
  const stored = await h.app.storage.put(
    db(),
    { bytes: Buffer.from('%PDF-1.4\n%%EOF\n'), name: 'plan.pdf' },
    { field: 'file', allowed: ['pdf'] },
  )
  const material = await db()
    .insertInto('materials')
    .values({
      space_id: space.id,
      meeting_id: meeting.id,
      agenda_item_id: null,
      title: 'Plan pracy',
      visibility: 'members',
      created_by: secretary.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const file = await db()
    .insertInto('material_files')
    .values({
      material_id: material.id,
      language: 'pl',
      version: 1,
      file_hash: stored.hash,
      kind: stored.kind,
      mime_type: stored.mimeType,
      size_bytes: stored.sizeBytes,
      original_name: 'plan.pdf',
      uploaded_by: secretary.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // A translation request of that material, for its cancel button.
  const translation = await db()
    .insertInto('translation_requests')
    .values({
      material_id: material.id,
      source_file_id: file.id,
      source_language: 'pl',
      target_language: 'en',
      deadline: '2099-01-01',
      translator_id: null,
      outside_name: 'Tamara Tłumaczka',
      outside_email: 'tlumaczka@example.pl',
      translator_lang: 'pl',
      token_hash: 'roles-test',
      requested_by: secretary.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // Minutes of that meeting out for comments, with an agenda item, a decision and an approved
  // revision, for the minutes' pages, the register and the downloads.
  const agendaItem = await db()
    .insertInto('agenda_items')
    .values({
      meeting_id: meeting.id,
      position: 1,
      title: 'Plan',
      presenter: '',
      minutes: 10,
      kind: 'decision',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const minutes = await db()
    .insertInto('minutes')
    .values({
      meeting_id: meeting.id,
      status: 'consultation',
      comments_by: '2099-06-01',
      created_by: secretary.actor.id,
      updated_by: secretary.actor.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const decision = await db()
    .insertInto('decisions')
    .values({
      space_id: space.id,
      meeting_id: meeting.id,
      agenda_item_id: agendaItem.id,
      year: 2099,
      number: 1,
      title: 'Uchwała',
      body: 'Treść',
      votes_for: 3,
      votes_against: 0,
      votes_abstaining: 0,
      created_by: secretary.actor.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db()
    .insertInto('minutes_revisions')
    .values({
      minutes_id: minutes.id,
      revision: 1,
      document: JSON.stringify({
        spaceName: 'KST',
        meeting: {
          kind: 'meeting',
          number: 1,
          year: 2099,
          startsAt: '2099-05-10T08:00:00Z',
          endsAt: '2099-05-10T12:00:00Z',
          place: 'Warszawa',
          onlineUrl: '',
        },
        revision: 1,
        status: 'approved',
        approvedAt: '2099-06-02T10:00:00Z',
        approvedBy: 'Przewodnicząca',
        attendees: [],
        opening: '',
        items: [],
        closing: '',
      } satisfies MinutesDocument),
      approved_by: secretary.actor.id,
    })
    .execute()
  // A commissioned analysis with one delivery, for the order's page, its review and the file.
  const analysis = await db()
    .insertInto('analysis_orders')
    .values({
      space_id: space.id,
      title: 'Ekspertyza',
      scope: 'Zakres',
      deadline: '2099-01-01',
      budget_grosze: 100_000,
      expert_id: secretary.actor.id,
      contract_ref: 'Umowa 1',
      status: 'delivered',
      ordered_by: secretary.actor.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const delivery = await db()
    .insertInto('analysis_deliveries')
    .values({
      order_id: analysis.id,
      version: 1,
      file_hash: stored.hash,
      kind: stored.kind,
      size_bytes: stored.sizeBytes,
      delivered_by: secretary.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const guest = await db()
    .selectFrom('space_memberships')
    .select('id')
    .where('space_id', '=', space.id)
    .where('role', '=', 'guest')
    .executeTakeFirstOrThrow()
  const itemOf = (url: string) =>
    url.includes('/analyses/')
      ? analysis.id
      : url.includes('/visit/')
        ? visit.id
        : url.includes('/meetings/')
          ? meeting.id
          : url.includes('/materials/')
            ? material.id
            : url.includes('/compositions/')
              ? proposal.id
              : url.includes('/schedule/')
                ? item.id
                : url.includes('/announcements/')
                  ? announcement.id
                  : guest.id
  const fill = (url: string) =>
    url
      .replace(':id', space.id)
      .replace(':itemId', itemOf(url))
      .replace(':fileId', file.id)
      .replace(':noticeId', notice.id)
      .replace(':requestId', translation.id)
      .replace(':decisionId', decision.id)
      .replace(':revision', '1')
      .replace(':format', 'pdf')
      .replace(':deliveryId', delivery.id)

  // Routes that end a guest's access or change the proposal's state come last, so earlier checks see the space as set up.
  const changesState = (url: string) => /\/(end|submit|approve|return|cancel)$/.test(url)
  const routes = h.app.routeList
    .filter((r) => r.spacePermission)
    .sort((a, b) => Number(changesState(a.url)) - Number(changesState(b.url)))
  assert.ok(routes.length >= 20, 'the space routes are registered')

  for (const r of routes) {
    for (const p of people) {
      // Decided from the space as it is now (an earlier request may have changed it).
      const { access } = await requireSpace(db(), p.actor, space.id)
      const url = fill(r.url)
      const res = r.method === 'GET' ? await p.client.get(url) : await p.client.post(url, {})
      const what = `${r.method} ${r.url} for ${p.label}`
      assert.ok(res.statusCode < 500, `${what} answered ${res.statusCode}`)
      if (!spaceCan(p.actor, 'space.read', access))
        assert.equal(res.statusCode, 404, `${what}: the space must not exist for them`)
      else if (!spaceCan(p.actor, r.spacePermission!, access))
        assert.equal(res.statusCode, 403, `${what}: must be refused`)
      else {
        assert.notEqual(res.statusCode, 403, `${what}: is allowed`)
        if (r.method === 'GET') assert.equal(res.statusCode, 200, `${what}: shows the page`)
      }
    }
  }
})

test('the policy inside a space: chairs manage, only the secretariat sets up, only the managing authority decides', () => {
  const as = (role: GlobalRole, id = 'me'): Actor => ({
    id,
    email: 'x',
    name: 'x',
    role,
    sessionId: '',
    ip: null,
  })
  const space = (role: SpaceRole | null, secretaryId: string | null = 'sec') => ({
    isPublic: false,
    secretaryId,
    role,
  })
  assert.equal(spaceCan(as('member'), 'space.read', space(null)), false)
  assert.equal(spaceCan(as('member'), 'space.read', space('guest')), true)
  assert.equal(spaceCan(as('member'), 'space.manage', space('chair')), true)
  assert.equal(spaceCan(as('member'), 'space.settings', space('chair')), false)
  assert.equal(spaceCan(as('secretary', 'sec'), 'space.propose', space(null)), true)
  assert.equal(spaceCan(as('secretary', 'other'), 'space.read', space(null)), false)
  assert.equal(spaceCan(as('managing_authority'), 'space.read', space(null)), true)
  assert.equal(spaceCan(as('managing_authority'), 'space.propose', space(null)), false)
  assert.equal(spaceCan(as('coordinator'), 'space.decide', space(null)), false)
  assert.equal(spaceCan(null, 'space.read', { ...space(null), isPublic: true }), false)
})
