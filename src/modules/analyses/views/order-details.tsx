import type { Children } from '@kitajs/html'
import { formatDate, safeDay } from '../../../kernel/dates.ts'
import { safeMarkdown } from '../../../kernel/markdown.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { fileSize } from '../../../kernel/views/file-size.ts'
import { SummaryMarkupRow, SummaryRow } from '../../spaces/index.ts'
import { nameOf } from '../../spaces/service.ts'
import { canHappen, daysLate, formatMoney, isLate } from '../rules.ts'
import type { Delivery, Order } from '../service.ts'
import { AnalysisStateTag } from './analysis-state.tsx'

/** What was ordered: the same summary for the secretariat and for the expert, the scope below it. */
export function OrderSummary(p: {
  ctx: ViewContext
  order: Order
  today: string
  showSpace: boolean
  /** The level of this part's headings: 3 inside a space's page (its title is an h2), 2 on a page of its own. */
  level: 2 | 3
}) {
  const { t, lang } = p.ctx
  const o = p.order
  const late = isLate(o, p.today)
  return (
    <>
      <dl class="govuk-summary-list">
        {p.showSpace ? <SummaryRow label={t('analyses.columns.space')} value={nameOf(o, lang)} /> : ''}
        <SummaryMarkupRow label={t('analyses.fields.status')}>
          <AnalysisStateTag t={t} order={o} today={p.today} />
        </SummaryMarkupRow>
        <SummaryMarkupRow label={t('analyses.fields.deadline')}>
          {safeDay(o.deadline, lang)}
          {late ? (
            <>
              {' – '}
              {t('analyses.daysLate', { count: daysLate(o.deadline, p.today) })}
            </>
          ) : o.deadline === p.today && canHappen(o.status, 'deliver') ? (
            <>
              {' – '}
              {t('analyses.order.dueToday')}
            </>
          ) : (
            ''
          )}
        </SummaryMarkupRow>
        <SummaryRow label={t('analyses.fields.budget')} value={formatMoney(o.budget_grosze, lang)} />
        <SummaryRow label={t('analyses.fields.expert')} value={o.expert_name} />
        <SummaryRow label={t('analyses.fields.contractRef')} value={o.contract_ref} />
        <SummaryRow
          label={t('analyses.fields.orderedBy')}
          value={`${o.ordered_by_name}, ${formatDate(o.ordered_at, lang)}`}
        />
        {o.status === 'cancelled' ? (
          <SummaryRow label={t('analyses.fields.cancelReason')} value={o.cancel_reason} />
        ) : (
          ''
        )}
      </dl>
      <Heading level={p.level}>{t('analyses.fields.scope')}</Heading>
      <div class="siatka-prose">{safeMarkdown(o.scope, 4)}</div>
    </>
  )
}

/** Every version the expert delivered, each with its note and the secretariat's answer. */
export function DeliveryHistory(p: {
  ctx: ViewContext
  deliveries: Delivery[]
  /** Where a delivery's file is downloaded from: `${base}/${delivery.id}`. */
  fileBase: string
  level: 2 | 3
  /** The expert's own page: spoken to them, not of them. */
  ownPage?: boolean
}) {
  const { t, lang } = p.ctx
  return (
    <>
      <Heading level={p.level} id="deliveries">
        {t('analyses.order.deliveries')}
      </Heading>
      {p.deliveries.length === 0 ? (
        <p class="govuk-body">
          {t(p.ownPage ? 'analyses.order.noDeliveriesYet' : 'analyses.order.noDeliveries')}
        </p>
      ) : (
        <ol class="govuk-list">
          {p.deliveries.map((d) => (
            <li class="govuk-!-margin-bottom-6">
              <Heading level={p.level === 2 ? 3 : 4} size="s">
                {t('analyses.order.version', { version: d.version })}
              </Heading>
              <p class="govuk-body">
                <a class="govuk-link" href={`${p.fileBase}/${d.id}`}>
                  {t('analyses.order.download', {
                    version: d.version,
                    kind: d.kind.toUpperCase(),
                    size: fileSize(d.size_bytes, lang),
                  })}
                </a>
                <br />
                <span class="govuk-body-s">
                  {t('analyses.order.deliveredBy', {
                    name: d.delivered_by_name,
                    date: formatDate(d.delivered_at, lang),
                  })}
                </span>
              </p>
              {d.note ? (
                <div class="govuk-inset-text">
                  <p class="govuk-body govuk-!-font-weight-bold">{t('analyses.order.note')}</p>
                  <p class="govuk-body siatka-break" safe>
                    {d.note}
                  </p>
                </div>
              ) : (
                ''
              )}
              {d.review ? (
                <div class="govuk-inset-text">
                  <p class="govuk-body govuk-!-font-weight-bold">
                    {t(
                      d.review === 'accepted'
                        ? 'analyses.order.reviewAccepted'
                        : 'analyses.order.reviewChanges',
                      {
                        name: d.reviewed_by_name ?? '',
                        date: formatDate(d.reviewed_at ?? d.delivered_at, lang),
                      },
                    )}
                  </p>
                  {d.review_comment ? (
                    <p class="govuk-body siatka-break" safe>
                      {d.review_comment}
                    </p>
                  ) : (
                    ''
                  )}
                </div>
              ) : (
                ''
              )}
            </li>
          ))}
        </ol>
      )}
    </>
  )
}

/** A heading at the level the page needs, so the outline a screen reader reads stays in order. */
function Heading(p: { level: 2 | 3 | 4; size?: 'm' | 's'; id?: string; children: Children }) {
  const cls = `govuk-heading-${p.size ?? 'm'}`
  if (p.level === 2)
    return (
      <h2 class={cls} id={p.id}>
        {p.children}
      </h2>
    )
  if (p.level === 3)
    return (
      <h3 class={cls} id={p.id}>
        {p.children}
      </h3>
    )
  return (
    <h4 class={cls} id={p.id}>
      {p.children}
    </h4>
  )
}
