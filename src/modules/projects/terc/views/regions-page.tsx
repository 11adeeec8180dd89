import { safeDay } from '../../../../kernel/dates.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import { subregions, voivodeships } from '../../regions.ts'
import type { TercProblem } from '../read.ts'
import type { registerSummary } from '../service.ts'

/**
 * The regions Siatka knows: the 16 voivodeships shipped with their TERYT and NUTS 2 codes, with the
 * powiats and gminas of the TERC register as last imported; and the form to import a newer file.
 */
export function RegionsPage(p: {
  ctx: ViewContext
  summary: Awaited<ReturnType<typeof registerSummary>>
  errors?: FieldErrors
  problems?: TercProblem[]
  problemCount?: number
}) {
  const { t, lang } = p.ctx
  const s = p.summary
  const f = formFields(p.ctx, {}, p.errors)
  return (
    <Layout ctx={p.ctx} title={t('projects.terc.title')} section="projects" errors={p.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <h1 class="govuk-heading-l">{t('projects.terc.title')}</h1>
      <p class="govuk-body">{t('projects.terc.intro')}</p>
      <p class="govuk-body">
        {s.stateOn ? t('projects.terc.stateOn', { date: safeDay(s.stateOn, lang) }) : t('projects.terc.none')}
      </p>
      <Table
        caption={t('projects.terc.title')}
        headers={[
          t('projects.terc.voivodeship'),
          t('projects.terc.teryt'),
          t('projects.terc.nuts2'),
          t('projects.terc.nuts3'),
          { numeric: t('projects.terc.powiats') },
          { numeric: t('projects.terc.gminas') },
        ]}
      >
        {voivodeships.map((v) => {
          const row = s.byVoivodeship.get(v.teryt)
          return (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell" safe>
                {v.name}
              </td>
              <td class="govuk-table__cell" safe>
                {v.teryt}
              </td>
              <td class="govuk-table__cell" safe>
                {v.nuts2.join(', ')}
              </td>
              <td class="govuk-table__cell" safe>
                {subregions
                  .filter((s) => s.voivodeship === v.teryt)
                  .map((s) => `${s.nuts3} ${s.name}`)
                  .join(', ')}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                {String(row?.powiats ?? 0)}
              </td>
              <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                {String(row?.gminas ?? 0)}
              </td>
            </tr>
          )
        })}
      </Table>

      {p.problems ? (
        <>
          <h2 class="govuk-heading-m" id="problems">
            {t('projects.terc.problemsHeading', { count: p.problemCount ?? p.problems.length })}
          </h2>
          <Table
            caption={t('projects.terc.problemsCaption')}
            headers={[
              { numeric: t('projects.terc.row') },
              t('projects.terc.column'),
              t('projects.terc.problem'),
              t('projects.terc.value'),
            ]}
          >
            {p.problems.map((pr) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                  {String(pr.row)}
                </td>
                <td class="govuk-table__cell" safe>
                  {pr.column}
                </td>
                <td class="govuk-table__cell">{t(`projects.terc.problems.${pr.problem}`)}</td>
                <td class="govuk-table__cell siatka-break" safe>
                  {pr.value || '—'}
                </td>
              </tr>
            ))}
          </Table>
        </>
      ) : (
        ''
      )}

      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m">{t('projects.terc.importHeading')}</h2>
          <PostForm ctx={p.ctx} action="/projects/regions" upload>
            {f.file('file', {
              label: t('projects.terc.file'),
              hint: t('projects.terc.fileHint'),
              accept: '.csv',
            })}
            <Button>{t('projects.terc.import')}</Button>
          </PostForm>
        </div>
      </div>
    </Layout>
  )
}
