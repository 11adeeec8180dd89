import { formatDateTime } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import type { AuditQuery } from '../schemas.ts'

interface Row {
  id: string
  at: Date
  action: string
  actor_email: string | null
  actor_name: string | null
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
  return (
    <Layout ctx={p.ctx} title={t('audit.title')} section="audit">
      <h1 class="govuk-heading-l">{t('audit.title')}</h1>
      <form method="get" action="/audit" class="siatka-filters" role="search" aria-label={t('audit.filters')}>
        <div class="govuk-form-group">
          <label class="govuk-label" for="field-person">
            {t('audit.person')}
          </label>
          <input
            class="govuk-input govuk-input--width-20"
            id="field-person"
            name="person"
            type="email"
            value={p.query.person}
            spellcheck="false"
          />
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="field-action">
            {t('audit.action')}
          </label>
          <select class="govuk-select" id="field-action" name="action">
            <option value="">{t('audit.anyAction')}</option>
            {p.actions.map((a) => (
              <option value={a} selected={a === p.query.action} safe>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="field-from">
            {t('audit.from')}
          </label>
          <input
            class="govuk-input govuk-input--width-10"
            id="field-from"
            name="from"
            type="date"
            value={p.query.from}
          />
        </div>
        <div class="govuk-form-group">
          <label class="govuk-label" for="field-to">
            {t('audit.to')}
          </label>
          <input
            class="govuk-input govuk-input--width-10"
            id="field-to"
            name="to"
            type="date"
            value={p.query.to}
          />
        </div>
        <button type="submit" class="govuk-button govuk-button--secondary">
          {t('forms.filter')}
        </button>
      </form>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('audit.none')}</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">{t('audit.title')}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                {t('audit.when')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('audit.who')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('audit.action')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('audit.subject')}
              </th>
              <th scope="col" class="govuk-table__header">
                {t('audit.address')}
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
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
                  {[r.subject_type, Object.keys(r.details).length ? JSON.stringify(r.details) : '']
                    .filter(Boolean)
                    .join(' ')}
                </td>
                <td class="govuk-table__cell" safe>
                  {r.ip ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/audit" query={{ ...p.query }} />
    </Layout>
  )
}
