// Notices of a meeting (seed 000: "zawiadamianie IZ", "zawiadamianie członków KST o miejscu i
// terminie"): every member of the space and the managing authority get a mail in their language
// with an iCalendar invitation; a change sends an update with a higher SEQUENCE, a cancellation
// METHOD:CANCEL. Each recipient's mail is tracked (kernel mail_deliveries) as the proof.
import { sql } from 'kysely'
import { audit } from '../../../kernel/audit.ts'
import { formatDate, today, warsawDayAndTime } from '../../../kernel/dates.ts'
import type { AnyDb } from '../../../kernel/db.ts'
import { RuleError } from '../../../kernel/errors.ts'
import { type Lang, translator } from '../../../kernel/i18n.ts'
import type { JobQueue } from '../../../kernel/jobs.ts'
import { type MailMessage, renderMail, sendTrackedMails } from '../../../kernel/mail.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { Actor } from '../../../kernel/policy.ts'
import { materialRows } from '../../materials/index.ts'
import { type NotificationInput, notifyEach } from '../../notifications/service.ts'
import { currentOn, membershipRows, spaceRows } from '../../spaces/index.ts'
import type { Space } from '../../spaces/service.ts'
import type { Db } from '../db.ts'
import { meetingInvitation } from '../ics.ts'
import { type MeetingRow, rulesOf, rulesOnMeetingDay } from '../queries.ts'
import { deadlineState, type MeetingFact, noticeDeadlines } from '../rules.ts'
import type { NoticeKind } from '../tables.ts'
import { meetingName, meetingWhen } from '../views/meeting-name.ts'
import { hostText } from '../visits/views/visit-host.ts'

/** Where mails point and whose name the invitation's UID carries. */
export interface Site {
  baseUrl: string
}

/**
 * Everyone a notice goes to: the space's members on the meeting's day, the managing authority, and
 * whoever had an earlier notice of this meeting (moved past the end of their seat, they still get
 * the update or cancellation of what sits in their calendar).
 */
export function noticeRecipients(db: Db, spaceId: string, meetingDay: string, meetingId: string) {
  return db
    .selectFrom('people as p')
    .select(['p.id', 'p.email', 'p.name', 'p.lang'])
    .where('p.is_active', '=', true)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom(membershipRows(db).as('sm'))
            .select(sql`1`.as('one'))
            .whereRef('sm.person_id', '=', 'p.id')
            .where('sm.space_id', '=', spaceId)
            .where(currentOn(meetingDay, 'sm')),
        ),
        eb('p.role', '=', 'managing_authority'),
        eb.exists(
          eb
            .selectFrom('meeting_notice_recipients as r')
            .innerJoin('meeting_notices as n', 'n.id', 'r.notice_id')
            .select(sql`1`.as('one'))
            .whereRef('r.person_id', '=', 'p.id')
            .where('n.meeting_id', '=', meetingId),
        ),
      ]),
    )
    .orderBy('p.name')
    .execute()
}

/** What the rules in force on the meeting's day ask, and how the notice stands against it today. */
export function noticeTerms(meeting: Pick<MeetingRow, 'starts_at' | 'rules'>, now = today()) {
  const meetingDay = warsawDayAndTime(meeting.starts_at).day
  const rules = rulesOf(meeting)
  const { noticeBy, materialsBy } = noticeDeadlines(meetingDay, rules)
  return {
    rules,
    meetingDay,
    noticeBy,
    materialsBy,
    notice: deadlineState(noticeBy, now),
    materials: deadlineState(materialsBy, now),
  }
}

function agendaText(meeting: MeetingRow, lang: Lang): string {
  const t = translator(lang)
  if (meeting.agenda.length === 0) return t('meetings.notices.agendaLater')
  return meeting.agenda
    .map((a, i) => `${i + 1}. ${a.title}${a.presenter ? ` (${a.presenter})` : ''}`)
    .join('\n')
}

function placeText(meeting: MeetingRow, lang: Lang): string {
  const t = translator(lang)
  return [
    meeting.kind === 'study_visit' ? hostText(meeting, t) : '',
    meeting.place,
    meeting.online_url ? `${t('meetings.online')}: ${meeting.online_url}` : '',
  ]
    .filter(Boolean)
    .join('\n')
}

/** One recipient's mail: text in their language, and the invitation for their calendar. */
function noticeMail(
  kind: NoticeKind,
  meeting: MeetingRow,
  space: Space,
  organizer: { name: string; email: string },
  to: { email: string; name: string; lang: Lang },
  extra: { changes: MeetingFact[]; cancelReason: string | null },
  site: Site,
): MailMessage {
  const lang = to.lang
  const t = translator(lang)
  const url = `${site.baseUrl}/spaces/${space.id}/meetings/${meeting.id}`
  const name = meetingName(t, meeting)
  const spaceName = lang === 'en' ? space.name_en : space.name_pl
  const params = {
    name: to.name,
    meeting: meeting.subject ? `${name}: ${meeting.subject}` : name,
    space: spaceName,
    when: meetingWhen(meeting, lang),
    where: placeText(meeting, lang),
    confirmBy: formatDate(meeting.confirm_by, lang),
    agenda: agendaText(meeting, lang),
    changes: extra.changes.map((f) => t(`meetings.notices.facts.${f}`)).join(', '),
    reason: extra.cancelReason ?? '',
  }
  const template = (
    { request: 'meetingNotice', update: 'meetingUpdate', cancel: 'meetingCancelled' } as const
  )[kind]
  const host = new URL(site.baseUrl).hostname
  const content = meetingInvitation(
    meeting,
    {
      title: `${params.meeting} – ${spaceName}`,
      description: [params.agenda, url].join('\n\n'),
      url,
      organizer,
      attendee: { name: to.name, email: to.email },
    },
    host,
  )
  return {
    to: to.email,
    ...renderMail(lang, template, params, url),
    calendar: {
      method: kind === 'cancel' ? 'CANCEL' : 'REQUEST',
      content,
      filename: kind === 'cancel' ? 'cancel.ics' : 'invite.ics',
    },
  }
}

/**
 * Sends one notice of `meeting` (as it now stands in `trx`, sequence included) to everyone it
 * concerns, in the caller's transaction: the notice, its recipients and their tracked mails.
 */
export async function deliverNotice(
  trx: Db,
  actor: Actor,
  meeting: MeetingRow,
  space: Space,
  kind: NoticeKind,
  extra: { lateReason?: string | null; changes?: MeetingFact[] },
  site: Site,
) {
  const meetingDay = warsawDayAndTime(meeting.starts_at).day
  const recipients = await noticeRecipients(trx, space.id, meetingDay, meeting.id)
  if (recipients.length === 0) throw new RuleError('meetings.notices.nobody')
  const secretary = space.secretary_id
    ? await trx
        .selectFrom('people')
        .select(['name', 'email'])
        .where('id', '=', space.secretary_id)
        .executeTakeFirst()
    : undefined
  const organizer = secretary ?? { name: actor.name, email: actor.email }
  const changes = extra.changes ?? []
  const notice = await trx
    .insertInto('meeting_notices')
    .values({
      meeting_id: meeting.id,
      kind,
      sequence: meeting.sequence,
      late_reason: extra.lateReason ?? null,
      changes: changes.join(','),
      sent_by: actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const mails = recipients.map((r) =>
    noticeMail(kind, meeting, space, organizer, r, { changes, cancelReason: meeting.cancel_reason }, site),
  )
  const deliveryIds = await sendTrackedMails(trx, mails)
  await trx
    .insertInto('meeting_notice_recipients')
    .values(
      recipients.map((r, i) => ({ notice_id: notice.id, person_id: r.id, delivery_id: deliveryIds[i] })),
    )
    .execute()
  await audit(trx, actor, {
    action: `meetings.notice-${kind}`,
    subjectType: 'meeting',
    subjectId: meeting.id,
    details: {
      sequence: meeting.sequence,
      recipients: recipients.length,
      lateReason: extra.lateReason ?? null,
    },
  })
}

/** A meeting's notices, newest first, each with how its mails stand. */
export function listNotices(db: Db, meetingId: string) {
  const count = (status: string) => sql<number>`(count(*) filter (where d.status = ${status}))::int`
  return db
    .selectFrom('meeting_notices as n')
    .innerJoin('people as p', 'p.id', 'n.sent_by')
    .leftJoin('meeting_notice_recipients as r', 'r.notice_id', 'n.id')
    .leftJoin('mail_deliveries as d', 'd.id', 'r.delivery_id')
    .select([
      'n.id',
      'n.kind',
      'n.sequence',
      'n.late_reason',
      'n.changes',
      'n.sent_at',
      'p.name as sent_by_name',
    ])
    .select([count('accepted').as('accepted'), count('queued').as('queued'), count('failed').as('failed')])
    .where('n.meeting_id', '=', meetingId)
    .groupBy(['n.id', 'p.name'])
    .orderBy('n.sent_at', 'desc')
    .orderBy('n.sequence', 'desc')
    .limit(100)
    .execute()
}

export function findNotice(db: Db, meetingId: string, noticeId: string) {
  return db
    .selectFrom('meeting_notices as n')
    .innerJoin('people as p', 'p.id', 'n.sent_by')
    .select([
      'n.id',
      'n.kind',
      'n.sequence',
      'n.late_reason',
      'n.changes',
      'n.sent_at',
      'p.name as sent_by_name',
    ])
    .where('n.meeting_id', '=', meetingId)
    .where('n.id', '=', noticeId)
    .executeTakeFirst()
}

/** Who a notice went to and what each server answered: the proof of delivery. */
export function listNoticeRecipients(db: Db, noticeId: string, page: Page) {
  return db
    .selectFrom('meeting_notice_recipients as r')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .innerJoin('mail_deliveries as d', 'd.id', 'r.delivery_id')
    .select([
      'p.name',
      'd.recipient',
      'd.status',
      'd.smtp_reply',
      'd.error',
      'd.attempts',
      'd.queued_at',
      'd.updated_at',
    ])
    .where('r.notice_id', '=', noticeId)
    .orderBy('p.name')
    .orderBy('r.person_id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/** Every notice sent, newest first, with the meeting and its space: the managing authority's view. */
export function listAllNotices(db: Db, page: Page, query: { late: '' | '1' } = { late: '' }) {
  let q = db
    .selectFrom('meeting_notices as n')
    .innerJoin('meetings as m', 'm.id', 'n.meeting_id')
    .innerJoin(spaceRows(db).as('s'), 's.id', 'm.space_id')
    .select([
      'n.id',
      'n.kind',
      'n.sequence',
      'n.late_reason',
      'n.sent_at',
      'm.id as meeting_id',
      'm.kind as meeting_kind',
      'm.number',
      'm.year',
      'm.subject',
      'm.starts_at',
      'm.ends_at',
      's.id as space_id',
      's.name_pl',
      's.name_en',
    ])
  if (query.late) q = q.where('n.late_reason', 'is not', null)
  return q
    .orderBy('n.sent_at', 'desc')
    .orderBy('n.id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/**
 * Each morning: the secretary of a space is told, once each, when a meeting's notice (not yet
 * sent) or its materials (none yet on the meeting) are due within two days or overdue. One statement finds them all; the
 * notifications go in one batch.
 */
export async function remindDeadlines(handle: AnyDb, now = new Date()) {
  const db: Db = handle
  const rows = await db
    .selectFrom('meetings as m')
    .innerJoin(spaceRows(db).as('s'), 's.id', 'm.space_id')
    .select(rulesOnMeetingDay(db))
    .select([
      'm.id',
      'm.space_id',
      'm.kind',
      'm.number',
      'm.year',
      'm.starts_at',
      'm.notice_sent_at',
      'm.notice_reminded_at',
      'm.materials_reminded_at',
      's.secretary_id',
      's.name_pl',
      's.name_en',
    ])
    .select((eb) =>
      eb
        .exists(
          eb.selectFrom(materialRows(db).as('mt')).select('mt.id').whereRef('mt.meeting_id', '=', 'm.id'),
        )
        .as('has_materials'),
    )
    .where('m.status', '=', 'planned')
    .where('m.starts_at', '>', now)
    // No rules ask for more than 90 days.
    .where('m.starts_at', '<', new Date(now.getTime() + 100 * 86_400_000))
    .where('s.secretary_id', 'is not', null)
    .where((eb) => eb.or([eb('m.notice_reminded_at', 'is', null), eb('m.materials_reminded_at', 'is', null)]))
    .execute()
  const day = today(now)
  const notices: string[] = []
  const materials: string[] = []
  const items: (NotificationInput & { personId: string })[] = []
  for (const m of rows) {
    const { noticeBy, materialsBy } = noticeDeadlines(warsawDayAndTime(m.starts_at).day, rulesOf(m))
    const params = {
      meeting_pl: meetingName(translator('pl'), m),
      meeting_en: meetingName(translator('en'), m),
      space_pl: m.name_pl,
      space_en: m.name_en,
    }
    const link = `/spaces/${m.space_id}/meetings/${m.id}`
    const personId = m.secretary_id as string
    if (!m.notice_sent_at && !m.notice_reminded_at && deadlineState(noticeBy, day) !== 'ahead') {
      notices.push(m.id)
      items.push({ personId, kind: 'noticeDue', params: { ...params, byDay: noticeBy }, link })
    }
    if (!m.has_materials && !m.materials_reminded_at && deadlineState(materialsBy, day) !== 'ahead') {
      materials.push(m.id)
      items.push({ personId, kind: 'materialsDue', params: { ...params, byDay: materialsBy }, link })
    }
  }
  if (items.length === 0) return 0
  await db.transaction().execute(async (trx) => {
    if (notices.length > 0)
      await trx.updateTable('meetings').set({ notice_reminded_at: now }).where('id', 'in', notices).execute()
    if (materials.length > 0)
      await trx
        .updateTable('meetings')
        .set({ materials_reminded_at: now })
        .where('id', 'in', materials)
        .execute()
    await notifyEach(trx, items)
  })
  return items.length
}

export function meetingsQueues(db: Db): JobQueue[] {
  // Before the 07:00 digest, so a secretary who reads digests has it the same morning.
  return [
    { name: 'meetings.deadlines', cron: '30 6 * * *', handler: () => remindDeadlines(db).then(() => {}) },
  ]
}
