import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { staffRecruitments } from '../service.ts'
import { datesOf, WindowTag } from './parts.tsx'

type Row = Awaited<ReturnType<typeof staffRecruitments>>[number]

/** A member of project staff's recruitments: published or not, with the applications sent and waiting for a check. */
export function ManagePage(p: {
  ctx: ViewContext
  rows: Row[]
  page: Page
  hasNext: boolean
  today: string
  mayOpen: boolean
}) {
  const { t } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('recruitment.manage.title')} section="recruitments-manage">
      <h1 class="govuk-heading-l">{t('recruitment.manage.title')}</h1>
      <p class="govuk-body">{t('recruitment.manage.intro')}</p>
      {p.mayOpen ? (
        <p class="govuk-body">
          <a class="govuk-button" href="/recruitments/new">
            {t('recruitment.manage.new')}
          </a>
        </p>
      ) : (
        <p class="govuk-body">{t('recruitment.manage.noProjects')}</p>
      )}
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('recruitment.manage.none')}</p>
      ) : (
        <Table
          caption={t('recruitment.manage.title')}
          headers={[
            t('recruitment.title'),
            t('recruitment.dates'),
            { numeric: t('recruitment.manage.sent') },
            { numeric: t('recruitment.manage.waiting') },
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/recruitments/${r.id}`} safe>
                  {r.title}
                </a>
                <br />
                <span class="govuk-body-s" safe>
                  {r.project_title}
                </span>
              </td>
              <td class="govuk-table__cell">
                <span>{datesOf(p.ctx, r)}</span>
                <br />
                {r.published_at ? (
                  <WindowTag ctx={p.ctx} r={r} today={p.today} />
                ) : (
                  <strong class="govuk-tag govuk-tag--yellow">{t('recruitment.unpublished')}</strong>
                )}
                {r.decided_at ? (
                  <strong class="govuk-tag govuk-tag--purple">{t('recruitment.decidedTag')}</strong>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric">
                <a class="govuk-link" href={`/recruitments/${r.id}/applications`}>
                  {r.sent ?? 0}
                </a>
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{r.waiting ?? 0}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/recruitments/manage" query={{}} />
    </Layout>
  )
}
