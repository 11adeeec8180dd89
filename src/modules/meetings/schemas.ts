import { z } from 'zod'
import { dayField, oneOf, optionalText, requiredText, textOrEmpty } from '../../kernel/forms.ts'
import { agendaKinds, meetingKinds } from './tables.ts'

export const MeetingParams = z.object({ id: z.uuid(), itemId: z.uuid() })
export const NoticeParams = MeetingParams.extend({ noticeId: z.uuid() })

const day = dayField()

const time = z
  .string({ error: 'errors.required' })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'meetings.errors.time' })

export const MeetingForm = z.object({
  kind: oneOf(meetingKinds),
  subject: textOrEmpty(300),
  day,
  startTime: time,
  endTime: time,
  place: textOrEmpty(500),
  onlineUrl: optionalText(500)
    .pipe(z.union([z.null(), z.url({ protocol: /^https?$/, error: 'meetings.errors.url' })]))
    .transform((v) => v ?? ''),
  confirmBy: day,
  // A study visit's host (visit-rules.ts: required for one).
  hostName: textOrEmpty(300),
  hostRegion: textOrEmpty(200),
  hostTown: textOrEmpty(200),
  // The box ticked under the warning that the day is a public holiday or a weekend day (rules.ts).
  dayOffConfirmed: z
    .string()
    .optional()
    .transform((v) => v === 'yes'),
})
export type MeetingForm = z.output<typeof MeetingForm>

export const AgendaItemForm = z.object({
  title: z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .max(500, { error: 'errors.tooLong' }),
  presenter: textOrEmpty(200),
  minutes: z.coerce
    .number({ error: 'meetings.errors.minutes' })
    .int({ error: 'meetings.errors.minutes' })
    .min(0, { error: 'meetings.errors.minutes' })
    .max(600, { error: 'meetings.errors.minutes' }),
  kind: oneOf(agendaKinds),
})

/**
 * Moving an agenda item: the agenda's buttons send `up=<item>` or `down=<item>` (one form for the
 * whole table); `entryId` with `direction` is the same request spelled out.
 */
export const MoveForm = z.preprocess(
  (body) => {
    const b = (body ?? {}) as Record<string, unknown>
    if (b.up) return { entryId: b.up, direction: 'up' }
    if (b.down) return { entryId: b.down, direction: 'down' }
    return b
  },
  z.object({ entryId: z.uuid(), direction: z.enum(['up', 'down']) }),
)
export const RemoveForm = z.object({ entryId: z.uuid() })

/** The notice: a reason only when it goes out after the rules' notice period. */
export const NoticeForm = z.object({ lateReason: optionalText(2000) })

/** The managing authority's received notices: all, or only those sent after their period. */
export const ReceivedNoticesQuery = z.object({ late: z.enum(['', '1']).catch('').default('') })
export type ReceivedNoticesQuery = z.output<typeof ReceivedNoticesQuery>

/** A change of a meeting names the version (SEQUENCE) its form showed. */
export const ChangeMeetingForm = MeetingForm.extend({
  version: z.coerce.number({ error: 'meetings.errors.changedMeanwhile' }).int().min(0),
})

export const CancelForm = z.object({ reason: requiredText(2000) })
