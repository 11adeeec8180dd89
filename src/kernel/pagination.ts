import { z } from 'zod'

export interface Page {
  number: number
  size: number
  offset: number
}

const PageQuery = z.object({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) })

export function pageFrom(query: unknown, size = 25): Page {
  const { page } = PageQuery.parse(query ?? {})
  return { number: page, size, offset: (page - 1) * size }
}

/** Lists fetch one row more than a page: its presence says there is a next page. */
export function pageOf<Row>(rows: Row[], page: Page): { rows: Row[]; hasNext: boolean } {
  return { rows: rows.slice(0, page.size), hasNext: rows.length > page.size }
}
