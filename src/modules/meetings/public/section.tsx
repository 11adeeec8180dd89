// What the meetings module publishes on a network's public page: its meetings told of (coming, and
// held in the last year) with the materials made public, its decisions from approved minutes, and
// its study visits' published reports.
import type { FastifyRequest } from 'fastify'
import type { PublicSpace } from '../../../kernel/module.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import { listPublicMaterials } from '../../materials/service.ts'
import type { Db } from '../db.ts'
import { listPublicReports } from '../visits/service.ts'
import { publicVisitReports } from '../visits/views/public-visit-reports.tsx'
import { listPublicDecisions, listPublicMeetings } from './queries.ts'
import { PublicDecisions, PublicMeetings } from './views/public-meetings.tsx'

const yearMs = 365 * 24 * 3600_000

export async function publicMeetingsSection(req: FastifyRequest, ctx: ViewContext, space: PublicSpace) {
  const db: Db = req.db
  const now = new Date()
  const [meetings, decisions, reports] = await Promise.all([
    listPublicMeetings(db, space.id, {
      since: new Date(now.getTime() - yearMs),
      schedulePublic: space.public_schedule,
      limit: 30,
    }),
    listPublicDecisions(db, space.id, 20),
    listPublicReports(db, space.id, 20),
  ])
  const materials = await listPublicMaterials(
    req.db,
    meetings.map((m) => m.id),
  )
  return (
    <>
      <PublicMeetings ctx={ctx} spaceId={space.id} meetings={meetings} materials={materials} now={now} />
      <PublicDecisions ctx={ctx} decisions={decisions} />
      {publicVisitReports(ctx, space.id, reports)}
    </>
  )
}
