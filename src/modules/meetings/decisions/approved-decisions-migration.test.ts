// The migration that gives every decision its approved text fills it from the data it finds: the
// decisions of approved minutes as they are, those of minutes under a correction from the last
// approved revision, none for minutes never approved; the search then finds the approved words.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'kysely'
import { freshDatabase } from '../../../../test/support/app.ts'
import { givenPerson, givenSpace } from '../../../../test/support/given.ts'
import { modules } from '../../../app.ts'
import type { OpenDatabase } from '../../../kernel/db.ts'
import { migrate } from '../../../kernel/migrate.ts'
import type { MinutesDocument } from '../minutes/document.ts'

let database: OpenDatabase
let drop: () => Promise<void>
before(async () => {
  ;({ database, drop } = await freshDatabase({ empty: true }))
  await migrate(database.db, modules, { to: '20261128-1400-register-indexes' })
})
after(() => drop())

const db = () => database.db

/** A meeting with one agenda item and its minutes in `status`, at `revision`. */
async function givenMinutes(
  personId: string,
  spaceId: string,
  number: number,
  status: string,
  revision: number,
) {
  const meeting = await db()
    .insertInto('meetings')
    .values({
      space_id: spaceId,
      kind: 'meeting',
      year: 2026,
      number,
      subject: '',
      starts_at: new Date(`2026-0${number}-10T08:00:00Z`),
      ends_at: new Date(`2026-0${number}-10T12:00:00Z`),
      place: 'Warszawa',
      online_url: '',
      confirm_by: new Date(`2026-0${number}-01T21:59:00Z`),
      created_by: personId,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const item = await db()
    .insertInto('agenda_items')
    .values({
      meeting_id: meeting.id,
      position: 1,
      title: 'Uchwały',
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
      status: status as 'draft',
      revision,
      created_by: personId,
      updated_by: personId,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const decide = (n: number, title: string, body: string, votes: [number, number, number]) =>
    db()
      .insertInto('decisions')
      .values({
        space_id: spaceId,
        meeting_id: meeting.id,
        agenda_item_id: item.id,
        year: 2026,
        number: n,
        title,
        body,
        votes_for: votes[0],
        votes_against: votes[1],
        votes_abstaining: votes[2],
        created_by: personId,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  const freeze = (rev: number, decisions: MinutesDocument['items'][number]['decisions']) =>
    db()
      .insertInto('minutes_revisions')
      .values({
        minutes_id: minutes.id,
        revision: rev,
        document: JSON.stringify({
          spaceName: 'Sieć',
          meeting: {
            kind: 'meeting',
            number,
            year: 2026,
            startsAt: '2026-01-10T08:00:00Z',
            endsAt: '2026-01-10T12:00:00Z',
            place: 'Warszawa',
            onlineUrl: '',
          },
          revision: rev,
          status: 'approved',
          approvedAt: '2026-02-01T10:00:00Z',
          approvedBy: 'Przewodnicząca',
          attendees: [],
          opening: '',
          items: [
            {
              position: 1,
              title: 'Uchwały',
              presenter: '',
              kind: 'decision',
              summary: '',
              decisions,
              actions: [],
            },
          ],
          closing: '',
        } satisfies MinutesDocument),
        approved_by: personId,
      })
      .execute()
  return { decide, freeze }
}

test('decisions get the text of their last approved revision, and the search finds those words', async () => {
  const sec = await givenPerson(db(), { role: 'secretary' })
  const space = await givenSpace(db(), { secretaryId: sec.id })

  const approved = await givenMinutes(sec.id, space.id, 1, 'approved', 1)
  const kept = await approved.decide(1, 'Przyjęcie planu pracy', 'Przyjmuje się plan.', [5, 0, 1])
  await approved.freeze(1, [
    {
      number: '1/2026',
      title: 'Przyjęcie planu pracy',
      body: 'Przyjmuje się plan.',
      votes: { for: 5, against: 0, abstaining: 1 },
    },
  ])

  // Approved twice, now under a second correction that retitled 2/2026 and added 3/2026.
  const corrected = await givenMinutes(sec.id, space.id, 2, 'consultation', 3)
  const retitled = await corrected.decide(2, 'Poparcie spółdzielni socjalnych', 'Nowa treść.', [2, 0, 1])
  const added = await corrected.decide(3, 'Uchwała dopisana', 'Dopisana treść.', [3, 0, 0])
  await corrected.freeze(1, [
    {
      number: '2/2026',
      title: 'Poparcie gospodarstw rolnych',
      body: 'Pierwsza treść.',
      votes: { for: 4, against: 1, abstaining: 0 },
    },
  ])
  await corrected.freeze(2, [
    {
      number: '2/2026',
      title: 'Poparcie gospodarstw opiekuńczych',
      body: 'Druga treść.',
      votes: { for: 3, against: 0, abstaining: 0 },
    },
  ])

  const never = await givenMinutes(sec.id, space.id, 3, 'consultation', 1)
  const out = await never.decide(4, 'Uchwała do uwag', 'Treść do uwag.', [3, 0, 0])

  await migrate(db(), modules)

  const row = (id: string) =>
    db()
      .selectFrom('decisions')
      .select([
        'approved_title',
        'approved_body',
        'approved_votes_for',
        'approved_votes_against',
        'approved_votes_abstaining',
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  assert.deepEqual(await row(kept.id), {
    approved_title: 'Przyjęcie planu pracy',
    approved_body: 'Przyjmuje się plan.',
    approved_votes_for: 5,
    approved_votes_against: 0,
    approved_votes_abstaining: 1,
  })
  assert.deepEqual(await row(retitled.id), {
    approved_title: 'Poparcie gospodarstw opiekuńczych',
    approved_body: 'Druga treść.',
    approved_votes_for: 3,
    approved_votes_against: 0,
    approved_votes_abstaining: 0,
  })
  const none = {
    approved_title: null,
    approved_body: null,
    approved_votes_for: null,
    approved_votes_against: null,
    approved_votes_abstaining: null,
  }
  assert.deepEqual(await row(added.id), none)
  assert.deepEqual(await row(out.id), none)

  const found = async (words: string) =>
    (
      await db()
        .selectFrom('decisions')
        .select('number')
        .where(sql<boolean>`search @@ plainto_tsquery('simple', siatka_fold(${words}))`)
        .orderBy('number')
        .execute()
    ).map((d) => d.number)
  assert.deepEqual(await found('opiekunczych'), [2], 'the approved words')
  assert.deepEqual(await found('spoldzielni'), [], 'not the correction’s')
  assert.deepEqual(await found('dopisana'), [3], 'a decision never approved: its own words')
})
