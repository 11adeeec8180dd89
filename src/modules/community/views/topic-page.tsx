import { formatDateTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import { postCan } from '../../../kernel/policy.ts'
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
import type { Attachment } from '../attachments.ts'
import type { Forum } from '../forums.ts'
import type { Post, Reader, Topic } from '../service.ts'
import type { FollowDelivery } from '../tables.ts'
import { FollowForm } from './follow-form.tsx'
import { TopicTags } from './forum-page.tsx'
import { inLang, SignInToWrite } from './forums-page.tsx'
import { AttachmentList } from './post-pages.tsx'
import { PostText } from './post-text.tsx'

/** What a reader may do with a post beside reading it, and where its links lead. */
interface PostTools {
  reader: Reader
  signedIn: boolean
  /** The topic is open to this reader's reply (a quote link fills the form). */
  mayReply: boolean
  locked: boolean
  /** This page's address, for a quote link that stays on it. */
  here: string
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

/** A moderator's buttons for a post: approve or reject one waiting, hide one published, show one hidden. */
function ModeratorButtons(p: { ctx: ViewContext; post: Post }) {
  const { t } = p.ctx
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
        <PostForm ctx={p.ctx} action={`/community/posts/${p.post.id}/${action}`}>
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

/**
 * A post's links: reply quoting it, edit it (its author, a moderator), report it (a reader), its
 * history (moderators, once edited). Each names the post for a screen reader's list of links.
 */
function PostLinks(p: { ctx: ViewContext; post: Post; when: string; tools: PostTools }) {
  const { t } = p.ctx
  const { reader } = p.tools
  const published = p.post.state === 'published'
  const access = { authorId: p.post.author_id, hidden: p.post.state === 'hidden', locked: p.tools.locked }
  const base = `/community/posts/${p.post.id}`
  const links: [string, string][] = []
  if (p.tools.mayReply && published) {
    const sep = p.tools.here.includes('?') ? '&' : '?'
    links.push([`${p.tools.here}${sep}quote=${p.post.id}#reply`, t('community.posts.quote')])
  }
  if (postCan(p.ctx.actor, 'post.edit', access)) {
    links.push([`${base}/edit`, t('community.posts.editLink')])
    links.push([`${base}/attachments`, t('community.attachments.link')])
  }
  if (p.tools.signedIn && !reader.moderator && p.post.author_id !== reader.id && published)
    links.push([`${base}/flag`, t('community.posts.flagLink')])
  if (p.post.edited_at && postCan(p.ctx.actor, 'post.history', access))
    links.push([`${base}/history`, t('community.posts.historyLink')])
  if (links.length === 0) return ''
  const safeOf = t('community.posts.of', { author: p.post.author_name, when: p.when })
  return (
    <ul class="siatka-links govuk-body-s">
      {links.map(([href, safeLabel]) => (
        <li>
          <a class="govuk-link" href={href}>
            {safeLabel}
            <span class="govuk-visually-hidden"> ({safeOf})</span>
          </a>
        </li>
      ))}
    </ul>
  )
}

/** One post: who wrote it and when (a heading a screen reader jumps between), and its text. */
function PostArticle(p: {
  ctx: ViewContext
  post: Post
  lang: string
  accepted: boolean
  /** Written by someone else since the reader's last visit. */
  isNew?: boolean
  files: readonly Attachment[]
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
        {p.isNew ? (
          <>
            {' '}
            <strong class="govuk-tag govuk-tag--red">{t('community.unread.newPost')}</strong>
          </>
        ) : (
          ''
        )}
        {p.post.edited_at ? (
          <span class="siatka-muted" safe>
            {` · ${t('community.posts.edited', { when: formatDateTime(p.post.edited_at, lang) })}`}
          </span>
        ) : (
          ''
        )}
        <StateTag ctx={p.ctx} post={p.post} />
      </p>
      {hiddenFromReader ? (
        <p class="govuk-body siatka-muted">{t('community.moderation.hiddenText')}</p>
      ) : (
        <>
          <div lang={p.lang}>
            <PostText body={p.post.body} />
          </div>
          <AttachmentList ctx={p.ctx} files={p.files} />
        </>
      )}
      {p.post.state === 'held' && p.post.author_id === p.tools.reader.id ? (
        <p class="govuk-inset-text">{t('community.moderation.heldNote')}</p>
      ) : (
        ''
      )}
      {p.tools.reader.moderator ? <ModeratorButtons ctx={p.ctx} post={p.post} /> : ''}
      <PostLinks ctx={p.ctx} post={p.post} when={when} tools={p.tools} />
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
  /** A post quoted into the reply form (the reader followed its quote link). */
  quoted?: string
  /** The cursor this page continues after, kept by the quote links. */
  after?: string | null
  /** How the signed-in reader follows the topic (undefined: they do not). */
  following?: FollowDelivery
  /** How far the reader had read before this visit (null: never; undefined: nobody signed in). */
  readBefore?: Date | null
  /** The files attached to the posts shown. */
  files?: readonly Attachment[]
  refused?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const topic = p.topic
  const base = `/community/topics/${topic.id}`
  const f = formFields(
    p.ctx,
    p.refused?.values ?? { forumId: topic.forum_id, body: p.quoted ?? '' },
    p.refused?.errors,
  )
  const forum = inLang(lang, topic.forum_pl, topic.forum_en)
  // Posts others wrote since the reader's last visit are new; the page opens with a link to the first.
  const readBefore = p.readBefore
  const isNew = (post: Post) =>
    readBefore !== undefined &&
    readBefore !== null &&
    post.created_at > readBefore &&
    post.author_id !== p.reader.id
  const firstNew = p.posts.find(isNew)
  const tools: PostTools = {
    reader: p.reader,
    signedIn: p.signedIn,
    mayReply: p.mayReply,
    locked: topic.locked,
    here: p.after ? `${base}?after=${encodeURIComponent(p.after)}` : base,
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
      {firstNew ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`#post-${firstNew.id}`}>
            {t('community.unread.firstUnread')}
          </a>
        </p>
      ) : (
        ''
      )}
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
          <div lang={topic.lang}>
            <PostText body={p.answer.body} />
          </div>
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
          isNew={isNew(post)}
          files={(p.files ?? []).filter((file) => file.post_id === post.id)}
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
      {p.signedIn ? <FollowForm ctx={p.ctx} base={base} what="topic" current={p.following} /> : ''}
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
                  hint: `${t('community.bodyHint')} ${t('community.posts.mentionHint')}`,
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
        {p.topic.accepted_post_id && !p.topic.space_id ? (
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
