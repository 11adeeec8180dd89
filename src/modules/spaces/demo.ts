// Demo networks and bodies: four thematic networks on EQUAL-style themes, the Strategic Group and a
// project's steering committee, each with an approved composition (one with an earlier one in its
// history), one change waiting for the managing authority, schedules, rules and announcements.
// Rows are written directly: demo data loads before the job system starts, so nobody is notified.
// The compositions and the memberships they make are in composition-demo.ts.

import { addDays, today } from '../../kernel/dates.ts'
import type { AppDb as Db } from '../../kernel/db.ts'
import { demoDays, demoSurnames } from '../../kernel/demo.ts'
import { workingDayFrom } from '../../kernel/holidays.ts'
import type { SpaceRole } from '../../kernel/policy.ts'
import { seedCompositions } from './composition-demo.ts'
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
const lastNames = demoSurnames

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
    namePl: 'Komitet Sterujący projektu „Ponadnarodowa sieć wsparcia przedsiębiorstw społecznych”',
    nameEn: 'Steering Committee of the “Transnational support network for social enterprises” project',
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
        // Polish women's first names end in -a (those above do).
        const last = lastNames[(i * 7) % lastNames.length][first.endsWith('a') ? 1 : 0]
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
    .returning(['id', 'type', 'name_pl'])
    .execute()

  const represent = (orgId: string | null) =>
    organisations[orgs.findIndex((o) => o.id === orgId)]?.represents ?? 'ngo'
  await seedCompositions(
    db,
    spaces.map((s, i) => ({ ...s, id: rows[i].id })),
    { named, people, iz, represent },
    day0,
  )

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

  // The schedules name the meetings and the visit on the days the meetings module holds them
  // (kernel/demo.ts, demoDays): the networks and the Strategic Group meet; the steering committee
  // has no meeting in the demo, so its schedule names none.
  const days = demoDays(day0)
  type Task = [string, string, string, 'planned' | 'in_progress' | 'done']
  const tasksOf = (r: { type: SpaceType; name_pl: string }): Task[] => {
    const meets = r.type === 'thematic_network' || r.type === 'strategic_group'
    return [
      ...(meets
        ? [['Posiedzenie: przyjęcie planu pracy na rok', 'Przewodniczący', days.pastMeeting, 'done'] as Task]
        : []),
      [
        'Przegląd rezultatów projektów w obszarze sieci',
        'Sekretariat',
        workingDayFrom(addDays(day0, -10)),
        'in_progress',
      ],
      ...(meets
        ? [['Posiedzenie: plan pracy na 2027 r.', 'Sekretariat', days.nextMeeting, 'planned'] as Task]
        : []),
      ['Rekomendacje dla Grupy Strategicznej', 'Grupa robocza', workingDayFrom(addDays(day0, 40)), 'planned'],
      ...(r.name_pl === 'KST ds. ekonomii społecznej'
        ? [
            ['Wizyta studyjna na Opolszczyźnie', 'Sekretariat', days.pastVisit, 'done'] as Task,
            ['Wizyta studyjna w spółdzielni socjalnej', 'Sekretariat', days.nextVisit, 'planned'] as Task,
          ]
        : []),
      ['Sprawozdanie roczne', 'Sekretarz', workingDayFrom(addDays(day0, 120)), 'planned'],
    ]
  }
  await db
    .insertInto('schedule_items')
    .values(
      rows.flatMap((r) =>
        tasksOf(r).map(([task, responsible, due_on, status]) => ({
          space_id: r.id,
          task,
          responsible,
          due_on,
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
