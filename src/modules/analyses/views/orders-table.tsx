import type { ViewContext } from '../../../kernel/views/context.ts'
import { formFields } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { nameOf } from '../../spaces/service.ts'
import { analysisFilters, formatMoney } from '../rules.ts'
import type { AnalysesQuery } from '../schemas.ts'
import type { Order, OrderSums } from '../service.ts'
import { AnalysisStateTag, Deadline } from './analysis-state.tsx'

/** The status filter of a list of orders (a GET form: bookmarkable, no JavaScript needed). */
export function OrdersFilter(p: { ctx: ViewContext; action: string; query: AnalysesQuery }) {
  const { t } = p.ctx
  const f = formFields(p.ctx, { status: p.query.status })
  return (
    <FilterForm action={p.action} label={t('analyses.filterLabel')} submit={t('forms.filter')}>
      {f.select('status', {
        label: t('analyses.columns.status'),
        options: [
          { value: '', label: t('analyses.anyStatus') },
          ...analysisFilters.map((s) => ({ value: s, label: t(`analyses.statuses.${s}`) })),
        ],
      })}
    </FilterForm>
  )
}

/** The sums of every order the filter selects, in złoty in the reader's language. */
export function OrderSumsList(p: { ctx: ViewContext; sums: OrderSums }) {
  const { t, lang } = p.ctx
  const rows: [string, string][] = [
    [t('analyses.sums.count'), String(p.sums.count)],
    [t('analyses.sums.committed'), formatMoney(p.sums.committed, lang)],
    [t('analyses.sums.accepted'), formatMoney(p.sums.accepted, lang)],
    [t('analyses.sums.inProgress'), formatMoney(p.sums.inProgress, lang)],
  ]
  return (
    <>
      <h2 class="govuk-heading-s">{t('analyses.sums.title')}</h2>
      <dl class="govuk-summary-list govuk-summary-list--no-border">
        {rows.map(([label, value]) => (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key" safe>
              {label}
            </dt>
            <dd class="govuk-summary-list__value" safe>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </>
  )
}

/** A page of orders for the secretariat: each links to its page in its space. */
export function OrdersTable(p: { ctx: ViewContext; rows: Order[]; today: string; showSpace: boolean }) {
  const { t, lang } = p.ctx
  return (
    <Table
      caption={t('analyses.title')}
      headers={[
        t('analyses.columns.title'),
        ...(p.showSpace ? [t('analyses.columns.space')] : []),
        t('analyses.columns.expert'),
        t('analyses.columns.deadline'),
        { numeric: t('analyses.columns.budget') },
        t('analyses.columns.status'),
      ]}
    >
      {p.rows.map((o) => (
        <tr class="govuk-table__row">
          <td class="govuk-table__cell">
            <a class="govuk-link" href={`/spaces/${o.space_id}/analyses/${o.id}`} safe>
              {o.title}
            </a>
          </td>
          {p.showSpace ? (
            <td class="govuk-table__cell" safe>
              {nameOf(o, lang)}
            </td>
          ) : (
            ''
          )}
          <td class="govuk-table__cell" safe>
            {o.expert_name}
          </td>
          <td class="govuk-table__cell">
            <Deadline t={t} lang={lang} order={o} today={p.today} />
          </td>
          <td class="govuk-table__cell govuk-table__cell--numeric" safe>
            {formatMoney(o.budget_grosze, lang)}
          </td>
          <td class="govuk-table__cell">
            <AnalysisStateTag t={t} order={o} today={p.today} />
          </td>
        </tr>
      ))}
    </Table>
  )
}
