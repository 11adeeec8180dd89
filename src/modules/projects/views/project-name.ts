import { type Lang, type T, unescaped } from '../../../kernel/i18n.ts'
import { areaOf, voivodeships } from '../regions.ts'

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

/**
 * Where the money comes from, as the information rules word it: the programme's name and the
 * sentence naming the fund, the programme and the measure (or EQUAL's theme). `html` escapes the
 * names for a page; `text` leaves them as they are, for a PDF.
 */
export function fundingSource(
  t: T,
  lang: Lang,
  pr: {
    period: string
    level: string
    measure_code: string
    measure_pl: string
    measure_en: string | null
    programme_pl: string | null
    programme_en: string | null
    parent_pl: string | null
    parent_en: string | null
  },
  mode: 'html' | 'text',
) {
  const name = (pl: string | null, en: string | null) => (lang === 'en' ? en : pl) ?? ''
  const programme = name(pr.programme_pl, pr.programme_en) || name(pr.parent_pl, pr.parent_en)
  const measure = t(pr.level === 'measure' ? 'projects.public.measure' : 'projects.public.theme', {
    code: pr.measure_code,
    name: name(pr.measure_pl, pr.measure_en),
    ...unescaped,
  })
  const key = pr.period === '2021-2027' ? 'projects.public.esfPlus' : 'projects.public.esf'
  const sentence =
    mode === 'html' ? t(key, { programme, measure }) : t(key, { programme, measure, ...unescaped })
  return { programme, sentence }
}

/** Where a project works: "śląskie (bielski, rybnicki); małopolskie", or all of Poland in two words. */
export function projectArea(t: T, p: { regions: string[]; subregions: string[] }): string {
  if (p.subregions.length === 0 && p.regions.length === voivodeships.length) return t('projects.areaAll')
  return areaOf(p.regions, p.subregions).join('; ') || t('projects.areaNone')
}
