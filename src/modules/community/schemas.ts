import { z } from 'zod'
import { checkbox, manyOf, oneOf, optionalId, requiredText, textOrEmpty } from '../../kernel/forms.ts'
import { cursorOf, timeCursor } from '../../kernel/pagination.ts'
import { profileCountries, profileParts, spokenLanguages } from './profiles.ts'

export const contentLanguages = ['pl', 'en'] as const

/** A new forum: its name and what it is for, in both languages; a space for a members-only forum. */
export const ForumForm = z.object({
  namePl: requiredText(120),
  nameEn: requiredText(120),
  descriptionPl: textOrEmpty(1000),
  descriptionEn: textOrEmpty(1000),
  space: optionalId(),
})
export type ForumForm = z.output<typeof ForumForm>

/** A new topic: its title, the language it is written in, whether it asks a question, its first post. */
export const TopicForm = z.object({
  title: requiredText(200),
  lang: oneOf(contentLanguages),
  isQuestion: checkbox,
  body: requiredText(20_000),
})
export type TopicForm = z.output<typeof TopicForm>

/** A reply: Markdown. */
export const ReplyForm = z.object({ body: requiredText(20_000) })
export type ReplyForm = z.output<typeof ReplyForm>

/** The answer accepted: a post of the question's topic. */
export const AcceptForm = z.object({ postId: z.uuid({ error: 'errors.choose' }) })

export const ForumParams = z.object({ forumId: z.uuid() })
export const TopicParams = z.object({ topicId: z.uuid() })

const cursor = timeCursor()

/** A forum's topics: all, newest activity first, or its questions still without an answer, oldest first. */
export const ForumQuery = z.object({
  show: z.enum(['all', 'unanswered']).catch('all').default('all'),
  language: z
    .enum(['all', ...contentLanguages])
    .catch('all')
    .default('all'),
  after: cursor,
})
export type ForumQuery = z.output<typeof ForumQuery>

/** A topic's posts, in the order they came, after a post; a post quoted in the reply form. */
export const TopicQuery = z.object({ after: cursor, quote: z.uuid().nullable().catch(null).default(null) })

/** A row's place in a keyset list, as its cursor. */
export { cursorOf }

/** How far back a search looks, in days; 0 for all time. */
export const searchPeriods = ['0', '7', '30', '365'] as const

/** The forum's search: words, and the forum, language, state and period it keeps to. */
export const SearchQuery = z.object({
  q: z.string().trim().max(200).catch('').default(''),
  forum: z.uuid().nullable().catch(null).default(null),
  language: z
    .enum(['all', ...contentLanguages])
    .catch('all')
    .default('all'),
  answered: z.enum(['all', 'yes', 'no']).catch('all').default('all'),
  since: z.enum(searchPeriods).catch('0').default('0'),
})
export type SearchQuery = z.output<typeof SearchQuery>

/** A member's profile as its form sends it; `shown` are the parts others may see. */
export const ProfileForm = z.object({
  country: z
    .union([z.literal(''), oneOf(profileCountries)])
    .optional()
    .transform((v) => (v ? v : null)),
  organisation: textOrEmpty(200),
  languages: manyOf(oneOf(spokenLanguages)),
  expertise: textOrEmpty(1000),
  availability: textOrEmpty(300),
  bio: textOrEmpty(2000),
  shown: manyOf(oneOf(profileParts)),
  reads: manyOf(oneOf(contentLanguages)),
})
export type ProfileForm = z.output<typeof ProfileForm>

export const PersonParams = z.object({ personId: z.uuid() })
