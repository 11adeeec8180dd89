// The portfolio's thematic analysis: how many projects, how much money and how far their indicators
// have come, by voivodeship, theme and measure, for the projects a filter chooses. Four statements
// whatever the portfolio's size; money is summed in PostgreSQL as numeric and read as exact text.
import { sql } from 'kysely'
import type { Lang } from '../../kernel/i18n.ts'
import type { Db } from './db.ts'
import type { FilterChoices } from './list-queries.ts'
import { narrowed, type ProjectFilters } from './queries.ts'
import { voivodeships } from './regions.ts'

export type AnalysisFilters = Pick<ProjectFilters, 'theme' | 'programme' | 'period' | 'status'>

/** One row of a breakdown: its key, the projects, the sums in grosze, the mean achievement. */
export interface Figures {
  key: string
  projects: number
  value: number
  eu: number
  /** The mean share of their targets the reported indicators have reached (basis points, capped at 100 %), or null. */
  achievementBp: number | null
}

const noSearch = { q: '', measure: null, region: null, partner: null }

/** The chosen projects (every project the secretariat reads, narrowed by the filters) with each one's achievement. */
function chosen(db: Db, filters: AnalysisFilters, publicOnly: boolean) {
  return narrowed(db, { staffOf: null, publicOnly }, { ...noSearch, ...filters })
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('project_indicators as i')
          .innerJoinLateral(
            (e) =>
              e
                .selectFrom('project_indicator_reports as r')
                .select('r.value')
                .whereRef('r.indicator_id', '=', 'i.id')
                .orderBy('r.reported_on', 'desc')
                .orderBy('r.created_at', 'desc')
                .limit(1)
                .as('l'),
            (j) => j.onTrue(),
          )
          .select([
            'i.project_id',
            sql<number>`avg(least(10000, greatest(0, ((l.value - i.baseline) * 10000.0) / nullif(i.target - i.baseline, 0))))`.as(
              'bp',
            ),
          ])
          .groupBy('i.project_id')
          .as('a'),
      (j) => j.onRef('a.project_id', '=', 'p.id'),
    )
    .select(['p.id', 'p.total_value_grosze', 'p.eu_contribution_grosze', 'p.programme_id', 'a.bp'])
}

const sums = {
  projects: sql<number>`count(*)::int`.as('projects'),
  value: sql<string>`sum(c.total_value_grosze)::text`.as('value'),
  eu: sql<string>`sum(c.eu_contribution_grosze)::text`.as('eu'),
  achievement: sql<number | null>`round(avg(c.bp))::int`.as('achievement'),
}

const figures = (r: {
  key: string
  projects: number
  value: string | null
  eu: string | null
  achievement: number | null
}): Figures => ({
  key: r.key,
  projects: r.projects,
  value: Number(r.value ?? 0),
  eu: Number(r.eu ?? 0),
  achievementBp: r.achievement,
})

/** The whole analysis: totals and the three breakdowns, each row keyed (voivodeship's TERYT code, theme's id, measure's id). */
/**
 * `publicOnly`: of the published projects alone, for whoever does not read the whole portfolio (a
 * breakdown of one project would otherwise show an unpublished project's money).
 */
export async function analyse(db: Db, filters: AnalysisFilters, publicOnly: boolean) {
  const [total, regions, themes, measures] = await Promise.all([
    db
      .selectFrom(chosen(db, filters, publicOnly).as('c'))
      .select([sql<string>`''`.as('key'), sums.projects, sums.value, sums.eu, sums.achievement])
      .executeTakeFirstOrThrow(),
    db
      .selectFrom(chosen(db, filters, publicOnly).as('c'))
      .innerJoin('project_regions as r', 'r.project_id', 'c.id')
      .select(['r.voivodeship as key', sums.projects, sums.value, sums.eu, sums.achievement])
      .groupBy('r.voivodeship')
      .execute(),
    db
      .selectFrom(chosen(db, filters, publicOnly).as('c'))
      .innerJoin('project_theme_links as l', 'l.project_id', 'c.id')
      .select(['l.theme_id as key', sums.projects, sums.value, sums.eu, sums.achievement])
      .groupBy('l.theme_id')
      .execute(),
    db
      .selectFrom(chosen(db, filters, publicOnly).as('c'))
      .select(['c.programme_id as key', sums.projects, sums.value, sums.eu, sums.achievement])
      .groupBy('c.programme_id')
      .execute(),
  ])
  return {
    total: figures(total),
    regions: regions.map(figures),
    themes: themes.map(figures),
    measures: measures.map(figures),
  }
}
export type Analysis = Awaited<ReturnType<typeof analyse>>

/** A breakdown's rows with their names, largest first (then by name). */
export interface Named extends Figures {
  name: string
}

/** The breakdowns with names: every voivodeship (a gap is a row of zeros), themes and measures as found. */
export function namedBreakdowns(analysis: Analysis, choices: FilterChoices, lang: Lang) {
  const zero = (key: string): Figures => ({ key, projects: 0, value: 0, eu: 0, achievementBp: null })
  const byKey = (rows: Figures[]) => new Map(rows.map((r) => [r.key, r]))
  const order = (rows: Named[]) =>
    rows.sort((a, b) => b.projects - a.projects || a.name.localeCompare(b.name, 'pl'))
  const regions = byKey(analysis.regions)
  const themes = byKey(analysis.themes)
  return {
    regions: order(voivodeships.map((v) => ({ ...(regions.get(v.teryt) ?? zero(v.teryt)), name: v.name }))),
    themes: order(
      choices.themes.map((th) => ({
        ...(themes.get(th.id) ?? zero(th.id)),
        name: lang === 'en' ? th.name_en : th.name_pl,
      })),
    ),
    measures: order(
      analysis.measures.map((m) => {
        const measure = choices.measures.find((c) => c.id === m.key)
        return { ...m, name: measure ? `${measure.programme_code} ${measure.code}` : m.key }
      }),
    ),
  }
}
