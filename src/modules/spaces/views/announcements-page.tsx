import { formatDateTime } from '../../../kernel/dates.ts'
import { safeMarkdown } from '../../../kernel/markdown.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../kernel/views/fields.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import type { Space } from '../service.ts'
import { type SpaceMay, SpacePage, StatusTag } from './space-page.tsx'

interface Announcement {
  id: string
  title: string
  body: string
  is_pinned: boolean
  created_at: Date
  author_name: string
}

export function AnnouncementsPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  rows: Announcement[]
  page: Page
  hasNext: boolean
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const s = p.space
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <SpacePage
      ctx={p.ctx}
      space={s}
      may={p.may}
      tab="announcements"
      title={t('spaces.announcements.title')}
      errors={p.errors}
    >
      {p.rows.length === 0 ? <p class="govuk-body">{t('spaces.announcements.none')}</p> : ''}
      {p.rows.map((a) => (
        <article class="siatka-prose govuk-!-margin-bottom-8" aria-labelledby={`announcement-${a.id}`}>
          <h3 class="govuk-heading-m" id={`announcement-${a.id}`}>
            <span safe>{a.title}</span>
            {a.is_pinned ? (
              <>
                {' '}
                <StatusTag label={t('spaces.announcements.pinnedBadge')} colour="blue" />
              </>
            ) : (
              ''
            )}
          </h3>
          <p class="govuk-body-s">
            {t('spaces.announcements.meta')}:{' '}
            <span safe>{`${a.author_name}, ${formatDateTime(a.created_at, lang)}`}</span>
          </p>
          {safeMarkdown(a.body, 4)}
          {p.may['space.manage'] ? (
            <PostForm ctx={p.ctx} action={`/spaces/${s.id}/announcements/${a.id}/pin`}>
              <input type="hidden" name="pinned" value={a.is_pinned ? 'no' : 'yes'} />
              <button
                type="submit"
                class="govuk-button govuk-button--secondary"
                aria-label={
                  a.is_pinned
                    ? t('spaces.announcements.unpinLabel', { title: a.title })
                    : t('spaces.announcements.pinLabel', { title: a.title })
                }
              >
                {a.is_pinned ? t('spaces.announcements.unpin') : t('spaces.announcements.pin')}
              </button>
            </PostForm>
          ) : (
            ''
          )}
        </article>
      ))}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path={`/spaces/${s.id}/announcements`}
        query={{}}
      />
      {p.may['space.manage'] ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h3 class="govuk-heading-m" id="new-announcement">
              {t('spaces.announcements.new')}
            </h3>
            <PostForm ctx={p.ctx} action={`/spaces/${s.id}/announcements`}>
              {f.text('title', { label: t('spaces.announcements.titleField') })}
              {f.textarea('body', {
                label: t('spaces.announcements.body'),
                hint: t('spaces.announcements.bodyHint'),
                rows: 8,
              })}
              {f.checkboxes('isPinned', {
                label: t('spaces.announcements.pinnedBadge'),
                options: [{ value: 'yes', label: t('spaces.announcements.isPinned') }],
              })}
              <Button>{t('spaces.announcements.publish')}</Button>
            </PostForm>
          </div>
        </div>
      ) : (
        ''
      )}
    </SpacePage>
  )
}
