import { formatDate, formatDateTime } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { nameOf } from '../service.ts'
import { StatusTag } from './space-page.tsx'

interface Waiting {
  id: string
  number: number
  submitted_at: Date | null
  space_id: string
  name_pl: string
  name_en: string
  entry_count: number | string | null
}

interface Decided {
  id: string
  number: number
  action: 'submitted' | 'returned' | 'approved'
  at: Date
  decision_ref: string | null
  space_id: string
  name_pl: string
  name_en: string
}

export function AuthorityPage(p: {
  ctx: ViewContext
  rows: Waiting[]
  recent: Decided[]
  page: Page
  hasNext: boolean
}) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('spaces.authority.title')} section="authority">
      <h1 class="govuk-heading-l">{t('spaces.authority.title')}</h1>
      <p class="govuk-body">{t('spaces.authority.intro')}</p>
      <p class="govuk-body">
        <a class="govuk-link" href="/authority/notices">
          {t('meetings.notices.received')}
        </a>
      </p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('spaces.authority.none')}</p>
      ) : (
        <Table
          caption={t('spaces.authority.waiting')}
          showCaption
          headers={[
            t('spaces.authority.space'),
            t('spaces.composition.number'),
            { numeric: t('spaces.composition.entries') },
            t('spaces.authority.sent'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" safe>
                {nameOf(r, lang)}
              </td>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/spaces/${r.space_id}/compositions/${r.id}`}>
                  {t('spaces.composition.title', { number: r.number })}
                </a>
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{Number(r.entry_count ?? 0)}</td>
              <td class="govuk-table__cell">{r.submitted_at ? formatDateTime(r.submitted_at, lang) : '—'}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/authority" query={{}} />
      <h2 class="govuk-heading-m">{t('spaces.authority.recent')}</h2>
      {p.recent.length === 0 ? (
        <p class="govuk-body">{t('spaces.authority.noneRecent')}</p>
      ) : (
        <ul class="govuk-list govuk-list--spaced">
          {p.recent.map((r) => (
            <li>
              <a class="govuk-link" href={`/spaces/${r.space_id}/compositions/${r.id}`}>
                <span safe>{nameOf(r, lang)}</span>: {t('spaces.composition.title', { number: r.number })}
              </a>{' '}
              <StatusTag
                label={t(`spaces.composition.events.${r.action}`)}
                colour={r.action === 'approved' ? 'green' : 'orange'}
              />{' '}
              <span class="govuk-body-s" safe>
                {`${r.action === 'approved' ? `${r.decision_ref ?? ''}, ` : ''}${formatDate(r.at, lang)}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  )
}
