import { safeDay, today } from '../../../kernel/dates.ts'
import { formatGrosze } from '../../../kernel/money.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Layout } from '../../../kernel/views/layout.tsx'
import { Table } from '../../../kernel/views/table.tsx'
import type { NewsPost, ProjectDocument } from '../news/service.ts'
import { DocumentsTable, NewsList } from '../news/views/news-page.tsx'
import type { ProjectRow } from '../queries.ts'
import { indicatorProgress, unitFor } from '../rules.ts'
import type { ScheduleExcerpt } from '../schedule/service.ts'
import { ActivitiesTable } from '../schedule/views/schedule-page.tsx'
import { LogoStrip, type MarkFile } from './logo-strip.tsx'
import { dayRange, fundingSource, projectArea, projectTitle } from './project-name.ts'
import { Contacts, Goals, LatestReport } from './project-parts.tsx'

/** Posts the public page shows; the rest are on the news page. */
export const publicNewsExcerpt = 3

/**
 * A published project's public page, as the EU funds' information rules ask: the logo strip of its
 * period first, then title, beneficiary and partners, the source of funding, the value and the EU
 * contribution, the period, goals, target groups, the planned effects with their progress, the
 * support schedule's coming (or last) activities and whom to contact.
 */
export function PublicProjectPage(p: {
  ctx: ViewContext
  project: ProjectRow
  schedule: ScheduleExcerpt
  /** The latest posts (one more than shown tells there are older ones). */
  news: NewsPost[]
  documents: ProjectDocument[]
  /** The official marks' files given for the strip, by slot. */
  marks: ReadonlyMap<string, MarkFile>
}) {
  const { t, lang } = p.ctx
  const pr = p.project
  const { programme, sentence } = fundingSource(t, lang, pr, 'html')
  const day = today()
  return (
    <Layout ctx={p.ctx} title={projectTitle(pr)} section="projects" description={pr.main_goal.slice(0, 160)}>
      <LogoStrip
        period={pr.period}
        programme={{ id: pr.programme_node_id, name: programme }}
        files={p.marks}
        lang={lang}
      />
      <h1 class="govuk-heading-l" safe>
        {projectTitle(pr)}
      </h1>
      <p class="govuk-body-l">{sentence}</p>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('projects.public.beneficiary')}</dt>
          <dd class="govuk-summary-list__value" safe>
            {pr.lead_name}
          </dd>
        </div>
        {pr.partners.some((o) => o.role === 'partner') ? (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{t('projects.public.partners')}</dt>
            <dd class="govuk-summary-list__value" safe>
              {pr.partners
                .filter((o) => o.role === 'partner')
                .map((o) => o.name)
                .join(', ')}
            </dd>
          </div>
        ) : (
          ''
        )}
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('projects.period')}</dt>
          <dd class="govuk-summary-list__value">{dayRange(t, pr.starts_on, pr.ends_on, safeDay, lang)}</dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('projects.area')}</dt>
          <dd class="govuk-summary-list__value" safe>
            {projectArea(t, pr)}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('projects.totalValue')}</dt>
          <dd class="govuk-summary-list__value" safe>
            {formatGrosze(pr.total_value_grosze, lang)}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('projects.euContribution')}</dt>
          <dd class="govuk-summary-list__value" safe>
            {formatGrosze(pr.eu_contribution_grosze, lang)}
          </dd>
        </div>
      </dl>

      <Goals ctx={p.ctx} project={pr} level={2} />

      {pr.target_groups.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">{t('projects.targetGroups')}</h2>
          <ul class="govuk-list govuk-list--bullet">
            {pr.target_groups.map((g) => (
              <li>
                <span safe>{g.name}</span>
                {g.planned_people === null ? '' : t('projects.public.people', { n: g.planned_people })}
              </li>
            ))}
          </ul>
        </>
      ) : (
        ''
      )}

      {pr.indicators.length > 0 ? (
        <>
          <h2 class="govuk-heading-m">{t('projects.public.effects')}</h2>
          <Table
            caption={t('projects.public.effects')}
            headers={[
              t('projects.indicatorColumns.name'),
              t('projects.indicatorColumns.target'),
              t('projects.indicatorColumns.latest'),
              t('projects.indicatorColumns.state'),
            ]}
          >
            {pr.indicators.map((i) => {
              const progress = indicatorProgress(i, i.latest_value, pr, day)
              return (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell" safe>
                    {i.name}
                  </td>
                  <td class="govuk-table__cell">
                    {t('projects.public.target', { target: i.target, unit: unitFor(i.target, i) })}
                  </td>
                  <td class="govuk-table__cell">
                    <LatestReport ctx={p.ctx} indicator={i} />
                  </td>
                  <td class="govuk-table__cell">{t(`projects.indicatorStates.${progress.state}`)}</td>
                </tr>
              )
            })}
          </Table>
        </>
      ) : (
        ''
      )}

      <h2 class="govuk-heading-m" id="schedule">
        {t('projects.schedule.heading')}
      </h2>
      {p.schedule.rows.length === 0 ? (
        <p class="govuk-body">{t('projects.schedule.none')}</p>
      ) : (
        <ActivitiesTable
          ctx={p.ctx}
          rows={p.schedule.rows}
          caption={t(p.schedule.kind === 'next' ? 'projects.schedule.next' : 'projects.schedule.last')}
          showCaption
        />
      )}
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={`/funded-projects/${pr.id}/schedule`}>
            {t('projects.schedule.all')}
          </a>
        </li>
        <li>
          <a class="govuk-link" href={`/funded-projects/${pr.id}/schedule.ics`}>
            {t('projects.schedule.feed')}
          </a>
        </li>
      </ul>

      <h2 class="govuk-heading-m" id="news">
        {t('projects.news.heading')}
      </h2>
      {p.news.length === 0 ? (
        <p class="govuk-body">{t('projects.news.none')}</p>
      ) : (
        <>
          <NewsList ctx={p.ctx} posts={p.news.slice(0, publicNewsExcerpt)} level={3} />
          <p class="govuk-body">
            <a class="govuk-link" href={`/funded-projects/${pr.id}/news`}>
              {t('projects.news.all')}
            </a>
          </p>
        </>
      )}

      {p.documents.length ? (
        <>
          <h2 class="govuk-heading-m" id="documents">
            {t('projects.documents.heading')}
          </h2>
          <DocumentsTable
            ctx={p.ctx}
            rows={p.documents}
            href={(id) => `/funded-projects/${pr.id}/documents/${id}`}
          />
        </>
      ) : (
        ''
      )}

      <h2 class="govuk-heading-m" id="contact">
        {t('projects.contacts')}
      </h2>
      <Contacts ctx={p.ctx} project={pr} />
    </Layout>
  )
}
