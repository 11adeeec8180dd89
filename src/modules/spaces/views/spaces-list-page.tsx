import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { formFields } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { SortableHeader } from '../../../kernel/views/sortable-header.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { SpacesQuery } from '../schemas.ts'
import { nameOf, themeOf } from '../service.ts'
import { type SpaceStatus, type SpaceType, spaceTypes } from '../tables.ts'
import { StatusTag } from './space-page.tsx'

interface Row {
  id: string
  name_pl: string
  name_en: string
  theme_pl: string
  theme_en: string
  type: SpaceType
  status: SpaceStatus
  chair_name: string | null
  member_count: number | string | null
}

export const statusColour = { forming: 'yellow', active: 'green', closed: 'grey' } as const

export function SpacesListPage(p: {
  ctx: ViewContext
  rows: Row[]
  page: Page
  hasNext: boolean
  query: SpacesQuery
  canCreate: boolean
}) {
  const { t, lang } = p.ctx
  const query = { q: p.query.q ?? '', type: p.query.type ?? '', sort: p.query.sort, dir: p.query.dir }
  const f = formFields(p.ctx, query)
  const header = (column: SpacesQuery['sort'], label: string) => (
    <SortableHeader ctx={p.ctx} column={column} label={label} path="/spaces" query={query} />
  )
  return (
    <Layout ctx={p.ctx} title={t('spaces.title')} section="spaces">
      <h1 class="govuk-heading-l">{t('spaces.title')}</h1>
      {p.canCreate ? (
        <p class="govuk-body">
          <a class="govuk-button" href="/spaces/new">
            {t('spaces.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      <FilterForm
        action="/spaces"
        label={t('spaces.searchLabel')}
        submit={t('forms.search')}
        keep={{ sort: p.query.sort, dir: p.query.dir }}
      >
        {f.text('q', { label: t('spaces.search'), type: 'search', width: 'govuk-input--width-20' })}
        {f.select('type', {
          label: t('spaces.fields.type'),
          options: [
            { value: '', label: t('spaces.anyType') },
            ...spaceTypes.map((v) => ({ value: v, label: t(`spaces.types.${v}`) })),
          ],
        })}
      </FilterForm>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('spaces.none')}</p>
      ) : (
        <Table
          caption={t('spaces.title')}
          headers={[
            { cell: header('name', t('spaces.fields.name')) },
            { cell: header('type', t('spaces.fields.type')) },
            t('spaces.fields.chair'),
            { numeric: t('spaces.fields.members') },
            { cell: header('status', t('spaces.fields.status')) },
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/spaces/${r.id}`} safe>
                  {nameOf(r, lang)}
                </a>
                <br />
                <span class="govuk-body-s" safe>
                  {themeOf(r, lang)}
                </span>
              </td>
              <td class="govuk-table__cell">{t(`spaces.types.${r.type}`)}</td>
              <td class="govuk-table__cell" safe>
                {r.chair_name ?? '—'}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{Number(r.member_count ?? 0)}</td>
              <td class="govuk-table__cell">
                <StatusTag label={t(`spaces.statuses.${r.status}`)} colour={statusColour[r.status]} />
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/spaces" query={query} />
    </Layout>
  )
}
