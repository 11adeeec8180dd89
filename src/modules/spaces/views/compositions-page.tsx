import { formatDate, safeDay } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Button, type FieldErrors, PostForm } from '../../../kernel/views/fields.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { Space } from '../service.ts'
import type { ProposalStatus } from '../tables.ts'
import { type SpaceMay, SpacePage, StatusTag } from './space-page.tsx'

export const proposalColour = {
  draft: 'grey',
  submitted: 'blue',
  returned: 'orange',
  approved: 'green',
} as const

interface Row {
  id: string
  number: number
  status: ProposalStatus
  submitted_at: Date | null
  decided_at: Date | null
  decision_ref: string | null
  effective_on: string | null
  entry_count: number | string | null
}

/** Every composition of a body, the one in the making and all earlier ones, each still readable. */
export function CompositionsPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  rows: Row[]
  page: Page
  hasNext: boolean
  hasOpen: boolean
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const s = p.space
  return (
    <SpacePage
      ctx={p.ctx}
      space={s}
      may={p.may}
      tab="compositions"
      title={t('spaces.composition.listTitle')}
      errors={p.errors}
    >
      <p class="govuk-body">{t('spaces.composition.intro')}</p>
      {p.may['space.propose'] && !p.hasOpen ? (
        <PostForm ctx={p.ctx} action={`/spaces/${s.id}/compositions`}>
          <Button>{t('spaces.composition.start')}</Button>
        </PostForm>
      ) : (
        ''
      )}
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('spaces.composition.none')}</p>
      ) : (
        <Table
          caption={t('spaces.composition.listTitle')}
          headers={[
            t('spaces.composition.number'),
            t('spaces.composition.status'),
            { numeric: t('spaces.composition.entries') },
            t('spaces.composition.decision'),
            t('spaces.composition.effective'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/spaces/${s.id}/compositions/${r.id}`}>
                  {t('spaces.composition.title', { number: r.number })}
                </a>
              </td>
              <td class="govuk-table__cell">
                <StatusTag
                  label={t(`spaces.composition.statuses.${r.status}`)}
                  colour={proposalColour[r.status]}
                />
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric">{Number(r.entry_count ?? 0)}</td>
              <td class="govuk-table__cell">
                <span safe>{r.decision_ref ?? '—'}</span>
                {r.decided_at ? (
                  <span class="govuk-body-s" safe>
                    {` (${formatDate(r.decided_at, lang)})`}
                  </span>
                ) : (
                  ''
                )}
              </td>
              <td class="govuk-table__cell">{r.effective_on ? safeDay(r.effective_on, lang) : '—'}</td>
            </tr>
          ))}
        </Table>
      )}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path={`/spaces/${s.id}/compositions`}
        query={{}}
      />
    </SpacePage>
  )
}
