import { z } from 'zod'
import {
  checkbox,
  dayField,
  emailField,
  fileField,
  manyOf,
  moneyField,
  oneOf,
  optionalDay,
  requiredText,
  textOrEmpty,
} from '../../kernel/forms.ts'
import { type ProjectCursor, type ProjectSort, projectSorts, type RevisionCursor } from './queries.ts'
import { subregion, subregionCodes, voivodeshipCodes } from './regions.ts'
import { fundingPeriods, indicatorKinds, partnerRoles, projectStatuses } from './tables.ts'

export const ProjectParams = z.object({ id: z.uuid() })

/** A uuid from a list's filter, or none (a hostile or stale value is none, not an error). */
const chosenId = () => z.uuid().nullable().catch(null).default(null)
const chosen = <const V extends readonly [string, ...string[]]>(values: V) =>
  z.enum(values).nullable().catch(null).default(null)

/**
 * The list's filters, order and place: `after=<key>_<id>` continues after the row whose sort column
 * was `key` (a keyset, so a page deep in the list costs what the first does); a cursor that does not
 * fit the order starts from the top.
 */
export const ProjectsQuery = z
  .object({
    q: z.string().trim().max(200).catch('').default(''),
    programme: chosenId(),
    measure: chosenId(),
    theme: chosenId(),
    region: chosen(voivodeshipCodes),
    status: chosen(projectStatuses),
    period: chosen(fundingPeriods),
    partner: chosenId(),
    sort: z.enum(projectSorts).catch('start').default('start'),
    dir: z.enum(['asc', 'desc']).nullable().catch(null).default(null),
    after: z.string().max(400).nullable().catch(null).default(null),
    format: z.enum(['csv', 'xlsx']).nullable().catch(null).default(null),
  })
  .transform(({ after, dir, ...v }) => {
    // Newest and largest first, titles from A.
    const direction = dir ?? (v.sort === 'title' ? 'asc' : 'desc')
    const cursor = after ? parseCursor(after, v.sort) : null
    return { ...v, dir: direction, after: cursor }
  })
export type ProjectsQuery = z.output<typeof ProjectsQuery>

function parseCursor(raw: string, sort: ProjectSort): ProjectCursor | null {
  const id = raw.slice(-36)
  const key = raw.slice(0, -37)
  if (raw.at(-37) !== '_' || !z.uuid().safeParse(id).success) return null
  const fits =
    sort === 'start'
      ? dayField().safeParse(key).success
      : sort === 'value'
        ? /^\d{1,15}$/.test(key)
        : key.length > 0 && key.length <= 300
  return fits ? { key, id } : null
}

/** The filters of a query, as the list's links and export carry them on. */
export function filterParams(query: ProjectsQuery, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams()
  for (const name of [
    'q',
    'programme',
    'measure',
    'theme',
    'region',
    'status',
    'period',
    'partner',
  ] as const) {
    const v = query[name]
    if (v) params.set(name, v)
  }
  // The default order (newest start first) goes without saying.
  if (query.sort !== 'start' || query.dir !== 'desc') {
    params.set('sort', query.sort)
    params.set('dir', query.dir)
  }
  for (const [k, v] of Object.entries(extra)) params.set(k, v)
  return params
}

/** The history's place: `before=<time>_<id>` continues with the saves before that one. */
export const HistoryQuery = z.object({
  before: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:\d{2})?_[0-9a-f-]{36}$/)
    .transform((s): RevisionCursor => ({ at: s.slice(0, -37), id: s.slice(-36) }))
    // A day that exists (no 30 February): PostgreSQL would refuse the cast.
    .pipe(
      z.object({
        at: z.string().refine((at) => dayField().safeParse(at.slice(0, 10)).success),
        id: z.uuid(),
      }),
    )
    .nullable()
    .catch(null)
    .default(null),
})

/** How far an indicator has come on a day, as its staff report it. */
export const ReportForm = z.object({
  indicatorId: z.uuid({ error: 'errors.choose' }),
  reportedOn: dayField(),
  // An empty field is missing, not 0.
  value: z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .pipe(
      z.coerce
        .number<string>({ error: 'projects.errors.wholeNumber' })
        .int({ error: 'projects.errors.wholeNumber' })
        .min(0, { error: 'projects.errors.wholeNumber' })
        .max(1_000_000_000, { error: 'projects.errors.wholeNumber' }),
    ),
  comment: textOrEmpty(2000),
})
export type ReportForm = z.output<typeof ReportForm>

const wholeNumber = (max = 1_000_000_000) =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .pipe(
      z.coerce
        .number<string>({ error: 'projects.errors.wholeNumber' })
        .int({ error: 'projects.errors.wholeNumber' })
        .min(0, { error: 'projects.errors.wholeNumber' })
        .max(max, { error: 'projects.errors.wholeNumber' }),
    )

/**
 * A project's facts as its form sends them. The rules between fields (the end not before the start,
 * the EU contribution and the eligible costs not above the value) are told beside the later field.
 */
export const ProjectForm = z
  .object({
    title: requiredText(300),
    acronym: textOrEmpty(30),
    programmeId: z.uuid({ error: 'errors.choose' }),
    status: oneOf(projectStatuses),
    startsOn: dayField(),
    endsOn: dayField(),
    leadOrganisationId: z.uuid({ error: 'errors.choose' }),
    agreementOn: optionalDay(),
    totalValue: moneyField(),
    euContribution: moneyField(),
    eligibleCosts: moneyField(),
    mainGoal: requiredText(4000),
    specificGoals: textOrEmpty(4000),
    themes: manyOf(z.uuid({ error: 'errors.choose' })),
    regions: manyOf(oneOf(voivodeshipCodes)),
    subregions: manyOf(oneOf(subregionCodes)),
    isPublic: checkbox,
    version: z.coerce.number<string>().int().min(0).default(0),
  })
  // Checked even when another field is wrong, so one round shows every problem; a rule compares
  // only fields that are themselves valid.
  .superRefine(
    (v, ctx) => {
      const day = (d: unknown) => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)
      const money = (m: unknown): m is number => typeof m === 'number'
      if (day(v.startsOn) && day(v.endsOn) && v.endsOn < v.startsOn)
        ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'projects.errors.endBeforeStart' })
      if (money(v.totalValue) && v.totalValue === 0)
        ctx.addIssue({ code: 'custom', path: ['totalValue'], message: 'projects.errors.valueZero' })
      if (money(v.totalValue) && money(v.euContribution) && v.euContribution > v.totalValue)
        ctx.addIssue({ code: 'custom', path: ['euContribution'], message: 'projects.errors.euAboveValue' })
      if (money(v.totalValue) && money(v.eligibleCosts) && v.eligibleCosts > v.totalValue)
        ctx.addIssue({
          code: 'custom',
          path: ['eligibleCosts'],
          message: 'projects.errors.eligibleAboveValue',
        })
    },
    { when: () => true },
  )
  // A subregion ticked puts the project in its voivodeship too, ticked or not: the list's filters
  // and the analysis count voivodeships.
  .transform((v) => ({
    ...v,
    regions: [...new Set([...v.regions, ...v.subregions.map((c) => subregion(c)?.voivodeship ?? '')])]
      .filter(Boolean)
      .sort(),
  }))
export type ProjectForm = z.output<typeof ProjectForm>

/** A partner or a cooperating institution: an organisation already in Siatka. */
export const PartnerForm = z.object({
  organisationId: z.uuid({ error: 'errors.choose' }),
  role: oneOf(partnerRoles),
})
export type PartnerForm = z.output<typeof PartnerForm>

export const TargetGroupForm = z.object({
  name: requiredText(300),
  description: textOrEmpty(2000),
  plannedPeople: z
    .union([z.literal(''), wholeNumber(10_000_000)])
    .optional()
    .transform((v) => (v === '' || v === undefined ? null : v)),
})
export type TargetGroupForm = z.output<typeof TargetGroupForm>

/** A planned effect: its target may not be below its baseline (progress reads growth). */
export const IndicatorForm = z
  .object({
    name: requiredText(300),
    kind: oneOf(indicatorKinds),
    unit: requiredText(60),
    unitOne: textOrEmpty(60),
    unitFew: textOrEmpty(60),
    baseline: wholeNumber(),
    target: wholeNumber(),
  })
  .superRefine((v, ctx) => {
    if (v.target < v.baseline)
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'projects.errors.targetBelowBaseline' })
  })
export type IndicatorForm = z.output<typeof IndicatorForm>

export const StaffForm = z.object({ personId: z.uuid({ error: 'errors.choose' }) })

/** An activity of the support schedule: its days (one, or from–to), where, and what. */
export const ActivityForm = z
  .object({
    title: requiredText(300),
    startsOn: dayField(),
    endsOn: optionalDay(),
    voivodeship: z
      .union([z.literal(''), oneOf(voivodeshipCodes)])
      .optional()
      .transform((v) => (v ? v : null)),
    place: textOrEmpty(300),
    /** A powiat or gmina of the TERC register: its code or name (terc/service.ts findUnit). */
    unit: textOrEmpty(120),
    description: textOrEmpty(2000),
  })
  .superRefine(
    (v, ctx) => {
      if (typeof v.startsOn === 'string' && typeof v.endsOn === 'string' && v.endsOn < v.startsOn)
        ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'projects.errors.activityEndBeforeStart' })
    },
    { when: () => true },
  )
export type ActivityForm = z.output<typeof ActivityForm>

/** Whom to ask about the project: a name, and a mail address or a telephone number (or both). */
export const ContactForm = z
  .object({
    name: requiredText(200),
    function: textOrEmpty(200),
    email: z
      .union([z.literal(''), emailField()])
      .optional()
      .transform((v) => v ?? ''),
    phone: textOrEmpty(40).refine((v) => v === '' || /^[+()\d\s-]{5,40}$/.test(v), {
      error: 'projects.errors.phone',
    }),
  })
  .superRefine(
    (v, ctx) => {
      if (v.email === '' && v.phone === '')
        ctx.addIssue({ code: 'custom', path: ['email'], message: 'projects.errors.contactWay' })
    },
    { when: () => true },
  )
export type ContactForm = z.output<typeof ContactForm>

/** Where the schedule's list continues (`after=<day>_<id>`), or which month the calendar shows. */
export const ScheduleQuery = z.object({
  view: z.enum(['list', 'calendar']).catch('list').default('list'),
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
    .refine((m) => !m.startsWith('0000'))
    .nullable()
    .catch(null)
    .default(null),
  after: z
    .string()
    .max(60)
    .regex(/^.{10}_/)
    .transform((a) => ({ day: a.slice(0, 10), id: a.slice(11) }))
    .pipe(z.object({ day: dayField(), id: z.uuid() }))
    .nullable()
    .catch(null)
    .default(null),
})
export type ScheduleQuery = z.output<typeof ScheduleQuery>

/** Which row of a list to remove. */
export const RemoveForm = z.object({ rowId: z.uuid({ error: 'errors.choose' }) })

/** Where the secretariat keeps an analysis: a network or body. */
export const KeepAnalysisForm = z.object({ spaceId: z.uuid({ error: 'errors.choose' }) })

/** A spreadsheet of projects to read and check. */
export const ImportForm = z.object({ file: fileField() })
