import { formatDate, safeDay } from '../../../../kernel/dates.ts'
import { unescaped } from '../../../../kernel/i18n.ts'
import { safeMarkdown } from '../../../../kernel/markdown.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  ErrorSummary,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { fileSize } from '../../../../kernel/views/file-size.ts'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Table } from '../../../../kernel/views/table.tsx'
import type { ProjectRow } from '../../queries.ts'
import { projectTitle } from '../../views/project-name.ts'
import { RemoveButton } from '../../views/project-parts-page.tsx'
import { KeysetLinks } from '../../views/projects-page.tsx'
import type { NewsPost, ProjectDocument } from '../service.ts'

/** A refused form: which, what was typed, the problems beside the fields. */
export interface NewsRefused {
  form: 'news' | 'document' | 'remove'
  values: FormValues
  errors: FieldErrors
}

/** Posts, newest first: each under its own heading (`level`), its day, its text. */
export function NewsList(p: {
  ctx: ViewContext
  posts: NewsPost[]
  level: 2 | 3
  /** Where a post is removed, for those who edit the project. */
  remove?: string
}) {
  const { lang } = p.ctx
  return (
    <>
      {p.posts.map((n) => (
        <article class="govuk-!-margin-bottom-6">
          {p.level === 2 ? (
            <h2 class="govuk-heading-m govuk-!-margin-bottom-1" safe>
              {n.title}
            </h2>
          ) : (
            <h3 class="govuk-heading-s govuk-!-margin-bottom-1" safe>
              {n.title}
            </h3>
          )}
          <p class="govuk-body-s govuk-!-margin-bottom-2">
            <time datetime={n.published_on}>{safeDay(n.published_on, lang)}</time>
          </p>
          {n.body ? safeMarkdown(n.body, p.level === 2 ? 3 : 4) : ''}
          {p.remove ? <RemoveButton ctx={p.ctx} action={p.remove} rowId={n.id} name={n.title} /> : ''}
        </article>
      ))}
    </>
  )
}

/**
 * The project's news: its posts newest first, ten a page (keyset), and for whoever edits the project
 * a form to write one. Inside and on the public site alike (`base` says which).
 */
export function NewsPage(p: {
  ctx: ViewContext
  project: ProjectRow
  posts: NewsPost[]
  next: string | null
  continued: boolean
  base: string
  projectHref: string
  mayEdit: boolean
  refused?: NewsRefused
}) {
  const { t } = p.ctx
  const title = t('projects.news.title', { project: projectTitle(p.project), ...unescaped })
  const f = formFields(
    p.ctx,
    p.refused?.form === 'news' ? p.refused.values : {},
    p.refused?.form === 'news' ? p.refused.errors : {},
    'news',
  )
  return (
    <Layout ctx={p.ctx} title={title} section="projects" errors={p.refused?.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.refused?.errors} form={p.refused?.form} />
      <a class="govuk-back-link" href={p.projectHref}>
        {t('projects.form.backToProject')}
      </a>
      <h1 class="govuk-heading-l">{t('projects.news.title', { project: projectTitle(p.project) })}</h1>
      {p.mayEdit ? (
        <>
          <h2 class="govuk-heading-m">{t('projects.news.add')}</h2>
          <PostForm ctx={p.ctx} action={p.base}>
            {f.text('title', { label: t('projects.news.postTitle') })}
            {f.date('publishedOn', { label: t('projects.news.publishedOn') })}
            {f.textarea('body', {
              label: t('projects.news.body'),
              hint: t('projects.news.bodyHint'),
              rows: 8,
            })}
            <Button variant="secondary">{t('projects.news.add')}</Button>
          </PostForm>
          <h2 class="govuk-heading-m">{t('projects.news.posts')}</h2>
        </>
      ) : (
        ''
      )}
      {p.posts.length === 0 ? (
        <p class="govuk-body">{t('projects.news.none')}</p>
      ) : (
        <NewsList
          ctx={p.ctx}
          posts={p.posts}
          level={p.mayEdit ? 3 : 2}
          remove={p.mayEdit ? `${p.base}/remove` : undefined}
        />
      )}
      <KeysetLinks
        ctx={p.ctx}
        first={p.base}
        next={p.next ? `${p.base}?after=${p.next}` : null}
        continued={p.continued}
        label={t('projects.news.posts')}
        of="news"
      />
    </Layout>
  )
}

/** Documents as a table: the title (a link to the file), its kind and size, when it came. */
export function DocumentsTable(p: {
  ctx: ViewContext
  rows: ProjectDocument[]
  /** A document's address: inside or on the public site. */
  href: (id: string) => string
  /** Where a document is removed, and the column saying whether it is public, for those who edit. */
  remove?: string
}) {
  const { t, lang } = p.ctx
  return (
    <Table
      caption={t('projects.documents.heading')}
      headers={[
        t('projects.documents.columns.title'),
        t('projects.documents.columns.file'),
        t('projects.documents.columns.added'),
        ...(p.remove ? [t('projects.documents.columns.public'), { hidden: t('projects.parts.remove') }] : []),
      ]}
    >
      {p.rows.map((d) => (
        <tr class="govuk-table__row">
          <td class="govuk-table__cell">
            <a class="govuk-link" href={p.href(d.id)} safe>
              {d.title}
            </a>
          </td>
          <td class="govuk-table__cell" safe>
            {`${d.kind.toUpperCase()}, ${fileSize(d.size_bytes, lang)}`}
          </td>
          <td class="govuk-table__cell" safe>
            {formatDate(d.uploaded_at, lang)}
          </td>
          {p.remove ? (
            <>
              <td class="govuk-table__cell">
                {d.is_public ? t('projects.documents.isPublic') : t('projects.documents.inside')}
              </td>
              <td class="govuk-table__cell">
                <RemoveButton ctx={p.ctx} action={p.remove} rowId={d.id} name={d.title} />
              </td>
            </>
          ) : (
            ''
          )}
        </tr>
      ))}
    </Table>
  )
}

/** The project's documents for whoever reads it inside, with the upload form for whoever edits it. */
export function DocumentsPage(p: {
  ctx: ViewContext
  project: ProjectRow
  rows: ProjectDocument[]
  mayEdit: boolean
  refused?: NewsRefused
}) {
  const { t } = p.ctx
  const base = `/projects/${p.project.id}/documents`
  const title = t('projects.documents.title', { project: projectTitle(p.project), ...unescaped })
  const f = formFields(
    p.ctx,
    p.refused?.form === 'document' ? p.refused.values : {},
    p.refused?.form === 'document' ? p.refused.errors : {},
    'document',
  )
  return (
    <Layout ctx={p.ctx} title={title} section="projects" errors={p.refused?.errors}>
      <ErrorSummary ctx={p.ctx} errors={p.refused?.errors} form={p.refused?.form} />
      <a class="govuk-back-link" href={`/projects/${p.project.id}`}>
        {t('projects.form.backToProject')}
      </a>
      <h1 class="govuk-heading-l">{t('projects.documents.title', { project: projectTitle(p.project) })}</h1>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('projects.documents.none')}</p>
      ) : (
        <DocumentsTable
          ctx={p.ctx}
          rows={p.rows}
          href={(id) => `${base}/${id}`}
          remove={p.mayEdit ? `${base}/remove` : undefined}
        />
      )}
      {p.mayEdit ? (
        <>
          <h2 class="govuk-heading-m">{t('projects.documents.add')}</h2>
          <PostForm ctx={p.ctx} action={base} upload>
            {f.text('title', { label: t('projects.documents.docTitle') })}
            {f.file('file', { label: t('projects.documents.file'), hint: t('projects.documents.fileHint') })}
            {f.checkboxes('isPublic', {
              label: t('projects.documents.visibility'),
              options: [{ value: 'yes', label: t('projects.documents.makePublic') }],
            })}
            <Button variant="secondary">{t('projects.documents.add')}</Button>
          </PostForm>
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}
