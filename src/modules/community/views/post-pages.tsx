import type { Children } from '@kitajs/html'
import { formatDateTime } from '../../../kernel/dates.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { fileSize } from '../../../kernel/views/file-size.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import { KeysetNav } from '../../../kernel/views/pagination.tsx'
import type { Attachment } from '../attachments.ts'
import type { FoundPost, PostVersion } from '../posts.ts'
import type { Topic } from '../service.ts'
import { PostText } from './post-text.tsx'

/** A page about one post: its title, the errors of its form, and a link back to the post in its topic. */
function PostPage(p: {
  ctx: ViewContext
  post: FoundPost
  topic: Topic
  title: string
  errors?: FieldErrors
  children: Children
}) {
  return (
    <Layout ctx={p.ctx} title={p.title} section="forums" errors={p.errors}>
      {p.errors ? <ErrorSummary ctx={p.ctx} errors={p.errors} /> : ''}
      <p class="govuk-body">
        <a class="govuk-link" href={`/community/posts/${p.post.id}`}>
          {p.ctx.t('community.posts.back', { title: p.topic.title })}
        </a>
      </p>
      {p.children}
    </Layout>
  )
}

/** A post's text changed by its author or a moderator; the form carries when it was last edited (a stale form is refused). */
export function EditPostPage(p: {
  ctx: ViewContext
  post: FoundPost
  topic: Topic
  values: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <PostPage ctx={p.ctx} post={p.post} topic={p.topic} title={t('community.posts.edit')} errors={p.errors}>
      <span class="govuk-caption-l" lang={p.topic.lang} safe>
        {p.topic.title}
      </span>
      <h1 class="govuk-heading-l">{t('community.posts.edit')}</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">{t('community.posts.editIntro')}</p>
          <PostForm ctx={p.ctx} action={`/community/posts/${p.post.id}/edit`}>
            <input type="hidden" name="edited" value={String(p.values.edited ?? '')} />
            {f.textarea('body', {
              label: t('community.posts.text'),
              hint: t('community.bodyHint'),
              rows: 12,
            })}
            <Button>{t('community.posts.save')}</Button>
          </PostForm>
        </div>
      </div>
    </PostPage>
  )
}

/** For moderators: the texts a post had before its edits, the current one first. */
export function PostHistoryPage(p: {
  ctx: ViewContext
  post: FoundPost
  topic: Topic
  versions: PostVersion[]
  /** The cursor of the next page of earlier texts, and whether this page continues another. */
  next: string | null
  continued: boolean
}) {
  const { t, lang } = p.ctx
  const base = `/community/posts/${p.post.id}/history`
  return (
    <PostPage ctx={p.ctx} post={p.post} topic={p.topic} title={t('community.posts.history')}>
      <span class="govuk-caption-l">{t('community.postBy', { author: p.post.author_name })}</span>
      <h1 class="govuk-heading-l">{t('community.posts.history')}</h1>
      <h2 class="govuk-heading-m">{t('community.posts.current')}</h2>
      <p class="govuk-body-s">
        {p.post.edited_at
          ? t('community.posts.editedOn', { when: formatDateTime(p.post.edited_at, lang) })
          : ''}
      </p>
      <div lang={p.topic.lang}>
        <PostText body={p.post.body} />
      </div>
      {p.versions.length ? (
        <ol class="govuk-list">
          {p.versions.map((v) => (
            <li class="siatka-version">
              <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                {t('community.posts.version', {
                  who: v.written_by_name,
                  when: formatDateTime(v.written_at, lang),
                  replaced: formatDateTime(v.replaced_at, lang),
                })}
              </h2>
              <div lang={p.topic.lang}>
                <PostText body={v.body} />
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p class="govuk-body">{t('community.posts.noVersions')}</p>
      )}
      <KeysetNav
        first={base}
        next={p.next ? `${base}?after=${encodeURIComponent(p.next)}` : null}
        continued={p.continued}
        label={t('community.posts.versionsPages')}
        words={[t('community.posts.versionsFirst'), t('community.posts.versionsMore')]}
      />
    </PostPage>
  )
}

/** A reader tells the moderators what is wrong with a post. */
export function FlagPostPage(p: {
  ctx: ViewContext
  post: FoundPost
  topic: Topic
  values: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <PostPage
      ctx={p.ctx}
      post={p.post}
      topic={p.topic}
      title={t('community.moderation.flag')}
      errors={p.errors}
    >
      <h1 class="govuk-heading-l">{t('community.moderation.flag')}</h1>
      <div class="govuk-inset-text">
        <p class="govuk-body-s govuk-!-font-weight-bold">
          {t('community.postBy', { author: p.post.author_name })}
        </p>
        <div lang={p.topic.lang}>
          <PostText body={p.post.body} />
        </div>
      </div>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <PostForm ctx={p.ctx} action={`/community/posts/${p.post.id}/flag`}>
            {f.textarea('reason', { label: t('community.moderation.flagReason'), rows: 3 })}
            <Button>{t('community.moderation.flagSend')}</Button>
          </PostForm>
        </div>
      </div>
    </PostPage>
  )
}

/** A post's files as links to download them, with their sizes. */
export function AttachmentList(p: { ctx: ViewContext; files: readonly Attachment[] }) {
  if (p.files.length === 0) return ''
  return (
    <ul class="govuk-list govuk-body-s siatka-attachments">
      {p.files.map((file) => (
        <li>
          <a class="govuk-link" href={`/community/attachments/${file.id}`} safe>
            {file.original_name}
          </a>{' '}
          <span class="siatka-muted" safe>
            ({fileSize(file.size_bytes, p.ctx.lang)})
          </span>
        </li>
      ))}
    </ul>
  )
}

/** A post's files: its author (or a moderator) adds one at a time and removes them. */
export function AttachmentsPage(p: {
  ctx: ViewContext
  post: FoundPost
  topic: Topic
  attachments: Attachment[]
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, {}, p.errors)
  const action = `/community/posts/${p.post.id}/attachments`
  return (
    <PostPage
      ctx={p.ctx}
      post={p.post}
      topic={p.topic}
      title={t('community.attachments.title')}
      errors={p.errors}
    >
      <span class="govuk-caption-l">{t('community.postBy', { author: p.post.author_name })}</span>
      <h1 class="govuk-heading-l">{t('community.attachments.title')}</h1>
      {p.attachments.length ? (
        <ul class="govuk-list">
          {p.attachments.map((file) => (
            <li class="siatka-actions">
              <a class="govuk-link govuk-!-margin-right-3" href={`/community/attachments/${file.id}`} safe>
                {file.original_name}
              </a>
              <PostForm ctx={p.ctx} action={`${action}/remove`}>
                <input type="hidden" name="attachmentId" value={file.id} />
                <Button variant="warning">
                  <span>{t('community.attachments.remove')}</span>
                  <span class="govuk-visually-hidden" safe>
                    {` ${file.original_name}`}
                  </span>
                </Button>
              </PostForm>
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">{t('community.attachments.none')}</p>
      )}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <PostForm ctx={p.ctx} action={action} upload>
            {f.file('file', {
              label: t('community.attachments.file'),
              hint: t('community.attachments.hint'),
            })}
            <Button>{t('community.attachments.add')}</Button>
          </PostForm>
        </div>
      </div>
    </PostPage>
  )
}
