import { z } from 'zod'
import { dayField, oneOf, optionalId, requiredText, textOrEmpty } from '../../../kernel/forms.ts'
import { actionStatuses, revisionFormats } from './tables.ts'

const version = z.coerce.number<string>({ error: 'minutes.errors.changedMeanwhile' }).int().min(0)

/**
 * The texts of the minutes; each agenda item's summary comes as `summary-<item id>` (read by the
 * service, which knows the agenda).
 */
export const MinutesTextsForm = z.looseObject({
  version,
  opening: textOrEmpty(50_000),
  closing: textOrEmpty(50_000),
})

const votes = z.coerce
  .number<string>({ error: 'minutes.errors.votes' })
  .int({ error: 'minutes.errors.votes' })
  .min(0, { error: 'minutes.errors.votes' })
  .max(10_000, { error: 'minutes.errors.votes' })

export const DecisionForm = z.object({
  agendaItemId: z.uuid({ error: 'errors.choose' }),
  title: requiredText(500),
  body: requiredText(20_000),
  votesFor: votes,
  votesAgainst: votes,
  votesAbstaining: votes,
})

export const DecisionEditForm = DecisionForm.extend({ decisionId: z.uuid() })
export const DecisionRemoveForm = z.object({ decisionId: z.uuid() })

export const ActionForm = z.object({
  agendaItemId: z.uuid({ error: 'errors.choose' }),
  title: requiredText(500),
  ownerId: z.uuid({ error: 'errors.choose' }),
  dueOn: dayField(),
})
export const ActionRemoveForm = z.object({ actionId: z.uuid() })

export const SendForm = z.object({ commentsBy: dayField() })
export const CommentForm = z.object({ agendaItemId: optionalId(), body: requiredText(5000) })
export const AnswerForm = z.object({ commentId: z.uuid(), answer: requiredText(5000) })
export const CorrectionForm = z.object({ reason: requiredText(2000) })

export const ActionStatusForm = z.object({ status: oneOf(actionStatuses), note: textOrEmpty(2000) })
export const DecisionParams = z.object({ id: z.uuid(), itemId: z.uuid(), decisionId: z.uuid() })
export const ActionParams = z.object({ actionId: z.uuid() })

export const RevisionParams = z.object({
  id: z.uuid(),
  itemId: z.uuid(),
  revision: z.coerce.number<string>().int().min(1).max(1000),
  format: z.enum(revisionFormats),
})

/** The register's search: words or a number ("3/2026"), a year, a space (across spaces), a format. */
const RegisterFilters = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  year: z.coerce.number<string>().int().min(2000).max(2100).optional().catch(undefined),
  space: z.uuid().optional().catch(undefined),
  format: z.enum(['csv', 'xlsx']).optional().catch(undefined),
})
export type RegisterQuery = z.output<typeof RegisterFilters> & {
  /** What was typed as the year when it is not one: shown back with a message; the list is of every year. */
  yearTyped?: string
}
export const RegisterQuery = {
  parse(raw: unknown): RegisterQuery {
    const query = RegisterFilters.parse(raw)
    const typed = (raw as { year?: unknown } | undefined)?.year
    const bad = typeof typed === 'string' && typed.trim() !== '' && query.year === undefined
    return bad ? { ...query, yearTyped: typed.slice(0, 100) } : query
  },
}

export const DecisionPageParams = z.object({ id: z.uuid(), decisionId: z.uuid() })
export const ForwardForm = z.object({
  to: z.union([z.literal('authority'), z.uuid()], { error: 'errors.choose' }),
  note: textOrEmpty(2000),
})
export const TakeForm = z.object({ forwardId: z.uuid(), meetingId: z.uuid({ error: 'errors.choose' }) })
export const ActionsQuery = z.object({ show: z.enum(['open', 'closed']).catch('open').default('open') })
