import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../../../kernel/db.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, viewContext } from '../../../kernel/http.tsx'
import { type Page, pageFrom, pageOf } from '../../../kernel/pagination.ts'
import {
  type Actor,
  authorizeSpace,
  type SpacePermission,
  spaceCan,
  spacePermissions,
} from '../../../kernel/policy.ts'
import type { ViewContext } from '../../../kernel/views/context.ts'
import type { FieldErrors, FormValues } from '../../../kernel/views/fields.tsx'
import { IdParams } from '../schemas.ts'
import type { Space } from '../service.ts'
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

/**
 * A route's preValidation hook: the space checked with the permission the route declares, before
 * the kernel reads an upload's body, so a file sent to a space the person may not change is
 * refused (403, or 404 to a stranger) without being read.
 */
export async function spaceFirst(req: FastifyRequest) {
  const permission = req.routeOptions.config.spacePermission
  if (!permission) throw new Error(`${req.routeOptions.url} declares no spacePermission`)
  await spaceFor(req, permission)
}

/** What a space's list page gets: the space, the person's rights there, a page of rows, a refused form. */
export interface SpaceListProps<Row> {
  ctx: ViewContext
  space: Space
  may: SpaceMay
  rows: Row[]
  page: Page
  hasNext: boolean
  values?: FormValues
  errors?: FieldErrors
}

/**
 * A space's paginated list page (members, schedule, rules, announcements); after a refused form on it,
 * the same page with 422, the typed values and the messages.
 */
export async function renderSpaceList<Row>(
  req: FastifyRequest,
  reply: FastifyReply,
  list: {
    size: number
    load: (db: Db, spaceId: string, page: Page) => Promise<Row[]>
    view: (p: SpaceListProps<Row>) => JSX.Element
  },
  errors?: FieldErrors,
) {
  const { space, may } = await spaceFor(req, 'space.read')
  const page = pageFrom(req.query, list.size)
  const { rows, hasNext } = pageOf(await list.load(req.db, space.id, page), page)
  const values = errors ? typedValues(req.body) : undefined
  return render(
    reply.code(errors ? 422 : 200),
    list.view({ ctx: viewContext(req, reply), space, may, rows, page, hasNext, values, errors }),
  )
}
