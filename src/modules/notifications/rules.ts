// The address a notification mail gives for turning its kind of mail off (List-Unsubscribe, RFC 8058):
// it names the person and the kind, signed with a key derived from the app's session secret.
//
// A signature rather than a stored token: every mail carries its link and a mail program may post to
// it long after, so a stored token would be a row per mail (or per person and kind) kept forever;
// a signature needs no row and nothing to clean up, and cannot be guessed or altered to name someone
// else. It can be revoked only by changing SESSION_SECRET, which is acceptable for what it does:
// it only turns off one kind of mail, which the person can turn on again on the preferences page.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import type { CustomTypeOptions } from 'i18next'
import { catalogueOf } from '../../kernel/i18n.ts'

/** A kind of notification: each module's texts name theirs under notifications.kinds (src/texts.ts). */
export type NotificationKind = keyof CustomTypeOptions['resources']['translation']['notifications']['kinds']

let kinds: NotificationKind[] | undefined
/** Every kind, in the order the modules' texts list them. */
export function notificationKinds(): NotificationKind[] {
  kinds ??= Object.keys(
    (catalogueOf('pl') as { notifications: { kinds: object } }).notifications.kinds,
  ) as NotificationKind[]
  return kinds
}

/** The daily digest, turned off as a whole (it holds every kind). */
export const digest = 'digest'
/** One thing the person follows, stopped alone: `stop:<module's stop>:<id>` (kernel/module.ts MailStop). */
export type StopKind = `stop:${string}`
export type MailKind = NotificationKind | typeof digest | StopKind

const stopPattern = /^stop:([a-z]+):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/

/** The stop a mail kind names, as the module's stop name and the row's id, or null for a kind of mail. */
export function stopOf(kind: MailKind): { name: string; id: string } | null {
  const m = stopPattern.exec(kind)
  return m ? { name: m[1] as string, id: m[2] as string } : null
}

export const isMailKind = (v: string): v is MailKind =>
  v === digest || (notificationKinds() as string[]).includes(v) || stopPattern.test(v)

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/
// An HMAC-SHA256 in base64url.
const signatureLength = 43

// Its own key, so that nothing signed here is also a valid signature of a cookie the same secret signs.
const keyOf = (secret: string) => Buffer.from(hkdfSync('sha256', secret, 'siatka', 'list-unsubscribe', 32))

const sign = (secret: string, payload: string) =>
  createHmac('sha256', keyOf(secret)).update(payload).digest('base64url')

/** One base64url string (so the log's redaction hides it whole): the person and kind, then the signature. */
export function unsubscribeToken(secret: string, personId: string, kind: MailKind): string {
  const payload = Buffer.from(`${personId}/${kind}`).toString('base64url')
  return payload + sign(secret, payload)
}

/** The person and kind a token names, or null when it is not one we signed. */
export function readUnsubscribeToken(
  secret: string,
  token: string,
): { personId: string; kind: MailKind } | null {
  if (token.length <= signatureLength) return null
  const payload = token.slice(0, -signatureLength)
  const given = Buffer.from(token.slice(-signatureLength))
  const expected = Buffer.from(sign(secret, payload))
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null
  const [personId, kind, ...rest] = Buffer.from(payload, 'base64url').toString('utf8').split('/')
  if (rest.length > 0 || !uuid.test(personId ?? '') || !isMailKind(kind ?? '')) return null
  return { personId, kind: kind as MailKind }
}
