// The register of decisions, shared by its pages: a row's cells, the table and its filters.
import { formatDate } from '../../../../kernel/dates.ts'
import type { Cell } from '../../../../kernel/exports.ts'
import type { Lang, T } from '../../../../kernel/i18n.ts'
import type { Page } from '../../../../kernel/pagination.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import { formFields } from '../../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../../kernel/views/filter-form.tsx'
import { Pagination } from '../../../../kernel/views/pagination.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { StatusTag } from '../../../spaces/index.ts'
import { nameOf } from '../../../spaces/service.ts'
import { decisionNumber } from '../../minutes/rules.ts'
import type { RegisterQuery } from '../../minutes/schemas.ts'
import { meetingName } from '../../views/meeting-name.ts'
import type { RegisterRow } from '../service.ts'

const spaceName = (r: { space_name_pl: string; space_name_en: string }, lang: Lang) =>
  nameOf({ name_pl: r.space_name_pl, name_en: r.space_name_en }, lang)

export const meetingOf = (
  t: T,
  r: { meeting_kind: RegisterRow['meeting_kind']; meeting_number: number; meeting_year: number },
) => meetingName(t, { kind: r.meeting_kind, number: r.meeting_number, year: r.meeting_year })

/**
 * Where a decision's text stands: approved; approved while a correction of the minutes is drafted or
 * out for comments (the register shows the approved text until the chair approves the correction);
 * or not approved yet (minutes out for comments before their first approval).
 */
export function textState(r: Pick<RegisterRow, 'approved' | 'minutes_status'>) {
  if (!r.approved) return 'notApproved' as const
  return r.minutes_status === 'approved' ? ('approved' as const) : ('inCorrection' as const)
}

/** The minutes' column of the spreadsheet and the decision's page. */
export const minutesCell = (t: T, r: Pick<RegisterRow, 'approved' | 'minutes_status'>) =>
  textState(r) === 'inCorrection' ? t('decisions.inCorrection') : t(`minutes.statuses.${r.minutes_status}`)

/** The register as a spreadsheet: one row per decision. */
export function registerTable(t: T, lang: Lang, rows: RegisterRow[]): { headers: string[]; rows: Cell[][] } {
  return {
    headers: [
      t('decisions.columns.number'),
      t('decisions.columns.space'),
      t('decisions.columns.title'),
      t('decisions.columns.body'),
      t('decisions.columns.meeting'),
      t('decisions.columns.date'),
      t('minutes.decisions.for'),
      t('minutes.decisions.against'),
      t('minutes.decisions.abstaining'),
      t('decisions.columns.minutes'),
    ],
    rows: rows.map((r) => [
      decisionNumber(r),
      spaceName(r, lang),
      r.title,
      r.body,
      meetingOf(t, r),
      formatDate(r.starts_at, lang),
      r.votes_for,
      r.votes_against,
      r.votes_abstaining,
      minutesCell(t, r),
    ]),
  }
}

/**
 * The search form and the table of a register; `across` (the register of several spaces) adds the
 * column of the body that took each decision, and `spaces` the filter by body.
 */
export function Register(p: {
  ctx: ViewContext
  action: string
  rows: RegisterRow[]
  query: RegisterQuery
  page: Page
  hasNext: boolean
  across?: boolean
  spaces?: { id: string; name_pl: string; name_en: string }[]
  /** Another list's page on the same page, kept by this pager's links. */
  also?: Record<string, string>
}) {
  const { t, lang } = p.ctx
  const f = formFields(
    p.ctx,
    {
      q: p.query.q ?? '',
      year: p.query.yearTyped ?? (p.query.year ? String(p.query.year) : ''),
      space: p.query.space ?? '',
    },
    p.query.yearTyped !== undefined ? { year: t('decisions.yearInvalid') } : undefined,
  )
  const keep = new URLSearchParams(
    Object.entries({ q: p.query.q, year: p.query.year?.toString(), space: p.query.space }).filter(
      (e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '',
    ),
  )
  const exportLink = (format: 'csv' | 'xlsx') => {
    const q = new URLSearchParams(keep)
    q.set('format', format)
    return `${p.action}?${q}`
  }
  return (
    <>
      <FilterForm action={p.action} label={t('decisions.search')} submit={t('decisions.searchSubmit')}>
        {f.text('q', { label: t('decisions.q'), hint: t('decisions.qHint') })}
        {f.text('year', { label: t('decisions.year'), width: 'govuk-input--width-5' })}
        {p.spaces
          ? f.select('space', {
              label: t('decisions.space'),
              options: [
                { value: '', label: t('decisions.allSpaces') },
                ...p.spaces.map((s) => ({ value: s.id, label: nameOf(s, lang) })),
              ],
            })
          : ''}
      </FilterForm>
      <p class="govuk-body">
        <a class="govuk-link" href={exportLink('csv')}>
          {t('decisions.exportCsv')}
        </a>
        {' · '}
        <a class="govuk-link" href={exportLink('xlsx')}>
          {t('decisions.exportXlsx')}
        </a>
      </p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('decisions.none')}</p>
      ) : (
        <Table
          caption={t('decisions.title')}
          headers={[
            t('decisions.columns.number'),
            ...(p.across ? [t('decisions.columns.space')] : []),
            t('decisions.columns.title'),
            t('decisions.columns.meeting'),
            t('decisions.columns.vote'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/spaces/${r.space_id}/decisions/${r.id}`} safe>
                  {decisionNumber(r)}
                </a>
              </td>
              {p.across ? (
                <td class="govuk-table__cell" safe>
                  {spaceName(r, lang)}
                </td>
              ) : (
                ''
              )}
              <td class="govuk-table__cell">
                <span safe>{r.title}</span>
                {textState(r) === 'notApproved' ? (
                  <>
                    {' '}
                    <StatusTag label={t('decisions.minutesNotApproved')} colour="yellow" />
                  </>
                ) : textState(r) === 'inCorrection' ? (
                  <>
                    {' '}
                    <StatusTag label={t('decisions.minutesInCorrection')} colour="blue" />
                  </>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell">
                <span safe>{meetingOf(t, r)}</span>
                <br />
                <span class="govuk-body-s" safe>
                  {formatDate(r.starts_at, lang)}
                </span>
              </td>
              <td class="govuk-table__cell">
                {t('decisions.voteShort', {
                  for: r.votes_for,
                  against: r.votes_against,
                  abstaining: r.votes_abstaining,
                })}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path={p.action}
        query={{ ...Object.fromEntries(keep), ...p.also }}
        label={t('decisions.pages')}
      />
    </>
  )
}

/** A space's register, with the decisions other bodies forwarded to it. */
