// Recruitment: the public list and a recruitment's page (kept for visitors), asking for the link to
// the form, the applicant's own page by that link (the form, a draft, sending, withdrawing); the
// staff's pages (opening and changing a recruitment, publishing it, the applications, one
// application with its check and points, the ranking lists and the decisions). The one policy
// decides each: a recruitment's own pages in a hook before the body is read.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { today } from '../../kernel/dates.ts'
import { DocumentForm, RemoveDocumentForm } from '../../kernel/documents.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import { parseForm, ruleErrors, typedValues } from '../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../kernel/http.tsx'
import { translateKey, unescaped } from '../../kernel/i18n.ts'
import { pageFrom, pageOf } from '../../kernel/pagination.ts'
import { authorize, can } from '../../kernel/policy.ts'
import { renderPublic } from '../../kernel/public-pages.ts'
import { sealer as makeSealer } from '../../kernel/sealed.ts'
import { DocumentsPage } from '../../kernel/views/documents.tsx'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import { voivodeshipName } from '../projects/index.ts'
import * as applications from './applications.ts'
import type { Db } from './db.ts'
import { addDocument, documentsOf, removeDocument } from './documents.ts'
import { addField, fieldsOf, filesOf, removeField } from './fields.ts'
import { managedRecruitment, perRecruitment, perRecruitmentUpload } from './load.ts'
import { reviewRoutes } from './review-routes.tsx'
import {
  ApplyForm,
  DocumentParams,
  FieldForm,
  FieldParams,
  PaperForm,
  RecruitmentForm,
  RecruitmentParams,
  TokenParams,
} from './schemas.ts'
import * as service from './service.ts'
import { ApplicationFormPage, GonePage } from './views/application-form-page.tsx'
import { ApplyPage, CheckMailPage } from './views/apply-page.tsx'
import { FieldsPage } from './views/fields-page.tsx'
import { ManagePage } from './views/manage-page.tsx'
import { PaperPage } from './views/paper-page.tsx'
import { RecruitmentFormPage } from './views/recruitment-form-page.tsx'
import { RecruitmentPage } from './views/recruitment-page.tsx'
import { RecruitmentsPage } from './views/recruitments-page.tsx'

const read = { config: { permission: 'recruitment.read' } } as const
const open = { config: { permission: 'recruitment.open' } } as const
const byLink = { config: { permission: 'public' } } as const

const listSize = 25

/** A recruitment's form filled from the recruitment. */
function formValuesOf(r: service.Recruitment) {
  const values: Record<string, unknown> = {
    projectId: r.project_id,
    title: r.title,
    scope: r.scope,
    whoMayApply: r.who_may_apply,
    howToApply: r.how_to_apply,
    documents: r.documents,
    contact: r.contact,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    esfVersion: r.esf_version,
    region: r.voivodeship ?? '',
    minAge: r.min_age === null ? '' : String(r.min_age),
    maxAge: r.max_age === null ? '' : String(r.max_age),
    tieBreak: r.tie_break,
    retentionUntil: r.retention_until,
    peselReaders: r.pesel_readers,
  }
  r.groups.forEach((g, i) => {
    values[`groupId${i + 1}`] = g.id
    values[`group${i + 1}`] = g.name
    values[`places${i + 1}`] = String(g.places)
  })
  r.criteria.forEach((c, i) => {
    values[`criterion${i + 1}`] = c.label
    values[`rule${i + 1}`] = c.rule
    values[`points${i + 1}`] = String(c.points)
  })
  return values
}

/** The form's problems as messages beside their fields, in the person's language. */
const problemsOf = (
  req: FastifyRequest,
  problems: Record<string, { key: string; params?: Record<string, string | number> }>,
): FieldErrors =>
  Object.fromEntries(
    Object.entries(problems).map(([field, p]) => [field, translateKey(req.t, p.key, p.params)]),
  )

export async function recruitmentRoutes(app: FastifyInstance, config: Config) {
  const sealer = makeSealer(config.dataKey)
  const context = () => service.contextAt(config.baseUrl, new Date())
  const recruitmentOf = (req: FastifyRequest) =>
    service.findRecruitment(
      req.db as Db,
      RecruitmentParams.parse(req.params).recruitmentId,
      req.actor?.id ?? null,
    )

  app.get('/recruitments', read, async (req, reply) => {
    const page = pageFrom(req.query, listSize)
    const make = async () => {
      const rows = pageOf(await service.publishedPage(req.db as Db, page.offset, page.size), page)
      return (
        <RecruitmentsPage
          ctx={viewContext(req, reply)}
          rows={rows.rows}
          page={page}
          hasNext={rows.hasNext}
          today={today()}
          mayOpen={can(req.actor, 'recruitment.open')}
        />
      )
    }
    return req.actor ? render(reply, await make()) : renderPublic(req, reply, make, { data: true })
  })

  app.get('/recruitments/manage', open, async (req, reply) => {
    authorize(req.actor, 'recruitment.open')
    const page = pageFrom(req.query, listSize)
    const [rows, projects] = await Promise.all([
      service.staffRecruitments(req.db as Db, req.actor.id, page.offset, page.size),
      service.projectsOf(req.db as Db, req.actor.id),
    ])
    const shown = pageOf(rows, page)
    return render(
      reply,
      <ManagePage
        ctx={viewContext(req, reply)}
        rows={shown.rows}
        page={page}
        hasNext={shown.hasNext}
        today={today()}
        mayOpen={projects.length > 0}
      />,
    )
  })

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    projects: service.StaffProject[],
    r?: service.Recruitment,
    errors?: FieldErrors,
  ) =>
    render(
      reply.code(errors ? 422 : 200),
      <RecruitmentFormPage
        ctx={viewContext(req, reply)}
        recruitment={r}
        projects={projects}
        values={
          errors
            ? typedValues(req.body)
            : r
              ? formValuesOf(r)
              : { esfVersion: 'cst2021', tieBreak: 'submitted', projectId: projects[0]?.id ?? '' }
        }
        errors={errors}
      />,
    )

  app.get('/recruitments/new', open, async (req, reply) => {
    authorize(req.actor, 'recruitment.open')
    return formPage(req, reply, await service.projectsOf(req.db as Db, req.actor.id))
  })

  app.post('/recruitments/new', open, async (req, reply) => {
    authorize(req.actor, 'recruitment.open')
    const actor = req.actor
    const projects = await service.projectsOf(req.db as Db, actor.id)
    return submitForm(req, reply, RecruitmentForm, {
      act: (form) => service.saveRecruitment(req.db as Db, actor, form, projects, null),
      again: (errors) => formPage(req, reply, projects, undefined, errors),
      flash: req.t('recruitment.manage.created'),
      to: (created) => `/recruitments/${created.id}`,
    })
  })

  app.get('/recruitments/:recruitmentId', read, async (req, reply) => {
    const page = async () => {
      const r = await recruitmentOf(req)
      const documents = await documentsOf(req.db as Db, r.id)
      return (
        <RecruitmentPage
          ctx={viewContext(req, reply)}
          r={r}
          documents={documents}
          today={today()}
          manage={r.staff}
        />
      )
    }
    return req.actor ? render(reply, await page()) : renderPublic(req, reply, page, { data: true })
  })

  // Its documents: anyone who reads the recruitment downloads them; its staff add and remove them.
  app.get('/recruitments/:recruitmentId/documents/:documentId', read, async (req, reply) => {
    const r = await recruitmentOf(req)
    const { documentId } = DocumentParams.parse(req.params)
    const doc = (await documentsOf(req.db as Db, r.id)).find((d) => d.id === documentId)
    if (!doc) throw new NotFoundError()
    return app.storage.send(req.db, reply, doc.file_hash, doc.original_name)
  })

  const documentsPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { r } = await managedRecruitment(req)
    return render(
      reply.code(errors ? 422 : 200),
      <DocumentsPage
        ctx={viewContext(req, reply)}
        title={req.t('recruitment.documents.title', { title: r.title, ...unescaped })}
        intro={req.t('recruitment.documents.intro')}
        section="recruitments-manage"
        back={{ href: `/recruitments/${r.id}`, label: r.title }}
        base={`/recruitments/${r.id}/documents`}
        documents={await documentsOf(req.db as Db, r.id)}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  // The staff's own questions on the form.
  const fieldsPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { r } = await managedRecruitment(req)
    return render(
      reply.code(errors ? 422 : 200),
      <FieldsPage
        ctx={viewContext(req, reply)}
        r={r}
        fields={await fieldsOf(req.db as Db, r.id)}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  app.get('/recruitments/:recruitmentId/fields', perRecruitment, async (req, reply) => fieldsPage(req, reply))

  app.post('/recruitments/:recruitmentId/fields', perRecruitment, async (req, reply) => {
    const { r, actor } = await managedRecruitment(req)
    return submitForm(req, reply, FieldForm, {
      act: (form) => addField(req.db as Db, actor, r.id, form),
      again: (errors) => fieldsPage(req, reply, errors),
      flash: req.t('recruitment.fields.added'),
      to: `/recruitments/${r.id}/fields`,
    })
  })

  app.post('/recruitments/:recruitmentId/fields/:fieldId/remove', perRecruitment, async (req, reply) => {
    const { r, actor } = await managedRecruitment(req)
    const { fieldId } = FieldParams.parse(req.params)
    try {
      await removeField(req.db as Db, actor, r.id, fieldId)
    } catch (err) {
      return fieldsPage(req, reply, ruleErrors(err, req.t))
    }
    setFlash(reply, req.t('recruitment.fields.removed'))
    return reply.redirect(`/recruitments/${r.id}/fields`, 303)
  })

  app.get('/recruitments/:recruitmentId/documents', perRecruitment, async (req, reply) =>
    documentsPage(req, reply),
  )

  app.post('/recruitments/:recruitmentId/documents', perRecruitmentUpload, async (req, reply) => {
    const { r, actor } = await managedRecruitment(req)
    return submitForm(req, reply, DocumentForm, {
      act: (form) => addDocument(req.db as Db, app.storage, actor, r.id, form),
      again: (errors) => documentsPage(req, reply, errors),
      flash: req.t('documents.added'),
      to: `/recruitments/${r.id}/documents`,
    })
  })

  app.post('/recruitments/:recruitmentId/documents/remove', perRecruitment, async (req, reply) => {
    const { r, actor } = await managedRecruitment(req)
    return submitForm(req, reply, RemoveDocumentForm, {
      act: (form) => removeDocument(req.db as Db, actor, r.id, form.documentId),
      again: (errors) => documentsPage(req, reply, errors),
      flash: req.t('documents.removed'),
      to: `/recruitments/${r.id}/documents`,
    })
  })

  app.get('/recruitments/:recruitmentId/edit', perRecruitment, async (req, reply) => {
    const { r, actor } = await managedRecruitment(req)
    return formPage(req, reply, await service.projectsOf(req.db as Db, actor.id), r)
  })

  app.post('/recruitments/:recruitmentId/edit', perRecruitment, async (req, reply) => {
    const { r, actor } = await managedRecruitment(req)
    const projects = await service.projectsOf(req.db as Db, actor.id)
    return submitForm(req, reply, RecruitmentForm, {
      act: (form) => service.saveRecruitment(req.db as Db, actor, form, projects, r),
      again: (errors) => formPage(req, reply, projects, r, errors),
      flash: req.t('recruitment.manage.changed'),
      to: `/recruitments/${r.id}`,
    })
  })

  app.post('/recruitments/:recruitmentId/publish', perRecruitment, async (req, reply) => {
    const { r, actor } = await managedRecruitment(req)
    await service.publish(req.db as Db, actor, r)
    setFlash(reply, req.t('recruitment.manage.published'))
    return reply.redirect(`/recruitments/${r.id}`, 303)
  })

  // Asking for the link to the form: anyone, with an address; a bot gets the same answer and nothing.
  const applyPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    r: service.Recruitment,
    errors?: FieldErrors,
  ) =>
    render(
      reply.code(errors ? 422 : 200),
      <ApplyPage
        ctx={viewContext(req, reply)}
        r={r}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  const notTaking = (req: FastifyRequest, reply: FastifyReply, r: service.Recruitment) => {
    setFlash(reply, req.t('recruitment.errors.closed'))
    return reply.redirect(`/recruitments/${r.id}`, 303)
  }

  app.get(
    '/recruitments/:recruitmentId/apply',
    { config: { permission: 'recruitment.apply' } },
    async (req, reply) => {
      const r = await recruitmentOf(req)
      if (!r.published_at || service.applicationWindowOf(r, today()) !== 'open')
        return notTaking(req, reply, r)
      return applyPage(req, reply, r)
    },
  )

  app.post(
    '/recruitments/:recruitmentId/apply',
    {
      config: {
        permission: 'recruitment.apply',
        rateLimit: { max: config.rateLimits.invitation, timeWindow: config.rateLimits.windowMs },
      },
    },
    async (req, reply) => {
      const r = await recruitmentOf(req)
      if (!r.published_at) return notTaking(req, reply, r)
      const form = parseForm(ApplyForm, req.body, req.t, req.lang)
      if (!form.ok) return applyPage(req, reply, r, form.errors)
      if (form.data.website) return render(reply, <CheckMailPage ctx={viewContext(req, reply)} r={r} />)
      try {
        await applications.startApplication(req.db as Db, r, form.data.email, req.lang, context())
      } catch (err) {
        return applyPage(req, reply, r, ruleErrors(err, req.t))
      }
      return render(reply, <CheckMailPage ctx={viewContext(req, reply)} r={r} />)
    },
  )

  // The applicant's own page: whoever holds the link (it came to the address) acts on the application.
  const ownPage = async (req: FastifyRequest, reply: FastifyReply, token: string, errors?: FieldErrors) => {
    const found = await service.applicationByToken(req.db as Db, token)
    if (!found) return render(reply.code(404), <GonePage ctx={viewContext(req, reply)} />)
    return render(
      reply.code(errors ? 422 : 200),
      <ApplicationFormPage
        ctx={viewContext(req, reply)}
        token={token}
        r={found.recruitment}
        a={found.application}
        today={today()}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
        keptPesel={service.keptPesel(sealer, found.application)}
        fields={await fieldsOf(req.db as Db, found.recruitment.id)}
        files={await filesOf(req.db as Db, found.application.id)}
      />,
    )
  }

  app.get('/recruitments/applications/:token', byLink, async (req, reply) =>
    ownPage(req, reply, TokenParams.parse(req.params).token),
  )

  // The form may carry a file (a question asking for one): read only once the link is found.
  const byLinkUpload = {
    config: { permission: 'public', upload: true },
    preValidation: async (req: FastifyRequest) => {
      if (!(await service.applicationByToken(req.db as Db, TokenParams.parse(req.params).token)))
        throw new NotFoundError()
    },
  } as const

  app.post('/recruitments/applications/:token', byLinkUpload, async (req, reply) => {
    const { token } = TokenParams.parse(req.params)
    const body = (req.body ?? {}) as Record<string, unknown>
    const send = body.action === 'send'
    let saved: applications.Saved
    try {
      saved = await applications.saveApplication(
        req.db as Db,
        sealer,
        app.storage,
        token,
        body,
        send,
        voivodeshipName,
        context(),
      )
    } catch (err) {
      return ownPage(req, reply, token, ruleErrors(err, req.t))
    }
    if (!saved.sent && Object.keys(saved.problems).length) {
      return ownPage(req, reply, token, {
        _form: req.t(send ? 'recruitment.own.notSent' : 'recruitment.own.draftTooLong'),
        ...problemsOf(req, saved.problems),
      })
    }
    setFlash(reply, req.t(saved.sent ? 'recruitment.own.sent' : 'recruitment.own.saved'))
    return reply.redirect(`/recruitments/applications/${token}`, 303)
  })

  app.post('/recruitments/applications/:token/withdraw', byLink, async (req, reply) => {
    const { token } = TokenParams.parse(req.params)
    const done = await applications.withdraw(req.db as Db, token, context())
    if (done) setFlash(reply, req.t('recruitment.own.withdrawn'))
    return reply.redirect(`/recruitments/applications/${token}`, 303)
  })

  const paperPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { r } = await managedRecruitment(req)
    return render(
      reply.code(errors ? 422 : 200),
      <PaperPage
        ctx={viewContext(req, reply)}
        r={r}
        fields={await fieldsOf(req.db as Db, r.id)}
        values={errors ? typedValues(req.body) : { receivedOn: today() }}
        errors={errors}
      />,
    )
  }

  app.get('/recruitments/:recruitmentId/applications/new', perRecruitment, async (req, reply) =>
    paperPage(req, reply),
  )

  app.post('/recruitments/:recruitmentId/applications/new', perRecruitment, async (req, reply) => {
    const { r, actor } = await managedRecruitment(req)
    const body = (req.body ?? {}) as Record<string, unknown>
    const form = parseForm(PaperForm, body, req.t, req.lang)
    // The paper's own fields refused: the questions' problems are shown beside theirs too.
    if (!form.ok)
      return paperPage(req, reply, {
        ...problemsOf(req, applications.paperProblems(r, body, today(), voivodeshipName)),
        ...form.errors,
      })
    let outcome: Awaited<ReturnType<typeof applications.enterPaper>>
    try {
      outcome = await applications.enterPaper(
        req.db as Db,
        sealer,
        actor,
        r,
        body,
        { receivedOn: form.data.receivedOn, email: form.data.email, lang: req.lang },
        voivodeshipName,
        context(),
      )
    } catch (err) {
      return paperPage(req, reply, ruleErrors(err, req.t))
    }
    if ('problems' in outcome) return paperPage(req, reply, problemsOf(req, outcome.problems))
    setFlash(reply, req.t('recruitment.paper.saved'))
    return reply.redirect(`/recruitments/${r.id}/applications/${outcome.id}`, 303)
  })

  await reviewRoutes(app, config)
}
