// Demo networks and bodies: four thematic networks on EQUAL-style themes, the Strategic Group and a
// project's steering committee, each with an approved composition (one with an earlier one in its
// history), one change waiting for the managing authority, schedules, rules and announcements.
// Rows are written directly: demo data loads before the job system starts, so nobody is notified.

import { addDays, today } from '../../kernel/dates.ts'
import type { AppDb as Db } from '../../kernel/db.ts'
import type { SpaceRole } from '../../kernel/policy.ts'
import type { Representation, SpaceType } from './tables.ts'

const firstNames = [
  'Agnieszka',
  'Bartosz',
  'Dorota',
  'Grzegorz',
  'Hanna',
  'Jakub',
  'Katarzyna',
  'Łukasz',
  'Magdalena',
  'Marek',
  'Natalia',
  'Paweł',
  'Renata',
  'Tomasz',
  'Urszula',
  'Wojciech',
  'Zofia',
  'Adam',
  'Beata',
  'Michał',
]
const lastNames = [
  'Nowak',
  'Wiśniewska',
  'Kowalczyk',
  'Zielińska',
  'Lewandowski',
  'Wójcik',
  'Kamińska',
  'Dąbrowski',
  'Szymańska',
  'Woźniak',
  'Kozłowska',
  'Jankowski',
  'Mazur',
  'Krawczyk',
  'Piotrowska',
  'Grabowski',
  'Pawlak',
  'Michalska',
]

const organisations: {
  name: string
  type: 'ngo' | 'local_government' | 'public_administration' | 'enterprise' | 'university'
  represents: Representation
}[] = [
  {
    name: 'Ministerstwo Rodziny, Pracy i Polityki Społecznej',
    type: 'public_administration',
    represents: 'ministry',
  },
  { name: 'Ministerstwo Edukacji', type: 'public_administration', represents: 'ministry' },
  { name: 'Urząd Marszałkowski Województwa Pomorskiego', type: 'local_government', represents: 'region' },
  { name: 'Urząd Marszałkowski Województwa Lubelskiego', type: 'local_government', represents: 'region' },
  {
    name: 'Regionalny Ośrodek Polityki Społecznej w Poznaniu',
    type: 'local_government',
    represents: 'region',
  },
  { name: 'Ogólnopolski Związek Pracodawców', type: 'ngo', represents: 'social_partner' },
  { name: 'Niezależny Samorządny Związek Zawodowy', type: 'ngo', represents: 'social_partner' },
  { name: 'Stowarzyszenie na rzecz Równości Szans', type: 'ngo', represents: 'ngo' },
  { name: 'Fundacja Aktywizacji Zawodowej', type: 'ngo', represents: 'ngo' },
  { name: 'Ogólnopolska Federacja Organizacji Pozarządowych', type: 'ngo', represents: 'ngo' },
  { name: 'Centrum Ekonomii Społecznej „Wspólnota”', type: 'enterprise', represents: 'project_promoter' },
  { name: 'Powiatowy Urząd Pracy w Radomiu', type: 'local_government', represents: 'project_promoter' },
  { name: 'Szkoła Główna Handlowa', type: 'university', represents: 'science' },
  { name: 'Program Interreg Polska–Saksonia', type: 'public_administration', represents: 'other_programme' },
]

interface DemoSpace {
  key: string
  namePl: string
  nameEn: string
  type: SpaceType
  themePl: string
  themeEn: string
  descriptionPl: string
  descriptionEn: string
  size: number
  /** Named demo accounts and their role in this space. */
  named: [string, SpaceRole][]
  secretary: string
}

const spaces: DemoSpace[] = [
  {
    key: 'labour',
    namePl: 'KST ds. dostępu do rynku pracy',
    nameEn: 'NTN on access to the labour market',
    type: 'thematic_network',
    themePl: 'Ułatwianie wchodzenia i powrotu na rynek pracy',
    themeEn: 'Helping people enter and return to the labour market',
    descriptionPl:
      'Sieć gromadzi przedstawicieli administracji, partnerów społecznych i projektodawców, aby upowszechniać skuteczne metody aktywizacji zawodowej.\n\nWypracowane rekomendacje trafiają do Grupy Strategicznej.',
    descriptionEn:
      'The network brings together officials, social partners and project promoters to spread effective activation methods.\n\nIts recommendations go to the Strategic Group.',
    size: 18,
    named: [['czlonek@demo.siatka.test', 'member']],
    secretary: 'sekretarz@demo.siatka.test',
  },
  {
    key: 'social',
    namePl: 'KST ds. ekonomii społecznej',
    nameEn: 'NTN on the social economy',
    type: 'thematic_network',
    themePl: 'Wzmacnianie ekonomii społecznej',
    themeEn: 'Strengthening the social economy',
    descriptionPl:
      'Sieć wspiera rozwój przedsiębiorstw społecznych i włączanie rezultatów projektów do polityki publicznej.',
    descriptionEn:
      'The network supports social enterprises and the mainstreaming of project results into public policy.',
    size: 22,
    named: [
      ['przewodniczacy@demo.siatka.test', 'chair'],
      ['czlonek@demo.siatka.test', 'member'],
      ['ekspert@demo.siatka.test', 'expert'],
    ],
    secretary: 'sekretarz@demo.siatka.test',
  },
  {
    key: 'adaptability',
    namePl: 'KST ds. adaptacyjności',
    nameEn: 'NTN on adaptability',
    type: 'thematic_network',
    themePl: 'Adaptacyjność przedsiębiorstw i pracowników',
    themeEn: 'Adaptability of companies and workers',
    descriptionPl:
      'Sieć zajmuje się kształceniem ustawicznym i godzeniem zmian gospodarczych z potrzebami pracowników.',
    descriptionEn:
      'The network works on lifelong learning and on matching economic change with workers’ needs.',
    size: 12,
    named: [],
    secretary: 'sekretarz@demo.siatka.test',
  },
  {
    key: 'equality',
    namePl: 'KST ds. równości szans kobiet i mężczyzn',
    nameEn: 'NTN on gender equality',
    type: 'thematic_network',
    themePl: 'Równość szans kobiet i mężczyzn na rynku pracy',
    themeEn: 'Equal opportunities for women and men in the labour market',
    descriptionPl:
      'Sieć upowszechnia rozwiązania na rzecz godzenia życia zawodowego i rodzinnego oraz przeciwdziałania segregacji zawodowej.',
    descriptionEn:
      'The network spreads ways to reconcile work and family life and to counter occupational segregation.',
    size: 10,
    named: [],
    secretary: 'sekretarz@demo.siatka.test',
  },
  {
    key: 'strategic',
    namePl: 'Grupa Strategiczna',
    nameEn: 'Strategic Group',
    type: 'strategic_group',
    themePl: 'Kierunki polityki na podstawie rekomendacji sieci tematycznych',
    themeEn: 'Policy directions from the thematic networks’ recommendations',
    descriptionPl: 'Grupa Strategiczna wyznacza kierunki polityki; sekretariat przygotowuje jej materiały.',
    descriptionEn: 'The Strategic Group sets policy guidelines; the secretariat prepares its materials.',
    size: 14,
    named: [['przewodniczacy@demo.siatka.test', 'member']],
    secretary: 'koordynator@demo.siatka.test',
  },
  {
    key: 'steering',
    namePl: 'Komitet Sterujący projektu „Partnerstwo dla zatrudnienia”',
    nameEn: 'Steering Committee of the “Partnership for employment” project',
    type: 'steering_committee',
    themePl: 'Nadzór nad realizacją projektu partnerskiego',
    themeEn: 'Oversight of a partnership project',
    descriptionPl: 'Komitet Sterujący zatwierdza plan działań projektu i monitoruje postęp wskaźników.',
    descriptionEn: 'The Steering Committee approves the project’s action plan and monitors its indicators.',
    size: 10,
    named: [['projekt@demo.siatka.test', 'member']],
    secretary: 'sekretarz@demo.siatka.test',
  },
]

const rulesText = `# Regulamin pracy sieci

## § 1. Zadania
1. Sieć wypracowuje rekomendacje w swoim obszarze tematycznym.
2. Sieć upowszechnia rezultaty projektów i dobre praktyki.

## § 2. Posiedzenia
- Posiedzenia zwołuje przewodniczący w porozumieniu z sekretariatem.
- Zawiadomienie wysyła się co najmniej **14 dni** przed posiedzeniem, a materiały co najmniej **7 dni** przed nim.
- Kworum stanowi połowa składu.
`

export async function seedSpaces(db: Db) {
  const named = new Map(
    (
      await db
        .selectFrom('people')
        .select(['id', 'email', 'organisation_id'])
        .where('email', 'like', '%@demo.siatka.test')
        .execute()
    ).map((p) => [p.email, p]),
  )
  const admin = named.get('admin@demo.siatka.test')!.id
  const iz = named.get('iz@demo.siatka.test')!.id

  const orgs = await db
    .insertInto('organisations')
    .values(organisations.map((o) => ({ name: o.name, type: o.type, country: 'PL', updated_at: new Date() })))
    .returning('id')
    .execute()

  // Members who are not demo accounts: real names, no password (they cannot sign in).
  const total = spaces.reduce((n, s) => n + s.size, 0)
  const people = await db
    .insertInto('people')
    .values(
      Array.from({ length: total }, (_, i) => {
        const first = firstNames[i % firstNames.length]
        const last = lastNames[(i * 7) % lastNames.length]
        return {
          email: `czlonek${i + 1}@demo.siatka.test`,
          name: `${first} ${last}`,
          password_hash: null,
          role: 'member' as const,
          organisation_id: orgs[i % orgs.length].id,
          lang: 'pl' as const,
          updated_at: new Date(),
        }
      }),
    )
    .returning(['id', 'organisation_id'])
    .execute()

  const day0 = today()
  const rows = await db
    .insertInto('spaces')
    .values(
      spaces.map((s) => ({
        name_pl: s.namePl,
        name_en: s.nameEn,
        type: s.type,
        status: 'active' as const,
        theme_pl: s.themePl,
        theme_en: s.themeEn,
        description_pl: s.descriptionPl,
        description_en: s.descriptionEn,
        secretary_id: named.get(s.secretary)!.id,
        is_public: s.type !== 'steering_committee',
        public_chair: true,
        public_members: true,
        public_schedule: s.type === 'thematic_network',
        updated_at: new Date(),
      })),
    )
    .returning('id')
    .execute()

  let next = 0
  const proposals: {
    space_id: string
    number: number
    status: 'approved' | 'submitted'
    note: string
    drafted_by: string
    submitted_at: Date
    decided_at: Date | null
    decided_by: string | null
    decision_ref: string | null
    effective_on: string | null
    updated_at: Date
  }[] = []
  const entryPlans: {
    proposal: number
    person_id: string
    organisation_id: string | null
    role: SpaceRole
    represents: Representation
    deputy_for: string | null
  }[] = []

  spaces.forEach((s, i) => {
    const spaceId = rows[i].id
    const members = people.slice(next, next + s.size)
    next += s.size
    const hasChair = s.named.some(([, role]) => role === 'chair')
    const plan = [
      ...s.named.map(([email, role]) => ({
        person_id: named.get(email)!.id,
        organisation_id: named.get(email)!.organisation_id,
        role,
        deputy_for: null as string | null,
      })),
      ...members.map((m, j) => ({
        person_id: m.id,
        organisation_id: m.organisation_id,
        role: (j === 0 && !hasChair
          ? 'chair'
          : j === 1
            ? 'vice_chair'
            : j % 6 === 5
              ? 'deputy'
              : j % 9 === 8
                ? 'observer'
                : 'member') as SpaceRole,
        // Each deputy stands in for the member listed before them.
        deputy_for: j % 6 === 5 ? members[j - 1].id : null,
      })),
    ]
    const represent = (orgId: string | null) =>
      organisations[orgs.findIndex((o) => o.id === orgId)]?.represents ?? 'ngo'
    // The social economy network has an earlier composition in its history, replaced a year later.
    const history = s.key === 'social' ? [addDays(day0, -730), addDays(day0, -365)] : [addDays(day0, -400)]
    history.forEach((effective, h) => {
      const index = proposals.length
      proposals.push({
        space_id: spaceId,
        number: h + 1,
        status: 'approved',
        note: 'Skład zaproponowany po konsultacjach z instytucjami i organizacjami działającymi w obszarze sieci.',
        drafted_by: named.get(s.secretary)!.id,
        submitted_at: new Date(`${addDays(effective, -14)}T09:00:00Z`),
        decided_at: new Date(`${addDays(effective, -3)}T12:00:00Z`),
        decided_by: iz,
        decision_ref: `DZF-IV.8540.${10 + i * 3 + h}.${effective.slice(0, 4)}`,
        effective_on: effective,
        updated_at: new Date(),
      })
      // The earlier composition had a few people who later left.
      const who = h < history.length - 1 ? plan.slice(0, plan.length - 3) : plan
      for (const e of who)
        entryPlans.push({ proposal: index, ...e, represents: represent(e.organisation_id) })
    })
    if (s.key === 'equality') {
      // A change of composition waiting for the managing authority: two more members.
      const index = proposals.length
      proposals.push({
        space_id: spaceId,
        number: 2,
        status: 'submitted',
        note: 'Uzupełnienie składu o przedstawicielkę partnerów społecznych i eksperta ds. rynku pracy.',
        drafted_by: named.get(s.secretary)!.id,
        submitted_at: new Date(Date.now() - 3 * 24 * 3600_000),
        decided_at: null,
        decided_by: null,
        decision_ref: null,
        effective_on: null,
        updated_at: new Date(),
      })
      const extra = people.slice(0, 2).map((m) => ({
        person_id: m.id,
        organisation_id: m.organisation_id,
        role: 'member' as SpaceRole,
        deputy_for: null,
      }))
      for (const e of [...plan, ...extra])
        entryPlans.push({ proposal: index, ...e, represents: represent(e.organisation_id) })
    }
  })

  const saved = await db
    .insertInto('composition_proposals')
    .values(proposals)
    .returning(['id', 'space_id', 'status', 'effective_on'])
    .execute()
  await db
    .insertInto('composition_entries')
    .values(
      entryPlans.map((e) => ({
        proposal_id: saved[e.proposal].id,
        person_id: e.person_id,
        role: e.role,
        represents: e.represents,
        organisation_id: e.organisation_id,
        deputy_for: e.deputy_for,
        justification: '',
      })),
    )
    .execute()
  await db
    .insertInto('composition_events')
    .values(
      saved.flatMap((p, i) => [
        {
          proposal_id: p.id,
          action: 'submitted' as const,
          actor_id: proposals[i].drafted_by,
          comment: null,
          at: proposals[i].submitted_at,
        },
        ...(p.status === 'approved'
          ? [
              {
                proposal_id: p.id,
                action: 'approved' as const,
                actor_id: iz,
                comment: proposals[i].decision_ref,
                at: proposals[i].decided_at!,
              },
            ]
          : []),
      ]),
    )
    .execute()

  // Memberships from the approved compositions: each ends the day before the next one takes effect.
  const approved = saved.map((p, i) => ({ ...p, index: i })).filter((p) => p.status === 'approved')
  const nextOf = (p: (typeof approved)[number]) =>
    approved.find((q) => q.space_id === p.space_id && q.effective_on! > p.effective_on!)?.effective_on ?? null
  await db
    .insertInto('space_memberships')
    .values(
      approved.flatMap((p) => {
        const ends = nextOf(p)
        return entryPlans
          .filter((e) => e.proposal === p.index)
          .map((e) => ({
            space_id: p.space_id,
            person_id: e.person_id,
            role: e.role,
            represents: e.represents,
            organisation_id: e.organisation_id,
            deputy_for: e.deputy_for,
            starts_on: p.effective_on!,
            ends_on: ends ? addDays(ends, -1) : null,
            proposal_id: p.id,
            added_by: iz,
          }))
      }),
    )
    .execute()

  // The expert is also a guest of the labour-market network until the end of next month.
  await db
    .insertInto('space_memberships')
    .values({
      space_id: rows[0].id,
      person_id: named.get('ekspert@demo.siatka.test')!.id,
      role: 'expert',
      represents: 'science',
      organisation_id: named.get('ekspert@demo.siatka.test')!.organisation_id,
      starts_on: addDays(day0, -20),
      ends_on: addDays(day0, 45),
      proposal_id: null,
      added_by: named.get('sekretarz@demo.siatka.test')!.id,
    })
    .execute()

  await db
    .insertInto('space_rules')
    .values(
      rows.slice(0, 4).map((r) => ({
        space_id: r.id,
        version: 1,
        body: rulesText,
        effective_on: addDays(day0, -380),
        adopted_ref: 'Uchwała nr 1/2025',
        created_by: admin,
      })),
    )
    .execute()

  const tasks: [string, string, number, 'planned' | 'in_progress' | 'done'][] = [
    ['Przyjęcie planu pracy na rok', 'Przewodniczący', -60, 'done'],
    ['Przegląd rezultatów projektów w obszarze sieci', 'Sekretariat', -10, 'in_progress'],
    ['Posiedzenie sieci', 'Sekretariat', 12, 'planned'],
    ['Rekomendacje dla Grupy Strategicznej', 'Grupa robocza', 40, 'planned'],
    ['Wizyta studyjna w partnerstwie', 'Sekretariat', 75, 'planned'],
    ['Sprawozdanie roczne', 'Sekretarz', 120, 'planned'],
  ]
  await db
    .insertInto('schedule_items')
    .values(
      rows.flatMap((r) =>
        tasks.map(([task, responsible, offset, status]) => ({
          space_id: r.id,
          task,
          responsible,
          due_on: addDays(day0, offset),
          status,
          updated_at: new Date(),
        })),
      ),
    )
    .execute()

  await db
    .insertInto('announcements')
    .values(
      rows.flatMap((r) => [
        {
          space_id: r.id,
          title: 'Materiały na najbliższe posiedzenie',
          body: 'Materiały na najbliższe posiedzenie zostaną udostępnione **7 dni** przed jego terminem.\n\nProsimy o potwierdzenie obecności.',
          is_pinned: true,
          author_id: named.get('sekretarz@demo.siatka.test')!.id,
          created_at: new Date(Date.now() - 2 * 24 * 3600_000),
        },
        {
          space_id: r.id,
          title: 'Podsumowanie konsultacji',
          body: 'Dziękujemy za uwagi zgłoszone w konsultacjach. Zestawienie uwag wraz z odpowiedziami sekretariatu jest w przygotowaniu.',
          is_pinned: false,
          author_id: named.get('sekretarz@demo.siatka.test')!.id,
          created_at: new Date(Date.now() - 9 * 24 * 3600_000),
        },
      ]),
    )
    .execute()
}
