import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import type { ProjectListRow } from '../queries.ts'
import { ProjectsTable } from './project-parts.tsx'

/** Who the list is for: the portfolio (all of it, or a staff member's own) or the public site. */
type ListKind = 'portfolio' | 'staff' | 'public'

const texts = {
  portfolio: { title: 'projects.title', intro: 'projects.intro', none: 'projects.none' },
  staff: { title: 'projects.title', intro: 'projects.staffIntro', none: 'projects.none' },
  public: { title: 'projects.public.title', intro: 'projects.public.intro', none: 'projects.public.none' },
} as const

/**
 * A list of projects, newest start first, in keyset pages ("more" continues after the last row
 * shown): the portfolio with value and status, or the published ones linked to their public pages.
 */
export function ProjectsPage(p: {
  ctx: ViewContext
  kind: ListKind
  rows: ProjectListRow[]
  next: string | null
  continued: boolean
}) {
  const { t } = p.ctx
  const text = texts[p.kind]
  const path = p.kind === 'public' ? '/funded-projects' : '/projects'
  return (
    <Layout ctx={p.ctx} title={t(text.title)} section="projects">
      <h1 class="govuk-heading-l">{t(text.title)}</h1>
      <p class="govuk-body">{t(text.intro)}</p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t(text.none)}</p>
      ) : (
        <ProjectsTable
          ctx={p.ctx}
          caption={t(text.title)}
          rows={p.rows}
          linkBase={path}
          full={p.kind !== 'public'}
        />
      )}
      <KeysetLinks ctx={p.ctx} path={path} next={p.next} continued={p.continued} label={t(text.title)} />
    </Layout>
  )
}

/** "Od początku listy" and "Kolejne projekty": a keyset list moves on from its last row, or starts again. */
function KeysetLinks(p: {
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
