// Changes of a space's composition: proposals, their entries and history, the managing authority's queue.
import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Day } from '../../kernel/dates.ts'
import type { Page } from '../../kernel/pagination.ts'
import type { Db } from './db.ts'
import type { ProposalStatus } from './tables.ts'

/** A space's proposals; drafts only for those who may see them (`seesProposal`). */
export function listProposals(db: Db, spaceId: string, page: Page, o: { drafts: boolean }) {
  let q = db
    .selectFrom('composition_proposals as c')
    .select([
      'c.id',
      'c.number',
      'c.status',
      'c.submitted_at',
      'c.decided_at',
      'c.decision_ref',
      'c.effective_on',
    ])
    .select((eb) =>
      eb
        .selectFrom('composition_entries as e')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.proposal_id', '=', 'c.id')
        .as('entry_count'),
    )
    .where('c.space_id', '=', spaceId)
  if (!o.drafts) q = q.where('c.status', '<>', 'draft')
  return q
    .orderBy('c.number', 'desc')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

export function findOpenProposal(db: Db, spaceId: string) {
  return db
    .selectFrom('composition_proposals')
    .select(['id', 'number', 'status'])
    .where('space_id', '=', spaceId)
    .where('status', 'in', ['draft', 'submitted', 'returned'])
    .executeTakeFirst()
}

/** A proposal with its entries (people, organisations) and its history, in one round trip. */
export function findProposal(db: Db, id: string) {
  return db
    .selectFrom('composition_proposals as c')
    .innerJoin('people as d', 'd.id', 'c.drafted_by')
    .leftJoin('people as x', 'x.id', 'c.decided_by')
    .selectAll('c')
    .select(['d.name as drafted_by_name', 'x.name as decided_by_name'])
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('composition_entries as e')
          .innerJoin('people as p', 'p.id', 'e.person_id')
          .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
          .leftJoin('people as dp', 'dp.id', 'e.deputy_for')
          .select([
            'e.id',
            'e.person_id',
            'e.role',
            'e.represents',
            'e.organisation_id',
            'e.justification',
            'e.deputy_for',
            'dp.name as deputy_for_name',
            'p.name',
            'p.email',
            'o.name as organisation_name',
          ])
          .whereRef('e.proposal_id', '=', 'c.id')
          .orderBy(
            sql`array_position(array['chair','vice_chair','member','deputy','expert','observer']::text[], e.role)`,
          )
          .orderBy(sql`siatka_fold(p.name)`),
      ).as('entries'),
      jsonArrayFrom(
        eb
          .selectFrom('composition_events as v')
          .innerJoin('people as a', 'a.id', 'v.actor_id')
          .select(['v.id', 'v.action', 'v.comment', 'v.at', 'a.name as actor_name'])
          .whereRef('v.proposal_id', '=', 'c.id')
          .orderBy('v.at'),
      ).as('events'),
    ])
    .where('c.id', '=', id)
    .executeTakeFirst()
}
export type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>

/**
 * Seats of proposals (`e`), with the names of the person, their organisation and a deputy's member:
 * what two compositions are compared by (rules.ts) and their changes told in.
 */
function seatRows(db: Db) {
  return db
    .selectFrom('composition_entries as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .leftJoin('organisations as o', 'o.id', 'e.organisation_id')
    .leftJoin('people as dp', 'dp.id', 'e.deputy_for')
    .select([
      'e.person_id',
      'e.role',
      'e.represents',
      'e.organisation_id',
      'e.deputy_for',
      'p.name',
      'o.name as organisation_name',
      'dp.name as deputy_for_name',
    ])
    .orderBy(
      sql`array_position(array['chair','vice_chair','member','deputy','expert','observer']::text[], e.role)`,
    )
    .orderBy(sql`siatka_fold(p.name)`)
}

/** The composition approved before this proposal (its number): its seats, for showing what changes. */
export function previousComposition(db: Db, spaceId: string, beforeNumber: number) {
  return seatRows(db)
    .where(
      'e.proposal_id',
      '=',
      db
        .selectFrom('composition_proposals')
        .select('id')
        .where('space_id', '=', spaceId)
        .where('status', '=', 'approved')
        .where('number', '<', beforeNumber)
        .orderBy('number', 'desc')
        .limit(1),
    )
    .execute()
}

export function lockProposal(db: Db, id: string) {
  return db
    .selectFrom('composition_proposals')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
}

/** A proposal's seats as the composition rules read them, with the names its notices give. */
export function entriesOf(db: Db, proposalId: string) {
  return seatRows(db).where('e.proposal_id', '=', proposalId).execute()
}

export function lastApproved(db: Db, spaceId: string) {
  return db
    .selectFrom('composition_proposals')
    .select(['id', 'effective_on'])
    .where('space_id', '=', spaceId)
    .where('status', '=', 'approved')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function nextProposalNumber(db: Db, spaceId: string): Promise<number> {
  const row = await db
    .selectFrom('composition_proposals')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('space_id', '=', spaceId)
    .executeTakeFirst()
  return Number(row?.n ?? 0) + 1
}

export async function setProposalStatus(
  db: Db,
  id: string,
  from: ProposalStatus[],
  values: {
    status: ProposalStatus
    submitted_at?: Date
    decided_at?: Date
    decided_by?: string
    decision_ref?: string
    effective_on?: Day
  },
): Promise<boolean> {
  const r = await db
    .updateTable('composition_proposals')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/** What waits for the managing authority, oldest first. */
export function listWaitingProposals(db: Db, page: Page) {
  return db
    .selectFrom('composition_proposals as c')
    .innerJoin('spaces as s', 's.id', 'c.space_id')
    .select(['c.id', 'c.number', 'c.submitted_at', 's.id as space_id', 's.name_pl', 's.name_en'])
    .select((eb) =>
      eb
        .selectFrom('composition_entries as e')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('e.proposal_id', '=', 'c.id')
        .as('entry_count'),
    )
    .where('c.status', '=', 'submitted')
    .orderBy('c.submitted_at')
    .orderBy('c.id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/** The managing authority's latest decisions, approvals and returns alike. */
export function listRecentDecisions(db: Db, limit: number) {
  return db
    .selectFrom('composition_events as e')
    .innerJoin('composition_proposals as c', 'c.id', 'e.proposal_id')
    .innerJoin('spaces as s', 's.id', 'c.space_id')
    .select([
      'c.id',
      'c.number',
      'e.action',
      'e.at',
      'c.decision_ref',
      's.id as space_id',
      's.name_pl',
      's.name_en',
    ])
    .where('e.action', 'in', ['approved', 'returned'])
    .orderBy('e.at', 'desc')
    .limit(limit)
    .execute()
}
