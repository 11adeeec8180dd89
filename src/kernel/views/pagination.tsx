import type { Page } from '../pagination.ts'
import type { ViewContext } from './context.ts'

/**
 * Previous/next links that keep the list's other query parameters (search, sort, filters, another
 * list's page). A second list on a page gives its own `param`, an accessible `label` that tells its
 * pager from the page's main one, and the `fragment` of its section.
 */
export function Pagination(p: {
  ctx: ViewContext
  page: Page
  hasNext: boolean
  path: string
  /** A list of values repeats its name (`theme=a&theme=b`). */
  query: Record<string, string | readonly string[]>
  param?: string
  label?: string
  fragment?: string
}) {
  const { t } = p.ctx
  if (p.page.number === 1 && !p.hasNext) return ''
  const href = (n: number) => {
    const params = new URLSearchParams()
    for (const [name, value] of Object.entries(p.query))
      for (const v of typeof value === 'string' ? [value] : value) params.append(name, v)
    params.set(p.param ?? 'page', String(n))
    return `${p.path}?${params.toString()}${p.fragment ? `#${p.fragment}` : ''}`
  }
  return (
    <nav class="govuk-pagination govuk-pagination--block" aria-label={p.label ?? t('pagination.label')}>
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

/**
 * A keyset list's links: back to its start (once it has moved on) and on after its last row (while
 * there is more). `words` name the two links in the list's own terms ("Od początku listy",
 * "Kolejne projekty").
 */
export function KeysetNav(p: {
  first: string
  next: string | null
  continued: boolean
  label: string
  words: readonly [first: string, next: string]
}) {
  if (!p.next && !p.continued) return ''
  return (
    <nav class="govuk-pagination" aria-label={p.label}>
      <ul class="govuk-pagination__list">
        {p.continued ? (
          <li class="govuk-pagination__item">
            <a class="govuk-link govuk-pagination__link" href={p.first} safe>
              {p.words[0]}
            </a>
          </li>
        ) : (
          ''
        )}
        {p.next ? (
          <li class="govuk-pagination__item">
            <a class="govuk-link govuk-pagination__link" href={p.next} rel="next" safe>
              {p.words[1]}
            </a>
          </li>
        ) : (
          ''
        )}
      </ul>
    </nav>
  )
}
