import { type Day, safeDay } from '../../../../kernel/dates.ts'
import { unescaped } from '../../../../kernel/i18n.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
} from '../../../../kernel/views/fields.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { MonthTable } from '../../../spaces/index.ts'
import type { ProjectRow } from '../../queries.ts'
import { voivodeshipName, voivodeships } from '../../regions.ts'
import { projectTitle } from '../../views/project-name.ts'
import { AddForm, RemoveButton } from '../../views/project-parts-page.tsx'
import { KeysetLinks } from '../../views/projects-page.tsx'
import type { Activity } from '../service.ts'

/** "12 marca 2018 r." or "12–14 marca 2018 r." as two days; one day once. */
export function ActivityDays(p: { ctx: ViewContext; a: Pick<Activity, 'starts_on' | 'ends_on'> }) {
  const { t, lang } = p.ctx
  return p.a.starts_on === p.a.ends_on
    ? safeDay(p.a.starts_on, lang)
    : t('projects.periodValue', { from: safeDay(p.a.starts_on, lang), to: safeDay(p.a.ends_on, lang) })
}

/** "Katowice, ul. Mariacka 17, Katowice – miasto na prawach powiatu (śląskie)"; a nationwide one says so. */
const where = (ctx: ViewContext, a: Pick<Activity, 'place' | 'teryt_name' | 'voivodeship'>) => {
  const region = a.voivodeship ? voivodeshipName(a.voivodeship) : ctx.t('projects.schedule.nationwide')
  const place = [a.place, a.teryt_name].filter(Boolean).join(', ')
  return place ? `${place} (${region})` : region
}

/**
 * Activities as a table: when, what (with its description), where. `remove` gives each row a
 * button for those who edit the project.
 */
export function ActivitiesTable(p: {
  ctx: ViewContext
  rows: Activity[]
  caption: string
  showCaption?: boolean
  remove?: string
}) {
  const { t } = p.ctx
  return (
    <Table
      caption={p.caption}
      showCaption={p.showCaption}
      headers={[
        t('projects.schedule.when'),
        t('projects.schedule.what'),
        t('projects.schedule.where'),
        ...(p.remove ? [{ hidden: t('projects.parts.remove') }] : []),
      ]}
    >
      {p.rows.map((a) => (
        <tr class="govuk-table__row">
          <td class="govuk-table__cell">
            <ActivityDays ctx={p.ctx} a={a} />
          </td>
          <td class="govuk-table__cell">
            <span safe>{a.title}</span>
            {a.description ? (
              <p class="govuk-body-s govuk-!-margin-bottom-0 govuk-!-margin-top-1 siatka-pre-line" safe>
                {a.description}
              </p>
            ) : (
              ''
            )}
          </td>
          <td class="govuk-table__cell siatka-break" safe>
            {where(p.ctx, a)}
          </td>
          {p.remove ? (
            <td class="govuk-table__cell">
              <RemoveButton ctx={p.ctx} action={p.remove} rowId={a.id} name={a.title} />
            </td>
          ) : (
            ''
          )}
        </tr>
      ))}
    </Table>
  )
}

/** What the page shows: a page of the list, or a month of the calendar. */
export type ScheduleView =
  | { kind: 'list'; rows: Activity[]; next: string | null; continued: boolean }
  | { kind: 'calendar'; month: string; rows: Activity[] }

/**
 * A project's support schedule: a list by day or a month's calendar. Inside, those who edit the
 * project add and remove activities here; on the public site it is the published project's own.
 */
export function SchedulePage(p: {
  ctx: ViewContext
  project: ProjectRow
  view: ScheduleView
  /** The address of this page (inside or public) and of the project's own page. */
  base: string
  projectHref: string
  /** The feed's address, for a published project. */
  feed: string | null
  mayEdit: boolean
  refused?: { values: FormValues; errors: FieldErrors }
}) {
  const { t } = p.ctx
  const pr = p.project
  const title = t('projects.schedule.title', { project: projectTitle(pr), ...unescaped })
  const heading = t('projects.schedule.title', { project: projectTitle(pr) })
  const v = p.view
  const f = formFields(p.ctx, p.refused?.values, p.refused?.errors)
  return (
    <Layout ctx={p.ctx} title={title} section="projects" errors={p.refused?.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.refused?.errors} />
      <a class="govuk-back-link" href={p.projectHref}>
        {t('projects.form.backToProject')}
      </a>
      <h1 class="govuk-heading-l">{heading}</h1>
      <p class="govuk-body">{t('projects.schedule.intro')}</p>
      <nav aria-label={t('projects.schedule.views')}>
        <ul class="siatka-tabs">
          <li>
            <a class="siatka-tabs__link" href={p.base} aria-current={v.kind === 'list' ? 'page' : undefined}>
              {t('projects.schedule.list')}
            </a>
          </li>
          <li>
            <a
              class="siatka-tabs__link"
              href={`${p.base}?view=calendar`}
              aria-current={v.kind === 'calendar' ? 'page' : undefined}
            >
              {t('projects.schedule.calendar')}
            </a>
          </li>
        </ul>
      </nav>
      {v.kind === 'list' ? (
        <>
          {v.rows.length === 0 && !v.continued ? (
            <p class="govuk-body">{t('projects.schedule.none')}</p>
          ) : (
            <ActivitiesTable
              ctx={p.ctx}
              rows={v.rows}
              caption={t('projects.schedule.heading')}
              remove={p.mayEdit ? `/projects/${pr.id}/schedule/remove` : undefined}
            />
          )}
          <KeysetLinks
            ctx={p.ctx}
            first={p.base}
            next={v.next ? `${p.base}?after=${encodeURIComponent(v.next)}` : null}
            continued={v.continued}
            label={t('projects.schedule.heading')}
            of="schedule"
          />
        </>
      ) : (
        <CalendarView ctx={p.ctx} base={p.base} month={v.month} rows={v.rows} />
      )}
      {p.feed ? (
        <p class="govuk-body">
          <a class="govuk-link" href={p.feed} aria-describedby="feed-hint">
            {t('projects.schedule.feed')}
          </a>
          <br />
          <span class="govuk-hint" id="feed-hint">
            {t('projects.schedule.feedHint')}
          </span>
        </p>
      ) : (
        ''
      )}
      {p.mayEdit ? (
        <AddForm ctx={p.ctx} action={`/projects/${pr.id}/schedule`} heading="addActivity" level={2}>
          {f.text('title', { label: t('projects.schedule.name') })}
          {f.date('startsOn', { label: t('projects.schedule.startsOn') })}
          {f.date('endsOn', {
            label: t('projects.schedule.endsOn'),
            hint: t('projects.schedule.endsOnHint'),
          })}
          {f.select('voivodeship', {
            label: t('projects.schedule.voivodeship'),
            options: [
              { value: '', label: t('projects.schedule.nationwide') },
              ...voivodeships.map((w) => ({ value: w.teryt, label: w.name })),
            ],
          })}
          {f.text('unit', {
            label: t('projects.schedule.unit'),
            hint: t('projects.schedule.unitHint'),
            width: 'govuk-input--width-20',
          })}
          <p class="govuk-body">
            <a class="govuk-link" href="/projects/regions/units">
              {t('projects.schedule.unitsLink')}
            </a>
          </p>
          {f.text('place', { label: t('projects.schedule.place'), hint: t('projects.schedule.placeHint') })}
          {f.textarea('description', { label: t('projects.schedule.description'), rows: 3 })}
        </AddForm>
      ) : (
        ''
      )}
    </Layout>
  )
}

/** A month's calendar: each activity on every day it takes place. */
function CalendarView(p: { ctx: ViewContext; base: string; month: string; rows: Activity[] }) {
  const { t } = p.ctx
  const onDay = (d: Day) => p.rows.filter((a) => a.starts_on <= d && d <= a.ends_on)
  return (
    <>
      {p.rows.length === 0 ? <p class="govuk-body">{t('projects.schedule.nothingThisMonth')}</p> : ''}
      <MonthTable
        ctx={p.ctx}
        month={p.month}
        href={(month) => `${p.base}?view=calendar&month=${month}`}
        previous={t('projects.schedule.previousMonth')}
        next={t('projects.schedule.nextMonth')}
        day={(d) => (
          <ul class="siatka-tag-list">
            {onDay(d).map((a) => (
              <li class="govuk-body-s">
                <span safe>{a.title}</span>
                <span class="govuk-visually-hidden" safe>{`, ${where(p.ctx, a)}`}</span>
              </li>
            ))}
          </ul>
        )}
      />
    </>
  )
}
