import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import type { AnalysesQuery } from '../schemas.ts'
import type { Order, OrderSums } from '../service.ts'
import { OrderSumsList, OrdersFilter, OrdersTable } from './orders-table.tsx'

/** The secretariat's list of every order it may see, by status (late included), with the sums. */
export function AnalysesPage(p: {
  ctx: ViewContext
  rows: Order[]
  sums: OrderSums
  page: Page
  hasNext: boolean
  query: AnalysesQuery
  today: string
}) {
  const { t } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('analyses.title')} section="analyses">
      <h1 class="govuk-heading-l">{t('analyses.title')}</h1>
      <p class="govuk-body">{t('analyses.intro')}</p>
      <OrdersFilter ctx={p.ctx} action="/analyses" query={p.query} />
      <OrderSumsList ctx={p.ctx} sums={p.sums} />
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('analyses.none')}</p>
      ) : (
        <OrdersTable ctx={p.ctx} rows={p.rows} today={p.today} showSpace />
      )}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path="/analyses"
        query={p.query.status ? { status: p.query.status } : {}}
      />
    </Layout>
  )
}
