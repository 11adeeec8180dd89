// The administrator's page of the TERYT register: what it holds, and the import of a new TERC file.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { safeDay } from '../../../kernel/dates.ts'
import { fileField, parseForm, ruleErrors } from '../../../kernel/forms.ts'
import { render, setFlash, viewContext } from '../../../kernel/http.tsx'
import { authorize } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import type { Db } from '../db.ts'
import { voivodeshipCodes } from '../regions.ts'
import type { TercProblem } from './read.ts'
import * as terc from './service.ts'
import { RegionsPage } from './views/regions-page.tsx'
import { UnitsPage } from './views/units-page.tsx'

const TercForm = z.object({ file: fileField() })

/** Which voivodeship's units to list; none, or one Siatka does not know, lists none. */
const UnitsQuery = z.object({ voivodeship: z.enum(voivodeshipCodes).nullable().catch(null).default(null) })

export async function tercRoutes(app: FastifyInstance) {
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    refused?: { errors?: FieldErrors; problems?: TercProblem[]; problemCount?: number },
  ) =>
    render(
      reply.code(refused ? 422 : 200),
      <RegionsPage
        ctx={viewContext(req, reply)}
        summary={await terc.registerSummary(req.db as Db)}
        errors={
          refused?.errors ?? (refused?.problems ? { file: req.t('projects.terc.errors.rows') } : undefined)
        }
        problems={refused?.problems}
        problemCount={refused?.problemCount}
      />,
    )

  app.get('/projects/regions', { config: { permission: 'regions.import' } }, async (req, reply) => {
    authorize(req.actor, 'regions.import')
    return page(req, reply)
  })

  // Whoever reads projects looks up a place's TERYT code here for the schedule's form.
  app.get('/projects/regions/units', { config: { permission: 'projects.read' } }, async (req, reply) => {
    authorize(req.actor, 'projects.read')
    const { voivodeship } = UnitsQuery.parse(req.query)
    const units = voivodeship ? await terc.unitsOf(req.db as Db, voivodeship) : []
    return render(reply, <UnitsPage ctx={viewContext(req, reply)} voivodeship={voivodeship} units={units} />)
  })

  // The file is read only once the person is known to be the administrator.
  app.post(
    '/projects/regions',
    {
      config: { permission: 'regions.import', upload: true },
      preValidation: async (req) => {
        authorize(req.actor, 'regions.import')
      },
    },
    async (req, reply) => {
      authorize(req.actor, 'regions.import')
      const form = parseForm(TercForm, req.body, req.t, req.lang)
      if (!form.ok) return page(req, reply, { errors: form.errors })
      let outcome: terc.TercOutcome
      try {
        outcome = await terc.importTerc(req.db as Db, req.actor, form.data.file)
      } catch (err) {
        return page(req, reply, { errors: ruleErrors(err, req.t) })
      }
      if (!outcome.ok)
        return page(req, reply, { problems: outcome.problems, problemCount: outcome.problemCount })
      setFlash(
        reply,
        req.t('projects.terc.imported', { date: safeDay(outcome.stateOn, req.lang), count: outcome.units }),
      )
      return reply.redirect('/projects/regions', 303)
    },
  )
}
