// Information flow (seed 000: "zapewnienie przepływu informacji"): every event that concerns a person
// lands in their notification centre and, as they prefer, in a mail at once, a daily digest or nowhere.
// Other modules call notify() inside their own transaction.

import { sql } from 'kysely'
import type { Config } from '../../config.ts'
import { type AuditWho, audit } from '../../kernel/audit.ts'
import { safeDay } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import { type Lang, translateKey, translator, unescaped } from '../../kernel/i18n.ts'
import { enqueue, type JobQueue } from '../../kernel/jobs.ts'
import { renderMail, sendMails } from '../../kernel/mail.ts'
import type { MailStop } from '../../kernel/module.ts'
import type { Page } from '../../kernel/pagination.ts'
import { forgetUnread } from '../../kernel/person-cache.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Db, Pool } from './db.ts'
import {
  digest,
  type MailKind,
  type NotificationKind,
  notificationKinds,
  stopOf,
  unsubscribeToken,
} from './rules.ts'
import type { Delivery } from './tables.ts'

export type { NotificationKind }

export interface NotificationInput {
  kind: NotificationKind
  /**
   * Values for the text. A value given as `name_pl` and `name_en` becomes `name` in the reader's
   * language; one ending in `Key` is a catalogue key, translated (`roleKey` gives `role`); one ending
   * in `Day` is a calendar day, written out in the reader's language (`untilDay` gives `until`).
   */
  params: Record<string, string>
  /**
   * `note` among the params: a person's own words that go with it (the managing authority's
   * comment, say), quoted under the text and in the mail's body, never in its subject.
   */
  /** Path inside Siatka, e.g. /spaces/…; mails make it absolute. */
  link: string
  /**
   * Sent because the person follows something: how that follow wants it delivered (over the
   * person's own setting, except that a person who wants no mail at all gets none), and what one
   * click in its mail stops (`<module's stop>:<id>`, kernel/module.ts MailStop).
   */
  follow?: { delivery: Delivery; stop: string }
}

/** Creates one notification per person (each once) and queues the immediate mails. */
export async function notify(
  handle: AnyDb,
  personIds: readonly string[],
  n: NotificationInput,
): Promise<void> {
  const trx: Db = handle
  await notifyEach(
    trx,
    [...new Set(personIds)].map((personId) => ({ personId, ...n })),
  )
}

/** Notifications that differ per person (each their own role), in one statement and one job. */
export async function notifyEach(
  handle: AnyDb,
  items: readonly (NotificationInput & { personId: string })[],
) {
  const trx: Db = handle
  if (items.length === 0) return
  const rows = await trx
    .insertInto('notifications')
    .values(
      items.map((n) => ({
        person_id: n.personId,
        kind: n.kind,
        params: JSON.stringify(n.params),
        link: n.link,
        delivery: n.follow?.delivery ?? null,
        stop: n.follow?.stop ?? null,
      })),
    )
    .returning('id')
    .execute()
  forgetUnread(items.map((n) => n.personId))
  await enqueue(trx, 'notifications.deliver', { ids: rows.map((r) => r.id) })
}

/** The notification's text in a language. */
export function notificationText(lang: Lang, kind: string, params: Record<string, string>): string {
  const t = translator(lang)
  const values: Record<string, string> = {}
  for (const [k, v] of Object.entries(params)) {
    if (k.endsWith(`_${lang}`)) values[k.slice(0, -lang.length - 1)] = v
    else if (k.endsWith('Key')) values[k.slice(0, -3)] = translateKey(t, v)
    else if (k.endsWith('Day')) values[k.slice(0, -3)] = safeDay(v, lang)
    else if (!/_(pl|en)$/.test(k)) values[k] ??= v
  }
  return translateKey(t, `notifications.kinds.${kind}`, { ...values, ...unescaped })
}

/** The note quoted with a notification ("Uwagi: „…”"), or '' when it has none. */
export function notificationNote(lang: Lang, params: Record<string, string>): string {
  const note = params.note?.trim()
  return note ? translator(lang)('notifications.note', { note, ...unescaped }) : ''
}

/** The text and its note, as a mail's body and a digest's entry read them. */
const withNote = (lang: Lang, r: { kind: string; params: Record<string, string> }) => {
  const note = notificationNote(lang, r.params)
  return `${notificationText(lang, r.kind, r.params)}${note ? `\n\n${note}` : ''}`
}

export function countUnread(db: Pool, personId: string): Promise<number> {
  return db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('person_id', '=', personId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n))
}

export function listNotifications(db: Db, personId: string, page: Page) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'params', 'link', 'created_at', 'read_at'])
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/** Opening one marks it read; another person's notification does not exist for them. */
export async function openNotification(db: Db, actor: Actor, id: string): Promise<string> {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('id', '=', id)
    .where('person_id', '=', actor.id)
    .returning('link')
    .executeTakeFirst()
  if (!row) throw new NotFoundError()
  forgetUnread([actor.id])
  return row.link
}

export async function markAllRead(db: Db, actor: Actor): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: new Date() })
    .where('person_id', '=', actor.id)
    .where('read_at', 'is', null)
    .execute()
  forgetUnread([actor.id])
}

export async function deliveryOf(db: Db, personId: string): Promise<Delivery> {
  const row = await db
    .selectFrom('notification_settings')
    .select('delivery')
    .where('person_id', '=', personId)
    .executeTakeFirst()
  return row?.delivery ?? 'immediate'
}

/** The kinds of notification the person wants no mail about. */
export async function mailOptOuts(db: Db, personId: string): Promise<NotificationKind[]> {
  const rows = await db
    .selectFrom('notification_mail_opt_outs')
    .select('kind')
    .where('person_id', '=', personId)
    .execute()
  return rows.map((r) => r.kind as NotificationKind)
}

async function saveDelivery(db: Db, personId: string, delivery: Delivery) {
  await db
    .insertInto('notification_settings')
    .values({ person_id: personId, delivery, updated_at: new Date() })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ delivery, updated_at: new Date() }))
    .execute()
}

/**
 * How mail goes out, and which kinds of notification go by mail at all (the rest stay in Siatka);
 * without `mailed`, the kinds stay as they were.
 */
export async function saveMailSettings(
  db: Db,
  actor: Actor,
  delivery: Delivery,
  mailed?: readonly NotificationKind[],
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await saveDelivery(trx, actor.id, delivery)
    if (!mailed) return
    const off = notificationKinds().filter((k) => !mailed.includes(k))
    await trx.deleteFrom('notification_mail_opt_outs').where('person_id', '=', actor.id).execute()
    if (off.length > 0)
      await trx
        .insertInto('notification_mail_opt_outs')
        .values(off.map((kind) => ({ person_id: actor.id, kind })))
        .execute()
  })
}

/** Whose mail a one-click address turns off: an active person, in their language. */
export async function mailRecipient(db: Db, personId: string) {
  const person = await db
    .selectFrom('people')
    .select(['id', 'email', 'lang'])
    .where('id', '=', personId)
    .where('is_active', '=', true)
    .executeTakeFirst()
  if (!person) throw new NotFoundError()
  return person
}

/**
 * One kind of mail turned off from the mail itself (RFC 8058 one-click, or the page its link opens):
 * no more mail of that kind, or no more daily digest; the notifications still show in Siatka.
 */
export async function optOutByMail(db: Db, who: AuditWho, personId: string, kind: MailKind, stop?: MailStop) {
  await mailRecipient(db, personId)
  await db.transaction().execute(async (trx) => {
    const followed = stopOf(kind)
    if (followed) await stop?.stop(trx, personId, followed.id)
    else if (kind === digest) await saveDelivery(trx, personId, 'none')
    else
      await trx
        .insertInto('notification_mail_opt_outs')
        .values({ person_id: personId, kind })
        .onConflict((oc) => oc.columns(['person_id', 'kind']).doNothing())
        .execute()
    await audit(trx, who, {
      action: 'notifications.mail-opted-out',
      subjectType: 'person',
      subjectId: personId,
      details: { kind },
    })
  })
}

/** Where mails are sent from and what signs their unsubscribe addresses. */
export type MailSite = Pick<Config, 'baseUrl' | 'sessionSecret'>

/** The address that stops one kind of mail, the digest, or one thing followed, in one click. */
const unsubscribeLink = (site: MailSite, personId: string, kind: MailKind) =>
  `${site.baseUrl}/unsubscribe/${unsubscribeToken(site.sessionSecret, personId, kind)}`

/** What one click in a notification's mail stops: the thing followed that sent it, or its kind of mail. */
const mailKindOf = (r: { kind: string; stop: string | null }): MailKind =>
  r.stop ? `stop:${r.stop}` : (r.kind as NotificationKind)

/**
 * A notification mail's own headers: the address that turns this kind of mail off in one click
 * (RFC 2369, RFC 8058), and that no person wrote it (RFC 3834), so no autoresponder answers it.
 */
export function notificationMailHeaders(site: MailSite, personId: string, kind: MailKind) {
  return {
    'List-Unsubscribe': `<${unsubscribeLink(site, personId, kind)}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'Auto-Submitted': 'auto-generated',
  }
}

interface Pending {
  id: string
  kind: string
  params: Record<string, string>
  link: string
  email: string
  name: string
  lang: Lang
  person_id: string
  /** What one click stops, for a notification of something followed. */
  stop: string | null
  /** The person wants no mail of this kind. */
  muted: boolean
}

/**
 * How a notification goes out: as the follow that sent it wants (over the person's setting), as
 * the person set it otherwise; never by mail to a person who wants none at all.
 */
const deliveryOfRow = sql<Delivery>`case when s.delivery = 'none' then 'none'
  else coalesce(n.delivery, s.delivery, 'immediate') end`

function pendingMail(db: Db) {
  return db
    .selectFrom('notifications as n')
    .innerJoin('people as p', 'p.id', 'n.person_id')
    .leftJoin('notification_settings as s', 's.person_id', 'n.person_id')
    .select(['n.id', 'n.kind', 'n.params', 'n.link', 'n.person_id', 'n.stop', 'p.email', 'p.name', 'p.lang'])
    .select(deliveryOfRow.as('delivery'))
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('notification_mail_opt_outs as o')
            .select('o.kind')
            .whereRef('o.person_id', '=', 'n.person_id')
            .whereRef('o.kind', '=', 'n.kind'),
        )
        .as('muted'),
    )
    .where('n.mailed_at', 'is', null)
    .where('p.is_active', '=', true)
}

async function markMailed(db: Db, ids: string[]) {
  if (ids.length === 0) return
  await db.updateTable('notifications').set({ mailed_at: new Date() }).where('id', 'in', ids).execute()
}

/** Sends the mails of fresh notifications to those who want them at once, and of that kind. */
export async function deliverNotifications(db: Pool, ids: string[], site: MailSite) {
  const { baseUrl } = site
  await db.transaction().execute(async (trx) => {
    const rows = (await pendingMail(trx).where('n.id', 'in', ids).execute()) as (Pending & {
      delivery: Delivery
    })[]
    const now = rows.filter((r) => r.delivery === 'immediate' && !r.muted)
    await sendMails(
      trx,
      now.map((r) => {
        const subject = notificationText(r.lang, r.kind, r.params)
        return {
          to: r.email,
          ...renderMail(
            r.lang,
            'notification',
            { name: r.name, subject, text: withNote(r.lang, r) },
            `${baseUrl}${r.link}`,
          ),
          headers: notificationMailHeaders(site, r.person_id, mailKindOf(r)),
        }
      }),
    )
    // Those who want no mail (or none of this kind) are settled too, so the digest never looks at them again.
    await markMailed(
      trx,
      rows.filter((r) => r.delivery !== 'daily' || r.muted).map((r) => r.id),
    )
  })
}

/** One mail per person who chose a daily digest, with everything since their last one. */
export async function sendDigests(db: Pool, site: MailSite) {
  const { baseUrl } = site
  await db.transaction().execute(async (trx) => {
    const pending = (await pendingMail(trx)
      .where(deliveryOfRow, '=', 'daily')
      .orderBy('n.person_id')
      .orderBy('n.created_at')
      .execute()) as Pending[]
    // A kind turned off after it was notified is left out, and settled like the rest.
    const rows = pending.filter((r) => !r.muted)
    const byPerson = new Map<string, Pending[]>()
    for (const r of rows) {
      const items = byPerson.get(r.person_id)
      if (items) items.push(r)
      else byPerson.set(r.person_id, [r])
    }
    await sendMails(
      trx,
      [...byPerson.values()].map((items) => {
        const { email, name, lang } = items[0]
        // What each followed thing's line stops, in one click, as its own mail's header would.
        const stopLine = (r: Pending) =>
          r.stop
            ? `\n${translator(lang)('notifications.stopFollowing')}: ${unsubscribeLink(site, r.person_id, mailKindOf(r))}`
            : ''
        const list = items.map((r) => `${withNote(lang, r)}\n${baseUrl}${r.link}${stopLine(r)}`).join('\n\n')
        return {
          to: email,
          ...renderMail(
            lang,
            'digest',
            { name, list, count: String(items.length) },
            `${baseUrl}/notifications`,
          ),
          headers: notificationMailHeaders(site, items[0].person_id, digest),
        }
      }),
    )
    await markMailed(
      trx,
      pending.map((r) => r.id),
    )
  })
}

export function notificationsQueues(db: Pool, config: MailSite): JobQueue[] {
  return [
    {
      name: 'notifications.deliver',
      handler: (data) => deliverNotifications(db, data.ids as string[], config),
    },
    // Digests go out each morning, Warsaw time.
    { name: 'notifications.digest', cron: '0 7 * * *', handler: () => sendDigests(db, config) },
  ]
}
