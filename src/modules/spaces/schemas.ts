import { z } from 'zod'
import {
  checkbox,
  dayField,
  emailField,
  oneOf,
  optionalId,
  optionalText,
  requiredText,
  textOrEmpty,
} from '../../kernel/forms.ts'
import { spaceRoles } from '../../kernel/policy.ts'
import { organisationTypes } from '../accounts/index.ts'
import { compositionRoles, guestRoles } from './rules.ts'
import { representations, scheduleStatuses, spaceStatuses, spaceTypes } from './tables.ts'

export const IdParams = z.object({ id: z.uuid() })
export const ItemParams = z.object({ id: z.uuid(), itemId: z.uuid() })

const day = dayField

export const SpaceForm = z.object({
  namePl: requiredText(200),
  nameEn: requiredText(200),
  type: oneOf(spaceTypes),
  status: oneOf(spaceStatuses),
  themePl: requiredText(200),
  themeEn: requiredText(200),
  descriptionPl: textOrEmpty(5000),
  descriptionEn: textOrEmpty(5000),
  secretaryId: optionalId(),
  isPublic: checkbox,
  publicChair: checkbox,
  publicMembers: checkbox,
  publicSchedule: checkbox,
})
export type SpaceForm = z.output<typeof SpaceForm>

export const SpacesQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  type: z.enum(spaceTypes).optional().catch(undefined),
  sort: z.enum(['name', 'type', 'status']).catch('name').default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
})
export type SpacesQuery = z.output<typeof SpacesQuery>

export const DirectoryQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  space: z.uuid().optional().catch(undefined),
  represents: z.enum(representations).optional().catch(undefined),
  organisationType: z.enum(organisationTypes).optional().catch(undefined),
  /** Today's seats only, or every seat ever held (who sat where, when, on which decision). */
  period: z.enum(['current', 'all']).catch('current').default('current'),
  sort: z.enum(['name', 'organisation', 'space', 'role']).catch('name').default('name'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
  format: z.enum(['csv', 'xlsx']).optional().catch(undefined),
})
export type DirectoryQuery = z.output<typeof DirectoryQuery>

export const ProposalNote = z.object({
  note: textOrEmpty(5000),
  version: z.coerce.number().int().min(1),
})

export const EntryForm = z.object({
  email: emailField(),
  role: oneOf(compositionRoles),
  represents: oneOf(representations),
  organisationId: optionalId(),
  justification: textOrEmpty(2000),
  /** A deputy's member; ignored for other roles. */
  deputyFor: optionalId(),
})
export type EntryForm = z.output<typeof EntryForm>

export const ReturnForm = z.object({ comment: requiredText(5000) })

export const ApproveForm = z.object({
  decisionRef: requiredText(200),
  effectiveOn: day(),
})

export const GuestForm = z.object({
  email: emailField(),
  name: optionalText(200),
  role: oneOf(guestRoles),
  startsOn: day(),
  endsOn: day(),
})

// An empty field is missing, not 0 (z.coerce.number('') is 0: a cleared notice period would vanish).
const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .pipe(
      z.coerce
        .number<string>({ error: 'spaces.rules.wholeNumber' })
        .int({ error: 'spaces.rules.wholeNumber' })
        .min(min, { error: 'spaces.rules.wholeNumber' })
        .max(max, { error: 'spaces.rules.wholeNumber' }),
    )

export const RulesForm = z.object({
  body: requiredText(100_000),
  effectiveOn: day(),
  adoptedRef: optionalText(200),
  noticeDays: wholeNumber(0, 90),
  materialsDays: wholeNumber(0, 90),
  quorumPercent: wholeNumber(1, 100),
})

export const ScheduleForm = z.object({
  task: requiredText(500),
  responsible: textOrEmpty(200),
  dueOn: day(),
  status: oneOf(scheduleStatuses),
})

export const AnnouncementForm = z.object({
  title: requiredText(200),
  body: requiredText(20_000),
  isPinned: checkbox,
})

export const MonthQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .optional()
    .catch(undefined),
})

export { spaceRoles }

/** The decision that adopted the work schedule. */
export const ScheduleAdoptionForm = z.object({
  adoptedRef: requiredText(200),
  adoptedOn: day(),
})

/** The decision that adopted a version of the rules of procedure. */
export const RulesAdoptionForm = z.object({ adoptedRef: requiredText(200) })
