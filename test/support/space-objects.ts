// The objects of one space that its addresses name (test/support/space-fixture.ts fills the
// addresses with them): a draft composition proposal, a schedule item, rules, an announcement, a
// guest, a meeting ahead with its notice, material, translation request and minutes out for
// comments (with a decision and an approved revision), a study visit and a delivered analysis.
import type { Kysely } from 'kysely'
import { addDays, today } from '../../src/kernel/dates.ts'
import type { Database } from '../../src/kernel/db.ts'
import type { MinutesDocument } from '../../src/modules/meetings/index.ts'
import type { TestApp } from './app.ts'
import { givenMaterialWithFile, givenMember, givenPerson } from './given.ts'

export type SpaceObjects = Awaited<ReturnType<typeof givenSpaceObjects>>

/** Another decision of the meeting's draft minutes, numbered after the last (a form that withdraws one uses it up). */
export async function givenDecision(db: Kysely<Database>, o: SpaceObjects): Promise<string> {
  const { max } = await db
    .selectFrom('decisions')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('space_id', '=', o.space)
    .where('year', '=', 2099)
    .executeTakeFirstOrThrow()
  const decision = await db
    .insertInto('decisions')
    .values({ ...decisionValues(o, o.secretary), number: Number(max) + 1 })
    .returning('id')
    .executeTakeFirstOrThrow()
  return decision.id
}

const decisionValues = (o: { space: string; meeting: string; agendaItem: string }, secretaryId: string) => ({
  space_id: o.space,
  meeting_id: o.meeting,
  agenda_item_id: o.agendaItem,
  year: 2099,
  number: 1,
  title: 'Uchwała',
  body: 'Treść',
  votes_for: 3,
  votes_against: 0,
  votes_abstaining: 0,
  created_by: secretaryId,
  updated_at: new Date(),
})

/** Every object an address under the space names: a proposal, a meeting and what hangs off it, an analysis. */
export async function givenSpaceObjects(h: TestApp, spaceId: string, secretaryId: string) {
  const db = h.database.db
  const by = { created_by: secretaryId }
  const proposal = await db
    .insertInto('composition_proposals')
    .values({
      space_id: spaceId,
      number: 1,
      status: 'draft',
      note: '',
      drafted_by: secretaryId,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const scheduleItem = await db
    .insertInto('schedule_items')
    .values({
      space_id: spaceId,
      task: 'Zadanie',
      responsible: '',
      due_on: today(),
      status: 'planned',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const rules = await db
    .insertInto('space_rules')
    .values({
      space_id: spaceId,
      version: 1,
      body: 'Regulamin',
      effective_on: today(),
      adopted_ref: null,
      ...by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const announcement = await db
    .insertInto('announcements')
    .values({
      space_id: spaceId,
      title: 'Komunikat',
      body: 'Treść',
      is_pinned: false,
      author_id: secretaryId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // A guest who is not one of the walkers: ending their access leaves every walker's seat as it was.
  const outsider = await givenPerson(db, { name: 'Gość do odwołania' })
  await givenMember(db, spaceId, outsider.id, { role: 'guest', endsOn: addDays(today(), 10) })
  const guestSeat = await db
    .selectFrom('space_memberships')
    .select('id')
    .where('person_id', '=', outsider.id)
    .executeTakeFirstOrThrow()
  const meeting = await db
    .insertInto('meetings')
    .values({
      space_id: spaceId,
      kind: 'meeting',
      year: 2099,
      number: 1,
      subject: '',
      starts_at: new Date('2099-05-10T08:00:00Z'),
      ends_at: new Date('2099-05-10T12:00:00Z'),
      place: 'Warszawa',
      online_url: '',
      confirm_by: new Date('2099-05-01T21:59:00Z'),
      updated_at: new Date(),
      ...by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // A study visit, for the pages under …/visit (an ordinary meeting has none).
  const visit = await db
    .insertInto('meetings')
    .values({
      space_id: spaceId,
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
      updated_at: new Date(),
      ...by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const notice = await db
    .insertInto('meeting_notices')
    .values({ meeting_id: meeting.id, kind: 'request', sequence: 0, sent_by: secretaryId })
    .returning('id')
    .executeTakeFirstOrThrow()
  // A material of that meeting with one file, for the material page, its download and the zip.
  const material = await givenMaterialWithFile(db, h.app.storage, {
    spaceId,
    meetingId: meeting.id,
    title: 'Plan pracy',
    by: secretaryId,
  })
  const { stored } = material
  const translation = await db
    .insertInto('translation_requests')
    .values({
      material_id: material.id,
      source_file_id: material.fileId,
      source_language: 'pl',
      target_language: 'en',
      deadline: '2099-01-01',
      translator_id: null,
      outside_name: 'Tamara Tłumaczka',
      outside_email: 'tlumaczka@example.pl',
      translator_lang: 'pl',
      token_hash: 'roles-test',
      requested_by: secretaryId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // Minutes of that meeting out for comments, with an agenda item, a decision and an approved
  // revision, for the minutes' pages, the register and the downloads.
  const agendaItem = await db
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
  const minutes = await db
    .insertInto('minutes')
    .values({
      meeting_id: meeting.id,
      status: 'consultation',
      comments_by: '2099-06-01',
      updated_by: secretaryId,
      updated_at: new Date(),
      ...by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const decision = await db
    .insertInto('decisions')
    .values(decisionValues({ space: spaceId, meeting: meeting.id, agendaItem: agendaItem.id }, secretaryId))
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('minutes_revisions')
    .values({
      minutes_id: minutes.id,
      revision: 1,
      document: JSON.stringify(approvedRevision),
      approved_by: secretaryId,
    })
    .execute()
  // A commissioned analysis with one delivery, for the order's page, its review and the file.
  const analysis = await db
    .insertInto('analysis_orders')
    .values({
      space_id: spaceId,
      title: 'Ekspertyza',
      scope: 'Zakres',
      deadline: '2099-01-01',
      budget_grosze: 100_000,
      expert_id: secretaryId,
      contract_ref: 'Umowa 1',
      status: 'delivered',
      ordered_by: secretaryId,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const delivery = await db
    .insertInto('analysis_deliveries')
    .values({
      order_id: analysis.id,
      version: 1,
      file_hash: stored.hash,
      kind: stored.kind,
      size_bytes: stored.sizeBytes,
      delivered_by: secretaryId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return {
    space: spaceId,
    secretary: secretaryId,
    proposal: proposal.id,
    scheduleItem: scheduleItem.id,
    rules: rules.id,
    announcement: announcement.id,
    guestSeat: guestSeat.id,
    meeting: meeting.id,
    visit: visit.id,
    notice: notice.id,
    material: material.id,
    file: material.fileId,
    translation: translation.id,
    agendaItem: agendaItem.id,
    minutes: minutes.id,
    decision: decision.id,
    analysis: analysis.id,
    delivery: delivery.id,
  }
}

const approvedRevision: MinutesDocument = {
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
}
