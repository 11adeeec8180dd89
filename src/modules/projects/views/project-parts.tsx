import { safeDay } from '../../../kernel/dates.ts'
import { formatGrosze } from '../../../kernel/money.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { SortableHeader } from '../../../kernel/views/sortable-header.tsx'
import { type Header, Table } from '../../../kernel/views/table.tsx'
import type { ProjectListRow, ProjectRow, ProjectSort } from '../queries.ts'
import { type UnitForms, unitFor } from '../rules.ts'
import type { ProjectsQuery } from '../schemas.ts'
import { dayRange, programmeCode, projectTitle } from './project-name.ts'

/** The main goal and the specific goals (one a line), under headings of the given level. */
export function Goals(p: { ctx: ViewContext; project: ProjectRow; level: 2 | 3 }) {
  const { t } = p.ctx
  const heading = (text: string) =>
    p.level === 2 ? (
      <h2 class="govuk-heading-m" safe>
        {text}
      </h2>
    ) : (
      <h3 class="govuk-heading-s" safe>
        {text}
      </h3>
    )
  const specific = p.project.specific_goals
    .split('\n')
    .map((g) => g.trim())
    .filter(Boolean)
  return (
    <>
      {heading(t('projects.mainGoal'))}
      <p class="govuk-body" safe>
        {p.project.main_goal || '—'}
      </p>
      {specific.length ? (
        <>
          {heading(t('projects.specificGoals'))}
          <ul class="govuk-list govuk-list--bullet">
            {specific.map((g) => (
              <li safe>{g}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
    </>
  )
}

/** What an indicator last reached and when, or that nothing was reported. */
export function LatestReport(p: {
  ctx: ViewContext
  indicator: { latest_value: number | null; latest_on: string | null } & UnitForms
}) {
  const { t, lang } = p.ctx
  const i = p.indicator
  return (
    <>
      {i.latest_value === null || i.latest_on === null
        ? t('projects.noReport')
        : t('projects.latest', {
            value: i.latest_value,
            unit: unitFor(i.latest_value, i),
            day: safeDay(i.latest_on, lang),
          })}
    </>
  )
}

/** A list of projects: each linked (to the portfolio's page or the public one), with its programme, lead and period; the portfolio adds value and status. */
export function ProjectsTable(p: {
  ctx: ViewContext
  caption: string
  rows: ProjectListRow[]
  linkBase: '/projects' | '/funded-projects'
  full: boolean
  /** Column headers that sort the list, keeping its filters. */
  sort?: { path: string; query: ProjectsQuery }
}) {
  const { t, lang } = p.ctx
  const sortable = (column: ProjectSort, label: string): Header => {
    if (!p.sort) return label
    const { sort, dir, after: _, ...rest } = p.sort.query
    const query = Object.fromEntries(
      Object.entries(rest).filter(([, v]) => typeof v === 'string' && v),
    ) as Record<string, string>
    return {
      cell: (
        <SortableHeader
          ctx={p.ctx}
          column={column}
          label={label}
          path={p.sort.path}
          query={{ ...query, sort, dir }}
        />
      ),
    }
  }
  return (
    <Table
      caption={p.caption}
      headers={[
        sortable('title', t('projects.columns.title')),
        t('projects.columns.programme'),
        t('projects.columns.lead'),
        sortable('start', t('projects.columns.period')),
        ...(p.full ? [sortable('value', t('projects.columns.value')), t('projects.columns.status')] : []),
      ]}
    >
      {p.rows.map((r) => (
        <tr class="govuk-table__row">
          <td class="govuk-table__cell">
            <a class="govuk-link" href={`${p.linkBase}/${r.id}`} safe>
              {projectTitle(r)}
            </a>
          </td>
          <td class="govuk-table__cell" safe>
            {programmeCode(r)}
          </td>
          <td class="govuk-table__cell" safe>
            {r.lead_name}
          </td>
          <td class="govuk-table__cell">{dayRange(t, r.starts_on, r.ends_on, safeDay, lang)}</td>
          {p.full ? (
            <>
              <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                {formatGrosze(r.total_value_grosze, lang)}
              </td>
              <td class="govuk-table__cell">{t(`projects.statuses.${r.status}`)}</td>
            </>
          ) : (
            ''
          )}
        </tr>
      ))}
    </Table>
  )
}

/** Whom to ask: each person with their function, a mail link and a telephone link. */
export function Contacts(p: { ctx: ViewContext; project: ProjectRow }) {
  const { t } = p.ctx
  if (p.project.contacts.length === 0) return <p class="govuk-body">{t('projects.contactsNone')}</p>
  return (
    <ul class="govuk-list">
      {p.project.contacts.map((c) => (
        <li class="govuk-!-margin-bottom-3">
          <strong safe>{c.name}</strong>
          {c.function ? <span safe>{`, ${c.function}`}</span> : ''}
          {c.email ? (
            <>
              <br />
              <a class="govuk-link siatka-break" href={`mailto:${c.email}`} safe>
                {c.email}
              </a>
            </>
          ) : (
            ''
          )}
          {c.phone ? (
            <>
              <br />
              <a class="govuk-link" href={`tel:${c.phone.replace(/[^+\d]/g, '')}`} safe>
                {c.phone}
              </a>
            </>
          ) : (
            ''
          )}
        </li>
      ))}
    </ul>
  )
}
