import type { FastifyRequest } from 'fastify'
import type { SpacePermission } from '../../kernel/policy.ts'
import { spaceFor } from '../spaces/index.ts'
import { MeetingParams } from './schemas.ts'
import { requireMeeting } from './service.ts'

/**
 * The one loader of a page under `/spaces/:id/meetings/:itemId`: the space as `spaceFor` gives it
 * (404 to a stranger, 403 without `permission`) and the meeting, which must belong to it.
 */
export async function meetingFor(req: FastifyRequest, permission: SpacePermission) {
  const { itemId } = MeetingParams.parse(req.params)
  const found = await spaceFor(req, permission)
  return { ...found, meeting: await requireMeeting(req.db, found.space.id, itemId) }
}
