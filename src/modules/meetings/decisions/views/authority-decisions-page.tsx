import { formatDate } from '../../../../kernel/dates.ts'
import type { Page } from '../../../../kernel/pagination.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Pagination } from '../../../../kernel/views/pagination.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { nameOf } from '../../../spaces/service.ts'
import { decisionNumber } from '../../minutes/rules.ts'
import type { IncomingRow } from '../service.ts'
export function AuthorityDecisionsPage(p: {
  ctx: ViewContext
  rows: IncomingRow[]
  page: Page
  hasNext: boolean
}) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('decisions.authority.title')} section="authority">
      <h1 class="govuk-heading-l">{t('decisions.authority.title')}</h1>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('decisions.authority.none')}</p>
      ) : (
        <Table
          caption={t('decisions.authority.title')}
          headers={[
            t('decisions.columns.number'),
            t('decisions.columns.space'),
            t('decisions.columns.title'),
            t('decisions.authority.forwarded'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/spaces/${r.from_space_id}/decisions/${r.decision_id}`} safe>
                  {decisionNumber(r)}
                </a>
              </td>
              <td class="govuk-table__cell" safe>
                {nameOf({ name_pl: r.from_name_pl, name_en: r.from_name_en }, lang)}
              </td>
              <td class="govuk-table__cell">
                <span safe>{r.title}</span>
                {r.note ? (
                  <>
                    <br />
                    <span class="govuk-body-s" safe>
                      {r.note}
                    </span>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell" safe>
                {formatDate(r.forwarded_at, lang)}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/authority/decisions" query={{}} />
    </Layout>
  )
}
