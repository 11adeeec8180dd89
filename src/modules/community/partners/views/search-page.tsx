import { safeDay } from '../../../../kernel/dates.ts'
import type { Page } from '../../../../kernel/pagination.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import { formFields } from '../../../../kernel/views/fields.tsx'
import { FilterForm } from '../../../../kernel/views/filter-form.tsx'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { Pagination } from '../../../../kernel/views/pagination.tsx'
import { countryName } from '../../profiles.ts'
import type { PartnerSearchQuery } from '../schemas.ts'
import type { OrganisationHit, RequestHit } from '../service.ts'
import { type Choices, labelsOf, MatchNote } from './parts.tsx'
import { SaveSearchForm } from './saved-page.tsx'

export type SearchTab = 'organisations' | 'requests'

const tabPath: Record<SearchTab, string> = {
  organisations: '/community/partners',
  requests: '/community/partners/requests',
}

/** The two lists of the partner search, as links: the current one marked. */
function Tabs(p: { ctx: ViewContext; current: SearchTab }) {
  const { t } = p.ctx
  return (
    <nav class="siatka-view-switch" aria-label={t('community.partners.title')}>
      <ul class="govuk-list siatka-inline-list">
        {(['organisations', 'requests'] as const).map((tab) => (
          <li>
            <a class="govuk-link" href={tabPath[tab]} aria-current={tab === p.current ? 'page' : undefined}>
              {t(`community.partners.${tab}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** The query string that repeats a search (for the pages' links). */
export function searchParams(q: PartnerSearchQuery): Record<string, string> {
  const kept: Record<string, string> = {}
  if (q.q) kept.q = q.q
  if (q.region) kept.region = q.region
  if (q.request) kept.request = q.request
  return kept
}

/** The whole search as the pager's links repeat it. */
const listParams = (q: PartnerSearchQuery): Record<string, string | readonly string[]> => ({
  ...searchParams(q),
  theme: q.theme,
  kind: q.kind,
  country: q.country,
  language: q.language,
  programme: q.programme,
})

/** The criteria as folded groups of checkboxes (open when something in them is ticked). */
function Criteria(p: { ctx: ViewContext; query: PartnerSearchQuery; choices: Choices; tab: SearchTab }) {
  const { t } = p.ctx
  const f = formFields(p.ctx, { ...p.query })
  const groups = (['theme', 'kind', 'country', 'language', 'programme'] as const).map((name) => (
    <details class="govuk-details govuk-!-margin-bottom-3" open={p.query[name].length ? true : undefined}>
      <summary class="govuk-details__summary">
        <span class="govuk-details__summary-text">
          {t(`community.partners.${name}`)}
          {p.query[name].length ? ` (${p.query[name].length})` : ''}
        </span>
      </summary>
      <div class="govuk-details__text">
        {f.checkboxes(name, { label: t(`community.partners.${name}`), options: p.choices[name] })}
      </div>
    </details>
  ))
  return (
    <FilterForm
      action={tabPath[p.tab]}
      label={t('community.partners.filters')}
      submit={t('community.partners.search')}
      keep={p.query.request && p.tab === 'organisations' ? { request: p.query.request } : {}}
    >
      <h2 class="govuk-heading-m">{t('community.partners.filters')}</h2>
      {f.text('q', { label: t('community.partners.words') })}
      {groups}
      {p.tab === 'organisations'
        ? f.text('region', {
            label: t('community.partners.region'),
            hint: t('community.partners.regionHint'),
          })
        : ''}
    </FilterForm>
  )
}

/** Organisations found, best match first, each with what it is and how it matches. */
export function OrganisationsPage(p: {
  ctx: ViewContext
  query: PartnerSearchQuery
  choices: Choices
  hits: OrganisationHit[]
  page: Page
  hasNext: boolean
  /** The request the organisations are matched to. */
  matchFor?: { id: string; title: string }
  own: { id: string; profiled: boolean } | null
  signedIn: boolean
}) {
  const { t, lang } = p.ctx
  const heading = p.matchFor
    ? t('community.partners.matchFor', { title: p.matchFor.title })
    : t('community.partners.title')
  return (
    <Layout ctx={p.ctx} title={heading} section="partners">
      <h1 class="govuk-heading-l">{heading}</h1>
      <p class="govuk-body">{t('community.partners.intro')}</p>
      <OwnLinks ctx={p.ctx} own={p.own} signedIn={p.signedIn} />
      <Tabs ctx={p.ctx} current="organisations" />
      <Criteria ctx={p.ctx} query={p.query} choices={p.choices} tab="organisations" />
      {p.signedIn && !p.matchFor ? <SaveSearchForm ctx={p.ctx} target="organisations" query={p.query} /> : ''}
      <h2 class="govuk-heading-m">{t('community.partners.found')}</h2>
      {p.hits.length ? (
        <ol class="govuk-list govuk-list--spaced">
          {p.hits.map((o) => (
            <li>
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                <a class="govuk-link" href={`/community/organisations/${o.id}`} safe>
                  {o.name}
                </a>
              </h3>
              <p class="govuk-body-s govuk-!-margin-bottom-1" safe>
                {[
                  t(`accounts.organisations.types.${o.type}`),
                  countryName(o.country, lang),
                  o.region_name || o.region_code || '',
                  labelsOf(p.choices.theme, o.themes),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              <MatchNote ctx={p.ctx} match={o.match} />
            </li>
          ))}
        </ol>
      ) : (
        <p class="govuk-body">{t('community.partners.none')}</p>
      )}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path="/community/partners"
        query={listParams(p.query)}
        label={t('community.partners.pages')}
      />
    </Layout>
  )
}

/** What the person's own organisation lets them do here: add it, or see it and publish a request. */
function OwnLinks(p: { ctx: ViewContext; own: { id: string; profiled: boolean } | null; signedIn: boolean }) {
  const { t } = p.ctx
  if (!p.signedIn) return ''
  const savedLink = (
    <li>
      <a class="govuk-link" href="/community/partners/saved">
        {t('community.partners.saved.title')}
      </a>
    </li>
  )
  if (!p.own)
    return (
      <ul class="govuk-list siatka-inline-list">
        <li>
          <a class="govuk-link" href="/community/organisations/new">
            {t('community.partners.organisation.new')}
          </a>
        </li>
        {savedLink}
      </ul>
    )
  return (
    <ul class="govuk-list siatka-inline-list">
      {savedLink}
      <li>
        <a class="govuk-link" href={`/community/organisations/${p.own.id}`}>
          {t('community.partners.organisation.yours')}
        </a>
      </li>
      {p.own.profiled ? (
        <li>
          <a class="govuk-link" href="/community/partners/requests/new">
            {t('community.partners.organisation.newRequest')}
          </a>
        </li>
      ) : (
        ''
      )}
    </ul>
  )
}

/** Open partner requests found, best match first. */
export function RequestsPage(p: {
  ctx: ViewContext
  query: PartnerSearchQuery
  choices: Choices
  hits: RequestHit[]
  page: Page
  hasNext: boolean
  own: { id: string; profiled: boolean } | null
  signedIn: boolean
}) {
  const { t, lang } = p.ctx
  return (
    <Layout ctx={p.ctx} title={t('community.partners.requests')} section="partners">
      <h1 class="govuk-heading-l">{t('community.partners.requests')}</h1>
      <p class="govuk-body">{t('community.partners.requestsIntro')}</p>
      <OwnLinks ctx={p.ctx} own={p.own} signedIn={p.signedIn} />
      <Tabs ctx={p.ctx} current="requests" />
      <Criteria ctx={p.ctx} query={p.query} choices={p.choices} tab="requests" />
      {p.signedIn ? <SaveSearchForm ctx={p.ctx} target="requests" query={p.query} /> : ''}
      <h2 class="govuk-heading-m">{t('community.partners.foundRequests')}</h2>
      {p.hits.length ? (
        <ol class="govuk-list govuk-list--spaced">
          {p.hits.map((r) => (
            <li>
              <h3 class="govuk-heading-s govuk-!-margin-bottom-1">
                <a class="govuk-link" href={`/community/partners/requests/${r.id}`} lang={r.lang} safe>
                  {r.title}
                </a>
              </h3>
              <p class="govuk-body-s govuk-!-margin-bottom-1" safe>
                {[
                  `${r.organisation_name} (${countryName(r.organisation_country, lang)})`,
                  t(`community.partners.programmes.${r.programme as 'other'}`),
                  t('community.partners.request.until', { day: safeDay(r.deadline, lang) }),
                ].join(' · ')}
              </p>
              <MatchNote ctx={p.ctx} match={r.match} />
            </li>
          ))}
        </ol>
      ) : (
        <p class="govuk-body">{t('community.partners.noneRequests')}</p>
      )}
      <Pagination
        ctx={p.ctx}
        page={p.page}
        hasNext={p.hasNext}
        path="/community/partners/requests"
        query={listParams(p.query)}
        label={t('community.partners.pages')}
      />
    </Layout>
  )
}
