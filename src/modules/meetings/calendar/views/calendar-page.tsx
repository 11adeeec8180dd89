import { warsawDayAndTime } from '../../../../kernel/dates.ts'
import type { Page } from '../../../../kernel/pagination.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Pagination } from '../../../../kernel/views/pagination.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { MonthTable, StatusTag } from '../../../spaces/index.ts'
import { nameOf } from '../../../spaces/service.ts'
import { meetingName, meetingWhen } from '../../views/meeting-name.ts'
import type { CalendarRow } from '../service.ts'

function Views(p: { ctx: ViewContext; current: 'list' | 'month' }) {
  const { t } = p.ctx
  const link = (view: 'list' | 'month', label: string) =>
    view === p.current ? (
      <a class="siatka-tabs__link" href={`/calendar?view=${view}`} aria-current="page" safe>
        {label}
      </a>
    ) : (
      <a class="siatka-tabs__link" href={`/calendar?view=${view}`} safe>
        {label}
      </a>
    )
  return (
    <nav aria-label={t('meetings.calendar.views')}>
      <ul class="siatka-tabs">
        <li>{link('list', t('meetings.calendar.list'))}</li>
        <li>{link('month', t('meetings.calendar.month'))}</li>
      </ul>
    </nav>
  )
}

const href = (m: CalendarRow) => `/spaces/${m.space_id}/meetings/${m.id}`

function Intro(p: { ctx: ViewContext }) {
  const { t } = p.ctx
  return (
    <p class="govuk-body">
      {t('meetings.calendar.intro')}{' '}
      <a class="govuk-link" href="/calendar/feeds">
        {t('meetings.calendar.feeds')}
      </a>
    </p>
  )
}

/** The next meetings of every space the person reads, a page at a time. */
export function CalendarListPage(p: { ctx: ViewContext; rows: CalendarRow[]; page: Page; hasNext: boolean }) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('meetings.calendar.title')} section="calendar">
      <h1 class="govuk-heading-l">{t('meetings.calendar.title')}</h1>
      <Intro ctx={p.ctx} />
      <Views ctx={p.ctx} current="list" />
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('meetings.calendar.none')}</p>
      ) : (
        <Table
          caption={t('meetings.calendar.upcoming')}
          headers={[
            t('meetings.fields.when'),
            t('meetings.fields.meeting'),
            t('meetings.notices.space'),
            t('meetings.fields.where'),
          ]}
        >
          {p.rows.map((m) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" safe>
                {meetingWhen(m, lang)}
              </td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={href(m)} safe>
                  {meetingName(t, m)}
                </a>
                {m.subject ? <span safe>{`: ${m.subject}`}</span> : ''}
                {m.status === 'cancelled' ? (
                  <>
                    {' '}
                    <StatusTag label={t('meetings.cancelled')} colour="red" />
                  </>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell" safe>
                {nameOf(m, lang)}
              </td>
              <td class="govuk-table__cell siatka-break" safe>
                {[m.place, m.online_url ? t('meetings.online') : ''].filter(Boolean).join(' + ')}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/calendar" query={{ view: 'list' }} />
    </Layout>
  )
}

/** A month of meetings across spaces: each day's meetings in its cell, with their time and space. */
export function CalendarMonthPage(p: { ctx: ViewContext; month: string; rows: CalendarRow[] }) {
  const { t, lang } = p.ctx
  const byDay = new Map<string, CalendarRow[]>()
  for (const m of p.rows) {
    const day = warsawDayAndTime(m.starts_at).day
    const list = byDay.get(day)
    if (list) list.push(m)
    else byDay.set(day, [m])
  }
  return (
    <Layout ctx={p.ctx} title={t('meetings.calendar.title')} section="calendar">
      <h1 class="govuk-heading-l">{t('meetings.calendar.title')}</h1>
      <Intro ctx={p.ctx} />
      <Views ctx={p.ctx} current="month" />
      {p.rows.length === 0 ? <p class="govuk-body">{t('meetings.calendar.nothingThisMonth')}</p> : ''}
      <MonthTable
        ctx={p.ctx}
        month={p.month}
        href={(month) => `/calendar?view=month&month=${month}`}
        previous={t('spaces.schedule.previousMonth')}
        next={t('spaces.schedule.nextMonth')}
        day={(d) => (
          <ul class="siatka-tag-list">
            {(byDay.get(d) ?? []).map((m) => (
              <li class="govuk-body-s">
                <span safe>{warsawDayAndTime(m.starts_at).time}</span>{' '}
                <a class="govuk-link" href={href(m)} safe>
                  {`${meetingName(t, m)} – ${nameOf(m, lang)}`}
                </a>
                {m.status === 'cancelled' ? <span safe>{` (${t('meetings.cancelled')})`}</span> : ''}
              </li>
            ))}
          </ul>
        )}
      />
    </Layout>
  )
}

interface Feed {
  id: string
  space_id: string | null
  created_at: Date
  name_pl: string | null
  name_en: string | null
}

/**
 * Private calendar addresses: for all the person's meetings or one space's. A new address is shown
 * once (only its hash is kept); one that leaked is revoked and stops working at once.
 */
export function FeedsPage(p: {
  ctx: ViewContext
  feeds: Feed[]
  spaces: { id: string; name_pl: string; name_en: string }[]
  created?: string
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  return (
    <Layout ctx={p.ctx} title={t('meetings.calendar.feeds')} section="calendar" errors={p.errors}>
      <a class="govuk-back-link" href="/calendar">
        {t('meetings.calendar.back')}
      </a>
      <h1 class="govuk-heading-l">{t('meetings.calendar.feeds')}</h1>
      <p class="govuk-body">{t('meetings.calendar.feedsIntro')}</p>
      {p.created ? (
        <div class="govuk-inset-text">
          <h2 class="govuk-heading-m">{t('meetings.calendar.created')}</h2>
          <div class="govuk-form-group">
            <label class="govuk-label" for="feed-url">
              {t('meetings.calendar.address')}
            </label>
            <div class="govuk-hint" id="feed-url-hint">
              {t('meetings.calendar.onlyOnce')}
            </div>
            <input
              class="govuk-input"
              id="feed-url"
              type="text"
              readonly
              spellcheck="false"
              aria-describedby="feed-url-hint"
              value={p.created}
            />
          </div>
        </div>
      ) : (
        ''
      )}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <PostForm ctx={p.ctx} action="/calendar/feeds">
            {f.select('spaceId', {
              label: t('meetings.calendar.scope'),
              options: [
                { value: '', label: t('meetings.calendar.feedAll') },
                ...p.spaces.map((s) => ({ value: s.id, label: nameOf(s, lang) })),
              ],
            })}
            <Button>{t('meetings.calendar.create')}</Button>
          </PostForm>
        </div>
      </div>
      {p.feeds.length === 0 ? (
        <p class="govuk-body">{t('meetings.calendar.noFeeds')}</p>
      ) : (
        <Table
          caption={t('meetings.calendar.active')}
          showCaption
          headers={[
            t('meetings.calendar.scope'),
            t('meetings.calendar.createdAt'),
            { hidden: t('meetings.calendar.revoke') },
          ]}
        >
          {p.feeds.map((feed) => {
            const scope =
              feed.space_id && feed.name_pl && feed.name_en
                ? nameOf({ name_pl: feed.name_pl, name_en: feed.name_en }, lang)
                : t('meetings.calendar.feedAll')
            return (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell" safe>
                  {scope}
                </td>
                <td class="govuk-table__cell" safe>
                  {warsawDayAndTime(feed.created_at).day}
                </td>
                <td class="govuk-table__cell">
                  <PostForm ctx={p.ctx} action={`/calendar/feeds/${feed.id}/revoke`}>
                    <button
                      type="submit"
                      class="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                      aria-label={t('meetings.calendar.revokeLabel', { scope })}
                    >
                      {t('meetings.calendar.revoke')}
                    </button>
                  </PostForm>
                </td>
              </tr>
            )
          })}
        </Table>
      )}
    </Layout>
  )
}
