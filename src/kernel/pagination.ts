import { z } from 'zod'

export interface Page {
  number: number
  size: number
  offset: number
}

const pageNumber = z.coerce.number().int().min(1).max(100_000).catch(1).default(1)

/**
 * The page a list shows, from the query string's `param` ("page" for a page's main list; a second
 * list on the same page pages with its own, e.g. "incoming", so the two move independently).
 */
export function pageFrom(query: unknown, size = 25, param = 'page'): Page {
  const number = pageNumber.parse((query as Record<string, unknown> | null | undefined)?.[param])
  return { number, size, offset: (number - 1) * size }
}

/** Lists fetch one row more than a page: its presence says there is a next page. */
export function pageOf<Row>(rows: Row[], page: Page): { rows: Row[]; hasNext: boolean } {
  return { rows: rows.slice(0, page.size), hasNext: rows.length > page.size }
}

/**
 * A keyset page from rows fetched one more than `size`: the rows to show, and the cursor to continue
 * after the last of them when the extra row says there is more (else null).
 */
export function keysetPageOf<Row>(
  rows: Row[],
  size: number,
  cursorOf: (last: Row) => string,
): { rows: Row[]; next: string | null } {
  const shown = rows.slice(0, size)
  const last = shown.at(-1)
  return { rows: shown, next: rows.length > size && last !== undefined ? cursorOf(last) : null }
}

/** A keyset cursor over (a time, an id): "2026-12-07T10:00:00.000Z_<uuid>". */
export const cursorOf = (at: Date, id: string) => `${at.toISOString()}_${id}`

/** A keyset cursor as a query string gives it (cursorOf), read back; anything else is the first page. */
export const timeCursor = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z_[0-9a-f-]{36}$/)
    .transform((s) => ({ at: new Date(s.slice(0, -37)), id: s.slice(-36) }))
    .refine((c) => !Number.isNaN(c.at.getTime()) && z.uuid().safeParse(c.id).success)
    .nullable()
    .catch(null)
    .default(null)
