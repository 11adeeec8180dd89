import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button, formFields, PostForm } from '../../../kernel/views/fields.tsx'
import { type FollowDelivery, followDeliveries } from '../tables.ts'

/**
 * Following a forum or a topic: how the person wants to be told (at once, in the daily digest, in
 * Siatka only), and a button to stop when they follow it. Plain forms, no JavaScript.
 */
export function FollowForm(p: {
  ctx: ViewContext
  /** The forum's or topic's address; the forms post to its /follow. */
  base: string
  what: 'topic' | 'forum'
  current: FollowDelivery | undefined
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, { delivery: p.current ?? 'immediate' })
  const action = `${p.base}/follow`
  return (
    <section class="govuk-!-margin-bottom-6" aria-labelledby="follow-heading">
      <h2 class="govuk-heading-s govuk-!-margin-bottom-1" id="follow-heading">
        {t('community.follow.heading')}
      </h2>
      <p class="govuk-body-s">
        {p.current
          ? t('community.follow.following', { how: t(`community.follow.deliveries.${p.current}`) })
          : t(p.what === 'topic' ? 'community.follow.topicIntro' : 'community.follow.forumIntro')}
      </p>
      <div class="siatka-actions">
        <PostForm ctx={p.ctx} action={action}>
          {f.select('delivery', {
            label: t('community.follow.how'),
            options: followDeliveries.map((d) => ({
              value: d,
              label: t(`community.follow.deliveries.${d}`),
            })),
          })}
          <Button variant="secondary">
            {p.current ? t('community.follow.change') : t('community.follow.follow')}
          </Button>
        </PostForm>
        {p.current ? (
          <PostForm ctx={p.ctx} action={action}>
            <input type="hidden" name="delivery" value="stop" />
            <Button variant="secondary">{t('community.follow.stop')}</Button>
          </PostForm>
        ) : (
          ''
        )}
      </div>
    </section>
  )
}
