// The public face of the networks: what the secretariat chose to publish, per space.
import type { FastifyInstance } from 'fastify'
import { addDays, today } from '../../../kernel/dates.ts'
import { NotFoundError } from '../../../kernel/errors.ts'
import { viewContext } from '../../../kernel/http.tsx'
import type { ModuleContext } from '../../../kernel/module.ts'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import { spaceCan } from '../../../kernel/policy.ts'
import { renderPublic } from '../../../kernel/public-pages.ts'
import { IdParams } from '../schemas.ts'
import * as spaces from '../service.ts'
import { PublicSpacePage, PublicSpacesPage } from '../views/public-pages.tsx'

export async function publicRoutes(app: FastifyInstance, { modules }: Pick<ModuleContext, 'modules'>) {
  // Kept for anonymous visitors until what they show changes (kernel/public-pages.ts).
  app.get('/networks', { config: { permission: 'public' } }, async (req, reply) =>
    renderPublic(
      req,
      reply,
      async () => {
        const page = pageFrom(req.query)
        const { rows, hasNext } = pageOf(await spaces.listPublicSpaces(req.db, page), page)
        return <PublicSpacesPage ctx={viewContext(req, reply)} rows={rows} page={page} hasNext={hasNext} />
      },
      { data: true },
    ),
  )

  app.get('/networks/:id', { config: { permission: 'public' } }, async (req, reply) =>
    renderPublic(
      req,
      reply,
      async () => {
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
        return (
          <PublicSpacePage
            ctx={ctx}
            space={space}
            chair={chair}
            organisations={organisations}
            schedule={schedule}
            safeSections={sections}
            canEnter={spaceCan(req.actor, 'space.read', space.access)}
          />
        )
      },
      { data: true },
    ),
  )
}
