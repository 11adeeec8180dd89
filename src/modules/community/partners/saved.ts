// Saved partner searches: a person keeps a search over organisations or over open requests, and once
// a week a job runs them all over what came in since each was last run, and tells each person of
// what their search finds there (a notification, mailed at once, its mail with a one-click stop).
// The match is the search's own rule (rules.ts explainMatch); the words are found as the search
// finds them, in names folded by the database's siatka_fold.
import { sql } from 'kysely'
import { audit } from '../../../kernel/audit.ts'
import { type Day, today as todayInWarsaw } from '../../../kernel/dates.ts'
import type { AnyDb } from '../../../kernel/db.ts'
import { RuleError } from '../../../kernel/errors.ts'
import { translator, unescaped } from '../../../kernel/i18n.ts'
import type { JobQueue } from '../../../kernel/jobs.ts'
import type { MailStop } from '../../../kernel/module.ts'
import type { Actor } from '../../../kernel/policy.ts'
import { notifyEach } from '../../notifications/service.ts'
import { projectThemes } from '../../projects/index.ts'
import type { Db } from '../db.ts'
import { asksAnything, explainMatch } from './rules.ts'
import { PartnerSearchQuery, wantedOf } from './schemas.ts'
import { offeredByOrganisation, offeredByRequest } from './service.ts'
import { choicesOf, summaryOf } from './views/parts.tsx'

export type SavedTarget = 'organisations' | 'requests'

/** At most this many saved searches a person. */
export const savedLimit = 10
/** A notification names at most this many of what is new (the link shows them all). */
const namedInNotice = 3
/** How far back a round looks at most, whatever a search's last round (a job that did not run for long). */
const lookBackDays = 35

/** What is kept of a search: its criteria and words (not the request it was matched to, nor the page). */
const kept = (q: PartnerSearchQuery): PartnerSearchQuery => ({
  ...q,
  request: null,
  // In one order, so the same search ticked in another order is the same search.
  theme: [...q.theme].sort(),
  kind: [...q.kind].sort(),
  country: [...q.country].sort(),
  language: [...q.language].sort(),
  programme: [...q.programme].sort(),
})

/** The search's address: its results, as the search page shows them. */
export function searchPath(target: SavedTarget, q: PartnerSearchQuery) {
  const params = new URLSearchParams()
  if (q.q) params.set('q', q.q)
  for (const c of ['theme', 'kind', 'country', 'language', 'programme'] as const)
    for (const v of q[c]) params.append(c, v)
  if (q.region) params.set('region', q.region)
  const path = target === 'organisations' ? '/community/partners' : '/community/partners/requests'
  return params.size ? `${path}?${params}` : path
}

/** The person's saved searches, the newest first (at most `savedLimit`). */
export async function savedOf(db: Db, personId: string) {
  const rows = await db
    .selectFrom('community_saved_searches')
    .select(['id', 'target', 'query', 'created_at'])
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(savedLimit)
    .execute()
  return rows.map((r) => ({ ...r, query: PartnerSearchQuery.parse(r.query) }))
}
export type SavedSearch = Awaited<ReturnType<typeof savedOf>>[number]

/**
 * Keeps the search for the person (the same search twice is kept once); refused past the limit.
 * Whether it was new.
 */
export async function saveSearch(db: Db, actor: Actor, target: SavedTarget, q: PartnerSearchQuery) {
  return db.transaction().execute(async (trx) => {
    // Counted under a lock on the person, so two saves at once cannot pass the limit.
    await trx.selectFrom('people').select('id').where('id', '=', actor.id).forUpdate().execute()
    const { n } = await trx
      .selectFrom('community_saved_searches')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('person_id', '=', actor.id)
      .executeTakeFirstOrThrow()
    const query = JSON.stringify(kept(q))
    const row = await trx
      .insertInto('community_saved_searches')
      .values({
        person_id: actor.id,
        target,
        query,
        words_folded: sql<string>`siatka_fold(${q.q})`,
      })
      .onConflict((oc) => oc.constraint('community_saved_searches_once').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!row) return { saved: false }
    if (n >= savedLimit)
      throw new RuleError('community.partners.saved.tooMany', 'saved', { limit: savedLimit })
    await audit(trx, actor, {
      action: 'community.partner-search-saved',
      subjectType: 'saved_search',
      subjectId: row.id,
    })
    return { saved: true }
  })
}

/** Removes one of the person's saved searches (someone else's is not found: nothing happens). */
export async function removeSearch(db: AnyDb, personId: string, id: string) {
  const handle: Db = db
  const gone = await handle
    .deleteFrom('community_saved_searches')
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .executeTakeFirst()
  return Number(gone.numDeletedRows) === 1
}

/** The person removes one of their saved searches, in the audit log; false when it is not theirs (or gone). */
export async function removeOwnSearch(db: Db, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const gone = await removeSearch(trx, actor.id, id)
    if (gone)
      await audit(trx, actor, {
        action: 'community.partner-search-removed',
        subjectType: 'saved_search',
        subjectId: id,
      })
    return gone
  })
}

/**
 * The weekly round: every saved search over what came in since its last round (organisations that
 * joined the search, requests published and still open), each person told of what their search
 * finds, best match first, once. Three statements to read, one to tell, one to move the rounds on.
 */
export async function tellNewMatches(handle: AnyDb, today: Day, now = new Date()) {
  const db: Db = handle
  await db.transaction().execute(async (trx) => {
    const searches = await trx
      .selectFrom('community_saved_searches as s')
      .innerJoin('people as p', 'p.id', 's.person_id')
      .select([
        's.id',
        's.person_id',
        's.target',
        's.query',
        's.words_folded',
        's.checked_at',
        'p.organisation_id',
      ])
      .where('p.is_active', '=', true)
      .execute()
    if (searches.length === 0) return
    const since = new Date(
      Math.max(
        searches.reduce((min, s) => Math.min(min, s.checked_at.getTime()), now.getTime()),
        now.getTime() - lookBackDays * 86_400_000,
      ),
    )
    const [organisations, requests, themes] = await Promise.all([
      trx
        .selectFrom('community_organisations as c')
        .innerJoin('organisations as o', 'o.id', 'c.organisation_id')
        .select([
          'o.id',
          'o.name',
          'o.type',
          'o.country',
          'c.region_code',
          'c.themes',
          'c.languages',
          'c.programmes',
          'c.created_at',
          sql<string[]>`array[siatka_fold(o.name)]`.as('folded'),
        ])
        .where('c.created_at', '>', since)
        .where('c.created_at', '<=', now)
        .execute(),
      trx
        .selectFrom('community_partner_requests as r')
        .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
        .select([
          'r.id',
          'r.title as name',
          'r.organisation_id',
          'r.programme',
          'r.seek_kinds',
          'r.seek_countries',
          'r.seek_themes',
          'r.seek_languages',
          'r.created_at',
          // The words in its title or its organisation's name, as the live search finds them.
          sql<string[]>`array[siatka_fold(r.title), siatka_fold(o.name)]`.as('folded'),
        ])
        .where('r.closed_at', 'is', null)
        .where('r.deadline', '>=', today)
        .where('r.created_at', '>', since)
        .where('r.created_at', '<=', now)
        .execute(),
      projectThemes(trx),
    ])
    const pl = { t: translator('pl'), lang: 'pl' as const }
    const en = { t: translator('en'), lang: 'en' as const }
    const choices = { pl: choicesOf(pl, themes), en: choicesOf(en, themes) }
    const notices = searches.flatMap((s) => {
      const query = PartnerSearchQuery.parse(s.query)
      // A request names no region: a requests search asks what the live one asks (service.ts searchRequests).
      const wanted = wantedOf(query)
      const asked = s.target === 'requests' ? { ...wanted, region: [] } : wanted
      const candidates =
        s.target === 'organisations'
          ? organisations.map((o) => ({ ...o, organisation_id: o.id, offered: offeredByOrganisation(o) }))
          : requests.map((r) => ({ ...r, offered: offeredByRequest(r) }))
      const found = candidates
        .filter((c) => c.created_at > s.checked_at && c.organisation_id !== s.organisation_id)
        .filter((c) => c.folded.some((f) => f.includes(s.words_folded)))
        .map((c) => ({
          name: c.name,
          match: explainMatch(asked, c.offered),
        }))
        .filter((c) => !asksAnything(asked) || c.match.met.length > 0)
        .sort((a, b) => b.match.score - a.match.score || a.name.localeCompare(b.name, 'pl'))
      if (found.length === 0) return []
      const names = found
        .slice(0, namedInNotice)
        .map((f) => f.name)
        .join(', ')
      return [
        {
          personId: s.person_id,
          kind: 'communityPartnerSearch' as const,
          params: {
            count: String(found.length),
            summary_pl: summaryOf(pl, choices.pl, query),
            summary_en: summaryOf(en, choices.en, query),
            names,
          },
          link: searchPath(s.target, query),
          follow: { delivery: 'immediate' as const, stop: `search:${s.id}` },
        },
      ]
    })
    await notifyEach(trx, notices)
    await trx
      .updateTable('community_saved_searches')
      .set({ checked_at: now })
      .where(
        'id',
        'in',
        searches.map((s) => s.id),
      )
      .execute()
  })
}

/** The one click in a saved search's mail: that search is removed. */
export const savedSearchStop: MailStop = {
  async describe(handle: AnyDb, personId: string, id: string, lang: 'pl' | 'en') {
    const db: Db = handle
    const row = await db
      .selectFrom('community_saved_searches')
      .select('query')
      .where('id', '=', id)
      .where('person_id', '=', personId)
      .executeTakeFirst()
    if (!row) return null
    const ctx = { t: translator(lang), lang }
    const summary = summaryOf(
      ctx,
      choicesOf(ctx, await projectThemes(db)),
      PartnerSearchQuery.parse(row.query),
    )
    return ctx.t('community.partners.saved.theSearch', { summary, ...unescaped })
  },
  async stop(handle: AnyDb, personId: string, id: string) {
    await removeSearch(handle, personId, id)
  },
}

/** The weekly round, on Monday mornings (Warsaw), after the daily digest. */
export function savedSearchQueues(handle: AnyDb): JobQueue[] {
  const db: Db = handle
  return [
    {
      name: 'community.saved-searches',
      cron: '30 7 * * 1',
      handler: () => tellNewMatches(db, todayInWarsaw()),
    },
  ]
}
