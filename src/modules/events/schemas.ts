import { z } from 'zod'
import {
  checkbox,
  dayField,
  emailField,
  manyOf,
  oneOf,
  optionalId,
  optionalText,
  requiredText,
  textOrEmpty,
} from '../../kernel/forms.ts'
import { timeCursor } from '../../kernel/pagination.ts'
import { accessNeeds, eventKinds, questionKinds } from './tables.ts'

/** A voivodeship's TERYT code: two even digits, 02 to 32. */
const voivodeshipCode = /^(0[2468]|[12][02468]|3[02])$/

export const EventParams = z.object({ eventId: z.uuid() })
export const TokenParams = z.object({ token: z.string().min(20).max(100) })
export const RegistrationParams = z.object({ eventId: z.uuid(), registrationId: z.uuid() })
/** The organiser's list: everyone, or only those awaiting a decision. */
export const RegistrationsQuery = z.object({ only: z.enum(['all', 'pending']).catch('all') })

const time = z
  .string({ error: 'errors.required' })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'events.errors.time' })

/** An event as its organiser's form sends it (days and times on a Warsaw clock). */
export const EventForm = z.object({
  kind: oneOf(eventKinds),
  title: requiredText(200),
  description: textOrEmpty(20_000),
  lang: z.enum(['pl', 'en'], { error: 'errors.choose' }),
  // '' for the secretariat, 'space:<id>' or 'project:<id>'.
  organiser: z
    .string()
    .trim()
    .default('')
    .transform((v, ctx) => {
      if (v === '') return { kind: 'secretariat' as const, id: null }
      const m = /^(space|project):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i.exec(v)
      if (!m) {
        ctx.addIssue({ code: 'custom', message: 'errors.choose' })
        return z.NEVER
      }
      return { kind: m[1] as 'space' | 'project', id: m[2].toLowerCase() }
    }),
  day: dayField(),
  startTime: time,
  endDay: dayField(),
  endTime: time,
  venue: textOrEmpty(500),
  venueAccess: textOrEmpty(2000),
  onlineUrl: optionalText(500).pipe(
    z.union([z.null(), z.url({ protocol: /^https?$/, error: 'events.errors.url' })]),
  ),
  capacity: z.coerce
    .number({ error: 'events.errors.capacity' })
    .int({ error: 'events.errors.capacity' })
    .min(1, { error: 'events.errors.capacity' })
    .max(10_000, { error: 'events.errors.capacity' }),
  approval: checkbox,
  opensOn: dayField(),
  closesOn: dayField(),
  region: z.union([z.literal(''), z.string().regex(voivodeshipCode, { error: 'errors.choose' })]).default(''),
  themeId: optionalId(),
})
export type EventForm = z.output<typeof EventForm>

/** A registration as the form sends it; a signed-in person's name and address come from their account. */
export const RegistrationForm = z.object({
  name: requiredText(200),
  email: emailField(),
  accessNeeds: manyOf(oneOf(accessNeeds)),
  accessNote: textOrEmpty(1000),
  diet: textOrEmpty(500),
  organisation: textOrEmpty(200),
  consent: checkbox.refine((v) => v, { error: 'events.errors.consent' }),
  // The field people do not see: a bot fills it.
  website: z.string().max(500).optional(),
})
export type RegistrationForm = z.output<typeof RegistrationForm>

/** A textarea's non-empty lines, each trimmed. */
const lines = (max: number) =>
  textOrEmpty(max).transform((v) =>
    v
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )

/** A question of the organiser's own, as its form sends it; a choice's answers one a line. */
export const QuestionForm = z
  .object({
    kind: oneOf(questionKinds),
    label: requiredText(300),
    options: lines(4000),
    required: checkbox,
  })
  .superRefine((f, ctx) => {
    if (f.kind !== 'choice') return
    if (f.options.length < 2 || f.options.length > 20)
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'events.errors.options' })
    else if (f.options.some((o) => o.length > 200))
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'errors.tooLong', params: { max: 200 } })
  })
export type QuestionForm = z.output<typeof QuestionForm>
export const QuestionParams = z.object({ eventId: z.uuid(), questionId: z.uuid() })

export const listWhen = ['upcoming', 'past'] as const
export const EventsQuery = z.object({
  when: z.enum(listWhen).catch('upcoming').default('upcoming'),
  kind: z
    .enum(['all', ...eventKinds])
    .catch('all')
    .default('all'),
  after: timeCursor(),
  // Filters a link may carry or a person choose: a bad value is no filter.
  organiser: z
    .string()
    .regex(/^(secretariat|(space|project):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/)
    .catch('')
    .default(''),
  region: z.string().regex(voivodeshipCode).catch('').default(''),
  theme: z.uuid().catch('').default(''),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    // A day of the calendar (30 February is none).
    .refine((v) => {
      const at = new Date(`${v}T00:00:00Z`)
      return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === v
    })
    .catch('')
    .default(''),
})
export type EventsQuery = z.output<typeof EventsQuery>

export const CheckInQuery = z.object({
  q: z.string().trim().max(100).catch('').default(''),
})
export const CheckInParams = z.object({ eventId: z.uuid(), registrationId: z.uuid() })
export const CheckInForm = z.object({
  present: z.enum(['yes', 'no'], { error: 'errors.choose' }),
  q: z.string().trim().max(100).catch('').default(''),
  page: z.string().max(10).catch('').default(''),
})
export const VerifyQuery = z.object({
  // As typed (at most 100 characters kept); a code given twice is its first.
  code: z
    .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().catch(''))
    .transform((v) => v.slice(0, 100))
    .optional(),
})

export const SessionParams = z.object({ eventId: z.uuid(), sessionId: z.uuid() })
export const DocumentParams = z.object({ eventId: z.uuid(), documentId: z.uuid() })

/** A session of the programme as the organiser's form sends it: one day, times on a Warsaw clock. */
export const SessionForm = z
  .object({
    title: requiredText(200),
    day: dayField(),
    startTime: time,
    endTime: time,
    room: textOrEmpty(200),
    // One speaker a line: the name, then where they come from.
    speakers: lines(4000),
    description: textOrEmpty(2000),
    // Empty: open to everyone at the event; a number: places of its own, chosen by those attending.
    capacity: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null
        const n = Number(v)
        if (!Number.isInteger(n) || n < 1 || n > 10_000) {
          ctx.addIssue({ code: 'custom', message: 'events.errors.capacity' })
          return z.NEVER
        }
        return n
      }),
  })
  .superRefine((f, ctx) => {
    if (f.speakers.length > 20)
      ctx.addIssue({ code: 'custom', path: ['speakers'], message: 'events.errors.speakers' })
    else if (f.speakers.some((s) => s.length > 200))
      ctx.addIssue({ code: 'custom', path: ['speakers'], message: 'errors.tooLong', params: { max: 200 } })
  })
export type SessionForm = z.output<typeof SessionForm>

/** The sessions a person holding a place chooses (checkboxes of session ids). */
export const ChoiceForm = z.object({ sessions: manyOf(z.uuid({ error: 'errors.choose' })) })

const score = z.coerce
  .number({ error: 'events.survey.choose' })
  .int({ error: 'events.survey.choose' })
  .min(1, { error: 'events.survey.choose' })
  .max(5, { error: 'events.survey.choose' })

/** An answer to the evaluation survey: four scores of 1 to 5, a yes or no, and a comment. */
export const SurveyForm = z.object({
  overall: score,
  content: score,
  speakers: score,
  organisation: score,
  recommend: z.enum(['yes', 'no'], { error: 'events.survey.choose' }).transform((v) => v === 'yes'),
  comment: textOrEmpty(2000),
})
export type SurveyForm = z.output<typeof SurveyForm>
