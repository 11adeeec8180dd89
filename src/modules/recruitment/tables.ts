import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt } from '../../kernel/tables.ts'

/** The monitoring system's versions of the ESF participant data: SL2014 (2014–2020), CST2021 (2021–2027). */
export const esfVersions = ['sl2014', 'cst2021'] as const
export type EsfVersion = (typeof esfVersions)[number]

/** How two applicants with the same points are ordered, as the rules of recruitment state it. */
export const tieBreaks = ['submitted', 'older'] as const
export type TieBreak = (typeof tieBreaks)[number]

/** A project's recruitment of its participants (issue 14): its rules, dates, target groups and criteria. */
export interface RecruitmentsTable {
  id: Generated<string>
  project_id: string
  title: string
  /** What support a participant gets (Markdown). */
  scope: Generated<string>
  /** Who may apply, in words (the conditions a rule cannot decide). */
  who_may_apply: Generated<string>
  how_to_apply: Generated<string>
  /** The documents an applicant hands in. */
  documents: Generated<string>
  contact: Generated<string>
  /** Applications are taken from the first moment of this Warsaw day to the last of closes_on. */
  opens_on: string
  closes_on: string
  esf_version: EsfVersion
  /** Applicants must live in this voivodeship (TERYT code); null: anywhere in Poland. */
  voivodeship: ColumnType<string | null, string | null | undefined, string | null>
  min_age: ColumnType<number | null, number | null | undefined, number | null>
  max_age: ColumnType<number | null, number | null | undefined, number | null>
  tie_break: TieBreak
  /** Applicants' personal data is anonymised after this day. */
  retention_until: string
  /** The project's staff who see a PESEL in full (and export it): the rest see it masked. */
  pesel_readers: ColumnType<string[], string[] | undefined, string[]>
  /** Shown to the public from then; null: the staff are still preparing it. */
  published_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  /** When the decisions were made and mailed (the ranking is then fixed). */
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  created_by: string
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | undefined, Date>
}

/** A target group with its places. */
export interface RecruitmentGroupsTable {
  id: Generated<string>
  recruitment_id: string
  position: number
  name: string
  places: number
}

/**
 * What a scoring criterion looks at: a rural area (degree of urbanisation 3), a disability, age 50
 * or more, being out of work, or the staff's judgement (0 to the criterion's points).
 */
export const criterionRules = ['rural', 'disability', 'age50', 'unemployed', 'manual'] as const
export type CriterionRule = (typeof criterionRules)[number]

export interface RecruitmentCriteriaTable {
  id: Generated<string>
  recruitment_id: string
  position: number
  label: string
  rule: CriterionRule
  points: number
}

/**
 * An application's states: a draft (not sent yet); submitted (waiting for the staff's check);
 * eligible or ineligible; after the decisions accepted (a participant), on the reserve list, or
 * rejected; withdrawn by the applicant.
 */
export const applicationStates = [
  'draft',
  'submitted',
  'eligible',
  'ineligible',
  'accepted',
  'reserve',
  'rejected',
  'withdrawn',
] as const
export type ApplicationState = (typeof applicationStates)[number]

export interface RecruitmentApplicationsTable {
  id: Generated<string>
  recruitment_id: string
  group_id: ColumnType<string | null, string | null | undefined, string | null>
  /** The applicant's address ('' for a paper application without one). */
  email: string
  lang: string
  /** The hash of the private link in the applicant's mails. */
  token_hash: string
  state: ApplicationState
  given_name: Generated<string>
  family_name: Generated<string>
  /** The ESF participant fields and declarations but the PESEL, as the applicant gave them. */
  answers: ColumnType<Record<string, string>, string | undefined, string>
  /** The PESEL encrypted (kernel/sealed.ts), and its fingerprint in this recruitment (the same person twice). */
  pesel_sealed: ColumnType<string | null, string | null | undefined, string | null>
  pesel_fingerprint: ColumnType<string | null, string | null | undefined, string | null>
  /** From the PESEL, or given by someone without one. */
  birth_date: ColumnType<string | null, string | null | undefined, string | null>
  sex: ColumnType<string | null, string | null | undefined, string | null>
  voivodeship: ColumnType<string | null, string | null | undefined, string | null>
  /** The points of each criterion (its id → points) and their sum. */
  points: ColumnType<Record<string, number>, string | undefined, string>
  score: Generated<number>
  /** Why it is ineligible: a rule's key ('region', 'age') or the staff's words. */
  ineligible_reason: Generated<string>
  /** The member of staff who typed in a paper application. */
  entered_by: ColumnType<string | null, string | null | undefined, string | null>
  submitted_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  checked_by: ColumnType<string | null, string | null | undefined, string | null>
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  /** A participant's first day of support. */
  support_starts_on: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | undefined, Date>
  anonymised_at: ColumnType<Date | null, Date | null | undefined, Date | null>
  /** When its private link was last mailed (asked for again within linkResendMinutes: nothing is sent). */
  link_sent_at: ColumnType<Date | null, Date | null | undefined, Date | null>
}

/** A document to download from a recruitment's page: its rules, the forms, the declarations. */
export interface RecruitmentDocumentsTable {
  id: Generated<string>
  recruitment_id: string
  title: string
  file_hash: string
  kind: string
  size_bytes: number
  original_name: string
  uploaded_by: string
  uploaded_at: CreatedAt
}

export const fieldKinds = ['text', 'number', 'date', 'choice', 'declaration', 'file'] as const
export type FieldKind = (typeof fieldKinds)[number]

/** A question of the project staff's own on the application form. */
export interface RecruitmentFieldsTable {
  id: Generated<string>
  recruitment_id: string
  position: number
  kind: FieldKind
  label: string
  options: ColumnType<string[], string[] | undefined, string[]>
  required: Generated<boolean>
}

/** The file an application attached as the answer to a question of the project's own. */
export interface RecruitmentApplicationFilesTable {
  application_id: string
  field_id: string
  file_hash: string
  kind: string
  size_bytes: number
  original_name: string
  uploaded_at: ColumnType<Date, Date | undefined, Date>
}

export interface RecruitmentTables {
  recruitments: RecruitmentsTable
  recruitment_groups: RecruitmentGroupsTable
  recruitment_criteria: RecruitmentCriteriaTable
  recruitment_applications: RecruitmentApplicationsTable
  recruitment_documents: RecruitmentDocumentsTable
  recruitment_fields: RecruitmentFieldsTable
  recruitment_application_files: RecruitmentApplicationFilesTable
}

declare module '../../kernel/db.ts' {
  interface Database extends RecruitmentTables {}
}
