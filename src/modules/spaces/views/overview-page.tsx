import { formatDate, safeDay } from '../../../kernel/dates.ts'
import { safeMarkdown } from '../../../kernel/markdown.ts'
import type { SpaceRole } from '../../../kernel/policy.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { descriptionOf, type Space, themeOf } from '../service.ts'
import type { ProposalStatus, ScheduleStatus } from '../tables.ts'
import { type SpaceMay, SpacePage, StatusTag, SummaryMarkupRow, SummaryRow } from './space-page.tsx'
import { statusColour } from './spaces-list-page.tsx'

export function OverviewPage(p: {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  myRole: SpaceRole | null
  secretaryName: string | null
  chair: { name: string; organisation_name: string | null } | undefined
  openProposal: { id: string; number: number; status: ProposalStatus } | undefined
  announcements: {
    id: string
    title: string
    body: string
    is_pinned: boolean
    created_at: Date
    author_name: string
  }[]
  upcoming: { id: string; task: string; due_on: string; status: ScheduleStatus; responsible: string }[]
}) {
  const { t, lang } = p.ctx
  const s = p.space
  const description = descriptionOf(s, lang)
  return (
    <SpacePage ctx={p.ctx} space={s} may={p.may} tab="overview">
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {p.openProposal &&
          (p.may['space.propose'] || (p.may['space.decide'] && p.openProposal.status !== 'draft')) ? (
            <div class="govuk-inset-text">
              <a class="govuk-link" href={`/spaces/${s.id}/compositions/${p.openProposal.id}`}>
                {t('spaces.overview.proposalWaiting', {
                  number: p.openProposal.number,
                  status: t(`spaces.composition.statuses.${p.openProposal.status}`),
                })}
              </a>
            </div>
          ) : (
            ''
          )}
          <h2 class="govuk-heading-m">{t('spaces.overview.about')}</h2>
          <dl class="govuk-summary-list">
            <SummaryRow label={t('spaces.fields.theme')} value={themeOf(s, lang)} />
            <SummaryMarkupRow label={t('spaces.fields.status')}>
              <StatusTag label={t(`spaces.statuses.${s.status}`)} colour={statusColour[s.status]} />
            </SummaryMarkupRow>
            <SummaryRow
              label={t('spaces.fields.chair')}
              value={
                p.chair
                  ? `${p.chair.name}${p.chair.organisation_name ? ` (${p.chair.organisation_name})` : ''}`
                  : null
              }
            />
            <SummaryRow label={t('spaces.fields.secretary')} value={p.secretaryName} />
            {p.myRole ? (
              <SummaryRow label={t('spaces.overview.myRole')} value={t(`spaces.roles.${p.myRole}`)} />
            ) : (
              ''
            )}
          </dl>
          {description ? (
            description.split(/\n{2,}/).map((para) => (
              <p class="govuk-body" safe>
                {para}
              </p>
            ))
          ) : (
            <p class="govuk-body">{t('spaces.overview.noDescription')}</p>
          )}
          {s.is_public ? (
            <p class="govuk-body">
              <a class="govuk-link" href={`/networks/${s.id}`}>
                {t('spaces.overview.publicPage')}
              </a>
            </p>
          ) : (
            ''
          )}
          <h2 class="govuk-heading-m">{t('spaces.overview.upcoming')}</h2>
          {p.upcoming.length === 0 ? (
            <p class="govuk-body">{t('spaces.schedule.none')}</p>
          ) : (
            <ul class="govuk-list">
              {p.upcoming.map((i) => (
                <li>
                  <strong>{safeDay(i.due_on, lang)}</strong>: <span safe>{i.task}</span>
                  {i.responsible ? <span safe>{` (${i.responsible})`}</span> : ''}
                </li>
              ))}
            </ul>
          )}
          <h2 class="govuk-heading-m">{t('spaces.tabs.announcements')}</h2>
          {p.announcements.length === 0 ? (
            <p class="govuk-body">{t('spaces.announcements.none')}</p>
          ) : (
            p.announcements.map((a) => (
              <article class="siatka-prose govuk-!-margin-bottom-6" aria-labelledby={`announcement-${a.id}`}>
                <h3 class="govuk-heading-s" id={`announcement-${a.id}`}>
                  <span safe>{a.title}</span>
                  {a.is_pinned ? (
                    <>
                      {' '}
                      <StatusTag label={t('spaces.announcements.pinnedBadge')} colour="blue" />
                    </>
                  ) : (
                    ''
                  )}
                </h3>
                <p class="govuk-body-s">
                  <span safe>{`${a.author_name}, ${formatDate(a.created_at, lang)}`}</span>
                </p>
                {safeMarkdown(a.body, 4)}
              </article>
            ))
          )}
        </div>
      </div>
    </SpacePage>
  )
}
