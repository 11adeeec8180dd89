import type { Lang, T } from '../../../kernel/i18n.ts'

/** "POWER 2.9", "PO KL 5.4", "EQUAL D": a programme's code and its measure's (or theme's). */
export function programmeCode(p: {
  programme_code: string | null
  parent_code: string | null
  measure_code: string
}): string {
  const programme = p.programme_code ?? p.parent_code
  return programme ? `${programme} ${p.measure_code}` : p.measure_code
}

/** "Spójna integracja regionalna ekonomii społecznej (SIRES)". */
export const projectTitle = (p: { title: string; acronym: string }) =>
  p.acronym ? `${p.title} (${p.acronym})` : p.title

export const dayRange = (
  t: T,
  from: string,
  to: string,
  day: (d: string, lang: Lang) => string,
  lang: Lang,
) => t('projects.periodValue', { from: day(from, lang), to: day(to, lang) })
