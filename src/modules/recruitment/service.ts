// A project's recruitment: its staff open it (groups, criteria, dates) and publish it; what the
// applicant's side (applications.ts) and the staff's review (review.ts) share: the recruitment found
// with what the person may do, its lock, the mails, an application by its private link.
import { sql } from 'kysely'
import { audit } from '../../kernel/audit.ts'
import { type Day, today } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import type { Lang } from '../../kernel/i18n.ts'
import { renderMail, sendMail } from '../../kernel/mail.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Sealer } from '../../kernel/sealed.ts'
import { hashToken } from '../../kernel/tokens.ts'
import { projectRows, projectStaffRows, voivodeshipChoices } from '../projects/index.ts'
import type { Db } from './db.ts'
import type { Conditions } from './esf.ts'
import { applicationWindow, type Criterion } from './rules.ts'
import { type RecruitmentForm, rowsOf } from './schemas.ts'
import type { EsfVersion } from './tables.ts'

/** Where links in mails lead, and the clock (a test sets both). */
export interface Context {
  baseUrl: string
  now: Date
  today: Day
}

/** The context of a request made at `now`. */
export const contextAt = (baseUrl: string, now: Date): Context => ({ baseUrl, now, today: today(now) })

export const langOf = (lang: string): Lang => (lang === 'en' ? 'en' : 'pl')
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
export async function lockRecruitment(trx: Db, id: string) {
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

export async function mail(
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

export const applicationColumns = [
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
