// The benchmark's data set, loaded after the demo data and only by `npm run bench` (never by the
// tests or the demo): 5,000 people in 300 organisations, 100 networks and bodies with approved
// compositions of 10–60 members (people sitting in 1–3 of them; a quarter of the bodies with an
// earlier composition whose memberships have ended; a tenth with a change waiting for the managing
// authority), experts and guests invited from outside the compositions, work schedules and
// announcements; 10,000 meetings and, for the past ones, minutes, about 17,000 decisions in the
// register and about 14,000 action items.
//
// Deterministic (a seeded generator): every run measures the same rows. Rows go in as multi-row
// inserts of at most 1,000 rows (PostgreSQL allows 65,535 parameters a statement), in one
// transaction, then ANALYZE, as autovacuum would do on a server in service.
import { createHash, randomUUID } from 'node:crypto'
import { type Insertable, sql } from 'kysely'
import { addDays, monthOf, today, warsawDayAndTime, warsawInstant } from '../src/kernel/dates.ts'
import type { AnyDb, Database, AppDb as Db } from '../src/kernel/db.ts'
import type { SpaceRole } from '../src/kernel/policy.ts'
import type { OrganisationType } from '../src/modules/accounts/index.ts'
import { findMinutes, minutesContent, minutesDocument } from '../src/modules/meetings/minutes/service.ts'
import { requireMeeting } from '../src/modules/meetings/service.ts'
import type { AgendaKind } from '../src/modules/meetings/tables.ts'
import { insertGenerated } from '../src/modules/projects/demo-portfolio.ts'
import type { Representation, SpaceType } from '../src/modules/spaces/tables.ts'

export const benchSizes = {
  people: 5000,
  organisations: 300,
  spaces: 100,
  biggestSpace: 60,
  /** 100 a body, from three and a half years ago to a year and a half ahead. */
  meetings: 10000,
  agendaItems: 20,
  materials: 40,
  /** With the demo's sixty-three, about a thousand funded projects. */
  projects: 940,
  /** The community forum's posts: 50 a topic, and one topic of 200 that the topic page measures. */
  forumPosts: 100_000,
  /** Organisations with a community profile, for the partner search; a twentieth publish a request. */
  partnerOrganisations: 20_000,
  /** Events over six years (half held, half ahead), 20 registrations each. */
  events: 5_000,
} as const

export type BenchSizes = { [K in keyof typeof benchSizes]: number }

/**
 * The data set at `scale` (`--scale 0.1`: a tenth): fewer people, organisations and bodies, and so
 * fewer meetings (still 100 a body) and everything below them. What the measured pages show stays
 * the same (the biggest body's 60 members, its meeting's 20 items and 40 materials), so a page that
 * costs more with more data elsewhere in the database reads more than it shows.
 */
export function benchSizesAt(scale: number): BenchSizes {
  // The portfolio keeps its thousand projects at every scale: its pages are measured at that size.
  const n = (full: number) => Math.max(1, Math.round(full * scale))
  return {
    ...benchSizes,
    people: n(benchSizes.people),
    organisations: n(benchSizes.organisations),
    spaces: n(benchSizes.spaces),
    meetings: n(benchSizes.meetings),
    forumPosts: n(benchSizes.forumPosts),
    partnerOrganisations: n(benchSizes.partnerOrganisations),
    events: n(benchSizes.events),
  }
}

export interface BenchData {
  /** The body with the most members (60): the space pages measure it. */
  bigSpaceId: string
  /** Its meeting with 20 agenda items, 40 materials, a sent notice and answers (in three weeks). */
  bigMeetingId: string
  /** The month ('YYYY-MM') of the next twelve with the most meetings across all bodies. */
  busyMonth: string
  /** A generated person sitting in three bodies, who signs in with the demo password. */
  memberEmail: string
  /** The biggest body's last meeting before today: approved minutes, 8 items, 5 decisions, 6 actions. */
  minutesMeetingId: string
  /** A word of some decisions' titles (a few hundred of all, a few in the biggest body). */
  searchWord: string
  /** The member's open action items (about 100). */
  memberOpenActions: number
  /** An upcoming event of the generated ones, with its registrations. */
  eventId: string
  /** The conference whose queue of registrations the registration POST confirms. */
  confirmEventId: string
  /** The community forum of `forumPosts` posts, and its topic of 200 posts. */
  forumId: string
  bigTopicId: string
  /** An open partner request seeking NGOs and universities from three countries on two themes. */
  partnerRequestId: string
  /** The first theme: the partner search asks for it. */
  partnerThemeId: string
  counts: Record<string, number>
}

/** mulberry32: a small seeded generator, so the data set is the same in every run. */
function seeded(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1))
      ;[xs[i], xs[j]] = [xs[j], xs[i]]
    }
    return xs
  }
  return { next, int, pick, shuffle }
}

const womenFirst = [
  'Agnieszka',
  'Anna',
  'Barbara',
  'Beata',
  'Dorota',
  'Ewa',
  'Elżbieta',
  'Hanna',
  'Iwona',
  'Joanna',
  'Justyna',
  'Katarzyna',
  'Małgorzata',
  'Magdalena',
  'Monika',
  'Natalia',
  'Renata',
  'Urszula',
  'Zofia',
  'Żaneta',
]
const menFirst = [
  'Adam',
  'Andrzej',
  'Bartosz',
  'Dariusz',
  'Grzegorz',
  'Jakub',
  'Jan',
  'Krzysztof',
  'Łukasz',
  'Marek',
  'Michał',
  'Paweł',
  'Piotr',
  'Rafał',
  'Sławomir',
  'Szymon',
  'Tomasz',
  'Wojciech',
  'Zbigniew',
  'Zdzisław',
]
/** Surnames as [man's form, woman's form]. */
const surnames: [string, string][] = [
  ['Nowak', 'Nowak'],
  ['Kowalski', 'Kowalska'],
  ['Wiśniewski', 'Wiśniewska'],
  ['Wójcik', 'Wójcik'],
  ['Kowalczyk', 'Kowalczyk'],
  ['Kamiński', 'Kamińska'],
  ['Lewandowski', 'Lewandowska'],
  ['Zieliński', 'Zielińska'],
  ['Szymański', 'Szymańska'],
  ['Woźniak', 'Woźniak'],
  ['Dąbrowski', 'Dąbrowska'],
  ['Kozłowski', 'Kozłowska'],
  ['Jankowski', 'Jankowska'],
  ['Mazur', 'Mazur'],
  ['Kwiatkowski', 'Kwiatkowska'],
  ['Krawczyk', 'Krawczyk'],
  ['Piotrowski', 'Piotrowska'],
  ['Grabowski', 'Grabowska'],
  ['Nowakowski', 'Nowakowska'],
  ['Pawłowski', 'Pawłowska'],
  ['Michalski', 'Michalska'],
  ['Król', 'Król'],
  ['Wieczorek', 'Wieczorek'],
  ['Jabłoński', 'Jabłońska'],
  ['Wróbel', 'Wróbel'],
  ['Majewski', 'Majewska'],
  ['Olszewski', 'Olszewska'],
  ['Stępień', 'Stępień'],
  ['Jaworski', 'Jaworska'],
  ['Malinowski', 'Malinowska'],
  ['Górski', 'Górska'],
  ['Rutkowski', 'Rutkowska'],
  ['Sikora', 'Sikora'],
  ['Baran', 'Baran'],
  ['Duda', 'Duda'],
  ['Szewczyk', 'Szewczyk'],
  ['Tomaszewski', 'Tomaszewska'],
  ['Pietrzak', 'Pietrzak'],
  ['Marciniak', 'Marciniak'],
  ['Żak', 'Żak'],
]
const cities = [
  'Białymstoku',
  'Bydgoszczy',
  'Częstochowie',
  'Elblągu',
  'Gdańsku',
  'Gorzowie Wielkopolskim',
  'Kaliszu',
  'Katowicach',
  'Kielcach',
  'Koszalinie',
  'Krakowie',
  'Legnicy',
  'Lublinie',
  'Łodzi',
  'Olsztynie',
  'Opolu',
  'Płocku',
  'Poznaniu',
  'Radomiu',
  'Rzeszowie',
  'Siedlcach',
  'Słupsku',
  'Suwałkach',
  'Szczecinie',
  'Tarnowie',
  'Toruniu',
  'Wałbrzychu',
  'Warszawie',
  'Wrocławiu',
  'Zielonej Górze',
]
const regions = [
  'Dolnośląskiego',
  'Kujawsko-Pomorskiego',
  'Lubelskiego',
  'Lubuskiego',
  'Łódzkiego',
  'Małopolskiego',
  'Mazowieckiego',
  'Opolskiego',
  'Podkarpackiego',
  'Podlaskiego',
  'Pomorskiego',
  'Śląskiego',
  'Świętokrzyskiego',
  'Warmińsko-Mazurskiego',
  'Wielkopolskiego',
  'Zachodniopomorskiego',
]
/** Kinds of organisation, with how they are named and whom a person from one represents. */
const organisationKinds: { name: string; type: OrganisationType; represents: Representation }[] = [
  { name: 'Powiatowy Urząd Pracy w', type: 'local_government', represents: 'project_promoter' },
  { name: 'Miejski Ośrodek Pomocy Społecznej w', type: 'local_government', represents: 'region' },
  { name: 'Wojewódzki Urząd Pracy w', type: 'public_administration', represents: 'region' },
  { name: 'Fundacja Rozwoju Przedsiębiorczości w', type: 'ngo', represents: 'ngo' },
  { name: 'Stowarzyszenie „Razem dla Regionu” w', type: 'ngo', represents: 'ngo' },
  { name: 'Spółdzielnia Socjalna „Wspólna Sprawa” w', type: 'enterprise', represents: 'project_promoter' },
  { name: 'Izba Rzemieślnicza w', type: 'ngo', represents: 'social_partner' },
  { name: 'Związek Zawodowy Pracowników Oświaty w', type: 'ngo', represents: 'social_partner' },
  {
    name: 'Centrum Kształcenia Ustawicznego w',
    type: 'public_administration',
    represents: 'project_promoter',
  },
  { name: 'Wyższa Szkoła Ekonomiczna w', type: 'university', represents: 'science' },
]
const themes = [
  ['dostępu do rynku pracy', 'access to the labour market'],
  ['ekonomii społecznej', 'the social economy'],
  ['adaptacyjności', 'adaptability'],
  ['równości szans kobiet i mężczyzn', 'gender equality'],
  ['włączenia społecznego', 'social inclusion'],
  ['kształcenia ustawicznego', 'lifelong learning'],
  ['innowacji społecznych', 'social innovation'],
  ['współpracy ponadnarodowej', 'transnational cooperation'],
  ['aktywizacji osób młodych', 'youth activation'],
  ['zdrowia i starzenia się', 'health and ageing'],
] as const
const tasks: [string, string][] = [
  ['Przyjęcie planu pracy na rok', 'Przewodniczący'],
  ['Przegląd rezultatów projektów w obszarze', 'Sekretariat'],
  ['Posiedzenie', 'Sekretariat'],
  ['Konsultacje rekomendacji z partnerami', 'Grupa robocza'],
  ['Rekomendacje dla Grupy Strategicznej', 'Grupa robocza'],
  ['Wizyta studyjna w partnerstwie', 'Sekretariat'],
  ['Analiza ekspercka', 'Ekspert zewnętrzny'],
  ['Sprawozdanie półroczne', 'Sekretarz'],
]

/** Multi-row inserts of at most 1,000 rows; the returned ids come back in the rows' order. */
async function insertRows<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<string[]> {
  const ids: string[] = []
  for (let i = 0; i < rows.length; i += 1000) {
    // biome-ignore lint/suspicious/noExplicitAny: one helper for every table; rows are typed by the caller
    const chunk = rows.slice(i, i + 1000) as any
    const saved = await db.insertInto(table).values(chunk).returning(sql<string>`id`.as('id')).execute()
    for (const r of saved) ids.push((r as { id: string }).id)
  }
  return ids
}

/** The same for a table without an id column (a composite key). */
async function insertRowsNoId<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    // biome-ignore lint/suspicious/noExplicitAny: as in insertRows
    const chunk = rows.slice(i, i + 1000) as any
    await db.insertInto(table).values(chunk).execute()
  }
}

interface Seat {
  person: number
  role: SpaceRole
}

export async function generateBenchData(db: Db, sizes: BenchSizes = benchSizes): Promise<BenchData> {
  const r = seeded(20261127)
  const day0 = today()
  const now = Date.now()
  return db.transaction().execute(async (trx) => {
    const named = new Map(
      (
        await trx
          .selectFrom('people')
          .select(['id', 'email'])
          .where('email', 'in', [
            'iz@demo.siatka.test',
            'sekretarz@demo.siatka.test',
            'koordynator@demo.siatka.test',
          ])
          .execute()
      ).map((p) => [p.email, p.id]),
    )
    const iz = named.get('iz@demo.siatka.test')!
    const secretaries = [named.get('sekretarz@demo.siatka.test')!, named.get('koordynator@demo.siatka.test')!]

    const orgPlans = Array.from({ length: sizes.organisations }, (_, i) => {
      const kind = organisationKinds[i % organisationKinds.length]
      const city = cities[Math.floor(i / organisationKinds.length) % cities.length]
      return {
        kind,
        row: { name: `${kind.name} ${city}`, type: kind.type, country: 'PL', updated_at: new Date() },
      }
    })
    const orgIds = await insertRows(
      trx,
      'organisations',
      orgPlans.map((o) => o.row),
    )

    // One person in twenty represents no organisation (an independent expert).
    const personOrg = Array.from({ length: sizes.people }, () =>
      r.next() < 0.05 ? null : r.int(0, orgIds.length - 1),
    )
    const personIds = await insertRows(
      trx,
      'people',
      personOrg.map((org, i) => {
        const woman = r.next() < 0.5
        const [man, wife] = r.pick(surnames)
        return {
          email: `osoba${i + 1}@bench.siatka.test`,
          name: `${r.pick(woman ? womenFirst : menFirst)} ${woman ? wife : man}`,
          password_hash: null,
          role: r.next() < 0.9 ? ('member' as const) : ('expert' as const),
          organisation_id: org === null ? null : orgIds[org],
          lang: 'pl' as const,
          updated_at: new Date(),
        }
      }),
    )

    // 100 bodies: networks, working groups, one regional committee per voivodeship, steering committees.
    // (At a smaller scale the same shares: 40 %, 30 %, 16 %, 10 % and 4 % of the bodies.)
    const share = (i: number) => (i * 100) / sizes.spaces
    // The n-th (from 1) of its type: the 71st body is the first regional committee at full scale.
    const nth = (i: number, fromShare: number) => i - Math.ceil((fromShare * sizes.spaces) / 100) + 1
    const spacePlans = Array.from({ length: sizes.spaces }, (_, i) => {
      const [pl, en] = themes[i % themes.length]
      const round = Math.floor(i / themes.length) + 1
      const type: SpaceType =
        share(i) < 40
          ? 'thematic_network'
          : share(i) < 70
            ? 'working_group'
            : share(i) < 86
              ? 'regional_committee'
              : share(i) < 96
                ? 'steering_committee'
                : 'strategic_group'
      const names: Record<SpaceType, [string, string]> = {
        thematic_network: [`KST ds. ${pl} (${round})`, `NTN on ${en} (${round})`],
        working_group: [`Grupa robocza ds. ${pl} (${round})`, `Working group on ${en} (${round})`],
        regional_committee: [
          `Komitet Regionalny Województwa ${regions[(nth(i, 70) - 1) % regions.length]}`,
          `Regional Committee ${nth(i, 70)}`,
        ],
        steering_committee: [
          `Komitet Sterujący projektu „Partnerstwo ${nth(i, 86)}”`,
          `Steering Committee, partnership ${nth(i, 86)}`,
        ],
        strategic_group: [`Grupa Strategiczna ds. ${pl}`, `Strategic Group on ${en}`],
        partnership_group: [`Grupa partnerstw ds. ${pl}`, `Partnership group on ${en}`],
      }
      return {
        size: i === 0 ? sizes.biggestSpace : r.int(10, sizes.biggestSpace - 1),
        hasHistory: i % 4 === 1,
        hasWaitingChange: i % 10 === 0,
        row: {
          name_pl: names[type][0],
          name_en: names[type][1],
          type,
          status:
            i % 25 === 24 ? ('forming' as const) : i % 33 === 32 ? ('closed' as const) : ('active' as const),
          theme_pl: `Sieć zajmuje się tematem: ${pl}`,
          theme_en: `The body works on ${en}`,
          description_pl: `Ciało zrzesza przedstawicieli administracji, partnerów społecznych, organizacji pozarządowych i projektodawców działających w obszarze: ${pl}.\n\nWypracowane rekomendacje trafiają do Grupy Strategicznej.`,
          description_en: `The body brings together officials, social partners, NGOs and project promoters working on ${en}.\n\nIts recommendations go to the Strategic Group.`,
          secretary_id: secretaries[i % 2],
          is_public: type === 'thematic_network' || type === 'regional_committee',
          public_chair: true,
          public_members: i % 3 !== 0,
          public_schedule: type === 'thematic_network',
          updated_at: new Date(),
        },
      }
    })
    const spaceIds = await insertRows(
      trx,
      'spaces',
      spacePlans.map((s) => s.row),
    )

    // Seats: each seated person gets 1 (65 %), 2 (25 %) or 3 (10 %) seats until every body is full;
    // the others (about half of the 5,000) sit nowhere. No one sits twice in the same body.
    const seatsNeeded = spacePlans.reduce((n, s) => n + s.size, 0)
    const tokens: number[] = []
    for (const person of r.shuffle([...personIds.keys()])) {
      if (tokens.length >= seatsNeeded) break
      const u = r.next()
      const k = u < 0.65 ? 1 : u < 0.9 ? 2 : 3
      for (let j = 0; j < k; j++) tokens.push(person)
    }
    r.shuffle(tokens)
    let t = 0
    const roleOf = (j: number): SpaceRole =>
      j === 0
        ? 'chair'
        : j === 1
          ? 'vice_chair'
          : j % 6 === 5
            ? 'deputy'
            : j % 9 === 8
              ? 'observer'
              : j % 13 === 12
                ? 'expert'
                : 'member'
    const compositions: Seat[][] = spacePlans.map((s) => {
      const taken = new Set<number>()
      const seats: Seat[] = []
      while (seats.length < s.size) {
        let k = t
        while (k < tokens.length && taken.has(tokens[k])) k++
        const person = k < tokens.length ? tokens[k] : r.int(0, personIds.length - 1)
        if (k < tokens.length) [tokens[t], tokens[k]] = [tokens[k], tokens[t]]
        t++
        if (taken.has(person)) continue
        taken.add(person)
        seats.push({ person, role: roleOf(seats.length) })
      }
      return seats
    })
    const representsOf = (person: number): Representation => {
      const org = personOrg[person]
      return org === null ? 'science' : orgPlans[org].kind.represents
    }
    const seatValues = (seat: Seat) => ({
      person_id: personIds[seat.person],
      role: seat.role,
      represents: representsOf(seat.person),
      organisation_id: personOrg[seat.person] === null ? null : orgIds[personOrg[seat.person]!],
    })

    // Compositions: the current one approved about 400 days ago; a quarter of the bodies had an
    // earlier one (two years ago) with three people who have since left; a tenth have a change
    // (one more member) waiting for the managing authority.
    const proposals: (Insertable<Database['composition_proposals']> & { seats: Seat[]; space: number })[] = []
    spacePlans.forEach((s, i) => {
      const current = compositions[i]
      const effective = addDays(day0, -r.int(300, 500))
      const approved = (number: number, on: string, seats: Seat[]) =>
        proposals.push({
          space: i,
          seats,
          space_id: spaceIds[i],
          number,
          status: 'approved',
          note: 'Skład zaproponowany po konsultacjach z instytucjami i organizacjami działającymi w obszarze.',
          drafted_by: s.row.secretary_id,
          submitted_at: new Date(`${addDays(on, -14)}T09:00:00Z`),
          decided_at: new Date(`${addDays(on, -3)}T12:00:00Z`),
          decided_by: iz,
          decision_ref: `DZF-IV.8540.${100 + i}.${number}.${on.slice(0, 4)}`,
          effective_on: on,
          updated_at: new Date(),
        })
      if (s.hasHistory) {
        const left = Array.from({ length: 3 }, () => r.int(0, personIds.length - 1)).filter(
          (p, j, all) => all.indexOf(p) === j && !current.some((c) => c.person === p),
        )
        approved(1, addDays(effective, -365), [
          ...current.slice(0, -3),
          ...left.map((person) => ({ person, role: 'member' as const })),
        ])
      }
      approved(s.hasHistory ? 2 : 1, effective, current)
      if (s.hasWaitingChange) {
        const extra = r.int(0, personIds.length - 1)
        proposals.push({
          space: i,
          seats: current.some((c) => c.person === extra)
            ? current
            : [...current, { person: extra, role: 'member' }],
          space_id: spaceIds[i],
          number: s.hasHistory ? 3 : 2,
          status: 'submitted',
          note: 'Uzupełnienie składu o przedstawiciela partnerów społecznych.',
          drafted_by: s.row.secretary_id,
          submitted_at: new Date(now - r.int(1, 20) * 24 * 3600_000),
          decided_at: null,
          decided_by: null,
          decision_ref: null,
          effective_on: null,
          updated_at: new Date(),
        })
      }
    })
    const proposalIds = await insertRows(
      trx,
      'composition_proposals',
      proposals.map(({ seats, space, ...row }) => row),
    )
    await insertRows(
      trx,
      'composition_entries',
      proposals.flatMap((p, i) =>
        p.seats.map((seat) => ({ proposal_id: proposalIds[i], ...seatValues(seat), justification: '' })),
      ),
    )
    await insertRows(
      trx,
      'composition_events',
      proposals.flatMap((p, i) => [
        {
          proposal_id: proposalIds[i],
          action: 'submitted' as const,
          actor_id: p.drafted_by,
          at: p.submitted_at!,
        },
        ...(p.status === 'approved'
          ? [
              {
                proposal_id: proposalIds[i],
                action: 'approved' as const,
                actor_id: iz,
                comment: p.decision_ref,
                at: p.decided_at!,
              },
            ]
          : []),
      ]),
    )

    // Memberships from the approved compositions (an earlier one's end the day before the next
    // takes effect), and invited experts and guests in a third of the bodies, some already gone.
    const memberships: Insertable<Database['space_memberships']>[] = []
    proposals.forEach((p, i) => {
      if (p.status !== 'approved') return
      const later = proposals.find(
        (q) => q.space === p.space && q.status === 'approved' && q.effective_on! > p.effective_on!,
      )
      for (const seat of p.seats)
        memberships.push({
          space_id: p.space_id,
          ...seatValues(seat),
          starts_on: p.effective_on!,
          ends_on: later ? addDays(later.effective_on!, -1) : null,
          proposal_id: proposalIds[i],
          added_by: iz,
        })
    })
    const seated = new Set(compositions.flat().map((seat) => seat.person))
    const outsiders = r.shuffle([...personIds.keys()].filter((p) => !seated.has(p)))
    spacePlans.forEach((s, i) => {
      if (i % 3 !== 0) return
      for (let g = 0; g < 3; g++) {
        const person = outsiders.pop()!
        const starts = addDays(day0, -r.int(10, 200))
        memberships.push({
          space_id: spaceIds[i],
          person_id: personIds[person],
          role: g === 0 ? 'expert' : 'guest',
          represents: 'other',
          organisation_id: personOrg[person] === null ? null : orgIds[personOrg[person]!],
          starts_on: starts,
          ends_on: addDays(starts, r.int(30, 365)),
          proposal_id: null,
          added_by: s.row.secretary_id!,
        })
      }
    })
    await insertRows(trx, 'space_memberships', memberships)

    await insertRows(
      trx,
      'space_rules',
      spaceIds.map((space_id, i) => ({
        space_id,
        version: 1,
        body: `# Regulamin pracy\n\n## § 1. Zadania\n1. Ciało wypracowuje rekomendacje w swoim obszarze.\n\n## § 2. Posiedzenia\n- Zawiadomienie wysyła się co najmniej **14 dni** przed posiedzeniem.\n- Kworum stanowi połowa składu (${compositions[i].length} osób).\n`,
        effective_on: addDays(day0, -400),
        adopted_ref: `Uchwała nr 1/${i + 1}`,
        created_by: named.get('koordynator@demo.siatka.test')!,
      })),
    )

    // A year's work schedule, from half a year ago to half a year ahead: 16 items a body.
    await insertRows(
      trx,
      'schedule_items',
      spaceIds.flatMap((space_id) =>
        Array.from({ length: 16 }, (_, k) => {
          const offset = -180 + k * 24 + r.int(0, 20)
          const [task, responsible] = tasks[k % tasks.length]
          return {
            space_id,
            task: `${task} (${k + 1})`,
            responsible,
            due_on: addDays(day0, offset),
            status:
              offset < -20 ? ('done' as const) : offset < 0 ? ('in_progress' as const) : ('planned' as const),
            updated_at: new Date(),
          }
        }),
      ),
    )

    // Ten announcements a body over the last year, one of them pinned.
    await insertRows(
      trx,
      'announcements',
      spaceIds.flatMap((space_id, i) =>
        Array.from({ length: 10 }, (_, k) => ({
          space_id,
          title: k === 0 ? 'Materiały na najbliższe posiedzenie' : `Komunikat sekretariatu nr ${10 - k}`,
          body: `Szanowni Państwo,\n\nuprzejmie informujemy, że materiały na posiedzenie zostaną udostępnione **7 dni** przed jego terminem. Prosimy o potwierdzenie obecności do dnia ${addDays(day0, 10 + k)}.\n\n- porządek obrad,\n- projekt rekomendacji,\n- sprawozdanie z realizacji planu pracy.\n\nZ poważaniem\nSekretariat`,
          is_pinned: k === 0,
          author_id: spacePlans[i].row.secretary_id!,
          created_at: new Date(now - (k * 36 + r.int(0, 30)) * 24 * 3600_000),
        })),
      ),
    )

    // A generated person holding three current seats signs in with the demo password (the same hash
    // as the demo's member), to read the calendar, the register and the action items of the spaces
    // they sit in.
    const threeSeats = compositions
      .flat()
      .map((seat) => seat.person)
      .find((p, _, all) => all.filter((q) => q === p).length === 3)!
    const memberEmail = `osoba${threeSeats + 1}@bench.siatka.test`

    // Meetings (issue 5), from their own generator so the rows above stay as they were.
    const meetings = await generateMeetings(trx, {
      day0,
      now,
      iz,
      spaceIds,
      secretaryOf: (i) => spacePlans[i].row.secretary_id!,
      memberships,
    })
    // Minutes, decisions and action items of the past meetings, from a generator of their own too.
    const minutes = await generateMinutes(trx, {
      day0,
      now,
      spaceIds,
      secretaryOf: (i) => spacePlans[i].row.secretary_id!,
      memberships,
      meetings: meetings.rows,
      member: personIds[threeSeats],
    })

    const demoMember = await trx
      .selectFrom('people')
      .select('password_hash')
      .where('email', '=', 'czlonek@demo.siatka.test')
      .executeTakeFirstOrThrow()
    await trx
      .updateTable('people')
      .set({ password_hash: demoMember.password_hash })
      .where('email', '=', memberEmail)
      .execute()

    // Funded projects across every voivodeship and programme (the projects' own generator).
    await insertGenerated(trx, sizes.projects, day0, secretaries[1] as string)

    const forum = await insertForum(trx, sizes.forumPosts, secretaries[1] as string)
    const partners = await insertPartners(trx, sizes.partnerOrganisations, secretaries[1] as string)
    const eventId = await insertEvents(trx, sizes.events, secretaries[1] as string)
    const confirmEventId = await insertConfirmQueue(trx, secretaries[1] as string)

    await sql`analyze`.execute(trx)
    return {
      bigSpaceId: spaceIds[0],
      bigMeetingId: meetings.bigMeetingId,
      busyMonth: meetings.busyMonth,
      memberEmail,
      minutesMeetingId: minutes.meetingId,
      searchWord: minutes.searchWord,
      memberOpenActions: minutes.memberOpenActions,
      forumId: forum.forumId,
      bigTopicId: forum.bigTopicId,
      partnerRequestId: partners.requestId,
      eventId,
      confirmEventId,
      partnerThemeId: partners.themeId,
      counts: {
        organisations: orgIds.length,
        people: personIds.length,
        spaces: spaceIds.length,
        memberships: memberships.length,
        proposals: proposals.length,
        ...meetings.counts,
        ...minutes.counts,
        projects: sizes.projects,
        forumPosts: sizes.forumPosts + 200,
        'partner organisations': sizes.partnerOrganisations,
        'partner requests': Math.round(sizes.partnerOrganisations / 20),
        events: sizes.events,
        'event registrations': sizes.events * 20,
      },
    }
  })
}

const subjects = [
  'Przyjęcie planu pracy',
  'Przegląd rezultatów projektów',
  'Rekomendacje dla Grupy Strategicznej',
  'Sprawozdanie z realizacji planu pracy',
  'Konsultacje projektu kryteriów wyboru',
  'Wymiana doświadczeń partnerów',
  '',
  '',
]
const places = [
  'Sala konferencyjna A, ul. Wspólna 2/4, Warszawa',
  'Urząd Marszałkowski, sala 214',
  'Centrum Konferencyjne, ul. Długa 5, Kraków',
  '',
]
const agendaTitles = [
  'Otwarcie posiedzenia i przyjęcie porządku obrad',
  'Przyjęcie protokołu z poprzedniego posiedzenia',
  'Informacja sekretariatu o realizacji planu pracy',
  'Prezentacja rezultatów projektów w obszarze',
  'Dyskusja nad projektem rekomendacji',
  'Przyjęcie uchwały w sprawie rekomendacji',
  'Informacja o naborach wniosków',
  'Wizyta studyjna: wnioski i dalsze kroki',
  'Analiza ekspercka: omówienie wyników',
  'Sprawy różne i wolne wnioski',
]
const agendaKinds: AgendaKind[] = ['information', 'discussion', 'decision']

/**
 * 10,000 meetings: 100 a body, about every 18 days from three and a half years ago to a year and a
 * half ahead, 10:00–14:00 Warsaw time, numbered per body and year; one in twelve a study visit, one
 * in twenty-five cancelled; the notice sent for those past and those within two weeks. The biggest
 * body's meeting in three weeks has 20 agenda items, 40 materials (two files in a third of them, a
 * second version in a fifth), a notice sent to its 60 members and the managing authority (tracked
 * mails, a few still queued or failed) and the answers of about three quarters of the members.
 */
async function generateMeetings(
  trx: Db,
  o: {
    day0: string
    now: number
    iz: string
    spaceIds: string[]
    secretaryOf: (i: number) => string
    memberships: Insertable<Database['space_memberships']>[]
  },
) {
  const r = seeded(20261201)
  const perSpace = benchSizes.meetings / benchSizes.spaces
  const span = 5 * 365
  const first = -Math.round(3.5 * 365)
  const bigDay = addDays(o.day0, 21)
  const rows: Insertable<Database['meetings']>[] = []
  const perMonth = new Map<string, number>()
  // Body 0's meeting nearest three weeks ahead is set on that day: the meeting page measures it.
  const bigK = Math.round(((21 - first) * perSpace) / span)
  let bigIndex = -1
  o.spaceIds.forEach((space_id, i) => {
    const numbers = new Map<number, number>()
    for (let k = 0; k < perSpace; k++) {
      const big = i === 0 && k === bigK
      const day = big ? bigDay : addDays(o.day0, first + Math.floor((k * span) / perSpace) + r.int(0, 12))
      const year = Number(day.slice(0, 4))
      const number = (numbers.get(year) ?? 0) + 1
      numbers.set(year, number)
      const starts = warsawInstant(day, big || r.next() < 0.8 ? '10:00' : '12:00')
      const cancelled = !big && r.next() < 0.04
      const offset = Math.round((starts.getTime() - o.now) / 86_400_000)
      if (big) bigIndex = rows.length
      rows.push({
        space_id,
        kind: !big && r.next() < 1 / 12 ? 'study_visit' : 'meeting',
        year,
        number,
        subject: big ? 'Rekomendacje dla Grupy Strategicznej na rok 2027' : r.pick(subjects),
        starts_at: starts,
        ends_at: new Date(starts.getTime() + 4 * 3600_000),
        place: big ? places[0] : r.pick(places),
        online_url: big || r.next() < 0.4 ? `https://spotkania.example.test/${i}-${k}` : '',
        confirm_by: warsawInstant(addDays(day, -7), '23:59'),
        status: cancelled ? 'cancelled' : 'planned',
        sequence: cancelled ? 1 : 0,
        // The notice went out for the past meetings and for those within two weeks.
        notice_sent_at: big
          ? new Date(o.now - 3 * 86_400_000)
          : offset < 14
            ? new Date(starts.getTime() - 18 * 86_400_000)
            : null,
        cancelled_at: cancelled ? new Date(starts.getTime() - 5 * 86_400_000) : null,
        cancel_reason: cancelled ? 'Brak kworum: większość członków zgłosiła nieobecność.' : null,
        created_by: o.secretaryOf(i),
        created_at: new Date(starts.getTime() - 40 * 86_400_000),
        updated_at: new Date(starts.getTime() - 20 * 86_400_000),
      })
      if (offset >= 0 && offset < 366) {
        const month = monthOf(warsawDayAndTime(starts).day)
        perMonth.set(month, (perMonth.get(month) ?? 0) + 1)
      }
    }
  })
  const meetingIds = await insertRows(trx, 'meetings', rows)
  const meeting = rows[bigIndex]
  const meetingId = meetingIds[bigIndex]
  const secretary = meeting.created_by
  const busyMonth = [...perMonth].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0][0]

  const agendaIds = await insertRows(
    trx,
    'agenda_items',
    Array.from({ length: benchSizes.agendaItems }, (_, k) => ({
      meeting_id: meetingId,
      position: k + 1,
      title: `${agendaTitles[k % agendaTitles.length]}${k >= agendaTitles.length ? ' (cz. 2)' : ''}`,
      presenter: k % 3 === 0 ? 'Przewodniczący' : k % 3 === 1 ? 'Sekretariat' : 'Ekspert zewnętrzny',
      minutes: 10 + 5 * (k % 4),
      kind: agendaKinds[k % agendaKinds.length],
    })),
  )

  // Stored files: only their rows (the page lists files, it does not read them).
  const hashes = Array.from({ length: 60 }, (_, k) =>
    createHash('sha256').update(`bench material file ${k}`).digest('hex'),
  )
  await trx
    .insertInto('stored_files')
    .values(
      hashes.map((hash, k) => ({
        hash,
        mime_type: k % 2 ? docx : 'application/pdf',
        size_bytes: 20_000 + k * 1_000,
      })),
    )
    .execute()
  // Eight materials of the whole meeting, then two for each of the first 16 items.
  const materialRows = Array.from({ length: benchSizes.materials }, (_, k) => ({
    space_id: meeting.space_id,
    meeting_id: meetingId,
    agenda_item_id: k < 8 ? null : agendaIds[Math.floor((k - 8) / 2)],
    title:
      k < 8
        ? `Materiał ogólny nr ${k + 1}`
        : `Załącznik ${((k - 8) % 2) + 1} do punktu ${Math.floor((k - 8) / 2) + 1}`,
    visibility: k % 4 === 0 ? ('public' as const) : ('members' as const),
    created_by: secretary,
    created_at: new Date(o.now - (40 - k) * 3600_000),
  }))
  const materialIds = await insertRows(trx, 'materials', materialRows)
  let h = 0
  const fileRows: Insertable<Database['material_files']>[] = []
  materialIds.forEach((material_id, k) => {
    const file = (language: 'pl' | 'en', version: number) => {
      const hash = hashes[h++ % hashes.length]
      const isDocx = hashes.indexOf(hash) % 2 === 1
      fileRows.push({
        material_id,
        language,
        version,
        file_hash: hash,
        kind: isDocx ? 'docx' : 'pdf',
        mime_type: isDocx ? docx : 'application/pdf',
        size_bytes: 20_000 + hashes.indexOf(hash) * 1_000,
        original_name: `material-${k + 1}-${language}-v${version}.${isDocx ? 'docx' : 'pdf'}`,
        uploaded_by: secretary,
        uploaded_at: new Date(o.now - (40 - k) * 3600_000 + version * 60_000),
      })
    }
    file('pl', 1)
    if (k % 5 === 0) file('pl', 2)
    if (k % 3 === 0) file('en', 1)
  })
  await insertRows(trx, 'material_files', fileRows)

  // The notice: to the body's members on the meeting's day and the managing authority.
  const onDay = o.memberships.filter(
    (m) =>
      m.space_id === meeting.space_id && m.starts_on <= bigDay && (m.ends_on == null || m.ends_on >= bigDay),
  )
  const recipients = [...new Set([...onDay.map((m) => m.person_id), o.iz])]
  const people = new Map(
    (await trx.selectFrom('people').select(['id', 'email']).where('id', 'in', recipients).execute()).map(
      (p) => [p.id, p.email],
    ),
  )
  const sentAt = meeting.notice_sent_at as Date
  const [notice] = await insertRows(trx, 'meeting_notices', [
    { meeting_id: meetingId, kind: 'request', sequence: 0, sent_by: secretary, sent_at: sentAt },
  ])
  const deliveries = recipients.map((person_id, k) => ({
    person_id,
    id: randomUUID(),
    status: k % 20 === 7 ? ('failed' as const) : k % 30 === 3 ? ('queued' as const) : ('accepted' as const),
  }))
  await trx
    .insertInto('mail_deliveries')
    .values(
      deliveries.map((d) => ({
        id: d.id,
        recipient: people.get(d.person_id)!,
        subject: 'Zawiadomienie o posiedzeniu',
        status: d.status,
        smtp_reply: d.status === 'accepted' ? '250 2.0.0 OK' : null,
        error: d.status === 'failed' ? '550 5.1.1 Mailbox unavailable' : null,
        attempts: d.status === 'queued' ? 0 : 1,
        queued_at: sentAt,
        updated_at: sentAt,
      })),
    )
    .execute()
  await trx
    .insertInto('meeting_notice_recipients')
    .values(deliveries.map((d) => ({ notice_id: notice, person_id: d.person_id, delivery_id: d.id })))
    .execute()

  // Answers: about three quarters of the members with a vote; two send one of the body's deputies.
  const voters = onDay.filter((m) => m.role === 'chair' || m.role === 'vice_chair' || m.role === 'member')
  const deputies = onDay.filter((m) => m.role === 'deputy').map((m) => m.person_id)
  const answers: Insertable<Database['meeting_answers']>[] = []
  for (const v of voters) {
    const u = r.next()
    if (u >= 0.75) continue
    const deputy = answers.filter((a) => a.deputy_id).length < Math.min(2, deputies.length) && u < 0.05
    answers.push({
      meeting_id: meetingId,
      person_id: v.person_id,
      answer: deputy ? 'deputy' : u < 0.6 ? 'yes' : 'no',
      deputy_id: deputy ? deputies[answers.filter((a) => a.deputy_id).length] : null,
      answered_at: new Date(sentAt.getTime() + r.int(1, 72) * 3600_000),
    })
  }
  if (answers.length) await trx.insertInto('meeting_answers').values(answers).execute()

  return {
    bigMeetingId: meetingId,
    busyMonth,
    rows: rows.map((row, k) => ({ ...row, id: meetingIds[k] })),
    counts: {
      meetings: meetingIds.length,
      'agenda items': agendaIds.length,
      materials: materialIds.length,
      'material files': fileRows.length,
      'notice recipients': deliveries.length,
      answers: answers.length,
    },
  }
}
const decisionSubjects = [
  'przyjęcia planu pracy na rok {next}',
  'przyjęcia sprawozdania z realizacji planu pracy za rok {year}',
  'zaopiniowania kryteriów wyboru projektów w naborze nr {n}',
  'przyjęcia rekomendacji dla Grupy Strategicznej',
  'przyjęcia raportu z wizyty studyjnej w {city}',
  'zatwierdzenia harmonogramu konsultacji społecznych',
  'powołania zespołu zadaniowego ds. monitoringu',
  'zmiany regulaminu pracy',
  'przyjęcia analizy eksperckiej dotyczącej wskaźników rezultatu',
  'przyjęcia programu konferencji regionalnej w {city}',
  'przyjęcia katalogu dobrych praktyk',
  'zaopiniowania standardu usług opiekuńczych',
  'rekomendowania modelu współpracy z pracodawcami',
  'przyjęcia wniosków z ewaluacji śródokresowej',
  'zaopiniowania projektu programu regionalnego',
  'zlecenia analizy dotyczącej mieszkalnictwa wspomaganego',
  'przyjęcia planu komunikacji i promocji',
  'podziału zadań na kolejny kwartał',
  'zaopiniowania alokacji środków na działania szkoleniowe',
  'przyjęcia stanowiska w sprawie deinstytucjonalizacji usług',
  'rekomendowania rozwiązań dla podmiotów ekonomii społecznej',
  'przyjęcia informacji o stanie wdrażania projektów partnerskich',
  'zaopiniowania zmian w szczegółowym opisie priorytetów',
  'przyjęcia wytycznych dotyczących dostępności wydarzeń',
  'wyboru tematu kolejnej wizyty studyjnej',
  'zaopiniowania mechanizmu racjonalnych usprawnień',
  'przyjęcia zasad upowszechniania rezultatów',
  'rekomendowania wsparcia dla opiekunów nieformalnych',
  'przyjęcia raportu o sytuacji osób młodych na rynku pracy',
  'zaopiniowania projektu badania ewaluacyjnego',
  'przyjęcia planu współpracy ponadnarodowej',
  'zatwierdzenia listy ekspertów zewnętrznych',
  'przyjęcia informacji o wykorzystaniu budżetu sekretariatu',
  'zaopiniowania kryteriów premiujących innowacje społeczne',
  'przyjęcia rekomendacji w zakresie cyfryzacji usług publicznych',
  'powierzenia przygotowania stanowiska grupie roboczej',
  'zaopiniowania programu szkoleń dla kadr pomocy społecznej',
  'rekomendowania zmian w systemie wskaźników',
  'przyjęcia harmonogramu posiedzeń na rok {next}',
  'zaopiniowania projektu umowy partnerskiej',
]
/** The searched word: in one subject of forty, so in about one decision in forty. */
const searchWord = 'pracodawcami'
const decisionClauses = [
  'Wykonanie uchwały powierza się sekretariatowi.',
  'Przewodniczący przekaże stanowisko Instytucji Zarządzającej w terminie 14 dni.',
  'Grupa robocza przedstawi informację o postępach na kolejnym posiedzeniu.',
  'Załącznik do uchwały zostanie opublikowany na stronie sieci.',
  'Członkowie zgłaszają uwagi do dokumentu w terminie 7 dni roboczych.',
  'Sekretariat przygotuje tłumaczenie dokumentu na język angielski.',
  'Rekomendacja zostanie przekazana Grupie Strategicznej.',
  'Uchwałę poprzedziły konsultacje z partnerami społecznymi.',
  'Koszty realizacji pokrywa budżet pomocy technicznej.',
  'Ekspert zewnętrzny przedstawi opinię przed kolejnym naborem.',
  'Stanowisko uwzględnia uwagi zgłoszone w trakcie dyskusji.',
  'Informacja o realizacji zostanie ujęta w sprawozdaniu półrocznym.',
]
const actionTitles = [
  'Przygotowanie projektu stanowiska',
  'Przesłanie uwag do sekretariatu',
  'Opracowanie notatki z wizyty studyjnej',
  'Zebranie danych o rezultatach projektów',
  'Przygotowanie prezentacji na konferencję',
  'Konsultacja rekomendacji z partnerami',
  'Aktualizacja katalogu dobrych praktyk',
  'Przegląd wskaźników projektów partnerskich',
  'Przygotowanie informacji dla Grupy Strategicznej',
  'Uzgodnienie terminu kolejnego posiedzenia',
  'Opracowanie opinii do kryteriów wyboru',
  'Przekazanie materiałów do tłumaczenia',
]
const pastAgenda: [string, AgendaKind][] = [
  ['Otwarcie posiedzenia i przyjęcie porządku obrad', 'information'],
  ['Dyskusja nad projektem rekomendacji', 'discussion'],
  ['Przyjęcie uchwał', 'decision'],
]
const summaries = [
  'Przewodniczący przedstawił porządek obrad, który przyjęto bez uwag.',
  'W dyskusji członkowie zwrócili uwagę na potrzebę lepszego dopasowania wsparcia do potrzeb odbiorców.',
  'Sekretariat omówił stan realizacji planu pracy; uwag nie zgłoszono.',
  'Przedstawiciele projektodawców podzielili się doświadczeniami z realizacji projektów.',
  'Ekspert przedstawił wnioski z analizy; członkowie poprosili o uzupełnienie danych regionalnych.',
]

/**
 * Minutes, decisions and action items of every past meeting that was not cancelled (issue 5, items
 * 7–9). Each such meeting gets three agenda items (opening, discussion, decisions) and minutes:
 * approved, except each body's last meeting before today, whose minutes are in consultation in a
 * quarter of the bodies and still a draft in another quarter (the register skips drafts). Two or three
 * decisions a meeting, numbered per body and the meeting's year in meeting order; about two action
 * items a meeting, owned by members seated on the meeting's day (anyone who held a seat in the body
 * before its first composition), done or dropped when older than four months, else open. The member
 * of three bodies owns about 100 open ones more. The biggest body's last but one past meeting is the
 * minutes page's: 8 items, 5 decisions, 6 action items, presence recorded and an approved revision.
 */
async function generateMinutes(
  trx: Db,
  o: {
    day0: string
    now: number
    spaceIds: string[]
    secretaryOf: (i: number) => string
    memberships: Insertable<Database['space_memberships']>[]
    meetings: (Insertable<Database['meetings']> & { id: string })[]
    member: string
  },
) {
  const r = seeded(20261203)
  const past = o.meetings.filter((m) => m.status === 'planned' && (m.starts_at as Date).getTime() < o.now)
  const spaceIndex = new Map(o.spaceIds.map((id, i) => [id, i]))
  // A body's meetings are in date order: the last one seen is its last before today.
  const lastPast = new Map<string, string>()
  for (const m of past) lastPast.set(m.space_id, m.id)
  const firstBody = past.filter((m) => m.space_id === o.spaceIds[0])
  const rich = firstBody[firstBody.length - 2].id
  const dayOf = (m: { starts_at: unknown }) => warsawDayAndTime(m.starts_at as Date).day
  const seatsOf = new Map<string, Insertable<Database['space_memberships']>[]>()
  for (const s of o.memberships) {
    if (!seatsOf.has(s.space_id)) seatsOf.set(s.space_id, [])
    seatsOf.get(s.space_id)!.push(s)
  }
  const seatedOn = (spaceId: string, day: string) => {
    const all = seatsOf.get(spaceId) ?? []
    const on = all.filter((s) => s.starts_on <= day && (s.ends_on == null || s.ends_on >= day))
    return on.length ? on : all
  }
  const chairOf = (spaceId: string) =>
    (seatsOf.get(spaceId) ?? []).find((s) => s.role === 'chair')?.person_id ?? null

  // Agenda items: three a past meeting, eight for the minutes page's.
  const itemRows: Insertable<Database['agenda_items']>[] = []
  for (const m of past) {
    const n = m.id === rich ? 8 : 3
    for (let k = 0; k < n; k++)
      itemRows.push({
        meeting_id: m.id,
        position: k + 1,
        title:
          n === 3 ? pastAgenda[k][0] : `${agendaTitles[k % agendaTitles.length]}${k === 3 ? ' (cz. 1)' : ''}`,
        presenter: k % 3 === 0 ? 'Przewodniczący' : k % 3 === 1 ? 'Sekretariat' : 'Ekspert zewnętrzny',
        minutes: 10 + 5 * (k % 4),
        kind: n === 3 ? pastAgenda[k][1] : agendaKinds[k % agendaKinds.length],
      })
  }
  const itemIds = await insertRows(trx, 'agenda_items', itemRows)
  const itemsOf = new Map<string, string[]>()
  itemRows.forEach((it, k) => {
    if (!itemsOf.has(it.meeting_id)) itemsOf.set(it.meeting_id, [])
    itemsOf.get(it.meeting_id)!.push(itemIds[k])
  })

  // Minutes: the state of each meeting's, and what they say of each item.
  const statusOf = (m: { id: string; space_id: string }) => {
    const i = spaceIndex.get(m.space_id)!
    if (lastPast.get(m.space_id) !== m.id || m.id === rich) return 'approved' as const
    return i % 4 === 1 ? ('consultation' as const) : i % 4 === 2 ? ('draft' as const) : ('approved' as const)
  }
  const minutesRows = past.map((m) => {
    const status = statusOf(m)
    const i = spaceIndex.get(m.space_id)!
    const held = (m.starts_at as Date).getTime()
    const approvedAt =
      status === 'approved' ? new Date(Math.min(held + r.int(20, 40) * 86_400_000, o.now - 3_600_000)) : null
    return {
      meeting_id: m.id,
      status,
      revision: 1,
      version: r.int(2, 9),
      opening:
        'Posiedzenie otworzył Przewodniczący, który powitał członków i stwierdził kworum.\n\nPorządek obrad przyjęto jednogłośnie.',
      closing: 'Wobec wyczerpania porządku obrad Przewodniczący zamknął posiedzenie.',
      comments_by: status === 'consultation' ? addDays(o.day0, 7) : null,
      sent_at: status === 'draft' ? null : new Date(held + 7 * 86_400_000),
      approved_at: approvedAt,
      approved_by: approvedAt ? (chairOf(m.space_id) ?? o.secretaryOf(i)) : null,
      created_by: o.secretaryOf(i),
      created_at: new Date(held + 86_400_000),
      updated_by: o.secretaryOf(i),
      updated_at: approvedAt ?? new Date(held + 7 * 86_400_000),
    }
  })
  const minutesIds = await insertRows(trx, 'minutes', minutesRows)
  const entries: Insertable<Database['minutes_entries']>[] = []
  past.forEach((m, k) => {
    for (const item of itemsOf.get(m.id)!)
      entries.push({ minutes_id: minutesIds[k], agenda_item_id: item, summary: r.pick(summaries) })
  })
  await insertRowsNoId(trx, 'minutes_entries', entries)

  // Decisions: two or three a meeting (five for the minutes page's) on its decision items.
  const decisionRows: Insertable<Database['decisions']>[] = []
  const numbers = new Map<string, number>()
  for (const m of past) {
    const items = itemsOf.get(m.id)!
    const n = m.id === rich ? 5 : r.int(2, 3)
    const seats = seatedOn(m.space_id, dayOf(m)).length
    for (let k = 0; k < n; k++) {
      const key = `${m.space_id} ${m.year}`
      const number = (numbers.get(key) ?? 0) + 1
      numbers.set(key, number)
      const subject = r
        .pick(decisionSubjects)
        .replace('{next}', String(m.year + 1))
        .replace('{year}', String(m.year - 1))
        .replace('{n}', `${r.int(1, 12)}/${m.year}`)
        .replace('{city}', r.pick(cities))
      const votesFor = Math.max(1, Math.round(seats * (0.5 + r.next() * 0.3)))
      const title = `W sprawie ${subject}`
      const body =
        `§ 1. Podejmuje się uchwałę w sprawie ${subject}, w brzmieniu stanowiącym załącznik do niniejszej uchwały.\n\n` +
        `§ 2. ${r.pick(decisionClauses)} ${r.pick(decisionClauses)}\n\n§ 3. Uchwała wchodzi w życie z dniem podjęcia.`
      const votesAgainst = r.next() < 0.2 ? r.int(1, 3) : 0
      const votesAbstaining = r.next() < 0.4 ? r.int(1, 4) : 0
      // Approved minutes: the register shows this text (as approveMinutes copies it).
      const approved = statusOf(m) === 'approved'
      decisionRows.push({
        space_id: m.space_id,
        meeting_id: m.id,
        agenda_item_id: m.id === rich ? items[[2, 5, 7][k % 3]] : items[k === 0 && n === 3 ? 1 : 2],
        year: m.year,
        number,
        title,
        body,
        votes_for: votesFor,
        votes_against: votesAgainst,
        votes_abstaining: votesAbstaining,
        approved_title: approved ? title : null,
        approved_body: approved ? body : null,
        approved_votes_for: approved ? votesFor : null,
        approved_votes_against: approved ? votesAgainst : null,
        approved_votes_abstaining: approved ? votesAbstaining : null,
        created_by: m.created_by,
        created_at: new Date((m.starts_at as Date).getTime() + 86_400_000),
        updated_at: new Date((m.starts_at as Date).getTime() + 86_400_000),
      })
    }
  }
  const decisionIds = await insertRows(trx, 'decisions', decisionRows)

  // Action items: about two a meeting (six for the minutes page's), then the member's hundred.
  const actionRows: Insertable<Database['action_items']>[] = []
  const action = (m: (typeof past)[number], item: string, owner: string, title: string, open: boolean) => {
    const day = dayOf(m)
    const age = (o.now - (m.starts_at as Date).getTime()) / 86_400_000
    const closed = !open && age > 120 && r.next() < 0.95
    const status = closed ? (r.next() < 0.9 ? ('done' as const) : ('dropped' as const)) : ('open' as const)
    const due = addDays(day, r.int(14, 60))
    actionRows.push({
      space_id: m.space_id,
      meeting_id: m.id,
      agenda_item_id: item,
      title,
      owner_id: owner,
      due_on: due,
      status,
      status_note: status === 'done' ? 'Wykonano; materiał przekazano sekretariatowi.' : '',
      done_at: status === 'done' ? new Date(`${due}T10:00:00Z`) : null,
      created_by: m.created_by,
      created_at: new Date((m.starts_at as Date).getTime() + 86_400_000),
      updated_at: new Date((m.starts_at as Date).getTime() + (status === 'open' ? 1 : 30) * 86_400_000),
    })
  }
  for (const m of past) {
    const items = itemsOf.get(m.id)!
    const seats = seatedOn(m.space_id, dayOf(m))
    const n = m.id === rich ? 6 : r.int(1, 3)
    const titles = r.shuffle([...actionTitles])
    for (let k = 0; k < n; k++)
      action(
        m,
        items[m.id === rich ? [1, 4, 7][k % 3] : 1 + (k % 2)],
        r.pick(seats).person_id,
        titles[k],
        m.id === rich,
      )
  }
  // The member's bodies' latest meetings while they sit there (but the minutes page's): one or two
  // more open items each.
  const memberSeats = o.memberships.filter((s) => s.person_id === o.member && s.ends_on == null)
  const theirs = past
    .filter(
      (m) => m.id !== rich && memberSeats.some((s) => s.space_id === m.space_id && s.starts_on <= dayOf(m)),
    )
    .reverse()
  let given = 0
  for (let round = 0; round < 2 && given < 100; round++)
    for (const m of theirs) {
      if (given >= 100) break
      action(m, itemsOf.get(m.id)![1], o.member, `${r.pick(actionTitles)} (${round + 1})`, true)
      given++
    }
  const actionIds = await insertRows(trx, 'action_items', actionRows)

  // The minutes page's meeting: presence of its members with a vote, and its approved revision as
  // approveMinutes freezes it (the document built by the module from the rows above).
  const richMeeting = past.find((m) => m.id === rich)!
  const voters = seatedOn(richMeeting.space_id, dayOf(richMeeting)).filter(
    (s) => s.role === 'chair' || s.role === 'vice_chair' || s.role === 'member',
  )
  await insertRowsNoId(
    trx,
    'meeting_presence',
    voters.map((v) => {
      const u = r.next()
      return {
        meeting_id: rich,
        person_id: v.person_id,
        presence: u < 0.7 ? ('in_person' as const) : u < 0.9 ? ('online' as const) : ('absent' as const),
        recorded_by: richMeeting.created_by,
        recorded_at: new Date((richMeeting.starts_at as Date).getTime() + 3_600_000),
      }
    }),
  )
  const handle: AnyDb = trx // meetings' functions take their own tables' handle
  const meeting = await requireMeeting(handle, richMeeting.space_id, rich)
  const row = (await findMinutes(handle, meeting))!
  const space = await trx
    .selectFrom('spaces')
    .select(['name_pl', 'secretary_id'])
    .where('id', '=', richMeeting.space_id)
    .executeTakeFirstOrThrow()
  const document = minutesDocument(space, meeting, row, await minutesContent(handle, meeting, row), 'chair')
  await trx
    .insertInto('minutes_revisions')
    .values({
      minutes_id: row.id,
      revision: 1,
      document: JSON.stringify(document),
      approved_by: row.approved_by!,
      approved_at: row.approved_at!,
    })
    .execute()

  return {
    meetingId: rich,
    searchWord,
    memberOpenActions: actionRows.filter((a) => a.owner_id === o.member && a.status === 'open').length,
    counts: {
      'past agenda items': itemIds.length,
      minutes: minutesIds.length,
      decisions: decisionIds.length,
      'action items': actionIds.length,
    },
  }
}
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/**
 * A community forum of `posts` posts: topics of 50 (a third in English, a quarter questions, every
 * other question answered), written by the first 500 people over the last two years, and one more
 * topic of 200 posts. Set-based inserts: the tsvector columns are computed as the rows go in.
 */
async function insertForum(trx: Db, posts: number, by: string) {
  const forum = await trx
    .insertInto('community_forums')
    .values({
      name_pl: 'Forum wymiany doświadczeń',
      name_en: 'Experience exchange forum',
      created_by: by,
      position: 99,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const topics = Math.max(1, Math.round(posts / 50))
  const themes = sql`array['rozliczanie wkładu własnego', 'partnerstwo ponadnarodowe', 'wskaźniki rezultatu',
    'zamówienia społecznie odpowiedzialne', 'tłumaczenia materiałów', 'rekrutacja uczestników']`
  const authors = sql`(array(select id from people order by created_at, id limit 500))`
  await sql`insert into community_topics (forum_id, title, lang, is_question, author_id, created_at, last_post_at, post_count)
    select ${forum.id}, 'Wątek ' || g || ': ' || (${themes})[1 + g % 6],
      case when g % 3 = 0 then 'en' else 'pl' end, g % 4 = 0,
      ${authors}[1 + g % array_length(${authors}, 1)],
      now() - make_interval(days => 730) + make_interval(mins => g * 500), now(), 0
    from generate_series(1, ${topics}) g`.execute(trx)
  const big = await trx
    .insertInto('community_topics')
    .values({
      forum_id: forum.id,
      title: 'Wątek długi: doświadczenia z rozliczania wkładu własnego',
      lang: 'pl',
      is_question: false,
      author_id: by,
      created_at: new Date(Date.now() - 400 * 3_600_000),
      last_post_at: new Date(),
      post_count: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // Each topic's posts an hour apart; the body names the topic's theme and says a little more.
  await sql`insert into community_posts (topic_id, author_id, body, created_at)
    select t.id, ${authors}[1 + (n * 7 + length(t.title)) % array_length(${authors}, 1)],
      'Odpowiedź ' || n || ' w wątku „' || t.title || '”. U nas sprawdziło się **wcześniejsze uzgodnienie** '
        || 'z instytucją pośredniczącą, jak dokumentować koszty i rezultaty; załączamy listę kontrolną '
        || 'i wzór protokołu, który przyjęła nasza komisja rewizyjna.',
      t.created_at + make_interval(hours => n)
    from community_topics t
    cross join generate_series(1, case when t.id = ${big.id} then 200 else 50 end) n
    where t.forum_id = ${forum.id}`.execute(trx)
  await sql`update community_topics t set post_count = c.n, last_post_at = c.last
    from (select topic_id, count(*)::int n, max(created_at) last from community_posts group by topic_id) c
    where c.topic_id = t.id and t.forum_id = ${forum.id}`.execute(trx)
  await sql`update community_topics t set accepted_post_id = (select p.id from community_posts p
      where p.topic_id = t.id order by p.created_at offset 1 limit 1)
    where t.forum_id = ${forum.id} and t.is_question and (length(t.title) % 2) = 0`.execute(trx)
  return { forumId: forum.id, bigTopicId: big.id }
}

/**
 * Events over six years around today (one every ten hours or so, half held), of every kind, each
 * with 20 registrations (confirmed, one waiting, one cancelled); returns an upcoming one.
 */
async function insertEvents(trx: Db, count: number, by: string) {
  const kinds = sql`array['conference','workshop','panel','study_visit','training','webinar']`
  await sql`insert into events (kind, title, description, lang, starts_at, ends_at, venue, capacity,
      registration_opens_at, registration_closes_at, created_by)
    select (${kinds})[1 + g % 6], 'Wydarzenie ' || g, 'Program wydarzenia.', 'pl',
      date_trunc('day', now()) + make_interval(hours => 10 + (g - ${count} / 2) * 24 * 365 * 6 / ${count}),
      date_trunc('day', now()) + make_interval(hours => 14 + (g - ${count} / 2) * 24 * 365 * 6 / ${count}),
      'Sala konferencyjna, ul. Wspólna 2/4, Warszawa', 18,
      date_trunc('day', now()) + make_interval(hours => (g - ${count} / 2) * 24 * 365 * 6 / ${count}) - interval '60 days',
      date_trunc('day', now()) + make_interval(hours => (g - ${count} / 2) * 24 * 365 * 6 / ${count}) - interval '1 day',
      ${by}
    from generate_series(1, ${count}) g`.execute(trx)
  await sql`insert into event_registrations (event_id, name, email, state, token_hash, lang, confirmed_at)
    select e.id, 'Uczestnik ' || r, 'uczestnik' || r || '.' || left(e.id::text, 8) || '@example.pl',
      case when r = 20 then 'cancelled' when r = 19 then 'waiting' else 'confirmed' end,
      md5(e.id::text || r), 'pl', e.registration_opens_at + make_interval(hours => r)
    from events e cross join generate_series(1, 20) r where e.title like 'Wydarzenie %'`.execute(trx)
  const next = await trx
    .selectFrom('events')
    .select('id')
    .where('title', 'like', 'Wydarzenie %')
    .where('starts_at', '>', new Date())
    .orderBy('starts_at')
    .executeTakeFirstOrThrow()
  return next.id
}

/** Registrations waiting for their address's confirmation, for the benchmark's registration POST. */
export const confirmQueue = {
  size: 40_000,
  token: (n: number) => `bench-confirm-${String(n).padStart(8, '0')}`,
}

/**
 * A conference open for registration with 10,000 places and a queue of people who registered
 * without an account and have not confirmed yet (each link's token is known: confirmQueue.token).
 * Each confirmation the benchmark posts takes the event's lock, counts the places taken and gives a
 * place (the waiting list once the 10,000 are gone), and queues the mail: an accepted registration.
 */
async function insertConfirmQueue(trx: Db, by: string) {
  const event = await trx
    .insertInto('events')
    .values({
      kind: 'conference',
      title: 'Konferencja otwarta (benchmark zapisów)',
      lang: 'pl',
      space_id: null,
      starts_at: new Date(Date.now() + 30 * 86_400_000),
      ends_at: new Date(Date.now() + 30 * 86_400_000 + 6 * 3_600_000),
      venue: 'Centrum Konferencyjne, ul. Bracka 6, Kraków',
      capacity: 10_000,
      registration_opens_at: new Date(Date.now() - 86_400_000),
      registration_closes_at: new Date(Date.now() + 29 * 86_400_000),
      created_by: by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await sql`insert into event_registrations (event_id, name, email, state, token_hash, lang)
    select ${event.id}, 'Osoba ' || n, 'osoba' || n || '@example.pl', 'unconfirmed',
      encode(sha256(convert_to('bench-confirm-' || lpad(n::text, 8, '0'), 'UTF8')), 'hex'), 'pl'
    from generate_series(0, ${confirmQueue.size - 1}) n`.execute(trx)
  return event.id
}

/**
 * `count` organisations with community profiles across fifteen countries and every kind, each on two
 * of the themes, speaking its country's language and English, with one to two programmes; every
 * twentieth publishes a partner request (half of them past their deadline). Set-based inserts.
 */
async function insertPartners(trx: Db, count: number, by: string) {
  const countries = sql`array['PL','DE','ES','IT','FR','IE','NL','CZ','SK','LT','PT','AT','SE','FI','HU']`
  const languages = sql`array['pl','de','es','it','fr','en','nl','cs','sk','lt','pt','de','sv','fi','hu']`
  const kinds = sql`array['ngo','local_government','enterprise','university','public_administration']`
  const programmes = sql`array['esf_plus','erasmus_plus','interreg','horizon_europe','cerv','amif']`
  const themes = sql`(array(select id from project_themes order by position))`
  await sql`insert into organisations (name, type, country, updated_at)
    select 'Organizacja partnerska ' || g, (${kinds})[1 + g % 5], (${countries})[1 + g % 15], now()
    from generate_series(1, ${count}) g`.execute(trx)
  await sql`insert into community_organisations (organisation_id, region_code, region_name, themes, languages,
      programmes, size, lang, offers, seeks, updated_at)
    select o.id, o.country || (1 + g % 4)::text || (g % 10)::text, '',
      array[(${themes})[1 + g % array_length(${themes}, 1)], (${themes})[1 + (g / 7) % array_length(${themes}, 1)]],
      array[(${languages})[1 + g % 15], 'en'],
      case when g % 3 = 0 then array[(${programmes})[1 + g % 6]]
        else array[(${programmes})[1 + g % 6], (${programmes})[1 + (g / 5) % 6]] end,
      'small', 'en', 'Training, mentoring and evaluation for projects of the European Social Fund.', '', now()
    from (select o.id, o.country, row_number() over (order by o.id)::int g from organisations o
      where o.name like 'Organizacja partnerska %') o`.execute(trx)
  await sql`insert into community_partner_requests (organisation_id, author_id, title, idea, lang, programme,
      seek_kinds, seek_countries, seek_themes, seek_languages, deadline)
    select c.organisation_id, ${by}, 'Partner request ' || g, 'A project idea for transnational cooperation.', 'en',
      (${programmes})[1 + g % 6], array[(${kinds})[1 + g % 5]], array[(${countries})[1 + g % 15]],
      array[(${themes})[1 + g % array_length(${themes}, 1)]], array['en'],
      current_date + (case when g % 2 = 0 then 30 else -30 end) + g % 20
    from (select organisation_id, row_number() over (order by organisation_id)::int g from community_organisations) c
    where g % 20 = 0`.execute(trx)
  const theme = await trx
    .selectFrom('project_themes')
    .select('id')
    .orderBy('position')
    .executeTakeFirstOrThrow()
  const second = await trx
    .selectFrom('project_themes')
    .select('id')
    .orderBy('position')
    .offset(2)
    .executeTakeFirstOrThrow()
  const owner = await trx
    .selectFrom('community_organisations')
    .select('organisation_id')
    .executeTakeFirstOrThrow()
  const request = await trx
    .insertInto('community_partner_requests')
    .values({
      organisation_id: owner.organisation_id,
      author_id: by,
      title: 'Benchmark: partners for supported employment',
      idea: 'Supported employment with job coaches, tested in three countries.',
      lang: 'en',
      programme: 'esf_plus',
      seek_kinds: ['ngo', 'university'],
      seek_countries: ['DE', 'ES', 'IT'],
      seek_themes: [theme.id, second.id],
      seek_languages: ['en', 'de'],
      deadline: '2099-12-31',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { requestId: request.id, themeId: theme.id }
}
