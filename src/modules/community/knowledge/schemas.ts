import { z } from 'zod'
import { checkbox, oneOf, optionalId, requiredText, textOrEmpty } from '../../../kernel/forms.ts'
import { contentLanguages } from '../schemas.ts'
import { articleSections } from '../tables.ts'

const uuidPattern = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/**
 * An article as its form sends it: section, language, title, Markdown text, the same article in the
 * other language, related forum topics (their addresses, one a line), whether it is published, and
 * (on a change) what changed and the version the form was opened at.
 */
export const ArticleForm = z.object({
  section: oneOf(articleSections),
  lang: oneOf(contentLanguages),
  title: requiredText(200),
  body: requiredText(50_000),
  translationId: optionalId(),
  topics: textOrEmpty(5000).transform((v) =>
    [...new Set((v.match(uuidPattern) ?? []).map((id) => id.toLowerCase()))].slice(0, 20),
  ),
  published: checkbox,
  note: textOrEmpty(300),
  version: z.coerce.number().int().min(0).max(2_147_483_647).catch(0).default(0),
})
export type ArticleForm = z.output<typeof ArticleForm>

export const ArticleParams = z.object({ articleId: z.uuid() })

/** The knowledge base's list: one section (paged) or all, in one language or both. */
export const KnowledgeQuery = z.object({
  section: z.enum(articleSections).nullable().catch(null).default(null),
  language: z
    .enum(['all', ...contentLanguages])
    .catch('all')
    .default('all'),
})
export type KnowledgeQuery = z.output<typeof KnowledgeQuery>

/** Two versions to compare (the older first); none given: the latest against the one before. */
export const VersionsQuery = z.object({
  from: z.coerce.number().int().min(1).nullable().catch(null).default(null),
  to: z.coerce.number().int().min(1).nullable().catch(null).default(null),
})

export const FeedbackForm = z.object({ helpful: z.enum(['yes', 'no'], { error: 'errors.choose' }) })
