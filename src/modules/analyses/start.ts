// What waits in analyses, for a person's start page: an expert's orders to deliver (late ones
// first), and for the secretariat the deliveries waiting for its review. One statement at most.
import type { FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import { today } from '../../kernel/dates.ts'
import type { StartItem, StartSection } from '../../kernel/module.ts'
import { servicesEverySpace } from '../../kernel/policy.ts'
import type { ViewContext } from '../../kernel/views/context.ts'
import type { Db } from './db.ts'
import * as q from './queries.ts'
import { awaitingExpert } from './rules.ts'

export async function analysesStartSections(req: FastifyRequest, ctx: ViewContext): Promise<StartSection[]> {
  const actor = ctx.actor
  if (!actor) return []
  const db = req.db as Db
  const { t } = ctx
  const items: StartItem[] = []
  if (ctx.can('analyses.mine')) {
    const row = await db
      .selectFrom('analysis_orders')
      .select([
        sql<string>`count(*)`.as('owed'),
        sql<string>`count(*) filter (where deadline < ${today()}::date)`.as('late'),
      ])
      .where('expert_id', '=', actor.id)
      .where('status', 'in', awaitingExpert)
      .executeTakeFirstOrThrow()
    if (Number(row.late))
      items.push({
        text: t('analyses.start.late', { n: Number(row.late) }),
        href: '/analyses/mine',
        urgent: true,
      })
    if (Number(row.owed))
      items.push({ text: t('analyses.start.owed', { n: Number(row.owed) }), href: '/analyses/mine' })
  } else if (ctx.can('analyses.read')) {
    // Of the orders the secretariat's list shows this person, those delivered: its own filter's count.
    const scope = servicesEverySpace(actor) ? {} : { secretaryId: actor.id }
    const { count: n } = await q.sumOrders(db, scope, { status: 'delivered' }, today())
    if (n) items.push({ text: t('analyses.start.toReview', { n }), href: '/analyses?status=delivered' })
  }
  return [{ heading: t('analyses.start.heading'), items }]
}
