import { z } from 'zod'
import { optionalId, requiredText } from '../../../kernel/forms.ts'

/** The first message to an organisation: a subject and the text (plain text: it goes out by mail too). */
export const NewThreadForm = z.object({
  subject: requiredText(200),
  body: requiredText(10_000),
  requestId: optionalId(),
})
export type NewThreadForm = z.output<typeof NewThreadForm>

export const MessageForm = z.object({ body: requiredText(10_000) })

/** A message reported as abuse, with the reporter's reason. */
export const ReportForm = z.object({
  messageId: z.uuid({ error: 'errors.choose' }),
  reason: requiredText(1000),
})

export const ThreadParams = z.object({ threadId: z.uuid() })
export const ReportParams = z.object({ reportId: z.uuid() })
