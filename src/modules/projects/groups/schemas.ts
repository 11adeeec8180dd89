import { z } from 'zod'
import { requiredText, textOrEmpty } from '../../../kernel/forms.ts'

/** A group of partnerships: its names, the theme its projects share, its coordinator, what it is for. */
export const GroupForm = z.object({
  namePl: requiredText(200),
  nameEn: textOrEmpty(200),
  themeId: z.uuid({ error: 'errors.choose' }),
  coordinatorId: z.uuid({ error: 'errors.choose' }),
  description: textOrEmpty(5000),
})
export type GroupForm = z.output<typeof GroupForm>

export const GroupParams = z.object({ groupId: z.uuid() })

/** A project to add to a group. */
export const GroupProjectForm = z.object({ projectId: z.uuid({ error: 'errors.choose' }) })

/** Where the list of groups continues: after the group with this id (keyset on its name). */
export const GroupsQuery = z.object({ after: z.uuid().nullable().catch(null).default(null) })

/** A project's steering committee: a space of that type, or none. */
export const SteeringForm = z.object({
  spaceId: z
    .union([z.literal(''), z.uuid({ error: 'errors.choose' })])
    .optional()
    .transform((v) => v || null),
})
