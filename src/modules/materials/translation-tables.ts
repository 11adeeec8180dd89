import type { Generated } from 'kysely'
import type { Day } from '../../kernel/dates.ts'
import type { CreatedAt } from '../../kernel/tables.ts'
import type { MaterialLanguage } from './tables.ts'

/** Where a request stands; "late" is not stored: an open request past its deadline (translation-rules). */
export const translationStatuses = ['requested', 'in_progress', 'delivered', 'cancelled'] as const
export type TranslationStatus = (typeof translationStatuses)[number]

/**
 * A translation of a material ordered by the secretariat (seed 000: "zapewnienie tłumaczenia
 * niezbędnych materiałów"): from one of its current files into another language, by a day, from a
 * person with an account or an outside translator, who delivers through a private link.
 */
export interface TranslationRequestsTable {
  id: Generated<string>
  material_id: string
  /** The file the translator was given (the current one in the source language when asked). */
  source_file_id: string
  source_language: MaterialLanguage
  target_language: MaterialLanguage
  deadline: Day
  /** A translator with an account, or else an outside one by name and address. */
  translator_id: string | null
  outside_name: string | null
  outside_email: string | null
  /** The language the translator is written to in (an account holder's own at the time). */
  translator_lang: 'pl' | 'en'
  /** SHA-256 of the private link's token; the token itself is only in the mail. */
  token_hash: string
  status: Generated<TranslationStatus>
  requested_by: string
  requested_at: CreatedAt
  started_at: Date | null
  delivered_at: Date | null
  delivered_file_id: string | null
  cancelled_at: Date | null
  cancelled_by: string | null
}
