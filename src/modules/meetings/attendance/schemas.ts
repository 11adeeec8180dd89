import { z } from 'zod'
import { oneOf, optionalId } from '../../../kernel/forms.ts'
import { answers, presences } from './tables.ts'

/** A member's own answer; the deputy counts only with the answer 'deputy'. */
export const AnswerForm = z.object({
  answer: oneOf(answers),
  deputyId: optionalId(),
})

/** The presence of each person on the list, one field each (`presence-<person id>`). */
export function presenceForm(fields: readonly string[]) {
  return z.object(
    Object.fromEntries(fields.map((f) => [f, z.enum(presences, { error: 'attendance.errors.presence' })])),
  ) as z.ZodType<Record<string, (typeof presences)[number]>>
}
