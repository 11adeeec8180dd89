// Saved partner searches: the form under a search that keeps it, and the person's list of them.
import { formatDate } from '../../../../kernel/dates.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import { Button, ErrorSummary, type FieldErrors, PostForm } from '../../../../kernel/views/fields.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { type SavedSearch, type SavedTarget, searchPath } from '../saved.ts'
import type { PartnerSearchQuery } from '../schemas.ts'
import { type Choices, summaryOf } from './parts.tsx'

/** Keeps the search shown: its criteria as hidden fields, one button, what it will do said beside it. */
export function SaveSearchForm(p: { ctx: ViewContext; target: SavedTarget; query: PartnerSearchQuery }) {
  const { t } = p.ctx
  const q = p.query
  const lists = (['theme', 'kind', 'country', 'language', 'programme'] as const).flatMap((c) =>
    q[c].map((v) => <input type="hidden" name={c} value={v} />),
  )
  return (
    <PostForm ctx={p.ctx} action="/community/partners/saved">
      <input type="hidden" name="target" value={p.target} />
      {q.q ? <input type="hidden" name="q" value={q.q} /> : ''}
      {q.region ? <input type="hidden" name="region" value={q.region} /> : ''}
      {lists}
      <p class="govuk-body-s govuk-!-margin-bottom-2">{t('community.partners.saved.saveHint')}</p>
      <Button variant="secondary">{t('community.partners.saved.save')}</Button>
    </PostForm>
  )
}

/** The person's saved searches, each with a link to its results and a button that removes it. */
export function SavedSearchesPage(p: {
  ctx: ViewContext
  searches: SavedSearch[]
  choices: Choices
  errors?: FieldErrors
}) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('community.partners.saved.title')} section="partners" errors={p.errors}>
      {p.errors ? <ErrorSummary ctx={p.ctx} errors={p.errors} /> : ''}
      <h1 class="govuk-heading-l">{t('community.partners.saved.title')}</h1>
      <p class="govuk-body">{t('community.partners.saved.intro')}</p>
      {p.searches.length ? (
        <ul class="govuk-list govuk-list--spaced">
          {p.searches.map((s) => {
            // Raw text (typed words, themes' names): escaped where it is shown; t() escapes it as a value.
            const summary = summaryOf(p.ctx, p.choices, s.query)
            return (
              <li>
                <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                  {t(`community.partners.saved.targets.${s.target}`)}: <span safe>{summary}</span>
                </h2>
                <p class="govuk-body-s govuk-!-margin-bottom-1">
                  {t('community.partners.saved.savedOn', { day: formatDate(s.created_at, lang) })}
                </p>
                <div class="siatka-actions">
                  <a class="govuk-link govuk-!-margin-right-3" href={searchPath(s.target, s.query)}>
                    {t('community.partners.saved.show')}
                  </a>
                  <PostForm ctx={p.ctx} action={`/community/partners/saved/${s.id}/remove`}>
                    <Button variant="warning">
                      <span>{t('community.partners.saved.remove')}</span>
                      <span class="govuk-visually-hidden">
                        {' '}
                        {t('community.partners.saved.removeWhich', { summary })}
                      </span>
                    </Button>
                  </PostForm>
                </div>
              </li>
            )
          })}
        </ul>
      ) : (
        <p class="govuk-body">{t('community.partners.saved.none')}</p>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href="/community/partners">
          {t('community.partners.title')}
        </a>
      </p>
    </Layout>
  )
}
