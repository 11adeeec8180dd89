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
import type { Post, Topic } from '../service.ts'
import { TopicTags } from './forum-page.tsx'
import { inLang, SignInToWrite } from './forums-page.tsx'

/** One post: who wrote it and when (a heading a screen reader jumps between), and its text. */
function PostArticle(p: {
  ctx: ViewContext
  post: Post
  lang: string
  accepted: boolean
  /** Where to accept it as the answer, for the asker and moderators. */
  accept?: string
}) {
  const { t, lang } = p.ctx
  const when = formatDateTime(p.post.created_at, lang)
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
      </p>
      <div lang={p.lang}>{safeMarkdown(p.post.body, 3)}</div>
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
  refused?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const topic = p.topic
  const base = `/community/topics/${topic.id}`
  const f = formFields(p.ctx, p.refused?.values ?? {}, p.refused?.errors)
  const forum = inLang(lang, topic.forum_pl, topic.forum_en)
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
        />
      ))}
      <KeysetNav
        first={base}
        next={p.next ? `${base}?after=${encodeURIComponent(p.next)}` : null}
        continued={p.continued}
        label={t('community.postsPages')}
        words={[t('community.postsFrom'), t('community.postsMore')]}
      />
      {p.mayModerate ? (
        <PostForm ctx={p.ctx} action={`${base}/lock`}>
          <input type="hidden" name="locked" value={topic.locked ? 'no' : 'yes'} />
          <Button variant="secondary">{topic.locked ? t('community.unlock') : t('community.lock')}</Button>
        </PostForm>
      ) : (
        ''
      )}
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
