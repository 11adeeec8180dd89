import type { Generated } from 'kysely'
import type { Day } from '../../kernel/dates.ts'
import type { CreatedAt } from '../../kernel/tables.ts'

/**
 * Where an order stands: ordered → delivered → accepted, or → changes_requested → delivered again…;
 * cancelled at any point before acceptance. "Late" is not stored: an order still awaiting a delivery
 * past its deadline (rules.ts).
 */
export const analysisStatuses = [
  'ordered',
  'delivered',
  'changes_requested',
  'accepted',
  'cancelled',
] as const
export type AnalysisStatus = (typeof analysisStatuses)[number]

/** The secretariat's answer to one delivery. */
export const reviewOutcomes = ['accepted', 'changes_requested'] as const
export type ReviewOutcome = (typeof reviewOutcomes)[number]

/**
 * A commissioned analysis (ekspertyza; seed 000: "zlecanie wykonania dodatkowych analiz"): the
 * secretariat servicing a space orders it from an expert with an account, for a budget and by a day,
 * under a contract. Once accepted, its last delivery becomes a material of the space.
 */
export interface AnalysisOrdersTable {
  id: Generated<string>
  space_id: string
  title: string
  /** What the analysis must cover, in Markdown. */
  scope: string
  deadline: Day
  /** The contract's value in grosze (bigint: read as a number, Siatka never counts past 2^53). */
  budget_grosze: number
  expert_id: string
  /** The contract's reference, e.g. "umowa nr 12/KST/2026". */
  contract_ref: string
  status: Generated<AnalysisStatus>
  /** The material the accepted analysis became. */
  material_id: string | null
  ordered_by: string
  ordered_at: CreatedAt
  /** The last change of status. */
  updated_at: Date
  cancelled_by: string | null
  cancel_reason: string | null
}

/**
 * One upload of the analysis by its expert (version 1, 2, …; every earlier one stays), with the
 * expert's note and, once the secretariat answers, its review.
 */
export interface AnalysisDeliveriesTable {
  id: Generated<string>
  order_id: string
  version: number
  /** The file in kernel/storage, by the SHA-256 of its content, and its kind as checked from the bytes. */
  file_hash: string
  kind: string
  size_bytes: number
  /** The name it had on the expert's computer, kept for the record. */
  original_name: Generated<string>
  note: Generated<string>
  delivered_by: string
  delivered_at: CreatedAt
  review: ReviewOutcome | null
  review_comment: string | null
  reviewed_by: string | null
  reviewed_at: Date | null
}

export interface AnalysesTables {
  analysis_orders: AnalysisOrdersTable
  analysis_deliveries: AnalysisDeliveriesTable
}

// The module's tables join the app's database type (kernel/db.ts).
declare module '../../kernel/db.ts' {
  interface Database extends AnalysesTables {}
}
