import { formatDateTime } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { formFields } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { AuditQuery } from '../schemas.ts'

interface Row {
  id: string
  at: Date
  action: string
  actor_email: string | null
  actor_name: string | null
  subject_name: string | null
  subject_type: string | null
  subject_id: string | null
  details: Record<string, unknown>
  ip: string | null
}

export function AuditPage(p: {
  ctx: ViewContext
  rows: Row[]
  actions: string[]
  page: Page
  hasNext: boolean
  query: AuditQuery
}) {
  const { t, lang } = p.ctx
  const f = formFields(p.ctx, p.query)
  return (
    <Layout ctx={p.ctx} title={t('audit.title')} section="audit">
      <h1 class="govuk-heading-l">{t('audit.title')}</h1>
      <FilterForm action="/audit" label={t('audit.filters')} submit={t('forms.filter')}>
        {f.text('person', {
          label: t('audit.person'),
          type: 'email',
          width: 'govuk-input--width-20',
          spellcheck: false,
        })}
        {f.select('action', {
          label: t('audit.action'),
          options: [
            { value: '', label: t('audit.anyAction') },
            ...p.actions.map((a) => ({ value: a, label: a })),
          ],
        })}
        {f.date('from', { label: t('audit.from') })}
        {f.date('to', { label: t('audit.to') })}
      </FilterForm>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('audit.none')}</p>
      ) : (
        <Table
          caption={t('audit.title')}
          headers={[
            t('audit.when'),
            t('audit.who'),
            t('audit.action'),
            t('audit.subject'),
            t('audit.address'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" safe>
                {formatDateTime(r.at, lang)}
              </td>
              <td class="govuk-table__cell" safe>
                {r.actor_name ? `${r.actor_name} <${r.actor_email ?? ''}>` : (r.actor_email ?? '—')}
              </td>
              <td class="govuk-table__cell">
                <code safe>{r.action}</code>
              </td>
              <td class="govuk-table__cell" safe>
                {[
                  r.subject_name ?? r.subject_type,
                  Object.keys(r.details).length ? JSON.stringify(r.details) : '',
                ]
                  .filter(Boolean)
                  .join(' ')}
              </td>
              <td class="govuk-table__cell" safe>
                {r.ip ?? ''}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/audit" query={{ ...p.query }} />
    </Layout>
  )
}
