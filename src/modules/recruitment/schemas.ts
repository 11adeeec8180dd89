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
import { maxCriteria, maxGroups } from './rules.ts'
import { applicationStates, criterionRules, esfVersions, fieldKinds, tieBreaks } from './tables.ts'

export const RecruitmentParams = z.object({ recruitmentId: z.uuid() })
export const ApplicationParams = z.object({ recruitmentId: z.uuid(), applicationId: z.uuid() })
export const FileParams = z.object({ recruitmentId: z.uuid(), applicationId: z.uuid(), fieldId: z.uuid() })
export const TokenParams = z.object({ token: z.string().min(20).max(100) })

const age = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    const n = Number(v)
    if (!/^\d{1,3}$/.test(v) || n > 120) {
      ctx.addIssue({ code: 'custom', message: 'recruitment.errors.age' })
      return z.NEVER
    }
    return n
  })

const whole = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null
      const n = Number(v)
      if (!/^\d{1,5}$/.test(v) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message })
        return z.NEVER
      }
      return n
    })

/** A voivodeship's TERYT code, or '' for anywhere. */
const region = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null
    if (!/^(0[2468]|[12][02468]|3[02])$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'errors.choose' })
      return z.NEVER
    }
    return v
  })

const rows = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

/**
 * A recruitment as its staff's form sends it: the public information, the dates, the monitoring
 * system's version, who may apply (a voivodeship, ages), the tie rule, how long data is kept, and up
 * to six target groups (name, places) and six scoring criteria (label, what it looks at, points)
 * as rows of the form; an empty row is none.
 */
const RecruitmentBase = z.object({
  projectId: z.uuid({ error: 'errors.choose' }),
  title: requiredText(200),
  scope: requiredText(20_000),
  whoMayApply: requiredText(5000),
  howToApply: requiredText(5000),
  documents: textOrEmpty(5000),
  contact: requiredText(1000),
  opensOn: dayField(),
  closesOn: dayField(),
  esfVersion: oneOf(esfVersions),
  region,
  minAge: age,
  maxAge: age,
  tieBreak: oneOf(tieBreaks),
  retentionUntil: dayField(),
  peselReaders: manyOf(z.uuid({ error: 'errors.choose' })),
})

/** The form's rows of groups and criteria: group1, places1, … criterion1, rule1, points1, … */
const rowFields: Record<string, z.ZodType> = {
  ...Object.fromEntries(
    rows(maxGroups).flatMap((i) => [
      [`group${i}`, textOrEmpty(200)],
      [`groupId${i}`, optionalId()],
      [`places${i}`, whole(1, 10_000, 'recruitment.errors.places')],
    ]),
  ),
  ...Object.fromEntries(
    rows(maxCriteria).flatMap((i) => [
      [`criterion${i}`, textOrEmpty(200)],
      [`rule${i}`, z.union([z.literal(''), oneOf(criterionRules)]).default('')],
      [`points${i}`, whole(1, 100, 'recruitment.errors.points')],
    ]),
  ),
}

// The rows are read by name (rowsOf): the type names only the fixed fields.
export const RecruitmentForm = RecruitmentBase.extend(rowFields as Record<never, z.ZodType>).superRefine(
  (f, ctx) => {
    const v = f as Record<string, unknown>
    if (f.closesOn < f.opensOn)
      ctx.addIssue({ code: 'custom', path: ['closesOn'], message: 'recruitment.errors.closesBeforeOpens' })
    if (f.retentionUntil <= f.closesOn)
      ctx.addIssue({ code: 'custom', path: ['retentionUntil'], message: 'recruitment.errors.retention' })
    if (f.minAge !== null && f.maxAge !== null && f.minAge > f.maxAge)
      ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'recruitment.errors.ages' })
    let groups = 0
    for (const i of rows(maxGroups)) {
      const name = v[`group${i}`]
      const places = v[`places${i}`]
      if (name && places === null)
        ctx.addIssue({ code: 'custom', path: [`places${i}`], message: 'recruitment.errors.places' })
      if (!name && places !== null)
        ctx.addIssue({ code: 'custom', path: [`group${i}`], message: 'errors.required' })
      if (name) groups++
    }
    if (groups === 0)
      ctx.addIssue({ code: 'custom', path: ['group1'], message: 'recruitment.errors.noGroup' })
    for (const i of rows(maxCriteria)) {
      const label = v[`criterion${i}`]
      const given = label || v[`rule${i}`] || v[`points${i}`] !== null
      if (!given) continue
      if (!label) ctx.addIssue({ code: 'custom', path: [`criterion${i}`], message: 'errors.required' })
      if (!v[`rule${i}`]) ctx.addIssue({ code: 'custom', path: [`rule${i}`], message: 'errors.choose' })
      if (v[`points${i}`] === null)
        ctx.addIssue({ code: 'custom', path: [`points${i}`], message: 'recruitment.errors.points' })
    }
  },
)
export type RecruitmentForm = z.output<typeof RecruitmentForm>

/** The groups and criteria a form's rows name, in order. */
export function rowsOf(f: RecruitmentForm) {
  const v = f as unknown as Record<string, unknown>
  return {
    groups: rows(maxGroups)
      .filter((i) => v[`group${i}`])
      .map((i) => ({
        id: (v[`groupId${i}`] as string | null) ?? null,
        name: v[`group${i}`] as string,
        places: v[`places${i}`] as number,
      })),
    criteria: rows(maxCriteria)
      .filter((i) => v[`criterion${i}`])
      .map((i) => ({
        label: v[`criterion${i}`] as string,
        rule: v[`rule${i}`] as (typeof criterionRules)[number],
        points: v[`points${i}`] as number,
      })),
  }
}

/** Asking for the link to an application form: the address it goes to. */
export const ApplyForm = z.object({
  email: emailField(),
  website: optionalText(200),
})

export const CheckForm = z
  .object({
    decision: oneOf(['eligible', 'ineligible'] as const),
    reason: textOrEmpty(1000),
  })
  .superRefine((f, ctx) => {
    if (f.decision === 'ineligible' && !f.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'recruitment.errors.reason' })
  })

export const DecideForm = z.object({ supportStartsOn: dayField() })

export const ApplicationsQuery = z.object({
  state: z.enum(applicationStates).optional().catch(undefined),
  group: z.uuid().optional().catch(undefined),
  after: timeCursor(),
})
export type ApplicationsQuery = z.output<typeof ApplicationsQuery>

/** A paper application's own fields: the day it came and the applicant's address, if any. */
export const PaperForm = z.object({
  receivedOn: dayField(),
  email: z
    .union([z.literal(''), emailField()])
    .optional()
    .transform((v) => (v ? v : null)),
})

export const DocumentParams = z.object({ recruitmentId: z.uuid(), documentId: z.uuid() })

export const FieldParams = z.object({ recruitmentId: z.uuid(), fieldId: z.uuid() })

/** One of the staff's own questions as its form sends it: for a choice, its answers a line each. */
export const FieldForm = z
  .object({
    kind: oneOf(fieldKinds),
    label: requiredText(300),
    options: textOrEmpty(4000).transform((v) =>
      v
        .split(/\r?\n/)
        .map((o) => o.trim())
        .filter(Boolean),
    ),
    required: checkbox,
  })
  .superRefine((f, ctx) => {
    if (
      f.kind === 'choice' &&
      (f.options.length < 2 || f.options.length > 20 || f.options.some((o) => o.length > 200))
    )
      ctx.addIssue({ code: 'custom', path: ['options'], message: 'recruitment.fields.fewOptions' })
  })
