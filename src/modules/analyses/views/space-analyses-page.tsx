import { formatDate } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { type SpaceMay, SpacePage } from '../../spaces/index.ts'
import type { Space } from '../../spaces/service.ts'
import type { AnalysesQuery } from '../schemas.ts'
import type { Order, OrderSums } from '../service.ts'
import { OrderSumsList, OrdersFilter, OrdersTable } from './orders-table.tsx'

interface AcceptedRow {
  id: string
  title: string
  material_id: string | null
  updated_at: Date
  expert_name: string
}

/**
 * A space's analyses. Those who order there see every order with its budget, the sums and a
 * filter; the space's other readers see the accepted analyses, each a material to download.
 */
export function SpaceAnalysesPage(
  p: {
    ctx: ViewContext
    space: Space
    may: SpaceMay
    page: Page
    hasNext: boolean
    today: string
  } & ({ orders: { rows: Order[]; sums: OrderSums; query: AnalysesQuery } } | { accepted: AcceptedRow[] }),
) {
  const { t, lang } = p.ctx
  const s = p.space
  const base = `/spaces/${s.id}/analyses`
  return (
    <SpacePage ctx={p.ctx} space={s} may={p.may} tab="analyses" title={t('analyses.title')}>
      {'orders' in p ? (
        <>
          <p class="govuk-body">{t('analyses.spaceIntro')}</p>
          {p.may['space.commission'] ? (
            <p class="govuk-body">
              <a class="govuk-button" href={`${base}/new`}>
                {t('analyses.new')}
              </a>
            </p>
          ) : (
            ''
          )}
          <OrdersFilter ctx={p.ctx} action={base} query={p.orders.query} />
          <OrderSumsList ctx={p.ctx} sums={p.orders.sums} />
          {p.orders.rows.length === 0 ? (
            <p class="govuk-body">{t('analyses.none')}</p>
          ) : (
            <OrdersTable ctx={p.ctx} rows={p.orders.rows} today={p.today} showSpace={false} />
          )}
          <Pagination
            ctx={p.ctx}
            page={p.page}
            hasNext={p.hasNext}
            path={base}
            query={p.orders.query.status ? { status: p.orders.query.status } : {}}
          />
        </>
      ) : (
        <>
          <p class="govuk-body">{t('analyses.membersIntro')}</p>
          {p.accepted.length === 0 ? (
            <p class="govuk-body">{t('analyses.noneAccepted')}</p>
          ) : (
            <Table
              caption={t('analyses.title')}
              headers={[
                t('analyses.columns.title'),
                t('analyses.columns.expert'),
                t('analyses.columns.accepted'),
              ]}
            >
              {p.accepted.map((a) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href={`/spaces/${s.id}/materials/${a.material_id}`} safe>
                      {a.title}
                    </a>
                  </td>
                  <td class="govuk-table__cell" safe>
                    {a.expert_name}
                  </td>
                  <td class="govuk-table__cell" safe>
                    {formatDate(a.updated_at, lang)}
                  </td>
                </tr>
              ))}
            </Table>
          )}
          <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path={base} query={{}} />
        </>
      )}
    </SpacePage>
  )
}
