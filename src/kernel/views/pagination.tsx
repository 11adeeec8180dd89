import type { Page } from '../pagination.ts'
import type { ViewContext } from './context.ts'

/** Previous/next links that keep the list's other query parameters (search, sort, filters). */
export function Pagination(p: {
  ctx: ViewContext
  page: Page
  hasNext: boolean
  path: string
  query: Record<string, string>
}) {
  const { t } = p.ctx
  if (p.page.number === 1 && !p.hasNext) return ''
  const href = (n: number) => {
    const params = new URLSearchParams({ ...p.query, page: String(n) })
    return `${p.path}?${params.toString()}`
  }
  return (
    <nav class="govuk-pagination govuk-pagination--block" aria-label={t('pagination.label')}>
      {p.page.number > 1 ? (
        <div class="govuk-pagination__prev">
          <a class="govuk-link govuk-pagination__link" href={href(p.page.number - 1)} rel="prev">
            <span class="govuk-pagination__link-title">{t('pagination.previous')}</span>
          </a>
        </div>
      ) : (
        ''
      )}
      <p class="govuk-body govuk-!-margin-bottom-0 govuk-pagination__item--current">
        {t('pagination.page', { number: p.page.number })}
      </p>
      {p.hasNext ? (
        <div class="govuk-pagination__next">
          <a class="govuk-link govuk-pagination__link" href={href(p.page.number + 1)} rel="next">
            <span class="govuk-pagination__link-title">{t('pagination.next')}</span>
          </a>
        </div>
      ) : (
        ''
      )}
    </nav>
  )
}
