import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import type { ProjectListRow } from '../queries.ts'
import { ProjectsTable } from './project-parts.tsx'
import { KeysetLinks } from './projects-page.tsx'

/** The published projects, newest start first, in keyset pages. */
export function PublicProjectsPage(p: {
  ctx: ViewContext
  rows: ProjectListRow[]
  next: string | null
  continued: boolean
}) {
  const { t } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('projects.public.title')} section="projects">
      <h1 class="govuk-heading-l">{t('projects.public.title')}</h1>
      <p class="govuk-body">{t('projects.public.intro')}</p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('projects.public.none')}</p>
      ) : (
        <ProjectsTable
          ctx={p.ctx}
          caption={t('projects.public.title')}
          rows={p.rows}
          linkBase={'/funded-projects'}
          full={false}
        />
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
