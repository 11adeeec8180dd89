import { formatDateTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import { safeMarkdown } from '../../../kernel/markdown.ts'
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
import { KeysetNav } from '../../../kernel/views/pagination.tsx'
import type { Forum, Post, Reader, Topic } from '../service.ts'
import { TopicTags } from './forum-page.tsx'
import { inLang, SignInToWrite } from './forums-page.tsx'

/** What a reader may do with a post beside reading it: flag it, or (a moderator) approve, hide or show it. */
interface PostTools {
  reader: Reader
  signedIn: boolean
  /** The post whose flag was refused (its form open, with the reason's error), and the page's fields. */
  refusedFlag: string | null
  f: ReturnType<typeof formFields>
}

/** A post's state in words beside its time: waiting for a moderator, or hidden by one. */
function StateTag(p: { ctx: ViewContext; post: Post }) {
  const { t } = p.ctx
  if (p.post.state === 'published') return ''
  return (
    <>
      {' '}
      <strong class="govuk-tag govuk-tag--yellow">
        {t(p.post.state === 'held' ? 'community.moderation.heldTag' : 'community.moderation.hiddenTag')}
      </strong>
    </>
  )
}

/** A moderator's buttons for a post, or a reader's form to flag it. */
function PostActions(p: { ctx: ViewContext; post: Post; tools: PostTools }) {
  const { t } = p.ctx
  const { reader, f } = p.tools
  const base = `/community/posts/${p.post.id}`
  if (reader.moderator) {
    const actions: [string, string, 'secondary' | 'warning'][] =
      p.post.state === 'held'
        ? [
            ['approve', t('community.moderation.approve'), 'secondary'],
            ['hide', t('community.moderation.reject'), 'warning'],
          ]
        : p.post.state === 'hidden'
          ? // A rejected post (held, never published) is not shown again.
            p.post.held_reason
            ? []
            : [['show', t('community.moderation.show'), 'secondary']]
          : [['hide', t('community.moderation.hide'), 'warning']]
    return (
      <div class="siatka-actions">
        {actions.map(([action, safeLabel, variant]) => (
          <PostForm ctx={p.ctx} action={`${base}/${action}`}>
            <Button variant={variant}>
              <span>{safeLabel}</span>
              <span class="govuk-visually-hidden" safe>
                {` (${t('community.postBy', { author: p.post.author_name, ...unescaped })})`}
              </span>
            </Button>
          </PostForm>
        ))}
      </div>
    )
  }
  if (!p.tools.signedIn || p.post.author_id === reader.id || p.post.state !== 'published') return ''
  const refused = p.tools.refusedFlag === p.post.id
  return (
    <details class="govuk-details govuk-!-margin-bottom-0" open={refused ? true : undefined}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">{t('community.moderation.flag')}</span>
      </summary>
      <div class="govuk-details__text">
        <PostForm ctx={p.ctx} action={`${base}/flag`}>
          <input type="hidden" name="postId" value={p.post.id} />
          {refused ? (
            f.textarea('reason', { label: t('community.moderation.flagReason'), rows: 2 })
          ) : (
            <div class="govuk-form-group">
              <label class="govuk-label" for={`reason-${p.post.id}`}>
                {t('community.moderation.flagReason')}
              </label>
              <textarea class="govuk-textarea" id={`reason-${p.post.id}`} name="reason" rows="2" />
            </div>
          )}
          <Button variant="secondary">{t('community.moderation.flagSend')}</Button>
        </PostForm>
      </div>
    </details>
  )
}

/** One post: who wrote it and when (a heading a screen reader jumps between), and its text. */
function PostArticle(p: {
  ctx: ViewContext
  post: Post
  lang: string
  accepted: boolean
  /** Where to accept it as the answer, for the asker and moderators. */
  accept?: string
  tools: PostTools
}) {
  const { t, lang } = p.ctx
  const when = formatDateTime(p.post.created_at, lang)
  const hiddenFromReader = p.post.state === 'hidden' && !p.tools.reader.moderator
  return (
    <article class="govuk-!-margin-bottom-6" id={`post-${p.post.id}`}>
      <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
        <a class="govuk-link" href={`/community/people/${p.post.author_id}`} safe>
          {p.post.author_name}
        </a>
      </h2>
      <p class="govuk-body-s govuk-!-margin-bottom-2">
        <time datetime={p.post.created_at.toISOString()} safe>
          {when}
        </time>
        {p.accepted ? (
          <>
            {' '}
            <strong class="govuk-tag govuk-tag--green">{t('community.acceptedMark')}</strong>
          </>
        ) : (
          ''
        )}
        <StateTag ctx={p.ctx} post={p.post} />
      </p>
      {hiddenFromReader ? (
        <p class="govuk-body siatka-muted">{t('community.moderation.hiddenText')}</p>
      ) : (
        <div lang={p.lang}>{safeMarkdown(p.post.body, 3)}</div>
      )}
      {p.post.state === 'held' && p.post.author_id === p.tools.reader.id ? (
        <p class="govuk-inset-text">{t('community.moderation.heldNote')}</p>
      ) : (
        ''
      )}
      <PostActions ctx={p.ctx} post={p.post} tools={p.tools} />
      {p.accept ? (
        <PostForm ctx={p.ctx} action={p.accept}>
          <input type="hidden" name="postId" value={p.post.id} />
          <button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0">
            <span>{t('community.accept')}</span>
            <span class="govuk-visually-hidden" safe>
              {` (${t('community.acceptFor', { author: p.post.author_name, when, ...unescaped })})`}
            </span>
          </button>
        </PostForm>
      ) : (
        ''
      )}
    </article>
  )
}

/**
 * A topic: its posts in the order they came, 50 a page by keyset; a question shows its accepted
 * answer right under it. The asker and moderators accept an answer; whoever is signed in replies
 * while the topic is open; moderators lock it.
 */
export function TopicPage(p: {
  ctx: ViewContext
  topic: Topic
  posts: Post[]
  next: string | null
  continued: boolean
  /** The accepted answer, wherever it sits in the topic. */
  answer?: Post
  mayReply: boolean
  mayAccept: boolean
  mayModerate: boolean
  signedIn: boolean
  reader: Reader
  /** The forums a moderator may move the topic to. */
  forums: Pick<Forum, 'id' | 'name_pl' | 'name_en'>[]
  refused?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const topic = p.topic
  const base = `/community/topics/${topic.id}`
  const f = formFields(p.ctx, p.refused?.values ?? { forumId: topic.forum_id }, p.refused?.errors)
  const forum = inLang(lang, topic.forum_pl, topic.forum_en)
  const flagged = p.refused?.values.reason !== undefined ? p.refused.values.postId : undefined
  const tools: PostTools = {
    reader: p.reader,
    signedIn: p.signedIn,
    refusedFlag: typeof flagged === 'string' ? flagged : null,
    f,
  }
  return (
    <Layout ctx={p.ctx} title={topic.title} section="forums" errors={p.refused?.errors}>
      {p.refused ? <ErrorSummary ctx={p.ctx} errors={p.refused.errors} /> : ''}
      <p class="govuk-body">
        <a class="govuk-link" href={`/community/forums/${topic.forum_id}`}>
          {t('community.backToForum', { forum })}
        </a>
      </p>
      <span class="govuk-caption-l">
        {topic.is_question ? t('community.question') : t('community.forum')}
        <TopicTags ctx={p.ctx} topic={topic} />
      </span>
      <h1 class="govuk-heading-l" lang={topic.lang} safe>
        {topic.title}
      </h1>
      {p.answer && !p.continued ? (
        <div class="govuk-inset-text">
          <p class="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1">
            {p.posts.some((post) => post.id === p.answer?.id) ? (
              <a class="govuk-link" href={`#post-${p.answer.id}`}>
                {t('community.acceptedAnswer')}
              </a>
            ) : (
              t('community.acceptedAnswer')
            )}
            {': '}
            <span safe>{p.answer.author_name}</span>
          </p>
          <div lang={topic.lang}>{safeMarkdown(p.answer.body, 3)}</div>
        </div>
      ) : (
        ''
      )}
      {p.posts.map((post) => (
        <PostArticle
          ctx={p.ctx}
          post={post}
          lang={topic.lang}
          accepted={post.id === topic.accepted_post_id}
          accept={
            p.mayAccept &&
            topic.is_question &&
            post.id !== topic.first_post_id &&
            post.id !== topic.accepted_post_id
              ? `${base}/accept`
              : undefined
          }
          tools={tools}
        />
      ))}
      <KeysetNav
        first={base}
        next={p.next ? `${base}?after=${encodeURIComponent(p.next)}` : null}
        continued={p.continued}
        label={t('community.postsPages')}
        words={[t('community.postsFrom'), t('community.postsMore')]}
      />
      {p.mayModerate ? <ModeratorTools ctx={p.ctx} topic={topic} forums={p.forums} f={f} /> : ''}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {topic.locked ? <p class="govuk-inset-text">{t('community.lockedNote')}</p> : ''}
          {p.mayReply ? (
            <>
              <h2 class="govuk-heading-m" id="reply">
                {t('community.reply')}
              </h2>
              <PostForm ctx={p.ctx} action={`${base}/posts`}>
                {f.textarea('body', {
                  label: t('community.replyLabel'),
                  hint: t('community.bodyHint'),
                  rows: 6,
                })}
                <Button>{t('community.send')}</Button>
              </PostForm>
            </>
          ) : !p.signedIn ? (
            <SignInToWrite ctx={p.ctx} back={base} />
          ) : (
            ''
          )}
        </div>
      </div>
    </Layout>
  )
}

/** A moderator's tools for the topic: lock, pin, move to another forum, merge into another topic. */
function ModeratorTools(p: {
  ctx: ViewContext
  topic: Topic
  forums: Pick<Forum, 'id' | 'name_pl' | 'name_en'>[]
  f: ReturnType<typeof formFields>
}) {
  const { t, lang } = p.ctx
  const base = `/community/topics/${p.topic.id}`
  return (
    <section class="siatka-moderation" aria-labelledby="moderation-heading">
      <h2 class="govuk-heading-m" id="moderation-heading">
        {t('community.moderation.tools')}
      </h2>
      <div class="siatka-actions">
        <PostForm ctx={p.ctx} action={`${base}/lock`}>
          <input type="hidden" name="locked" value={p.topic.locked ? 'no' : 'yes'} />
          <Button variant="secondary">{p.topic.locked ? t('community.unlock') : t('community.lock')}</Button>
        </PostForm>
        {p.topic.accepted_post_id ? (
          <PostForm ctx={p.ctx} action={`${base}/article`}>
            <Button variant="secondary">{t('community.knowledge.toArticle')}</Button>
          </PostForm>
        ) : (
          ''
        )}
        <PostForm ctx={p.ctx} action={`${base}/pin`}>
          <input type="hidden" name="pinned" value={p.topic.pinned ? 'no' : 'yes'} />
          <Button variant="secondary">
            {p.topic.pinned ? t('community.moderation.unpin') : t('community.moderation.pin')}
          </Button>
        </PostForm>
      </div>
      <PostForm ctx={p.ctx} action={`${base}/move`}>
        {p.f.select('forumId', {
          label: t('community.moderation.moveTo'),
          options: p.forums.map((x) => ({ value: x.id, label: inLang(lang, x.name_pl, x.name_en) })),
        })}
        <Button variant="secondary">{t('community.moderation.move')}</Button>
      </PostForm>
      <PostForm ctx={p.ctx} action={`${base}/merge`}>
        {p.f.text('into', {
          label: t('community.moderation.mergeInto'),
          hint: t('community.moderation.mergeHint'),
        })}
        <Button variant="warning">{t('community.moderation.merge')}</Button>
      </PostForm>
    </section>
  )
}
