import { formatDateTime } from '../../../../kernel/dates.ts'
import { safeMarkdown } from '../../../../kernel/markdown.ts'
import type { Page } from '../../../../kernel/pagination.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import {
  Button,
  type FieldErrors,
  type FormValues,
  formFields,
  PostForm,
} from '../../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../../kernel/views/filter-form.tsx'
import { FormPage } from '../../../../kernel/views/form-page.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Pagination } from '../../../../kernel/views/pagination.tsx'
import { contentLanguages } from '../../schemas.ts'
import { type ArticleSection, articleSections } from '../../tables.ts'
import type { KnowledgeQuery } from '../schemas.ts'
import type { Article, OverviewRow, Version } from '../service.ts'
import type { Change } from '../versions.ts'

interface ListedArticle {
  id: string
  title: string
  lang: string
}

function ArticleList(p: { articles: ListedArticle[] }) {
  return (
    <ul class="govuk-list govuk-list--spaced">
      {p.articles.map((a) => (
        <li>
          <a class="govuk-link" href={`/community/knowledge/${a.id}`} lang={a.lang} safe>
            {a.title}
          </a>
        </li>
      ))}
    </ul>
  )
}

const languageQuery = (q: KnowledgeQuery) => (q.language === 'all' ? '' : `&language=${q.language}`)

/** The knowledge base: every section with its first articles, or one section's articles a page at a time. */
export function KnowledgePage(p: {
  ctx: ViewContext
  query: KnowledgeQuery
  overview?: OverviewRow[]
  section?: { articles: ListedArticle[]; page: Page; hasNext: boolean }
  drafts?: (ListedArticle & { section: ArticleSection })[]
  mayWrite: boolean
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, { language: p.query.language, section: p.query.section ?? '' })
  const title = p.query.section
    ? t(`community.knowledge.sections.${p.query.section}`)
    : t('community.knowledge.title')
  return (
    <Layout ctx={p.ctx} title={title} section="knowledge">
      {p.query.section ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/community/knowledge">
            {t('community.knowledge.back')}
          </a>
        </p>
      ) : (
        ''
      )}
      <h1 class="govuk-heading-l">{title}</h1>
      {p.query.section ? '' : <p class="govuk-body">{t('community.knowledge.intro')}</p>}
      {p.mayWrite ? (
        <p class="govuk-body">
          <a class="govuk-link" href="/community/knowledge/new">
            {t('community.knowledge.new')}
          </a>
        </p>
      ) : (
        ''
      )}
      <FilterForm
        action="/community/knowledge"
        label={t('community.knowledge.filters')}
        submit={t('community.knowledge.apply')}
        keep={p.query.section ? { section: p.query.section } : {}}
      >
        {f.select('language', {
          label: t('community.knowledge.language'),
          options: [
            { value: 'all', label: t('community.knowledge.allLanguages') },
            ...contentLanguages.map((l) => ({ value: l, label: t(`community.languages.${l}`) })),
          ],
        })}
      </FilterForm>
      {p.overview
        ? articleSections.map((s) => {
            const rows = (p.overview ?? []).filter((r) => r.section === s)
            const total = rows[0]?.total ?? 0
            return (
              <section aria-labelledby={`section-${s}`}>
                <h2 class="govuk-heading-m" id={`section-${s}`}>
                  {t(`community.knowledge.sections.${s}`)}{' '}
                  <span class="govuk-caption-m">{t('community.knowledge.articles', { count: total })}</span>
                </h2>
                {rows.length ? (
                  <ArticleList articles={rows} />
                ) : (
                  <p class="govuk-body">{t('community.knowledge.none')}</p>
                )}
                {total > rows.length ? (
                  <p class="govuk-body">
                    <a class="govuk-link" href={`/community/knowledge?section=${s}${languageQuery(p.query)}`}>
                      {t('community.knowledge.allInSection', {
                        section: t(`community.knowledge.sections.${s}`),
                      })}
                    </a>
                  </p>
                ) : (
                  ''
                )}
              </section>
            )
          })
        : ''}
      {p.section ? (
        <>
          {p.section.articles.length ? (
            <ArticleList articles={p.section.articles} />
          ) : (
            <p class="govuk-body">{t('community.knowledge.none')}</p>
          )}
          <Pagination
            ctx={p.ctx}
            page={p.section.page}
            hasNext={p.section.hasNext}
            path="/community/knowledge"
            query={{ section: p.query.section ?? '', language: p.query.language }}
            label={t('community.knowledge.pages')}
          />
        </>
      ) : (
        ''
      )}
      {p.drafts ? (
        <>
          <h2 class="govuk-heading-m">{t('community.knowledge.drafts')}</h2>
          {p.drafts.length ? (
            <ArticleList articles={p.drafts} />
          ) : (
            <p class="govuk-body">{t('community.knowledge.noDrafts')}</p>
          )}
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}

/** An article: its text, its other language, related topics, "was this helpful", and for writers its versions. */
export function ArticlePage(p: {
  ctx: ViewContext
  article: Article
  related: { id: string; title: string; lang: string }[]
  mayWrite: boolean
}) {
  const { t, lang } = p.ctx
  const a = p.article
  return (
    <Layout ctx={p.ctx} title={a.title} section="knowledge">
      <p class="govuk-body">
        <a class="govuk-link" href={`/community/knowledge?section=${a.section}`}>
          {t(`community.knowledge.sections.${a.section}`)}
        </a>
      </p>
      <span class="govuk-caption-l">
        {t(`community.languages.${a.lang === 'en' ? 'en' : 'pl'}`)}
        {a.published ? (
          ''
        ) : (
          <>
            {' '}
            <strong class="govuk-tag govuk-tag--grey">{t('community.knowledge.draft')}</strong>
          </>
        )}
      </span>
      <h1 class="govuk-heading-l" lang={a.lang} safe>
        {a.title}
      </h1>
      {a.translation_id && (a.translation_published || p.mayWrite) ? (
        <p class="govuk-body">
          <a
            class="govuk-link"
            href={`/community/knowledge/${a.translation_id}`}
            hreflang={a.translation_lang ?? undefined}
          >
            {t('community.knowledge.otherLanguage', { title: a.translation_title ?? '' })}
          </a>
        </p>
      ) : (
        ''
      )}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <div lang={a.lang}>{safeMarkdown(a.body, 3)}</div>
          <p class="govuk-body-s">
            {t('community.knowledge.updated', { version: a.version, at: formatDateTime(a.updated_at, lang) })}
          </p>
          {p.related.length ? (
            <>
              <h2 class="govuk-heading-m">{t('community.knowledge.related')}</h2>
              <ul class="govuk-list">
                {p.related.map((topic) => (
                  <li>
                    <a class="govuk-link" href={`/community/topics/${topic.id}`} lang={topic.lang} safe>
                      {topic.title}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            ''
          )}
          {a.published ? (
            <PostForm ctx={p.ctx} action={`/community/knowledge/${a.id}/feedback`}>
              <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">
                  {t('community.knowledge.helpful')}
                </legend>
                <div class="siatka-actions">
                  <Button variant="secondary" name="helpful" value="yes">
                    {t('community.knowledge.yes')}
                  </Button>
                  <Button variant="secondary" name="helpful" value="no">
                    {t('community.knowledge.no')}
                  </Button>
                </div>
              </fieldset>
            </PostForm>
          ) : (
            ''
          )}
          {p.mayWrite ? (
            <>
              <p class="govuk-body-s">
                {t('community.knowledge.helpfulCounts', { yes: a.helpful_yes ?? 0, no: a.helpful_no ?? 0 })}
              </p>
              <ul class="govuk-list siatka-inline-list">
                <li>
                  <a class="govuk-link" href={`/community/knowledge/${a.id}/edit`}>
                    {t('community.knowledge.edit')}
                  </a>
                </li>
                <li>
                  <a class="govuk-link" href={`/community/knowledge/${a.id}/versions`}>
                    {t('community.knowledge.versions')}
                  </a>
                </li>
              </ul>
            </>
          ) : (
            ''
          )}
        </div>
      </div>
    </Layout>
  )
}

/** An article's form: new, or its next version. */
export function ArticleFormPage(p: {
  ctx: ViewContext
  action: string
  isNew: boolean
  values: FormValues
  errors?: FieldErrors
  translations: { id: string; title: string }[]
}) {
  const { t } = p.ctx
  const f = formFields(p.ctx, p.values, p.errors)
  const title = t(p.isNew ? 'community.knowledge.new' : 'community.knowledge.edit')
  return (
    <FormPage ctx={p.ctx} title={title} section="knowledge" errors={p.errors}>
      <PostForm ctx={p.ctx} action={p.action}>
        {p.isNew ? '' : <input type="hidden" name="version" value={String(p.values.version ?? 0)} />}
        {f.select('section', {
          label: t('community.knowledge.section'),
          options: articleSections.map((s) => ({ value: s, label: t(`community.knowledge.sections.${s}`) })),
        })}
        {f.radios('lang', {
          label: t('community.knowledge.lang'),
          options: contentLanguages.map((l) => ({ value: l, label: t(`community.languages.${l}`) })),
        })}
        {f.text('title', { label: t('community.knowledge.articleTitle') })}
        {f.textarea('body', {
          label: t('community.knowledge.body'),
          hint: t('community.knowledge.bodyHint'),
          rows: 16,
        })}
        {f.select('translationId', {
          label: t('community.knowledge.translation'),
          options: [
            { value: '', label: t('community.knowledge.noTranslation') },
            ...p.translations.map((x) => ({ value: x.id, label: x.title })),
          ],
        })}
        {f.textarea('topics', {
          label: t('community.knowledge.topics'),
          hint: t('community.knowledge.topicsHint'),
          rows: 3,
        })}
        {f.checkboxes('published', {
          label: t('community.knowledge.publication'),
          options: [{ value: 'yes', label: t('community.knowledge.published') }],
        })}
        {p.isNew ? '' : f.text('note', { label: t('community.knowledge.note') })}
        <Button>{t(p.isNew ? 'community.knowledge.create' : 'community.knowledge.save')}</Button>
      </PostForm>
    </FormPage>
  )
}

/** An article's versions, newest first, and what changed between two of them. */
export function VersionsPage(p: {
  ctx: ViewContext
  article: Article
  versions: Version[]
  compared: { from: number; to: number; changes: Change[] | null; before: string; after: string } | null
}) {
  const { t, lang } = p.ctx
  const a = p.article
  const f = formFields(p.ctx, { from: String(p.compared?.from ?? ''), to: String(p.compared?.to ?? '') })
  // Heard by screen readers before a change: catalogue texts, escaped by the translator.
  const safeAdded = `[${t('community.knowledge.added')}: `
  const safeRemoved = `[${t('community.knowledge.removed')}: `
  const options = p.versions.map((v) => ({
    value: String(v.version),
    label: t('community.knowledge.version', { version: v.version }),
  }))
  return (
    <Layout ctx={p.ctx} title={`${t('community.knowledge.versions')}: ${a.title}`} section="knowledge">
      <p class="govuk-body">
        <a class="govuk-link" href={`/community/knowledge/${a.id}`} lang={a.lang} safe>
          {a.title}
        </a>
      </p>
      <h1 class="govuk-heading-l">{t('community.knowledge.versions')}</h1>
      <ol class="govuk-list govuk-list--spaced">
        {p.versions.map((v) => (
          <li>
            <strong>{t('community.knowledge.version', { version: v.version })}</strong>
            {' – '}
            {t('community.knowledge.versionBy', {
              author: v.author_name,
              at: formatDateTime(v.created_at, lang),
            })}
            {v.note ? (
              <>
                <br />
                <span safe>{v.note}</span>
              </>
            ) : (
              ''
            )}
          </li>
        ))}
      </ol>
      {p.versions.length > 1 ? (
        <FilterForm
          action={`/community/knowledge/${a.id}/versions`}
          label={t('community.knowledge.compare')}
          submit={t('community.knowledge.compare')}
        >
          <div class="siatka-filters__row">
            {f.select('from', { label: t('community.knowledge.compareFrom'), options })}
            {f.select('to', { label: t('community.knowledge.compareTo'), options })}
          </div>
        </FilterForm>
      ) : (
        <p class="govuk-body">{t('community.knowledge.onlyOne')}</p>
      )}
      {p.compared ? (
        <>
          <h2 class="govuk-heading-m">
            {t('community.knowledge.changes', { from: p.compared.from, to: p.compared.to })}
          </h2>
          {p.compared.changes ? (
            <div class="siatka-diff siatka-pre-line" lang={a.lang}>
              {p.compared.changes.map((c) =>
                c.kind === 'added' ? (
                  <ins>
                    <span class="govuk-visually-hidden">{safeAdded}</span>
                    <span safe>{c.text}</span>
                    <span class="govuk-visually-hidden">]</span>
                  </ins>
                ) : c.kind === 'removed' ? (
                  <del>
                    <span class="govuk-visually-hidden">{safeRemoved}</span>
                    <span safe>{c.text}</span>
                    <span class="govuk-visually-hidden">]</span>
                  </del>
                ) : (
                  <span safe>{c.text}</span>
                ),
              )}
            </div>
          ) : (
            <>
              <p class="govuk-body">{t('community.knowledge.tooDifferent')}</p>
              <h3 class="govuk-heading-s">
                {t('community.knowledge.version', { version: p.compared.from })}
              </h3>
              <p class="govuk-body siatka-pre-line" lang={a.lang} safe>
                {p.compared.before}
              </p>
              <h3 class="govuk-heading-s">{t('community.knowledge.version', { version: p.compared.to })}</h3>
              <p class="govuk-body siatka-pre-line" lang={a.lang} safe>
                {p.compared.after}
              </p>
            </>
          )}
        </>
      ) : (
        ''
      )}
    </Layout>
  )
}
