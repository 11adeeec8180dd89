// What waits for a person in meetings, for their start page: the next meetings they sit in and
// whether they answered, minutes open for their comments, their action items; for the space's
// secretary the meetings still without a notice and the deadlines of this week; for the managing
// authority the notices sent late. One statement.
import type { FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import { addDays, type Day, safeDay, today, warsawDayAndTime } from '../../kernel/dates.ts'
import type { StartItem, StartSection } from '../../kernel/module.ts'
import { votingRoles } from '../../kernel/policy.ts'
import type { ViewContext } from '../../kernel/views/context.ts'
import { materialRows } from '../materials/index.ts'
import { currentOn, membershipRows, spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import { materialsDueInSql, rulesOf, rulesOnMeetingDay } from './queries.ts'
import { deadlineState, noticeDeadlines } from './rules.ts'
import type { MeetingKind } from './tables.ts'
import { meetingName, meetingWhen } from './views/meeting-name.ts'

/** How many of each list the start page shows; the link under them leads to the whole list. */
export const startListSize = 5

/** The person holds a seat (of these roles, if given) in the meeting's space (aliased `m`) on the day. */
const seatedOn = (db: Db, personId: string, day: Day, roles?: readonly string[]) =>
  sql<boolean>`exists (select 1 from ${membershipRows(db)} sm where sm.space_id = m.space_id
    and sm.person_id = ${personId} and ${currentOn(day, 'sm')}
    ${roles ? sql`and sm.role in (${sql.join(roles)})` : sql``})`

/** The secretary's deadlines shown: those passing within a week from today, and those missed. */
const weekDays = 7
/** How far back the managing authority's count of late notices looks. */
export const lateNoticeDays = 30

export async function findStartLists(db: Db, personId: string, now: Date, authority = false) {
  const day = today(now)
  const meetingColumns = [
    'm.id',
    'm.space_id',
    'm.kind',
    'm.number',
    'm.year',
    'm.starts_at',
    'm.ends_at',
    's.name_pl',
    's.name_en',
  ] as const
  const weekEnd = addDays(day, weekDays - 1)
  /** The secretary's planned meetings of the coming 100 days, soonest first, with their rules. */
  const servicedMeetings = () =>
    db
      .selectFrom('meetings as m')
      .innerJoin(spaceRows(db).as('s'), 's.id', 'm.space_id')
      .select(meetingColumns)
      .select(rulesOnMeetingDay(db))
      .where('s.secretary_id', '=', personId)
      .where('m.status', '=', 'planned')
      .where('m.starts_at', '>=', now)
      .where('m.starts_at', '<', new Date(now.getTime() + 100 * 86_400_000))
      .orderBy('m.starts_at')
      .limit(startListSize)
  /** Minutes still taking comments, soonest closing first, with their meeting's columns. */
  const openForComments = () =>
    db
      .selectFrom('minutes as mi')
      .innerJoin('meetings as m', 'm.id', 'mi.meeting_id')
      .innerJoin(spaceRows(db).as('s'), 's.id', 'm.space_id')
      .select(meetingColumns)
      .select('mi.comments_by')
      .where('mi.status', '=', 'consultation')
      .where('mi.comments_by', '>=', day)
      .orderBy('mi.comments_by')
      .limit(startListSize)
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        db
          .selectFrom('meetings as m')
          .innerJoin(spaceRows(db).as('s'), 's.id', 'm.space_id')
          .select(meetingColumns)
          .select((e) =>
            e
              .selectFrom('meeting_answers as a')
              .select('a.answer')
              .whereRef('a.meeting_id', '=', 'm.id')
              .where('a.person_id', '=', personId)
              .as('answer'),
          )
          .where('m.status', '=', 'planned')
          .where('m.notice_sent_at', 'is not', null)
          .where('m.starts_at', '>=', now)
          .where(seatedOn(db, personId, day, votingRoles))
          .orderBy('m.starts_at')
          .limit(startListSize),
      ).as('meetings'),
      jsonArrayFrom(openForComments().where(seatedOn(db, personId, day))).as('consultations'),
      // The secretary's coming meetings still without a notice, and those whose materials are
      // due this week (or were due) with none on them yet; each with the rules in force on its
      // day, for the deadlines. No rules ask for more than 90 days.
      jsonArrayFrom(servicedMeetings().where('m.notice_sent_at', 'is', null)).as('withoutNotice'),
      jsonArrayFrom(
        servicedMeetings()
          .where((e) =>
            e.not(
              e.exists(
                e
                  .selectFrom(materialRows(db).as('mt'))
                  .select('mt.id')
                  .whereRef('mt.meeting_id', '=', 'm.id'),
              ),
            ),
          )
          .where(sql<boolean>`${materialsDueInSql(db)} <= ${weekEnd}::date`),
      ).as('materialsDue'),
      // Minutes of the secretary's spaces whose comment period ends this week: then she answers
      // the comments and hands the minutes to the chair.
      jsonArrayFrom(
        openForComments()
          .where('s.secretary_id', '=', personId)
          .where('mi.comments_by', '<=', addDays(day, weekDays - 1)),
      ).as('commentsClosing'),
      // For the managing authority: notices sent after their period, in the last 30 days.
      eb
        .selectFrom('meeting_notices as n')
        .select(sql<number>`count(*)`.as('n'))
        .where(sql<boolean>`${authority}`)
        .where('n.late_reason', 'is not', null)
        .where('n.sent_at', '>=', new Date(now.getTime() - lateNoticeDays * 86_400_000))
        .as('lateNotices'),
      // The person's open action items counted once, the late ones among them.
      jsonObjectFrom(
        eb
          .selectFrom('action_items as x')
          .select([
            sql<number>`count(*)`.as('open'),
            sql<number>`count(*) filter (where x.due_on < ${day}::date)`.as('overdue'),
          ])
          .where('x.owner_id', '=', personId)
          .where('x.status', '=', 'open'),
      ).as('actions'),
    ])
    .executeTakeFirstOrThrow()
  // Timestamps come through JSON as text.
  const dated = <M extends { starts_at: Date | string; ends_at: Date | string }>(m: M) => ({
    ...m,
    starts_at: new Date(m.starts_at),
    ends_at: new Date(m.ends_at),
  })
  const withDeadlines = <
    M extends { starts_at: Date | string; ends_at: Date | string } & Parameters<typeof rulesOf>[0],
  >(
    m: M,
  ) => ({ ...dated(m), ...noticeDeadlines(warsawDayAndTime(new Date(m.starts_at)).day, rulesOf(m)) })
  return {
    meetings: row.meetings.map(dated),
    consultations: row.consultations.map(dated),
    withoutNotice: row.withoutNotice.map(withDeadlines),
    materialsDue: row.materialsDue.map(withDeadlines),
    commentsClosing: row.commentsClosing.map(dated),
    lateNotices: Number(row.lateNotices ?? 0),
    openActions: Number(row.actions?.open ?? 0),
    overdueActions: Number(row.actions?.overdue ?? 0),
  }
}

/** The meetings module's sections of a person's start page. */
export async function meetingsStartSections(req: FastifyRequest, ctx: ViewContext): Promise<StartSection[]> {
  const actor = ctx.actor
  if (!actor) return []
  const { t, lang } = ctx
  const lists = await findStartLists(req.db as Db, actor.id, new Date(), ctx.can('meetings.notices'))
  const name = (m: { kind: MeetingKind; number: number; year: number; name_pl: string; name_en: string }) =>
    `${meetingName(t, m)}, ${lang === 'en' ? m.name_en : m.name_pl}`
  const page = (m: { space_id: string; id: string }) => `/spaces/${m.space_id}/meetings/${m.id}`

  const meetings: StartItem[] = lists.meetings.map((m) => ({
    text: t(m.answer ? 'meetings.start.answered' : 'meetings.start.unanswered', {
      meeting: name(m),
      when: meetingWhen(m, lang),
      answer: m.answer ? t(`meetings.start.answers.${m.answer}`) : '',
    }),
    href: `${page(m)}#attendance`,
    urgent: !m.answer,
  }))
  if (meetings.length) meetings.push({ text: t('meetings.start.calendar'), href: '/calendar' })

  const actions: StartItem[] = []
  if (lists.overdueActions)
    actions.push({
      text: t('meetings.start.overdue', { n: lists.overdueActions }),
      href: '/actions',
      urgent: true,
    })
  if (lists.openActions)
    actions.push({ text: t('meetings.start.openActions', { n: lists.openActions }), href: '/actions' })

  // A deadline (a comment period's end, a notice's or materials' by the space's rules in force on
  // the meeting's day) missed, or due within two days, is urgent.
  const day = today()
  const urgent = (by: string) => deadlineState(by, day) !== 'ahead'
  const missed = (by: string) => deadlineState(by, day) === 'missed'
  const consultations: StartItem[] = lists.consultations.map((m) => ({
    text: t('meetings.start.comment', { meeting: name(m), until: safeDay(m.comments_by ?? '', lang) }),
    href: `${page(m)}/minutes`,
    urgent: urgent(m.comments_by ?? ''),
  }))

  const withoutNotice: StartItem[] = lists.withoutNotice.map((m) => ({
    text: t(missed(m.noticeBy) ? 'meetings.start.noticeMissed' : 'meetings.start.noNotice', {
      meeting: name(m),
      when: meetingWhen(m, lang),
      by: safeDay(m.noticeBy, lang),
    }),
    href: page(m),
    urgent: urgent(m.noticeBy),
  }))

  const deadlines: StartItem[] = [
    ...lists.materialsDue.map((m) => ({
      text: t(missed(m.materialsBy) ? 'meetings.start.materialsMissed' : 'meetings.start.materialsDue', {
        meeting: name(m),
        by: safeDay(m.materialsBy, lang),
      }),
      href: page(m),
      urgent: urgent(m.materialsBy),
    })),
    ...lists.commentsClosing.map((m) => ({
      text: t('meetings.start.commentsClosing', {
        meeting: name(m),
        until: safeDay(m.comments_by ?? '', lang),
      }),
      href: `${page(m)}/minutes`,
      urgent: urgent(m.comments_by ?? ''),
    })),
  ]

  const lateNotices: StartItem[] = lists.lateNotices
    ? [
        {
          text: t('meetings.start.lateNotices', { n: lists.lateNotices, days: lateNoticeDays }),
          href: '/authority/notices?late=1',
          urgent: true,
        },
      ]
    : []

  return [
    { heading: t('meetings.start.meetingsHeading'), items: meetings },
    { heading: t('meetings.start.noticesHeading'), items: withoutNotice },
    { heading: t('meetings.start.deadlinesHeading'), items: deadlines },
    { heading: t('meetings.start.minutesHeading'), items: consultations },
    { heading: t('meetings.start.actionsHeading'), items: actions },
    { heading: t('meetings.start.receivedHeading'), items: lateNotices },
  ]
}
