import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { voivodeshipName } from '../../projects/index.ts'
import type { publishedPage } from '../service.ts'
import { datesOf, WindowTag } from './parts.tsx'

type Row = Awaited<ReturnType<typeof publishedPage>>[number]

/** The public list of recruitments: each with its project, days, area and whether it takes applications now. */
export function RecruitmentsPage(p: {
  ctx: ViewContext
  rows: Row[]
  page: Page
  hasNext: boolean
  today: string
  mayOpen: boolean
}) {
  const { t } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('recruitment.title')} section="recruitments">
      <h1 class="govuk-heading-l">{t('recruitment.title')}</h1>
      <p class="govuk-body">{t('recruitment.intro')}</p>
      {p.mayOpen ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/recruitments/manage">
            {t('recruitment.manage.title')}
          </a>
        </p>
      ) : (
        ''
      )}
      {p.rows.length === 0 ? <p class="govuk-body">{t('recruitment.none')}</p> : ''}
      <ul class="govuk-list">
        {p.rows.map((r) => (
          <li class="govuk-!-margin-bottom-6">
            <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
              <a class="govuk-link" href={`/recruitments/${r.id}`} safe>
                {r.title}
              </a>
            </h2>
            <p class="govuk-body-s govuk-!-margin-bottom-1">
              <WindowTag ctx={p.ctx} r={r} today={p.today} /> <span>{datesOf(p.ctx, r)}</span>
            </p>
            <p class="govuk-body-s govuk-!-margin-bottom-0" safe>
              {`${t('recruitment.project')}: ${r.project_title} · ${r.voivodeship ? voivodeshipName(r.voivodeship) : t('recruitment.form.anyRegion')}`}
            </p>
          </li>
        ))}
      </ul>
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path="/recruitments"
        query={{}}
        label={t('recruitment.pages')}
      />
    </Layout>
  )
}
