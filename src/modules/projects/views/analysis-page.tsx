import { unescaped } from '../../../kernel/i18n.ts'
import { formatBasisPoints, formatGrosze } from '../../../kernel/money.ts'
import { BarChart } from '../../../kernel/views/bar-chart.tsx'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { type Analysis, type AnalysisFilters, type Named, namedBreakdowns } from '../analysis.ts'
import type { FilterChoices } from '../list-queries.ts'
import { fundingPeriods, projectStatuses } from '../tables.ts'
import { TileMap } from './charts.tsx'

/**
 * The portfolio's thematic analysis: a summary, then by voivodeship (a tile map and its table, the
 * gaps named), by theme and by measure (bars and tables); the secretariat may keep it as a network's
 * material.
 */
export function AnalysisPage(p: {
  ctx: ViewContext
  analysis: Analysis
  filters: AnalysisFilters
  choices: FilterChoices
  /** Of the published projects alone (whoever does not read the whole portfolio). */
  publicOnly: boolean
  /** Where the secretariat may keep the analysis, or null. */
  spaces: { id: string; name: string }[] | null
  save?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const total = p.analysis.total
  const named = namedBreakdowns(p.analysis, p.choices, lang)
  const f = formFields(p.ctx, {
    theme: p.filters.theme ?? '',
    programme: p.filters.programme ?? '',
    period: p.filters.period ?? '',
    status: p.filters.status ?? '',
  })
  const all = { value: '', label: t('projects.filters.all') }
  const name = (row: { name_pl: string; name_en: string }) => (lang === 'en' ? row.name_en : row.name_pl)
  const gaps = named.regions.filter((r) => r.projects === 0).map((r) => r.name)
  const top = named.regions[0]?.projects ?? 0
  const most = named.regions
    .filter((r) => top > 0 && r.projects === top)
    .map((r) => `${r.name} (${r.projects})`)
  const gapsText = gaps.length
    ? t('projects.analysis.gaps', { list: gaps.join(', '), ...unescaped })
    : t('projects.analysis.noGaps')
  const least = named.regions.filter((r) => r.projects > 0).at(-1)?.projects ?? 0
  const fewest = named.regions
    .filter((r) => r.projects > 0 && r.projects === least && least < top)
    .map((r) => `${r.name} (${r.projects})`)
  const fewestText = fewest.length
    ? t('projects.analysis.fewest', { list: fewest.join(', '), ...unescaped })
    : ''
  const mostText = most.length ? t('projects.analysis.most', { list: most.join(', '), ...unescaped }) : ''
  const query = new URLSearchParams(
    Object.entries(p.filters).filter(([, v]) => v) as [string, string][],
  ).toString()
  const save = formFields(p.ctx, p.save?.values ?? {}, p.save?.errors, 'save')
  return (
    <Layout ctx={p.ctx} title={t('projects.analysis.title')} section="analysis" errors={p.save?.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.save?.errors} form="save" />
      <h1 class="govuk-heading-l">{t('projects.analysis.title')}</h1>
      <p class="govuk-body">{t('projects.analysis.intro')}</p>
      {p.publicOnly ? <p class="govuk-body">{t('projects.analysis.publicOnly')}</p> : ''}
      <FilterForm
        action="/projects/analysis"
        label={t('projects.analysis.filters')}
        submit={t('projects.analysis.submit')}
      >
        <div class="siatka-filters__row">
          {f.select('theme', {
            label: t('projects.filters.theme'),
            options: [all, ...p.choices.themes.map((th) => ({ value: th.id, label: name(th) }))],
          })}
          {f.select('programme', {
            label: t('projects.filters.programme'),
            options: [
              all,
              ...p.choices.programmes.map((m) => ({ value: m.id, label: `${m.code} (${m.period})` })),
            ],
          })}
          {f.select('period', {
            label: t('projects.filters.period'),
            options: [all, ...fundingPeriods.map((v) => ({ value: v, label: v }))],
          })}
          {f.select('status', {
            label: t('projects.filters.status'),
            options: [all, ...projectStatuses.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))],
          })}
        </div>
      </FilterForm>

      <h2 class="govuk-heading-m">{t('projects.analysis.summary')}</h2>
      {total.projects === 0 ? (
        <p class="govuk-body">{t('projects.analysis.none')}</p>
      ) : (
        <dl class="govuk-summary-list">
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{t('projects.analysis.projects')}</dt>
            <dd class="govuk-summary-list__value">{total.projects}</dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{t('projects.analysis.value')}</dt>
            <dd class="govuk-summary-list__value" safe>
              {formatGrosze(total.value, lang)}
            </dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{t('projects.analysis.eu')}</dt>
            <dd class="govuk-summary-list__value" safe>
              {formatGrosze(total.eu, lang)}
            </dd>
          </div>
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{t('projects.analysis.achievement')}</dt>
            <dd class="govuk-summary-list__value">
              <Achievement ctx={p.ctx} bp={total.achievementBp} />
              <div class="govuk-hint govuk-!-margin-bottom-0">{t('projects.analysis.achievementHint')}</div>
            </dd>
          </div>
        </dl>
      )}

      <h2 class="govuk-heading-m" id="regions">
        {t('projects.analysis.regions')}
      </h2>
      <p class="govuk-body">
        <strong>{gapsText}</strong> {mostText} {fewestText}
      </p>
      <TileMap
        counts={new Map(named.regions.map((r) => [r.key, r.projects]))}
        label={t('projects.analysis.mapLabel', {
          most: `${mostText} ${fewestText}`.trim(),
          gaps: gapsText,
          ...unescaped,
        })}
        legend={{ title: t('projects.analysis.mapLegend'), none: t('projects.analysis.legendNone') }}
      />
      <FiguresTable
        ctx={p.ctx}
        caption={t('projects.analysis.regions')}
        first={t('projects.analysis.region')}
        rows={named.regions}
      />

      {(['themes', 'measures'] as const).map((kind) => (
        <>
          <h2 class="govuk-heading-m" id={kind}>
            {t(`projects.analysis.${kind}`)}
          </h2>
          {named[kind].length === 0 ? (
            <p class="govuk-body">{t('projects.analysis.none')}</p>
          ) : (
            <>
              <BarChart
                rows={named[kind].map((r) => ({ label: r.name, value: r.projects }))}
                label={t('projects.analysis.barsLabel', {
                  list: named[kind].map((r) => `${r.name}: ${r.projects}`).join(', '),
                  ...unescaped,
                })}
              />
              <FiguresTable
                ctx={p.ctx}
                caption={t(`projects.analysis.${kind}`)}
                first={t(kind === 'themes' ? 'projects.analysis.theme' : 'projects.analysis.measure')}
                rows={named[kind]}
              />
            </>
          )}
        </>
      ))}

      {p.spaces ? (
        <>
          <h2 class="govuk-heading-m" id="save">
            {t('projects.analysis.save')}
          </h2>
          <p class="govuk-body">{t('projects.analysis.saveHint')}</p>
          <PostForm ctx={p.ctx} action={`/projects/analysis/materials${query ? `?${query}` : ''}`}>
            {save.select('spaceId', {
              label: t('projects.analysis.space'),
              options: [
                { value: '', label: t('projects.form.choose') },
                ...p.spaces.map((s) => ({ value: s.id, label: s.name })),
              ],
            })}
            <Button variant="secondary">{t('projects.analysis.saveSubmit')}</Button>
          </PostForm>
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}

function Achievement(p: { ctx: ViewContext; bp: number | null }) {
  return p.bp === null ? (
    p.ctx.t('projects.analysis.noReports')
  ) : (
    <span safe>{formatBasisPoints(p.bp, p.ctx.lang)}</span>
  )
}

/** A breakdown as a table: each row's projects, value, EU contribution and achievement. */
function FiguresTable(p: { ctx: ViewContext; caption: string; first: string; rows: Named[] }) {
  const { t, lang } = p.ctx
  return (
    <Table
      caption={p.caption}
      headers={[
        p.first,
        { numeric: t('projects.analysis.projects') },
        { numeric: t('projects.analysis.value') },
        { numeric: t('projects.analysis.eu') },
        { numeric: t('projects.analysis.achievement') },
      ]}
      class="siatka-figures"
    >
      {p.rows.map((r) => (
        <tr class="govuk-table__row">
          <th scope="row" class="govuk-table__header" safe>
            {r.name}
          </th>
          <td class="govuk-table__cell govuk-table__cell--numeric">{r.projects}</td>
          <td class="govuk-table__cell govuk-table__cell--numeric" safe>
            {formatGrosze(r.value, lang)}
          </td>
          <td class="govuk-table__cell govuk-table__cell--numeric" safe>
            {formatGrosze(r.eu, lang)}
          </td>
          <td class="govuk-table__cell govuk-table__cell--numeric">
            <Achievement ctx={p.ctx} bp={r.achievementBp} />
          </td>
        </tr>
      ))}
    </Table>
  )
}
