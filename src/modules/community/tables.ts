import type { ColumnType, Generated } from 'kysely'
import type { Day } from '../../kernel/dates.ts'
import type { CreatedAt } from '../../kernel/tables.ts'

/** An open forum on a theme, created by the secretariat. */
export interface CommunityForumsTable {
  id: Generated<string>
  name_pl: string
  name_en: string
  description_pl: Generated<string>
  description_en: Generated<string>
  position: Generated<number>
  /** A members-only forum's space: read by the space's readers alone (null: an open forum). */
  space_id: string | null
  created_by: string
  created_at: CreatedAt
}

/** A topic of a forum: a discussion, or a question with at most one accepted answer. */
export interface CommunityTopicsTable {
  id: Generated<string>
  forum_id: string
  title: string
  /** The language it is written in: 'pl' or 'en'. */
  lang: string
  is_question: Generated<boolean>
  /** The answer the asker or a moderator accepted (a post of this topic, not its first). */
  accepted_post_id: string | null
  locked: Generated<boolean>
  author_id: string
  created_at: CreatedAt
  /** When its latest post came: the forum lists topics by it. */
  last_post_at: ColumnType<Date, Date | undefined, Date>
  post_count: Generated<number>
  /** Its first post waits for a moderator: nobody but its author and moderators sees it. */
  held: Generated<boolean>
  /** Shown above the forum's list. */
  pinned: Generated<boolean>
  /** Merged into another topic: its posts are there, its address sends readers on. */
  merged_into: Generated<string | null>
}

/** A post's state: published, held for a moderator's approval, or hidden by a moderator. */
export type PostState = 'published' | 'held' | 'hidden'

/** A post of a topic, in Markdown (the kernel's sanitising renderer shows it). */
export interface CommunityPostsTable {
  id: Generated<string>
  topic_id: string
  author_id: string
  body: string
  created_at: CreatedAt
  state: ColumnType<PostState, PostState | undefined, PostState>
  /** Why it waits for a moderator (rules.ts). */
  held_reason: ColumnType<string | null, string | null | undefined, string | null>
  /** When the text was last changed, and by whom (its author or a moderator); null: never. */
  edited_at: Date | null
  edited_by: string | null
}

/** How a follow's notifications reach the person: by mail at once, in the daily digest, or in Siatka only. */
export const followDeliveries = ['immediate', 'daily', 'none'] as const
export type FollowDelivery = (typeof followDeliveries)[number]

/** A person follows a forum (its new topics) or a topic (its new posts). */
export interface CommunityFollowsTable {
  id: Generated<string>
  person_id: string
  forum_id: string | null
  topic_id: string | null
  delivery: FollowDelivery
  created_at: CreatedAt
}

/** How far a person has read a topic: the time of the latest post they were shown. */
export interface CommunityTopicReadsTable {
  person_id: string
  topic_id: string
  read_until: Date
}

/** A file attached to a post, kept by the kernel's storage. */
export interface CommunityAttachmentsTable {
  id: Generated<string>
  post_id: string
  file_hash: string
  original_name: string
  size_bytes: number
  added_by: string
  created_at: CreatedAt
}

/** A post's text as it was before an edit, kept for moderators. */
export interface CommunityPostVersionsTable {
  id: Generated<string>
  post_id: string
  body: string
  written_by: string
  written_at: Date
  replaced_at: CreatedAt
}

/** A post flagged by someone signed in, with their reason, until a moderator deals with it. */
export interface CommunityPostFlagsTable {
  id: Generated<string>
  post_id: string
  person_id: string
  reason: string
  created_at: CreatedAt
  resolved_at: Date | null
}

/** A community member's profile; `shown` lists the parts others may see. */
export interface CommunityProfilesTable {
  person_id: string
  country: string | null
  organisation: string
  languages: string[]
  expertise: string
  availability: string
  bio: string
  shown: string[]
  /** The content languages ('pl', 'en') the person reads the community in; none: both. */
  reads: Generated<string[]>
  updated_at: ColumnType<Date, Date | undefined, Date>
}

/** An organisation as the community sees it: what it works on, where, in which languages, what it offers and seeks. */
export interface CommunityOrganisationsTable {
  organisation_id: string
  /** A NUTS code of the organisation's country ('PL22', 'DE300'). */
  region_code: string | null
  region_name: Generated<string>
  /** The projects' themes, by id. */
  themes: Generated<string[]>
  languages: Generated<string[]>
  /** The EU programmes it has worked in (partners/rules.ts). */
  programmes: Generated<string[]>
  size: string | null
  /** The language its texts are written in. */
  lang: Generated<string>
  experience: Generated<string>
  offers: Generated<string>
  seeks: Generated<string>
  updated_by: string | null
  updated_at: ColumnType<Date, Date | undefined, Date>
  created_at: CreatedAt
}

/** A partner request (ogłoszenie o poszukiwaniu partnera); it expires after its deadline by itself. */
export interface CommunityPartnerRequestsTable {
  id: Generated<string>
  organisation_id: string
  author_id: string
  title: string
  idea: string
  lang: string
  programme: string
  /** The partner sought: an empty list is open to any. */
  seek_kinds: Generated<string[]>
  seek_countries: Generated<string[]>
  seek_themes: Generated<string[]>
  seek_languages: Generated<string[]>
  competences: Generated<string>
  deadline: Day
  closed_at: Date | null
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | undefined, Date>
}

/** A conversation between a person and an organisation's contact people. */
export interface CommunityThreadsTable {
  id: Generated<string>
  organisation_id: string
  starter_id: string
  request_id: string | null
  subject: string
  created_at: CreatedAt
  last_message_at: ColumnType<Date, Date | undefined, Date>
}

export interface CommunityMessagesTable {
  id: Generated<string>
  thread_id: string
  author_id: string
  body: string
  created_at: CreatedAt
}

/** A person's place in a thread: when they last read it, and whether the other side sees their address. */
export interface CommunityThreadPeopleTable {
  thread_id: string
  person_id: string
  read_at: Date | null
  revealed_at: Date | null
}

export interface CommunityMessageReportsTable {
  id: Generated<string>
  message_id: string
  reporter_id: string
  reason: string
  created_at: CreatedAt
  resolved_at: Date | null
}

/** The knowledge base's sections, in their order. */
export const articleSections = ['starting', 'partners', 'budgeting', 'reporting', 'esf_rules'] as const
export type ArticleSection = (typeof articleSections)[number]

/** An article of the knowledge base: its current version's title and text, and its state. */
export interface CommunityArticlesTable {
  id: Generated<string>
  section: ArticleSection
  lang: string
  title: string
  body: string
  published: Generated<boolean>
  /** The same article in the other language. */
  translation_id: ColumnType<string | null, string | null | undefined, string | null>
  /** The question whose accepted answer it was drafted from. */
  source_topic_id: ColumnType<string | null, string | null | undefined, string | null>
  /** Raised by every save: a save from an older page is refused. */
  version: Generated<number>
  created_by: string
  created_at: CreatedAt
  updated_at: ColumnType<Date, Date | undefined, Date>
}

/** Every version of an article, as it was saved. */
export interface CommunityArticleVersionsTable {
  article_id: string
  version: number
  title: string
  body: string
  note: Generated<string>
  author_id: string
  created_at: CreatedAt
}

export interface CommunityArticleTopicsTable {
  article_id: string
  topic_id: string
}

export interface CommunityArticleFeedbackTable {
  id: Generated<string>
  article_id: string
  /** None for a visitor. */
  person_id: string | null
  helpful: boolean
  created_at: CreatedAt
}

/** A partner search a person keeps, told of new matches once a week at most. */
export interface CommunitySavedSearchesTable {
  id: Generated<string>
  person_id: string
  target: 'organisations' | 'requests'
  /** The search page's query (PartnerSearchQuery), read back through its schema. */
  query: ColumnType<unknown, string, string>
  words_folded: ColumnType<string, string | undefined, string>
  checked_at: ColumnType<Date, Date | undefined, Date>
  created_at: CreatedAt
}

export interface CommunityTables {
  community_articles: CommunityArticlesTable
  community_article_versions: CommunityArticleVersionsTable
  community_article_topics: CommunityArticleTopicsTable
  community_article_feedback: CommunityArticleFeedbackTable
  community_organisations: CommunityOrganisationsTable
  community_partner_requests: CommunityPartnerRequestsTable
  community_threads: CommunityThreadsTable
  community_messages: CommunityMessagesTable
  community_thread_people: CommunityThreadPeopleTable
  community_message_reports: CommunityMessageReportsTable
  community_profiles: CommunityProfilesTable
  community_forums: CommunityForumsTable
  community_topics: CommunityTopicsTable
  community_posts: CommunityPostsTable
  community_post_flags: CommunityPostFlagsTable
  community_post_versions: CommunityPostVersionsTable
  community_follows: CommunityFollowsTable
  community_attachments: CommunityAttachmentsTable
  community_topic_reads: CommunityTopicReadsTable
  community_saved_searches: CommunitySavedSearchesTable
}

declare module '../../kernel/db.ts' {
  interface Database extends CommunityTables {}
}
