// Demo projects (issue 12): SIRES from seed 004 with its real figures, the cross-sector cooperation
// project of seed 003, and a transnational FERS project still running; projekt@demo.siatka.test is
// on the staff of SIRES. Identifiers are made for the demo, with valid checksums.
import { join } from 'node:path'
import { addDays, today } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import type { OrganisationType } from '../accounts/index.ts'
import type { Db } from './db.ts'
import { insertGenerated, nip, regon } from './demo-portfolio.ts'
import { seedGroups } from './groups/demo.ts'
import { readSheet } from './import/read.ts'
import { seedNews } from './news/demo.ts'
import { type DemoActivity, pswpsActivities, siresActivities } from './schedule/demo.ts'
import type { IndicatorKind, PartnerRole, ProjectStatus } from './tables.ts'
import { readTerc } from './terc/read.ts'
import { writeRegister } from './terc/service.ts'

interface Org {
  name: string
  type: OrganisationType
  nip?: string
  regon?: string
  address: string
}

const orgs = {
  ozrss: {
    name: 'Ogólnopolski Związek Rewizyjny Spółdzielni Socjalnych',
    type: 'ngo',
    nip: nip('525245367'),
    regon: regon('14315628'),
    address: 'ul. Jasna 1, 00-013 Warszawa',
  },
  fir: {
    name: 'Fundacja Idea Rozwoju',
    type: 'ngo',
    nip: nip('584271046'),
    regon: regon('22107832'),
    address: 'ul. Grunwaldzka 5, 81-759 Sopot',
  },
  stop: {
    name: 'Stowarzyszenie Trenerów Organizacji Pozarządowych',
    type: 'ngo',
    nip: nip('526245812'),
    regon: regon('01278934'),
    address: 'ul. Noakowskiego 10, 00-664 Warszawa',
  },
  ministry: {
    name: 'Ministerstwo Rodziny, Pracy i Polityki Społecznej',
    type: 'public_administration',
    address: 'ul. Nowogrodzka 1/3/5, 00-513 Warszawa',
  },
  cwop: {
    name: 'Stowarzyszenie Centrum Wspierania Organizacji Pozarządowych w Katowicach',
    type: 'ngo',
    nip: nip('634253109'),
    regon: regon('27654321'),
    address: 'ul. Mariacka 17, 40-014 Katowice',
  },
  gmina: {
    name: 'Gmina Miasto Rybnik',
    type: 'local_government',
    nip: nip('642001331'),
    regon: regon('27625840'),
    address: 'ul. Bolesława Chrobrego 2, 44-200 Rybnik',
  },
  bridge: {
    name: 'Fundacja Mosty Społeczne',
    type: 'ngo',
    nip: nip('677236540'),
    regon: regon('36198270'),
    address: 'ul. Długa 30, 31-147 Kraków',
  },
} satisfies Record<string, Org>

interface DemoProject {
  title: string
  acronym: string
  /** The programme's code and the code of its measure (or theme). */
  programme: [string, string]
  status: ProjectStatus
  starts_on: string
  ends_on: string
  lead: keyof typeof orgs
  partners: [keyof typeof orgs, PartnerRole][]
  agreement_on: string | null
  total: number
  eu: number
  eligible: number
  main_goal: string
  specific_goals: string
  groups: [name: string, description: string, planned: number | null][]
  indicators: {
    name: string
    kind: IndicatorKind
    unit: string
    baseline: number
    target: number
    reports: [day: string, value: number, comment: string][]
  }[]
  staff: string[]
  themes: string[]
  /** Voivodeships by TERYT code. */
  regions: string[]
  /** Subregions by NUTS 3 code, inside those voivodeships. */
  subregions?: string[]
  activities: DemoActivity[]
  contacts: [name: string, fn: string, email: string, phone: string][]
}

function demoProjects(day: string): DemoProject[] {
  return [
    {
      title: 'Spójna integracja regionalna ekonomii społecznej',
      acronym: 'SIRES',
      programme: ['POWER', '2.9'],
      status: 'settled',
      starts_on: '2017-03-01',
      ends_on: '2020-02-29',
      lead: 'ozrss',
      partners: [
        ['fir', 'partner'],
        ['stop', 'partner'],
        ['ministry', 'cooperating'],
      ],
      agreement_on: '2017-02-06',
      total: 679_195_000,
      eu: 572_425_546,
      eligible: 679_195_000,
      main_goal:
        'Trwały i kompleksowy system wsparcia ekonomii społecznej poprzez działania doradcze i rzecznicze na poziomie regionalnym i ponadregionalnym, we współpracy z Regionalnymi Ośrodkami Polityki Społecznej, w zakresie spójności polityk publicznych.',
      specific_goals: [
        'Efektywna i spójna polityka regionów na rzecz rozwoju sektora ekonomii społecznej i przedsiębiorstw społecznych.',
        'Wsparcie kompetencyjne pracowników instytucji regionalnych zajmujących się polityką rozwoju i funduszami strukturalnymi w obszarze Celu Tematycznego 9.',
      ].join('\n'),
      groups: [
        [
          'Pracownicy Regionalnych Ośrodków Polityki Społecznej',
          'Osoby odpowiedzialne za wdrażanie regionalnych programów rozwoju ekonomii społecznej w 16 ROPS.',
          null,
        ],
        [
          'Przedstawiciele urzędów marszałkowskich i regionalnych ciał doradczych',
          'Działy planowania strategicznego, członkowie Regionalnych Komitetów Rozwoju Ekonomii Społecznej, wojewódzkich rad działalności pożytku publicznego i komitetów monitorujących RPO.',
          260,
        ],
      ],
      indicators: [
        {
          name: 'Regionalne Ośrodki Polityki Społecznej, których pracownicy nabyli kompetencje w zakresie spójności polityk publicznych',
          kind: 'result',
          unit: 'ROPS',
          baseline: 0,
          target: 16,
          reports: [
            ['2018-06-29', 9, 'Doradztwo zakończone w dziewięciu regionach.'],
            ['2020-02-28', 16, 'Wszystkie regiony objęte doradztwem.'],
          ],
        },
        {
          name: 'Przedstawiciele instytucji regionalnych, którzy nabyli kompetencje w zakresie spójności polityk publicznych w obszarze ekonomii społecznej',
          kind: 'result',
          unit: 'osób',
          baseline: 0,
          target: 260,
          reports: [
            ['2018-06-29', 118, 'Po pierwszej turze szkoleń regionalnych.'],
            ['2020-02-28', 263, 'Po drugiej turze szkoleń i seminariach ponadregionalnych.'],
          ],
        },
      ],
      staff: ['projekt@demo.siatka.test'],
      themes: ['social-economy', 'cooperation'],
      regions: [
        '02',
        '04',
        '06',
        '08',
        '10',
        '12',
        '14',
        '16',
        '18',
        '20',
        '22',
        '24',
        '26',
        '28',
        '30',
        '32',
      ],
      activities: siresActivities(),
      contacts: [
        [
          'Katarzyna Wiśniewska',
          'koordynatorka projektu',
          'k.wisniewska@demo.siatka.test',
          '+48 22 622 01 22',
        ],
        ['Tomasz Zieliński', 'specjalista ds. doradztwa regionalnego', '', '+48 22 622 01 23'],
      ],
    },
    {
      title: 'Międzysektorowa współpraca na rzecz rozwoju lokalnego',
      acronym: '',
      programme: ['PO KL', '5.4'],
      status: 'settled',
      starts_on: '2014-01-02',
      ends_on: '2015-06-30',
      lead: 'cwop',
      partners: [['gmina', 'partner']],
      agreement_on: '2013-11-18',
      total: 124_860_000,
      eu: 106_131_000,
      eligible: 124_860_000,
      main_goal:
        'Wypracowanie i upowszechnienie modelu współpracy administracji publicznej i organizacji pozarządowych w tworzeniu polityk lokalnych i realizacji zadań publicznych.',
      specific_goals: [
        'Standardy współpracy samorządu z organizacjami pozarządowymi uzgodnione na konferencji sieciującej i w warsztatach tematycznych.',
        'Inicjatywy mieszkańców opracowane podczas warsztatów i zrealizowane jako zadania publiczne.',
      ].join('\n'),
      groups: [
        [
          'Liderzy i pracownicy organizacji pozarządowych',
          'Członkowie zarządów, pracownicy i wolontariusze odpowiedzialni za współpracę z samorządem lokalnym.',
          90,
        ],
        [
          'Przedstawiciele jednostek samorządu terytorialnego',
          'Osoby pełniące funkcje kierownicze, sołtysi i pracownicy odpowiedzialni za współpracę z organizacjami.',
          60,
        ],
      ],
      indicators: [
        {
          name: 'Uczestnicy warsztatów i paneli eksperckich, którzy ukończyli udział',
          kind: 'product',
          unit: 'osób',
          baseline: 0,
          target: 150,
          reports: [['2015-06-30', 154, 'Lista obecności z ostatniego panelu.']],
        },
        {
          name: 'Wypracowany model współpracy administracji publicznej i sektora pozarządowego',
          kind: 'result',
          unit: 'modeli',
          baseline: 0,
          target: 1,
          reports: [['2015-06-30', 1, 'Model przyjęty uchwałą Rady Miasta Rybnika.']],
        },
      ],
      staff: [],
      themes: ['cooperation', 'inclusion'],
      regions: ['24'],
      // Rybnik and its neighbours.
      subregions: ['PL227'],
      activities: [],
      contacts: [['Agnieszka Nowak', 'koordynatorka projektu', 'a.nowak@demo.siatka.test', '']],
    },
    {
      // The seed project's second edition (seed 003), recruiting its participants now (the
      // recruitment module's demo).
      title: 'Razem w subregionie zachodnim – współpraca samorządów i organizacji pozarządowych',
      acronym: 'RAZEM',
      programme: ['FERS', '04.01'],
      status: 'running',
      starts_on: addDays(day, -75),
      ends_on: addDays(day, 640),
      lead: 'cwop',
      partners: [['gmina', 'partner']],
      agreement_on: addDays(day, -110),
      total: 98_640_000,
      eu: 83_844_000,
      eligible: 98_640_000,
      main_goal:
        'Upowszechnienie w gminach subregionu zachodniego województwa śląskiego modelu współpracy administracji publicznej i organizacji pozarządowych wypracowanego w pierwszej edycji projektu.',
      specific_goals: [
        'Liderzy organizacji pozarządowych i pracownicy samorządów przeszkoleni w tworzeniu partnerstw, klauzul społecznych i budżetu partycypacyjnego.',
        'Radni i sołtysi włączeni w planowanie polityk lokalnych razem z mieszkańcami.',
      ].join('\n'),
      groups: [
        [
          'Liderzy, członkowie zarządów i pracownicy organizacji pozarządowych',
          'Osoby odpowiedzialne za współpracę z samorządem, rozwój i pozyskiwanie funduszy.',
          60,
        ],
        [
          'Pracownicy jednostek samorządu terytorialnego',
          'Kierownicy, sekretarze, pełnomocnicy ds. współpracy z III sektorem, specjaliści ds. zamówień publicznych.',
          40,
        ],
        ['Radni i sołtysi', 'Osoby decyzyjne w gminach i sołectwach subregionu.', 20],
      ],
      indicators: [
        {
          name: 'Uczestnicy, którzy ukończyli warsztaty i panele eksperckie',
          kind: 'product',
          unit: 'osób',
          baseline: 0,
          target: 120,
          reports: [[addDays(day, -20), 14, 'Pierwszy warsztat w Rybniku (budżet partycypacyjny).']],
        },
      ],
      staff: ['projekt@demo.siatka.test'],
      themes: ['cooperation', 'inclusion'],
      regions: ['24'],
      subregions: ['PL227'],
      activities: [],
      contacts: [
        ['Agnieszka Nowak', 'koordynatorka projektu', 'a.nowak@demo.siatka.test', '+48 32 422 17 40'],
      ],
    },
    {
      title: 'Ponadnarodowa sieć wsparcia przedsiębiorstw społecznych',
      acronym: 'PSWPS',
      programme: ['FERS', '04.02'],
      status: 'running',
      starts_on: addDays(day, -1065),
      ends_on: addDays(day, 210),
      lead: 'bridge',
      partners: [['ozrss', 'partner']],
      agreement_on: addDays(day, -1100),
      total: 218_450_000,
      eu: 187_867_000,
      eligible: 215_000_000,
      main_goal:
        'Przeniesienie do Polski sprawdzonych w Finlandii i Hiszpanii rozwiązań wsparcia przedsiębiorstw społecznych we współpracy z partnerami ponadnarodowymi.',
      specific_goals: [
        'Wizyty studyjne u partnerów ponadnarodowych dla przedstawicieli ośrodków wsparcia ekonomii społecznej.',
        'Adaptacja i pilotaż dwóch rozwiązań w ośrodkach wsparcia ekonomii społecznej.',
      ].join('\n'),
      groups: [
        ['Pracownicy ośrodków wsparcia ekonomii społecznej', 'Doradcy i animatorzy OWES z całej Polski.', 80],
      ],
      indicators: [
        {
          name: 'Przedsiębiorstwa społeczne objęte pilotażem rozwiązań partnerów',
          kind: 'product',
          unit: 'przedsiębiorstw',
          baseline: 0,
          target: 40,
          reports: [[addDays(day, -45), 31, 'Pilotaż w trzech województwach.']],
        },
        {
          name: 'Wizyty studyjne u partnerów ponadnarodowych',
          kind: 'product',
          unit: 'wizyt',
          baseline: 0,
          target: 12,
          reports: [[addDays(day, -45), 6, 'Dwie wizyty przesunięte na wiosnę.']],
        },
      ],
      staff: ['projekt@demo.siatka.test'],
      themes: ['social-economy', 'innovation'],
      regions: ['14', '12'],
      activities: pswpsActivities(day),
      contacts: [['Paweł Projektowy', 'kierownik projektu', 'projekt@demo.siatka.test', '+48 12 421 55 30']],
    },
  ]
}

/** The demo's units for one and for 2–4, by the form for five and more ("ROPS" has one form). */
export const unitForms: Record<string, [one: string, few: string]> = {
  osób: ['osoba', 'osoby'],
  modeli: ['model', 'modele'],
  przedsiębiorstw: ['przedsiębiorstwo', 'przedsiębiorstwa'],
  wizyt: ['wizyta', 'wizyty'],
}

export async function seedProjects(handle: AnyDb, storage?: LocalStorage) {
  const db: Db = handle
  const day = today()
  const secretariat = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'koordynator@demo.siatka.test')
    .executeTakeFirstOrThrow()
  const orgIds = new Map<string, string>()
  for (const [key, o] of Object.entries(orgs) as [keyof typeof orgs, Org][]) {
    const row = await db
      .insertInto('organisations')
      .values({
        name: o.name,
        type: o.type,
        country: 'PL',
        nip: o.nip ?? null,
        regon: o.regon ?? null,
        address: o.address,
        website: null,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    orgIds.set(key, row.id)
  }
  const measures = await db
    .selectFrom('project_programmes as m')
    .innerJoin('project_programmes as up', 'up.id', 'm.parent_id')
    .leftJoin('project_programmes as top', 'top.id', 'up.parent_id')
    .select(['m.id', 'm.code', 'up.code as up_code', 'top.code as top_code'])
    .execute()
  const measureId = ([programme, code]: [string, string]) => {
    const found = measures.find((m) => m.code === code && (m.top_code ?? m.up_code) === programme)
    if (!found) throw new Error(`no measure ${programme} ${code}`)
    return found.id
  }
  for (const p of demoProjects(day)) {
    const project = await db
      .insertInto('projects')
      .values({
        title: p.title,
        acronym: p.acronym,
        programme_id: measureId(p.programme),
        status: p.status,
        starts_on: p.starts_on,
        ends_on: p.ends_on,
        lead_organisation_id: orgIds.get(p.lead) as string,
        agreement_on: p.agreement_on,
        total_value_grosze: p.total,
        eu_contribution_grosze: p.eu,
        eligible_costs_grosze: p.eligible,
        main_goal: p.main_goal,
        specific_goals: p.specific_goals,
        is_public: true,
        created_by: secretariat.id,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    if (p.partners.length)
      await db
        .insertInto('project_partners')
        .values(
          p.partners.map(([key, role], position) => ({
            project_id: project.id,
            organisation_id: orgIds.get(key) as string,
            role,
            position,
          })),
        )
        .execute()
    await db
      .insertInto('project_target_groups')
      .values(
        p.groups.map(([name, description, planned], position) => ({
          project_id: project.id,
          name,
          description,
          planned_people: planned,
          position,
        })),
      )
      .execute()
    const staff = p.staff.length
      ? await db.selectFrom('people').select('id').where('email', 'in', p.staff).execute()
      : []
    const reporter = staff[0]?.id ?? secretariat.id
    for (const [position, i] of p.indicators.entries()) {
      const indicator = await db
        .insertInto('project_indicators')
        .values({
          project_id: project.id,
          name: i.name,
          kind: i.kind,
          unit: i.unit,
          unit_one: unitForms[i.unit]?.[0] ?? '',
          unit_few: unitForms[i.unit]?.[1] ?? '',
          baseline: i.baseline,
          target: i.target,
          position,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await db
        .insertInto('project_indicator_reports')
        .values(
          i.reports.map(([reported_on, value, comment]) => ({
            indicator_id: indicator.id,
            reported_on,
            value,
            comment,
            reported_by: reporter,
          })),
        )
        .execute()
    }
    if (staff.length)
      await db
        .insertInto('project_staff')
        .values(staff.map((s) => ({ project_id: project.id, person_id: s.id })))
        .execute()
    const themes = await db.selectFrom('project_themes').select('id').where('code', 'in', p.themes).execute()
    await db
      .insertInto('project_theme_links')
      .values(themes.map((th) => ({ project_id: project.id, theme_id: th.id })))
      .execute()
    await db
      .insertInto('project_regions')
      .values(p.regions.map((voivodeship) => ({ project_id: project.id, voivodeship })))
      .execute()
    if (p.subregions?.length)
      await db
        .insertInto('project_subregions')
        .values(p.subregions.map((nuts3) => ({ project_id: project.id, nuts3 })))
        .execute()
    if (p.activities.length)
      await db
        .insertInto('project_activities')
        .values(
          p.activities.map((a) => ({
            ...a,
            project_id: project.id,
            created_by: reporter,
            updated_at: new Date(),
          })),
        )
        .execute()
    if (p.contacts.length)
      await db
        .insertInto('project_contacts')
        .values(
          p.contacts.map(([name, fn, email, phone], position) => ({
            project_id: project.id,
            name,
            function: fn,
            email,
            phone,
            position,
          })),
        )
        .execute()
    if (p.acronym === 'SIRES') {
      // Its history: the secretariat closed it when it ended and marked it settled once accounted for.
      await db
        .insertInto('project_revisions')
        .values([
          {
            project_id: project.id,
            changed_by: secretariat.id,
            changed_at: '2020-03-16T09:12:00Z',
            changes: JSON.stringify([{ field: 'status', before: 'running', after: 'closed' }]),
          },
          {
            project_id: project.id,
            changed_by: secretariat.id,
            changed_at: '2020-10-05T11:40:00Z',
            changes: JSON.stringify([{ field: 'status', before: 'closed', after: 'settled' }]),
          },
        ])
        .execute()
      await db.updateTable('projects').set({ version: 2 }).where('id', '=', project.id).execute()
    }
  }
  // An excerpt of the TERC register (each voivodeship and its capital cities), read as an import reads it.
  const terc = await readSheet(join(import.meta.dirname, 'terc', 'demo-terc.csv'), 'csv')
  const units = terc.ok ? readTerc(terc.rows) : null
  if (!units?.ok || units.problems.length) throw new Error('demo-terc.csv does not read')
  await writeRegister(db, units.units)
  // About sixty more across the programmes and voivodeships, for the list and the analysis.
  await insertGenerated(db, 60, day, secretariat.id)
  await seedGroups(db)
  await seedNews(db, storage)
}
