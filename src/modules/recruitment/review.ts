// The staff's side of a recruitment's applications: the list, one application (its view audited),
// the formal check and the points, each group's ranking, the decisions once, and the participants
// for the monitoring system.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { type Day, formatDate, today } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Sealer } from '../../kernel/sealed.ts'
import { newToken } from '../../kernel/tokens.ts'
import type { Db } from './db.ts'
import { monitoringColumns } from './monitoring.ts'
import { applicationWindow, decisionFor, pointsOf, rank, scoreOf } from './rules.ts'
import {
  applicationColumns,
  type Context,
  keptPesel,
  langOf,
  lockRecruitment,
  mail,
  type Recruitment,
} from './service.ts'
import type { ApplicationState, EsfVersion } from './tables.ts'

const sentStates: ApplicationState[] = [
  'submitted',
  'eligible',
  'ineligible',
  'accepted',
  'reserve',
  'rejected',
]

/** The staff's list: sent applications (drafts are the applicants' own), by state and group, in the order they came, a keyset page. */
export function applicationsPage(
  handle: AnyDb,
  recruitmentId: string,
  q: { state?: ApplicationState; group?: string; after: { at: Date; id: string } | null },
  size: number,
) {
  const db: Db = handle
  return db
    .selectFrom('recruitment_applications as a')
    .select([
      'a.id',
      'a.given_name',
      'a.family_name',
      'a.state',
      'a.group_id',
      'a.score',
      'a.submitted_at',
      'a.entered_by',
    ])
    .where('a.recruitment_id', '=', recruitmentId)
    .where('a.state', 'in', q.state ? [q.state] : sentStates.concat('withdrawn'))
    .where('a.submitted_at', 'is not', null)
    .$if(q.group !== undefined, (w) => w.where('a.group_id', '=', q.group as string))
    .$if(q.after !== null, (w) =>
      w.where((eb) =>
        eb.or([
          eb('a.submitted_at', '>', q.after?.at as Date),
          eb.and([eb('a.submitted_at', '=', q.after?.at as Date), eb('a.id', '>', q.after?.id as string)]),
        ]),
      ),
    )
    .orderBy('a.submitted_at')
    .orderBy('a.id')
    .limit(size + 1)
    .execute()
}

/** How many applications are in each state (drafts included), for the staff's summary. */
export async function stateCounts(handle: AnyDb, recruitmentId: string) {
  const db: Db = handle
  const rows = await db
    .selectFrom('recruitment_applications')
    .select(['state', sql<number>`count(*)::int`.as('n')])
    .where('recruitment_id', '=', recruitmentId)
    .groupBy('state')
    .execute()
  return Object.fromEntries(rows.map((r) => [r.state, r.n])) as Partial<Record<ApplicationState, number>>
}

/**
 * One application for the staff, its view written to the audit log (who read whose data, and
 * whether the PESEL was shown in full). Another recruitment's application is not found.
 */
export async function applicationForStaff(
  db: Db,
  actor: Actor,
  r: Recruitment,
  applicationId: string,
  sealer: Sealer,
) {
  const a = await db
    .selectFrom('recruitment_applications as a')
    .leftJoin('people as e', 'e.id', 'a.entered_by')
    .leftJoin('people as ch', 'ch.id', 'a.checked_by')
    .select([...applicationColumns, 'e.name as entered_by_name', 'ch.name as checked_by_name'])
    .where('a.id', '=', applicationId)
    .where('a.recruitment_id', '=', r.id)
    .where('a.state', '<>', 'draft')
    .executeTakeFirst()
  if (!a) throw new NotFoundError()
  const pesel = keptPesel(sealer, a)
  const duplicates = pesel
    ? await db
        .selectFrom('recruitment_applications')
        .select(['id', 'given_name', 'family_name'])
        .where('recruitment_id', '=', r.id)
        .where('pesel_fingerprint', '=', sealer.fingerprint(pesel, r.id))
        .where('id', '<>', a.id)
        .where('state', 'not in', ['draft', 'withdrawn'])
        .limit(10)
        .execute()
    : []
  await audit(db, actor, {
    action: 'recruitment.application.viewed',
    subjectType: 'recruitment_application',
    subjectId: a.id,
    details: { pesel: r.peselReader ? 'full' : 'masked' },
  })
  return { ...a, pesel, duplicates }
}
export type StaffApplication = Awaited<ReturnType<typeof applicationForStaff>>

/** The staff's check: eligible, or not with the reason. Only a sent application, before the decisions. */
export async function checkByStaff(
  db: Db,
  actor: Actor,
  r: Recruitment,
  applicationId: string,
  decision: 'eligible' | 'ineligible',
  reason: string,
) {
  await db.transaction().execute(async (trx) => {
    if ((await lockRecruitment(trx, r.id)).decided_at)
      throw new RuleError('recruitment.errors.decided', 'decision')
    const done = await trx
      .updateTable('recruitment_applications')
      .set({
        state: decision,
        ineligible_reason: decision === 'ineligible' ? reason : '',
        checked_by: actor.id,
        updated_at: new Date(),
      })
      .where('id', '=', applicationId)
      .where('recruitment_id', '=', r.id)
      .where('state', 'in', ['submitted', 'eligible', 'ineligible'])
      .returning('id')
      .executeTakeFirst()
    if (!done) throw new RuleError('recruitment.errors.notCheckable', 'decision')
    await audit(trx, actor, {
      action: `recruitment.application.${decision}`,
      subjectType: 'recruitment_application',
      subjectId: applicationId,
    })
  })
}

/** The points of the staff's own criteria (each within its points); the sum is the application's score. */
export async function givePoints(
  db: Db,
  actor: Actor,
  r: Recruitment,
  a: Pick<StaffApplication, 'id' | 'answers' | 'birth_date' | 'submitted_at' | 'state'>,
  manual: Record<string, number>,
) {
  for (const c of r.criteria)
    if (c.rule === 'manual' && (manual[c.id] ?? 0) > c.points)
      throw new RuleError('recruitment.errors.tooManyPoints', `points-${c.id}`, { max: c.points })
  // Counted on the Warsaw day it was sent, as sending counted the automatic criteria.
  const day = today(a.submitted_at ?? new Date())
  const points = pointsOf(r.criteria, { answers: a.answers, birthDate: a.birth_date, manual }, day)
  await db.transaction().execute(async (trx) => {
    if ((await lockRecruitment(trx, r.id)).decided_at)
      throw new RuleError('recruitment.errors.decided', '_form')
    const done = await trx
      .updateTable('recruitment_applications')
      .set({ points: JSON.stringify(points), score: scoreOf(points), updated_at: new Date() })
      .where('id', '=', a.id)
      .where('recruitment_id', '=', r.id)
      .where('state', 'in', ['submitted', 'eligible'])
      .returning('id')
      .executeTakeFirst()
    if (!done) throw new RuleError('recruitment.errors.notCheckable', '_form')
    await audit(trx, actor, {
      action: 'recruitment.application.scored',
      subjectType: 'recruitment_application',
      subjectId: a.id,
      details: { points },
    })
  })
}

/**
 * Each target group's ranking list: the eligible applications (with, once decided, those accepted
 * or on the reserve list) ordered by the rules, each marked with where the places end.
 */
export async function rankings(handle: AnyDb, r: Recruitment) {
  const db: Db = handle
  const rows = await db
    .selectFrom('recruitment_applications')
    .select(['id', 'group_id', 'given_name', 'family_name', 'score', 'submitted_at', 'birth_date', 'state'])
    .where('recruitment_id', '=', r.id)
    .where('state', 'in', ['eligible', 'accepted', 'reserve'])
    .execute()
  return r.groups.map((g) => {
    const ranked = rank(
      rows.filter((x) => x.group_id === g.id).map((x) => ({ ...x, submitted_at: x.submitted_at as Date })),
      r.tie_break,
    )
    // After the decisions, those accepted (a place given up and passed on too) come first.
    const ordered = r.decided_at
      ? [...ranked.filter((x) => x.state === 'accepted'), ...ranked.filter((x) => x.state !== 'accepted')]
      : ranked
    return { group: g, rows: ordered.map((x, i) => ({ ...x, position: i + 1, within: i < g.places })) }
  })
}
export type Ranking = Awaited<ReturnType<typeof rankings>>[number]

/**
 * The decisions, once applications are closed and every sent one is checked: in each group the
 * first by the ranking get a place with the first day of support, the rest of the eligible the
 * reserve list, the ineligible a refusal with the reason; each applicant is mailed (a new link). Once.
 */
export async function decide(db: Db, actor: Actor, r: Recruitment, supportStartsOn: Day, c: Context) {
  if (applicationWindow(r, c.today) !== 'closed')
    throw new RuleError('recruitment.errors.stillOpen', 'supportStartsOn')
  if (supportStartsOn < c.today) throw new RuleError('recruitment.errors.startPast', 'supportStartsOn')
  return db.transaction().execute(async (trx) => {
    if ((await lockRecruitment(trx, r.id)).decided_at)
      throw new RuleError('recruitment.errors.decided', 'supportStartsOn')
    const waiting = await trx
      .selectFrom('recruitment_applications')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('recruitment_id', '=', r.id)
      .where('state', '=', 'submitted')
      .executeTakeFirstOrThrow()
    if (waiting.n > 0)
      throw new RuleError('recruitment.errors.unchecked', 'supportStartsOn', { count: waiting.n })
    const lists = await rankings(trx, r)
    const rejected = await trx
      .selectFrom('recruitment_applications')
      .select(['id', 'email', 'lang', 'ineligible_reason'])
      .where('recruitment_id', '=', r.id)
      .where('state', '=', 'ineligible')
      .execute()
    const told: {
      id: string
      email: string
      lang: string
      state: 'accepted' | 'reserve' | 'rejected'
      reason?: string
    }[] = []
    const emails = new Map(
      (
        await trx
          .selectFrom('recruitment_applications')
          .select(['id', 'email', 'lang'])
          .where('recruitment_id', '=', r.id)
          .where('state', 'in', ['eligible', 'ineligible'])
          .execute()
      ).map((x) => [x.id, x]),
    )
    for (const list of lists)
      for (const row of list.rows) {
        const who = emails.get(row.id)
        if (who) told.push({ ...who, state: decisionFor(row.position - 1, list.group.places) })
      }
    for (const x of rejected) told.push({ ...x, state: 'rejected', reason: x.ineligible_reason })
    const tokens = new Map(told.map((x) => [x.id, newToken()]))
    // Every applicant's decision and new link in one statement.
    if (told.length)
      await sql`update recruitment_applications a
        set state = v.state, token_hash = v.hash, decided_at = ${c.now}, updated_at = ${c.now},
          support_starts_on = case when v.state = 'accepted' then ${supportStartsOn}::date end
        from (values ${sql.join(told.map((x) => sql`(${x.id}::uuid, ${x.state}, ${tokens.get(x.id)?.hash})`))}) as v(id, state, hash)
        where a.id = v.id and a.state in ('eligible', 'ineligible')`.execute(trx)
    await trx.updateTable('recruitments').set({ decided_at: c.now }).where('id', '=', r.id).execute()
    for (const x of told) {
      const lang = langOf(x.lang)
      await mail(
        trx,
        c,
        x,
        x.state === 'accepted'
          ? 'recruitmentAccepted'
          : x.state === 'reserve'
            ? 'recruitmentReserve'
            : 'recruitmentRejected',
        r,
        tokens.get(x.id)?.token as string,
        {
          starts: formatDate(new Date(`${supportStartsOn}T12:00:00Z`), lang),
          reason: x.reason ?? '',
        },
      )
    }
    await audit(trx, actor, {
      action: 'recruitment.decided',
      subjectType: 'recruitment',
      subjectId: r.id,
      details: {
        accepted: told.filter((x) => x.state === 'accepted').length,
        reserve: told.filter((x) => x.state === 'reserve').length,
        rejected: rejected.length,
      },
    })
    return told.length
  })
}

/** Participants exported a page at a time. */
const exportPageSize = 500

/**
 * The recruitment's participants (accepted) for the monitoring system, a page at a time in the
 * order of their ids (keyset), each PESEL opened; the download is written to the audit log first.
 */
export async function participantPages(db: Db, actor: Actor, r: Recruitment, sealer: Sealer) {
  await audit(db, actor, {
    action: 'recruitment.participants.exported',
    subjectType: 'recruitment',
    subjectId: r.id,
  })
  const columns = monitoringColumns(r.esf_version as EsfVersion)
  return {
    headers: columns.map(([header]) => header),
    pages: (async function* () {
      let after = '00000000-0000-0000-0000-000000000000'
      for (;;) {
        const rows = await db
          .selectFrom('recruitment_applications')
          .select([
            'id',
            'given_name',
            'family_name',
            'email',
            'pesel_sealed',
            'birth_date',
            'sex',
            'support_starts_on',
            'answers',
          ])
          .where('recruitment_id', '=', r.id)
          .where('state', '=', 'accepted')
          .where('id', '>', after)
          .orderBy('id')
          .limit(exportPageSize)
          .execute()
        if (rows.length === 0) return
        yield rows.map((p) => {
          const participant = { ...p, pesel: keptPesel(sealer, p) }
          return columns.map(([, value]) => value(participant))
        })
        after = rows.at(-1)?.id as string
        if (rows.length < exportPageSize) return
      }
    })(),
  }
}

/** A file an application of this recruitment attached, for its staff; the download audited as a view of the application. */
export async function fileForStaff(
  db: Db,
  actor: Actor,
  recruitmentId: string,
  applicationId: string,
  fieldId: string,
) {
  return db.transaction().execute(async (trx) => {
    const file = await trx
      .selectFrom('recruitment_application_files as f')
      .innerJoin('recruitment_applications as a', 'a.id', 'f.application_id')
      .select(['f.file_hash', 'f.original_name'])
      .where('a.recruitment_id', '=', recruitmentId)
      .where('f.application_id', '=', applicationId)
      .where('f.field_id', '=', fieldId)
      .executeTakeFirst()
    if (!file) throw new NotFoundError()
    await audit(trx, actor, {
      action: 'recruitment.application.file.viewed',
      subjectType: 'recruitment',
      subjectId: recruitmentId,
      details: { application: applicationId },
    })
    return file
  })
}
