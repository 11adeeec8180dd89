// What waits for a person in meetings, for their start page: the next meetings they sit in and
// whether they answered, minutes open for their comments, their action items, and for the space's
// secretary the meetings still without a notice. One statement.
import type { FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres'
import { addDays, type Day, safeDay, today } from '../../kernel/dates.ts'
import type { StartItem, StartSection } from '../../kernel/module.ts'
import { votingRoles } from '../../kernel/policy.ts'
import type { ViewContext } from '../../kernel/views/context.ts'
import { currentOn, defaultMeetingRules, membershipRows, spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import type { MeetingKind } from './tables.ts'
import { meetingName, meetingWhen } from './views/meeting-name.ts'

/** How many of each list the start page shows; the link under them leads to the whole list. */
export const startListSize = 5

/** The person holds a seat (of these roles, if given) in the meeting's space (aliased `m`) on the day. */
const seatedOn = (db: Db, personId: string, day: Day, roles?: readonly string[]) =>
  sql<boolean>`exists (select 1 from ${membershipRows(db)} sm where sm.space_id = m.space_id
    and sm.person_id = ${personId} and ${currentOn(day, 'sm')}
    ${roles ? sql`and sm.role in (${sql.join(roles)})` : sql``})`

export async function findStartLists(db: Db, personId: string, now: Date) {
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
      jsonArrayFrom(
        db
          .selectFrom('minutes as mi')
          .innerJoin('meetings as m', 'm.id', 'mi.meeting_id')
          .innerJoin(spaceRows(db).as('s'), 's.id', 'm.space_id')
          .select(meetingColumns)
          .select('mi.comments_by')
          .where('mi.status', '=', 'consultation')
          .where('mi.comments_by', '>=', day)
          .where(seatedOn(db, personId, day))
          .orderBy('mi.comments_by')
          .limit(startListSize),
      ).as('consultations'),
      jsonArrayFrom(
        db
          .selectFrom('meetings as m')
          .innerJoin(spaceRows(db).as('s'), 's.id', 'm.space_id')
          .select(meetingColumns)
          .where('s.secretary_id', '=', personId)
          .where('m.status', '=', 'planned')
          .where('m.notice_sent_at', 'is', null)
          .where('m.starts_at', '>=', now)
          .orderBy('m.starts_at')
          .limit(startListSize),
      ).as('withoutNotice'),
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
  return {
    meetings: row.meetings.map(dated),
    consultations: row.consultations.map(dated),
    withoutNotice: row.withoutNotice.map(dated),
    openActions: Number(row.actions?.open ?? 0),
    overdueActions: Number(row.actions?.overdue ?? 0),
  }
}

/** The meetings module's sections of a person's start page. */
export async function meetingsStartSections(req: FastifyRequest, ctx: ViewContext): Promise<StartSection[]> {
  const actor = ctx.actor
  if (!actor) return []
  const { t, lang } = ctx
  const lists = await findStartLists(req.db as Db, actor.id, new Date())
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

  const consultations: StartItem[] = lists.consultations.map((m) => ({
    text: t('meetings.start.comment', { meeting: name(m), until: safeDay(m.comments_by ?? '', lang) }),
    href: `${page(m)}/minutes`,
    urgent: (m.comments_by ?? '') <= addDays(today(), 2),
  }))

  const withoutNotice: StartItem[] = lists.withoutNotice.map((m) => ({
    text: t('meetings.start.noNotice', { meeting: name(m), when: meetingWhen(m, lang) }),
    href: page(m),
    // Within the usual notice period: it is late already, or about to be.
    urgent: m.starts_at.getTime() - Date.now() < defaultMeetingRules.noticeDays * 86_400_000,
  }))

  return [
    { heading: t('meetings.start.meetingsHeading'), items: meetings },
    { heading: t('meetings.start.noticesHeading'), items: withoutNotice },
    { heading: t('meetings.start.minutesHeading'), items: consultations },
    { heading: t('meetings.start.actionsHeading'), items: actions },
  ]
}
