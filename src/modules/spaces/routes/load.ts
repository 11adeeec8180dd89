import type { FastifyRequest } from 'fastify'
import {
  type Actor,
  authorizeSpace,
  type SpacePermission,
  spaceCan,
  spacePermissions,
} from '../../../kernel/policy.ts'
import { IdParams } from '../schemas.ts'
import * as spaces from '../service.ts'
import type { SpaceMay } from '../views/space-page.tsx'

/**
 * The space in the address, for someone allowed to do `permission` in it: a space the person may
 * not read is "not found" (a stranger learns nothing), one they read but may not change is 403.
 */
export async function spaceFor(req: FastifyRequest, permission: SpacePermission) {
  const { id } = IdParams.parse(req.params)
  const space = await spaces.requireSpace(req.db, req.actor, id)
  authorizeSpace(req.actor, permission, space.access)
  const actor: Actor = req.actor
  const may = Object.fromEntries(
    spacePermissions.map((p) => [p, spaceCan(actor, p, space.access)]),
  ) as SpaceMay
  return { space, actor, may }
}
