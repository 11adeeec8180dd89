import type { ColumnType, Generated } from 'kysely'
import type { Day } from '../../kernel/dates.ts'
import type { SpaceRole } from '../../kernel/policy.ts'
import type { CreatedAt, Timestamp } from '../../kernel/tables.ts'

export const spaceTypes = [
  'thematic_network',
  'strategic_group',
  'steering_committee',
  'regional_committee',
  'working_group',
  /** Projects on a common theme, grouped by the secretariat (issue 12); the projects module keeps its seats. */
  'partnership_group',
] as const
export type SpaceType = (typeof spaceTypes)[number]

export const spaceStatuses = ['forming', 'active', 'closed'] as const
export type SpaceStatus = (typeof spaceStatuses)[number]

/** Whom a member of a body represents (seed 000: ministries, regions, NGOs, promoters, social partners). */
export const representations = [
  'ministry',
  'region',
  'ngo',
  'project_promoter',
  'social_partner',
  'other_programme',
  'science',
  'other',
] as const
export type Representation = (typeof representations)[number]

export const proposalStatuses = ['draft', 'submitted', 'returned', 'approved'] as const
export type ProposalStatus = (typeof proposalStatuses)[number]

export const scheduleStatuses = ['planned', 'in_progress', 'done', 'cancelled'] as const
export type ScheduleStatus = (typeof scheduleStatuses)[number]

export interface SpacesTable {
  id: Generated<string>
  name_pl: string
  name_en: string
  type: SpaceType
  status: SpaceStatus
  theme_pl: string
  theme_en: string
  description_pl: string
  description_en: string
  secretary_id: string | null
  is_public: boolean
  public_chair: boolean
  public_members: boolean
  public_schedule: boolean
  /** The decision that adopted the work schedule, and its day; none while it is a plan. */
  schedule_adopted_ref: string | null
  schedule_adopted_on: Day | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface SpaceMembershipsTable {
  id: Generated<string>
  space_id: string
  person_id: string
  role: SpaceRole
  represents: Representation
  organisation_id: string | null
  starts_on: Day
  ends_on: Day | null
  /** The approved composition this membership comes from; none for an invited expert or guest. */
  proposal_id: string | null
  /** A deputy's member (person id), whom they stand in for; none for a deputy of any member. */
  deputy_for: ColumnType<string | null, string | null | undefined, string | null>
  added_by: string
  created_at: CreatedAt
}

export interface CompositionProposalsTable {
  id: Generated<string>
  space_id: string
  number: number
  status: ProposalStatus
  note: string
  /** Bumped on every save of the note: a save made from an older page is refused, nothing lost. */
  version: Generated<number>
  drafted_by: string
  submitted_at: Date | null
  decided_at: Date | null
  decided_by: string | null
  decision_ref: string | null
  effective_on: Day | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface CompositionEntriesTable {
  id: Generated<string>
  proposal_id: string
  person_id: string
  role: SpaceRole
  represents: Representation
  organisation_id: string | null
  justification: string
  /** A deputy's member in this proposal (person id), or none. */
  deputy_for: ColumnType<string | null, string | null | undefined, string | null>
  created_at: CreatedAt
}

export interface CompositionEventsTable {
  id: Generated<string>
  proposal_id: string
  action: 'submitted' | 'returned' | 'approved'
  actor_id: string
  comment: string | null
  at: CreatedAt
}

export interface SpaceRulesTable {
  id: Generated<string>
  space_id: string
  version: number
  body: string
  effective_on: Day
  adopted_ref: string | null
  /** Members are told of a meeting at least this many days before it. */
  notice_days: Generated<number>
  /** Materials reach members at least this many days before a meeting. */
  materials_days: Generated<number>
  /** A meeting has a quorum when at least this percentage of the members is present. */
  quorum_percent: Generated<number>
  created_by: string
  created_at: CreatedAt
}

export interface ScheduleItemsTable {
  id: Generated<string>
  space_id: string
  task: string
  responsible: string
  due_on: Day
  status: ScheduleStatus
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface AnnouncementsTable {
  id: Generated<string>
  space_id: string
  title: string
  body: string
  is_pinned: boolean
  author_id: string
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>
}

export interface SpacesTables {
  spaces: SpacesTable
  space_memberships: SpaceMembershipsTable
  composition_proposals: CompositionProposalsTable
  composition_entries: CompositionEntriesTable
  composition_events: CompositionEventsTable
  space_rules: SpaceRulesTable
  schedule_items: ScheduleItemsTable
  announcements: AnnouncementsTable
}

// The module's tables join the app's database type (kernel/db.ts).
declare module '../../kernel/db.ts' {
  interface Database extends SpacesTables {}
}
