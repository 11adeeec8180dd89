// Pure rules of translation requests: where one stands, and what a new one may ask.

import type { Day } from '../../kernel/dates.ts'
import type { MaterialLanguage } from './tables.ts'
import type { TranslationStatus } from './translation-tables.ts'

/** What the secretariat sees: the stored status, or "late" for an open request past its deadline. */
export type TranslationState = TranslationStatus | 'late'
export const translationStates = ['requested', 'in_progress', 'late', 'delivered', 'cancelled'] as const

export const isOpen = (status: TranslationStatus) => status === 'requested' || status === 'in_progress'

/** The deadline is the last day to deliver: late from the day after it (Warsaw days). */
export function translationState(
  r: { status: TranslationStatus; deadline: Day },
  today: Day,
): TranslationState {
  return isOpen(r.status) && r.deadline < today ? 'late' : r.status
}

/** Days from today to the deadline (negative once it has passed). */
export function daysUntil(deadline: Day, today: Day): number {
  return Math.round((Date.parse(`${deadline}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / 86_400_000)
}

/** A new request's problem, as a catalogue key and its field, or null. */
export function requestProblem(
  r: { sourceLanguage: MaterialLanguage; targetLanguage: MaterialLanguage; deadline: Day },
  sourceLanguages: readonly MaterialLanguage[],
  today: Day,
): { key: string; field: string } | null {
  if (!sourceLanguages.includes(r.sourceLanguage))
    return { key: 'translations.errors.noSource', field: 'sourceLanguage' }
  if (r.targetLanguage === r.sourceLanguage)
    return { key: 'translations.errors.sameLanguage', field: 'targetLanguage' }
  if (r.deadline < today) return { key: 'translations.errors.deadlinePast', field: 'deadline' }
  return null
}
