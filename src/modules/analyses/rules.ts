// Pure rules of commissioned analyses: money as people type it, the order's states and what each
// allows, and lateness. Unit-tested in rules.test.ts.

import type { Day } from '../../kernel/dates.ts'
import type { Lang } from '../../kernel/i18n.ts'
import type { AnalysisStatus } from './tables.ts'

/** A contract above a billion złoty is a typing mistake, not an analysis. */
export const maxBudgetGrosze = 100_000_000_000
/** An order takes at most this many deliveries (versions). */
export const maxDeliveries = 20

export type MoneyResult = { ok: true; grosze: number } | { ok: false; key: string }

// Spaces between groups of thousands: the ordinary one and the no-break ones Intl and word processors type.
const groupSpace = /[ \u00a0\u202f]/g

/**
 * An amount in złoty as a person types it: "12500", "12 500", "12 500,50", "12500.50", with or
 * without "zł" or "PLN". A comma or a dot marks the grosze (one or two digits); "12.500" and "12,500"
 * are refused rather than guessed (a thousands separator in one notation is the decimal mark in the other).
 */
export function parseMoney(input: string): MoneyResult {
  const text = input
    .trim()
    .replace(/\s*(zł|zl|pln)\.?$/i, '')
    .trim()
  if (text === '') return { ok: false, key: 'errors.required' }
  if (/^[-−–]/.test(text)) return { ok: false, key: 'analyses.errors.budgetPositive' }
  const plain = /^\d+(?:[.,]\d{1,2})?$/
  const grouped = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d{1,2})?$/
  if (!plain.test(text) && !grouped.test(text)) return { ok: false, key: 'analyses.errors.budgetFormat' }
  const [whole, fraction = ''] = text.replace(groupSpace, '').split(/[.,]/)
  if (whole.replace(/^0+/, '').length > 12) return { ok: false, key: 'analyses.errors.budgetTooLarge' }
  const grosze = Number(whole) * 100 + Number(fraction.padEnd(2, '0'))
  if (grosze <= 0) return { ok: false, key: 'analyses.errors.budgetPositive' }
  if (grosze > maxBudgetGrosze) return { ok: false, key: 'analyses.errors.budgetTooLarge' }
  return { ok: true, grosze }
}

const moneyFormats = new Map<Lang, Intl.NumberFormat>()

/** Grosze as złoty in the reader's language: "12 500,50 zł", "PLN 12,500.50". */
export function formatMoney(grosze: number, lang: Lang): string {
  let f = moneyFormats.get(lang)
  if (!f) {
    f = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'pl-PL', { style: 'currency', currency: 'PLN' })
    moneyFormats.set(lang, f)
  }
  return f.format(grosze / 100)
}

/** Grosze as a form shows them back: "12500,50" or "12500". */
export function moneyInput(grosze: number): string {
  const whole = Math.floor(grosze / 100)
  const rest = grosze % 100
  return rest === 0 ? String(whole) : `${whole},${String(rest).padStart(2, '0')}`
}

/** What a person does to an order; each is allowed only in some states. */
export type AnalysisEvent = 'deliver' | 'accept' | 'requestChanges' | 'cancel'

const transitions: Record<AnalysisStatus, Partial<Record<AnalysisEvent, AnalysisStatus>>> = {
  ordered: { deliver: 'delivered', cancel: 'cancelled' },
  delivered: { accept: 'accepted', requestChanges: 'changes_requested', cancel: 'cancelled' },
  changes_requested: { deliver: 'delivered', cancel: 'cancelled' },
  accepted: {},
  cancelled: {},
}

/** The state after the event, or null when the event is not allowed in this state. */
export function nextStatus(status: AnalysisStatus, event: AnalysisEvent): AnalysisStatus | null {
  return transitions[status][event] ?? null
}

export const canHappen = (status: AnalysisStatus, event: AnalysisEvent) => nextStatus(status, event) !== null

/** Orders still running: the money is committed but the analysis not yet accepted. */
export const inProgressStatuses = [
  'ordered',
  'delivered',
  'changes_requested',
] as const satisfies readonly AnalysisStatus[]
/** Awaiting the expert: a first delivery or a corrected one. */
export const awaitingExpert = ['ordered', 'changes_requested'] as const satisfies readonly AnalysisStatus[]

/** Late: the deadline has passed and the expert still owes a delivery (a first or a corrected one). */
export function isLate(order: { status: AnalysisStatus; deadline: Day }, today: Day): boolean {
  return (awaitingExpert as readonly string[]).includes(order.status) && order.deadline < today
}

/** The states a list filters by: every status, and "late" across them. */
export const analysisFilters = [
  'ordered',
  'delivered',
  'changes_requested',
  'accepted',
  'cancelled',
  'late',
] as const
export type AnalysisFilter = (typeof analysisFilters)[number]

/** What stops a new order: the catalogue key and field of the first problem, or null. */
export function orderProblem(input: { deadline: Day }, today: Day): { key: string; field: string } | null {
  if (input.deadline < today) return { key: 'analyses.errors.deadlinePast', field: 'deadline' }
  return null
}

/** Whole days since the deadline (0 on the deadline itself, negative before it). */
export function daysLate(deadline: Day, today: Day): number {
  return Math.round((Date.parse(`${today}T12:00:00Z`) - Date.parse(`${deadline}T12:00:00Z`)) / 86_400_000)
}
