// Partner search: organisations' profiles in the community, their partner requests, and the search
// over both, ranked by how well each result matches what is asked (rules.ts) and saying why.
import { type RawBuilder, sql } from 'kysely'
import { audit } from '../../../kernel/audit.ts'
import type { Day } from '../../../kernel/dates.ts'
import { likeContaining } from '../../../kernel/db.ts'
import { NotFoundError, RuleError } from '../../../kernel/errors.ts'
import type { Actor, OrganisationAccess } from '../../../kernel/policy.ts'
import { saveOwnOrganisation } from '../../accounts/service.ts'
import type { Db } from '../db.ts'
import {
  asksAnything,
  type Criterion,
  criteria,
  criterionWeights,
  explainMatch,
  type Match,
  type Offered,
  type Wanted,
} from './rules.ts'
import type { OrganisationProfileForm, PartnerRequestForm } from './schemas.ts'

/** Results on one page of the partner search. */
export const searchPageSize = 20
/** The best-matching organisations a request's page names. */
export const matchesShown = 10
/** At most this many of an organisation's requests are listed on its profile (the newest). */
const ownRequestsShown = 30

/** The organisation a person represents, and whether it has a community profile yet. */
export async function ownOrganisation(db: Db, personId: string) {
  const row = await db
    .selectFrom('people as p')
    .leftJoin('community_organisations as c', 'c.organisation_id', 'p.organisation_id')
    .select(['p.organisation_id', 'c.organisation_id as profiled'])
    .where('p.id', '=', personId)
    .executeTakeFirst()
  return row?.organisation_id ? { id: row.organisation_id, profiled: row.profiled !== null } : null
}

/**
 * Whether the person asking is a contact person of the organisation in `organisationColumn` (it is
 * the organisation they represent): the one test the policy's organisation and thread rules read.
 */
export const isContact = (personId: string | null, organisationColumn: string) =>
  sql<boolean>`exists (select 1 from people me where me.id = ${personId} and me.organisation_id = ${sql.ref(organisationColumn)})`.as(
    'is_contact',
  )

/** An organisation's facts and its community profile (null parts when it has none), with the asker's access. */
export async function findOrganisation(db: Db, id: string, actor: Actor | null) {
  const row = await db
    .selectFrom('organisations as o')
    .leftJoin('community_organisations as c', 'c.organisation_id', 'o.id')
    .select([
      'o.id',
      'o.name',
      'o.type',
      'o.country',
      'o.website',
      'c.organisation_id as profiled',
      'c.region_code',
      'c.region_name',
      'c.themes',
      'c.languages',
      'c.programmes',
      'c.size',
      'c.lang',
      'c.experience',
      'c.offers',
      'c.seeks',
      'c.updated_at',
      isContact(actor?.id ?? null, 'o.id'),
    ])
    .where('o.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError()
  const access: OrganisationAccess = { isContact: Boolean(row.is_contact) }
  return { ...row, access }
}
export type OrganisationProfile = Awaited<ReturnType<typeof findOrganisation>>

/**
 * An organisation's profile saved by its contact person or the secretariat; `organisationId` null
 * creates the person's own organisation with them as its contact person.
 */
export async function saveOrganisationProfile(
  db: Db,
  actor: Actor,
  organisationId: string | null,
  form: OrganisationProfileForm,
) {
  return db.transaction().execute(async (trx) => {
    const id = await saveOwnOrganisation(trx, actor, organisationId, {
      name: form.name,
      type: form.type,
      country: form.country,
      website: form.website,
    })
    const profile = {
      region_code: form.regionCode,
      region_name: form.regionName,
      themes: form.themes,
      languages: form.languages,
      programmes: form.programmes,
      size: form.size,
      lang: form.lang,
      experience: form.experience,
      offers: form.offers,
      seeks: form.seeks,
      updated_by: actor.id,
      updated_at: new Date(),
    }
    await trx
      .insertInto('community_organisations')
      .values({ organisation_id: id, ...profile })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(profile))
      .execute()
    await audit(trx, actor, {
      action: 'community.organisation-profile-saved',
      subjectType: 'organisation',
      subjectId: id,
    })
    return { id }
  })
}

// What an organisation offers, for each criterion, in SQL (`o` organisations, `c` its profile), and
// the same for a request (`r`): a request's empty list is open to any.
const organisationMeets: Record<Criterion, (asked: readonly string[]) => RawBuilder<boolean>> = {
  theme: (v) => sql<boolean>`(c.themes && ${[...v]}::uuid[])`,
  kind: (v) => sql<boolean>`(o.type = any(${[...v]}::text[]))`,
  country: (v) => sql<boolean>`(o.country = any(${[...v]}::text[]))`,
  language: (v) => sql<boolean>`(c.languages && ${[...v]}::text[])`,
  programme: (v) => sql<boolean>`(c.programmes && ${[...v]}::text[])`,
  region: (v) => sql<boolean>`coalesce(c.region_code like any(${v.map((r) => `${r}%`)}::text[]), false)`,
}
const openOr = (column: string, type: 'text' | 'uuid', v: readonly string[]) =>
  sql<boolean>`(cardinality(${sql.ref(column)}) = 0 or ${sql.ref(column)} && ${[...v]}::${sql.raw(type)}[])`
const requestMeets: Record<
  Exclude<Criterion, 'region'>,
  (asked: readonly string[]) => RawBuilder<boolean>
> = {
  theme: (v) => openOr('r.seek_themes', 'uuid', v),
  kind: (v) => openOr('r.seek_kinds', 'text', v),
  country: (v) => openOr('r.seek_countries', 'text', v),
  language: (v) => openOr('r.seek_languages', 'text', v),
  programme: (v) => sql<boolean>`(r.programme = any(${[...v]}::text[]))`,
}

/** The criteria asked, each as its SQL test: the score sums their weights, a result meets one at least. */
function ranking(
  wanted: Wanted,
  meets: Partial<Record<Criterion, (asked: readonly string[]) => RawBuilder<boolean>>>,
) {
  const asked = criteria.filter((c) => wanted[c].length > 0 && meets[c])
  const tests = asked.map((c) => ({
    c,
    test: (meets[c] as (v: readonly string[]) => RawBuilder<boolean>)(wanted[c]),
  }))
  const score = tests.length
    ? sql<number>`(${sql.join(
        tests.map((t) => sql`case when ${t.test} then ${sql.lit(criterionWeights[t.c])} else 0 end`),
        sql` + `,
      )})`
    : sql<number>`0`
  const anyMet = tests.length
    ? sql<boolean>`(${sql.join(
        tests.map((t) => t.test),
        sql` or `,
      )})`
    : sql<boolean>`true`
  return { score, anyMet }
}

/** An organisation row as the search shows it, with how it matches. */
export const offeredByOrganisation = (r: {
  type: string
  country: string
  region_code: string | null
  themes: string[]
  languages: string[]
  programmes: string[]
}): Offered => ({
  values: {
    theme: r.themes,
    kind: [r.type],
    country: [r.country],
    language: r.languages,
    programme: r.programmes,
    region: r.region_code ? [r.region_code] : [],
  },
})

export const offeredByRequest = (r: {
  seek_themes: string[]
  seek_kinds: string[]
  seek_countries: string[]
  seek_languages: string[]
  programme: string
}): Offered => ({
  values: {
    theme: r.seek_themes,
    kind: r.seek_kinds,
    country: r.seek_countries,
    language: r.seek_languages,
    programme: [r.programme],
    region: [],
  },
  openToAny: ['theme', 'kind', 'country', 'language'],
})

/**
 * Organisations with a community profile: those meeting at least one criterion asked, best first
 * (the weights' sum), then by name; with nothing asked, all by name. Words narrow by name. One
 * statement; a page more than `searchPageSize` tells whether another follows.
 */
export async function searchOrganisations(
  db: Db,
  wanted: Wanted,
  words: string,
  offset: number,
  options: { except?: string; limit?: number } = {},
) {
  const { score, anyMet } = ranking(wanted, organisationMeets)
  let query = db
    .selectFrom('community_organisations as c')
    .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
    .select([
      'o.id',
      'o.name',
      'o.type',
      'o.country',
      'c.region_code',
      'c.region_name',
      'c.themes',
      'c.languages',
      'c.programmes',
      'c.size',
      'c.lang',
      'c.offers',
      score.as('score'),
    ])
    .where(anyMet)
  if (words) query = query.where(sql<boolean>`siatka_fold(o.name) like siatka_fold(${likeContaining(words)})`)
  if (options.except) query = query.where('o.id', '!=', options.except)
  const rows = await query
    // Ties by name as stored: folding every candidate's name (unaccent) cost more than the match itself.
    .orderBy(sql`score`, 'desc')
    .orderBy('o.name')
    .orderBy('o.id')
    .offset(offset)
    .limit((options.limit ?? searchPageSize) + 1)
    .execute()
  return rows.map((r) => ({ ...r, match: explainMatch(wanted, offeredByOrganisation(r)) }))
}
export type OrganisationHit = Awaited<ReturnType<typeof searchOrganisations>>[number]

/** The partner a request seeks, as a search asks for it. */
export const wantedBy = (r: PartnerRequest): Wanted => ({
  theme: r.seek_themes,
  kind: r.seek_kinds,
  country: r.seek_countries,
  language: r.seek_languages,
  programme: [r.programme],
  region: [],
})

const requestColumns = [
  'r.id',
  'r.organisation_id',
  'r.author_id',
  'r.title',
  'r.idea',
  'r.lang',
  'r.programme',
  'r.seek_kinds',
  'r.seek_countries',
  'r.seek_themes',
  'r.seek_languages',
  'r.competences',
  'r.deadline',
  'r.closed_at',
  'r.created_at',
  'o.name as organisation_name',
  'o.country as organisation_country',
] as const

/**
 * Open partner requests (not withdrawn, the deadline not passed): those meeting at least one
 * criterion asked, best first, then the nearest deadline. A request seeking any kind, country,
 * theme or language meets that criterion. The region is not a request's criterion.
 */
export async function searchRequests(db: Db, wanted: Wanted, words: string, today: Day, offset: number) {
  const { score, anyMet } = ranking(wanted, requestMeets)
  let query = db
    .selectFrom('community_partner_requests as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select([...requestColumns, score.as('score')])
    .where('r.closed_at', 'is', null)
    .where('r.deadline', '>=', today)
    .where(anyMet)
  if (words)
    query = query.where(
      sql<boolean>`(siatka_fold(r.title) like siatka_fold(${likeContaining(words)}) or siatka_fold(o.name) like siatka_fold(${likeContaining(words)}))`,
    )
  const rows = await query
    .orderBy(sql`score`, 'desc')
    .orderBy('r.deadline')
    .orderBy('r.id')
    .offset(offset)
    .limit(searchPageSize + 1)
    .execute()
  const forRequests: Wanted = { ...wanted, region: [] }
  return rows.map((r) => ({ ...r, match: explainMatch(forRequests, offeredByRequest(r)) }))
}
export type RequestHit = Awaited<ReturnType<typeof searchRequests>>[number]

export async function findRequest(db: Db, id: string) {
  const row = await db
    .selectFrom('community_partner_requests as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(requestColumns)
    .where('r.id', '=', id)
    .executeTakeFirst()
  if (!row) throw new NotFoundError()
  return row
}
export type PartnerRequest = Awaited<ReturnType<typeof findRequest>>

/** Whether a request is open: not withdrawn and its deadline not passed. */
export const isOpen = (r: Pick<PartnerRequest, 'closed_at' | 'deadline'>, today: Day) =>
  r.closed_at === null && r.deadline >= today

/** An organisation's requests, open and past, the latest deadline first. */
export function requestsOf(db: Db, organisationId: string) {
  return db
    .selectFrom('community_partner_requests as r')
    .select(['r.id', 'r.title', 'r.lang', 'r.programme', 'r.deadline', 'r.closed_at'])
    .where('r.organisation_id', '=', organisationId)
    .orderBy('r.deadline', 'desc')
    .orderBy('r.id')
    .limit(ownRequestsShown)
    .execute()
}

const requestValues = (form: PartnerRequestForm) => ({
  title: form.title,
  idea: form.idea,
  lang: form.lang,
  programme: form.programme,
  seek_kinds: form.seekKinds,
  seek_countries: form.seekCountries,
  seek_themes: form.seekThemes,
  seek_languages: form.seekLanguages,
  competences: form.competences,
  deadline: form.deadline,
})

/** A new request of an organisation with a profile; its deadline may be today, not earlier. */
export async function publishRequest(
  db: Db,
  actor: Actor,
  organisation: { id: string; profiled: boolean },
  form: PartnerRequestForm,
  today: Day,
) {
  if (!organisation.profiled) throw new RuleError('community.partners.errors.noProfile', 'title')
  if (form.deadline < today) throw new RuleError('community.partners.errors.deadlinePast', 'deadline')
  return db.transaction().execute(async (trx) => {
    const created = await trx
      .insertInto('community_partner_requests')
      .values({ organisation_id: organisation.id, author_id: actor.id, ...requestValues(form) })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'community.partner-request-published',
      subjectType: 'partner_request',
      subjectId: created.id,
      details: { title: form.title },
    })
    return created
  })
}

/** A request changed (a withdrawn one cannot be: it is published anew); a deadline moved may not pass. */
export async function updateRequest(
  db: Db,
  actor: Actor,
  request: PartnerRequest,
  form: PartnerRequestForm,
  today: Day,
) {
  if (form.deadline < today) throw new RuleError('community.partners.errors.deadlinePast', 'deadline')
  await db.transaction().execute(async (trx) => {
    const changed = await trx
      .updateTable('community_partner_requests')
      .set({ ...requestValues(form), updated_at: new Date() })
      .where('id', '=', request.id)
      .where('closed_at', 'is', null)
      .executeTakeFirst()
    if (Number(changed.numUpdatedRows) !== 1)
      throw new RuleError('community.partners.errors.withdrawn', 'title')
    await audit(trx, actor, {
      action: 'community.partner-request-changed',
      subjectType: 'partner_request',
      subjectId: request.id,
    })
  })
}

/** A request withdrawn before its deadline. */
export async function withdrawRequest(db: Db, actor: Actor, request: PartnerRequest) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('community_partner_requests')
      .set({ closed_at: new Date(), updated_at: new Date() })
      .where('id', '=', request.id)
      .where('closed_at', 'is', null)
      .execute()
    await audit(trx, actor, {
      action: 'community.partner-request-withdrawn',
      subjectType: 'partner_request',
      subjectId: request.id,
    })
  })
}

export type { Match }
export { asksAnything }
