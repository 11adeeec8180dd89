import { z } from 'zod'
import { oneOf, requiredText, textOrEmpty } from '../../../kernel/forms.ts'
import { reportVisibilities } from './tables.ts'

/** Someone from outside the body: a name, an organisation, an address if they have one. */
export const ParticipantForm = z.object({
  name: requiredText(200),
  organisation: requiredText(300),
  email: z
    .string()
    .trim()
    .max(254, { error: 'errors.tooLong' })
    .optional()
    .pipe(z.union([z.literal('').optional(), z.email({ error: 'errors.email' })]))
    .transform((v) => (v ? v.toLowerCase() : null)),
})

export const RemoveParticipantForm = z.object({ entryId: z.uuid() })

/** The visit's places; left empty, there is no limit. */
export const CapacityForm = z.object({
  capacity: z
    .string({ error: 'visits.errors.capacity' })
    .trim()
    .optional()
    .refine((v) => !v || (/^\d{1,5}$/.test(v) && Number(v) >= 1), { error: 'visits.errors.capacity' })
    .transform((v) => (v ? Number(v) : null)),
})

const markdown = (max: number) => textOrEmpty(max)

/** The report: what was seen is required; the version is the one the editor's form showed. */
export const ReportForm = z.object({
  seen: requiredText(20_000),
  practices: markdown(20_000),
  conclusions: markdown(20_000),
  visibility: oneOf(reportVisibilities),
  version: z.coerce.number<string>({ error: 'visits.errors.changedMeanwhile' }).int().min(0),
  publish: z
    .enum(['yes', 'no'])
    .optional()
    .transform((v) => v === 'yes'),
})
