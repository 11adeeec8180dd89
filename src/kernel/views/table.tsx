import type { Children } from '@kitajs/html'

/**
 * A column header: its text, a numeric column's text (aligned right), text only a screen reader
 * hears (a column of buttons), or a ready cell (SortableHeader).
 */
export type Header = string | { numeric: string } | { hidden: string } | { cell: JSX.Element }

/**
 * govuk-frontend's table in a box that scrolls sideways on its own: a caption (hidden unless `showCaption`: the page heading usually says it),
 * column headers with scope, and the rows given as children.
 */
export function Table(p: {
  caption: string
  showCaption?: boolean
  headers: Header[]
  class?: string
  children: Children
}) {
  // On a narrow screen a wide table scrolls within its own box, which the keyboard can reach and a
  // screen reader names by the caption, so the page itself never scrolls sideways (WCAG 1.4.10).
  return (
    <div class="siatka-table-scroll" role="group" aria-label={p.caption} tabindex="0">
      <table class={`govuk-table${p.class ? ` ${p.class}` : ''}`}>
        <caption
          class={`govuk-table__caption ${p.showCaption ? 'govuk-table__caption--m' : 'govuk-visually-hidden'}`}
          safe
        >
          {p.caption}
        </caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {p.headers.map((h) =>
              typeof h === 'string' ? (
                <th scope="col" class="govuk-table__header" safe>
                  {h}
                </th>
              ) : 'hidden' in h ? (
                <th scope="col" class="govuk-table__header">
                  <span class="govuk-visually-hidden" safe>
                    {h.hidden}
                  </span>
                </th>
              ) : 'numeric' in h ? (
                <th scope="col" class="govuk-table__header govuk-table__header--numeric" safe>
                  {h.numeric}
                </th>
              ) : (
                h.cell
              ),
            )}
          </tr>
        </thead>
        <tbody class="govuk-table__body">{p.children}</tbody>
      </table>
    </div>
  )
}
