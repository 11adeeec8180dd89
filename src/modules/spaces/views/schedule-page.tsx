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
import type { Space } from '../service.ts'
import { type ScheduleStatus, scheduleStatuses } from '../tables.ts'
import { MonthTable } from './month-table.tsx'
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

/** The schedule as a calendar of one month: a table of weeks, each day's tasks in its cell. */
export function ScheduleCalendarPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  month: string
  items: Item[]
}) {
  const { t } = p.ctx
  const s = p.space
  const byDay = new Map<string, Item[]>()
  for (const i of p.items) {
    const list = byDay.get(i.due_on)
    if (list) list.push(i)
    else byDay.set(i.due_on, [i])
  }
  return (
    <SpacePage ctx={p.ctx} space={s} may={p.may} tab="schedule" title={t('spaces.schedule.title')}>
      <ViewSwitch ctx={p.ctx} spaceId={s.id} current="calendar" />
      {p.items.length === 0 ? <p class="govuk-body">{t('spaces.schedule.nothingThisMonth')}</p> : ''}
      <MonthTable
        ctx={p.ctx}
        month={p.month}
        href={(month) => `/spaces/${s.id}/schedule?view=calendar&month=${month}`}
        previous={t('spaces.schedule.previousMonth')}
        next={t('spaces.schedule.nextMonth')}
        day={(d) => (
          <ul class="siatka-tag-list">
            {(byDay.get(d) ?? []).map((i) => (
              <li class="govuk-body-s">
                <span safe>{i.task}</span> ({t(`spaces.schedule.statuses.${i.status}`)})
              </li>
            ))}
          </ul>
        )}
      />
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
