import { safeDay } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { formFields } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { SortableHeader } from '../../../kernel/views/sortable-header.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import { nameOf } from '../../spaces/service.ts'
import type { MaterialLanguage } from '../tables.ts'
import { daysUntil, isOpen, translationState, translationStates } from '../translation-rules.ts'
import type { TranslationsQuery } from '../translation-schemas.ts'
import type { TranslationRequest } from '../translations.ts'
import { CancelTranslation, TranslationStateTag, TranslatorName } from './translation-state.tsx'

/** The secretariat's list of translation requests: by state (late included), by deadline, a page at a time. */
export function TranslationsPage(p: {
  ctx: ViewContext
  rows: TranslationRequest[]
  page: Page
  hasNext: boolean
  query: TranslationsQuery
  today: string
  /** Open requests offer a cancel button (the secretariat of their space). */
  canCancel: boolean
}) {
  const { t, lang } = p.ctx
  const query = { status: p.query.status, sort: p.query.sort, dir: p.query.dir }
  const f = formFields(p.ctx, query)
  const header = (column: TranslationsQuery['sort'], label: string) => (
    <SortableHeader ctx={p.ctx} column={column} label={label} path="/translations" query={query} />
  )
  const language = (l: MaterialLanguage): string => t(`materials.languages.${l}`)
  return (
    <Layout ctx={p.ctx} title={t('translations.title')} section="translations">
      <h1 class="govuk-heading-l">{t('translations.title')}</h1>
      <p class="govuk-body">{t('translations.intro')}</p>
      <FilterForm
        action="/translations"
        label={t('translations.filterLabel')}
        submit={t('forms.filter')}
        keep={{ sort: p.query.sort, dir: p.query.dir }}
      >
        {f.select('status', {
          label: t('translations.columns.status'),
          options: [
            { value: '', label: t('translations.anyStatus') },
            ...translationStates.map((s) => ({ value: s, label: t(`translations.statuses.${s}`) })),
          ],
        })}
      </FilterForm>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('translations.none')}</p>
      ) : (
        <Table
          caption={t('translations.title')}
          headers={[
            t('translations.columns.material'),
            t('translations.columns.space'),
            t('translations.columns.languages'),
            t('translations.columns.translator'),
            { cell: header('deadline', t('translations.columns.deadline')) },
            t('translations.columns.status'),
            { cell: header('requested', t('translations.columns.requested')) },
            { hidden: t('translations.columns.actions') },
          ]}
        >
          {p.rows.map((r) => {
            const state = translationState(r, p.today)
            return (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={`/spaces/${r.space_id}/materials/${r.material_id}`} safe>
                    {r.title}
                  </a>
                </td>
                <td class="govuk-table__cell" safe>
                  {nameOf(r, lang)}
                </td>
                <td class="govuk-table__cell">
                  {t('translations.languagePair', {
                    from: language(r.source_language),
                    to: language(r.target_language),
                  })}
                </td>
                <td class="govuk-table__cell">
                  <TranslatorName t={t} request={r} />
                </td>
                <td class="govuk-table__cell">
                  {safeDay(r.deadline, lang)}
                  {state === 'late' ? (
                    <>
                      <br />
                      {t('translations.daysLate', { count: -daysUntil(r.deadline, p.today) })}
                    </>
                  ) : (
                    ''
                  )}
                </td>
                <td class="govuk-table__cell">
                  <TranslationStateTag t={t} state={state} />
                </td>
                <td class="govuk-table__cell">{safeDay(r.requested_at.toISOString().slice(0, 10), lang)}</td>
                <td class="govuk-table__cell">
                  {p.canCancel && isOpen(r.status) ? (
                    <CancelTranslation
                      ctx={p.ctx}
                      action={`/spaces/${r.space_id}/materials/${r.material_id}/translations/${r.id}/cancel`}
                      back="list"
                      targetLanguage={r.target_language}
                    />
                  ) : (
                    ''
                  )}
                </td>
              </tr>
            )
          })}
        </Table>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/translations" query={query} />
    </Layout>
  )
}
