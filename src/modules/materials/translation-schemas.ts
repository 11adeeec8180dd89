import { z } from 'zod'
import { dayField, emailField, fileField, oneOf, optionalText } from '../../kernel/forms.ts'
import { materialLanguages } from './tables.ts'
import { translationStates } from './translation-rules.ts'

export const RequestParams = z.object({ id: z.uuid(), itemId: z.uuid(), requestId: z.uuid() })

// A private link's token is 43 base64url characters (32 random bytes); anything else is not found.
export const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/) })

// Field names differ from the material page's other forms (language, file): every field's id must be unique there.
export const TranslationForm = z.object({
  sourceLanguage: oneOf(materialLanguages),
  targetLanguage: oneOf(materialLanguages),
  deadline: dayField(),
  translatorEmail: emailField(),
  /** Only for a translator without an account. */
  translatorName: optionalText(200),
  /** The language an outside translator is written to in; an account holder's own is used otherwise. */
  translatorLang: oneOf(['pl', 'en']),
})
export type TranslationForm = z.output<typeof TranslationForm>

export const DeliveryForm = z.object({ file: fileField() })

export const CancelForm = z.object({
  back: z.enum(['material', 'list']).catch('material').default('material'),
})

export const TranslationsQuery = z.object({
  status: z
    .enum(['', ...translationStates])
    .catch('')
    .default(''),
  sort: z.enum(['deadline', 'requested']).catch('deadline').default('deadline'),
  dir: z.enum(['asc', 'desc']).catch('asc').default('asc'),
})
export type TranslationsQuery = z.output<typeof TranslationsQuery>
