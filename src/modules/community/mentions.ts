// @mentions in forum posts: `@[Imię Nazwisko]` names a person (names have spaces, people have no
// handles). The people named are told through the notifications module, once a post is published
// (a held post tells nobody until a moderator approves it), and only those who may read the forum:
// a mention of someone outside a members-only forum tells nobody and shows nothing of it.
import { sql } from 'kysely'
import { notify } from '../notifications/service.ts'
import type { Db } from './db.ts'
import { readsForum } from './visibility.ts'

const mention = /@\[([^\]\n]{2,120})\]/g

/** At most this many people are told from one post (a list of names is not a mailing list). */
export const mentionLimit = 10

/** The names a text mentions, each once, in the order they come, at most `mentionLimit`. */
export function mentionedNames(body: string): string[] {
  const names: string[] = []
  for (const m of body.matchAll(mention)) {
    const name = (m[1] as string).trim().replace(/\s+/g, ' ')
    if (name.length >= 2 && !names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name)
    if (names.length === mentionLimit) break
  }
  return names
}

/** Mentions as the page shows them: the name in bold, so a reader sees whom the writer addressed. */
export const withMentionsMarked = (body: string) =>
  body.replace(mention, (_m, name: string) => `**@${name}**`)

/** A post just published (or edited: `before` is its earlier text, whose mentions were told already). */
export interface PublishedPost {
  id: string
  body: string
  before?: string
  author: { id: string; name: string }
  topic: { id: string; forum_id: string; title: string; space_id: string | null }
}

/**
 * Tells the people a published post mentions, among those who read its forum (not its author, not
 * those an earlier text of the post told already); inside the caller's transaction. Returns whom it told.
 */
export async function notifyMentions(trx: Db, post: PublishedPost): Promise<string[]> {
  const told = new Set(mentionedNames(post.before ?? '').map((n) => n.toLowerCase()))
  const names = mentionedNames(post.body).filter((n) => !told.has(n.toLowerCase()))
  if (names.length === 0) return []
  const people = await trx
    .selectFrom('people as p')
    .select('p.id')
    .where('p.is_active', '=', true)
    .where('p.id', '!=', post.author.id)
    .where(sql<boolean>`siatka_fold(p.name) in (${sql.join(names.map((n) => sql`siatka_fold(${n})`))})`)
    .where(readsForum(trx, post.topic.space_id))
    .limit(mentionLimit)
    .execute()
  await notify(
    trx,
    people.map((p) => p.id),
    {
      kind: 'communityMention',
      params: { author: post.author.name, title: post.topic.title },
      link: `/community/posts/${post.id}`,
    },
  )
  return people.map((p) => p.id)
}
