import { z } from 'zod'
import zodEn from 'zod/v4/locales/en.js'
import zodPl from 'zod/v4/locales/pl.js'
import { RuleError } from './errors.ts'
import { hasMessage, type Lang, type T, translateKey, unescaped } from './i18n.ts'
import { parseZloty } from './money.ts'
import type { ReceivedFile } from './storage.ts'
import type { FieldErrors } from './views/fields.tsx'

const zodLocales = { pl: zodPl().localeError, en: zodEn().localeError }

export type FormResult<Out> = { ok: true; data: Out } | { ok: false; errors: FieldErrors }

/**
 * Validates a submitted form. Messages are catalogue keys set in the schema (`errors.required`),
 * or zod's own message in the person's language; one message per field, the first.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  t: T,
  lang: Lang,
): FormResult<z.output<S>> {
  const result = schema.safeParse(body ?? {}, { error: zodLocales[lang] })
  if (result.success) return { ok: true, data: result.data }
  const errors: FieldErrors = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form')
    if (errors[field]) continue
    const extra = issue as { maximum?: unknown; minimum?: unknown; params?: Record<string, unknown> }
    errors[field] = hasMessage(issue.message)
      ? translateKey(t, issue.message, { max: extra.maximum, min: extra.minimum, ...extra.params })
      : issue.message
  }
  return { ok: false, errors }
}

/** What a person typed, as strings, to show back in the form; passwords are never echoed. */
export function typedValues(body: unknown): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) {
      if (!/password/i.test(k) && k !== '_csrf') values[k] = v
    }
  }
  return values
}

// Form fields arrive as strings; "" is "not given".
const text = (max: number) =>
  z.string({ error: 'errors.required' }).trim().max(max, { error: 'errors.tooLong' })

export const requiredText = (max: number) => text(max).min(1, { error: 'errors.required' })

// .optional() (not a union with undefined): zod 4 treats only an optional schema's key as one
// that may be missing from the form.
export const optionalText = (max: number) =>
  text(max)
    .optional()
    .transform((v) => (v ? v : null))

/** Optional text that is '' when not given (a column that is never null). */
export const textOrEmpty = (max: number) =>
  text(max)
    .optional()
    .transform((v) => v ?? '')

/** An optional choice by id from a select whose first option is '' ("none"). */
export const optionalId = () =>
  z
    .union([z.literal(''), z.uuid({ error: 'errors.choose' })])
    .optional()
    .transform((v) => (v ? v : null))

/** A checkbox sent as "yes" when ticked; absent (or anything else) is unticked. */
export const checkbox = z
  .union([z.literal('yes'), z.undefined()])
  .catch(undefined)
  .transform((v) => v === 'yes')

/** A calendar day as a date input sends it (YYYY-MM-DD), checked to exist (no 30 February). */
export const dayField = () =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'errors.date' })
    .refine(
      (v) => {
        const at = new Date(`${v}T00:00:00Z`)
        // Year 0 (which PostgreSQL has no day of) is no day either.
        return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(v) && !v.startsWith('0000')
      },
      { error: 'errors.date' },
    )

/** An optional day: '' is none. */
export const optionalDay = () =>
  z
    .union([z.literal(''), dayField()])
    .optional()
    .transform((v) => (v ? v : null))

/**
 * An amount in złoty as people type it ("6 791 950,00 zł"), to whole grosze (kernel/money.ts): never
 * through a floating-point number.
 */
export const moneyField = () =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .transform((v, ctx) => {
      const grosze = parseZloty(v)
      if (grosze === null) {
        ctx.addIssue({ code: 'custom', message: 'errors.money' })
        return z.NEVER
      }
      return grosze
    })

/** Checkboxes of one name: none ticked sends nothing, one a string, more an array. */
export const manyOf = <T extends z.ZodType<string>>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(item, { error: 'errors.choose' }).max(100, { error: 'errors.choose' }),
  )

export const emailField = () =>
  z
    .string({ error: 'errors.required' })
    .trim()
    .min(1, { error: 'errors.required' })
    .max(254, { error: 'errors.tooLong' })
    .pipe(z.email({ error: 'errors.email' }))
    .transform((v) => v.toLowerCase())

/**
 * A file chosen in a form: kernel/http streams it to a temporary file in storage as it arrives (its
 * size and SHA-256 taken on the way) and `storage.put()` moves it into place.
 */
export interface UploadedFile extends ReceivedFile {
  filename: string
  /** Cut at the upload limit: the file was larger. */
  truncated: boolean
}

/** In place of a second file sent to a field that takes one: it was not read, only skipped. */
export const extraFile = { extraFile: true } as const

export const isUploadedFile = (v: unknown): v is UploadedFile =>
  typeof v === 'object' && v !== null && typeof (v as UploadedFile).path === 'string'
const isExtra = (v: unknown) => typeof v === 'object' && v !== null && 'extraFile' in v

/** A required file, exactly one; its kind and content are checked when it is stored (kernel/storage). */
export const fileField = () =>
  z.unknown().transform((v, ctx): UploadedFile => {
    const message = (key: string) => {
      ctx.addIssue({ code: 'custom', message: key })
      return z.NEVER
    }
    if (Array.isArray(v) || isExtra(v)) return message('storage.oneFile')
    if (!isUploadedFile(v)) return message('storage.fileMissing')
    if (v.truncated) return message('storage.tooLarge')
    return v
  })

export function oneOf<const V extends readonly [string, ...string[]]>(values: V) {
  return z.enum(values, { error: 'errors.choose' })
}

/** A broken rule from a service, as a message next to its field; anything else goes on up. */
export function ruleErrors(err: unknown, t: T): FieldErrors {
  if (!(err instanceof RuleError)) throw err
  // The page escapes the message where it shows it, so its parameters go in as they are.
  const params = err.params ? { ...err.params, ...unescaped } : undefined
  return { [err.field ?? '_form']: translateKey(t, err.key, params) }
}
