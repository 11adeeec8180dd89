import type { Children } from '@kitajs/html'

/** A list's search and filters: a GET form (bookmarkable, works without JavaScript) that keeps the sort order. */
export function FilterForm(p: {
  action: string
  label: string
  submit: string
  keep?: Record<string, string>
  children: Children
}) {
  return (
    <form method="get" action={p.action} class="siatka-filters" role="search" aria-label={p.label}>
      {p.children}
      {Object.entries(p.keep ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="govuk-button govuk-button--secondary" safe>
        {p.submit}
      </button>
    </form>
  )
}
