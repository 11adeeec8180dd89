// The thematic analysis: for every signed-in person; the secretariat keeps it as a network's material.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { RuleError } from '../../kernel/errors.ts'
import { typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import { unescaped } from '../../kernel/i18n.ts'
import { type Actor, authorize, can, readsEveryProject } from '../../kernel/policy.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import { listSpaceChoices } from '../spaces/service.ts'
import { type AnalysisFilters, analyse } from './analysis.ts'
import type { Db } from './db.ts'
import * as lists from './list-queries.ts'
import { KeepAnalysisForm, ProjectsQuery } from './schemas.ts'
import * as projects from './service.ts'
import { AnalysisPage } from './views/analysis-page.tsx'

/** The analysis's filters from the address (any other parameter is ignored). */
function analysisFilters(req: FastifyRequest): AnalysisFilters {
  const { theme, programme, period, status } = ProjectsQuery.parse(req.query)
  return { theme, programme, period, status }
}

/** The thematic analysis: for every signed-in person; the secretariat may keep it as a network's material. */
export async function analysisRoutes(app: FastifyInstance) {
  const analysisPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const db = req.db as Db
    const filters = analysisFilters(req)
    const mayKeep = can(req.actor, 'projects.manage')
    const publicOnly = !readsEveryProject(req.actor as Actor)
    const [analysis, choices, spaces] = await Promise.all([
      analyse(db, filters, publicOnly),
      lists.filterChoices(db),
      mayKeep ? listSpaceChoices(req.db) : null,
    ])
    return render(
      reply.code(errors ? 422 : 200),
      <AnalysisPage
        ctx={viewContext(req, reply)}
        analysis={analysis}
        filters={filters}
        publicOnly={publicOnly}
        choices={choices}
        spaces={spaces?.map((s) => ({ id: s.id, name: req.lang === 'en' ? s.name_en : s.name_pl })) ?? null}
        save={errors ? { values: typedValues(req.body), errors } : undefined}
      />,
    )
  }

  app.get('/projects/analysis', { config: { permission: 'projects.analysis' } }, async (req, reply) => {
    authorize(req.actor, 'projects.analysis')
    return analysisPage(req, reply)
  })

  app.post(
    '/projects/analysis/materials',
    { config: { permission: 'projects.manage' } },
    async (req, reply) => {
      authorize(req.actor, 'projects.manage')
      const actor = req.actor
      return submitForm(req, reply, KeepAnalysisForm, {
        act: async (form) => {
          const db = req.db as Db
          const space = (await listSpaceChoices(req.db)).find((s) => s.id === form.spaceId)
          if (!space) throw new RuleError('errors.choose', 'spaceId')
          const filters = analysisFilters(req)
          // The secretariat's: of every project.
          const [analysis, choices] = await Promise.all([
            analyse(db, filters, false),
            lists.filterChoices(db),
          ])
          return projects.keepAnalysis(db, app.storage, actor, {
            t: req.t,
            lang: req.lang,
            spaceId: space.id,
            analysis,
            choices,
            filters,
          })
        },
        again: (errors) => analysisPage(req, reply, errors),
        flash: (title) => req.t('projects.analysis.saved', { title, ...unescaped }),
        to: (_title) => `/projects/analysis#save`,
      })
    },
  )
}
