import { z } from 'zod'
import type { ProjectCursor } from './queries.ts'

export const ProjectParams = z.object({ id: z.uuid() })

/**
 * The list's place: `after=2017-03-01_<id>` continues after that project (a keyset, so a page deep
 * in the list costs what the first does); anything else starts from the top.
 */
export const ProjectsQuery = z.object({
  after: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}_[0-9a-f-]{36}$/)
    .transform((s): ProjectCursor => ({ startsOn: s.slice(0, 10), id: s.slice(11) }))
    .nullable()
    .catch(null)
    .default(null),
})

export const cursorOf = (row: { starts_on: string; id: string }) => `${row.starts_on}_${row.id}`
