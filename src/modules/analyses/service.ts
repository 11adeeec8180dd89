// Commissioned analyses (issue item 10; seed 000: "zlecanie wykonania dodatkowych analiz"): the
// secretariat servicing a space orders an analysis from an expert (scope, deadline, budget, contract);
// the expert uploads it, as often as changes are asked; the secretariat accepts it, and the accepted
// file becomes a material of the space.
import { audit } from '../../kernel/audit.ts'
import { today } from '../../kernel/dates.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import type { Page } from '../../kernel/pagination.ts'
import { type Actor, canDeliver, readsEverySpace, spaceCan } from '../../kernel/policy.ts'
import { type FileKind, fileKinds, type LocalStorage } from '../../kernel/storage.ts'
import * as accounts from '../accounts/service.ts'
import * as materials from '../materials/service.ts'
import { notify } from '../notifications/service.ts'
import { requireSpace } from '../spaces/service.ts'
import type { Db } from './db.ts'
import * as q from './queries.ts'
import { type AnalysisEvent, maxDeliveries, nextStatus, orderProblem } from './rules.ts'
import type { AnalysesQuery, DeliveryForm, OrderForm, ReviewForm } from './schemas.ts'
import type { AnalysisStatus } from './tables.ts'

export type Order = q.OrderRow
export type Delivery = q.DeliveryRow
export type OrderSums = q.OrderSums

/** What an analysis is delivered as: a document, in an office format or PDF. */
export const analysisKinds: readonly FileKind[] = ['pdf', 'docx', 'odt']

/** An order of this space; one of another space, or none, is not found. */
export async function requireOrder(db: Db, spaceId: string, id: string): Promise<Order> {
  const o = await q.findOrder(db, id)
  if (!o || o.space_id !== spaceId) throw new NotFoundError()
  return o
}

/** An order as its expert sees it; to anyone else it does not exist. */
export async function requireOwnOrder(db: Db, actor: Actor, id: string): Promise<Order> {
  const o = await findOwnOrder(db, actor, id)
  if (!o) throw new NotFoundError()
  return o
}

export async function findOwnOrder(db: Db, actor: Actor, id: string): Promise<Order | undefined> {
  const o = await q.findOrder(db, id)
  return o && canDeliver(actor, o) ? o : undefined
}

/**
 * Where someone other than the expert reads an order that an expert's address (/analyses/:id) names,
 * when they may: the secretariat of its space, on the space's page of the order; otherwise none.
 */
export async function orderInSpaceFor(db: Db, actor: Actor, id: string): Promise<string | null> {
  const o = await q.findOrder(db, id)
  if (!o) return null
  const space = await requireSpace(db, actor, o.space_id)
  return spaceCan(actor, 'space.orders', space.access) ? `/spaces/${o.space_id}/analyses/${o.id}` : null
}

export const listDeliveries = q.listDeliveries

export function listExpertChoices(db: Db, spaceId: string) {
  return q.listExpertChoices(db, spaceId, today())
}

const spaceParams = (s: { name_pl: string; name_en: string }) => ({
  space_pl: s.name_pl,
  space_en: s.name_en,
})

/** The state an event leads to, or the rule it breaks (shown next to `field`). */
function advance(status: AnalysisStatus, event: AnalysisEvent, field?: string): AnalysisStatus {
  const next = nextStatus(status, event)
  if (!next) throw new RuleError(`analyses.errors.not.${event}`, field)
  return next
}

/** The secretariat orders an analysis; the expert is told at once. */
export async function orderAnalysis(
  db: Db,
  actor: Actor,
  space: { id: string; name_pl: string; name_en: string },
  input: OrderForm,
): Promise<string> {
  const problem = orderProblem(input, today())
  if (problem) throw new RuleError(problem.key, problem.field)
  const expert = await accounts.findPerson(db, input.expertId)
  if (!expert?.is_active || !(await q.isExpertChoice(db, space.id, today(), expert.id)))
    throw new RuleError('analyses.errors.expert', 'expertId')
  return db.transaction().execute(async (trx) => {
    const order = await trx
      .insertInto('analysis_orders')
      .values({
        space_id: space.id,
        title: input.title,
        scope: input.scope,
        deadline: input.deadline,
        budget_grosze: input.budget,
        expert_id: expert.id,
        contract_ref: input.contractRef,
        ordered_by: actor.id,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'analyses.ordered',
      subjectType: 'analysis',
      subjectId: order.id,
      details: {
        spaceId: space.id,
        title: input.title,
        deadline: input.deadline,
        budgetGrosze: input.budget,
        expertId: expert.id,
        contractRef: input.contractRef,
      },
    })
    await notify(trx, [expert.id], {
      kind: 'analysisOrdered',
      params: { title: input.title, ...spaceParams(space), deadlineDay: input.deadline },
      link: `/analyses/${order.id}`,
    })
    return order.id
  })
}

/**
 * The expert uploads the analysis (a first version, or a corrected one after changes were asked):
 * a new delivery, the order waits for review, and the space's secretary and the orderer are told.
 */
export async function deliverAnalysis(
  db: Db,
  storage: LocalStorage,
  actor: Actor,
  order: Order,
  input: DeliveryForm,
): Promise<number> {
  if (!canDeliver(actor, order)) throw new NotFoundError()
  advance(order.status, 'deliver', 'file')
  // The file is written before the transaction: a refused insert leaves at most an unreferenced
  // file, kept by its hash, and no row lock waits on the disk.
  const stored = await storage.put(
    db,
    { ...input.file, name: input.file.filename },
    { field: 'file', allowed: analysisKinds },
  )
  return db.transaction().execute(async (trx) => {
    const locked = await q.lockOrder(trx, order.id)
    const status = advance(locked.status, 'deliver', 'file')
    const version = await q.nextDeliveryVersion(trx, order.id)
    if (version > maxDeliveries) throw new RuleError('analyses.errors.tooManyDeliveries', 'file')
    await trx
      .insertInto('analysis_deliveries')
      .values({
        order_id: order.id,
        version,
        file_hash: stored.hash,
        kind: stored.kind,
        size_bytes: stored.sizeBytes,
        original_name: input.file.filename.slice(0, 255),
        note: input.note,
        delivered_by: actor.id,
      })
      .execute()
    await trx
      .updateTable('analysis_orders')
      .set({ status, updated_at: new Date() })
      .where('id', '=', order.id)
      .execute()
    await audit(trx, actor, {
      action: 'analyses.delivered',
      subjectType: 'analysis',
      subjectId: order.id,
      details: { version, hash: stored.hash, kind: stored.kind },
    })
    await notify(trx, [order.secretary_id ?? order.ordered_by, order.ordered_by], {
      kind: 'analysisDelivered',
      params: {
        title: order.title,
        ...spaceParams(order),
        expert: order.expert_name,
        version: String(version),
      },
      link: `/spaces/${order.space_id}/analyses/${order.id}`,
    })
    return version
  })
}

/**
 * The secretariat answers the last delivery: accepted, it becomes a material of the space (members
 * download it from there) linked to the order; otherwise it goes back to the expert with the comment.
 */
export async function reviewDelivery(
  db: Db,
  actor: Actor,
  order: Order,
  input: ReviewForm,
): Promise<AnalysisStatus> {
  const event: AnalysisEvent = input.decision === 'accept' ? 'accept' : 'requestChanges'
  if (event === 'requestChanges' && !input.comment)
    throw new RuleError('analyses.errors.commentRequired', 'comment')
  return db.transaction().execute(async (trx) => {
    const locked = await q.lockOrder(trx, order.id)
    const status = advance(locked.status, event)
    const delivery = await q.lastDelivery(trx, order.id)
    if (!delivery) throw new RuleError(`analyses.errors.not.${event}`)
    const now = new Date()
    await trx
      .updateTable('analysis_deliveries')
      .set({
        review: status === 'accepted' ? 'accepted' : 'changes_requested',
        review_comment: input.comment || null,
        reviewed_by: actor.id,
        reviewed_at: now,
      })
      .where('id', '=', delivery.id)
      .execute()
    let materialId: string | null = null
    if (status === 'accepted') {
      materialId = await materials.addSpaceMaterial(trx, actor, {
        spaceId: order.space_id,
        title: order.title,
        language: 'pl',
        stored: {
          hash: delivery.file_hash,
          kind: delivery.kind as FileKind,
          mimeType: fileKinds[delivery.kind as FileKind],
          sizeBytes: delivery.size_bytes,
        },
        originalName: delivery.original_name,
        uploadedBy: delivery.delivered_by,
        createdBy: actor.id,
      })
    }
    await trx
      .updateTable('analysis_orders')
      .set({ status, material_id: materialId, updated_at: now })
      .where('id', '=', order.id)
      .execute()
    await audit(trx, actor, {
      action: status === 'accepted' ? 'analyses.accepted' : 'analyses.changes-requested',
      subjectType: 'analysis',
      subjectId: order.id,
      details: { version: delivery.version, comment: input.comment, materialId },
    })
    await notify(trx, [order.expert_id], {
      kind: status === 'accepted' ? 'analysisAccepted' : 'analysisChangesRequested',
      params: { title: order.title, ...spaceParams(order), deadlineDay: order.deadline },
      link: `/analyses/${order.id}`,
    })
    return status
  })
}

/** The secretariat withdraws an order not yet accepted, saying why; the expert is told. */
export async function cancelOrder(db: Db, actor: Actor, order: Order, reason: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const locked = await q.lockOrder(trx, order.id)
    const status = advance(locked.status, 'cancel', 'reason')
    await trx
      .updateTable('analysis_orders')
      .set({ status, cancelled_by: actor.id, cancel_reason: reason, updated_at: new Date() })
      .where('id', '=', order.id)
      .execute()
    await audit(trx, actor, {
      action: 'analyses.cancelled',
      subjectType: 'analysis',
      subjectId: order.id,
      details: { from: locked.status, reason },
    })
    await notify(trx, [order.expert_id], {
      kind: 'analysisCancelled',
      params: { title: order.title, ...spaceParams(order) },
      link: `/analyses/${order.id}`,
    })
  })
}

/** One delivery's file of this order, with the name it is downloaded under: "Title (v2).pdf". */
export async function requireDeliveryFile(db: Db, order: Order, deliveryId: string) {
  const d = await q.findDelivery(db, order.id, deliveryId)
  if (!d) throw new NotFoundError()
  return { hash: d.file_hash, name: `${materials.fileNamePart(order.title)} (v${d.version}).${d.kind}` }
}

/** The secretariat's list and its sums; a network secretary's covers the spaces they service. */
export async function listForSecretariat(db: Db, actor: Actor, query: AnalysesQuery, page: Page) {
  const scope = readsEverySpace(actor) ? {} : { secretaryId: actor.id }
  const day = today()
  const [rows, sums] = await Promise.all([
    q.listOrders(db, scope, query, day, page),
    q.sumOrders(db, scope, query, day),
  ])
  return { rows, sums }
}

/** One space's orders and their sums, for those who order there. */
export async function listForSpace(db: Db, spaceId: string, query: AnalysesQuery, page: Page) {
  const day = today()
  const [rows, sums] = await Promise.all([
    q.listOrders(db, { spaceId }, query, day, page),
    q.sumOrders(db, { spaceId }, query, day),
  ])
  return { rows, sums }
}

/** The space's accepted analyses, as its members see them (materials, no money). */
export const listAccepted = q.listAccepted

/** The orders given to this expert. */
export function listMine(db: Db, actor: Actor, page: Page) {
  return q.listExpertOrders(db, actor.id, page)
}
