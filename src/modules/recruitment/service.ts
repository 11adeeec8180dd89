// A project's recruitment: its staff open it (groups, criteria, dates) and publish it; an applicant
// asks for a link by mail, fills the form in as a draft and sends it; the staff check each
// application (each view audited), give the points of their own criteria, read the ranking of each
// target group and decide (places, the reserve list, refusals, all mailed).
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { type Day, formatDate, today, warsawInstant } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import type { Lang } from '../../kernel/i18n.ts'
import { renderMail, sendMail } from '../../kernel/mail.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Sealer } from '../../kernel/sealed.ts'
import { hashToken, newToken } from '../../kernel/tokens.ts'
import { findGmina, projectRows, projectStaffRows, voivodeshipChoices } from '../projects/index.ts'
import type { Db } from './db.ts'
import { type Checked, type Conditions, checkApplication } from './esf.ts'
import { fieldsOf, readOwnAnswers } from './fields.ts'
import { monitoringColumns } from './monitoring.ts'
import {
  applicationWindow,
  type Criterion,
  decisionFor,
  linkResendMinutes,
  mayWithdraw,
  pointsOf,
  rank,
  scoreOf,
} from './rules.ts'
import { type RecruitmentForm, rowsOf } from './schemas.ts'
import type { ApplicationState, EsfVersion } from './tables.ts'

/** Where links in mails lead, and the clock (a test sets both). */
export interface Context {
  baseUrl: string
  now: Date
  today: Day
}

const langOf = (lang: string): Lang => (lang === 'en' ? 'en' : 'pl')
export const applicationLink = (c: Pick<Context, 'baseUrl'>, token: string) =>
  `${c.baseUrl}/recruitments/applications/${token}`

const recruitmentColumns = [
  'r.id',
  'r.project_id',
  'r.title',
  'r.scope',
  'r.who_may_apply',
  'r.how_to_apply',
  'r.documents',
  'r.contact',
  'r.opens_on',
  'r.closes_on',
  'r.esf_version',
  'r.voivodeship',
  'r.min_age',
  'r.max_age',
  'r.tie_break',
  'r.retention_until',
  'r.pesel_readers',
  'r.published_at',
  'r.decided_at',
  'r.updated_at',
] as const

/**
 * A recruitment with its project, groups and criteria, and what the person asking may do: a
 * recruitment not yet published is its staff's alone (anyone else: 404).
 */
export async function findRecruitment(handle: AnyDb, id: string, personId: string | null) {
  const db: Db = handle
  const r = await db
    .selectFrom('recruitments as r')
    .innerJoin(projectRows(db).as('p'), 'p.id', 'r.project_id')
    .select([
      ...recruitmentColumns,
      'p.title as project_title',
      'p.acronym as project_acronym',
      (eb) =>
        eb
          .exists(
            eb
              .selectFrom(projectStaffRows(db).as('s'))
              .select('s.person_id')
              .whereRef('s.project_id', '=', 'r.project_id')
              .where('s.person_id', '=', personId ?? '00000000-0000-0000-0000-000000000000'),
          )
          .as('staff'),
      (eb) =>
        eb
          .selectFrom('recruitment_groups as g')
          .select(
            sql<
              Group[]
            >`coalesce(json_agg(json_build_object('id', g.id, 'name', g.name, 'places', g.places) order by g.position), '[]')`.as(
              'x',
            ),
          )
          .whereRef('g.recruitment_id', '=', 'r.id')
          .as('groups'),
      (eb) =>
        eb
          .selectFrom('recruitment_criteria as c')
          .select(
            sql<
              CriterionRow[]
            >`coalesce(json_agg(json_build_object('id', c.id, 'label', c.label, 'rule', c.rule, 'points', c.points) order by c.position), '[]')`.as(
              'x',
            ),
          )
          .whereRef('c.recruitment_id', '=', 'r.id')
          .as('criteria'),
    ])
    .where('r.id', '=', id)
    .executeTakeFirst()
  if (!r || (!r.published_at && !r.staff)) throw new NotFoundError()
  return {
    ...r,
    staff: Boolean(r.staff),
    groups: (r.groups ?? []) as Group[],
    criteria: (r.criteria ?? []) as CriterionRow[],
    peselReader: personId !== null && r.pesel_readers.includes(personId),
  }
}
export type Recruitment = Awaited<ReturnType<typeof findRecruitment>>
export interface Group {
  id: string
  name: string
  places: number
}
export interface CriterionRow extends Criterion {
  label: string
}

/** Whether applications are taken today. */
export const applicationWindowOf = (r: Pick<Recruitment, 'opens_on' | 'closes_on'>, day: Day) =>
  applicationWindow(r, day)

/**
 * The recruitment's row locked for the rest of the transaction: the one lock that every change of
 * who holds a place, every check and score, a paper application and the decisions take, so none of
 * them acts on a recruitment decided meanwhile and two of them never pass a place to the same
 * person. Returns whether it has been decided.
 */
async function lockRecruitment(trx: Db, id: string) {
  const row = await trx
    .selectFrom('recruitments')
    .select('decided_at')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new NotFoundError()
  return row
}

/** The policy's view of a recruitment for one person. */
export const accessOf = (r: Pick<Recruitment, 'staff' | 'peselReader'>) => ({
  staff: r.staff,
  peselReader: r.peselReader,
})

/** The published recruitments, latest closing first (an open one's page says so), a page at a time. */
export function publishedPage(handle: AnyDb, offset: number, size: number) {
  const db: Db = handle
  return db
    .selectFrom('recruitments as r')
    .innerJoin(projectRows(db).as('p'), 'p.id', 'r.project_id')
    .select(['r.id', 'r.title', 'r.opens_on', 'r.closes_on', 'r.voivodeship', 'p.title as project_title'])
    .where('r.published_at', 'is not', null)
    .orderBy('r.closes_on', 'desc')
    .orderBy('r.id')
    .offset(offset)
    .limit(size + 1)
    .execute()
}

/** The recruitments of the projects a person is staff of, published or not, with their applications counted by state. */
export function staffRecruitments(handle: AnyDb, personId: string, offset: number, size: number) {
  const db: Db = handle
  return db
    .selectFrom('recruitments as r')
    .innerJoin(projectRows(db).as('p'), 'p.id', 'r.project_id')
    .select([
      'r.id',
      'r.title',
      'r.opens_on',
      'r.closes_on',
      'r.published_at',
      'r.decided_at',
      'p.title as project_title',
      (eb) =>
        eb
          .selectFrom('recruitment_applications as a')
          .select(sql<number>`count(*) filter (where a.state <> 'draft')::int`.as('n'))
          .whereRef('a.recruitment_id', '=', 'r.id')
          .as('sent'),
      (eb) =>
        eb
          .selectFrom('recruitment_applications as a')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('a.recruitment_id', '=', 'r.id')
          .where('a.state', '=', 'submitted')
          .as('waiting'),
    ])
    .where(
      'r.project_id',
      'in',
      db.selectFrom(projectStaffRows(db).as('s')).select('s.project_id').where('s.person_id', '=', personId),
    )
    .orderBy('r.opens_on', 'desc')
    .orderBy('r.id')
    .offset(offset)
    .limit(size + 1)
    .execute()
}

/** The projects a person may open a recruitment for (those whose staff they are), and each one's staff. */
export async function projectsOf(handle: AnyDb, personId: string) {
  const db: Db = handle
  const rows = await db
    .selectFrom(projectRows(db).as('p'))
    .innerJoin(projectStaffRows(db).as('mine'), 'mine.project_id', 'p.id')
    .innerJoin(projectStaffRows(db).as('s'), 's.project_id', 'p.id')
    .innerJoin('people as pe', 'pe.id', 's.person_id')
    .select(['p.id', 'p.title', 'p.acronym', 'pe.id as person_id', 'pe.name as person_name'])
    .where('mine.person_id', '=', personId)
    .orderBy('p.title')
    .orderBy('pe.name')
    .execute()
  const projects = new Map<string, { id: string; title: string; staff: { id: string; name: string }[] }>()
  for (const r of rows) {
    const p = projects.get(r.id) ?? {
      id: r.id,
      title: r.acronym ? `${r.acronym} – ${r.title}` : r.title,
      staff: [],
    }
    p.staff.push({ id: r.person_id, name: r.person_name })
    projects.set(r.id, p)
  }
  return [...projects.values()]
}
export type StaffProject = Awaited<ReturnType<typeof projectsOf>>[number]

const sentStates: ApplicationState[] = [
  'submitted',
  'eligible',
  'ineligible',
  'accepted',
  'reserve',
  'rejected',
]

/**
 * A new recruitment, or one changed: the form's groups and criteria replace the old ones. A group
 * that applications name keeps its id (found by its row's place); a group removed with applications
 * is refused, and so is any change of the criteria once an application has been sent (the rules
 * may not change under those who applied).
 */
export async function saveRecruitment(
  db: Db,
  actor: Actor,
  f: RecruitmentForm,
  projects: readonly StaffProject[],
  existing: Recruitment | null,
) {
  const project = projects.find((p) => p.id === f.projectId)
  if (!project || (existing && existing.project_id !== f.projectId))
    throw new RuleError('errors.choose', 'projectId')
  const readers = f.peselReaders.filter((id) => project.staff.some((s) => s.id === id))
  if (readers.length !== f.peselReaders.length) throw new RuleError('errors.choose', 'peselReaders')
  const { groups, criteria } = rowsOf(f)
  const values = {
    title: f.title,
    scope: f.scope,
    who_may_apply: f.whoMayApply,
    how_to_apply: f.howToApply,
    documents: f.documents,
    contact: f.contact,
    opens_on: f.opensOn,
    closes_on: f.closesOn,
    esf_version: f.esfVersion,
    voivodeship: f.region,
    min_age: f.minAge,
    max_age: f.maxAge,
    tie_break: f.tieBreak,
    retention_until: f.retentionUntil,
    pesel_readers: readers,
  }
  return db.transaction().execute(async (trx) => {
    if (!existing) {
      const created = await trx
        .insertInto('recruitments')
        .values({ ...values, project_id: project.id, created_by: actor.id })
        .returning('id')
        .executeTakeFirstOrThrow()
      await trx
        .insertInto('recruitment_groups')
        .values(
          groups.map((g, i) => ({
            recruitment_id: created.id,
            position: i + 1,
            name: g.name,
            places: g.places,
          })),
        )
        .execute()
      if (criteria.length)
        await trx
          .insertInto('recruitment_criteria')
          .values(criteria.map((c, i) => ({ recruitment_id: created.id, position: i + 1, ...c })))
          .execute()
      await audit(trx, actor, {
        action: 'recruitment.opened',
        subjectType: 'recruitment',
        subjectId: created.id,
      })
      return created
    }
    // Lock the recruitment: an application sent meanwhile is counted; a decided one is not changed.
    if ((await lockRecruitment(trx, existing.id)).decided_at)
      throw new RuleError('recruitment.errors.decided', 'title')
    const used = await trx
      .selectFrom('recruitment_applications')
      .select(['group_id', sql<number>`count(*) filter (where state <> 'draft')::int`.as('sent')])
      .where('recruitment_id', '=', existing.id)
      .groupBy('group_id')
      .execute()
    const sent = used.reduce((n, u) => n + u.sent, 0)
    const before = existing.criteria.map((c) => `${c.label}|${c.rule}|${c.points}`).join('\n')
    const after = criteria.map((c) => `${c.label}|${c.rule}|${c.points}`).join('\n')
    // Once someone has applied, the rules they applied under stay: criteria, ties, version, who may apply.
    if (sent > 0) {
      if (before !== after) throw new RuleError('recruitment.errors.criteriaFixed', 'criterion1')
      const fixed: [string, unknown, unknown][] = [
        ['tieBreak', existing.tie_break, values.tie_break],
        ['esfVersion', existing.esf_version, values.esf_version],
        ['region', existing.voivodeship, values.voivodeship],
        ['minAge', existing.min_age, values.min_age],
        ['maxAge', existing.max_age, values.max_age],
      ]
      const changed = fixed.find(([, was, now]) => was !== now)
      if (changed) throw new RuleError('recruitment.errors.rulesFixed', changed[0])
    }
    // Groups are known by their ids (the form sends them back): one removed must hold no application.
    const kept = new Set(groups.map((g) => g.id).filter(Boolean))
    for (const g of existing.groups) {
      if (kept.has(g.id)) continue
      if (used.some((u) => u.group_id === g.id))
        throw new RuleError('recruitment.errors.groupUsed', 'group1', { group: g.name })
    }
    await trx
      .updateTable('recruitments')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', existing.id)
      .execute()
    const gone = existing.groups.filter((g) => !kept.has(g.id)).map((g) => g.id)
    if (gone.length) await trx.deleteFrom('recruitment_groups').where('id', 'in', gone).execute()
    // Positions move aside first, so a new order never meets the old one's unique positions.
    await trx
      .updateTable('recruitment_groups')
      .set((eb) => ({ position: eb.neg(eb.ref('position')) }))
      .where('recruitment_id', '=', existing.id)
      .execute()
    for (const [i, g] of groups.entries()) {
      const known = g.id && existing.groups.some((x) => x.id === g.id)
      if (known)
        await trx
          .updateTable('recruitment_groups')
          .set({ position: i + 1, name: g.name, places: g.places })
          .where('id', '=', g.id as string)
          .execute()
      else
        await trx
          .insertInto('recruitment_groups')
          .values({ recruitment_id: existing.id, position: i + 1, name: g.name, places: g.places })
          .execute()
    }
    if (before !== after) {
      await trx.deleteFrom('recruitment_criteria').where('recruitment_id', '=', existing.id).execute()
      if (criteria.length)
        await trx
          .insertInto('recruitment_criteria')
          .values(criteria.map((c, i) => ({ recruitment_id: existing.id, position: i + 1, ...c })))
          .execute()
    }
    await audit(trx, actor, {
      action: 'recruitment.changed',
      subjectType: 'recruitment',
      subjectId: existing.id,
    })
    return { id: existing.id }
  })
}

export async function publish(db: Db, actor: Actor, r: Recruitment) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('recruitments')
      .set({ published_at: new Date() })
      .where('id', '=', r.id)
      .where('published_at', 'is', null)
      .execute()
    await audit(trx, actor, { action: 'recruitment.published', subjectType: 'recruitment', subjectId: r.id })
  })
}

type Template =
  | 'recruitmentLink'
  | 'recruitmentSent'
  | 'recruitmentAccepted'
  | 'recruitmentReserve'
  | 'recruitmentRejected'
  | 'recruitmentWithdrawn'

async function mail(
  trx: AnyDb,
  c: Pick<Context, 'baseUrl'>,
  to: { email: string; lang: string; name?: string },
  template: Template,
  r: { title: string },
  token: string,
  extra: Record<string, string> = {},
) {
  if (!to.email) return
  const lang = langOf(to.lang)
  const message = renderMail(lang, template, { recruitment: r.title, ...extra }, applicationLink(c, token))
  await sendMail(trx, { to: to.email, ...message })
}

/**
 * Asking for the form: a new draft under the address, its link mailed; an address that has an
 * application in this recruitment already gets a new link to it (the form tells nobody which
 * addresses have applied). Only while applications are taken.
 */
export async function startApplication(db: Db, r: Recruitment, email: string, lang: Lang, c: Context) {
  if (applicationWindow(r, c.today) !== 'open') throw new RuleError('recruitment.errors.closed', 'email')
  const { token, hash } = newToken()
  await db.transaction().execute(async (trx) => {
    const again = await trx
      .selectFrom('recruitment_applications')
      .select(['id', 'state', 'link_sent_at'])
      .where('recruitment_id', '=', r.id)
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .where('state', '<>', 'withdrawn')
      .forUpdate()
      .executeTakeFirst()
    // Asked again a moment ago: the link just mailed stands, and nothing more is sent.
    if (again?.link_sent_at && c.now.getTime() - again.link_sent_at.getTime() < linkResendMinutes * 60_000)
      return
    if (again)
      await trx
        .updateTable('recruitment_applications')
        .set({
          token_hash: hash,
          link_sent_at: c.now,
          // A draft asked for again is being worked on: it is not removed as left for a month.
          ...(again.state === 'draft' ? { updated_at: c.now } : {}),
        })
        .where('id', '=', again.id)
        .execute()
    else
      await trx
        .insertInto('recruitment_applications')
        .values({ recruitment_id: r.id, email, lang, token_hash: hash, state: 'draft', link_sent_at: c.now })
        .execute()
    await mail(trx, c, { email, lang }, 'recruitmentLink', r, token, {
      closes: formatDate(new Date(`${r.closes_on}T12:00:00Z`), lang),
    })
  })
}

const applicationColumns = [
  'a.id',
  'a.recruitment_id',
  'a.group_id',
  'a.email',
  'a.lang',
  'a.state',
  'a.given_name',
  'a.family_name',
  'a.answers',
  'a.pesel_sealed',
  'a.birth_date',
  'a.sex',
  'a.voivodeship',
  'a.points',
  'a.score',
  'a.ineligible_reason',
  'a.entered_by',
  'a.submitted_at',
  'a.decided_at',
  'a.support_starts_on',
  'a.updated_at',
  'a.anonymised_at',
] as const

/** An application by the private link in its mails, with its recruitment (null: no such link, or it was replaced). */
export async function applicationByToken(handle: AnyDb, token: string) {
  const db: Db = handle
  const a = await db
    .selectFrom('recruitment_applications as a')
    .select(applicationColumns)
    .where('a.token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!a) return null
  return { application: a, recruitment: await findRecruitment(db, a.recruitment_id, null) }
}
export type Application = NonNullable<Awaited<ReturnType<typeof applicationByToken>>>['application']

/** What the form checks an application against. */
export const conditionsOf = (
  r: Recruitment,
  today: Day,
  regionName: (code: string) => string,
): Conditions => ({
  version: r.esf_version as EsfVersion,
  voivodeships: voivodeshipChoices().map((v) => v.code),
  region: r.voivodeship,
  regionName: r.voivodeship ? regionName(r.voivodeship) : null,
  minAge: r.min_age,
  maxAge: r.max_age,
  groups: r.groups.map((g) => g.id),
  today,
})

/** The PESEL kept for an application, opened (null: none). */
export const keptPesel = (sealer: Sealer, a: Pick<Application, 'pesel_sealed'>) =>
  a.pesel_sealed ? sealer.open(a.pesel_sealed) : null

/** The answers to the staff's own questions join the standard ones, their problems too. */
async function withOwnAnswers(
  trx: Db,
  recruitmentId: string,
  checked: Checked,
  body: Record<string, unknown>,
  send: boolean,
) {
  const own = readOwnAnswers(await fieldsOf(trx, recruitmentId), body, send)
  Object.assign(checked.answers, own.answers)
  Object.assign(checked.problems, own.problems)
}

/** The gmina typed, found in the TERYT register when the form is sent: its code and name join the answers. */
async function placeGmina(trx: Db, checked: Checked, send: boolean) {
  const { municipality, voivodeship } = checked.answers
  if (!send || !municipality || !voivodeship || checked.problems.municipality || checked.problems.voivodeship)
    return
  try {
    const unit = await findGmina(trx, municipality, voivodeship, 'municipality')
    if (unit) {
      checked.answers.municipalityCode = unit.code
      checked.answers.municipalityName = unit.label
      checked.answers.gmina = unit.name
      checked.answers.county = unit.county
    }
  } catch (err) {
    if (!(err instanceof RuleError)) throw err
    checked.problems.municipality = { key: err.key, params: err.params as Record<string, string> }
  }
}

export type Saved = { sent: false; problems: Checked['problems'] } | { sent: true }

/**
 * An applicant's save of their form: what they typed is kept as a draft whatever its faults (so
 * nothing is lost), then, when they send it, checked in full. Sent, it waits for the staff's check
 * with the points of the automatic criteria, and a mail says it arrived. Only a draft is saved,
 * and only while applications are taken.
 */
export async function saveApplication(
  db: Db,
  sealer: Sealer,
  token: string,
  body: Record<string, unknown>,
  send: boolean,
  regionName: (code: string) => string,
  c: Context,
): Promise<Saved> {
  return db.transaction().execute(async (trx) => {
    const a = await trx
      .selectFrom('recruitment_applications as a')
      .select(applicationColumns)
      .where('a.token_hash', '=', hashToken(token))
      .forUpdate()
      .executeTakeFirst()
    if (!a) throw new NotFoundError()
    if (a.state !== 'draft') throw new RuleError('recruitment.errors.alreadySent')
    const r = await findRecruitment(trx, a.recruitment_id, null)
    if (applicationWindow(r, c.today) !== 'open') throw new RuleError('recruitment.errors.closed')
    const checked = checkApplication(body, conditionsOf(r, c.today, regionName), send, keptPesel(sealer, a))
    await withOwnAnswers(trx, r.id, checked, body, send)
    await placeGmina(trx, checked, send)
    const ok = send && Object.keys(checked.problems).length === 0
    const points = ok
      ? pointsOf(r.criteria, { answers: checked.answers, birthDate: checked.birthDate, manual: {} }, c.today)
      : {}
    await trx
      .updateTable('recruitment_applications')
      .set({
        given_name: checked.answers.givenName ?? '',
        family_name: checked.answers.familyName ?? '',
        answers: JSON.stringify(checked.answers),
        pesel_sealed: checked.pesel ? sealer.seal(checked.pesel) : null,
        pesel_fingerprint:
          checked.pesel && checked.peselValid ? sealer.fingerprint(checked.pesel, r.id) : null,
        birth_date: checked.birthDate,
        sex: checked.sex,
        voivodeship: checked.answers.voivodeship ?? null,
        group_id: checked.groupId,
        updated_at: c.now,
        ...(ok
          ? {
              state: 'submitted' as const,
              submitted_at: c.now,
              points: JSON.stringify(points),
              score: scoreOf(points),
            }
          : {}),
      })
      .where('id', '=', a.id)
      .execute()
    // A draft keeps what it can and tells only of what it could not keep (text too long); the
    // rest is told when it is sent.
    if (!ok)
      return {
        sent: false,
        problems: send
          ? checked.problems
          : Object.fromEntries(
              Object.entries(checked.problems).filter(([, p]) => p.key === 'errors.tooLong'),
            ),
      }
    await mail(trx, c, a, 'recruitmentSent', r, token)
    return { sent: true }
  })
}

/** What is wrong with a typed form's questions, before the day it came is known. */
export const paperProblems = (
  r: Recruitment,
  body: Record<string, unknown>,
  day: Day,
  regionName: (code: string) => string,
) => checkApplication(body, conditionsOf(r, day, regionName), true).problems

/**
 * A paper application typed in by the staff: checked as a sent form is (age counted on the day it
 * was received, which must fall within the recruitment's days), kept as sent on that day, noted as
 * entered by them; with an address, the applicant is mailed the link to follow it. An address that
 * already has an application here is refused beside the field.
 */
export async function enterPaper(
  db: Db,
  sealer: Sealer,
  actor: Actor,
  r: Recruitment,
  body: Record<string, unknown>,
  paper: { receivedOn: Day; email: string | null; lang: Lang },
  regionName: (code: string) => string,
  c: Context,
): Promise<{ problems: Checked['problems'] } | { id: string }> {
  if (paper.receivedOn < r.opens_on || paper.receivedOn > r.closes_on || paper.receivedOn > c.today)
    throw new RuleError('recruitment.errors.receivedOn', 'receivedOn')
  return db.transaction().execute(async (trx) => {
    if ((await lockRecruitment(trx, r.id)).decided_at)
      throw new RuleError('recruitment.errors.decided', 'receivedOn')
    const checked = checkApplication(body, conditionsOf(r, paper.receivedOn, regionName), true)
    await withOwnAnswers(trx, r.id, checked, body, true)
    await placeGmina(trx, checked, true)
    if (Object.keys(checked.problems).length) return { problems: checked.problems }
    if (paper.email) {
      const taken = await trx
        .selectFrom('recruitment_applications')
        .select('id')
        .where('recruitment_id', '=', r.id)
        .where(sql<string>`lower(email)`, '=', paper.email.toLowerCase())
        .where('state', '<>', 'withdrawn')
        .executeTakeFirst()
      if (taken) throw new RuleError('recruitment.errors.emailTaken', 'email')
    }
    const points = pointsOf(
      r.criteria,
      { answers: checked.answers, birthDate: checked.birthDate, manual: {} },
      paper.receivedOn,
    )
    const { token, hash } = newToken()
    const created = await trx
      .insertInto('recruitment_applications')
      .values({
        recruitment_id: r.id,
        group_id: checked.groupId,
        email: paper.email ?? '',
        lang: paper.lang,
        token_hash: hash,
        state: 'submitted',
        given_name: checked.answers.givenName ?? '',
        family_name: checked.answers.familyName ?? '',
        answers: JSON.stringify(checked.answers),
        pesel_sealed: checked.pesel ? sealer.seal(checked.pesel) : null,
        pesel_fingerprint: checked.pesel ? sealer.fingerprint(checked.pesel, r.id) : null,
        birth_date: checked.birthDate,
        sex: checked.sex,
        voivodeship: checked.answers.voivodeship ?? null,
        points: JSON.stringify(points),
        score: scoreOf(points),
        entered_by: actor.id,
        submitted_at: warsawInstant(paper.receivedOn, '12:00'),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'recruitment.application.entered',
      subjectType: 'recruitment_application',
      subjectId: created.id,
    })
    if (paper.email) await mail(trx, c, { email: paper.email, lang: paper.lang }, 'recruitmentSent', r, token)
    return { id: created.id }
  })
}

/**
 * An applicant gives up: before a decision the application leaves the recruitment; a participant's
 * place goes to the first on the group's reserve list, who is told by mail.
 */
export async function withdraw(db: Db, token: string, c: Context) {
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .selectFrom('recruitment_applications')
      .select('recruitment_id')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirst()
    if (!found) throw new NotFoundError()
    await lockRecruitment(trx, found.recruitment_id)
    const a = await trx
      .selectFrom('recruitment_applications as a')
      .select(applicationColumns)
      .where('a.token_hash', '=', hashToken(token))
      .forUpdate()
      .executeTakeFirst()
    if (!a) throw new NotFoundError()
    if (!mayWithdraw(a.state)) return false
    await trx
      .updateTable('recruitment_applications')
      .set({ state: 'withdrawn', updated_at: c.now })
      .where('id', '=', a.id)
      .execute()
    const r = await findRecruitment(trx, a.recruitment_id, null)
    await mail(trx, c, a, 'recruitmentWithdrawn', r, token)
    if (a.state === 'accepted' && a.group_id) await promoteReserve(trx, r, a.group_id, c)
    return true
  })
}

/** A place freed in a group goes to the first of its reserve list (by the ranking), told by mail with a new link. */
async function promoteReserve(trx: Db, r: Recruitment, groupId: string, c: Context) {
  const reserve = await trx
    .selectFrom('recruitment_applications')
    .select(['id', 'score', 'submitted_at', 'birth_date', 'email', 'lang', 'support_starts_on'])
    .where('recruitment_id', '=', r.id)
    .where('group_id', '=', groupId)
    .where('state', '=', 'reserve')
    .execute()
  const [first] = rank(
    reserve.map((x) => ({ ...x, submitted_at: x.submitted_at ?? c.now })),
    r.tie_break,
  )
  if (!first) return
  const { token, hash } = newToken()
  const starts = await trx
    .selectFrom('recruitment_applications')
    .select(sql<string | null>`max(support_starts_on)`.as('day'))
    .where('recruitment_id', '=', r.id)
    .executeTakeFirst()
  const day = starts?.day && starts.day > c.today ? starts.day : c.today
  await trx
    .updateTable('recruitment_applications')
    .set({
      state: 'accepted',
      decided_at: c.now,
      token_hash: hash,
      support_starts_on: day,
      updated_at: c.now,
    })
    .where('id', '=', first.id)
    .where('state', '=', 'reserve')
    .execute()
  await mail(trx, c, first, 'recruitmentAccepted', r, token, {
    starts: formatDate(new Date(`${day}T12:00:00Z`), langOf(first.lang)),
  })
}

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
