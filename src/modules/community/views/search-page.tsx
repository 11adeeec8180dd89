import { formatDateTime } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { formFields } from '../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { contentLanguages, type SearchQuery, searchPeriods } from '../schemas.ts'
import type { SearchHit } from '../service.ts'
import { TopicTags } from './forum-page.tsx'
import { inLang } from './forums-page.tsx'

/** A post's text as a short plain excerpt: Markdown's marks dropped, at most about 240 characters. */
export function excerptOf(markdown: string): string {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#|~]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length > 240 ? `${text.slice(0, 240).replace(/\s\S*$/, '')}…` : text
}

/** The forum's search: words and filters, then the topics found, best first, 20 a page. */
export function SearchPage(p: {
  ctx: ViewContext
  query: SearchQuery
  forums: { id: string; name_pl: string; name_en: string }[]
  hits: SearchHit[]
  page: Page
  hasNext: boolean
}) {
  const { t, lang } = p.ctx
  const q = p.query
  const f = formFields(p.ctx, { ...q, forum: q.forum ?? '' })
  const kept: Record<string, string> = {
    q: q.q,
    forum: q.forum ?? '',
    language: q.language,
    answered: q.answered,
    since: q.since,
  }
  return (
    <Layout ctx={p.ctx} title={t('community.search.title')} section="forums">
      <p class="govuk-body">
        <a class="govuk-link" href="/community">
          {t('community.back')}
        </a>
      </p>
      <h1 class="govuk-heading-l">{t('community.search.title')}</h1>
      <FilterForm
        action="/community/search"
        label={t('community.search.title')}
        submit={t('community.search.submit')}
      >
        {f.text('q', { label: t('community.search.words'), hint: t('community.search.wordsHint') })}
        <div class="siatka-filters__row">
          {f.select('forum', {
            label: t('community.forum'),
            options: [
              { value: '', label: t('community.search.everyForum') },
              ...p.forums.map((x) => ({ value: x.id, label: inLang(lang, x.name_pl, x.name_en) })),
            ],
          })}
          {f.select('language', {
            label: t('community.language'),
            options: [
              { value: 'all', label: t('community.allLanguages') },
              ...contentLanguages.map((l) => ({ value: l, label: t(`community.languages.${l}`) })),
            ],
          })}
          {f.select('answered', {
            label: t('community.search.state'),
            options: [
              { value: 'all', label: t('community.search.anyState') },
              { value: 'yes', label: t('community.search.answered') },
              { value: 'no', label: t('community.search.waiting') },
            ],
          })}
          {f.select('since', {
            label: t('community.search.since'),
            options: searchPeriods.map((d) => ({ value: d, label: t(`community.search.periods.d${d}`) })),
          })}
        </div>
      </FilterForm>
      {q.q ? (
        p.hits.length ? (
          <>
            <h2 class="govuk-heading-m">{t('community.search.found')}</h2>
            <ol class="govuk-list govuk-list--spaced">
              {p.hits.map((hit) => (
                <li>
                  <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                    <a class="govuk-link" href={`/community/topics/${hit.id}`} lang={hit.lang} safe>
                      {hit.title}
                    </a>
                    <TopicTags ctx={p.ctx} topic={hit} />
                  </h3>
                  <p class="govuk-body-s govuk-!-margin-bottom-1" safe>
                    {`${inLang(lang, hit.forum_pl, hit.forum_en)} · ${hit.author_name} · ${formatDateTime(hit.last_post_at, lang)}`}
                  </p>
                  {hit.excerpt ? (
                    <p class="govuk-body govuk-!-margin-bottom-0" lang={hit.lang} safe>
                      {excerptOf(hit.excerpt)}
                    </p>
                  ) : (
                    ''
                  )}
                </li>
              ))}
            </ol>
            <Pagination
              ctx={p.ctx}
              page={p.page}
              hasNext={p.hasNext}
              path="/community/search"
              query={kept}
              label={t('community.search.pages')}
            />
          </>
        ) : (
          <p class="govuk-body">{t('community.search.none')}</p>
        )
      ) : (
        ''
      )}
    </Layout>
  )
}
