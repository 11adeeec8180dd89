import { formatDateTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { formFields } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { KeysetNav } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { applicationsPage } from '../review.ts'
import type { ApplicationsQuery } from '../schemas.ts'
import type { Recruitment } from '../service.ts'
import { type ApplicationState, applicationStates } from '../tables.ts'
import { applicantName } from './parts.tsx'

type Row = Awaited<ReturnType<typeof applicationsPage>>[number]

/** The staff's list of sent applications, by state and group, in the order they came. */
export function ApplicationsPage(p: {
  ctx: ViewContext
  r: Recruitment
  query: ApplicationsQuery
  rows: Row[]
  next: string | null
  counts: Partial<Record<ApplicationState, number>>
}) {
  const { t, lang } = p.ctx
  const tk = t as unknown as (key: string) => string
  const r = p.r
  const q = p.query
  const f = formFields(p.ctx, { state: q.state ?? '', group: q.group ?? '' })
  const base = `/recruitments/${r.id}/applications`
  const keep = (extra: Record<string, string>) =>
    `${base}?${new URLSearchParams({
      ...(q.state ? { state: q.state } : {}),
      ...(q.group ? { group: q.group } : {}),
      ...extra,
    })}`
  const groupName = new Map(r.groups.map((g) => [g.id, g.name]))
  const sent = Object.entries(p.counts)
    .filter(([s]) => s !== 'draft')
    .reduce((n, [, c]) => n + (c ?? 0), 0)
  return (
    <Layout
      ctx={p.ctx}
      title={t('recruitment.staff.title', { title: r.title, ...unescaped })}
      section="recruitments-manage"
    >
      <a class="govuk-back-link" href={`/recruitments/${r.id}`} safe>
        {r.title}
      </a>
      <h1 class="govuk-heading-l">{t('recruitment.staff.title', { title: r.title })}</h1>
      <p class="govuk-body">
        {t('recruitment.staff.counts', {
          drafts: p.counts.draft ?? 0,
          sent,
          waiting: p.counts.submitted ?? 0,
        })}{' '}
        <a class="govuk-link" href={`/recruitments/${r.id}/ranking`}>
          {t('recruitment.manage.ranking')}
        </a>
      </p>
      {r.decided_at ? (
        ''
      ) : (
        <p class="govuk-body">
          <a class="govuk-link" href={`/recruitments/${r.id}/applications/new`}>
            {t('recruitment.paper.new')}
          </a>
        </p>
      )}
      <FilterForm action={base} label={t('recruitment.staff.filter')} submit={t('recruitment.staff.show')}>
        {f.select('state', {
          label: t('recruitment.staff.state'),
          options: [
            { value: '', label: t('recruitment.staff.allStates') },
            ...applicationStates
              .filter((s) => s !== 'draft')
              .map((s) => ({ value: s, label: tk(`recruitment.own.states.${s}`) })),
          ],
        })}
        {f.select('group', {
          label: t('recruitment.staff.group'),
          options: [
            { value: '', label: t('recruitment.staff.allGroups') },
            ...r.groups.map((g) => ({ value: g.id, label: g.name })),
          ],
        })}
      </FilterForm>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('recruitment.staff.none')}</p>
      ) : (
        <Table
          caption={t('recruitment.staff.title', { title: r.title, ...unescaped })}
          headers={[
            t('recruitment.staff.name'),
            t('recruitment.staff.group'),
            t('recruitment.staff.state'),
            { numeric: t('recruitment.staff.score') },
            t('recruitment.staff.submitted'),
          ]}
        >
          {p.rows.map((a) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`${base}/${a.id}`} safe>
                  {applicantName(p.ctx, a)}
                </a>
                {a.entered_by ? <span class="govuk-body-s"> ({t('recruitment.staff.paper')})</span> : ''}
              </td>
              <td class="govuk-table__cell" safe>
                {`${a.group_id ? (groupName.get(a.group_id) ?? '') : ''}`}
              </td>
              <td class="govuk-table__cell">{t(`recruitment.own.states.${a.state}`)}</td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{a.score}</td>
              <td class="govuk-table__cell" safe>
                {`${a.submitted_at ? formatDateTime(a.submitted_at, lang) : ''}`}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <KeysetNav
        first={keep({})}
        next={p.next ? keep({ after: p.next }) : null}
        continued={q.after !== null}
        label={t('recruitment.staff.pages')}
        words={[t('recruitment.staff.pagesFrom'), t('recruitment.staff.pagesMore')]}
      />
    </Layout>
  )
}
