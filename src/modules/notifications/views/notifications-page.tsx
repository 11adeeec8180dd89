import { formatDateTime } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { PostForm } from '../../../kernel/views/fields.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { notificationNote, notificationText } from '../service.ts'

interface Row {
  id: string
  kind: string
  params: Record<string, string>
  created_at: Date
  read_at: Date | null
}

/** The notification centre: newest first, unread ones marked in words, each a link to its subject. */
export function NotificationsPage(p: { ctx: ViewContext; rows: Row[]; page: Page; hasNext: boolean }) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('notifications.title')}>
      <h1 class="govuk-heading-l">{t('notifications.title')}</h1>
      <p class="govuk-body">
        <a class="govuk-link" href="/notifications/settings">
          {t('notifications.settingsLink')}
        </a>
      </p>
      {p.ctx.unread > 0 ? (
        <PostForm ctx={p.ctx} action="/notifications/read">
          <button type="submit" class="govuk-button govuk-button--secondary">
            {t('notifications.markAllRead')}
          </button>
        </PostForm>
      ) : (
        ''
      )}
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('notifications.none')}</p>
      ) : (
        <ul class="govuk-list">
          {p.rows.map((n) => {
            const note = notificationNote(lang, n.params)
            return (
              <li class="govuk-!-margin-bottom-4">
                {n.read_at ? (
                  ''
                ) : (
                  <strong class="govuk-tag govuk-tag--blue govuk-!-margin-right-2">
                    {t('notifications.unread')}
                  </strong>
                )}
                <a
                  class={`govuk-link${n.read_at ? '' : ' govuk-!-font-weight-bold'}`}
                  href={`/notifications/${n.id}`}
                  safe
                >
                  {notificationText(lang, n.kind, n.params)}
                </a>
                {note ? (
                  <p class="govuk-body-s" safe>
                    {note}
                  </p>
                ) : (
                  <br />
                )}
                <span class="govuk-body-s" safe>
                  {formatDateTime(n.created_at, lang)}
                </span>
              </li>
            )
          })}
        </ul>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/notifications" query={{}} />
    </Layout>
  )
}
