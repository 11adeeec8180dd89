import { safeDay } from '../../../kernel/dates.ts'
import type { Lang, T } from '../../../kernel/i18n.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { SpaceRole } from '../../../kernel/policy.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { formFields } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { SortableHeader } from '../../../kernel/views/sortable-header.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { type OrganisationType, organisationTypes } from '../../accounts/index.ts'
import type { DirectoryQuery } from '../schemas.ts'
import { nameOf } from '../service.ts'
import { type Representation, representations } from '../tables.ts'

interface Row {
  id: string
  role: SpaceRole
  represents: Representation
  starts_on: string
  ends_on: string | null
  name: string
  email: string
  space_id: string
  name_pl: string
  name_en: string
  organisation_name: string | null
  organisation_type: OrganisationType | null
  decision_ref: string | null
}

/** The directory as a table for CSV and XLSX: the same columns as on screen, plus the email. */
export function directoryTable(t: T, lang: Lang, rows: Row[]) {
  return {
    headers: [
      t('spaces.members.person'),
      t('spaces.directory.email'),
      t('spaces.members.organisation'),
      t('spaces.directory.organisationType'),
      t('spaces.directory.space'),
      t('spaces.members.role'),
      t('spaces.members.represents'),
      t('spaces.members.since'),
      t('spaces.members.until'),
      t('spaces.members.basis'),
    ],
    rows: rows.map((r) => [
      r.name,
      r.email,
      r.organisation_name,
      r.organisation_type ? t(`accounts.organisations.types.${r.organisation_type}`) : null,
      nameOf(r, lang),
      t(`spaces.roles.${r.role}`),
      t(`spaces.representations.${r.represents}`),
      r.starts_on,
      r.ends_on,
      r.decision_ref ?? t('spaces.members.guestBasis'),
    ]),
  }
}

export function DirectoryPage(p: {
  ctx: ViewContext
  rows: Row[]
  page: Page
  hasNext: boolean
  query: DirectoryQuery
  spaces: { id: string; name_pl: string; name_en: string }[]
}) {
  const { t, lang } = p.ctx
  const filters: Record<string, string> = {
    q: p.query.q ?? '',
    space: p.query.space ?? '',
    represents: p.query.represents ?? '',
    organisationType: p.query.organisationType ?? '',
    period: p.query.period,
  }
  const query = { ...filters, sort: p.query.sort, dir: p.query.dir }
  const f = formFields(p.ctx, query)
  const header = (column: DirectoryQuery['sort'], label: string) => (
    <SortableHeader ctx={p.ctx} column={column} label={label} path="/directory" query={query} />
  )
  const download = (format: 'csv' | 'xlsx') =>
    `/directory?${new URLSearchParams({ ...query, format }).toString()}`
  return (
    <Layout ctx={p.ctx} title={t('spaces.directory.title')} section="directory">
      <h1 class="govuk-heading-l">{t('spaces.directory.title')}</h1>
      <p class="govuk-body">{t('spaces.directory.intro')}</p>
      <FilterForm
        action="/directory"
        label={t('spaces.directory.searchLabel')}
        submit={t('forms.filter')}
        keep={{ sort: p.query.sort, dir: p.query.dir }}
      >
        {f.text('q', { label: t('spaces.directory.search'), type: 'search', width: 'govuk-input--width-20' })}
        {f.select('space', {
          label: t('spaces.directory.space'),
          options: [
            { value: '', label: t('spaces.directory.anySpace') },
            ...p.spaces.map((s) => ({ value: s.id, label: nameOf(s, lang) })),
          ],
        })}
        {f.select('represents', {
          label: t('spaces.directory.represents'),
          options: [
            { value: '', label: t('spaces.directory.anyRepresents') },
            ...representations.map((r) => ({ value: r, label: t(`spaces.representations.${r}`) })),
          ],
        })}
        {f.select('organisationType', {
          label: t('spaces.directory.organisationType'),
          options: [
            { value: '', label: t('spaces.directory.anyOrganisationType') },
            ...organisationTypes.map((o) => ({ value: o, label: t(`accounts.organisations.types.${o}`) })),
          ],
        })}
        {f.radios('period', {
          label: t('spaces.directory.period'),
          inline: true,
          options: [
            { value: 'current', label: t('spaces.directory.periods.current') },
            { value: 'all', label: t('spaces.directory.periods.all') },
          ],
        })}
      </FilterForm>
      <p class="govuk-body">
        {t('spaces.directory.download')}:{' '}
        <a class="govuk-link" href={download('csv')} download="">
          {t('spaces.directory.csv')}
        </a>
        {', '}
        <a class="govuk-link" href={download('xlsx')} download="">
          {t('spaces.directory.xlsx')}
        </a>
      </p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('spaces.directory.none')}</p>
      ) : (
        <Table
          caption={t('spaces.directory.title')}
          headers={[
            { cell: header('name', t('spaces.members.person')) },
            { cell: header('organisation', t('spaces.members.organisation')) },
            { cell: header('space', t('spaces.directory.space')) },
            { cell: header('role', t('spaces.members.role')) },
            t('spaces.members.represents'),
            t('spaces.members.since'),
            t('spaces.members.basis'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" safe>
                {r.name}
              </td>
              <td class="govuk-table__cell" safe>
                {r.organisation_name ?? '—'}
              </td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/spaces/${r.space_id}`} safe>
                  {nameOf(r, lang)}
                </a>
              </td>
              <td class="govuk-table__cell">{t(`spaces.roles.${r.role}`)}</td>
              <td class="govuk-table__cell">{t(`spaces.representations.${r.represents}`)}</td>
              <td class="govuk-table__cell">
                {safeDay(r.starts_on, lang)}
                {r.ends_on ? ` – ${safeDay(r.ends_on, lang)}` : ''}
              </td>
              <td class="govuk-table__cell" safe>
                {r.decision_ref ?? t('spaces.members.guestBasis')}
              </td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/directory" query={query} />
    </Layout>
  )
}
