import type { Page } from '../../../../kernel/pagination.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import { Layout } from '../../../../kernel/views/layout.tsx'
import type { RegisterQuery } from '../../minutes/schemas.ts'
import type { RegisterRow } from '../service.ts'
import { Register } from './register.tsx'
export function AllRegisterPage(p: {
  ctx: ViewContext
  rows: RegisterRow[]
  query: RegisterQuery
  page: Page
  hasNext: boolean
  spaces?: { id: string; name_pl: string; name_en: string }[]
}) {
  const { t } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('decisions.allTitle')} section="decisions">
      <h1 class="govuk-heading-l">{t('decisions.allTitle')}</h1>
      <p class="govuk-body">{t('decisions.allIntro')}</p>
      <Register
        ctx={p.ctx}
        action="/decisions"
        rows={p.rows}
        query={p.query}
        page={p.page}
        hasNext={p.hasNext}
        across
        spaces={p.spaces}
      />
    </Layout>
  )
}

/** One decision: its text and vote, where it was taken, where it was sent; forwarding it on. */
