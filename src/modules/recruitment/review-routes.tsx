// The staff's review of a recruitment's applications: the list, one application (its view
// audited) with its check and points, each group's ranking and the decisions, and the participants
// for the monitoring system. Each page decided by the recruitment's own rule before the body is read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { today } from '../../kernel/dates.ts'
import { sendTable } from '../../kernel/exports.ts'
import { parseForm, ruleErrors, typedValues } from '../../kernel/forms.ts'
import { render, setFlash, viewContext } from '../../kernel/http.tsx'
import { cursorOf, keysetPageOf } from '../../kernel/pagination.ts'
import { authorizeRecruitment, recruitmentCan } from '../../kernel/policy.ts'
import { sealer as makeSealer } from '../../kernel/sealed.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import type { Db } from './db.ts'
import { fieldsOf, filesOf } from './fields.ts'
import { managedRecruitment, perRecruitment } from './load.ts'
import * as review from './review.ts'
import { ApplicationParams, ApplicationsQuery, CheckForm, DecideForm, FileParams } from './schemas.ts'
import * as service from './service.ts'
import { ApplicationPage } from './views/application-page.tsx'
import { ApplicationsPage } from './views/applications-page.tsx'
import { RankingPage } from './views/ranking-page.tsx'

/** The staff's applications on one page. */
const applicationsSize = 50

export async function reviewRoutes(app: FastifyInstance, config: Config) {
  const sealer = makeSealer(config.dataKey)
  const context = () => service.contextAt(config.baseUrl, new Date())

  app.get('/recruitments/:recruitmentId/applications', perRecruitment, async (req, reply) => {
    const { r } = await managedRecruitment(req)
    const query = ApplicationsQuery.parse(req.query)
    const [rows, counts] = await Promise.all([
      review.applicationsPage(req.db as Db, r.id, query, applicationsSize),
      review.stateCounts(req.db as Db, r.id),
    ])
    const page = keysetPageOf(rows, applicationsSize, (last) => cursorOf(last.submitted_at as Date, last.id))
    return render(
      reply,
      <ApplicationsPage
        ctx={viewContext(req, reply)}
        r={r}
        query={query}
        rows={page.rows}
        next={page.next}
        counts={counts}
      />,
    )
  })

  const applicationPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors?: FieldErrors,
    errorForm?: 'check' | 'points',
  ) => {
    const { r, actor } = await managedRecruitment(req)
    const { applicationId } = ApplicationParams.parse(req.params)
    const a = await review.applicationForStaff(req.db as Db, actor, r, applicationId, sealer)
    return render(
      reply.code(errors ? 422 : 200),
      <ApplicationPage
        ctx={viewContext(req, reply)}
        r={r}
        a={a}
        fields={await fieldsOf(req.db as Db, r.id)}
        files={await filesOf(req.db as Db, a.id)}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
        errorForm={errorForm}
      />,
    )
  }

  app.get('/recruitments/:recruitmentId/applications/:applicationId', perRecruitment, async (req, reply) =>
    applicationPage(req, reply),
  )

  // A file an application attached: its project's staff alone, each download audited as a view.
  app.get(
    '/recruitments/:recruitmentId/applications/:applicationId/files/:fieldId',
    perRecruitment,
    async (req, reply) => {
      const { r, actor } = await managedRecruitment(req)
      const { applicationId, fieldId } = FileParams.parse(req.params)
      const file = await review.fileForStaff(req.db as Db, actor, r.id, applicationId, fieldId)
      return app.storage.send(req.db, reply, file.file_hash, file.original_name)
    },
  )

  app.post(
    '/recruitments/:recruitmentId/applications/:applicationId/check',
    perRecruitment,
    async (req, reply) => {
      const { r, actor } = await managedRecruitment(req)
      const { applicationId } = ApplicationParams.parse(req.params)
      const form = parseForm(CheckForm, req.body, req.t, req.lang)
      if (!form.ok) return applicationPage(req, reply, form.errors, 'check')
      try {
        await review.checkByStaff(req.db as Db, actor, r, applicationId, form.data.decision, form.data.reason)
      } catch (err) {
        return applicationPage(req, reply, ruleErrors(err, req.t), 'check')
      }
      setFlash(reply, req.t('recruitment.staff.checked'))
      return reply.redirect(`/recruitments/${r.id}/applications/${applicationId}`, 303)
    },
  )

  app.post(
    '/recruitments/:recruitmentId/applications/:applicationId/points',
    perRecruitment,
    async (req, reply) => {
      const { r, actor } = await managedRecruitment(req)
      const { applicationId } = ApplicationParams.parse(req.params)
      const body = (req.body ?? {}) as Record<string, unknown>
      const manual: Record<string, number> = {}
      const errors: FieldErrors = {}
      for (const c of r.criteria.filter((x) => x.rule === 'manual')) {
        const v = typeof body[`points-${c.id}`] === 'string' ? (body[`points-${c.id}`] as string).trim() : ''
        if (!/^\d{1,3}$/.test(v) || Number(v) > c.points)
          errors[`points-${c.id}`] = req.t('recruitment.errors.tooManyPoints', { max: c.points })
        else manual[c.id] = Number(v)
      }
      if (Object.keys(errors).length) return applicationPage(req, reply, errors, 'points')
      const a = await review.applicationForStaff(req.db as Db, actor, r, applicationId, sealer)
      try {
        await review.givePoints(req.db as Db, actor, r, a, manual)
      } catch (err) {
        return applicationPage(req, reply, ruleErrors(err, req.t), 'points')
      }
      setFlash(reply, req.t('recruitment.staff.scored'))
      return reply.redirect(`/recruitments/${r.id}/applications/${applicationId}`, 303)
    },
  )

  // The participants for the monitoring system, PESEL and all: the staff the recruitment names.
  for (const format of ['csv', 'xlsx'] as const)
    app.get(`/recruitments/:recruitmentId/participants.${format}`, perRecruitment, async (req, reply) => {
      const { r, actor } = await managedRecruitment(req)
      authorizeRecruitment(actor, 'recruitment.pesel', service.accessOf(r))
      const { headers, pages } = await review.participantPages(req.db as Db, actor, r, sealer)
      return sendTable(reply, format, {
        fileName: `${req.t('recruitment.export.file')}-${today()}.${format}`,
        sheetName: req.t('recruitment.export.sheet'),
        headers,
        pages,
      })
    })

  const rankingPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { r } = await managedRecruitment(req)
    return render(
      reply.code(errors ? 422 : 200),
      <RankingPage
        ctx={viewContext(req, reply)}
        r={r}
        lists={await review.rankings(req.db as Db, r)}
        mayExport={recruitmentCan(req.actor, 'recruitment.pesel', service.accessOf(r))}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  app.get('/recruitments/:recruitmentId/ranking', perRecruitment, async (req, reply) =>
    rankingPage(req, reply),
  )

  app.post('/recruitments/:recruitmentId/decide', perRecruitment, async (req, reply) => {
    const { r, actor } = await managedRecruitment(req)
    const form = parseForm(DecideForm, req.body, req.t, req.lang)
    if (!form.ok) return rankingPage(req, reply, form.errors)
    let count: number
    try {
      count = await review.decide(req.db as Db, actor, r, form.data.supportStartsOn, context())
    } catch (err) {
      return rankingPage(req, reply, ruleErrors(err, req.t))
    }
    setFlash(reply, req.t('recruitment.ranking.decided', { count }))
    return reply.redirect(`/recruitments/${r.id}/ranking`, 303)
  })
}
