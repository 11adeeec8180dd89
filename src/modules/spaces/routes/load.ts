import type { FastifyReply, FastifyRequest } from 'fastify'
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
import type { Db } from '../db.ts'
import { IdParams } from '../schemas.ts'
import type { Space, SpaceWithAccess } from '../service.ts'
import * as spaces from '../service.ts'
import type { SpaceMay } from '../views/space-page.tsx'

/** What a route under `/spaces/:id` works with: the space, the person, their rights there. */
export interface InSpace {
  space: SpaceWithAccess
  actor: Actor
  may: SpaceMay
}

const entered = new WeakMap<FastifyRequest, InSpace>()

/**
 * The kernel's hook for every route that declares a `spacePermission` (kernel/http.tsx), run
 * before the body is read: the space in the address, for someone allowed to do the declared thing
 * in it. A space the person may not read is "not found" (a stranger learns nothing), one they read
 * but may not act in is 403. The handler then takes what was found with `inSpace`, so the check
 * and the declaration cannot differ.
 */
export async function enterSpace(req: FastifyRequest, permission: SpacePermission): Promise<void> {
  const { id } = IdParams.parse(req.params)
  const space = await spaces.requireSpace(req.db, req.actor, id)
  authorizeSpace(req.actor, permission, space.access)
  const actor: Actor = req.actor
  const may = Object.fromEntries(
    spacePermissions.map((p) => [p, spaceCan(actor, p, space.access)]),
  ) as SpaceMay
  entered.set(req, { space, actor, may })
}

/** The space the kernel entered for this request, with the route's declared permission checked. */
export function inSpace(req: FastifyRequest): InSpace {
  const found = entered.get(req)
  if (!found) throw new Error(`${req.method} ${req.routeOptions.url} declares no spacePermission`)
  return found
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
  const { space, may } = inSpace(req)
  const page = pageFrom(req.query, list.size)
  const { rows, hasNext } = pageOf(await list.load(req.db, space.id, page), page)
  const values = errors ? typedValues(req.body) : undefined
  return render(
    reply.code(errors ? 422 : 200),
    list.view({ ctx: viewContext(req, reply), space, may, rows, page, hasNext, values, errors }),
  )
}
