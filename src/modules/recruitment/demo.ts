// The recruitment's demo (issue 14, seed 003): the seed project's second edition (RAZEM) recruits
// the participants of its workshops and expert panels now, in its three target groups (NGO leaders
// and staff, local government staff, councillors and village heads), with applications in every
// state before the decisions; and its study visit's recruitment, closed and decided a month and a
// half ago (places given, a reserve list, a refusal, a place given up and passed on). Names with
// matching gendered surnames, valid PESELs agreeing with each birthday and sex, gminas of the
// subregion from the TERYT register, points as the criteria give them.
import { type Insertable, sql } from 'kysely'
import { addDays, type Day, today, warsawInstant } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { demoPdf, demoSurnames } from '../../kernel/demo.ts'
import { workingDayFrom } from '../../kernel/holidays.ts'
import { makePesel } from '../../kernel/identifiers.ts'
import type { Sealer } from '../../kernel/sealed.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import { newToken } from '../../kernel/tokens.ts'
import { projectRows } from '../projects/index.ts'
import type { Db } from './db.ts'
import { decisionFor, pointsOf, rank, scoreOf } from './rules.ts'
import type { ApplicationState, CriterionRule, RecruitmentsTable, TieBreak } from './tables.ts'

const women = [
  'Anna',
  'Katarzyna',
  'Magdalena',
  'Joanna',
  'Agnieszka',
  'Ewa',
  'Barbara',
  'Monika',
  'Dorota',
  'Beata',
  'Renata',
  'Halina',
]
const men = [
  'Piotr',
  'Krzysztof',
  'Tomasz',
  'Marek',
  'Grzegorz',
  'Andrzej',
  'Michał',
  'Jacek',
  'Dariusz',
  'Zbigniew',
]

/** Gminas of the subregion: name, TERYT code, degree of urbanisation, locality, postcode. */
const places: [name: string, code: string, degurba: string, locality: string, postcode: string][] = [
  ['Rybnik – gmina miejska', '2473011', '1', 'Rybnik', '44-200'],
  ['Gaszowice – gmina wiejska', '2412022', '3', 'Czernica', '44-281'],
  ['Jejkowice – gmina wiejska', '2412032', '3', 'Jejkowice', '44-290'],
  ['Lyski – gmina wiejska', '2412042', '3', 'Lyski', '44-295'],
  ['Świerklany – gmina wiejska', '2412052', '3', 'Świerklany', '44-266'],
  ['Czerwionka-Leszczyny – gmina miejsko-wiejska', '2412013', '2', 'Czerwionka-Leszczyny', '44-230'],
  ['Żory – gmina miejska', '2479011', '1', 'Żory', '44-240'],
]
const streets = [
  'ul. Zamkowa',
  'ul. Wiejska',
  'ul. Szkolna',
  'ul. Kościelna',
  'ul. Powstańców Śląskich',
  'ul. Rybnicka',
  'ul. Ogrodowa',
]

interface DemoApplicant {
  state: ApplicationState
  group: number
  /** Days before today it was sent (null: a draft, changed that many days ago in `draftDaysAgo`). */
  sentDaysAgo: number | null
  draftDaysAgo?: number
  disability?: boolean
  labour: string
  born: Day
  woman: boolean
  manual?: number
  reason?: string
  /** Handed in on paper and typed in by the staff (no address given). */
  paper?: boolean
}

export async function seedRecruitment(handle: AnyDb, sealer: Sealer, storage?: LocalStorage) {
  const db: Db = handle
  const day = today()
  const project = await db
    .selectFrom(projectRows(db).as('p'))
    .select('p.id')
    .where('p.acronym', '=', 'RAZEM')
    .executeTakeFirst()
  if (!project) return
  const staff = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'projekt@demo.siatka.test')
    .executeTakeFirstOrThrow()

  // The workshops' recruitment, open now.
  const open = await recruitment(db, {
    project_id: project.id,
    title: 'Nabór uczestników warsztatów tematycznych i paneli eksperckich 2027',
    scope:
      'Uczestnicy wezmą udział w **czterech warsztatach tematycznych** (tworzenie partnerstw, programy współpracy, klauzule społeczne w zamówieniach publicznych, budżet partycypacyjny) i **dwóch panelach eksperckich** w Rybniku, a wybrane osoby z organizacji pozarządowych – w wizycie studyjnej w innym subregionie.\n\nUdział jest bezpłatny. Zapewniamy materiały, wyżywienie i zwrot kosztów dojazdu; na prośbę – tłumacza PJM i materiały w dużym druku.',
    who_may_apply:
      'Osoby mieszkające w województwie śląskim, pełnoletnie, z organizacji pozarządowych lub samorządów subregionu zachodniego: liderzy, członkowie zarządów, pracownicy i wolontariusze organizacji; pracownicy urzędów gmin i ich jednostek (kierownicy, sekretarze, pełnomocnicy ds. współpracy z III sektorem, specjaliści ds. zamówień publicznych); radni i sołtysi.',
    how_to_apply:
      'Wypełnij formularz zgłoszeniowy w Siatce (link dostaniesz e-mailem) albo złóż go w wersji papierowej w biurze projektu. Formularze przyjmujemy do ostatniego dnia naboru.',
    documents:
      'Formularz zgłoszeniowy z oświadczeniami.\nZaświadczenie o zatrudnieniu lub pełnieniu funkcji (pracownicy JST, radni, sołtysi).\nOrzeczenie o niepełnosprawności – tylko przy kryterium punktowym.',
    contact:
      'Agnieszka Nowak, koordynatorka projektu\na.nowak@demo.siatka.test, tel. +48 32 422 17 40\nBiuro projektu: ul. Mariacka 17, 40-014 Katowice (pon.–pt. 9:00–15:00)',
    opens_on: addDays(day, -12),
    closes_on: addDays(day, 14),
    esf_version: 'cst2021',
    voivodeship: '24',
    min_age: 18,
    max_age: null,
    tie_break: 'submitted',
    retention_until: '2034-12-31',
    pesel_readers: [staff.id],
    published_at: warsawInstant(addDays(day, -13), '10:00'),
    created_by: staff.id,
  })
  const openGroups = await groups(db, open, [
    ['Liderzy i pracownicy organizacji pozarządowych', 20],
    ['Pracownicy jednostek samorządu terytorialnego', 15],
    ['Radni i sołtysi', 10],
  ])
  const openCriteria = await criteria(db, open, [
    ['Zamieszkanie na obszarze wiejskim', 'rural', 10],
    ['Osoba z niepełnosprawnościami', 'disability', 5],
    ['Wiek 50 lat lub więcej', 'age50', 3],
    ['Motywacja i plan wykorzystania wiedzy w gminie', 'manual', 10],
  ])
  const workshop: DemoApplicant[] = [
    {
      state: 'draft',
      group: 0,
      sentDaysAgo: null,
      draftDaysAgo: 2,
      labour: 'employed',
      born: '1984-03-12',
      woman: true,
    },
    {
      state: 'draft',
      group: 2,
      sentDaysAgo: null,
      draftDaysAgo: 9,
      labour: 'employed',
      born: '1961-11-02',
      woman: false,
    },
    { state: 'submitted', group: 0, sentDaysAgo: 1, labour: 'employed', born: '1990-06-21', woman: true },
    {
      state: 'submitted',
      group: 1,
      sentDaysAgo: 2,
      labour: 'employed',
      born: '1975-01-30',
      woman: false,
      paper: true,
    },
    {
      state: 'submitted',
      group: 2,
      sentDaysAgo: 3,
      labour: 'employed',
      born: '1958-09-14',
      woman: true,
      disability: true,
    },
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: 10,
      labour: 'employed',
      born: '1979-04-05',
      woman: true,
      manual: 8,
    },
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: 9,
      labour: 'inactive',
      born: '1969-12-19',
      woman: false,
      manual: 6,
    },
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: 8,
      labour: 'unemployed',
      born: '1995-07-08',
      woman: true,
      disability: true,
      manual: 9,
    },
    {
      state: 'eligible',
      group: 1,
      sentDaysAgo: 8,
      labour: 'employed',
      born: '1982-02-27',
      woman: true,
      manual: 7,
    },
    {
      state: 'eligible',
      group: 1,
      sentDaysAgo: 7,
      labour: 'employed',
      born: '1971-10-10',
      woman: false,
      manual: 5,
    },
    {
      state: 'eligible',
      group: 2,
      sentDaysAgo: 6,
      labour: 'employed',
      born: '1966-05-16',
      woman: false,
      manual: 10,
    },
    {
      state: 'eligible',
      group: 2,
      sentDaysAgo: 5,
      labour: 'employed',
      born: '1973-08-23',
      woman: true,
      manual: 4,
    },
    {
      state: 'ineligible',
      group: 1,
      sentDaysAgo: 9,
      labour: 'unemployed',
      born: '1988-03-03',
      woman: false,
      reason:
        'Kandydat nie jest pracownikiem jednostki samorządu terytorialnego ani jej jednostki organizacyjnej (brak zaświadczenia o zatrudnieniu).',
    },
    { state: 'withdrawn', group: 0, sentDaysAgo: 11, labour: 'employed', born: '1992-01-17', woman: true },
  ]
  await applications(db, sealer, open, openGroups, openCriteria, workshop, day, 0, staff.id)
  // The project's own questions, answered by everyone who sent the form.
  const [organisation, date] = await db
    .insertInto('recruitment_fields')
    .values([
      {
        recruitment_id: open,
        position: 1,
        kind: 'text',
        label: 'Organizacja, urząd lub sołectwo, które reprezentujesz',
        required: true,
      },
      {
        recruitment_id: open,
        position: 2,
        kind: 'choice',
        label: 'Który termin pierwszego warsztatu Ci odpowiada?',
        options: ['wtorki przed południem', 'czwartki po południu', 'soboty'],
        required: false,
      },
      {
        recruitment_id: open,
        position: 3,
        kind: 'file',
        label: 'Zaświadczenie o zatrudnieniu lub pełnieniu funkcji (skan, jeśli je masz)',
        required: false,
      },
    ])
    .returning('id')
    .execute()
  await sql`update recruitment_applications set answers = answers || jsonb_build_object(
      ${`own-${organisation?.id}`}::text,
      (array['Stowarzyszenie Inicjatyw Lokalnych „Razem”', 'Urząd Gminy Lyski', 'Sołectwo Czernica', 'Fundacja Rozwoju Subregionu Zachodniego'])[1 + abs(hashtext(id::text)) % 4],
      ${`own-${date?.id}`}::text,
      (array['wtorki przed południem', 'czwartki po południu', 'soboty'])[1 + abs(hashtext(id::text)) % 3])
    where recruitment_id = ${open} and state <> 'draft'`.execute(db)
  // One applicant attached the certificate asked for, where the demo keeps files.
  const certificateQuestion = (
    await db
      .selectFrom('recruitment_fields')
      .select('id')
      .where('recruitment_id', '=', open)
      .where('kind', '=', 'file')
      .executeTakeFirstOrThrow()
  ).id
  const attaching = await db
    .selectFrom('recruitment_applications')
    .select(['id', 'family_name'])
    .where('recruitment_id', '=', open)
    .where('state', '=', 'submitted')
    .orderBy('submitted_at')
    .limit(1)
    .executeTakeFirst()
  if (storage && attaching) {
    const name = 'zaswiadczenie-o-zatrudnieniu.pdf'
    const stored = await storage.put(
      db,
      {
        bytes: await demoPdf(
          'Zaswiadczenie o zatrudnieniu',
          'Zaswiadcza sie, ze osoba jest zatrudniona w Urzedzie Gminy Lyski na stanowisku ds. organizacji pozarzadowych.',
          'pl',
        ),
        name,
      },
      { field: 'file', allowed: ['pdf'] },
    )
    await db
      .insertInto('recruitment_application_files')
      .values({
        application_id: attaching.id,
        field_id: certificateQuestion,
        file_hash: stored.hash,
        kind: stored.kind,
        size_bytes: stored.sizeBytes,
        original_name: name,
      })
      .execute()
    await sql`update recruitment_applications set answers = answers || jsonb_build_object(${`own-${certificateQuestion}`}::text, ${name}::text)
      where id = ${attaching.id}`.execute(db)
  }
  // Its rules and the declaration to print, where the demo keeps files.
  if (storage)
    // Each document's title, and the PDF's own (the demo's PDF font has no Polish letters).
    for (const [title, pdfTitle, name, text] of [
      [
        'Regulamin rekrutacji uczestników warsztatów i paneli eksperckich 2027',
        'Regulamin rekrutacji uczestnikow warsztatow i paneli eksperckich 2027',
        'regulamin-rekrutacji-2027.pdf',
        'Kto moze sie zglosic, terminy naboru, kryteria punktowe, lista rankingowa i rezerwowa.',
      ],
      [
        'Oświadczenie o zatrudnieniu w jednostce samorządu terytorialnego',
        'Oswiadczenie o zatrudnieniu w jednostce samorzadu terytorialnego',
        'oswiadczenie-jst.pdf',
        'Wzor oswiadczenia dla pracownikow JST, radnych i soltysow.',
      ],
    ] as const) {
      const stored = await storage.put(
        db,
        { bytes: await demoPdf(pdfTitle, text, 'pl'), name },
        { field: 'file', allowed: ['pdf'] },
      )
      await db
        .insertInto('recruitment_documents')
        .values({
          recruitment_id: open,
          title,
          file_hash: stored.hash,
          kind: stored.kind,
          size_bytes: stored.sizeBytes,
          original_name: name,
          uploaded_by: staff.id,
          uploaded_at: warsawInstant(addDays(day, -13), '09:30'),
        })
        .execute()
    }

  // The study visit's recruitment, closed and decided.
  const visitOpened = workingDayFrom(addDays(day, -75))
  const visitClosed = workingDayFrom(addDays(day, -55))
  const decided = workingDayFrom(addDays(day, -48))
  const visit = await recruitment(db, {
    project_id: project.id,
    title: 'Nabór na wizytę studyjną w subregionie północnym',
    scope:
      'Dwudniowa wizyta studyjna w Częstochowie i Kłobucku: spotkania z organizacjami, które prowadzą zadania publiczne zlecone przez gminy, i z urzędnikami odpowiedzialnymi za programy współpracy. Zapewniamy przejazd, nocleg i wyżywienie.',
    who_may_apply:
      'Liderzy, członkowie zarządów i pracownicy organizacji pozarządowych z subregionu zachodniego województwa śląskiego, pełnoletni.',
    how_to_apply: 'Formularz zgłoszeniowy w Siatce albo w wersji papierowej w biurze projektu.',
    documents: 'Formularz zgłoszeniowy z oświadczeniami.',
    contact: 'Agnieszka Nowak, a.nowak@demo.siatka.test, tel. +48 32 422 17 40',
    opens_on: visitOpened,
    closes_on: visitClosed,
    esf_version: 'cst2021',
    voivodeship: '24',
    min_age: 18,
    max_age: null,
    tie_break: 'older',
    retention_until: '2034-12-31',
    pesel_readers: [staff.id],
    published_at: warsawInstant(addDays(visitOpened, -1), '12:00'),
    decided_at: warsawInstant(decided, '14:00'),
    created_by: staff.id,
  })
  const visitGroups = await groups(db, visit, [['Liderzy i pracownicy organizacji pozarządowych', 6]])
  const visitCriteria = await criteria(db, visit, [
    ['Zamieszkanie na obszarze wiejskim', 'rural', 10],
    ['Doświadczenie we współpracy z samorządem', 'manual', 10],
  ])
  const ago = (d: Day) => Math.round((Date.parse(day) - Date.parse(d)) / 86_400_000)
  const sent = (n: number) => ago(visitClosed) + n
  // Their decisions follow from the ranking (applications()); one was refused before it.
  const visitors: DemoApplicant[] = [
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: sent(15),
      labour: 'employed',
      born: '1977-06-01',
      woman: true,
      manual: 9,
    },
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: sent(14),
      labour: 'employed',
      born: '1968-02-14',
      woman: false,
      manual: 8,
    },
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: sent(12),
      labour: 'employed',
      born: '1985-11-30',
      woman: true,
      manual: 10,
    },
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: sent(11),
      labour: 'inactive',
      born: '1959-04-22',
      woman: true,
      manual: 7,
    },
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: sent(9),
      labour: 'employed',
      born: '1991-09-09',
      woman: false,
      manual: 8,
    },
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: sent(8),
      labour: 'employed',
      born: '1980-12-12',
      woman: true,
      manual: 9,
    },
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: sent(6),
      labour: 'employed',
      born: '1974-07-07',
      woman: false,
      manual: 6,
    },
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: sent(5),
      labour: 'employed',
      born: '1993-03-18',
      woman: true,
      manual: 3,
    },
    {
      state: 'eligible',
      group: 0,
      sentDaysAgo: sent(3),
      labour: 'employed',
      born: '1987-05-25',
      woman: false,
      manual: 2,
    },
    {
      state: 'rejected',
      group: 0,
      sentDaysAgo: sent(2),
      labour: 'employed',
      born: '1983-10-01',
      woman: true,
      reason:
        'Kandydatka reprezentuje przedsiębiorstwo, a nie organizację pozarządową – nie należy do grupy docelowej.',
    },
  ]
  await applications(db, sealer, visit, visitGroups, visitCriteria, visitors, day, 7, staff.id, {
    decidedAt: warsawInstant(decided, '14:00'),
    startsOn: workingDayFrom(addDays(day, -30)),
    tieBreak: 'older',
    places: 6,
  })
}

async function recruitment(db: Db, values: Insertable<RecruitmentsTable>) {
  const row = await db.insertInto('recruitments').values(values).returning('id').executeTakeFirstOrThrow()
  return row.id
}

async function groups(db: Db, recruitmentId: string, list: [string, number][]) {
  return db
    .insertInto('recruitment_groups')
    .values(
      list.map(([name, places], i) => ({ recruitment_id: recruitmentId, position: i + 1, name, places })),
    )
    .returning(['id', 'places'])
    .execute()
}

async function criteria(db: Db, recruitmentId: string, list: [string, CriterionRule, number][]) {
  return db
    .insertInto('recruitment_criteria')
    .values(
      list.map(([label, rule, points], i) => ({
        recruitment_id: recruitmentId,
        position: i + 1,
        label,
        rule,
        points,
      })),
    )
    .returning(['id', 'rule', 'points'])
    .execute()
}

async function applications(
  db: Db,
  sealer: Sealer,
  recruitmentId: string,
  groupRows: { id: string }[],
  criteriaRows: { id: string; rule: CriterionRule; points: number }[],
  list: DemoApplicant[],
  day: Day,
  offset: number,
  staffId: string,
  decision?: { decidedAt: Date; startsOn: Day; tieBreak: TieBreak; places: number },
) {
  const manualId = criteriaRows.find((c) => c.rule === 'manual')?.id
  let w = offset
  let m = offset
  const rows = list.map((x, i) => {
    const given = x.woman ? (women[w++ % women.length] as string) : (men[m++ % men.length] as string)
    const [man, woman] = demoSurnames[(i * 5 + offset * 3) % demoSurnames.length] as readonly [string, string]
    const family = x.woman ? woman : man
    const place = places[(i + offset) % places.length] as (typeof places)[number]
    const pesel = makePesel(x.born, x.woman ? 'K' : 'M', 100 + i * 7 + offset)
    const sentAt =
      x.sentDaysAgo === null
        ? null
        : warsawInstant(
            workingDayFrom(addDays(day, -x.sentDaysAgo)),
            `${9 + (i % 7)}:${String((i * 13) % 60).padStart(2, '0')}`,
          )
    const answers: Record<string, string> = {
      givenName: given,
      familyName: family,
      birthDate: x.born,
      education: i % 3 === 0 ? 'isced3' : 'isced5_8',
      voivodeship: '24',
      municipality: place[0].split(' – ')[0] as string,
      municipalityCode: place[1],
      municipalityName: place[0],
      gmina: place[0].split(' – ')[0] as string,
      county: place[1].startsWith('2412') ? 'rybnicki' : (place[0].split(' – ')[0] as string),
      locality: place[3],
      street: streets[i % streets.length] as string,
      building: String(3 + ((i * 7) % 40)),
      postcode: place[4],
      degurba: place[2],
      phone: `+48 ${600 + i} ${String(100 + i * 11).slice(0, 3)} ${String(200 + i * 17).slice(0, 3)}`,
      labourStatus: x.labour,
      foreignOrigin: 'no',
      thirdCountry: 'no',
      minority: i % 5 === 4 ? 'refused' : 'no',
      homeless: 'no',
      disability: x.disability ? 'yes' : i % 6 === 5 ? 'refused' : 'no',
      ...(x.state === 'draft' ? {} : { declEligible: 'yes', declTruth: 'yes', declInformed: 'yes' }),
    }
    const sentOn = sentAt ? sentAt.toISOString().slice(0, 10) : day
    const points =
      x.state === 'draft'
        ? {}
        : pointsOf(
            criteriaRows,
            { answers, birthDate: x.born, manual: manualId ? { [manualId]: x.manual ?? 0 } : {} },
            sentOn,
          )
    const decidedAt = decision ? decision.decidedAt : null
    const email = `${given}.${family}`
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
    return {
      recruitment_id: recruitmentId,
      group_id: (groupRows[x.group] as { id: string }).id,
      email: x.paper ? '' : `${email}@przyklad.pl`,
      entered_by: x.paper ? staffId : null,
      lang: 'pl',
      token_hash: newToken().hash,
      state: x.state as ApplicationState,
      given_name: given,
      family_name: family,
      answers: JSON.stringify(answers),
      pesel_sealed: sealer.seal(pesel),
      pesel_fingerprint: x.state === 'draft' ? null : sealer.fingerprint(pesel, recruitmentId),
      birth_date: x.born,
      sex: x.woman ? 'K' : 'M',
      voivodeship: '24',
      points: JSON.stringify(points),
      score: scoreOf(points),
      ineligible_reason: x.reason ?? '',
      submitted_at: sentAt,
      decided_at: decidedAt,
      support_starts_on: null as Day | null,
      created_at: sentAt ?? warsawInstant(addDays(day, -(x.draftDaysAgo ?? 0) - 1), '18:00'),
      updated_at: sentAt ?? warsawInstant(addDays(day, -(x.draftDaysAgo ?? 0)), '20:15'),
    }
  })
  // A decided recruitment's states are the ranking's: those within the places accepted, the rest on
  // the reserve list; the second of the list gave up their place, which went to the first in reserve.
  if (decision) {
    const ranked = rank(
      rows
        .map((r, i) => ({
          id: String(i).padStart(4, '0'),
          score: r.score,
          submitted_at: r.submitted_at as Date,
          birth_date: r.birth_date,
        }))
        .filter((_, i) => rows[i]?.state !== 'rejected'),
      decision.tieBreak,
    )
    const places = decision.places
    for (const [position, r] of ranked.entries()) {
      const row = rows[Number(r.id)] as (typeof rows)[number]
      row.state = decisionFor(position, places)
      if (position === 1) row.state = 'withdrawn'
      if (position === places) row.state = 'accepted'
      row.support_starts_on = row.state === 'reserve' ? null : decision.startsOn
    }
  }
  await db.insertInto('recruitment_applications').values(rows).execute()
}
