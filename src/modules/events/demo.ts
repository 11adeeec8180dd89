// The events' demo: the seed project's cycle (issue 14, seed 003: "Międzysektorowa współpraca"):
// the networking conference held a month and a half ago, a full workshop with a waiting list and a
// place on offer, a second workshop, an expert panel, a two-day study visit whose registration has
// not opened yet, the closing meeting, a training held and an English webinar. Days relative to today,
// each on a working day; registrations by demo accounts and by people without one.

import { sql } from 'kysely'
import {
  addDays,
  type Day,
  startOfWarsawDay,
  today,
  warsawDayAndTime,
  warsawInstant,
} from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { demoPdf, demoSurnames } from '../../kernel/demo.ts'
import { isWorkingDay, workingDayFrom } from '../../kernel/holidays.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import { newToken } from '../../kernel/tokens.ts'
import { projectRows, themeRows } from '../projects/index.ts'
import { spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import { certificateCode } from './rules.ts'
import type { AccessNeed, EventKind, QuestionKind, RegistrationState } from './tables.ts'

interface DemoEvent {
  kind: EventKind
  title: string
  lang: 'pl' | 'en'
  /** Days from today (moved on to a working day), and the times on a Warsaw clock. */
  in: number
  days?: number
  from: string
  to: string
  venue: string
  access: string
  online?: string
  capacity: number
  /** Registration opens this many days from today (negative: it has), and closes the day before. */
  opensIn: number
  space?: string
  /** The project that organises it, by its acronym. */
  project?: string
  /** The organiser's own questions on its form (those without an account answered the first). */
  questions?: { kind: QuestionKind; label: string; options?: string[]; required?: boolean }[]
  /** Its voivodeship (TERYT; none for an event online) and theme (by code). */
  region?: string
  theme?: string
  description: string
  /** Registrations: people without an account (by the index into `guests`) and demo accounts, each in a state. */
  guests: number
  waiting?: number
  /** People without an account who registered and gave their place up since. */
  gaveUp?: number
  accounts?: { email: string; state: RegistrationState; needs?: AccessNeed[] }[]
  /** The organiser approves each registration; this many people without an account await a decision. */
  approval?: boolean
  pending?: number
  /** Its programme, on the event's first day. */
  sessions?: DemoSession[]
  /**
   * Its documents where the demo keeps files: each one's title, the PDF's own (the demo's PDF font
   * has no Polish letters), the file's name and a line of its text.
   */
  documents?: (readonly [string, string, string, string])[]
  /** Held: the evaluation survey was sent the working day after, and this share of those who came answered. */
  surveyAnswered?: number
}

interface DemoSession {
  from: string
  to: string
  title: string
  room?: string
  speakers?: string[]
  description?: string
  /** Places of its own: those with a place at the event chose it, in turn among the sessions held at once. */
  capacity?: number
}

const katowice = 'Urząd Marszałkowski Województwa Śląskiego, ul. Ligonia 46, Katowice, sala sejmowa'
const katowiceAccess =
  'Wejście od ul. Ligonia bez schodów, winda do sali; pętla indukcyjna w sali; toaleta dostosowana na parterze; dwa miejsca parkingowe dla osób z niepełnosprawnością przed budynkiem.'

const events: DemoEvent[] = [
  {
    kind: 'conference',
    title: 'Konferencja sieciująca „Międzysektorowa współpraca – polityki publiczne tworzone razem”',
    region: '24',
    theme: 'cooperation',
    lang: 'pl',
    in: -45,
    from: '09:30',
    to: '15:30',
    venue: katowice,
    access: katowiceAccess,
    capacity: 120,
    opensIn: -80,
    description:
      'Konferencja otwierająca projekt dla przedstawicieli organizacji pozarządowych i jednostek samorządu terytorialnego subregionu. Po południu uczestnicy pracują w jednej z trzech grup.',
    documents: [
      [
        'Prezentacja: standardy współpracy administracji z organizacjami pozarządowymi',
        'Standardy wspolpracy administracji z organizacjami pozarzadowymi',
        'standardy-wspolpracy.pdf',
        'Wystapienie wprowadzajace: zasady, formy i narzedzia wspolpracy.',
      ],
      [
        'Wnioski z pracy w grupach',
        'Wnioski z pracy w grupach',
        'wnioski-z-grup.pdf',
        'Programy wspolpracy, klauzule spoleczne, budzet partycypacyjny: co ustalily grupy.',
      ],
    ],
    sessions: [
      { from: '09:30', to: '10:00', title: 'Rejestracja uczestników, kawa', room: 'Hol przy sali sejmowej' },
      {
        from: '10:00',
        to: '11:00',
        title: 'Standardy współpracy administracji z organizacjami pozarządowymi – wystąpienie wprowadzające',
        room: 'Sala sejmowa',
        speakers: ['dr hab. Jadwiga Sowińska, Uniwersytet Ekonomiczny w Katowicach'],
      },
      {
        from: '11:00',
        to: '12:30',
        title: 'Panel: polityki lokalne uzgadniane z mieszkańcami',
        room: 'Sala sejmowa',
        speakers: [
          'Marek Zieliński, burmistrz Czerwionki-Leszczyn',
          'Agnieszka Dąbrowska, Stowarzyszenie „Razem dla Rybnika”',
          'Edward Ekspert, Uniwersytet Łódzki',
        ],
      },
      { from: '12:30', to: '13:15', title: 'Obiad' },
      {
        from: '13:15',
        to: '15:00',
        title: 'Grupa 1: roczne i wieloletnie programy współpracy',
        room: 'Sala 101',
        speakers: ['Beata Wróblewska, Urząd Miasta Żory'],
        capacity: 40,
      },
      {
        from: '13:15',
        to: '15:00',
        title: 'Grupa 2: klauzule społeczne w zamówieniach gmin',
        room: 'Sala 102',
        speakers: ['Tomasz Kamiński, Ośrodek Wsparcia Ekonomii Społecznej w Rybniku'],
        capacity: 40,
      },
      {
        from: '13:15',
        to: '15:00',
        title: 'Grupa 3: budżet partycypacyjny krok po kroku',
        room: 'Sala 103',
        speakers: ['Halina Pawłowska, sołtyska sołectwa Palowice'],
        capacity: 40,
      },
      { from: '15:00', to: '15:30', title: 'Podsumowanie i zakończenie', room: 'Sala sejmowa' },
    ],
    guests: 34,
    surveyAnswered: 0.6,
    accounts: [
      { email: 'czlonek@demo.siatka.test', state: 'confirmed' },
      { email: 'sekretarz@demo.siatka.test', state: 'confirmed' },
    ],
  },
  {
    kind: 'workshop',
    title: 'Warsztat: budżet partycypacyjny i inicjatywa lokalna w gminie',
    questions: [
      {
        kind: 'choice',
        label: 'Kogo reprezentujesz?',
        options: ['Organizację pozarządową', 'Urząd gminy lub starostwo', 'Radę gminy', 'Sołectwo'],
        required: true,
      },
      { kind: 'text', label: 'O co chcesz zapytać prowadzącego?' },
      {
        kind: 'consent',
        label: 'Zgadzam się na publikację zdjęć z warsztatu, na których jestem, na stronie projektu.',
      },
    ],
    region: '24',
    theme: 'cooperation',
    lang: 'pl',
    in: 9,
    from: '10:00',
    to: '14:00',
    venue: 'Centrum Organizacji Pozarządowych, ul. Warszawska 15, Bielsko-Biała, sala 2',
    access: 'Sala na parterze, wejście bez progów; toaleta dostosowana; materiały w dużym druku na prośbę.',
    capacity: 20,
    opensIn: -21,
    space: 'KST ds. ekonomii społecznej',
    description:
      'Warsztat dla liderów i pracowników organizacji pozarządowych, sołtysów, radnych i pracowników urzędów gmin: jak przygotować i przeprowadzić budżet partycypacyjny oraz jak mieszkańcy mogą złożyć wniosek o inicjatywę lokalną.\n\nProwadzenie: Edward Ekspert, Uniwersytet Łódzki.',
    sessions: [
      {
        from: '10:00',
        to: '11:45',
        title: 'Budżet partycypacyjny: zasady, harmonogram, głosowanie',
        room: 'Sala 2',
        speakers: ['Edward Ekspert, Uniwersytet Łódzki'],
      },
      { from: '11:45', to: '12:15', title: 'Przerwa kawowa' },
      {
        from: '12:15',
        to: '14:00',
        title: 'Inicjatywa lokalna: wniosek mieszkańców krok po kroku',
        room: 'Sala 2',
        speakers: ['Edward Ekspert, Uniwersytet Łódzki', 'Halina Pawłowska, sołtyska sołectwa Palowice'],
        description: 'Ćwiczenie na wzorze wniosku z uchwały rady gminy.',
      },
    ],
    documents: [
      [
        'Program warsztatu',
        'Program warsztatu: budzet partycypacyjny i inicjatywa lokalna',
        'program-warsztatu.pdf',
        '10:00 Budzet partycypacyjny; 11:45 przerwa; 12:15 Inicjatywa lokalna.',
      ],
    ],
    guests: 18,
    waiting: 3,
    gaveUp: 1,
    accounts: [
      { email: 'przewodniczacy@demo.siatka.test', state: 'confirmed' },
      { email: 'czlonek@demo.siatka.test', state: 'offered', needs: ['large_print'] },
    ],
  },
  {
    kind: 'workshop',
    title: 'Warsztat: klauzule społeczne w zamówieniach publicznych',
    region: '24',
    theme: 'social-economy',
    project: 'PSWPS',
    lang: 'pl',
    in: 23,
    from: '10:00',
    to: '15:00',
    venue: 'Starostwo Powiatowe w Rybniku, ul. 3 Maja 31, Rybnik, sala konferencyjna',
    access: 'Wejście z podjazdem od ul. 3 Maja, winda na II piętro; pętla indukcyjna przenośna.',
    capacity: 25,
    opensIn: -10,
    description:
      'Jak samorząd może zastrzec zamówienie dla podmiotów ekonomii społecznej i stosować aspekty społeczne w kryteriach oceny ofert – przykłady z gmin subregionu, wzory zapisów SWZ.',
    guests: 9,
  },
  {
    kind: 'panel',
    title: 'Panel ekspercki: modele współpracy samorządu i organizacji pozarządowych',
    region: '24',
    theme: 'cooperation',
    lang: 'pl',
    in: 30,
    from: '11:00',
    to: '13:30',
    venue: katowice,
    access: katowiceAccess,
    online: 'https://spotkania.example.pl/panel-modele-wspolpracy',
    capacity: 60,
    opensIn: -5,
    description:
      'Eksperci i praktycy porównują modele współpracy: programy roczne i wieloletnie, rady działalności pożytku publicznego, centra organizacji pozarządowych. Panel można też śledzić online.\n\nMiejsca na sali są przede wszystkim dla przedstawicieli samorządów i organizacji z subregionu: organizator zatwierdza każde zgłoszenie.',
    approval: true,
    pending: 3,
    guests: 11,
    accounts: [{ email: 'ekspert@demo.siatka.test', state: 'confirmed' }],
  },
  {
    kind: 'webinar',
    title: 'Webinar: finding partners for transnational cooperation in ESF+',
    theme: 'social-economy',
    project: 'PSWPS',
    lang: 'en',
    in: 16,
    from: '14:00',
    to: '15:30',
    venue: '',
    access: '',
    online: 'https://meet.example.org/esf-partners',
    capacity: 300,
    opensIn: -14,
    description:
      'How to look for a partner organisation abroad, what a good partner request says, and how the community’s partner search ranks organisations. With Q&A; automatic captions in English.',
    guests: 7,
  },
  {
    kind: 'study_visit',
    title: 'Wizyta studyjna w subregionie północnym: centra organizacji pozarządowych',
    region: '24',
    theme: 'cooperation',
    lang: 'pl',
    in: 44,
    days: 1,
    from: '08:00',
    to: '17:00',
    venue: 'Wyjazd spod Urzędu Marszałkowskiego w Katowicach; Częstochowa i Lubliniec',
    access: 'Autokar z windą dla wózka; noclegi w pokojach dostosowanych na prośbę zgłoszoną przy zapisie.',
    capacity: 15,
    opensIn: 4,
    description:
      'Dwudniowy wyjazd przedstawicieli organizacji pozarządowych do innego subregionu: spotkania w centrach organizacji pozarządowych, rozmowy z pełnomocnikami ds. współpracy z III sektorem.',
    guests: 0,
  },
  {
    kind: 'training',
    title: 'Szkolenie: jak rozliczyć wkład własny w projekcie EFS+',
    theme: 'skills',
    project: 'PSWPS',
    lang: 'pl',
    in: -12,
    from: '10:00',
    to: '12:00',
    venue: '',
    access: '',
    online: 'https://spotkania.example.pl/wklad-wlasny',
    capacity: 80,
    opensIn: -40,
    description:
      'Wkład własny pieniężny i niepieniężny, jego dokumentowanie i najczęstsze błędy we wnioskach o płatność.',
    guests: 22,
    surveyAnswered: 0.4,
  },
  {
    kind: 'conference',
    title: 'Spotkanie podsumowujące projekt: efekty współpracy w subregionach',
    region: '24',
    theme: 'cooperation',
    lang: 'pl',
    in: 72,
    from: '10:00',
    to: '14:30',
    venue: katowice,
    access: katowiceAccess,
    capacity: 100,
    opensIn: -2,
    description:
      'Uczestnicy projektu prezentują efekty, korzyści i rezultaty wypracowane w projekcie oraz poznają inicjatywy III sektora z innych subregionów województwa.',
    sessions: [
      { from: '10:00', to: '10:30', title: 'Otwarcie: co zrobiliśmy razem w dwa lata', room: 'Sala sejmowa' },
      {
        from: '10:30',
        to: '12:00',
        title: 'Efekty współpracy w subregionach – prezentacje partnerów',
        room: 'Sala sejmowa',
        speakers: [
          'Paweł Projektowy, koordynator projektu',
          'Joanna Mazur, Centrum Organizacji Pozarządowych w Bielsku-Białej',
        ],
      },
      { from: '12:00', to: '12:45', title: 'Przerwa kawowa' },
      {
        from: '12:45',
        to: '14:00',
        title: 'Stolik tematyczny: centra organizacji pozarządowych',
        room: 'Sala 101',
        capacity: 30,
      },
      {
        from: '12:45',
        to: '14:00',
        title: 'Stolik tematyczny: inicjatywa lokalna i fundusz sołecki',
        room: 'Sala 102',
        capacity: 30,
      },
      { from: '14:00', to: '14:30', title: 'Podsumowanie', room: 'Sala sejmowa' },
    ],
    guests: 4,
  },
]

// People without an account: first names and surnames in matching forms.
const women = [
  'Agnieszka',
  'Katarzyna',
  'Małgorzata',
  'Joanna',
  'Ewa',
  'Beata',
  'Monika',
  'Aleksandra',
  'Dorota',
  'Iwona',
  'Justyna',
  'Renata',
]
const men = [
  'Andrzej',
  'Tomasz',
  'Marek',
  'Grzegorz',
  'Jacek',
  'Michał',
  'Rafał',
  'Łukasz',
  'Wojciech',
  'Zbigniew',
  'Krzysztof',
  'Paweł',
]
const surnames = demoSurnames
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toLowerCase()

/** The n-th guest: a woman or a man in turn, each surname in the matching form. */
export function guest(n: number) {
  const female = n % 2 === 0
  const first = (female ? women : men)[Math.floor(n / 2) % 12] as string
  const pair = surnames[(n * 5 + Math.floor(n / 24)) % surnames.length] as readonly [string, string]
  const last = female ? pair[1] : pair[0]
  return { name: `${first} ${last}`, email: `${ascii(first)}.${ascii(last)}@example.pl` }
}

/** People register in the day and the evening: the instant's Warsaw day, at an hour between 7 and 21. */
function daytime(at: Date, i: number) {
  const day = warsawDayAndTime(at).day
  const hour = 7 + ((i * 5) % 15)
  const minute = (i * 17) % 60
  const moved = warsawInstant(day, `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`)
  // Never after now (a registration from the future).
  return moved.getTime() > Date.now() ? new Date(Date.now() - (i + 1) * 60_000) : moved
}

const hour = 3_600_000

const diets = ['', '', '', 'wegetariańska', '', 'bezglutenowa', '', '']

/** Where guests work: the seed's target groups, NGOs and local government of the subregion. */
const organisations = [
  'Stowarzyszenie Inicjatyw Lokalnych „Razem”',
  'Urząd Gminy Jasienica',
  '',
  'Fundacja Rozwoju Ekonomii Społecznej',
  'Miejski Ośrodek Pomocy Społecznej w Rybniku',
  'Rada Gminy Wilamowice',
  'Koło Gospodyń Wiejskich w Bujakowie',
  '',
  'Starostwo Powiatowe w Cieszynie',
  'Spółdzielnia Socjalna „Pod Dębami”',
  'Sołectwo Łodygowice Górne',
  'Ochotnicza Straż Pożarna w Kobiórze',
]

export async function seedEvents(handle: AnyDb, storage?: LocalStorage) {
  const db: Db = handle
  const now = new Date()
  const day = today()
  const accounts = new Map(
    (await db.selectFrom('people').select(['id', 'email', 'name']).execute()).map((p) => [p.email, p]),
  )
  const spaces = new Map(
    (await db.selectFrom(spaceRows(db).as('s')).select(['s.id', 's.name_pl']).execute()).map((s) => [
      s.name_pl,
      s.id,
    ]),
  )
  const projects = new Map(
    (await db.selectFrom(projectRows(db).as('p')).select(['p.id', 'p.acronym']).execute()).map((p) => [
      p.acronym,
      p.id,
    ]),
  )
  const themes = new Map(
    (await db.selectFrom(themeRows(db).as('th')).select(['th.id', 'th.code']).execute()).map((t) => [
      t.code,
      t.id,
    ]),
  )
  const creator = accounts.get('koordynator@demo.siatka.test')
  if (!creator) throw new Error('demo: the coordinator is missing')
  let guestNo = 0
  for (const e of events) {
    // An event of several days runs on consecutive working days.
    let first: Day = workingDayFrom(addDays(day, e.in))
    while (e.days && !isWorkingDay(addDays(first, e.days))) first = workingDayFrom(addDays(first, 1))
    const last: Day = e.days ? addDays(first, e.days) : first
    const startsAt = warsawInstant(first, e.from)
    const opensAt = warsawInstant(addDays(day, e.opensIn), '00:00')
    // Registration closes at the end of the day before (as the organiser's form sets it).
    const closesAt = startOfWarsawDay(first)
    const created = await db
      .insertInto('events')
      .values({
        kind: e.kind,
        title: e.title,
        description: e.description,
        lang: e.lang,
        space_id: e.space ? (spaces.get(e.space) ?? null) : null,
        project_id: e.project ? (projects.get(e.project) ?? null) : null,
        voivodeship: e.region ?? null,
        theme_id: e.theme ? (themes.get(e.theme) ?? null) : null,
        starts_at: startsAt,
        ends_at: warsawInstant(last, e.to),
        venue: e.venue,
        venue_access: e.access,
        online_url: e.online ?? null,
        capacity: e.capacity,
        approval: e.approval ?? false,
        registration_opens_at: opensAt,
        registration_closes_at: closesAt,
        created_by: creator.id,
        created_at: new Date(opensAt.getTime() - 3 * 86_400_000),
        updated_at: new Date(opensAt.getTime() - 3 * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    // Registrations came in over the days registration was open, in order.
    const registeredUntil = Math.min(now.getTime(), closesAt.getTime())
    const span = Math.max(registeredUntil - opensAt.getTime(), 3_600_000)
    const rows: {
      name: string
      email: string
      person_id: string | null
      state: RegistrationState
      needs: AccessNeed[]
      diet: string
      organisation?: string
    }[] = []
    for (const a of e.accounts ?? []) {
      const person = accounts.get(a.email)
      if (person)
        rows.push({
          name: person.name,
          email: person.email,
          person_id: person.id,
          state: a.state,
          needs: a.needs ?? [],
          diet: '',
        })
    }
    const held = rows.filter((r) => r.state === 'confirmed' || r.state === 'offered').length
    for (let i = 0; i < e.guests + (e.waiting ?? 0); i++) {
      const g = guest(guestNo++)
      const state: RegistrationState =
        i < e.guests ? (held + i < e.capacity ? 'confirmed' : 'waiting') : 'waiting'
      rows.push({
        ...g,
        person_id: null,
        state,
        needs: i % 9 === 4 ? ['step_free'] : i % 13 === 6 ? ['pjm'] : [],
        diet: diets[i % diets.length] as string,
        organisation: organisations[i % organisations.length] as string,
      })
    }
    for (let i = 0; i < (e.gaveUp ?? 0); i++)
      rows.push({ ...guest(guestNo++), person_id: null, state: 'cancelled', needs: [], diet: '' })
    for (let i = 0; i < (e.pending ?? 0); i++)
      rows.push({
        ...guest(guestNo++),
        person_id: null,
        state: 'pending',
        needs: [],
        diet: '',
        organisation: organisations[(i + 5) % organisations.length] as string,
      })
    // At an event held, most of those with a place came (checked in as they arrived) and have their
    // certificates, issued the working day after.
    const past = e.in < 0
    const issuedAt = warsawInstant(workingDayFrom(addDays(last, 1)), '10:15')
    // In the order they came: those with a place, those who gave theirs up, then the waiting list,
    // whose first was offered the place given up.
    const rank = (s: RegistrationState) =>
      ['confirmed', 'cancelled', 'offered', 'waiting', 'pending'].indexOf(s)
    const order = [...rows].sort((a, b) => rank(a.state) - rank(b.state))
    if (order.length === 0) continue
    let previous = 0
    const inserted = await db
      .insertInto('event_registrations')
      .values(
        order.map((r, i) => {
          // In the order they came: a later one never before an earlier one.
          let at = daytime(new Date(opensAt.getTime() + Math.round((span * (i + 1)) / (order.length + 1))), i)
          if (at.getTime() <= previous) at = new Date(previous + 37 * 60_000)
          previous = at.getTime()
          return {
            event_id: created.id,
            person_id: r.person_id,
            name: r.name,
            email: r.email,
            state: r.state,
            access_needs: r.needs,
            diet: r.diet,
            token_hash: newToken().hash,
            lang: 'pl',
            created_at: at,
            // Someone signed in has a place at once; anyone else when they follow the mailed link.
            confirmed_at: r.person_id ? at : new Date(Math.min(at.getTime() + 20 * 60_000, now.getTime())),
            cancelled_at:
              r.state === 'cancelled'
                ? new Date(Math.max(at.getTime() + hour, now.getTime() - 5 * hour))
                : null,
            offer_expires_at: r.state === 'offered' ? new Date(now.getTime() + 30 * 3_600_000) : null,
            organisation: r.organisation ?? '',
            // Where the organiser approves each one, those holding a place were accepted the next day.
            ...(e.approval && r.state !== 'pending'
              ? {
                  decided_by: creator.id,
                  // The next working day at 9:30, never later than now.
                  decided_at: new Date(
                    Math.min(
                      warsawInstant(workingDayFrom(addDays(warsawDayAndTime(at).day, 1)), '09:30').getTime(),
                      now.getTime(),
                    ),
                  ),
                }
              : {}),
            ...(past && r.state === 'confirmed' && i % 8 !== 3
              ? {
                  attended_at: new Date(startsAt.getTime() - 25 * 60_000 + i * 40_000),
                  checked_in_by: creator.id,
                  certificate_code: certificateCode(),
                  certificate_issued_at: issuedAt,
                }
              : {}),
          }
        }),
      )
      .returning(['id', 'state'])
      .execute()
    await seedSessions(db, e, created.id, first, inserted)
    if (past && e.surveyAnswered) await seedSurvey(db, e.surveyAnswered, created.id, issuedAt)
    if (storage)
      for (const [title, pdfTitle, name, text] of e.documents ?? []) {
        const stored = await storage.put(
          db,
          { bytes: await demoPdf(pdfTitle, text, 'pl'), name },
          { field: 'file', allowed: ['pdf'] },
        )
        await db
          .insertInto('event_documents')
          .values({
            event_id: created.id,
            title,
            file_hash: stored.hash,
            kind: stored.kind,
            size_bytes: stored.sizeBytes,
            original_name: name,
            uploaded_by: creator.id,
            uploaded_at: new Date(opensAt.getTime() + 2 * 3_600_000),
          })
          .execute()
      }
    if (!e.questions) continue
    const asked = await db
      .insertInto('event_questions')
      .values(
        e.questions.map((q, i) => ({
          event_id: created.id,
          position: i + 1,
          kind: q.kind,
          label: q.label,
          options: q.options ?? [],
          required: q.required ?? false,
        })),
      )
      .returning(['id', 'kind', 'options'])
      .execute()
    // Everyone without an account answered the first question, in turn among its answers; every
    // third gave the consent.
    const chosen = asked[0]
    const consent = asked.find((q) => q.kind === 'consent')
    if (chosen?.kind === 'choice')
      await sql`insert into event_answers (registration_id, question_id, answer)
        select r.id, ${chosen.id}, (${chosen.options}::text[])[1 + (row_number() over (order by r.created_at))::int % ${chosen.options.length}]
        from event_registrations r where r.event_id = ${created.id} and r.person_id is null`.execute(db)
    if (consent)
      await sql`insert into event_answers (registration_id, question_id, answer)
        select r.id, ${consent.id}, 'yes' from (select id, row_number() over (order by created_at) n
          from event_registrations where event_id = ${created.id} and person_id is null) r where r.n % 3 = 0`.execute(
        db,
      )
  }
}

/**
 * An event's programme; those with a place chose among the sessions with places of their own held
 * at once, in turn (within the places: the demo's events have fewer people than the sessions).
 */
async function seedSessions(
  db: Db,
  e: DemoEvent,
  eventId: string,
  first: Day,
  registrations: { id: string; state: RegistrationState }[],
) {
  if (!e.sessions) return
  const sessions = await db
    .insertInto('event_sessions')
    .values(
      e.sessions.map((s) => ({
        event_id: eventId,
        title: s.title,
        starts_at: warsawInstant(first, s.from),
        ends_at: warsawInstant(first, s.to),
        room: s.room ?? '',
        description: s.description ?? '',
        speakers: s.speakers ?? [],
        capacity: s.capacity ?? null,
      })),
    )
    .returning(['id', 'capacity'])
    .execute()
  const choosable = sessions.filter((s) => s.capacity !== null)
  const holding = registrations.filter((r) => r.state === 'confirmed' || r.state === 'offered')
  if (!choosable.length || !holding.length) return
  await db
    .insertInto('event_session_choices')
    .values(
      holding.map((r, i) => ({ registration_id: r.id, session_id: choosable[i % choosable.length].id })),
    )
    .execute()
}

/** The comments left, in the order the answers came; the rest left none. */
const surveyComments = [
  'Dużo konkretnych przykładów z gmin, to było najcenniejsze.',
  'Więcej czasu na pytania z sali.',
  'Materiały dobrze byłoby dostać przed spotkaniem.',
  'Sala za mała na tyle osób, poza tym bardzo dobrze.',
  'Proszę o kontynuację w przyszłym roku, najlepiej w innym powiecie.',
  'Przydałby się tłumacz PJM także w części popołudniowej.',
  'Za krótka przerwa obiadowa.',
]
/** Each rating's answers in turn (mostly good, as such surveys come back; some differ by question). */
const surveyScores = {
  overall: [5, 4, 5, 4, 3, 5, 4, 5, 4, 2],
  content: [4, 5, 4, 3, 5, 4, 4, 5, 3, 4],
  speakers: [5, 5, 4, 4, 5, 3, 5, 4, 5, 4],
  organisation: [3, 4, 4, 5, 3, 4, 2, 4, 5, 4],
}

/**
 * The evaluation survey of an event held: sent the working day after with the certificates, and
 * answered by a share of those who came (ratings mostly good, as such surveys come back), each
 * answer kept without them.
 */
async function seedSurvey(db: Db, share: number, eventId: string, sentAt: Date) {
  await db.updateTable('events').set({ survey_sent_at: sentAt }).where('id', '=', eventId).execute()
  const came = await db
    .updateTable('event_registrations')
    .set({ survey_sent_at: sentAt })
    .where('event_id', '=', eventId)
    .where('attended_at', 'is not', null)
    .returning('id')
    .execute()
  const answering = came.slice(0, Math.round(came.length * share))
  if (!answering.length) return
  // Kept to the day, as the app keeps them: the working day after the survey went out.
  const answeredOn = startOfWarsawDay(workingDayFrom(addDays(warsawDayAndTime(sentAt).day, 1)))
  await db
    .updateTable('event_registrations')
    .set({ surveyed_at: answeredOn })
    .where(
      'id',
      'in',
      answering.map((r) => r.id),
    )
    .execute()
  const score = (q: keyof typeof surveyScores, i: number) => surveyScores[q][i % 10] as number
  await db
    .insertInto('event_survey_responses')
    .values(
      answering.map((_, i) => ({
        event_id: eventId,
        overall: score('overall', i),
        content: score('content', i),
        speakers: score('speakers', i),
        organisation: score('organisation', i),
        recommend: score('overall', i) >= 4,
        comment: i % 2 === 0 ? (surveyComments[i / 2] ?? '') : '',
        lang: 'pl',
        created_at: answeredOn,
      })),
    )
    .execute()
}
