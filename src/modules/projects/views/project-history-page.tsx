import { formatDateTime } from '../../../kernel/dates.ts'
import { unescaped } from '../../../kernel/i18n.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { ProjectRow, projectRevisions } from '../queries.ts'
import { FactValue } from './fact-value.tsx'
import { projectTitle } from './project-name.ts'

type Revision = Awaited<ReturnType<typeof projectRevisions>>[number]

/** A project's edit history, newest first: each save with who and when, and each fact before and after. */
export function ProjectHistoryPage(p: {
  ctx: ViewContext
  project: ProjectRow
  revisions: Revision[]
  /** Where older entries continue, or null. */
  older: string | null
  continued: boolean
}) {
  const { t, lang } = p.ctx
  const pr = p.project
  const title = t('projects.history.title', { project: projectTitle(pr), ...unescaped })
  // The heading is the catalogue's text with the names escaped; the page's title is escaped where printed.
  const heading = t('projects.history.title', { project: projectTitle(pr) })
  const base = `/projects/${pr.id}/history`
  return (
    <Layout ctx={p.ctx} title={title} section="projects">
      <a class="govuk-back-link" href={`/projects/${pr.id}`}>
        {t('projects.form.backToProject')}
      </a>
      <h1 class="govuk-heading-l">{heading}</h1>
      <p class="govuk-body">{t('projects.history.intro')}</p>
      {p.revisions.length === 0 && !p.continued ? <p class="govuk-body">{t('projects.history.none')}</p> : ''}
      {p.revisions.map((r) => {
        const heading = t('projects.history.entry', {
          date: formatDateTime(r.changed_at, lang),
          name: r.changed_by_name,
          ...unescaped,
        })
        return (
          <Table
            caption={heading}
            showCaption
            headers={[t('projects.history.field'), t('projects.history.before'), t('projects.history.after')]}
          >
            {r.changes.map((c) => (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  {t(`projects.history.fields.${c.field}` as 'projects.history.fields.title')}
                </th>
                <td class="govuk-table__cell">
                  <FactValue ctx={p.ctx} field={c.field} value={c.before} />
                </td>
                <td class="govuk-table__cell">
                  <FactValue ctx={p.ctx} field={c.field} value={c.after} />
                </td>
              </tr>
            ))}
          </Table>
        )
      })}
      {p.older ? (
        ''
      ) : (
        <p class="govuk-body">
          {t('projects.history.created', { date: formatDateTime(pr.created_at, lang) })}
        </p>
      )}
      {p.older || p.continued ? (
        <nav class="govuk-pagination" aria-label={title}>
          <ul class="govuk-pagination__list">
            {p.continued ? (
              <li class="govuk-pagination__item">
                <a class="govuk-link govuk-pagination__link" href={base}>
                  {t('projects.history.newest')}
                </a>
              </li>
            ) : (
              ''
            )}
            {p.older ? (
              <li class="govuk-pagination__item">
                <a
                  class="govuk-link govuk-pagination__link"
                  href={`${base}?before=${encodeURIComponent(p.older)}`}
                  rel="next"
                >
                  {t('projects.history.older')}
                </a>
              </li>
            ) : (
              ''
            )}
          </ul>
        </nav>
      ) : (
        ''
      )}
    </Layout>
  )
}
