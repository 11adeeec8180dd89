import { z } from 'zod'
import { dayField, fileField, requiredText, textOrEmpty } from '../../kernel/forms.ts'
import { analysisFilters, parseMoney } from './rules.ts'

export const OrderParams = z.object({ id: z.uuid(), itemId: z.uuid() })
export const DeliveryParams = z.object({ id: z.uuid(), itemId: z.uuid(), deliveryId: z.uuid() })
/** The expert's own pages: /analyses/:id, with a delivery's file under it. */
export const MyOrderParams = z.object({ id: z.uuid() })
export const MyDeliveryParams = z.object({ id: z.uuid(), deliveryId: z.uuid() })

/** Złoty as typed ("12 500,50"), kept as grosze; the message says what was wrong with it. */
const moneyField = () =>
  z
    .string({ error: 'errors.required' })
    .max(40, { error: 'analyses.errors.budgetFormat' })
    .transform((text, ctx) => {
      const r = parseMoney(text)
      if (r.ok) return r.grosze
      ctx.addIssue({ code: 'custom', message: r.key })
      return z.NEVER
    })

export const OrderForm = z.object({
  title: requiredText(300),
  scope: requiredText(20_000),
  deadline: dayField(),
  budget: moneyField(),
  expertId: z.uuid({ error: 'analyses.errors.expert' }),
  contractRef: requiredText(200),
})
export type OrderForm = z.output<typeof OrderForm>

// The expert's upload: the file and, if they wish, a word to the secretariat.
export const DeliveryForm = z.object({
  file: fileField(),
  note: textOrEmpty(4000),
})
export type DeliveryForm = z.output<typeof DeliveryForm>

// One form, two buttons: accepting needs no comment; asking for changes needs to say which.
export const ReviewForm = z.object({
  decision: z.enum(['accept', 'changes'], { error: 'errors.choose' }),
  comment: textOrEmpty(4000),
})
export type ReviewForm = z.output<typeof ReviewForm>

export const CancelForm = z.object({ reason: requiredText(2000) })

export const AnalysesQuery = z.object({
  status: z
    .enum(['', ...analysisFilters])
    .catch('')
    .default(''),
})
export type AnalysesQuery = z.output<typeof AnalysesQuery>
