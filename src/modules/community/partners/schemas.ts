import { z } from 'zod'
import { dayField, manyOf, oneOf, requiredText, textOrEmpty } from '../../../kernel/forms.ts'
import { organisationTypes } from '../../accounts/index.ts'
import { profileCountries, spokenLanguages } from '../profiles.ts'
import { contentLanguages } from '../schemas.ts'
import { nutsPrefixOf, organisationSizes, programmes, type Wanted } from './rules.ts'

const website = z
  .string()
  .trim()
  .max(300, { error: 'errors.tooLong' })
  .optional()
  .transform((v) => (v ? v : null))
  .refine((v) => v === null || /^https?:\/\/[^\s.]+\.[^\s]+$/i.test(v), {
    error: 'community.partners.errors.website',
  })

const themeIds = manyOf(z.uuid({ error: 'errors.choose' }))

/**
 * An organisation's profile in the community: the organisation's own facts (name, kind, country,
 * website: the kernel's organisation) and what the community sees of it. A region is a NUTS code of
 * the organisation's country.
 */
export const OrganisationProfileForm = z
  .object({
    name: requiredText(300),
    type: oneOf(organisationTypes),
    country: oneOf(profileCountries),
    website,
    regionCode: z
      .string()
      .trim()
      .toUpperCase()
      .max(5, { error: 'community.partners.errors.region' })
      .optional()
      .transform((v) => (v ? v : null))
      .refine((v) => v === null || /^[A-Z]{2}[0-9A-Z]{1,3}$/.test(v), {
        error: 'community.partners.errors.region',
      }),
    regionName: textOrEmpty(120),
    size: z
      .union([z.literal(''), oneOf(organisationSizes)])
      .optional()
      .transform((v) => (v ? v : null)),
    themes: themeIds,
    languages: manyOf(oneOf(spokenLanguages)),
    programmes: manyOf(oneOf(programmes)),
    lang: oneOf(contentLanguages),
    experience: textOrEmpty(3000),
    offers: textOrEmpty(3000),
    seeks: textOrEmpty(3000),
  })
  .superRefine((v, ctx) => {
    if (v.regionCode && !v.regionCode.startsWith(nutsPrefixOf(v.country)))
      ctx.addIssue({
        code: 'custom',
        path: ['regionCode'],
        message: 'community.partners.errors.regionCountry',
      })
  })
export type OrganisationProfileForm = z.output<typeof OrganisationProfileForm>

/** A partner request: the idea, the programme, the partner sought (empty lists: any) and the last day. */
export const PartnerRequestForm = z.object({
  title: requiredText(200),
  idea: requiredText(5000),
  lang: oneOf(contentLanguages),
  programme: oneOf(programmes),
  seekKinds: manyOf(oneOf(organisationTypes)),
  seekCountries: manyOf(oneOf(profileCountries)),
  seekThemes: themeIds,
  seekLanguages: manyOf(oneOf(spokenLanguages)),
  competences: textOrEmpty(2000),
  deadline: dayField(),
})
export type PartnerRequestForm = z.output<typeof PartnerRequestForm>

export const OrganisationParams = z.object({ organisationId: z.uuid() })
export const RequestParams = z.object({ requestId: z.uuid() })

/** A list of values of a query string: one value, several (repeated), or none; unknown ones dropped. */
const queryList = <const V extends readonly string[]>(values: V | null) =>
  z
    .preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
    .catch([])
    .transform((vs) => [...new Set(vs.filter((v) => (values ? values.includes(v) : isUuid(v))))].slice(0, 40))

const isUuid = (v: string) => z.uuid().safeParse(v).success

/**
 * The partner search: what it asks for (each a list: any one value meets it), words in a name, and
 * whether it lists organisations or open requests. With `request`, organisations are matched to that
 * request's partner profile.
 */
export const PartnerSearchQuery = z.object({
  q: z.string().trim().max(100).catch('').default(''),
  theme: queryList(null),
  kind: queryList(organisationTypes),
  country: queryList(profileCountries),
  language: queryList(spokenLanguages),
  programme: queryList(programmes),
  region: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}[0-9A-Z]{0,3}$/)
    .catch('')
    .default('')
    .or(z.literal('')),
  request: z.uuid().nullable().catch(null).default(null),
})
export type PartnerSearchQuery = z.output<typeof PartnerSearchQuery>

/** A search kept by the person: what it asks, and whether it lists organisations or requests. */
export const SaveSearchForm = PartnerSearchQuery.extend({
  target: z.enum(['organisations', 'requests']).catch('organisations'),
})
export const SavedParams = z.object({ searchId: z.uuid() })

/** What a search asks for, criterion by criterion. */
export const wantedOf = (q: PartnerSearchQuery): Wanted => ({
  theme: q.theme,
  kind: q.kind,
  country: q.country,
  language: q.language,
  programme: q.programme,
  region: q.region ? [q.region] : [],
})
