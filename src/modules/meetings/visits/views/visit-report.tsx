import { safeMarkdown } from '../../../../kernel/markdown.ts'
import type { ViewContext } from '../../../../kernel/views/context.ts'

/**
 * A visit report's text: what was seen, good practices, conclusions, each Markdown rendered
 * safely under its own heading: an h2 on a page of its own (`level` 2), an h4 in a block under an h3.
 */
export function VisitReportText(p: {
  ctx: ViewContext
  report: { seen: string; practices: string; conclusions: string }
  level: 2 | 3
}) {
  const { t } = p.ctx
  const parts = [
    ['seen', p.report.seen],
    ['practices', p.report.practices],
    ['conclusions', p.report.conclusions],
  ] as const
  return (
    <>
      {parts
        .filter(([, text]) => text.trim() !== '')
        .map(([key, text]) => (
          <>
            {p.level === 2 ? (
              <h2 class="govuk-heading-m">{t(`visits.report.${key}`)}</h2>
            ) : (
              <h4 class="govuk-heading-s">{t(`visits.report.${key}`)}</h4>
            )}
            {safeMarkdown(text, 4)}
          </>
        ))}
    </>
  )
}
