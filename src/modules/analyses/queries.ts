// Commissioned analyses' tables. The space's name and people's names are joined read-only for
// display, as the translations' list does (DESIGN.md).
import { sql } from 'kysely'
import type { Day } from '../../kernel/dates.ts'
import type { Page } from '../../kernel/pagination.ts'
import { currentOn, membershipRows, spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import { awaitingExpert, inProgressStatuses } from './rules.ts'
import type { AnalysesQuery } from './schemas.ts'

/** An order with what its pages and lists show: the space's names, the expert's and the orderer's. */
function ordersWithNames(db: Db) {
  return db
    .selectFrom('analysis_orders as o')
    .innerJoin(spaceRows(db).as('s'), 's.id', 'o.space_id')
    .innerJoin('people as e', 'e.id', 'o.expert_id')
    .innerJoin('people as b', 'b.id', 'o.ordered_by')
    .select([
      'o.id',
      'o.space_id',
      'o.title',
      'o.scope',
      'o.deadline',
      'o.budget_grosze',
      'o.expert_id',
      'o.contract_ref',
      'o.status',
      'o.material_id',
      'o.ordered_by',
      'o.ordered_at',
      'o.updated_at',
      'o.cancel_reason',
      's.name_pl',
      's.name_en',
      's.secretary_id',
      'e.name as expert_name',
      'e.email as expert_email',
      'b.name as ordered_by_name',
    ])
}
export type OrderRow = NonNullable<Awaited<ReturnType<typeof findOrder>>>

export function findOrder(db: Db, id: string) {
  return ordersWithNames(db).where('o.id', '=', id).executeTakeFirst()
}

/** The row, locked until the transaction ends: a delivery and a cancellation at once, one wins. */
export function lockOrder(trx: Db, id: string) {
  return trx
    .selectFrom('analysis_orders')
    .select(['id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow()
}

/** An order's deliveries, first to last, with who delivered and who reviewed (an order has a handful). */
export function listDeliveries(db: Db, orderId: string) {
  return db
    .selectFrom('analysis_deliveries as d')
    .innerJoin('people as p', 'p.id', 'd.delivered_by')
    .leftJoin('people as r', 'r.id', 'd.reviewed_by')
    .select([
      'd.id',
      'd.version',
      'd.file_hash',
      'd.kind',
      'd.size_bytes',
      'd.original_name',
      'd.note',
      'd.delivered_at',
      'd.review',
      'd.review_comment',
      'd.reviewed_at',
      'p.name as delivered_by_name',
      'r.name as reviewed_by_name',
    ])
    .where('d.order_id', '=', orderId)
    .orderBy('d.version')
    .limit(100)
    .execute()
}
export type DeliveryRow = Awaited<ReturnType<typeof listDeliveries>>[number]

export function findDelivery(db: Db, orderId: string, deliveryId: string) {
  return db
    .selectFrom('analysis_deliveries')
    .selectAll()
    .where('order_id', '=', orderId)
    .where('id', '=', deliveryId)
    .executeTakeFirst()
}

/** The delivery waiting for review (the last one), locked with its order. */
export function lastDelivery(trx: Db, orderId: string) {
  return trx
    .selectFrom('analysis_deliveries')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst()
}

export async function nextDeliveryVersion(db: Db, orderId: string): Promise<number> {
  const row = await db
    .selectFrom('analysis_deliveries')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('order_id', '=', orderId)
    .executeTakeFirst()
  return Number(row?.v ?? 0) + 1
}

/** Whose orders a list shows: one space's, those of the spaces a secretary services, or all. */
export interface Scope {
  spaceId?: string
  secretaryId?: string
}

function scoped(db: Db, scope: Scope, query: AnalysesQuery, today: Day) {
  let q = ordersWithNames(db)
  if (scope.spaceId) q = q.where('o.space_id', '=', scope.spaceId)
  if (scope.secretaryId) q = q.where('s.secretary_id', '=', scope.secretaryId)
  if (query.status === 'late') q = q.where('o.status', 'in', awaitingExpert).where('o.deadline', '<', today)
  else if (query.status) q = q.where('o.status', '=', query.status)
  return q
}

/** A page of orders, newest first. */
export function listOrders(db: Db, scope: Scope, query: AnalysesQuery, today: Day, page: Page) {
  return scoped(db, scope, query, today)
    .orderBy('o.ordered_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/**
 * The sums over every order the filter selects (not only the page shown): how many, the budget
 * committed (cancelled orders commit nothing), of it accepted and still in progress, in grosze.
 */
export async function sumOrders(db: Db, scope: Scope, query: AnalysesQuery, today: Day) {
  const inProgress = sql.join(inProgressStatuses.map((s) => sql.lit(s)))
  const row = await scoped(db, scope, query, today)
    .clearSelect()
    .select([
      sql<number>`count(*)::int`.as('count'),
      sql<number>`coalesce(sum(o.budget_grosze) filter (where o.status <> 'cancelled'), 0)::bigint`.as(
        'committed',
      ),
      sql<number>`coalesce(sum(o.budget_grosze) filter (where o.status = 'accepted'), 0)::bigint`.as(
        'accepted',
      ),
      sql<number>`coalesce(sum(o.budget_grosze) filter (where o.status in (${inProgress})), 0)::bigint`.as(
        'in_progress',
      ),
    ])
    .executeTakeFirstOrThrow()
  return {
    count: Number(row.count),
    committed: Number(row.committed),
    accepted: Number(row.accepted),
    inProgress: Number(row.in_progress),
  }
}
export type OrderSums = Awaited<ReturnType<typeof sumOrders>>

/** A page of a space's accepted analyses, for its members: what became a material, newest first. */
export function listAccepted(db: Db, spaceId: string, page: Page) {
  return db
    .selectFrom('analysis_orders as o')
    .innerJoin('people as e', 'e.id', 'o.expert_id')
    .select(['o.id', 'o.title', 'o.material_id', 'o.updated_at', 'e.name as expert_name'])
    .where('o.space_id', '=', spaceId)
    .where('o.status', '=', 'accepted')
    .orderBy('o.updated_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/** A page of the orders an expert has been given, newest first. */
export function listExpertOrders(db: Db, expertId: string, page: Page) {
  return ordersWithNames(db)
    .where('o.expert_id', '=', expertId)
    .orderBy('o.ordered_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}

/**
 * Whom an analysis may be ordered from: experts (by their account, or by their seat in the space)
 * first, then the people who sit in the space; never an account with neither (the managing
 * authority, an administrator).
 */
function expertChoices(db: Db, spaceId: string, today: Day) {
  const seat = (role?: string) => sql<boolean>`exists (select 1 from ${membershipRows(db)} m
    where m.space_id = ${spaceId} and m.person_id = p.id ${role ? sql`and m.role = ${role}` : sql``}
    and ${currentOn(today)})`
  const isExpert = sql<boolean>`(p.role = 'expert' or ${seat('expert')})`
  return db
    .selectFrom('people as p')
    .select(['p.id', 'p.name', 'p.email', isExpert.as('is_expert')])
    .where('p.is_active', '=', true)
    .where(sql<boolean>`(p.role = 'expert' or ${seat()})`)
}

export function listExpertChoices(db: Db, spaceId: string, today: Day) {
  return expertChoices(db, spaceId, today)
    .orderBy('is_expert', 'desc')
    .orderBy(sql`siatka_fold(p.name)`)
    .orderBy('p.id')
    .limit(500)
    .execute()
}

/** Whether an analysis may be ordered from this person in this space (listExpertChoices). */
export async function isExpertChoice(db: Db, spaceId: string, today: Day, personId: string) {
  return (
    (await expertChoices(db, spaceId, today).where('p.id', '=', personId).executeTakeFirst()) !== undefined
  )
}
