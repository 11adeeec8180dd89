import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { formFields } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { SortableHeader } from '../../../kernel/views/sortable-header.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { OrganisationsQuery } from '../schemas.ts'
import type { OrganisationType } from '../tables.ts'

interface Row {
  id: string
  name: string
  type: OrganisationType
  country: string
  nip: string | null
  website: string | null
}

export function OrganisationsListPage(p: {
  ctx: ViewContext
  rows: Row[]
  page: Page
  hasNext: boolean
  query: OrganisationsQuery
}) {
  const { t } = p.ctx
  const query = { q: p.query.q, sort: p.query.sort, dir: p.query.dir }
  const f = formFields(p.ctx, query)
  const header = (column: OrganisationsQuery['sort'], label: string) => (
    <SortableHeader ctx={p.ctx} column={column} label={label} path="/organisations" query={query} />
  )
  return (
    <Layout ctx={p.ctx} title={t('accounts.organisations.title')} section="organisations">
      <h1 class="govuk-heading-l">{t('accounts.organisations.title')}</h1>
      <p class="govuk-body">
        <a class="govuk-button" href="/organisations/new">
          {t('accounts.organisations.new')}
        </a>
      </p>
      <FilterForm
        action="/organisations"
        label={t('accounts.organisations.searchLabel')}
        submit={t('forms.search')}
        keep={{ sort: p.query.sort, dir: p.query.dir }}
      >
        {f.text('q', {
          label: t('accounts.organisations.search'),
          type: 'search',
          width: 'govuk-input--width-30',
        })}
      </FilterForm>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('accounts.organisations.none')}</p>
      ) : (
        <Table
          caption={t('accounts.organisations.title')}
          headers={[
            { cell: header('name', t('accounts.organisations.fields.name')) },
            { cell: header('type', t('accounts.organisations.fields.type')) },
            { cell: header('country', t('accounts.organisations.fields.country')) },
            t('accounts.organisations.fields.nip'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/organisations/${r.id}`} safe>
                  {r.name}
                </a>
              </td>
              <td class="govuk-table__cell">{t(`accounts.organisations.types.${r.type}`)}</td>
              <td class="govuk-table__cell" safe>
                {r.country}
              </td>
              <td class="govuk-table__cell" safe>
                {r.nip ?? ''}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/organisations" query={query} />
    </Layout>
  )
}
