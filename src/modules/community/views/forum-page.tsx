import { formatDateTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { KeysetNav } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { Forum } from '../forums.ts'
import { contentLanguages, type ForumQuery } from '../schemas.ts'
import type { TopicRow } from '../service.ts'
import type { FollowDelivery } from '../tables.ts'
import { FollowForm } from './follow-form.tsx'
import { inLang, MembersOnly, SignInToWrite } from './forums-page.tsx'

/** A topic's state as a tag: a question answered or waiting, a locked topic. */
export function TopicTags(p: {
  ctx: ViewContext
  topic: Pick<TopicRow, 'is_question' | 'accepted_post_id' | 'locked'> & { pinned?: boolean }
}) {
  const { t } = p.ctx
  const tags: [string, string][] = []
  if (p.topic.pinned) tags.push([t('community.moderation.pinnedTag'), 'blue'])
  if (p.topic.is_question)
    tags.push(
      p.topic.accepted_post_id ? [t('community.answered'), 'green'] : [t('community.waiting'), 'yellow'],
    )
  if (p.topic.locked) tags.push([t('community.locked'), 'grey'])
  return (
    <>
      {tags.map(([text, colour]) => (
        <>
          {' '}
          <strong class={`govuk-tag govuk-tag--${colour}`} safe>
            {text}
          </strong>
        </>
      ))}
    </>
  )
}

/**
 * A forum: its topics by latest activity (or its questions still waiting for an answer, oldest
 * first), 25 a page by keyset, in the languages the reader picks; whoever is signed in starts a
 * topic below.
 */
export function ForumPage(p: {
  ctx: ViewContext
  forum: Forum
  query: ForumQuery
  /** Pinned by moderators: above the list, on its first page. */
  pinned: TopicRow[]
  topics: TopicRow[]
  next: string | null
  mayPost: boolean
  /** How the signed-in reader follows the forum (undefined: they do not). */
  following?: FollowDelivery
  refused?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const name = inLang(lang, p.forum.name_pl, p.forum.name_en)
  const base = `/community/forums/${p.forum.id}`
  const kept = new URLSearchParams({ show: p.query.show, language: p.query.language })
  const f = formFields(p.ctx, p.refused?.values ?? { lang }, p.refused?.errors)
  const filters = formFields(p.ctx, { show: p.query.show, language: p.query.language })
  return (
    <Layout ctx={p.ctx} title={name} section="forums" errors={p.refused?.errors}>
      {p.refused ? <ErrorSummary ctx={p.ctx} errors={p.refused.errors} /> : ''}
      <p class="govuk-body">
        <a class="govuk-link" href="/community">
          {t('community.back')}
        </a>
      </p>
      <span class="govuk-caption-l">{t('community.forum')}</span>
      <h1 class="govuk-heading-l" safe>
        {name}
      </h1>
      <MembersOnly ctx={p.ctx} forum={p.forum} />
      <p class="govuk-body" safe>
        {inLang(lang, p.forum.description_pl, p.forum.description_en)}
      </p>
      {p.forum.space_id ? (
        ''
      ) : (
        <p class="govuk-body-s">
          {t('community.feeds.subscribe')}:{' '}
          <a class="govuk-link" href={`${base}/feed.atom`} type="application/atom+xml">
            {t('community.feeds.forum')}
          </a>
          {' · '}
          <a class="govuk-link" href={`${base}/feed.rss`} type="application/rss+xml">
            {t('community.feeds.forumRss')}
          </a>
        </p>
      )}
      <FilterForm action={base} label={t('community.filters')} submit={t('community.apply')}>
        <div class="siatka-filters__row">
          {filters.select('show', {
            label: t('community.show'),
            options: [
              { value: 'all', label: t('community.showAll') },
              { value: 'unanswered', label: t('community.showUnanswered') },
            ],
          })}
          {filters.select('language', {
            label: t('community.language'),
            options: [
              { value: 'all', label: t('community.allLanguages') },
              ...contentLanguages.map((l) => ({ value: l, label: t(`community.languages.${l}`) })),
            ],
          })}
        </div>
      </FilterForm>
      {p.pinned.length + p.topics.length ? (
        <Table
          caption={p.query.show === 'unanswered' ? t('community.unanswered') : t('community.topics')}
          headers={[
            t('community.topicColumns.title'),
            t('community.topicColumns.author'),
            { numeric: t('community.topicColumns.posts') },
            t('community.topicColumns.last'),
          ]}
        >
          {[...p.pinned, ...p.topics].map((topic) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/community/topics/${topic.id}`} lang={topic.lang} safe>
                  {topic.title}
                </a>
                <TopicTags ctx={p.ctx} topic={topic} />
                {topic.read_until && topic.last_post_at > topic.read_until ? (
                  <>
                    {' '}
                    <a class="govuk-link govuk-body-s" href={`/community/topics/${topic.id}/unread`}>
                      <strong class="govuk-tag govuk-tag--red">{t('community.unread.newTag')}</strong>
                      <span class="govuk-visually-hidden" safe>
                        {` ${t('community.unread.firstUnreadOf', { title: topic.title, ...unescaped })}`}
                      </span>
                    </a>
                  </>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell" safe>
                {topic.author_name}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                {String(topic.post_count)}
              </td>
              <td class="govuk-table__cell" safe>
                {formatDateTime(topic.last_post_at, lang)}
              </td>
            </tr>
          ))}
        </Table>
      ) : (
        <p class="govuk-body">{t('community.noTopics')}</p>
      )}
      <KeysetNav
        first={`${base}?${kept}`}
        next={p.next ? `${base}?${kept}&after=${encodeURIComponent(p.next)}` : null}
        continued={p.query.after !== null}
        label={t('community.pages')}
        words={[t('community.first'), t('community.more')]}
      />
      {p.ctx.actor ? <FollowForm ctx={p.ctx} base={base} what="forum" current={p.following} /> : ''}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m" id="new-topic">
            {t('community.newTopic')}
          </h2>
          {p.mayPost ? (
            <PostForm ctx={p.ctx} action={`${base}/topics`}>
              {f.text('title', { label: t('community.topicTitle') })}
              {f.radios('lang', {
                label: t('community.topicLang'),
                inline: true,
                options: contentLanguages.map((l) => ({ value: l, label: t(`community.languages.${l}`) })),
              })}
              {f.checkboxes('isQuestion', {
                label: t('community.kind'),
                hint: t('community.questionHint'),
                options: [{ value: 'yes', label: t('community.isQuestion') }],
              })}
              {f.textarea('body', { label: t('community.body'), hint: t('community.bodyHint'), rows: 8 })}
              <Button>{t('community.createTopic')}</Button>
            </PostForm>
          ) : (
            <SignInToWrite ctx={p.ctx} back={base} />
          )}
        </div>
      </div>
    </Layout>
  )
}
