import type { FastifyRequest } from 'fastify'
import { inSpace } from '../spaces/index.ts'
import { MeetingParams } from './schemas.ts'
import { requireMeeting } from './service.ts'

/**
 * The one loader of a page under `/spaces/:id/meetings/:itemId`: the space the kernel entered with
 * the route's declared permission (`inSpace`) and the meeting, which must belong to it. Whether a
 * person may act on a meeting is decided by their rights in its space alone.
 */
export async function meetingFor(req: FastifyRequest) {
  const { itemId } = MeetingParams.parse(req.params)
  const found = inSpace(req)
  return { ...found, meeting: await requireMeeting(req.db, found.space.id, itemId) }
}
