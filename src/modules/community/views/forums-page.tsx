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
import { Layout } from '../../../kernel/views/layout.tsx'
import type { ForumRow, SpaceChoice } from '../forums.ts'

/** A forum's name, description or the like in the reader's language (the Polish one where no English was given). */
export const inLang = (lang: 'pl' | 'en', pl: string, en: string) => (lang === 'en' && en ? en : pl)

/**
 * The community's forums: each with what it is for, its topics, its questions waiting for an
 * answer and its latest post; the secretariat creates forums here.
 */
export function ForumsPage(p: {
  ctx: ViewContext
  forums: ForumRow[]
  /** The spaces a members-only forum may be opened for (for the secretariat). */
  spaces: SpaceChoice[]
  mayManage: boolean
  refused?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const f = formFields(p.ctx, p.refused?.values ?? {}, p.refused?.errors)
  return (
    <Layout ctx={p.ctx} title={t('community.title')} section="forums" errors={p.refused?.errors}>
      {p.refused ? <ErrorSummary ctx={p.ctx} errors={p.refused.errors} /> : ''}
      <h1 class="govuk-heading-l">{t('community.title')}</h1>
      <p class="govuk-body">{t('community.intro')}</p>
      <ul class="govuk-list siatka-actions">
        <li>
          <a class="govuk-link" href="/community/search">
            {t('community.searchLink')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href="/community/experts">
            {t('community.expertsLink')}
          </a>
        </li>
        {p.ctx.actor ? (
          <li>
            <a class="govuk-link" href="/community/profile">
              {t('community.profileLink')}
            </a>
          </li>
        ) : (
          ''
        )}
        <li>
          <a class="govuk-link" href="/community/unanswered.atom" type="application/atom+xml">
            {t('community.feeds.questions')}
          </a>{' '}
          (
          <a class="govuk-link" href="/community/unanswered.rss" type="application/rss+xml">
            {t('community.feeds.questionsRss')}
          </a>
          )
        </li>
      </ul>
      {p.forums.length ? (
        <ul class="govuk-list govuk-list--spaced">
          {p.forums.map((forum) => (
            <li>
              <h2 class="govuk-heading-m govuk-!-margin-bottom-1">
                <a class="govuk-link" href={`/community/forums/${forum.id}`} safe>
                  {inLang(lang, forum.name_pl, forum.name_en)}
                </a>
              </h2>
              <MembersOnly ctx={p.ctx} forum={forum} />
              <p class="govuk-body govuk-!-margin-bottom-1" safe>
                {inLang(lang, forum.description_pl, forum.description_en)}
              </p>
              <p class="govuk-body-s govuk-!-margin-bottom-0">
                {t('community.topicCount', { count: forum.topics ?? 0 })}
                {forum.unanswered ? (
                  <>
                    {' · '}
                    <a class="govuk-link" href={`/community/forums/${forum.id}?show=unanswered`}>
                      {t('community.unansweredCount', { count: forum.unanswered })}
                    </a>
                  </>
                ) : (
                  ''
                )}
                {' · '}
                {t('community.lastPost')}:{' '}
                {forum.last_post_at
                  ? formatDateTime(new Date(forum.last_post_at), lang)
                  : t('community.noPosts')}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">{t('community.none')}</p>
      )}
      {p.mayManage ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h2 class="govuk-heading-m">{t('community.newForum')}</h2>
            <PostForm ctx={p.ctx} action="/community/forums">
              {f.text('namePl', { label: t('community.namePl') })}
              {f.text('nameEn', { label: t('community.nameEn') })}
              {f.textarea('descriptionPl', { label: t('community.descriptionPl'), rows: 2 })}
              {f.textarea('descriptionEn', { label: t('community.descriptionEn'), rows: 2 })}
              {f.select('space', {
                label: t('community.forumSpace'),
                hint: t('community.forumSpaceHint'),
                options: [
                  { value: '', label: t('community.forumOpen') },
                  ...p.spaces.map((s) => ({ value: s.id, label: inLang(lang, s.name_pl, s.name_en) })),
                ],
              })}
              <Button>{t('community.createForum')}</Button>
            </PostForm>
          </div>
        </div>
      ) : (
        ''
      )}
    </Layout>
  )
}

/** A members-only forum says so, and whose members read it. */
export function MembersOnly(p: {
  ctx: ViewContext
  forum: { space_id: string | null; space_pl: string | null; space_en: string | null }
}) {
  if (!p.forum.space_id) return ''
  const space = inLang(p.ctx.lang, p.forum.space_pl ?? '', p.forum.space_en ?? '')
  return (
    <p class="govuk-body-s govuk-!-margin-bottom-1">
      <strong class="govuk-tag govuk-tag--purple">{p.ctx.t('community.membersOnly')}</strong>{' '}
      {p.ctx.t('community.membersOnlyOf', { space })}
    </p>
  )
}

/** Where a visitor would write: a link to sign in that comes back to this page. */
export function SignInToWrite(p: { ctx: ViewContext; back: string }) {
  return (
    <p class="govuk-body">
      <a class="govuk-link" href={`/sign-in?next=${encodeURIComponent(p.back)}`}>
        {p.ctx.t('community.signInToWrite')}
      </a>
    </p>
  )
}
