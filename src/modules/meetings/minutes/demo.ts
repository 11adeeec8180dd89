// Demo minutes: every meeting already held has approved minutes with a summary of each item, two
// resolutions in the register, action items (one of them overdue) and a comment answered, and, when
// the demo keeps files, the approved revision's PDF/A, DOCX and ODT; the social-economy network's
// recommendation is forwarded to the Strategic Group, waiting for its agenda.
import { randomUUID } from 'node:crypto'
import { addDays, today } from '../../../kernel/dates.ts'
import type { AnyDb, AppDb as Db } from '../../../kernel/db.ts'
import type { LocalStorage } from '../../../kernel/storage.ts'
import { meetingDay } from '../attendance/service.ts'
import type { Db as MeetingsDb } from '../db.ts'
import { findMeeting } from '../queries.ts'
import * as q from './queries.ts'
import { storeRevisionFiles } from './revision-files.ts'
import { minutesContent, minutesDocument, presentVoters } from './service.ts'

const summaries = [
  'Przewodniczący otworzył posiedzenie i stwierdził kworum. Porządek obrad przyjęto bez zmian.',
  'Sekretariat przedstawił postęp prac w projektach partnerskich: wszystkie projekty realizują harmonogram.\n\nCzłonkowie pytali o **wskaźniki rezultatu**; sekretariat prześle zestawienie obejmujące:\n\n- liczbę uczestników, którzy ukończyli wsparcie,\n- liczbę osób, które podjęły pracę po zakończeniu udziału w projekcie.',
  'Członkowie omówili rekomendacje dla Grupy Strategicznej. Przyjęto je w brzmieniu uchwały.',
]

/** The demo's handle as meetings' own functions take it (typed by meetings' tables only). */
const own = (db: AnyDb): MeetingsDb => db

/** With `storage`, each approved revision's files are rendered and kept, as its approval's jobs would. */
export async function seedMinutes(db: Db, storage?: LocalStorage) {
  const day = today()
  const held = await db
    .selectFrom('meetings as m')
    .innerJoin('spaces as s', 's.id', 'm.space_id')
    .select(['m.id', 'm.space_id', 's.name_pl', 's.name_en', 's.secretary_id', 's.type'])
    .where('m.starts_at', '<', new Date())
    .where('m.status', '=', 'planned')
    // A study visit has its report instead (visits.ts).
    .where('m.kind', '=', 'meeting')
    .orderBy('s.name_pl')
    .execute()
  // The demo's chair and member own action items first, so signing in as them shows some.
  const demoPeople = new Set(
    (
      await db
        .selectFrom('people')
        .select('id')
        .where('email', 'in', ['przewodniczacy@demo.siatka.test', 'czlonek@demo.siatka.test'])
        .execute()
    ).map((p) => p.id),
  )
  let recommendation: { id: string; from: string } | null = null
  for (const h of held) {
    const meeting = await findMeeting(own(db), h.id)
    if (!meeting || !h.secretary_id || meeting.agenda.length === 0) continue
    const secretary = h.secretary_id
    const voting = await db
      .selectFrom('meeting_presence')
      .select('person_id')
      .where('meeting_id', '=', meeting.id)
      .orderBy('person_id')
      .execute()
    const chair = await db
      .selectFrom('space_memberships')
      .select('person_id')
      .where('space_id', '=', h.space_id)
      .where('role', '=', 'chair')
      .executeTakeFirst()
    const approver = chair?.person_id ?? secretary
    const minutesId = randomUUID()
    const approvedAt = new Date(meeting.ends_at.getTime() + 20 * 24 * 3600_000)
    await db
      .insertInto('minutes')
      .values({
        id: minutesId,
        meeting_id: meeting.id,
        status: 'approved',
        version: 1,
        opening: 'Posiedzenie otworzył Przewodniczący o godz. 10:00 i powitał uczestników.',
        closing: 'Wobec wyczerpania porządku obrad Przewodniczący zamknął posiedzenie o godz. 14:00.',
        comments_by: addDays(meetingDay(meeting), 14),
        sent_at: new Date(meeting.ends_at.getTime() + 7 * 24 * 3600_000),
        approved_at: approvedAt,
        approved_by: approver,
        created_by: secretary,
        updated_by: secretary,
        updated_at: approvedAt,
      })
      .execute()
    await db
      .insertInto('minutes_entries')
      .values(
        meeting.agenda.map((a, i) => ({
          minutes_id: minutesId,
          agenda_item_id: a.id,
          summary: summaries[i] ?? '',
        })),
      )
      .execute()
    const first = meeting.agenda[0]
    const last = meeting.agenda[meeting.agenda.length - 1]
    if (!first || !last) continue
    // Everyone with a vote who was there votes, one abstaining on the second (the minutes' own rule:
    // no more votes than voters present).
    const present = (await presentVoters(own(db), meeting)) ?? Math.max(voting.length - 1, 2)
    const decisions = [
      {
        item: first.id,
        title: 'w sprawie przyjęcia porządku obrad',
        body: 'Przyjmuje się porządek obrad w brzmieniu zaproponowanym w zawiadomieniu.',
      },
      {
        item: last.id,
        title: 'w sprawie rekomendacji dla Grupy Strategicznej',
        body: 'Sieć rekomenduje Grupie Strategicznej uwzględnienie w planie działań na 2027 r. wsparcia partnerstw lokalnych.\n\nRekomendację przekazuje się Grupie Strategicznej.',
      },
    ]
    const numbers = await q.lastDecisionNumber(own(db), h.space_id, meeting.year)
    const rows = decisions.map((d, i) => ({
      id: randomUUID(),
      space_id: h.space_id,
      meeting_id: meeting.id,
      agenda_item_id: d.item,
      year: meeting.year,
      number: numbers + i + 1,
      title: d.title,
      body: d.body,
      votes_for: present - i,
      votes_against: 0,
      votes_abstaining: i,
      // Approved minutes: the register shows this text (as approveMinutes copies it).
      approved_title: d.title,
      approved_body: d.body,
      approved_votes_for: present - i,
      approved_votes_against: 0,
      approved_votes_abstaining: i,
      created_by: secretary,
      updated_at: approvedAt,
    }))
    await db.insertInto('decisions').values(rows).execute()
    if (h.name_pl === 'KST ds. ekonomii społecznej')
      recommendation = { id: rows[1]?.id ?? '', from: secretary }
    const owners = voting
      .map((v) => v.person_id)
      .sort((a, b) => Number(demoPeople.has(b)) - Number(demoPeople.has(a)))
      .slice(0, 2)
    await db
      .insertInto('action_items')
      .values([
        {
          space_id: h.space_id,
          meeting_id: meeting.id,
          agenda_item_id: meeting.agenda[1]?.id ?? first.id,
          title: 'Przesłać członkom zestawienie wskaźników rezultatu',
          owner_id: secretary,
          due_on: addDays(day, 10),
          created_by: secretary,
          updated_at: approvedAt,
        },
        ...owners.map((owner, i) => ({
          space_id: h.space_id,
          meeting_id: meeting.id,
          agenda_item_id: last.id,
          title:
            i === 0
              ? 'Przedstawić rekomendacje na posiedzeniu Grupy Strategicznej'
              : 'Zebrać przykłady dobrych praktyk partnerstw lokalnych',
          owner_id: owner,
          // One overdue, one ahead.
          due_on: i === 0 ? addDays(day, -5) : addDays(day, 21),
          created_by: secretary,
          updated_at: approvedAt,
        })),
      ])
      .execute()
    if (owners[1])
      await db
        .insertInto('minutes_comments')
        .values({
          minutes_id: minutesId,
          revision: 1,
          agenda_item_id: meeting.agenda[1]?.id ?? null,
          person_id: owners[1],
          body: 'Proszę dopisać, że zestawienie obejmie także projekty zakończone.',
          created_at: new Date(meeting.ends_at.getTime() + 9 * 24 * 3600_000),
          answer: 'Dopisano w przebiegu punktu 2.',
          answered_by: secretary,
          answered_at: new Date(meeting.ends_at.getTime() + 15 * 24 * 3600_000),
        })
        .execute()
    const minutes = await q.findMinutes(own(db), meeting.id)
    if (!minutes) continue
    const document = minutesDocument(
      h,
      meeting,
      minutes,
      await minutesContent(own(db), meeting, minutes),
      'chair',
    )
    await db
      .insertInto('minutes_revisions')
      .values({
        minutes_id: minutesId,
        revision: 1,
        document: JSON.stringify(document),
        approved_by: approver,
        approved_at: approvedAt,
      })
      .execute()
    if (storage) await storeRevisionFiles(own(db), storage, minutesId, 1)
  }
  const group = await db
    .selectFrom('spaces')
    .select('id')
    .where('type', '=', 'strategic_group')
    .executeTakeFirst()
  if (recommendation && group)
    await db
      .insertInto('decision_forwards')
      .values({
        decision_id: recommendation.id,
        to_space_id: group.id,
        note: 'Przekazujemy rekomendację do rozpatrzenia na najbliższym posiedzeniu.',
        forwarded_by: recommendation.from,
      })
      .execute()
}
