import type { ColumnType, Generated } from 'kysely'
import type { Day } from '../../kernel/dates.ts'
import type { CreatedAt, Timestamp } from '../../kernel/tables.ts'
import type { ImportedProject, RowProblem } from './import/validate.ts'

/** The programming periods of EU funds in Poland: each decides the logo strip and wording a project shows. */
export const fundingPeriods = ['2004-2006', '2007-2013', '2014-2020', '2021-2027'] as const
export type FundingPeriod = (typeof fundingPeriods)[number]

export const taxonomyLevels = ['programme', 'priority', 'measure'] as const
export type TaxonomyLevel = (typeof taxonomyLevels)[number]

/**
 * The programmes' taxonomy the secretariat keeps: a programme (POWER 2014-2020), its priorities
 * (Oś II) and measures (Działanie 2.9), each a row under its parent. A project names a measure (or a
 * priority, where the programme has no measures, as EQUAL's themes).
 */
export interface ProjectProgrammesTable {
  id: Generated<string>
  parent_id: string | null
  level: TaxonomyLevel
  /** "POWER", "II", "2.9": what people write before the name. */
  code: string
  name_pl: string
  name_en: string
  period: FundingPeriod
  position: number
}

export const projectStatuses = ['planned', 'running', 'closed', 'settled'] as const
export type ProjectStatus = (typeof projectStatuses)[number]

/**
 * A funded project (seed 004): its facts as data. Money is in grosze (bigint, read as a number:
 * Siatka never counts past 2^53 grosze); the co-financing rate is computed, never stored.
 */
export interface ProjectsTable {
  id: Generated<string>
  title: string
  acronym: string
  /** A measure (or a priority) of the taxonomy. */
  programme_id: string
  status: ProjectStatus
  starts_on: Day
  ends_on: Day
  lead_organisation_id: string
  /** The partnership agreement's day, where the project has partners. */
  agreement_on: Day | null
  total_value_grosze: number
  eu_contribution_grosze: number
  eligible_costs_grosze: number
  main_goal: string
  /** Specific goals, one per line. */
  specific_goals: string
  /** Shown on the public site. */
  is_public: boolean
  /** The project's steering committee: a space of that type. */
  steering_space_id: ColumnType<string | null, string | null | undefined, string | null>
  /** Raised by every save: a save from an older page is refused. */
  version: Generated<number>
  created_by: string
  created_at: CreatedAt
  updated_at: Timestamp
}

export const partnerRoles = ['partner', 'cooperating'] as const
export type PartnerRole = (typeof partnerRoles)[number]

/** A partner of a project (the lead is on the project's row) or an institution it cooperates with. */
export interface ProjectPartnersTable {
  project_id: string
  organisation_id: string
  role: PartnerRole
  position: number
}

/** Who the project is for (seed 004: "260 przedstawicieli …"). */
export interface ProjectTargetGroupsTable {
  id: Generated<string>
  project_id: string
  name: string
  description: string
  planned_people: number | null
  position: number
}

export const indicatorKinds = ['product', 'result'] as const
export type IndicatorKind = (typeof indicatorKinds)[number]

/** A planned effect with its measure: from a baseline to a target, in a unit. */
export interface ProjectIndicatorsTable {
  id: Generated<string>
  project_id: string
  name: string
  kind: IndicatorKind
  /** The unit's form for five and more ("osób"); `unit_one` and `unit_few` for one and 2–4, or empty. */
  unit: string
  unit_one: Generated<string>
  unit_few: Generated<string>
  baseline: number
  target: number
  position: number
}

/** What an indicator had reached on a day, reported by the project's staff or the secretariat. */
export interface ProjectIndicatorReportsTable {
  id: Generated<string>
  indicator_id: string
  reported_on: Day
  value: number
  comment: string
  reported_by: string
  created_at: CreatedAt
}

/** The people of a project's staff (the project staff role, per project): they edit their own project. */
export interface ProjectStaffTable {
  project_id: string
  person_id: string
}

/** A theme the secretariat files projects under (social economy, social inclusion, …). */
export interface ProjectThemesTable {
  id: Generated<string>
  code: string
  name_pl: string
  name_en: string
  position: number
}

export interface ProjectThemeLinksTable {
  project_id: string
  theme_id: string
}

/** A voivodeship a project works in, by its TERYT code (regions.ts). */
export interface ProjectRegionsTable {
  project_id: string
  voivodeship: string
}

/** A subregion (NUTS 3, regions.ts) a project works in. */
export interface ProjectSubregionsTable {
  project_id: string
  nuts3: string
}

/** One fact of a project as it was before a save and after it, as the page showed it then. */
export interface ProjectChange {
  field: string
  before: string
  after: string
}

/** One save of a project's facts: who, when, and what changed. */
export interface ProjectRevisionsTable {
  id: Generated<string>
  project_id: string
  changed_by: string
  changed_at: CreatedAt
  changes: ColumnType<ProjectChange[], string, never>
}

/** A checked spreadsheet waiting to be confirmed (import/): its good rows, its problems by row and column. */
export interface ProjectImportsTable {
  id: Generated<string>
  created_by: string
  created_at: CreatedAt
  file_name: string
  row_count: number
  /** The organisations the rows name that Siatka does not have, each once. */
  new_organisations: ColumnType<{ name: string; nip: string | null }[], string, never>
  problems: ColumnType<RowProblem[], string, never>
  problem_count: number
  /** Required columns the header row lacks (none: the rows were checked). */
  missing: ColumnType<string[], string, never>
  imported_at: Date | null
}

/** One checked project of an import, in the file's order. */
export interface ProjectImportRowsTable {
  import_id: string
  position: number
  data: ColumnType<ImportedProject, string, never>
}

/** One activity of the support schedule (harmonogram wsparcia): its days, where, and what. */
export interface ProjectActivitiesTable {
  id: Generated<string>
  project_id: string
  title: string
  starts_on: Day
  /** The last day (the first, for a one-day activity). */
  ends_on: Day
  /** The voivodeship it takes place in (TERYT, regions.ts); none for a nationwide or online one. */
  voivodeship: string | null
  place: string
  /** Its powiat or gmina in the TERC register (4 or 7 digits), if named. */
  teryt_code: string | null
  /** That unit's name and kind as the register gave them when it was chosen ("Kraków – gmina miejska"). */
  teryt_name: Generated<string>
  description: string
  created_by: string
  created_at: CreatedAt
  updated_at: Timestamp
}

/** Whom to ask about a project, as its public page shows them. */
export interface ProjectContactsTable {
  id: Generated<string>
  project_id: string
  name: string
  function: string
  email: string
  phone: string
  position: number
}

/** A territorial unit of the TERC register: a voivodeship, a powiat or a gmina (with its kind). */
export interface TerytUnitsTable {
  code: string
  voivodeship: string
  powiat: string | null
  gmina: string | null
  /** RODZ: 1 urban, 2 rural, 3 urban-rural gmina; 4 and 5 its town and rural area; 8 and 9 a city's districts. */
  kind: string | null
  name: string
  /** NAZWA_DOD: "województwo", "powiat", "gmina miejska", "miasto na prawach powiatu", … */
  kind_name: string
  state_on: Day
}

/** Projects on a common theme, grouped by the secretariat, with a coordinator and their own space. */
export interface ProjectGroupsTable {
  id: Generated<string>
  name_pl: string
  name_en: string
  description: string
  theme_id: string
  coordinator_id: string
  /** The group's space (type 'partnership_group'): its coordinator chairs it, its projects' staff sit in it. */
  space_id: string
  created_by: string
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface ProjectGroupMembersTable {
  group_id: string
  project_id: string
  added_by: string
  added_at: CreatedAt
}

/** A dated post of the project's (news), public with the project. */
export interface ProjectNewsTable {
  id: Generated<string>
  project_id: string
  title: string
  /** Markdown. */
  body: string
  published_on: Day
  created_by: string
  created_at: CreatedAt
}

/** A document of the project: a file in the kernel's storage, on its public page or kept inside. */
export interface ProjectDocumentsTable {
  id: Generated<string>
  project_id: string
  title: string
  file_hash: string
  kind: string
  size_bytes: number
  original_name: string
  is_public: boolean
  uploaded_by: string
  uploaded_at: CreatedAt
}

/** An official mark's file in place of a placeholder: `slot` names the mark (see views/logo-strip.tsx). */
export interface ProjectMarkFilesTable {
  id: Generated<string>
  slot: string
  file_hash: string
  width: number
  height: number
  uploaded_by: string
  /** When the slot's present file was given (a new file replaces the last). */
  uploaded_at: Timestamp
}

export interface ProjectsTables {
  project_programmes: ProjectProgrammesTable
  projects: ProjectsTable
  project_partners: ProjectPartnersTable
  project_target_groups: ProjectTargetGroupsTable
  project_indicators: ProjectIndicatorsTable
  project_indicator_reports: ProjectIndicatorReportsTable
  project_staff: ProjectStaffTable
  project_themes: ProjectThemesTable
  project_theme_links: ProjectThemeLinksTable
  project_regions: ProjectRegionsTable
  project_subregions: ProjectSubregionsTable
  project_revisions: ProjectRevisionsTable
  project_imports: ProjectImportsTable
  project_import_rows: ProjectImportRowsTable
  project_activities: ProjectActivitiesTable
  project_contacts: ProjectContactsTable
  teryt_units: TerytUnitsTable
  project_groups: ProjectGroupsTable
  project_group_members: ProjectGroupMembersTable
  project_news: ProjectNewsTable
  project_documents: ProjectDocumentsTable
  project_mark_files: ProjectMarkFilesTable
}

declare module '../../kernel/db.ts' {
  interface Database extends ProjectsTables {}
}
