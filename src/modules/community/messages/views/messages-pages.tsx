import { formatDateTime } from '../../../../kernel/dates.ts'
import type { Page } from '../../../../kernel/pagination.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { KeysetNav, Pagination } from '../../../../kernel/views/pagination.tsx'
import type { InboxRow, Message, Report, Thread } from '../service.ts'

/** The person's conversations, the latest first, the ones with something new marked. */
export function InboxPage(p: {
  ctx: ViewContext
  threads: InboxRow[]
  next: string | null
  continued: boolean
  me: string
}) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('community.messages.title')} section="messages">
      <h1 class="govuk-heading-l">{t('community.messages.title')}</h1>
      <p class="govuk-body">{t('community.messages.intro')}</p>
      {p.threads.length ? (
        <ul class="govuk-list govuk-list--spaced">
          {p.threads.map((th) => (
            <li>
              <a class="govuk-link" href={`/community/messages/${th.id}`} safe>
                {th.subject}
              </a>
              {th.unread ? (
                <>
                  {' '}
                  <strong class="govuk-tag govuk-tag--blue">{t('community.messages.unread')}</strong>
                </>
              ) : (
                ''
              )}
              <br />
              <span class="govuk-body-s" safe>
                {`${th.starter_id === p.me ? th.organisation_name : `${th.starter_name} → ${th.organisation_name}`} · ${formatDateTime(th.last_message_at, lang)}`}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">{t('community.messages.none')}</p>
      )}
      <KeysetNav
        first="/community/messages"
        next={p.next ? `/community/messages?after=${encodeURIComponent(p.next)}` : null}
        continued={p.continued}
        label={t('community.messages.pages')}
        words={[t('community.messages.first'), t('community.messages.more')]}
      />
    </Layout>
  )
}

/** A conversation: its messages, a reply, the person's address shown or not, and a way to report a message. */
export function ThreadPage(p: {
  ctx: ViewContext
  thread: Thread
  messages: Message[]
  next: string | null
  continued: boolean
  revealed: boolean
  me: string
  refused?: { values: FormValues; errors: FieldErrors }
}) {
  const { t, lang } = p.ctx
  const th = p.thread
  // One form refused at a time: the reply, or the report of the message named in it.
  const refusedReport = typeof p.refused?.values.messageId === 'string' ? p.refused.values.messageId : null
  const f = formFields(p.ctx, p.refused?.values, p.refused?.errors)
  const base = `/community/messages/${th.id}`
  return (
    <Layout ctx={p.ctx} title={th.subject} section="messages" errors={p.refused?.errors}>
      {p.refused ? <ErrorSummary ctx={p.ctx} errors={p.refused.errors} /> : ''}
      <p class="govuk-body">
        <a class="govuk-link" href="/community/messages">
          {t('community.messages.title')}
        </a>
      </p>
      <span class="govuk-caption-l">
        {t('community.messages.between', { starter: th.starter_name, organisation: th.organisation_name })}
      </span>
      <h1 class="govuk-heading-l" safe>
        {th.subject}
      </h1>
      {th.request_id ? (
        <p class="govuk-body">
          <a class="govuk-link" href={`/community/partners/requests/${th.request_id}`}>
            {t('community.partners.requests')}
          </a>
        </p>
      ) : (
        ''
      )}
      <ol class="govuk-list siatka-posts">
        {p.messages.map((m) => (
          <li class="siatka-post" id={`message-${m.id}`}>
            <h2 class="govuk-heading-s govuk-!-margin-bottom-1" safe>
              {`${m.author_name} · ${formatDateTime(m.created_at, lang)}`}
            </h2>
            {m.author_email && m.author_id !== p.me ? (
              <p class="govuk-body-s">{t('community.messages.address', { email: m.author_email })}</p>
            ) : (
              ''
            )}
            <p class="govuk-body siatka-pre-line" safe>
              {m.body}
            </p>
            {m.author_id !== p.me ? (
              <details class="govuk-details" open={refusedReport === m.id ? true : undefined}>
                <summary class="govuk-details__summary">
                  <span class="govuk-details__summary-text">{t('community.messages.report')}</span>
                </summary>
                <div class="govuk-details__text">
                  <PostForm ctx={p.ctx} action={`${base}/report`}>
                    <input type="hidden" name="messageId" value={m.id} />
                    {refusedReport === m.id ? (
                      f.textarea('reason', { label: t('community.messages.reason'), rows: 3 })
                    ) : (
                      <div class="govuk-form-group">
                        <label class="govuk-label" for={`reason-${m.id}`}>
                          {t('community.messages.reason')}
                        </label>
                        <textarea class="govuk-textarea" id={`reason-${m.id}`} name="reason" rows="3" />
                      </div>
                    )}
                    <Button variant="warning">
                      {t('community.messages.reportOf', { name: m.author_name })}
                    </Button>
                  </PostForm>
                </div>
              </details>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
      <KeysetNav
        first={base}
        next={p.next ? `${base}?after=${encodeURIComponent(p.next)}` : null}
        continued={p.continued}
        label={t('community.messages.pages')}
        words={[t('community.messages.earlier'), t('community.messages.later')]}
      />
      <h2 class="govuk-heading-m">{t('community.messages.replyLabel')}</h2>
      <PostForm ctx={p.ctx} action={`${base}/messages`}>
        {f.textarea('body', { label: t('community.messages.body'), rows: 5 })}
        <Button>{t('community.messages.reply')}</Button>
      </PostForm>
      <p class="govuk-body">{t(p.revealed ? 'community.messages.shown' : 'community.messages.hidden')}</p>
      {p.revealed ? (
        ''
      ) : (
        <PostForm ctx={p.ctx} action={`${base}/reveal`}>
          <Button variant="secondary">{t('community.messages.reveal')}</Button>
        </PostForm>
      )}
    </Layout>
  )
}

/** Messages reported as abuse, for the secretariat. */
export function ReportsPage(p: { ctx: ViewContext; reports: Report[]; page: Page; hasNext: boolean }) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('community.messages.reports.title')} section="reports">
      <h1 class="govuk-heading-l">{t('community.messages.reports.title')}</h1>
      <p class="govuk-body">{t('community.messages.reports.intro')}</p>
      {p.reports.length ? (
        <ul class="govuk-list govuk-list--spaced">
          {p.reports.map((r) => (
            <li class="siatka-post">
              <h2 class="govuk-heading-s govuk-!-margin-bottom-1" safe>
                {r.subject}
              </h2>
              <p class="govuk-body-s">
                {t('community.messages.reports.from', {
                  name: r.author_name,
                  at: formatDateTime(r.sent_at, lang),
                })}{' '}
                <a class="govuk-link" href={`/people/${r.author_id}`}>
                  {t('community.messages.reports.person')}
                </a>
              </p>
              <p class="govuk-body siatka-pre-line" safe>
                {r.body}
              </p>
              <p class="govuk-body-s">
                {t('community.messages.reports.by', { name: r.reporter_name, reason: r.reason })}
              </p>
              <PostForm ctx={p.ctx} action={`/community/reports/${r.id}/resolve`}>
                <Button variant="secondary">{t('community.messages.reports.resolve')}</Button>
              </PostForm>
            </li>
          ))}
        </ul>
      ) : (
        <p class="govuk-body">{t('community.messages.reports.none')}</p>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/community/reports" query={{}} />
    </Layout>
  )
}
