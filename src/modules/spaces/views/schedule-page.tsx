import { safeDay } from '../../../kernel/dates.ts'
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
import { Table } from '../../../kernel/views/table.tsx'
import { addMonths, monthGrid } from '../rules.ts'
import type { Space } from '../service.ts'
import { type ScheduleStatus, scheduleStatuses } from '../tables.ts'
import { type SpaceMay, SpacePage, StatusTag } from './space-page.tsx'

interface Item {
  id: string
  task: string
  responsible: string
  due_on: string
  status: ScheduleStatus
}

const statusColour = { planned: 'grey', in_progress: 'blue', done: 'green', cancelled: 'red' } as const

function ViewSwitch(p: { ctx: ViewContext; spaceId: string; current: 'list' | 'calendar' }) {
  const { t } = p.ctx
  const link = (view: 'list' | 'calendar', label: string) => (
    <li>
      <a
        class="siatka-tabs__link"
        href={`/spaces/${p.spaceId}/schedule${view === 'calendar' ? '?view=calendar' : ''}`}
        aria-current={p.current === view ? 'page' : undefined}
      >
        <span safe>{label}</span>
      </a>
    </li>
  )
  return (
    <nav aria-label={t('spaces.schedule.views')}>
      <ul class="siatka-tabs">
        {link('list', t('spaces.schedule.list'))}
        {link('calendar', t('spaces.schedule.calendar'))}
      </ul>
    </nav>
  )
}

export function ScheduleListPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  rows: Item[]
  page: Page
  hasNext: boolean
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const s = p.space
  return (
    <SpacePage
      ctx={p.ctx}
      space={s}
      may={p.may}
      tab="schedule"
      title={t('spaces.schedule.title')}
      errors={p.errors}
    >
      <ViewSwitch ctx={p.ctx} spaceId={s.id} current="list" />
      <p class="govuk-body">
        {s.schedule_adopted_ref && s.schedule_adopted_on
          ? t('spaces.schedule.adoptedBy', {
              ref: s.schedule_adopted_ref,
              date: safeDay(s.schedule_adopted_on, lang),
            })
          : t('spaces.schedule.notAdopted')}
      </p>
      {p.may['space.manage'] ? (
        <p class="govuk-body">
          <a class="govuk-button" href={`/spaces/${s.id}/schedule/new`}>
            {t('spaces.schedule.add')}
          </a>
        </p>
      ) : (
        ''
      )}
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('spaces.schedule.none')}</p>
      ) : (
        <Table
          caption={t('spaces.schedule.title')}
          headers={[
            t('spaces.schedule.dueOn'),
            t('spaces.schedule.task'),
            t('spaces.schedule.responsible'),
            t('spaces.schedule.status'),
          ]}
        >
          {p.rows.map((i) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">{safeDay(i.due_on, lang)}</td>
              <td class="govuk-table__cell">
                {p.may['space.manage'] ? (
                  <a class="govuk-link" href={`/spaces/${s.id}/schedule/${i.id}`} safe>
                    {i.task}
                  </a>
                ) : (
                  <span safe>{i.task}</span>
                )}
              </td>
              <td class="govuk-table__cell" safe>
                {i.responsible}
              </td>
              <td class="govuk-table__cell">
                <StatusTag
                  label={t(`spaces.schedule.statuses.${i.status}`)}
                  colour={statusColour[i.status]}
                />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path={`/spaces/${s.id}/schedule`}
        query={{}}
      />
      {p.may['space.settings'] ? (
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            <h3 class="govuk-heading-m">{t('spaces.schedule.adoption')}</h3>
            <PostForm ctx={p.ctx} action={`/spaces/${s.id}/schedule/adopt`}>
              {formFields(p.ctx, p.values, p.errors).text('adoptedRef', {
                label: t('spaces.schedule.adoptedRef'),
              })}
              {formFields(p.ctx, p.values, p.errors).date('adoptedOn', {
                label: t('spaces.schedule.adoptedOn'),
              })}
              <Button variant="secondary">{t('spaces.schedule.markAdopted')}</Button>
            </PostForm>
          </div>
        </div>
      ) : (
        ''
      )}
    </SpacePage>
  )
}

const weekdayFormats = { pl: 'pl-PL', en: 'en-GB' } as const

/** The schedule as a calendar of one month: a table of weeks, each day's tasks in its cell. */
export function ScheduleCalendarPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  month: string
  items: Item[]
}) {
  const { t, lang } = p.ctx
  const s = p.space
  const byDay = new Map<string, Item[]>()
  for (const i of p.items) {
    const list = byDay.get(i.due_on)
    if (list) list.push(i)
    else byDay.set(i.due_on, [i])
  }
  const monthName = new Intl.DateTimeFormat(weekdayFormats[lang], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${p.month}-15T12:00:00Z`))
  // 2024-01-01 was a Monday: the week's day names in the reader's language, short and full.
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i, 12)))
  const short = new Intl.DateTimeFormat(weekdayFormats[lang], { weekday: 'short', timeZone: 'UTC' })
  const long = new Intl.DateTimeFormat(weekdayFormats[lang], { weekday: 'long', timeZone: 'UTC' })
  const monthLink = (n: number, label: string, rel: string) => (
    <a
      class="govuk-link"
      href={`/spaces/${s.id}/schedule?view=calendar&month=${addMonths(p.month, n)}`}
      rel={rel}
    >
      <span safe>{label}</span>
    </a>
  )
  return (
    <SpacePage ctx={p.ctx} space={s} may={p.may} tab="schedule" title={t('spaces.schedule.title')}>
      <ViewSwitch ctx={p.ctx} spaceId={s.id} current="calendar" />
      <p class="govuk-body">
        {monthLink(-1, t('spaces.schedule.previousMonth'), 'prev')} |{' '}
        {monthLink(1, t('spaces.schedule.nextMonth'), 'next')}
      </p>
      {p.items.length === 0 ? <p class="govuk-body">{t('spaces.schedule.nothingThisMonth')}</p> : ''}
      <Table
        caption={monthName}
        showCaption
        class="siatka-month"
        headers={weekdays.map((d) => ({
          cell: (
            <th scope="col" class="govuk-table__header">
              <abbr title={long.format(d)} safe>
                {short.format(d)}
              </abbr>
            </th>
          ),
        }))}
      >
        {monthGrid(p.month).map((week) => (
          <tr class="govuk-table__row">
            {week.map((d) => (
              <td class="govuk-table__cell">
                {d ? (
                  <>
                    <span class="siatka-month__day">{Number(d.slice(8))}</span>
                    <ul class="siatka-tag-list">
                      {(byDay.get(d) ?? []).map((i) => (
                        <li class="govuk-body-s">
                          <span safe>{i.task}</span> ({t(`spaces.schedule.statuses.${i.status}`)})
                        </li>
                      ))}
                    </ul>
                  </>
                ) : (
                  ''
                )}
              </td>
            ))}
          </tr>
        ))}
      </Table>
    </SpacePage>
  )
}

export function ScheduleItemPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  itemId?: string
  values?: FormValues
  errors?: FieldErrors
}) {
  const { t } = p.ctx
  const s = p.space
  const f = formFields(p.ctx, p.values ?? { status: 'planned' }, p.errors)
  const title = p.itemId ? t('spaces.schedule.edit') : t('spaces.schedule.add')
  return (
    <SpacePage ctx={p.ctx} space={s} may={p.may} tab="schedule" title={title} errors={p.errors}>
      <a class="govuk-back-link" href={`/spaces/${s.id}/schedule`}>
        {t('spaces.schedule.back')}
      </a>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <PostForm
            ctx={p.ctx}
            action={p.itemId ? `/spaces/${s.id}/schedule/${p.itemId}` : `/spaces/${s.id}/schedule`}
          >
            {f.text('task', { label: t('spaces.schedule.task') })}
            {f.text('responsible', { label: t('spaces.schedule.responsible') })}
            {f.date('dueOn', { label: t('spaces.schedule.dueOn') })}
            {f.radios('status', {
              label: t('spaces.schedule.status'),
              options: scheduleStatuses.map((v) => ({ value: v, label: t(`spaces.schedule.statuses.${v}`) })),
            })}
            <Button>{t('forms.save')}</Button>
          </PostForm>
        </div>
      </div>
    </SpacePage>
  )
}
