// The register of decisions (issue 5, item 8): every resolution a body adopted, numbered per space
// and year, searchable in one space and across all the spaces a person reads, exportable, and
// forwardable to another body (where it waits to be taken into a coming agenda) or to the managing
// authority. A decision enters the register when its minutes go out to the members.
import { sql } from 'kysely'
import { audit } from '../../../kernel/audit.ts'
import { today } from '../../../kernel/dates.ts'
import { NotFoundError, RuleError, sqlState } from '../../../kernel/errors.ts'
import { translator } from '../../../kernel/i18n.ts'
import type { Page } from '../../../kernel/pagination.ts'
import type { Actor } from '../../../kernel/policy.ts'
import { notify } from '../../notifications/service.ts'
import { readableBy, spaceRows } from '../../spaces/index.ts'
import type { Space } from '../../spaces/service.ts'
import type { Db } from '../db.ts'
import { decisionNumber } from '../minutes/rules.ts'
import { insertAgendaItem, isAhead, type Meeting } from '../service.ts'

export interface RegisterQuery {
  q?: string
  year?: number
  space?: string
}

/**
 * The register shows each decision as the chair last approved it (`approved_*`, copied at each
 * approval), so a correction's edits appear only once the correction is approved; a decision never
 * approved yet (minutes out for comments) shows the text under comments.
 */
const shown = {
  title: sql<string>`coalesce(d.approved_title, d.title)`,
  body: sql<string>`coalesce(d.approved_body, d.body)`,
  votesFor: sql<number>`coalesce(d.approved_votes_for, d.votes_for)`,
  votesAgainst: sql<number>`coalesce(d.approved_votes_against, d.votes_against)`,
  votesAbstaining: sql<number>`coalesce(d.approved_votes_abstaining, d.votes_abstaining)`,
  /** An approved revision holds this decision (aliased `d`): only then may it go on to another body. */
  approved: sql<boolean>`d.approved_title is not null`,
}

/** Whose register: one space, or every space the person reads (all of them for those who read all). */
export type RegisterScope = { spaceId: string } | { personId: string; readsAll: boolean }

/** Where a row stands in the register's order. */
interface RegisterKey {
  year: number
  space_name_pl: string
  space_id: string
  number: number
}

/**
 * The decisions of the register (their minutes out of draft) that the scope and the query choose:
 * only what the filters and the order need, so a page is sorted and cut before the wide columns
 * (texts, the meeting) are joined. Over all 100 bodies of `npm run bench` (16,842 decisions) the
 * first page's statement went from 40–127 to 21–45 ms on PGlite and from 52 to 20 ms on PostgreSQL.
 */
function chosen(db: Db, scope: RegisterScope, query: RegisterQuery, after?: RegisterKey) {
  let q = db
    .selectFrom('decisions as d')
    .innerJoin(spaceRows(db).as('s'), 's.id', 'd.space_id')
    // In the register once the minutes went out; one approved stays there while a correction is
    // drafted, and one added in the correction waits until the correction goes out.
    .where(({ exists, selectFrom, or }) =>
      or([
        shown.approved,
        exists(
          selectFrom('minutes as mi')
            .select('mi.id')
            .whereRef('mi.meeting_id', '=', 'd.meeting_id')
            .where('mi.status', '<>', 'draft'),
        ),
      ]),
    )
  if ('spaceId' in scope) q = q.where('d.space_id', '=', scope.spaceId)
  else if (!scope.readsAll) q = q.where(readableBy(scope.personId, today()))
  if (query.space) q = q.where('d.space_id', '=', query.space)
  if (query.year) q = q.where('d.year', '=', query.year)
  if (query.q) {
    // "3/2026" finds that number; words find titles and texts, with or without Polish letters.
    const number = /^(\d{1,5})\s*\/\s*(\d{4})$/.exec(query.q)
    if (number) q = q.where('d.number', '=', Number(number[1])).where('d.year', '=', Number(number[2]))
    else q = q.where(sql<boolean>`d.search @@ plainto_tsquery('simple', siatka_fold(${query.q}))`)
  }
  // Only the rows after this one in the order below (whose directions differ): an export's next page.
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('d.year', '<', after.year),
        eb.and([
          eb('d.year', '=', after.year),
          eb.or([
            eb('s.name_pl', '>', after.space_name_pl),
            eb.and([
              eb('s.name_pl', '=', after.space_name_pl),
              eb.or([
                eb('d.space_id', '>', after.space_id),
                eb.and([eb('d.space_id', '=', after.space_id), eb('d.number', '<', after.number)]),
              ]),
            ]),
          ]),
        ]),
      ]),
    )
  // The space's id keeps two bodies of one name apart: the order is total, as an export's pages need.
  return q
    .select('d.id')
    .orderBy('d.year', 'desc')
    .orderBy('s.name_pl')
    .orderBy('d.space_id')
    .orderBy('d.number', 'desc')
}

/** The register's rows among `ids`, in its order. */
function register(db: Db, ids: ReturnType<typeof chosen>) {
  return db
    .selectFrom('decisions as d')
    .innerJoin(spaceRows(db).as('s'), 's.id', 'd.space_id')
    .innerJoin('meetings as m', 'm.id', 'd.meeting_id')
    .innerJoin('minutes as mi', 'mi.meeting_id', 'd.meeting_id')
    .select([
      'd.id',
      'd.space_id',
      's.name_pl as space_name_pl',
      's.name_en as space_name_en',
      'd.meeting_id',
      'm.kind as meeting_kind',
      'm.number as meeting_number',
      'm.year as meeting_year',
      'm.starts_at',
      'd.year',
      'd.number',
      shown.title.as('title'),
      shown.body.as('body'),
      shown.votesFor.as('votes_for'),
      shown.votesAgainst.as('votes_against'),
      shown.votesAbstaining.as('votes_abstaining'),
      'mi.status as minutes_status',
      shown.approved.as('approved'),
    ])
    .where('d.id', 'in', ids)
    .orderBy('d.year', 'desc')
    .orderBy('s.name_pl')
    .orderBy('d.space_id')
    .orderBy('d.number', 'desc')
}

export function listRegister(db: Db, scope: RegisterScope, query: RegisterQuery, page: Page) {
  return register(
    db,
    chosen(db, scope, query)
      .limit(page.size + 1)
      .offset(page.offset),
  ).execute()
}
export type RegisterRow = Awaited<ReturnType<typeof listRegister>>[number]

/**
 * The whole filtered register for a spreadsheet, 500 rows at a time: each page starts after the
 * last row of the one before in the register's order (year down, body, number down), so a row
 * comes once however long the register, and no statement reads or holds more than a page.
 */
export async function* exportRegister(
  db: Db,
  scope: RegisterScope,
  query: RegisterQuery,
  size = 500,
): AsyncGenerator<RegisterRow[]> {
  let last: RegisterKey | undefined
  for (;;) {
    const rows = await register(db, chosen(db, scope, query, last).limit(size)).execute()
    if (rows.length > 0) yield rows
    if (rows.length < size) return
    last = rows[rows.length - 1]
  }
}

export async function requireDecision(db: Db, spaceId: string, id: string) {
  const row = await register(db, chosen(db, { spaceId }, {}).where('d.id', '=', id)).executeTakeFirst()
  if (!row) throw new NotFoundError()
  return row
}

export function listForwards(db: Db, decisionId: string) {
  return (
    db
      .selectFrom('decision_forwards as f')
      .leftJoin(spaceRows(db).as('s'), 's.id', 'f.to_space_id')
      .innerJoin('people as p', 'p.id', 'f.forwarded_by')
      .leftJoin('agenda_items as a', 'a.id', 'f.agenda_item_id')
      .leftJoin('meetings as m', 'm.id', 'a.meeting_id')
      .select([
        'f.id',
        'f.to_space_id',
        's.name_pl as to_name_pl',
        's.name_en as to_name_en',
        'f.note',
        'p.name as forwarded_by_name',
        'f.forwarded_at',
        'm.id as meeting_id',
        'm.kind as meeting_kind',
        'm.number as meeting_number',
        'm.year as meeting_year',
      ])
      .where('f.decision_id', '=', decisionId)
      .orderBy('f.forwarded_at')
      // Bounded by nature: once to each body (the choice offers at most 500) and to the managing authority.
      .limit(501)
      .execute()
  )
}
export type ForwardRow = Awaited<ReturnType<typeof listForwards>>[number]

/** The bodies a decision may go to: every other active space. */
export function listForwardTargets(db: Db, spaceId: string) {
  return db
    .selectFrom(spaceRows(db).as('s'))
    .select(['s.id', 's.name_pl', 's.name_en'])
    .where('s.id', '<>', spaceId)
    .where('s.status', '=', 'active')
    .orderBy(sql`siatka_fold(s.name_pl)`)
    .limit(500)
    .execute()
}

/** Decisions other bodies forwarded here (or, with null, to the managing authority). */
export function listIncoming(db: Db, toSpaceId: string | null, page: Page) {
  return db
    .selectFrom('decision_forwards as f')
    .innerJoin('decisions as d', 'd.id', 'f.decision_id')
    .innerJoin(spaceRows(db).as('s'), 's.id', 'd.space_id')
    .leftJoin('agenda_items as a', 'a.id', 'f.agenda_item_id')
    .leftJoin('meetings as m', 'm.id', 'a.meeting_id')
    .select([
      'f.id',
      'f.note',
      'f.forwarded_at',
      'd.id as decision_id',
      'd.space_id as from_space_id',
      's.name_pl as from_name_pl',
      's.name_en as from_name_en',
      'd.year',
      'd.number',
      shown.title.as('title'),
      shown.body.as('body'),
      'm.id as meeting_id',
      'm.kind as meeting_kind',
      'm.number as meeting_number',
      'm.year as meeting_year',
    ])
    .where((eb) => (toSpaceId ? eb('f.to_space_id', '=', toSpaceId) : eb('f.to_space_id', 'is', null)))
    .orderBy(sql`f.agenda_item_id is not null`)
    .orderBy('f.forwarded_at', 'desc')
    .orderBy('f.id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}
export type IncomingRow = Awaited<ReturnType<typeof listIncoming>>[number]

/** The coming meetings of a space whose agenda is still open. */
export function listOpenMeetings(db: Db, spaceId: string, now = new Date()) {
  return db
    .selectFrom('meetings')
    .select(['id', 'kind', 'number', 'year', 'starts_at'])
    .where('space_id', '=', spaceId)
    .where('status', '=', 'planned')
    .where('starts_at', '>', now)
    .orderBy('starts_at')
    .limit(20)
    .execute()
}

/**
 * Sends a decision on, once to each body: to another space, whose secretary is told and takes it
 * into a coming agenda, or (no space) to the managing authority, whose people are told.
 */
export async function forwardDecision(
  db: Db,
  actor: Actor,
  from: Space,
  decision: { id: string; number: number; year: number; approved: boolean },
  input: { to: string; note: string },
) {
  // What another body takes up is the text the chair approved, not a draft still open to comments
  // (nor a decision added in a correction not yet approved).
  if (!decision.approved) throw new RuleError('decisions.errors.notApproved', 'to')
  const toSpace = input.to === 'authority' ? null : input.to
  let target: { id: string; name_pl: string; name_en: string; secretary_id: string | null } | undefined
  if (toSpace) {
    target = await db
      .selectFrom(spaceRows(db).as('s'))
      .select(['s.id', 's.name_pl', 's.name_en', 's.secretary_id'])
      .where('s.id', '=', toSpace)
      .where('s.status', '=', 'active')
      .executeTakeFirst()
    if (!target || target.id === from.id) throw new RuleError('decisions.errors.target', 'to')
  }
  try {
    await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('decision_forwards')
        .values({ decision_id: decision.id, to_space_id: toSpace, note: input.note, forwarded_by: actor.id })
        .returning('id')
        .executeTakeFirstOrThrow()
      const recipients = target
        ? target.secretary_id
          ? [target.secretary_id]
          : []
        : (
            await trx
              .selectFrom('people')
              .select('id')
              .where('role', '=', 'managing_authority')
              .where('is_active', '=', true)
              .limit(500)
              .execute()
          ).map((p) => p.id)
      await notify(trx, recipients, {
        kind: 'decisionForwarded',
        params: {
          number: decisionNumber(decision),
          from_pl: from.name_pl,
          from_en: from.name_en,
          to_pl: target?.name_pl ?? translator('pl')('decisions.forward.authority'),
          to_en: target?.name_en ?? translator('en')('decisions.forward.authority'),
        },
        link: target ? `/spaces/${target.id}/decisions#incoming` : '/authority/decisions',
      })
      await audit(trx, actor, {
        action: 'decisions.forwarded',
        subjectType: 'decision',
        subjectId: decision.id,
        details: { forward: row.id, to: toSpace ?? 'authority' },
      })
    })
  } catch (err) {
    if (sqlState(err) === '23505') throw new RuleError('decisions.errors.alreadyForwarded', 'to')
    throw err
  }
}

/**
 * The receiving body's secretary takes a forwarded decision into the agenda of one of its coming
 * meetings: a new item, presented by the body it came from.
 */
export async function takeIntoAgenda(
  db: Db,
  actor: Actor,
  spaceId: string,
  forwardId: string,
  meeting: Meeting,
) {
  if (meeting.space_id !== spaceId) throw new RuleError('decisions.errors.meeting', 'meetingId')
  if (!isAhead(meeting)) throw new RuleError('decisions.errors.meeting', 'meetingId')
  await db.transaction().execute(async (trx) => {
    const f = await trx
      .selectFrom('decision_forwards as f')
      .innerJoin('decisions as d', 'd.id', 'f.decision_id')
      .innerJoin(spaceRows(db).as('s'), 's.id', 'd.space_id')
      .select(['f.id', 'f.agenda_item_id', 'd.number', 'd.year', shown.title.as('title'), 's.name_pl'])
      .where('f.id', '=', forwardId)
      .where('f.to_space_id', '=', spaceId)
      .forUpdate('f')
      .executeTakeFirst()
    if (!f) throw new NotFoundError()
    if (f.agenda_item_id) throw new RuleError('decisions.errors.alreadyTaken', 'meetingId')
    const itemId = await insertAgendaItem(
      trx,
      actor,
      meeting,
      {
        // The agenda is the body's own text, in Polish like its minutes.
        title: translator('pl')('decisions.incoming.itemTitle', {
          number: decisionNumber(f),
          title: f.title,
        }),
        presenter: f.name_pl,
        minutes: 15,
        kind: 'decision',
      },
      'meetingId',
    )
    await trx
      .updateTable('decision_forwards')
      .set({ agenda_item_id: itemId })
      .where('id', '=', f.id)
      .execute()
    await audit(trx, actor, {
      action: 'decisions.taken-into-agenda',
      subjectType: 'decision_forward',
      subjectId: f.id,
      details: { meeting: meeting.id, agendaItem: itemId },
    })
  })
}
