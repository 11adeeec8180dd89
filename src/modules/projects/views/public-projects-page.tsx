import { safeDay } from '../../../kernel/dates.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { ProjectListRow } from '../queries.ts'
import { dayRange, programmeCode, projectTitle } from './project-name.ts'
import { KeysetLinks } from './projects-page.tsx'

/** The published projects, newest start first, in keyset pages. */
export function PublicProjectsPage(p: {
  ctx: ViewContext
  rows: ProjectListRow[]
  next: string | null
  continued: boolean
}) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('projects.public.title')} section="projects">
      <h1 class="govuk-heading-l">{t('projects.public.title')}</h1>
      <p class="govuk-body">{t('projects.public.intro')}</p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('projects.public.none')}</p>
      ) : (
        <Table
          caption={t('projects.public.title')}
          headers={[
            t('projects.columns.title'),
            t('projects.columns.programme'),
            t('projects.columns.lead'),
            t('projects.columns.period'),
          ]}
        >
          {p.rows.map((r) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={`/funded-projects/${r.id}`} safe>
                  {projectTitle(r)}
                </a>
              </td>
              <td class="govuk-table__cell" safe>
                {programmeCode(r)}
              </td>
              <td class="govuk-table__cell" safe>
                {r.lead_name}
              </td>
              <td class="govuk-table__cell">{dayRange(t, r.starts_on, r.ends_on, safeDay, lang)}</td>
            </tr>
          ))}
        </Table>
      )}
      <KeysetLinks
        ctx={p.ctx}
        path="/funded-projects"
        next={p.next}
        continued={p.continued}
        label={t('projects.public.title')}
      />
    </Layout>
  )
}
