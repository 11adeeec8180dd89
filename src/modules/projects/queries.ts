import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import type { FundingPeriod, ProjectStatus } from './tables.ts'

/** Where a project (`p`) works: its voivodeships' TERYT codes and its subregions' NUTS 3 codes, in order. */
export const areaCodes = [
  sql<
    string[]
  >`array(select r.voivodeship from project_regions r where r.project_id = p.id order by r.voivodeship)`.as(
    'regions',
  ),
  sql<
    string[]
  >`array(select r.nuts3 from project_subregions r where r.project_id = p.id order by r.nuts3)`.as(
    'subregions',
  ),
] as const

/** The programme, priority and measure above a taxonomy row, as the list and the page name them. */
function withProgramme(db: Db) {
  return db
    .selectFrom('projects as p')
    .innerJoin('project_programmes as m', 'm.id', 'p.programme_id')
    .leftJoin('project_programmes as pr', 'pr.id', 'm.parent_id')
    .leftJoin('project_programmes as pg', 'pg.id', 'pr.parent_id')
    .innerJoin('organisations as lead', 'lead.id', 'p.lead_organisation_id')
}

/** The list's orders: by start (newest first by default), title or value; each by keyset on (column, id). */
export const projectSorts = ['start', 'title', 'value'] as const
export type ProjectSort = (typeof projectSorts)[number]

const sortColumns = {
  start: 'p.starts_on',
  title: 'p.title',
  value: 'p.total_value_grosze',
} as const

/** What the list is narrowed to: each filter is one column or one exists(), all of them indexed. */
export interface ProjectFilters {
  q: string
  programme: string | null
  measure: string | null
  theme: string | null
  region: string | null
  status: ProjectStatus | null
  period: FundingPeriod | null
  partner: string | null
  sort: ProjectSort
  dir: 'asc' | 'desc'
}

/** Whose projects a list holds: a staff member's own, the published ones, or (neither) all. */
export interface ListScope {
  staffOf: string | null
  publicOnly?: boolean
}

/** Where the list continues: after the row whose sort column was `key` and id `id`. */
export interface ProjectCursor {
  key: string
  id: string
}

/** The cursor a row gives for the list's order. */
export const cursorKey = (row: ProjectListRow, sort: ProjectSort) =>
  sort === 'start' ? row.starts_on : sort === 'title' ? row.title : String(row.total_value_grosze)

/**
 * A page of the portfolio in the chosen order, by keyset, with each project's programme and measure
 * codes and its lead partner; staff see only their own projects, the public site only published ones.
 */
/** The list's projects, narrowed by who reads them and by its filters (the list and the analysis share it). */
export function narrowed(db: Db, scope: ListScope, filters: Omit<ProjectFilters, 'sort' | 'dir'>) {
  let q = withProgramme(db)
  if (scope.staffOf)
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_staff as st')
          .select('st.person_id')
          .whereRef('st.project_id', '=', 'p.id')
          .where('st.person_id', '=', scope.staffOf as string),
      ),
    )
  if (scope.publicOnly) q = q.where('p.is_public', '=', true)
  if (filters.q) q = q.where(sql<boolean>`p.search @@ plainto_tsquery('simple', siatka_fold(${filters.q}))`)
  if (filters.programme) q = q.where(sql<boolean>`coalesce(pg.id, pr.id) = ${filters.programme}::uuid`)
  if (filters.measure) q = q.where('p.programme_id', '=', filters.measure)
  if (filters.status) q = q.where('p.status', '=', filters.status)
  if (filters.period) q = q.where('m.period', '=', filters.period)
  if (filters.theme) {
    const theme = filters.theme
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_theme_links as tl')
          .select('tl.project_id')
          .whereRef('tl.project_id', '=', 'p.id')
          .where('tl.theme_id', '=', theme),
      ),
    )
  }
  if (filters.region) {
    const region = filters.region
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('project_regions as rg')
          .select('rg.project_id')
          .whereRef('rg.project_id', '=', 'p.id')
          .where('rg.voivodeship', '=', region),
      ),
    )
  }
  if (filters.partner) {
    const partner = filters.partner
    q = q.where((eb) =>
      eb.or([
        eb('p.lead_organisation_id', '=', partner),
        eb.exists(
          eb
            .selectFrom('project_partners as pa')
            .select('pa.project_id')
            .whereRef('pa.project_id', '=', 'p.id')
            .where('pa.organisation_id', '=', partner),
        ),
      ]),
    )
  }
  return q
}

export function listProjects(
  db: Db,
  scope: ListScope,
  filters: ProjectFilters,
  after: ProjectCursor | null,
  size: number,
) {
  const column = sortColumns[filters.sort]
  let q = narrowed(db, scope, filters)
    .select([
      'p.id',
      'p.title',
      'p.acronym',
      'p.status',
      'p.starts_on',
      'p.ends_on',
      'p.total_value_grosze',
      'p.eu_contribution_grosze',
      'm.level',
      'm.code as measure_code',
      'm.period',
      'pr.code as parent_code',
      'pg.code as programme_code',
      'lead.name as lead_name',
    ])
    .orderBy(column, filters.dir)
    .orderBy('p.id', filters.dir)
    .limit(size + 1)
  if (after) {
    const key =
      filters.sort === 'start'
        ? sql`${after.key}::date`
        : filters.sort === 'value'
          ? sql`${after.key}::bigint`
          : sql`${after.key}::text`
    const op = sql.raw(filters.dir === 'desc' ? '<' : '>')
    q = q.where(sql<boolean>`(${sql.ref(column)}, p.id) ${op} (${key}, ${after.id}::uuid)`)
  }
  return q.execute()
}

export type ProjectListRow = Awaited<ReturnType<typeof listProjects>>[number]

/**
 * A project with, in one statement, its place in the taxonomy, its lead partner, partners and
 * cooperating institutions, target groups, indicators with their latest report, and whether the
 * person is on its staff.
 */
export function findProject(db: Db, id: string, personId: string | null) {
  return withProgramme(db)
    .selectAll('p')
    .select([
      'm.level',
      'm.code as measure_code',
      'm.name_pl as measure_pl',
      'm.name_en as measure_en',
      'm.period',
      'pr.code as parent_code',
      'pr.name_pl as parent_pl',
      'pr.name_en as parent_en',
      'pg.code as programme_code',
      'pg.name_pl as programme_pl',
      'pg.name_en as programme_en',
      'pg.period as programme_period',
      // The taxonomy's programme the project is under (its measure's grandparent, a priority's parent).
      sql<string>`coalesce(pg.id, pr.id)`.as('programme_node_id'),
      'lead.name as lead_name',
      'lead.country as lead_country',
      'lead.nip as lead_nip',
      'lead.regon as lead_regon',
    ])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('project_partners as pp')
          .innerJoin('organisations as o', 'o.id', 'pp.organisation_id')
          .select(['pp.role', 'pp.organisation_id', 'o.name', 'o.country', 'o.nip', 'o.regon', 'o.type'])
          .whereRef('pp.project_id', '=', 'p.id')
          // Partners ('partner') before cooperating institutions ('cooperating').
          .orderBy('pp.role', 'desc')
          .orderBy('pp.position'),
      ).as('partners'),
      jsonArrayFrom(
        eb
          .selectFrom('project_target_groups as g')
          .select(['g.id', 'g.name', 'g.description', 'g.planned_people'])
          .whereRef('g.project_id', '=', 'p.id')
          .orderBy('g.position'),
      ).as('target_groups'),
      jsonArrayFrom(
        eb
          .selectFrom('project_contacts as c')
          .select(['c.id', 'c.name', 'c.function', 'c.email', 'c.phone'])
          .whereRef('c.project_id', '=', 'p.id')
          .orderBy('c.position'),
      ).as('contacts'),
      jsonArrayFrom(
        eb
          .selectFrom('project_indicators as i')
          .select([
            'i.id',
            'i.name',
            'i.kind',
            'i.unit',
            'i.unit_one',
            'i.unit_few',
            'i.baseline',
            'i.target',
          ])
          .select((e) => [
            e
              .selectFrom('project_indicator_reports as r')
              .select('r.value')
              .whereRef('r.indicator_id', '=', 'i.id')
              .orderBy('r.reported_on', 'desc')
              .orderBy('r.created_at', 'desc')
              .limit(1)
              .as('latest_value'),
            e
              .selectFrom('project_indicator_reports as r')
              .select('r.reported_on')
              .whereRef('r.indicator_id', '=', 'i.id')
              .orderBy('r.reported_on', 'desc')
              .orderBy('r.created_at', 'desc')
              .limit(1)
              .as('latest_on'),
          ])
          .whereRef('i.project_id', '=', 'p.id')
          .orderBy('i.position'),
      ).as('indicators'),
      jsonArrayFrom(
        eb
          .selectFrom('project_theme_links as tl')
          .innerJoin('project_themes as th', 'th.id', 'tl.theme_id')
          .select(['th.id', 'th.name_pl', 'th.name_en'])
          .whereRef('tl.project_id', '=', 'p.id')
          .orderBy('th.position'),
      ).as('themes'),
      jsonArrayFrom(
        eb
          .selectFrom('project_group_members as gm')
          .innerJoin('project_groups as g', 'g.id', 'gm.group_id')
          .select(['g.id', 'g.name_pl', 'g.name_en', 'g.space_id'])
          .whereRef('gm.project_id', '=', 'p.id')
          .orderBy('g.name_pl'),
      ).as('partnership_groups'),
      eb
        .selectFrom(spaceRows(db).as('ss'))
        .select('ss.name_pl')
        .whereRef('ss.id', '=', 'p.steering_space_id')
        .as('steering_pl'),
      eb
        .selectFrom(spaceRows(db).as('ss'))
        .select('ss.name_en')
        .whereRef('ss.id', '=', 'p.steering_space_id')
        .as('steering_en'),
      eb
        .selectFrom('project_revisions as rv')
        .innerJoin('people as rp', 'rp.id', 'rv.changed_by')
        .select('rp.name')
        .whereRef('rv.project_id', '=', 'p.id')
        .orderBy('rv.changed_at', 'desc')
        .limit(1)
        .as('updated_by_name'),
      ...areaCodes,
      personId
        ? eb
            .exists(
              eb
                .selectFrom('project_staff as st')
                .select('st.person_id')
                .whereRef('st.project_id', '=', 'p.id')
                .where('st.person_id', '=', personId),
            )
            .as('is_staff')
        : sql<boolean>`false`.as('is_staff'),
    ])
    .where('p.id', '=', id)
    .executeTakeFirst()
}

export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>

/** The projects a person is staff of, for their start page: each with its indicators' latest values. */
export function projectsOfStaff(db: Db, personId: string, limit: number) {
  return db
    .selectFrom('projects as p')
    .innerJoin('project_staff as st', 'st.project_id', 'p.id')
    .select(['p.id', 'p.title', 'p.acronym', 'p.starts_on', 'p.ends_on'])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('project_indicators as i')
          .select(['i.baseline', 'i.target'])
          .select((e) =>
            e
              .selectFrom('project_indicator_reports as r')
              .select('r.value')
              .whereRef('r.indicator_id', '=', 'i.id')
              .orderBy('r.reported_on', 'desc')
              .orderBy('r.created_at', 'desc')
              .limit(1)
              .as('latest_value'),
          )
          .whereRef('i.project_id', '=', 'p.id'),
      ).as('indicators'),
    )
    .where('st.person_id', '=', personId)
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.id')
    .limit(limit)
    .execute()
}

/**
 * What a project's form offers: the taxonomy's measures (and the priorities that have none, as
 * EQUAL's themes), each named with its programme; the themes; the organisations (accounts).
 */
export function programmeChoices(db: Db) {
  return db
    .selectFrom('project_programmes as m')
    .innerJoin('project_programmes as up', 'up.id', 'm.parent_id')
    .leftJoin('project_programmes as top', 'top.id', 'up.parent_id')
    .select([
      'm.id',
      'm.code',
      'm.name_pl',
      'm.name_en',
      'm.period',
      sql<string>`coalesce(top.code, up.code)`.as('programme_code'),
      sql<number>`coalesce(top.position, up.position)`.as('programme_position'),
    ])
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('project_programmes as c').select('c.id').whereRef('c.parent_id', '=', 'm.id'))),
    )
    .orderBy('programme_position')
    .orderBy('up.position')
    .orderBy('m.position')
    .execute()
}

export function themeChoices(db: Db) {
  return db
    .selectFrom('project_themes')
    .select(['id', 'code', 'name_pl', 'name_en'])
    .orderBy('position')
    .execute()
}

/** The project's staff, and who may join it: people with the project staff role. */
export function projectStaff(db: Db, projectId: string) {
  return db
    .selectFrom('people as pe')
    .leftJoin('project_staff as st', (j) =>
      j.onRef('st.person_id', '=', 'pe.id').on('st.project_id', '=', projectId),
    )
    .select(['pe.id', 'pe.name', 'pe.email', sql<boolean>`st.person_id is not null`.as('on_staff')])
    .where((eb) => eb.or([eb('st.person_id', 'is not', null), eb('pe.role', '=', 'project_staff')]))
    .orderBy('pe.name')
    .limit(500)
    .execute()
}

/** Where the history continues: before the revision saved at `at` with `id` (newest first). */
export interface RevisionCursor {
  at: string
  id: string
}

/** A page of a project's edit history, newest first, with who saved each. */
export function projectRevisions(db: Db, projectId: string, before: RevisionCursor | null, size: number) {
  let q = db
    .selectFrom('project_revisions as r')
    .innerJoin('people as pe', 'pe.id', 'r.changed_by')
    .select(['r.id', 'r.changed_at', 'r.changes', 'pe.name as changed_by_name'])
    // The cursor's time to the microsecond, as PostgreSQL keeps it (a JavaScript Date keeps milliseconds).
    .select(sql<string>`r.changed_at::text`.as('at_key'))
    .where('r.project_id', '=', projectId)
    .orderBy('r.changed_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(size + 1)
  if (before)
    q = q.where(sql<boolean>`(r.changed_at, r.id) < (${before.at}::timestamptz, ${before.id}::uuid)`)
  return q.execute()
}
