import { formatDate } from '../../../../kernel/dates.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'
import { Layout } from '../../../../kernel/views/layout.tsx'
import { nameOf, type Space } from '../../../spaces/service.ts'
import type { Meeting } from '../../service.ts'
import type { ReportRow } from '../service.ts'
import { hostLine } from './visit-host.ts'
import { VisitReportText } from './visit-report.tsx'

/** A study visit's report as the public reads it on the network's pages. */
export function VisitPublicPage(p: { ctx: ViewContext; space: Space; meeting: Meeting; report: ReportRow }) {
  const { t, lang } = p.ctx
  const m = p.meeting
  const title = `${t('visits.public.visit')}: ${m.host_name}`
  return (
    <Layout
      ctx={p.ctx}
      title={title}
      section="spaces"
      description={`${title}. ${nameOf(p.space, lang)}, ${formatDate(m.starts_at, lang)}.`}
    >
      <a class="govuk-back-link" href={`/networks/${p.space.id}`}>
        {t('visits.public.back')}
      </a>
      <span class="govuk-caption-l" safe>
        {nameOf(p.space, lang)}
      </span>
      <h1 class="govuk-heading-l" safe>
        {title}
      </h1>
      <dl class="govuk-summary-list">
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('visits.host.title')}</dt>
          <dd class="govuk-summary-list__value" safe>
            {hostLine(m)}
          </dd>
        </div>
        <div class="govuk-summary-list__row">
          <dt class="govuk-summary-list__key">{t('meetings.fields.when')}</dt>
          <dd class="govuk-summary-list__value" safe>
            {formatDate(m.starts_at, lang)}
          </dd>
        </div>
        {m.subject ? (
          <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{t('meetings.fields.subject')}</dt>
            <dd class="govuk-summary-list__value" safe>
              {m.subject}
            </dd>
          </div>
        ) : (
          ''
        )}
      </dl>
      <VisitReportText ctx={p.ctx} report={p.report} level={2} />
      <p class="govuk-body-s">
        {t('visits.public.publishedOn', {
          date: formatDate(p.report.published_at ?? p.report.edited_at, lang),
        })}
      </p>
    </Layout>
  )
}
