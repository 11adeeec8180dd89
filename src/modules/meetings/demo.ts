// Demo meetings: in every thematic network and the Strategic Group, a past meeting with its
// notice, answers and presence, and an upcoming one told of, with an agenda and answers coming
// in; the social-economy network also has materials (when the demo has somewhere to keep files),
// a study visit held a month ago with its published report, and one ahead whose notice is still
// to be sent, with its host, programme and two outside participants.

import { randomUUID } from 'node:crypto'
import { addDays, today, warsawInstant } from '../../kernel/dates.ts'
import type { AppDb as Db } from '../../kernel/db.ts'
import { demoDays, demoPdf } from '../../kernel/demo.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import { defaultMeetingRules } from '../spaces/index.ts'
import { seedMinutes } from './minutes/demo.ts'
import type { AgendaKind } from './tables.ts'

const pastAgenda: [string, string, number, AgendaKind][] = [
  ['Otwarcie posiedzenia i przyjęcie porządku obrad', 'Przewodniczący', 10, 'decision'],
  ['Informacja o postępie prac w projektach partnerskich', 'Sekretariat', 45, 'information'],
  ['Dyskusja o rekomendacjach dla Grupy Strategicznej', 'Członkowie sieci', 60, 'discussion'],
]

const visitProgramme: [string, string, number, AgendaKind][] = [
  ['Powitanie u gospodarzy i przedstawienie spółdzielni', 'Zarząd spółdzielni', 30, 'information'],
  ['Zwiedzanie pralni i pracowni krawieckiej', 'Członkowie spółdzielni', 60, 'information'],
  ['Rozmowa o współpracy z gminą i zamówieniach społecznych', 'Urząd Gminy', 45, 'discussion'],
  ['Obiad w kawiarni prowadzonej przez spółdzielnię', '', 45, 'information'],
  ['Podsumowanie i wnioski dla sieci', 'Sekretariat', 30, 'discussion'],
]

const pastVisitProgramme: [string, string, number, AgendaKind][] = [
  ['Powitanie w Ośrodku Wsparcia Ekonomii Społecznej', 'OWES', 30, 'information'],
  ['Wizyta w przedsiębiorstwie społecznym „Zielony Warsztat”', 'Partnerstwo', 90, 'information'],
  ['Dyskusja o dobrych praktykach', 'Członkowie sieci', 60, 'discussion'],
]

const pastVisitReport = {
  seen: `Odwiedziliśmy **Ośrodek Wsparcia Ekonomii Społecznej** w Opolu i przedsiębiorstwo społeczne „Zielony Warsztat”, które zatrudnia 14 osób zagrożonych wykluczeniem.

- pracownię renowacji mebli i sklep z meblami z odzysku,
- szkolenia zawodowe prowadzone razem z powiatowym urzędem pracy.`,
  practices: `1. **Zamówienia społeczne gmin**: trzy gminy zlecają przedsiębiorstwu utrzymanie zieleni z klauzulami społecznymi.
2. **Trener pracy** towarzyszy nowym pracownikom przez pierwsze pół roku.`,
  conclusions: `Sieć zarekomenduje Grupie Strategicznej upowszechnienie klauzul społecznych w zamówieniach gmin. Sekretariat przygotuje notatkę do następnego posiedzenia.`,
}

const nextAgenda: [string, string, number, AgendaKind][] = [
  ['Otwarcie posiedzenia i przyjęcie porządku obrad', 'Przewodniczący', 10, 'decision'],
  ['Przyjęcie protokołu z poprzedniego posiedzenia', 'Sekretariat', 10, 'decision'],
  ['Projekt planu pracy na 2027 r.', 'Sekretariat', 40, 'decision'],
  ['Wnioski z wizyty studyjnej', 'Eksperci', 30, 'discussion'],
  ['Sprawy różne', '', 15, 'information'],
]

const earlier = (a: string, b: string) => (a < b ? a : b)

export async function seedMeetings(db: Db, storage?: LocalStorage) {
  const spaces = await db
    .selectFrom('spaces')
    .select(['id', 'name_pl', 'secretary_id', 'type'])
    .where('type', 'in', ['thematic_network', 'strategic_group'])
    .where('secretary_id', 'is not', null)
    .orderBy('name_pl')
    .execute()
  const day = today()
  const members = await db
    .selectFrom('space_memberships')
    .select(['space_id', 'person_id', 'role', 'deputy_for'])
    .where(
      'space_id',
      'in',
      spaces.map((s) => s.id),
    )
    .where('starts_on', '<=', day)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', day)]))
    .execute()
  const people = new Map(
    (await db.selectFrom('people').select(['id', 'email', 'role']).execute()).map((p) => [p.id, p]),
  )
  const authority = [...people.values()].filter((p) => p.role === 'managing_authority')

  // Meetings fall on working days: each is moved on past a weekend or a public holiday.
  const { pastMeeting: past, nextMeeting: next, nextVisit: nextYear, pastVisit } = demoDays(day)
  type Plan = {
    spaceId: string
    secretaryId: string
    day: string
    subject: string
    agenda: typeof nextAgenda
    told: boolean
    state: 'held' | 'answers' | 'planned'
    visit?: { name: string; region: string; town: string; place: string; capacity: number | null }
  }
  const plans: Plan[] = []
  for (const s of spaces) {
    const secretaryId = s.secretary_id as string
    plans.push({
      spaceId: s.id,
      secretaryId,
      day: past,
      subject: 'Podsumowanie półrocza',
      agenda: pastAgenda,
      told: true,
      state: 'held',
    })
    if (s.name_pl === 'KST ds. ekonomii społecznej')
      plans.push({
        spaceId: s.id,
        secretaryId,
        day: pastVisit,
        subject: 'Przedsiębiorstwa społeczne na Opolszczyźnie',
        agenda: pastVisitProgramme,
        told: true,
        state: 'held',
        visit: {
          name: 'Partnerstwo na rzecz ekonomii społecznej Opolszczyzny',
          region: 'opolskie',
          town: 'Opole',
          place: 'ul. Ozimska 4, Opole',
          capacity: 20,
        },
      })
    plans.push({
      spaceId: s.id,
      secretaryId,
      day: next,
      subject: 'Plan pracy na 2027 r.',
      agenda: nextAgenda,
      told: true,
      state: 'answers',
    })
    if (s.name_pl === 'KST ds. ekonomii społecznej')
      plans.push({
        spaceId: s.id,
        secretaryId,
        day: nextYear,
        subject: 'Wizyta w spółdzielni socjalnej',
        agenda: visitProgramme,
        told: false,
        state: 'planned',
        visit: {
          name: 'Spółdzielnia Socjalna „Razem”',
          region: 'małopolskie',
          town: 'Nowy Sącz',
          place: 'ul. Lwowska 12, Nowy Sącz',
          capacity: 15,
        },
      })
  }

  // A notice goes 16 days ahead, or two days ago for a meeting nearer than that (never in the future).
  const sentDay = (meetingDay: string) => earlier(addDays(meetingDay, -16), addDays(day, -2))
  // Numbers per space and year, in time order.
  const numbers = new Map<string, number>()
  const meetingRows = plans.map((p) => {
    const year = Number(p.day.slice(0, 4))
    const key = `${p.spaceId}/${year}`
    const number = (numbers.get(key) ?? 0) + 1
    numbers.set(key, number)
    const startsAt = warsawInstant(p.day, '10:00')
    return {
      id: randomUUID(),
      space_id: p.spaceId,
      kind: p.visit ? ('study_visit' as const) : ('meeting' as const),
      year,
      number,
      subject: p.subject,
      starts_at: startsAt,
      ends_at: warsawInstant(p.day, '14:00'),
      place: p.visit?.place ?? 'Centrum Projektów Europejskich, ul. Domaniewska 39a, Warszawa',
      online_url: p.visit ? '' : 'https://spotkanie.example.pl/kst',
      host_name: p.visit?.name ?? '',
      host_region: p.visit?.region ?? '',
      host_town: p.visit?.town ?? '',
      visit_capacity: p.visit?.capacity ?? null,
      confirm_by: warsawInstant(addDays(p.day, -7), '23:59'),
      notice_sent_at: p.told ? warsawInstant(sentDay(p.day), '09:00') : null,
      created_by: p.secretaryId,
      updated_at: new Date(),
    }
  })
  await db.insertInto('meetings').values(meetingRows).execute()

  const agendaRows = plans.flatMap((p, i) =>
    p.agenda.map(([title, presenter, minutes, kind], j) => ({
      id: randomUUID(),
      meeting_id: meetingRows[i].id,
      position: j + 1,
      title,
      presenter,
      minutes,
      kind,
    })),
  )
  if (agendaRows.length > 0) await db.insertInto('agenda_items').values(agendaRows).execute()

  // The study visits: two outside participants of the one ahead, the report of the one held.
  const visitAhead = plans.findIndex((p) => p.visit && p.state === 'planned')
  if (visitAhead >= 0) {
    const m = meetingRows[visitAhead]
    await db
      .insertInto('visit_participants')
      .values([
        {
          meeting_id: m.id,
          name: 'Joanna Wieczorek',
          organisation: 'Projekt „Ekonomia społeczna w Małopolsce”',
          email: 'j.wieczorek@example.pl',
          person_id: null,
          added_by: plans[visitAhead].secretaryId,
          added_at: warsawInstant(addDays(day, -2), '11:00'),
        },
        {
          meeting_id: m.id,
          name: 'Tomasz Górecki',
          organisation: 'Urząd Miasta Nowy Sącz',
          email: null,
          person_id: null,
          added_by: plans[visitAhead].secretaryId,
          added_at: warsawInstant(addDays(day, -1), '15:30'),
        },
      ])
      .execute()
  }
  const visitHeld = plans.findIndex((p) => p.visit && p.state === 'held')
  if (visitHeld >= 0) {
    const m = meetingRows[visitHeld]
    const by = plans[visitHeld].secretaryId
    const publishedAt = warsawInstant(addDays(pastVisit, 3), '12:00')
    await db
      .insertInto('visit_reports')
      .values({
        meeting_id: m.id,
        ...pastVisitReport,
        visibility: 'public',
        version: 2,
        published_at: publishedAt,
        published_by: by,
        created_by: by,
        created_at: publishedAt,
        edited_by: by,
        edited_at: warsawInstant(addDays(pastVisit, 4), '09:30'),
      })
      .execute()
  }

  // Notices: every member and the managing authority, each mail accepted by the server.
  // A meeting nearer than the notice period was told of late, and the secretary said why, as the
  // app asks (the demo's spaces keep the default period).
  const notices = plans.flatMap((p, i) =>
    p.told
      ? [
          {
            id: randomUUID(),
            meeting_id: meetingRows[i].id,
            kind: 'request' as const,
            sequence: 0,
            late_reason:
              sentDay(p.day) > addDays(p.day, -defaultMeetingRules.noticeDays)
                ? 'Termin posiedzenia ustalono z przewodniczącym dopiero po zatwierdzeniu harmonogramu prac przez Instytucję Zarządzającą.'
                : null,
            sent_by: p.secretaryId,
            sent_at: meetingRows[i].notice_sent_at as Date,
            spaceId: p.spaceId,
          },
        ]
      : [],
  )
  const recipients = notices.flatMap((n) => {
    const ids = new Set([
      ...members.filter((m) => m.space_id === n.spaceId).map((m) => m.person_id),
      ...authority.map((a) => a.id),
    ])
    return [...ids].map((personId) => ({ notice: n, personId, deliveryId: randomUUID() }))
  })
  if (notices.length > 0) {
    await db
      .insertInto('meeting_notices')
      .values(notices.map(({ spaceId: _, ...n }) => n))
      .execute()
    await db
      .insertInto('mail_deliveries')
      .values(
        recipients.map((r) => ({
          id: r.deliveryId,
          recipient: people.get(r.personId)?.email ?? '',
          subject: 'Zawiadomienie o posiedzeniu',
          status: 'accepted' as const,
          smtp_reply: '250 2.0.0 Ok: queued (demo)',
          attempts: 1,
          queued_at: r.notice.sent_at,
          updated_at: r.notice.sent_at,
        })),
      )
      .execute()
    await db
      .insertInto('meeting_notice_recipients')
      .values(
        recipients.map((r) => ({ notice_id: r.notice.id, person_id: r.personId, delivery_id: r.deliveryId })),
      )
      .execute()
  }

  // Answers (most come, a few do not) and, for the meeting held, who was there.
  const voting = (spaceId: string) =>
    members.filter((m) => m.space_id === spaceId && ['chair', 'vice_chair', 'member'].includes(m.role))
  const answers = plans.flatMap((p, i) => {
    if (p.state === 'planned') return []
    const list = voting(p.spaceId)
    const answered = p.state === 'held' ? list : list.filter((_, k) => k % 3 !== 2)
    return answered.map((m, k) => ({
      meeting_id: meetingRows[i].id,
      person_id: m.person_id,
      answer: k % 7 === 3 ? ('no' as const) : ('yes' as const),
      deputy_id: null,
      answered_at: warsawInstant(earlier(addDays(p.day, -10 + (k % 3)), addDays(day, -(k % 3))), '12:00'),
    }))
  })
  if (answers.length > 0) await db.insertInto('meeting_answers').values(answers).execute()
  const presence = plans.flatMap((p, i) =>
    p.state === 'held'
      ? voting(p.spaceId).map((m, k) => ({
          meeting_id: meetingRows[i].id,
          person_id: m.person_id,
          presence:
            k % 7 === 3 ? ('absent' as const) : k % 4 === 1 ? ('online' as const) : ('in_person' as const),
          recorded_by: p.secretaryId,
          recorded_at: meetingRows[i].ends_at,
        }))
      : [],
  )
  if (presence.length > 0) await db.insertInto('meeting_presence').values(presence).execute()

  // Materials of the next meeting of the social-economy network, a Polish file and its English version.
  const social = plans.findIndex(
    (p) =>
      p.state === 'answers' &&
      spaces.find((s) => s.id === p.spaceId)?.name_pl === 'KST ds. ekonomii społecznej',
  )
  if (storage && social >= 0) {
    const meeting = meetingRows[social]
    const item = agendaRows.find((a) => a.meeting_id === meeting.id && a.position === 3)
    const pl = await storage.put(
      db,
      {
        bytes: await demoPdf(
          'Projekt planu pracy na 2027 r.',
          'Wersja do dyskusji na posiedzeniu sieci.',
          'pl',
        ),
        name: 'plan-pracy-2027.pdf',
      },
      { field: 'file', allowed: ['pdf'] },
    )
    const en = await storage.put(
      db,
      {
        bytes: await demoPdf(
          'Draft work plan for 2027',
          'Version for discussion at the network meeting.',
          'en',
        ),
        name: 'work-plan-2027.pdf',
      },
      { field: 'file', allowed: ['pdf'] },
    )
    const material = await db
      .insertInto('materials')
      .values({
        space_id: meeting.space_id,
        meeting_id: meeting.id,
        agenda_item_id: item?.id ?? null,
        title: 'Projekt planu pracy na 2027 r.',
        // Published with the notice: the network's public page lists it under the meeting.
        visibility: 'public',
        created_by: plans[social].secretaryId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const files = await db
      .insertInto('material_files')
      .values(
        (
          [
            [pl, 'pl', 'plan-pracy-2027.pdf'],
            [en, 'en', 'work-plan-2027.pdf'],
          ] as const
        ).map(([file, language, name]) => ({
          material_id: material.id,
          language,
          version: 1,
          file_hash: file.hash,
          kind: file.kind,
          mime_type: file.mimeType,
          size_bytes: file.sizeBytes,
          original_name: name,
          uploaded_by: plans[social].secretaryId,
        })),
      )
      .returning(['id', 'language'])
      .execute()
    // A translation into German asked of an outside translator, not delivered yet. Its private link
    // was mailed to the translator; the demo keeps only a hash of a token nobody holds.
    const polish = files.find((f) => f.language === 'pl')
    if (polish)
      await db
        .insertInto('translation_requests')
        .values({
          material_id: material.id,
          source_file_id: polish.id,
          source_language: 'pl',
          target_language: 'de',
          deadline: addDays(day, 12),
          translator_id: null,
          outside_name: 'Greta Übersetzerin',
          outside_email: 'greta.uebersetzerin@example.de',
          translator_lang: 'en',
          token_hash: randomUUID(),
          requested_by: plans[social].secretaryId,
        })
        .execute()
    // And one into Ukrainian, for the network's partners from Lviv, asked of a member with an
    // account: it waits on their start page.
    const member = await db
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'czlonek@demo.siatka.test')
      .executeTakeFirst()
    if (polish && member)
      await db
        .insertInto('translation_requests')
        .values({
          material_id: material.id,
          source_file_id: polish.id,
          source_language: 'pl',
          target_language: 'uk',
          deadline: addDays(day, 9),
          translator_id: member.id,
          translator_lang: 'pl',
          token_hash: randomUUID(),
          requested_by: plans[social].secretaryId,
        })
        .execute()
  }
  await seedMinutes(db, storage)
}
