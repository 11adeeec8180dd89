// What every signed-in request needs before its page: whose session the cookie names, and how
// many notifications they have not read (the header's badge). Both are kept in this process for a
// few seconds, so a person clicking through pages costs no statement for either, and are dropped
// at once when they change here: a session ended (signing out, everywhere, a new password), a
// person changed (role, name, language, deactivated) or a notification made or read.
//
// A change is forgotten when its statement runs, which may be before its transaction commits; a
// read in flight then, or made before the commit, would keep the old row. So for a second after a
// person is forgotten nothing of theirs is kept: such reads are used once and read again next time.
//
// With several processes behind one address, a change made in one process reaches the others'
// copies only when they expire: for up to `personCacheTtlMs` another process may still accept a
// session that was just ended or show the old badge (DESIGN.md, "Several processes").
import { LRUCache } from 'lru-cache'
import type { Lang } from './i18n.ts'
import type { GlobalRole } from './policy.ts'

export const personCacheTtlMs = 5_000

/** A session as the kernel keeps it: the person behind it and the session's own end. */
export interface SessionPerson {
  id: string
  email: string
  name: string
  role: GlobalRole
  lang: Lang
  sessionId: string
  expiresAt: Date
}

const quietMs = 1_000

const sessions = new LRUCache<string, SessionPerson>({ max: 20_000, ttl: personCacheTtlMs })
const unread = new LRUCache<string, number>({ max: 20_000, ttl: personCacheTtlMs })
/** People and sessions forgotten within the last second, whose rows may not have committed yet. */
const quietPeople = new LRUCache<string, true>({ max: 20_000, ttl: quietMs })
const quietSessions = new LRUCache<string, true>({ max: 20_000, ttl: quietMs })
const quietUnread = new LRUCache<string, true>({ max: 20_000, ttl: quietMs })

/** The session behind a token's hash, found before and still valid; or undefined. */
export function cachedSession(tokenHash: string, now = Date.now()): SessionPerson | undefined {
  const found = sessions.get(tokenHash)
  if (found && found.expiresAt.getTime() <= now) {
    sessions.delete(tokenHash)
    return undefined
  }
  return found
}

/** Keeps a session just read from the database (never one taken from here: its expiry would restart). */
export function keepSession(tokenHash: string, session: SessionPerson): void {
  if (!quietPeople.has(session.id) && !quietSessions.has(session.sessionId)) sessions.set(tokenHash, session)
}

/** After a session ends. */
export function forgetSession(sessionId: string): void {
  for (const [hash, s] of sessions.entries()) if (s.sessionId === sessionId) sessions.delete(hash)
  quietSessions.set(sessionId, true)
}

/** After a person's sessions end or the person changes: every session of theirs is read again. */
export function forgetPerson(personId: string): void {
  for (const [hash, s] of sessions.entries()) if (s.id === personId) sessions.delete(hash)
  quietPeople.set(personId, true)
  forgetUnread([personId])
}

export function cachedUnread(personId: string): number | undefined {
  return unread.get(personId)
}

/** Keeps a count just read from the database. */
export function keepUnread(personId: string, count: number): void {
  if (!quietUnread.has(personId)) unread.set(personId, count)
}

/** After notifications are made for these people or read by them. */
export function forgetUnread(personIds: Iterable<string>): void {
  for (const id of personIds) {
    unread.delete(id)
    quietUnread.set(id, true)
  }
}
