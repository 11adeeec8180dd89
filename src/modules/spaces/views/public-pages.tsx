import { safeDay } from '../../../kernel/dates.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Pagination } from '../../../kernel/views/pagination.tsx'
import { descriptionOf, nameOf, type Space, themeOf } from '../service.ts'
import type { ScheduleStatus, SpaceStatus, SpaceType } from '../tables.ts'

interface Row {
  id: string
  name_pl: string
  name_en: string
  theme_pl: string
  theme_en: string
  type: SpaceType
  status: SpaceStatus
}

export function PublicSpacesPage(p: { ctx: ViewContext; rows: Row[]; page: Page; hasNext: boolean }) {
  const { t, lang } = p.ctx
  return (
    <Layout
      ctx={p.ctx}
      title={t('spaces.public.title')}
      section="spaces"
      description={t('spaces.public.intro')}
    >
      <h1 class="govuk-heading-l">{t('spaces.public.title')}</h1>
      <p class="govuk-body-l">{t('spaces.public.intro')}</p>
      {p.rows.length === 0 ? (
        <p class="govuk-body">{t('spaces.public.none')}</p>
      ) : (
        <ul class="govuk-list">
          {p.rows.map((r) => (
            <li class="govuk-!-margin-bottom-4">
              <h2 class="govuk-heading-s govuk-!-margin-bottom-1">
                <a class="govuk-link" href={`/networks/${r.id}`} safe>
                  {nameOf(r, lang)}
                </a>
              </h2>
              <p class="govuk-body govuk-!-margin-bottom-0">
                {t(`spaces.types.${r.type}`)}: <span safe>{themeOf(r, lang)}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination ctx={p.ctx} page={p.page} hasNext={p.hasNext} path="/networks" query={{}} />
    </Layout>
  )
}

/** A space's public page: only what the secretariat chose to publish (theme and description always). */
export function PublicSpacePage(p: {
  ctx: ViewContext
  space: Space
  chair: { name: string; organisation_name: string | null } | undefined
  organisations: { id: string; name: string; website: string | null }[]
  schedule: { id: string; task: string; due_on: string; status: ScheduleStatus }[]
  /** Reports of the space's study visits published to the public. */
  /**
   * Other modules' sections of the page (kernel/module.ts): HTML their components rendered, with
   * people's text escaped there, so it goes in as it is (the `safe` prefix tells the XSS scan).
   */
  safeSections: (JSX.Element | string)[]
  canEnter: boolean
}) {
  const { t, lang } = p.ctx
  const s = p.space
  const safeSections = p.safeSections
  const description = descriptionOf(s, lang)
  return (
    <Layout
      ctx={p.ctx}
      title={nameOf(s, lang)}
      section="spaces"
      description={`${t(`spaces.types.${s.type}`)}: ${themeOf(s, lang)}`}
    >
      <span class="govuk-caption-l">{t(`spaces.types.${s.type}`)}</span>
      <h1 class="govuk-heading-l" safe>
        {nameOf(s, lang)}
      </h1>
      <p class="govuk-body-l" safe>
        {themeOf(s, lang)}
      </p>
      {description.split(/\n{2,}/).map((para) => (
        <p class="govuk-body" safe>
          {para}
        </p>
      ))}
      {p.chair ? (
        <>
          <h2 class="govuk-heading-m">{t('spaces.public.chair')}</h2>
          <p class="govuk-body">
            <span safe>{p.chair.name}</span>
            {p.chair.organisation_name ? <span safe>{` (${p.chair.organisation_name})`}</span> : ''}
          </p>
        </>
      ) : (
        ''
      )}
      {p.organisations.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">{t('spaces.public.organisations')}</h2>
          <ul class="govuk-list govuk-list--bullet">
            {p.organisations.map((o) => (
              <li safe>{o.name}</li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {p.schedule.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">{t('spaces.public.schedule')}</h2>
          <ul class="govuk-list">
            {p.schedule.map((i) => (
              <li>
                <strong>{safeDay(i.due_on, lang)}</strong>: <span safe>{i.task}</span> (
                {t(`spaces.schedule.statuses.${i.status}`)})
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}
      {safeSections}
      <p class="govuk-body">
        {p.canEnter ? (
          <a class="govuk-link" href={`/spaces/${s.id}`}>
            {t('spaces.public.internal')}
          </a>
        ) : (
          t('spaces.public.membersSignIn')
        )}
      </p>
    </Layout>
  )
}
