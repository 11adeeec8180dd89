import { z } from 'zod'
import { oneOf, requiredText } from '../../../kernel/forms.ts'
import { fundingPeriods } from '../tables.ts'

/**
 * A programme, priority or measure: where it goes (no parent: a programme, whose period is asked),
 * its code ("POWER", "II", "2.9") and its names in both languages.
 */
export const NodeForm = z.object({
  parentId: z
    .union([z.literal(''), z.uuid({ error: 'errors.choose' })])
    .optional()
    .transform((v) => v || null),
  code: requiredText(20),
  namePl: requiredText(300),
  nameEn: requiredText(300),
  period: z
    .union([z.literal(''), oneOf(fundingPeriods)])
    .optional()
    .transform((v) => v || null),
})
export type NodeForm = z.output<typeof NodeForm>

/** A theme: a short code for addresses ("social-economy") and its names. */
export const ThemeForm = z.object({
  code: requiredText(40).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'projects.errors.themeCode' }),
  namePl: requiredText(200),
  nameEn: requiredText(200),
})
export type ThemeForm = z.output<typeof ThemeForm>
