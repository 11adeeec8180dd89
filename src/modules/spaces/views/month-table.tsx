import type { Children } from '@kitajs/html'
import { addMonths, monthGrid } from '../../../kernel/dates.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { Table } from '../../../kernel/views/table.tsx'

const locales = { pl: 'pl-PL', en: 'en-GB' } as const

/**
 * A month as a table of weeks from Monday, with links to the month before and after (`href` makes
 * a month's address); `day` fills each day's cell. The schedule and the meetings calendar use it.
 */
export function MonthTable(p: {
  ctx: ViewContext
  month: string
  href: (month: string) => string
  previous: string
  next: string
  day: (day: string) => Children
}) {
  const { lang } = p.ctx
  const monthName = new Intl.DateTimeFormat(locales[lang], {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${p.month}-15T12:00:00Z`))
  // 2024-01-01 was a Monday: the week's day names in the reader's language, short and full.
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(Date.UTC(2024, 0, 1 + i, 12)))
  const short = new Intl.DateTimeFormat(locales[lang], { weekday: 'short', timeZone: 'UTC' })
  const long = new Intl.DateTimeFormat(locales[lang], { weekday: 'long', timeZone: 'UTC' })
  const monthLink = (n: number, label: string, rel: string) => (
    <a class="govuk-link" href={p.href(addMonths(p.month, n))} rel={rel}>
      <span safe>{label}</span>
    </a>
  )
  return (
    <>
      <p class="govuk-body">
        {monthLink(-1, p.previous, 'prev')} | {monthLink(1, p.next, 'next')}
      </p>
      <Table
        caption={monthName}
        showCaption
        class="siatka-month"
        headers={weekdays.map((d) => ({
          cell: (
            <th scope="col" class="govuk-table__header">
              <abbr title={long.format(d)} safe>
                {short.format(d)}
              </abbr>
            </th>
          ),
        }))}
      >
        {monthGrid(p.month).map((week) => (
          <tr class="govuk-table__row">
            {week.map((d) => (
              <td class="govuk-table__cell">
                {d ? (
                  <>
                    <span class="siatka-month__day">{Number(d.slice(8))}</span>
                    {p.day(d)}
                  </>
                ) : (
                  ''
                )}
              </td>
            ))}
          </tr>
        ))}
      </Table>
    </>
  )
}
