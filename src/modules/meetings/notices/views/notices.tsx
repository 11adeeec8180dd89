import { formatDate, formatDateTime, safeDay } from '../../../../kernel/dates.ts'
import type { Page } from '../../../../kernel/pagination.ts'
import type { DeliveryStatus } from '../../../../kernel/tables.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Pagination } from '../../../../kernel/views/pagination.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { Warning } from '../../../../kernel/views/warning.tsx'
import { type SpaceMay, SpacePage, StatusTag } from '../../../spaces/index.ts'
import type { Space } from '../../../spaces/service.ts'
import { nameOf } from '../../../spaces/service.ts'
import type { MeetingFact } from '../../rules.ts'
import type { ReceivedNoticesQuery } from '../../schemas.ts'
import type { Meeting } from '../../service.ts'
import type { MeetingKind, NoticeKind } from '../../tables.ts'
import { meetingName, meetingWhen } from '../../views/meeting-name.ts'

export interface NoticeRow {
  id: string
  kind: NoticeKind
  sequence: number
  late_reason: string | null
  changes: string
  sent_at: Date
  sent_by_name: string
  accepted: number
  queued: number
  failed: number
}

export interface NoticeTermsView {
  rules: { noticeDays: number; materialsDays: number }
  noticeBy: string
  materialsBy: string
  notice: 'ahead' | 'soon' | 'missed'
  materials: 'ahead' | 'soon' | 'missed'
}

const kindColour = { request: 'blue', update: 'yellow', cancel: 'red' } as const

/**
 * On the meeting page: the deadlines the rules set (a warning when one is near or missed), the
 * form that sends the notice (a reason required when late), and every notice sent with how its
 * mails stand. Those who only read the space see when the notice went out.
 */
export function NoticeSection(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  meeting: Meeting
  open: boolean
  /** Materials are already on the meeting: the materials deadline needs no warning. */
  hasMaterials: boolean
  terms: NoticeTermsView
  notices: NoticeRow[]
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const m = p.meeting
  const base = `/spaces/${p.space.id}/meetings/${m.id}`
  const days = (count: number) => t('spaces.rules.days', { count })
  if (!p.may['space.convene']) {
    return m.notice_sent_at ? (
      <p class="govuk-body">{t('meetings.notices.sentOn', { date: formatDate(m.notice_sent_at, lang) })}</p>
    ) : (
      ''
    )
  }
  const f = formFields(p.ctx, p.values, p.errors)
  const noticeText = {
    ahead: t('meetings.notices.noticeBy', {
      date: safeDay(p.terms.noticeBy, lang),
      days: days(p.terms.rules.noticeDays),
    }),
    soon: t('meetings.notices.noticeSoon', { date: safeDay(p.terms.noticeBy, lang) }),
    missed: t('meetings.notices.noticeMissed', { date: safeDay(p.terms.noticeBy, lang) }),
  }[p.terms.notice]
  const materialsText = {
    ahead: t('meetings.notices.materialsBy', {
      date: safeDay(p.terms.materialsBy, lang),
      days: days(p.terms.rules.materialsDays),
    }),
    soon: t('meetings.notices.materialsSoon', { date: safeDay(p.terms.materialsBy, lang) }),
    missed: t('meetings.notices.materialsMissed', { date: safeDay(p.terms.materialsBy, lang) }),
  }[p.terms.materials]
  const notSent = p.open && !m.notice_sent_at
  return (
    <section aria-labelledby="notices">
      <h3 class="govuk-heading-m" id="notices">
        {t('meetings.notices.title')}
      </h3>
      {p.open ? (
        <>
          {notSent ? (
            p.terms.notice === 'ahead' ? (
              <p class="govuk-body">{noticeText}</p>
            ) : (
              <Warning ctx={p.ctx} text={noticeText} />
            )
          ) : (
            ''
          )}
          {p.hasMaterials ? (
            <p class="govuk-body">{t('meetings.notices.materialsGiven')}</p>
          ) : p.terms.materials === 'ahead' ? (
            <p class="govuk-body">{materialsText}</p>
          ) : (
            <Warning ctx={p.ctx} text={materialsText} />
          )}
        </>
      ) : (
        ''
      )}
      {notSent ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <PostForm ctx={p.ctx} action={`${base}/notice`}>
              <p class="govuk-body">{t('meetings.notices.sendHint')}</p>
              {p.terms.notice === 'missed'
                ? f.textarea('lateReason', {
                    label: t('meetings.notices.lateReason'),
                    hint: t('meetings.notices.lateReasonHint', {
                      days: days(p.terms.rules.noticeDays),
                      date: safeDay(p.terms.noticeBy, lang),
                    }),
                    rows: 3,
                  })
                : ''}
              <Button>{t('meetings.notices.send')}</Button>
            </PostForm>
          </div>
        </div>
      ) : (
        ''
      )}
      {p.notices.length === 0 ? (
        <p class="govuk-body">{t('meetings.notices.none')}</p>
      ) : (
        <Table
          caption={t('meetings.notices.title')}
          headers={[
            t('meetings.notices.kind'),
            t('meetings.notices.sentAt'),
            t('meetings.notices.sentBy'),
            t('meetings.notices.delivery'),
            { hidden: t('meetings.notices.details') },
          ]}
        >
          {p.notices.map((n) => {
            const title = t('meetings.notices.noticeTitle', {
              kind: t(`meetings.notices.kinds.${n.kind}`),
              date: formatDateTime(n.sent_at, lang),
            })
            const changes = n.changes
              ? n.changes
                  .split(',')
                  .map((c) => t(`meetings.notices.facts.${c as MeetingFact}`))
                  .join(', ')
              : ''
            return (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <StatusTag label={t(`meetings.notices.kinds.${n.kind}`)} colour={kindColour[n.kind]} />
                  {changes ? <p class="govuk-body-s">{t('meetings.notices.changes', { changes })}</p> : ''}
                  {n.late_reason ? (
                    <p class="govuk-body-s">
                      {t('meetings.notices.late')}
                      <span safe>{n.late_reason}</span>
                    </p>
                  ) : (
                    ''
                  )}
                </td>
                <td class="govuk-table__cell" safe>
                  {formatDateTime(n.sent_at, lang)}
                </td>
                <td class="govuk-table__cell" safe>
                  {n.sent_by_name}
                </td>
                <td class="govuk-table__cell">
                  {t('meetings.notices.counts', { accepted: n.accepted, queued: n.queued, failed: n.failed })}
                </td>
                <td class="govuk-table__cell">
                  <a
                    class="govuk-link"
                    href={`${base}/notices/${n.id}`}
                    aria-label={t('meetings.notices.detailsLabel', { notice: title })}
                  >
                    {t('meetings.notices.details')}
                  </a>
                </td>
              </tr>
            )
          })}
        </Table>
      )}
    </section>
  )
}

interface RecipientRow {
  name: string
  recipient: string
  status: DeliveryStatus
  smtp_reply: string | null
  error: string | null
  attempts: number
  updated_at: Date
}

const statusColour = { queued: 'grey', accepted: 'green', failed: 'red' } as const

/** One notice's proof of delivery: each recipient, the state of their mail and the server's reply. */
export function NoticePage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  meeting: Meeting
  notice: Omit<NoticeRow, 'accepted' | 'queued' | 'failed'>
  rows: RecipientRow[]
  page: Page
  hasNext: boolean
}) {
  const { t, lang } = p.ctx
  const base = `/spaces/${p.space.id}/meetings/${p.meeting.id}`
  const title = `${meetingName(t, p.meeting)}: ${t('meetings.notices.noticeTitle', {
    kind: t(`meetings.notices.kinds.${p.notice.kind}`),
    date: formatDateTime(p.notice.sent_at, lang),
  })}`
  return (
    <SpacePage ctx={p.ctx} space={p.space} may={p.may} tab="meetings" title={title}>
      <a class="govuk-back-link" href={`${base}#notices`}>
        {t('meetings.notices.backToMeeting')}
      </a>
      <p class="govuk-body">
        {t('meetings.notices.sentBy')}: <span safe>{p.notice.sent_by_name}</span>.{' '}
        {t('meetings.notices.sequence')}: {p.notice.sequence}.
      </p>
      <Table
        caption={t('meetings.notices.recipients')}
        showCaption
        headers={[
          t('meetings.notices.person'),
          t('meetings.notices.recipient'),
          t('meetings.notices.status'),
          t('meetings.notices.reply'),
          { numeric: t('meetings.notices.attempts') },
        ]}
      >
        {p.rows.map((r) => (
          <tr class="govuk-table__row">
            <td class="govuk-table__cell" safe>
              {r.name}
            </td>
            <td class="govuk-table__cell" safe>
              {r.recipient}
            </td>
            <td class="govuk-table__cell">
              <StatusTag label={t(`meetings.notices.statuses.${r.status}`)} colour={statusColour[r.status]} />
              {r.status === 'queued' ? (
                ''
              ) : (
                <p class="govuk-body-s" safe>
                  {formatDateTime(r.updated_at, lang)}
                </p>
              )}
            </td>
            <td class="govuk-table__cell siatka-break" safe>
              {r.smtp_reply ?? r.error ?? ''}
            </td>
            <td class="govuk-table__cell govuk-table__cell--numeric">{r.attempts}</td>
          </tr>
        ))}
      </Table>
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path={`${base}/notices/${p.notice.id}`}
        query={{}}
      />
    </SpacePage>
  )
}

/** Cancelling a meeting: a reason, which the notice's recipients get with the cancellation. */
export function CancelPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  meeting: Meeting
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const base = `/spaces/${p.space.id}/meetings/${p.meeting.id}`
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <SpacePage
      ctx={p.ctx}
      space={p.space}
      may={p.may}
      tab="meetings"
      title={`${t('meetings.cancel.title')}: ${meetingName(t, p.meeting)}`}
      errors={p.errors}
    >
      <a class="govuk-back-link" href={base}>
        {t('meetings.notices.backToMeeting')}
      </a>
      <p class="govuk-body" safe>
        {meetingWhen(p.meeting, lang)}
      </p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <PostForm ctx={p.ctx} action={`${base}/cancel`}>
            {f.textarea('reason', {
              label: t('meetings.cancel.reason'),
              hint: t('meetings.cancel.reasonHint'),
              rows: 3,
            })}
            <Button variant="warning">{t('meetings.cancel.title')}</Button>
          </PostForm>
        </div>
      </div>
    </SpacePage>
  )
}

interface ReceivedRow {
  id: string
  kind: NoticeKind
  late_reason: string | null
  sent_at: Date
  meeting_id: string
  meeting_kind: MeetingKind
  number: number
  year: number
  subject: string
  starts_at: Date
  ends_at: Date
  space_id: string
  name_pl: string
  name_en: string
}

/** The managing authority's list of every notice it received, newest first. */
export function ReceivedNoticesPage(p: {
  ctx: ViewContext
  rows: ReceivedRow[]
  page: Page
  hasNext: boolean
  query: ReceivedNoticesQuery
}) {
  const { t, lang } = p.ctx
  const f = formFields(p.ctx, p.query)
  return (
    <Layout ctx={p.ctx} title={t('meetings.notices.received')} section="authority">
      <h1 class="govuk-heading-l">{t('meetings.notices.received')}</h1>
      <FilterForm
        action="/authority/notices"
        label={t('meetings.notices.filterLabel')}
        submit={t('forms.filter')}
      >
        {f.select('late', {
          label: t('meetings.notices.show'),
          options: [
            { value: '', label: t('meetings.notices.showAll') },
            { value: '1', label: t('meetings.notices.showLate') },
          ],
        })}
      </FilterForm>
      {p.rows.length === 0 ? (
        <p class="govuk-body">
          {p.query.late ? t('meetings.notices.receivedNoneLate') : t('meetings.notices.receivedNone')}
        </p>
      ) : (
        <Table
          caption={t('meetings.notices.received')}
          headers={[
            t('meetings.notices.sentAt'),
            t('meetings.notices.kind'),
            t('meetings.notices.space'),
            t('meetings.fields.meeting'),
            t('meetings.fields.when'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" safe>
                {formatDateTime(r.sent_at, lang)}
              </td>
              <td class="govuk-table__cell">
                <StatusTag label={t(`meetings.notices.kinds.${r.kind}`)} colour={kindColour[r.kind]} />
                {r.late_reason ? (
                  <p class="govuk-body-s">
                    <strong class="govuk-tag govuk-tag--red">{t('meetings.notices.lateTag')}</strong>{' '}
                    {t('meetings.notices.reason')}
                    <span safe>{r.late_reason}</span>
                  </p>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell" safe>
                {nameOf(r, lang)}
              </td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/spaces/${r.space_id}/meetings/${r.meeting_id}`} safe>
                  {meetingName(t, { kind: r.meeting_kind, number: r.number, year: r.year })}
                </a>
                {r.subject ? <span safe>{`: ${r.subject}`}</span> : ''}
              </td>
              <td class="govuk-table__cell" safe>
                {meetingWhen(r, lang)}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path="/authority/notices"
        query={p.query.late ? { late: p.query.late } : {}}
      />
    </Layout>
  )
}
