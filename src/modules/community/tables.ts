import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt } from '../../kernel/tables.ts'

/** An open forum on a theme, created by the secretariat. */
export interface CommunityForumsTable {
  id: Generated<string>
  name_pl: string
  name_en: string
  description_pl: Generated<string>
  description_en: Generated<string>
  position: Generated<number>
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
}

/** A post of a topic, in Markdown (the kernel's sanitising renderer shows it). */
export interface CommunityPostsTable {
  id: Generated<string>
  topic_id: string
  author_id: string
  body: string
  created_at: CreatedAt
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
  updated_at: ColumnType<Date, Date | undefined, Date>
}

export interface CommunityTables {
  community_profiles: CommunityProfilesTable
  community_forums: CommunityForumsTable
  community_topics: CommunityTopicsTable
  community_posts: CommunityPostsTable
}

declare module '../../kernel/db.ts' {
  interface Database extends CommunityTables {}
}
