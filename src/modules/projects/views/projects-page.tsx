import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import type { ProjectListRow } from '../queries.ts'
import { ProjectsTable } from './project-parts.tsx'

/** The portfolio: newest start first, in keyset pages ("more" continues after the last row shown). */
export function ProjectsPage(p: {
  ctx: ViewContext
  rows: ProjectListRow[]
  next: string | null
  continued: boolean
  staffOnly: boolean
}) {
  const { t } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('projects.title')} section="projects">
      <h1 class="govuk-heading-l">{t('projects.title')}</h1>
      <p class="govuk-body">{p.staffOnly ? t('projects.staffIntro') : t('projects.intro')}</p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('projects.none')}</p>
      ) : (
        <ProjectsTable
          ctx={p.ctx}
          caption={t('projects.title')}
          rows={p.rows}
          linkBase={'/projects'}
          full={true}
        />
      )}
      <KeysetLinks
        ctx={p.ctx}
        path="/projects"
        next={p.next}
        continued={p.continued}
        label={t('projects.title')}
      />
    </Layout>
  )
}

/** "Od początku listy" and "Kolejne projekty": a keyset list moves on from its last row, or starts again. */
export function KeysetLinks(p: {
  ctx: ViewContext
  path: string
  next: string | null
  continued: boolean
  label: string
}) {
  const { t } = p.ctx
  if (!p.next && !p.continued) return ''
  return (
    <nav class="govuk-pagination" aria-label={p.label}>
      <ul class="govuk-pagination__list">
        {p.continued ? (
          <li class="govuk-pagination__item">
            <a class="govuk-link govuk-pagination__link" href={p.path}>
              {t('projects.first')}
            </a>
          </li>
        ) : (
          ''
        )}
        {p.next ? (
          <li class="govuk-pagination__item">
            <a class="govuk-link govuk-pagination__link" href={`${p.path}?after=${p.next}`} rel="next">
              {t('projects.next')}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  )
}
