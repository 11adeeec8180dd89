import type { ViewContext } from '../../../kernel/views/context.ts'
import { formFields } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { KeysetNav } from '../../../kernel/views/pagination.tsx'
import type { FilterChoices } from '../list-queries.ts'
import type { ProjectListRow } from '../queries.ts'
import { voivodeships } from '../regions.ts'
import { filterParams, type ProjectsQuery } from '../schemas.ts'
import { fundingPeriods, projectStatuses } from '../tables.ts'
import { ProjectsTable } from './project-parts.tsx'

/** Who the list is for: the portfolio (all of it, or a staff member's own) or the public site. */
type ListKind = 'portfolio' | 'staff' | 'public'

const texts = {
  portfolio: { title: 'projects.title', intro: 'projects.intro', none: 'projects.none' },
  staff: { title: 'projects.title', intro: 'projects.staffIntro', none: 'projects.none' },
  public: { title: 'projects.public.title', intro: 'projects.public.intro', none: 'projects.public.none' },
} as const

/** Whether any filter narrows the list (the order alone does not). */
const filtered = (q: ProjectsQuery) =>
  Boolean(q.q || q.programme || q.measure || q.theme || q.region || q.status || q.period || q.partner)

/**
 * A list of projects with its filters (programme, measure, theme, voivodeship, status, funding
 * period, organisation, words), sortable by title, start and value, in keyset pages ("more"
 * continues after the last row shown); the portfolio adds its spreadsheets and, for the
 * secretariat, a new project.
 */
export function ProjectsPage(p: {
  ctx: ViewContext
  kind: ListKind
  rows: ProjectListRow[]
  next: string | null
  continued: boolean
  query: ProjectsQuery
  choices: FilterChoices
  mayCreate: boolean
}) {
  const { t, lang } = p.ctx
  const text = texts[p.kind]
  const path = p.kind === 'public' ? '/funded-projects' : '/projects'
  const name = (row: { name_pl: string; name_en: string }) => (lang === 'en' ? row.name_en : row.name_pl)
  const query = p.query
  const f = formFields(p.ctx, {
    q: query.q,
    programme: query.programme ?? '',
    measure: query.measure ?? '',
    theme: query.theme ?? '',
    region: query.region ?? '',
    status: query.status ?? '',
    period: query.period ?? '',
    partner: query.partner ?? '',
  })
  const all = { value: '', label: t('projects.filters.all') }
  const link = (extra: Record<string, string> = {}) => {
    const params = filterParams(query, extra).toString()
    return params ? `${path}?${params}` : path
  }
  return (
    <Layout ctx={p.ctx} title={t(text.title)} section="projects">
      <h1 class="govuk-heading-l">{t(text.title)}</h1>
      <p class="govuk-body">{t(text.intro)}</p>
      {p.mayCreate ? (
        <div class="govuk-button-group">
          <a class="govuk-button" href="/projects/new">
            {t('projects.form.add')}
          </a>
          <a class="govuk-button govuk-button--secondary" href="/projects/import">
            {t('projects.import.link')}
          </a>
        </div>
      ) : (
        ''
      )}
      {p.kind === 'public' ? (
        ''
      ) : (
        <p class="govuk-body">
          <a class="govuk-link" href="/projects/analysis">
            {t('projects.analysis.link')}
          </a>
        </p>
      )}
      <FilterForm
        action={path}
        label={t('projects.filters.label')}
        submit={t('projects.filters.submit')}
        keep={{ sort: query.sort, dir: query.dir }}
      >
        {f.text('q', { label: t('projects.filters.q'), type: 'search' })}
        <div class="siatka-filters__row">
          {f.select('programme', {
            label: t('projects.filters.programme'),
            options: [
              all,
              ...p.choices.programmes.map((m) => ({ value: m.id, label: `${m.code} (${m.period})` })),
            ],
          })}
          {f.select('measure', {
            label: t('projects.filters.measure'),
            options: [
              all,
              ...p.choices.measures.map((m) => ({
                value: m.id,
                label: `${m.programme_code} ${m.code} – ${name(m)}`,
              })),
            ],
          })}
          {f.select('theme', {
            label: t('projects.filters.theme'),
            options: [all, ...p.choices.themes.map((th) => ({ value: th.id, label: name(th) }))],
          })}
          {f.select('region', {
            label: t('projects.filters.region'),
            options: [all, ...voivodeships.map((v) => ({ value: v.teryt, label: v.name }))],
          })}
          {f.select('status', {
            label: t('projects.filters.status'),
            options: [all, ...projectStatuses.map((s) => ({ value: s, label: t(`projects.statuses.${s}`) }))],
          })}
          {f.select('period', {
            label: t('projects.filters.period'),
            options: [all, ...fundingPeriods.map((v) => ({ value: v, label: v }))],
          })}
          {f.select('partner', {
            label: t('projects.filters.partner'),
            options: [all, ...p.choices.organisations.map((o) => ({ value: o.id, label: o.name }))],
          })}
        </div>
      </FilterForm>
      {filtered(query) ? (
        <p class="govuk-body">
          <a class="govuk-link" href={path}>
            {t('projects.filters.clear')}
          </a>
        </p>
      ) : (
        ''
      )}
      {p.kind === 'public' ? (
        ''
      ) : (
        <p class="govuk-body">
          <a class="govuk-link" href={link({ format: 'csv' })}>
            {t('projects.filters.exportCsv')}
          </a>
          {' · '}
          <a class="govuk-link" href={link({ format: 'xlsx' })}>
            {t('projects.filters.exportXlsx')}
          </a>
        </p>
      )}
      {p.rows.length === 0 ? (
        <p class="govuk-body">{filtered(query) ? t('projects.filters.noneFound') : t(text.none)}</p>
      ) : (
        <ProjectsTable
          ctx={p.ctx}
          caption={t(text.title)}
          rows={p.rows}
          linkBase={path}
          full={p.kind !== 'public'}
          sort={{ path, query }}
        />
      )}
      <KeysetLinks
        ctx={p.ctx}
        first={link()}
        next={p.next ? link({ after: p.next }) : null}
        continued={p.continued}
        label={t('projects.pages')}
      />
    </Layout>
  )
}

/** "Od początku listy" and "Kolejne projekty": a keyset list moves on from its last row, or starts again. */
export function KeysetLinks(p: {
  ctx: ViewContext
  first: string
  next: string | null
  continued: boolean
  label: string
  /** Whose words the links use: the projects' list's, the schedule's or the groups'. */
  of?: 'projects' | 'schedule' | 'groups' | 'news'
}) {
  const { t } = p.ctx
  const words = {
    projects: [t('projects.first'), t('projects.next')],
    schedule: [t('projects.schedule.fromStart'), t('projects.schedule.more')],
    groups: [t('projects.groups.first'), t('projects.groups.more')],
    news: [t('projects.news.first'), t('projects.news.more')],
  }[p.of ?? 'projects'] as [string, string]
  return <KeysetNav first={p.first} next={p.next} continued={p.continued} label={p.label} words={words} />
}
