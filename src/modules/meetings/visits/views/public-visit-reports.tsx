import { formatDate } from '../../../../kernel/dates.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'

/** The study visits' reports a network published, on its public page; nothing when there are none. */
export function publicVisitReports(
  ctx: ViewContext,
  spaceId: string,
  reports: { id: string; host_name: string; host_town: string; starts_at: Date }[],
): JSX.Element | string {
  if (reports.length === 0) return ''
  const { t, lang } = ctx
  return (
    <>
      <h2 class="govuk-heading-m">{t('visits.public.title')}</h2>
      <ul class="govuk-list">
        {reports.map((r) => (
          <li>
            <a class="govuk-link" href={`/networks/${spaceId}/visits/${r.id}`} safe>
              {[r.host_name, r.host_town].filter(Boolean).join(', ')}
            </a>{' '}
            <span safe>{`(${formatDate(r.starts_at, lang)})`}</span>
          </li>
        ))}
      </ul>
    </>
  )
}
