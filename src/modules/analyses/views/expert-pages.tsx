import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { nameOf } from '../../spaces/service.ts'
import { canHappen } from '../rules.ts'
import { analysisKinds, type Delivery, type Order } from '../service.ts'
import { AnalysisStateTag, Deadline } from './analysis-state.tsx'
import { DeliveryHistory, OrderSummary } from './order-details.tsx'

/** The orders given to the signed-in person, newest first. */
export function MyAnalysesPage(p: {
  ctx: ViewContext
  rows: Order[]
  page: Page
  hasNext: boolean
  today: string
}) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('analyses.mine.title')} section="myAnalyses">
      <h1 class="govuk-heading-l">{t('analyses.mine.title')}</h1>
      <p class="govuk-body">{t('analyses.mine.intro')}</p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('analyses.mine.none')}</p>
      ) : (
        <Table
          caption={t('analyses.mine.title')}
          headers={[
            t('analyses.columns.title'),
            t('analyses.columns.space'),
            t('analyses.columns.deadline'),
            t('analyses.columns.status'),
          ]}
        >
          {p.rows.map((o) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/analyses/${o.id}`} safe>
                  {o.title}
                </a>
              </td>
              <td class="govuk-table__cell" safe>
                {nameOf(o, lang)}
              </td>
              <td class="govuk-table__cell">
                <Deadline t={t} lang={lang} order={o} today={p.today} />
              </td>
              <td class="govuk-table__cell">
                <AnalysisStateTag t={t} order={o} today={p.today} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/analyses/mine" query={{}} />
    </Layout>
  )
}

/** One order as its expert sees it: what was asked, their deliveries with the answers, and the upload. */
export function ExpertOrderPage(p: {
  ctx: ViewContext
  order: Order
  deliveries: Delivery[]
  today: string
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const o = p.order
  const f = formFields(p.ctx, p.values, p.errors)
  const canUpload = canHappen(o.status, 'deliver')
  return (
    <Layout ctx={p.ctx} title={o.title} section="myAnalyses" errors={p.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <a class="govuk-back-link" href="/analyses/mine">
        {t('analyses.mine.title')}
      </a>
      <span class="govuk-caption-l">{t('analyses.title')}</span>
      <h1 class="govuk-heading-l" safe>
        {o.title}
      </h1>
      <OrderSummary ctx={p.ctx} order={o} today={p.today} showSpace level={2} />
      <DeliveryHistory
        ctx={p.ctx}
        deliveries={p.deliveries}
        fileBase={`/analyses/${o.id}/deliveries`}
        level={2}
        ownPage
      />
      {o.status === 'delivered' ? <p class="govuk-inset-text">{t('analyses.deliver.waiting')}</p> : ''}
      {o.status === 'accepted' ? <p class="govuk-inset-text">{t('analyses.deliver.accepted')}</p> : ''}
      {o.status === 'cancelled' ? <p class="govuk-inset-text">{t('analyses.deliver.cancelled')}</p> : ''}
      {canUpload || p.errors ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h2 class="govuk-heading-m" id="deliver">
              {o.status === 'changes_requested' ? t('analyses.deliver.again') : t('analyses.deliver.title')}
            </h2>
            <PostForm ctx={p.ctx} action={`/analyses/${o.id}/deliveries`} upload>
              {f.file('file', {
                label: t('analyses.deliver.file'),
                hint: t('analyses.deliver.fileHint'),
                accept: analysisKinds.map((k) => `.${k}`).join(','),
              })}
              {f.textarea('note', { label: t('analyses.deliver.note'), rows: 4 })}
              <Button>{t('analyses.deliver.submit')}</Button>
            </PostForm>
          </div>
        </div>
      ) : (
        ''
      )}
    </Layout>
  )
}
