// A portfolio of generated projects for the demo (about sixty) and the benchmark (a thousand): led by
// organisations in every voivodeship's capital, across the programmes of four funding periods, so
// the thematic analysis shows clusters (Śląsk, Mazowsze, Małopolska) and gaps (Lubuskie, Podlasie).
// Every figure obeys the app's own rules: the EU contribution is the programme's rate of the value,
// computed in integers; the status follows the period; reports fall inside the period and before today.
import { addDays, type Day } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import type { Db } from './db.ts'
import { subregions, voivodeships } from './regions.ts'
import type { ProjectStatus } from './tables.ts'

/** A NIP from its first nine digits (a prefix whose check digit would be 10 moves on by one). */
export function nip(first9: string): string {
  for (let n = Number(first9); ; n++) {
    const d = String(n).padStart(9, '0')
    const sum = [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((a, w, i) => a + w * Number(d[i]), 0)
    if (sum % 11 !== 10) return `${d}${sum % 11}`
  }
}
/** A nine-digit REGON from its first eight digits. */
export function regon(first8: string): string {
  const sum = [8, 9, 2, 3, 4, 5, 6, 7].reduce((a, w, i) => a + w * Number(first8[i]), 0)
  return `${first8}${(sum % 11) % 10}`
}

/** Each voivodeship's capital, with its preposition, in the locative ("w Katowicach", "we Wrocławiu"), and how many demo projects it leads. */
const capitals: Record<string, [city: string, locative: string, weight: number]> = {
  '02': ['Wrocław', 'we Wrocławiu', 5],
  '04': ['Toruń', 'w Toruniu', 3],
  '06': ['Lublin', 'w Lublinie', 4],
  '08': ['Zielona Góra', 'w Zielonej Górze', 0],
  '10': ['Łódź', 'w Łodzi', 4],
  '12': ['Kraków', 'w Krakowie', 7],
  '14': ['Warszawa', 'w Warszawie', 8],
  '16': ['Opole', 'w Opolu', 1],
  '18': ['Rzeszów', 'w Rzeszowie', 3],
  '20': ['Białystok', 'w Białymstoku', 0],
  '22': ['Gdańsk', 'w Gdańsku', 6],
  '24': ['Katowice', 'w Katowicach', 9],
  '26': ['Kielce', 'w Kielcach', 1],
  '28': ['Olsztyn', 'w Olsztynie', 2],
  '30': ['Poznań', 'w Poznaniu', 5],
  '32': ['Szczecin', 'w Szczecinie', 2],
}

/** Programmes a generated project may come from: its measure, its years, its EU rate in basis points. */
const programmes: {
  programme: string
  measure: string
  from: number
  to: number
  rateBp: number
  themes: string[]
}[] = [
  {
    programme: 'EQUAL',
    measure: 'D',
    from: 2005,
    to: 2008,
    rateBp: 7500,
    themes: ['social-economy', 'cooperation'],
  },
  {
    programme: 'EQUAL',
    measure: 'A',
    from: 2005,
    to: 2008,
    rateBp: 7500,
    themes: ['labour-market', 'equality'],
  },
  {
    programme: 'PO KL',
    measure: '7.2',
    from: 2008,
    to: 2015,
    rateBp: 8500,
    themes: ['social-economy', 'inclusion'],
  },
  { programme: 'PO KL', measure: '5.4', from: 2009, to: 2015, rateBp: 8500, themes: ['cooperation'] },
  { programme: 'PO KL', measure: '7.3', from: 2009, to: 2014, rateBp: 8500, themes: ['inclusion'] },
  { programme: 'POWER', measure: '2.9', from: 2016, to: 2023, rateBp: 8428, themes: ['social-economy'] },
  { programme: 'POWER', measure: '2.8', from: 2016, to: 2023, rateBp: 8428, themes: ['social-services'] },
  { programme: 'POWER', measure: '4.1', from: 2017, to: 2023, rateBp: 8428, themes: ['innovation'] },
  {
    programme: 'RPO',
    measure: '9.3',
    from: 2016,
    to: 2023,
    rateBp: 8500,
    themes: ['social-economy', 'labour-market'],
  },
  {
    programme: 'FERS',
    measure: '04.01',
    from: 2023,
    to: 2029,
    rateBp: 8500,
    themes: ['innovation', 'social-services'],
  },
  {
    programme: 'FERS',
    measure: '04.02',
    from: 2024,
    to: 2029,
    rateBp: 8500,
    themes: ['cooperation', 'skills'],
  },
]

const titles: Record<string, string[]> = {
  'social-economy': [
    'Ośrodek Wsparcia Ekonomii Społecznej {city}',
    'Akademia liderów spółdzielni socjalnych',
    'Przedsiębiorczość społeczna {city}',
  ],
  inclusion: [
    'Aktywni razem – reintegracja społeczna i zawodowa',
    'Lokalne partnerstwo na rzecz włączenia społecznego',
  ],
  'labour-market': ['Nowy start – zatrudnienie w przedsiębiorstwach społecznych', 'Praca bez barier'],
  cooperation: ['Współpraca międzysektorowa w gminach', 'Partnerstwa lokalne na rzecz rozwoju'],
  'social-services': ['Usługi opiekuńcze w społeczności lokalnej', 'Centrum usług społecznych {city}'],
  innovation: ['Inkubator innowacji społecznych', 'Laboratorium rozwiązań dla pomocy społecznej'],
  equality: ['Równe szanse na rynku pracy'],
  skills: ['Kompetencje kadr ekonomii społecznej w Europie'],
}

/** A small fixed-seed generator: the same portfolio on every machine. */
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0
    return s / 2 ** 32
  }
}

export interface GeneratedProject {
  title: string
  acronym: string
  programme: [string, string]
  status: ProjectStatus
  starts_on: Day
  ends_on: Day
  lead: number
  total: number
  eu: number
  eligible: number
  main_goal: string
  themes: string[]
  regions: string[]
  /** NUTS 3 codes inside `regions`. */
  subregions: string[]
  indicators: { name: string; unit: string; target: number; reports: [Day, number][] }[]
}

/** The lead organisations: one or two in each capital (the demo's gaps still have theirs). */
export function generatedOrganisations() {
  return voivodeships.flatMap((v, i) => {
    const [city, locative] = capitals[v.teryt] ?? ['', '', 0]
    const n = 100 + i * 2
    return [
      {
        name: `Fundacja Rozwoju Ekonomii Społecznej ${locative}`,
        voivodeship: v.teryt,
        nip: nip(`7${n}45061`),
        regon: regon(`3${n}4061`),
        address: `ul. Słoneczna ${i + 3}, ${city}`,
      },
      {
        name: `Stowarzyszenie Partnerstwo Lokalne ${locative}`,
        voivodeship: v.teryt,
        nip: nip(`8${n}72013`),
        regon: regon(`2${n}7013`),
        address: `ul. Ogrodowa ${i + 11}, ${city}`,
      },
    ]
  })
}

const isoDay = (y: number, m: number, d = 1) =>
  `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
const lastOfMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)

/** The `n`-th project's subregion in a voivodeship, taking its subregions in turn. */
function subregionOf(teryt: string, n: number): string[] {
  const inside = subregions.filter((s) => s.voivodeship === teryt)
  const one = inside[Math.floor(n / 3) % inside.length]
  return one ? [one.nuts3] : []
}

/** `count` projects on the demo's day: sixty for the demo, more for the benchmark (spread evenly). */
export function generatedProjects(count: number, today: Day, seed = 2026): GeneratedProject[] {
  const rnd = random(seed)
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T
  const weighted = voivodeships.flatMap((v, i) =>
    Array.from({ length: capitals[v.teryt]?.[2] ?? 0 }, () => ({ teryt: v.teryt, index: i })),
  )
  const organisations = generatedOrganisations()
  const used = new Set<string>()
  return Array.from({ length: count }, (_, n) => {
    // The demo's sixty follow the weights exactly; beyond them every voivodeship takes its turn.
    const place =
      n < weighted.length
        ? (weighted[n] as { teryt: string; index: number })
        : { teryt: voivodeships[n % 16]?.teryt ?? '14', index: n % 16 }
    const [, locative] = capitals[place.teryt] ?? ['', '', 0]
    const prog = pick(programmes)
    const theme = pick(prog.themes)
    const startYear = prog.from + Math.floor(rnd() * Math.max(1, prog.to - prog.from - 2))
    // A title names its place, and its start year where the same name recurs.
    let title = pick(titles[theme] ?? ['Projekt']).replace('{city}', locative)
    if (!title.includes(locative)) title = `${title} ${locative}`
    if (used.has(title)) title = `${title} ${startYear}`
    for (let k = 2; used.has(title); k++) title = `${title.replace(/ \(\d+\)$/, '')} (${k})`
    used.add(title)
    const startMonth = 1 + Math.floor(rnd() * 12)
    const months = 18 + Math.floor(rnd() * 19)
    const endMonthIndex = startYear * 12 + (startMonth - 1) + months - 1
    const starts_on = isoDay(startYear, startMonth)
    const ends_on = lastOfMonth(Math.floor(endMonthIndex / 12), (endMonthIndex % 12) + 1)
    const status: ProjectStatus =
      starts_on > today
        ? 'planned'
        : ends_on >= today
          ? 'running'
          : ends_on < addDays(today, -365)
            ? 'settled'
            : 'closed'
    // Whole złoty rounded to the thousand, from 400 000 to 9 million.
    const total = (400 + Math.floor(rnd() * 8600)) * 1000 * 100
    const eu = (total * prog.rateBp) / 10_000
    const eligible = total - Math.floor(rnd() * 3) * 1_000_00
    const people = 40 + Math.floor(rnd() * 36) * 10
    const elapsed =
      starts_on > today
        ? 0
        : Math.min(
            1,
            (Date.parse(today) - Date.parse(starts_on)) / (Date.parse(ends_on) - Date.parse(starts_on)),
          )
    // Most keep pace; one in five lags well behind.
    const pace = rnd() < 0.2 ? 0.4 : 0.9 + rnd() * 0.25
    const reached = Math.round(people * elapsed * pace)
    const reportOn = ends_on < today ? ends_on : addDays(today, -14)
    const regions = rnd() < 0.15 ? [place.teryt, pick(voivodeships).teryt] : [place.teryt]
    return {
      title,
      acronym: title
        .split(/[\s–-]+/)
        .filter((w) => w.length > 3)
        .map((w) => w[0]?.toUpperCase())
        .join('')
        .slice(0, 6),
      programme: [prog.programme, prog.measure] as [string, string],
      status,
      starts_on,
      ends_on,
      lead: place.index * 2 + (rnd() < 0.5 ? 0 : 1),
      total,
      eu: Math.floor(eu),
      eligible,
      main_goal: `Wzrost aktywności społecznej i zawodowej ${people} osób zagrożonych wykluczeniem w województwie ${voivodeships[place.index]?.name} do ${ends_on.slice(0, 4)} r.`,
      themes: [...new Set([theme, pick(prog.themes)])],
      regions: [...new Set(regions)],
      // One in three works in a single subregion of its voivodeship (chosen without the random
      // sequence, so the rest of the portfolio stays as it was).
      subregions: n % 3 === 0 ? subregionOf(place.teryt, n) : [],
      indicators: [
        {
          name: 'Liczba osób objętych wsparciem',
          unit: 'osób',
          target: people,
          reports: starts_on < reportOn && elapsed > 0 ? ([[reportOn, reached]] as [Day, number][]) : [],
        },
      ],
    }
  }).map((p, i) => ({
    ...p,
    lead: Math.min(p.lead, organisations.length - 1),
    acronym: p.acronym || `P${i + 1}`,
  }))
}

/**
 * Inserts generated projects with their leads, themes, regions, indicators and reports: a few
 * statements per hundred projects, so the benchmark's thousand take seconds.
 */
export async function insertGenerated(handle: AnyDb, count: number, today: Day, createdBy: string) {
  const db: Db = handle
  const orgs = generatedOrganisations()
  const existing = await db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where(
      'name',
      'in',
      orgs.map((o) => o.name),
    )
    .execute()
  const orgIds = new Map(existing.map((o) => [o.name, o.id]))
  const missing = orgs.filter((o) => !orgIds.has(o.name))
  if (missing.length)
    for (const row of await db
      .insertInto('organisations')
      .values(
        missing.map((o) => ({
          name: o.name,
          type: 'ngo' as const,
          country: 'PL',
          nip: o.nip,
          regon: o.regon,
          address: o.address,
          website: null,
          updated_at: new Date(),
        })),
      )
      .returning(['id', 'name'])
      .execute())
      orgIds.set(row.name, row.id)
  const measures = await db
    .selectFrom('project_programmes as m')
    .innerJoin('project_programmes as up', 'up.id', 'm.parent_id')
    .leftJoin('project_programmes as top', 'top.id', 'up.parent_id')
    .select(['m.id', 'm.code', 'up.code as up_code', 'top.code as top_code'])
    .execute()
  const themes = new Map(
    (await db.selectFrom('project_themes').select(['id', 'code']).execute()).map((th) => [th.code, th.id]),
  )
  const measureId = ([programme, code]: [string, string]) => {
    const found = measures.find((m) => m.code === code && (m.top_code ?? m.up_code) === programme)
    if (!found) throw new Error(`no measure ${programme} ${code}`)
    return found.id
  }
  const all = generatedProjects(count, today)
  for (let from = 0; from < all.length; from += 200) {
    const batch = all.slice(from, from + 200)
    const rows = await db
      .insertInto('projects')
      .values(
        batch.map((p) => ({
          title: p.title,
          acronym: p.acronym,
          programme_id: measureId(p.programme),
          status: p.status,
          starts_on: p.starts_on,
          ends_on: p.ends_on,
          lead_organisation_id: orgIds.get(orgs[p.lead]?.name ?? '') as string,
          agreement_on: null,
          total_value_grosze: p.total,
          eu_contribution_grosze: p.eu,
          eligible_costs_grosze: p.eligible,
          main_goal: p.main_goal,
          specific_goals: '',
          is_public: true,
          created_by: createdBy,
          updated_at: new Date(),
        })),
      )
      .returning('id')
      .execute()
    const ids = rows.map((r) => r.id)
    await db
      .insertInto('project_theme_links')
      .values(
        batch.flatMap((p, i) =>
          p.themes.map((code) => ({ project_id: ids[i] as string, theme_id: themes.get(code) as string })),
        ),
      )
      .execute()
    await db
      .insertInto('project_regions')
      .values(
        batch.flatMap((p, i) =>
          p.regions.map((voivodeship) => ({ project_id: ids[i] as string, voivodeship })),
        ),
      )
      .execute()
    const parts = batch.flatMap((p, i) =>
      p.subregions.map((nuts3) => ({ project_id: ids[i] as string, nuts3 })),
    )
    if (parts.length) await db.insertInto('project_subregions').values(parts).execute()
    const indicators = await db
      .insertInto('project_indicators')
      .values(
        batch.flatMap((p, i) =>
          p.indicators.map((ind, position) => ({
            project_id: ids[i] as string,
            name: ind.name,
            kind: 'product' as const,
            unit: ind.unit,
            // Every generated indicator counts people ("osób").
            unit_one: 'osoba',
            unit_few: 'osoby',
            baseline: 0,
            target: ind.target,
            position,
          })),
        ),
      )
      .returning('id')
      .execute()
    const reports = batch
      .flatMap((p) => p.indicators)
      .flatMap((ind, i) =>
        ind.reports.map(([reported_on, value]) => ({
          indicator_id: indicators[i]?.id as string,
          reported_on,
          value,
          comment: '',
          reported_by: createdBy,
        })),
      )
    if (reports.length) await db.insertInto('project_indicator_reports').values(reports).execute()
  }
}
