import type { ViewContext } from './context.ts'

/** A column header that sorts the list by its column; a second click reverses the order. */
export function SortableHeader(p: {
  ctx: ViewContext
  column: string
  label: string
  path: string
  query: { sort: string; dir: 'asc' | 'desc'; [k: string]: string }
}) {
  const active = p.query.sort === p.column
  const dir = active && p.query.dir === 'asc' ? 'desc' : 'asc'
  const params = new URLSearchParams({ ...p.query, sort: p.column, dir })
  params.delete('page')
  const ariaSort = active ? (p.query.dir === 'asc' ? 'ascending' : 'descending') : 'none'
  return (
    <th scope="col" class="govuk-table__header" aria-sort={ariaSort}>
      <a class="govuk-link" href={`${p.path}?${params.toString()}`}>
        <span safe>{p.label}</span>
        {active ? <span aria-hidden="true">{p.query.dir === 'asc' ? ' ▲' : ' ▼'}</span> : ''}
      </a>
    </th>
  )
}
