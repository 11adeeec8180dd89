// The forum's rules against spam and floods: which posts wait for a moderator, and how fast one
// person may post. Pure: the service counts, these decide.

/** More links than this in one post hold it for a moderator, whoever writes it. */
export const linkLimit = 10
/** A person (not a moderator) posts at most this many times in `floodWindowMinutes`. */
export const postsPerWindow = 10
export const floodWindowMinutes = 10

export type HoldReason = 'first_post' | 'links'

/** The links in a post's Markdown: addresses written out and Markdown links (each counted once). */
export function countLinks(markdown: string): number {
  const addresses = markdown.match(/\bhttps?:\/\/[^\s)<>\]]+/gi) ?? []
  const bare = markdown.match(/\bwww\.[^\s)<>\]]+/gi) ?? []
  return addresses.length + bare.filter((w) => !addresses.some((a) => a.includes(w))).length
}

/**
 * Why a post waits for a moderator, or null when it is published at once: a moderator's never
 * waits; the first post of someone who joined by themselves does (`selfJoined`: a bot that got
 * through registration is stopped here; people the secretariat invited are known); so does any
 * post with more than `linkLimit` links.
 */
export function holdReason(p: {
  moderator: boolean
  selfJoined: boolean
  publishedBefore: boolean
  links: number
}): HoldReason | null {
  if (p.moderator) return null
  if (p.selfJoined && !p.publishedBefore) return 'first_post'
  if (p.links > linkLimit) return 'links'
  return null
}

/** Whether one more post now would be a flood: `recent` posts already in the window. */
export const isFlood = (p: { moderator: boolean; recent: number }) =>
  !p.moderator && p.recent >= postsPerWindow
