import { unescaped } from '../../../../kernel/i18n.ts'
import { formatGrosze } from '../../../../kernel/money.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import { Button, ErrorSummary, type FieldErrors, PostForm } from '../../../../kernel/views/fields.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import type { PreparedImport } from '../service.ts'

/** Rows of the preview's sample of good rows. */
export const sampleSize = 20

/**
 * What a file would import: its problems by row and column (with what the cell held), or, when
 * there are none, the count and a sample of the projects, the organisations to be added, and the
 * button that saves them.
 */
export function ImportPreviewPage(p: {
  ctx: ViewContext
  prepared: PreparedImport
  programmes: Map<string, string>
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  const im = p.prepared
  // The page's title is escaped where it is printed; the heading is the catalogue's escaped text.
  const title = t('projects.import.previewTitle', { file: im.file_name, ...unescaped })
  const heading = t('projects.import.previewTitle', { file: im.file_name })
  const good = im.missing.length === 0 && im.problem_count === 0
  return (
    <Layout ctx={p.ctx} title={title} section="projects" errors={p.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.errors} />
      <a class="govuk-back-link" href="/projects/import">
        {t('projects.import.again')}
      </a>
      <h1 class="govuk-heading-l">{heading}</h1>
      {im.imported_at ? <div class="govuk-inset-text">{t('projects.import.alreadyDone')}</div> : ''}
      {im.missing.length ? (
        <div class="govuk-error-summary" data-module="govuk-error-summary">
          <div role="alert">
            <h2 class="govuk-error-summary__title">{t('projects.import.missingTitle')}</h2>
            <div class="govuk-error-summary__body">
              <p class="govuk-body">
                {t('projects.import.missing', {
                  list: im.missing.map((c) => t(`projects.sheet.${c as 'title'}`)).join(', '),
                  ...unescaped,
                })}
              </p>
            </div>
          </div>
        </div>
      ) : (
        <p class="govuk-body">
          {t('projects.import.counted', { rows: im.row_count, problems: im.problem_count })}
        </p>
      )}
      {im.problem_count > 0 ? (
        <>
          <h2 class="govuk-heading-m">{t('projects.import.problems')}</h2>
          <p class="govuk-body">{t('projects.import.fixAndAgain')}</p>
          {im.problem_count > im.problems.length ? (
            <p class="govuk-body">
              {t('projects.import.firstProblems', { shown: im.problems.length, all: im.problem_count })}
            </p>
          ) : (
            ''
          )}
          <Table
            caption={t('projects.import.problems')}
            headers={[
              { numeric: t('projects.import.row') },
              t('projects.import.column'),
              t('projects.import.value'),
              t('projects.import.problem'),
            ]}
          >
            {im.problems.map((pr) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell govuk-table__cell--numeric">{pr.row}</td>
                <td class="govuk-table__cell" safe>
                  {pr.column}
                </td>
                <td class="govuk-table__cell" safe>
                  {pr.value || '—'}
                </td>
                <td class="govuk-table__cell">{t(pr.message as 'errors.required')}</td>
              </tr>
            ))}
          </Table>
        </>
      ) : (
        ''
      )}
      {good && !im.imported_at ? (
        <>
          <h2 class="govuk-heading-m">{t('projects.import.sample', { n: im.sample.length })}</h2>
          <Table
            caption={t('projects.import.sample', { n: im.sample.length })}
            headers={[
              t('projects.columns.title'),
              t('projects.columns.programme'),
              t('projects.columns.period'),
              { numeric: t('projects.columns.value') },
            ]}
          >
            {im.sample.map(({ data: pr }) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell" safe>
                  {pr.title}
                </td>
                <td class="govuk-table__cell" safe>
                  {p.programmes.get(pr.programmeId) ?? ''}
                </td>
                <td class="govuk-table__cell" safe>
                  {`${pr.startsOn} – ${pr.endsOn}`}
                </td>
                <td class="govuk-table__cell govuk-table__cell--numeric" safe>
                  {formatGrosze(pr.total, lang)}
                </td>
              </tr>
            ))}
          </Table>
          {im.new_organisations.length ? (
            <>
              <h2 class="govuk-heading-m">
                {t('projects.import.newOrganisations', { n: im.new_organisations.length })}
              </h2>
              <ul class="govuk-list govuk-list--bullet">
                {im.new_organisations.slice(0, 50).map((o) => (
                  <li safe>{o.name}</li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
          <PostForm ctx={p.ctx} action={`/projects/import/${im.id}/confirm`}>
            <Button>{t('projects.import.confirm', { n: Number(im.project_count ?? 0) })}</Button>
          </PostForm>
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}
