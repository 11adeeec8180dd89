import { formatDate } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { formFields } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { SortableHeader } from '../../../kernel/views/sortable-header.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { PeopleQuery } from '../schemas.ts'

interface Row {
  id: string
  email: string
  name: string
  role: string
  is_active: boolean
  created_at: Date
  organisation_name: string | null
}

export function PeopleListPage(p: {
  ctx: ViewContext
  rows: Row[]
  page: Page
  hasNext: boolean
  query: PeopleQuery
  canInvite: boolean
}) {
  const { t, lang } = p.ctx
  const query = { q: p.query.q, sort: p.query.sort, dir: p.query.dir, status: p.query.status }
  const f = formFields(p.ctx, query)
  const header = (column: PeopleQuery['sort'], label: string) => (
    <SortableHeader ctx={p.ctx} column={column} label={label} path="/people" query={query} />
  )
  return (
    <Layout ctx={p.ctx} title={t('accounts.people.title')} section="people">
      <h1 class="govuk-heading-l">{t('accounts.people.title')}</h1>
      {p.canInvite ? (
        <div class="govuk-button-group">
          <a class="govuk-button" href="/people/invite">
            {t('accounts.invite.title')}
          </a>
          <a class="govuk-link" href="/people/invitations">
            {t('accounts.invitations.link')}
          </a>
        </div>
      ) : (
        ''
      )}
      <FilterForm
        action="/people"
        label={t('accounts.people.searchLabel')}
        submit={t('forms.search')}
        keep={{ sort: p.query.sort, dir: p.query.dir }}
      >
        {f.text('q', { label: t('accounts.people.search'), type: 'search', width: 'govuk-input--width-30' })}
        {f.select('status', {
          label: t('accounts.people.status'),
          options: (['active', 'inactive', 'all'] as const).map((s) => ({
            value: s,
            label: t(`accounts.people.statuses.${s}`),
          })),
        })}
      </FilterForm>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('accounts.people.none')}</p>
      ) : (
        <Table
          caption={t('accounts.people.title')}
          headers={[
            { cell: header('name', t('accounts.fields.name')) },
            { cell: header('email', t('accounts.fields.email')) },
            { cell: header('organisation', t('accounts.fields.organisation')) },
            { cell: header('role', t('accounts.fields.role')) },
            { cell: header('created', t('accounts.people.created')) },
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/people/${r.id}`} safe>
                  {r.name}
                </a>
                {r.is_active ? (
                  ''
                ) : (
                  <strong class="govuk-tag govuk-tag--grey">{t('accounts.people.inactive')}</strong>
                )}
              </td>
              <td class="govuk-table__cell" safe>
                {r.email}
              </td>
              <td class="govuk-table__cell" safe>
                {r.organisation_name ?? ''}
              </td>
              <td class="govuk-table__cell">{t(`roles.${r.role as 'admin'}`)}</td>
              <td class="govuk-table__cell" safe>
                {formatDate(r.created_at, lang)}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/people" query={query} />
    </Layout>
  )
}
