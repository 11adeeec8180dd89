import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { type SpaceMay, SpacePage } from '../../spaces/index.ts'
import type { Space } from '../../spaces/service.ts'
import { canHappen } from '../rules.ts'
import type { Delivery, Order } from '../service.ts'
import { DeliveryHistory, OrderSummary } from './order-details.tsx'

/**
 * One order as the secretariat servicing the space sees it: what was ordered, every delivery, and
 * the review of the last one (accept, or ask for changes) or cancelling while it is open.
 */
export function OrderPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  order: Order
  deliveries: Delivery[]
  today: string
  /** A refused form on the page: which, with what was typed and the messages. */
  form?: 'review' | 'cancel'
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const o = p.order
  const base = `/spaces/${p.space.id}/analyses/${o.id}`
  const review = formFields(
    p.ctx,
    p.form === 'review' ? p.values : {},
    p.form === 'review' ? p.errors : undefined,
  )
  const cancel = formFields(
    p.ctx,
    p.form === 'cancel' ? p.values : {},
    p.form === 'cancel' ? p.errors : undefined,
  )
  return (
    <SpacePage ctx={p.ctx} space={p.space} may={p.may} tab="analyses" title={o.title} errors={p.errors}>
      <a class="govuk-back-link" href={`/spaces/${p.space.id}/analyses`}>
        {t('analyses.backToList')}
      </a>
      <OrderSummary ctx={p.ctx} order={o} today={p.today} showSpace={false} level={3} />
      {o.material_id ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/spaces/${p.space.id}/materials/${o.material_id}`}>
            {t('analyses.order.openMaterial')}
          </a>
        </p>
      ) : (
        ''
      )}
      <DeliveryHistory ctx={p.ctx} deliveries={p.deliveries} fileBase={`${base}/deliveries`} level={3} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.may['space.commission'] && canHappen(o.status, 'accept') ? (
            <>
              <h3 class="govuk-heading-m" id="review">
                {t('analyses.review.title')}
              </h3>
              <p class="govuk-body">{t('analyses.review.text')}</p>
              <PostForm ctx={p.ctx} action={`${base}/review`}>
                {review.textarea('comment', {
                  label: t('analyses.review.comment'),
                  hint: t('analyses.review.commentHint'),
                  rows: 4,
                })}
                <div class="govuk-button-group">
                  <Button name="decision" value="accept">
                    {t('analyses.review.accept')}
                  </Button>
                  <Button name="decision" value="changes" variant="secondary">
                    {t('analyses.review.changes')}
                  </Button>
                </div>
              </PostForm>
            </>
          ) : (
            ''
          )}
          {p.may['space.commission'] && canHappen(o.status, 'cancel') ? (
            <>
              <h3 class="govuk-heading-m" id="cancel">
                {t('analyses.cancel.title')}
              </h3>
              <p class="govuk-body">{t('analyses.cancel.text')}</p>
              <PostForm ctx={p.ctx} action={`${base}/cancel`}>
                {cancel.textarea('reason', { label: t('analyses.cancel.reason'), rows: 2 })}
                <Button variant="warning">{t('analyses.cancel.submit')}</Button>
              </PostForm>
            </>
          ) : (
            ''
          )}
        </div>
      </div>
    </SpacePage>
  )
}
