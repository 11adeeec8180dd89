import { z } from 'zod'
import { dayField, textOrEmpty } from '../../kernel/forms.ts'
import type { ProjectCursor } from './queries.ts'

export const ProjectParams = z.object({ id: z.uuid() })

/**
 * The list's place: `after=2017-03-01_<id>` continues after that project (a keyset, so a page deep
 * in the list costs what the first does); anything else starts from the top.
 */
export const ProjectsQuery = z.object({
  after: z
    .string()
    .transform((s) => ({ startsOn: s.slice(0, 10), underscore: s.slice(10, 11), id: s.slice(11) }))
    .pipe(z.object({ startsOn: dayField(), underscore: z.literal('_'), id: z.uuid() }))
    .transform(({ startsOn, id }): ProjectCursor => ({ startsOn, id }))
    .nullable()
    .catch(null)
    .default(null),
})

export const cursorOf = (row: { starts_on: string; id: string }) => `${row.starts_on}_${row.id}`

/** How far an indicator has come on a day, as its staff report it. */
export const ReportForm = z.object({
  indicatorId: z.uuid({ error: 'errors.choose' }),
  reportedOn: dayField(),
  // An empty field is missing, not 0.
  value: z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .pipe(
      z.coerce
        .number<string>({ error: 'projects.errors.wholeNumber' })
        .int({ error: 'projects.errors.wholeNumber' })
        .min(0, { error: 'projects.errors.wholeNumber' })
        .max(1_000_000_000, { error: 'projects.errors.wholeNumber' }),
    ),
  comment: textOrEmpty(2000),
})
export type ReportForm = z.output<typeof ReportForm>
