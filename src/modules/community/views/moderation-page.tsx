import { formatDateTime } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button, PostForm } from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import type { Flag, HeldPost } from '../moderation.ts'
import { PostText } from './post-text.tsx'

/** A post in the queue: where it is, who wrote it and when, its text, and what a moderator may do. */
function QueuedPost(p: {
  ctx: ViewContext
  post: { id: string; body: string; topic_id: string; title: string; lang: string; author_name: string }
  /** Catalogue text (escaped by the translator). */
  safeNote: string
  at: Date
  actions: [action: string, safeLabel: string, variant: 'secondary' | 'warning'][]
}) {
  const { t, lang } = p.ctx
  const { safeNote } = p
  return (
    <li class="siatka-post">
      <h3 class="govuk-heading-s govuk-!-margin-bottom-1" safe>
        {`${p.post.author_name} · ${formatDateTime(p.at, lang)}`}
      </h3>
      <p class="govuk-body-s govuk-!-margin-bottom-1">
        {t('community.moderation.inTopic')}{' '}
        <a
          class="govuk-link"
          href={`/community/topics/${p.post.topic_id}#post-${p.post.id}`}
          lang={p.post.lang}
          safe
        >
          {p.post.title}
        </a>
      </p>
      <p class="govuk-body-s">{safeNote}</p>
      <div lang={p.post.lang}>
        <PostText body={p.post.body} level={4} />
      </div>
      <div class="siatka-actions">
        {p.actions.map(([action, safeLabel, variant]) => (
          <PostForm ctx={p.ctx} action={action}>
            <input type="hidden" name="back" value="/community/moderation" />
            <Button variant={variant}>{safeLabel}</Button>
          </PostForm>
        ))}
      </div>
    </li>
  )
}

/** The moderators' queue: posts waiting for approval, and flagged posts. */
export function ModerationPage(p: {
  ctx: ViewContext
  held: HeldPost[]
  flags: Flag[]
  page: Page
  hasNext: boolean
}) {
  const { t } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('community.moderation.title')} section="moderation">
      <h1 class="govuk-heading-l">{t('community.moderation.title')}</h1>
      <p class="govuk-body">{t('community.moderation.intro')}</p>
      <h2 class="govuk-heading-m">{t('community.moderation.held')}</h2>
      {p.held.length ? (
        <ol class="govuk-list">
          {p.held.map((post) => (
            <QueuedPost
              ctx={p.ctx}
              post={post}
              at={post.created_at}
              safeNote={t('community.moderation.waitsBecause', {
                reason: t(
                  `community.moderation.reasons.${post.held_reason === 'links' ? 'links' : 'first_post'}`,
                ),
              })}
              actions={[
                [`/community/posts/${post.id}/approve`, t('community.moderation.approve'), 'secondary'],
                [`/community/posts/${post.id}/hide`, t('community.moderation.reject'), 'warning'],
              ]}
            />
          ))}
        </ol>
      ) : (
        <p class="govuk-body">{t('community.moderation.noneHeld')}</p>
      )}
      <h2 class="govuk-heading-m">{t('community.moderation.flags')}</h2>
      {p.flags.length ? (
        <ol class="govuk-list">
          {p.flags.map((flag) => (
            <QueuedPost
              ctx={p.ctx}
              post={{ ...flag, id: flag.post_id }}
              at={flag.created_at}
              safeNote={t('community.moderation.flaggedBy', { name: flag.flagged_by, reason: flag.reason })}
              actions={[
                [`/community/posts/${flag.post_id}/hide`, t('community.moderation.hide'), 'warning'],
                [`/community/flags/${flag.id}/dismiss`, t('community.moderation.dismiss'), 'secondary'],
              ]}
            />
          ))}
        </ol>
      ) : (
        <p class="govuk-body">{t('community.moderation.noneFlags')}</p>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/community/moderation" query={{}} />
    </Layout>
  )
}
