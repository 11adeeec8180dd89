// The public face of the networks: what the secretariat chose to publish, per space.
import type { FastifyInstance } from 'fastify'
import { addDays, today } from '../../../kernel/dates.ts'
import { NotFoundError } from '../../../kernel/errors.ts'
import { render, viewContext } from '../../../kernel/http.tsx'
import type { ModuleContext } from '../../../kernel/module.ts'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import { spaceCan } from '../../../kernel/policy.ts'
import { IdParams } from '../schemas.ts'
import * as spaces from '../service.ts'
import { PublicSpacePage, PublicSpacesPage } from '../views/public-pages.tsx'

export async function publicRoutes(app: FastifyInstance, { modules }: Pick<ModuleContext, 'modules'>) {
  app.get('/networks', { config: { permission: 'public' } }, async (req, reply) => {
    const page = pageFrom(req.query)
    const { rows, hasNext } = pageOf(await spaces.listPublicSpaces(req.db, page), page)
    // Rendered per request, not kept like the static public pages: the secretariat changes what is
    // published, and a kept copy would go on showing what it withdrew.
    return render(
      reply,
      <PublicSpacesPage ctx={viewContext(req, reply)} rows={rows} page={page} hasNext={hasNext} />,
    )
  })

  app.get('/networks/:id', { config: { permission: 'public' } }, async (req, reply) => {
    const { id } = IdParams.parse(req.params)
    const space = await spaces.requireSpace(req.db, req.actor, id)
    if (!space.is_public) throw new NotFoundError()
    const ctx = viewContext(req, reply)
    const [chair, organisations, schedule, ...sections] = await Promise.all([
      space.public_chair ? spaces.findChair(req.db, space.id, today()) : undefined,
      space.public_members ? spaces.listMemberOrganisations(req.db, space.id, today()) : [],
      space.public_schedule
        ? spaces.listScheduleBetween(req.db, space.id, addDays(today(), -30), addDays(today(), 365), 50)
        : [],
      // What other modules publish of this network (meetings: the study visits' reports).
      ...modules.map((m) => m.publicSpaceSection?.(req, ctx, space) ?? ''),
    ])
    return render(
      reply,
      <PublicSpacePage
        ctx={ctx}
        space={space}
        chair={chair}
        organisations={organisations}
        schedule={schedule}
        safeSections={sections}
        canEnter={spaceCan(req.actor, 'space.read', space.access)}
      />,
    )
  })
}
