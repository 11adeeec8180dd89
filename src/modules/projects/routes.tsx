// The portfolio of funded projects: the list (keyset pages) and a project's page. The secretariat
// and the managing authority read every project; project staff their own (policy: projectCan).
import { buffer } from 'node:stream/consumers'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { Config } from '../../config.ts'
import { today } from '../../kernel/dates.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import { attachment, sendTable, type TableFormat } from '../../kernel/exports.ts'
import { parseForm, ruleErrors, typedValues } from '../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../kernel/http.tsx'
import { type MessageKey, translateKey, unescaped } from '../../kernel/i18n.ts'
import { type Actor, authorize, can, type ProjectPermission, readsEveryProject } from '../../kernel/policy.ts'
import { renderPublic } from '../../kernel/public-pages.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import * as accounts from '../accounts/service.ts'
import { listSpaceChoices } from '../spaces/service.ts'
import { type AnalysisFilters, analyse } from './analysis.ts'
import type { Db } from './db.ts'
import { SteeringForm } from './groups/schemas.ts'
import * as groups from './groups/service.ts'
import * as imports from './import/service.ts'
import { ImportPage } from './import/views/import-page.tsx'
import { ImportPreviewPage, sampleSize } from './import/views/import-preview-page.tsx'
import { type FoundProject, projectFor } from './load.ts'
import { stripFiles } from './marks/service.ts'
import { newsPage, projectDocuments } from './news/service.ts'
import { projectPosterPdf } from './poster.ts'
import type { ProjectRow } from './queries.ts'
import * as q from './queries.ts'
import { scheduleExcerpt } from './schedule/service.ts'
import {
  ContactForm,
  HistoryQuery,
  ImportForm,
  IndicatorForm,
  KeepAnalysisForm,
  PartnerForm,
  ProjectForm,
  ProjectParams,
  ProjectsQuery,
  RemoveForm,
  ReportForm,
  StaffForm,
  TargetGroupForm,
} from './schemas.ts'
import * as projects from './service.ts'
import { reportProgress } from './service.ts'
import { sheetHeaders, sheetRow } from './spreadsheet.ts'
import { AnalysisPage } from './views/analysis-page.tsx'
import type { MarkFile } from './views/logo-strip.tsx'
import { ProjectFormPage } from './views/project-form-page.tsx'
import { ProjectHistoryPage } from './views/project-history-page.tsx'
import { ProjectPage } from './views/project-page.tsx'
import { type PartForm, ProjectPartsPage } from './views/project-parts-page.tsx'
import { ProjectsPage } from './views/projects-page.tsx'
import { PublicProjectPage, publicNewsExcerpt } from './views/public-project-page.tsx'

/** The activities a public project page shows of its schedule. */
const publicScheduleExcerpt = 5

/** Projects a list page shows. */
export const projectsPageSize = 25

/** A keyset page of the list: the rows shown, and where "more" continues (null on the last page). */
async function listPage(req: FastifyRequest, scope: ListScope, query: ProjectsQuery) {
  const db = req.db as Db
  const [rows, choices] = await Promise.all([
    q.listProjects(db, scope, query, query.after, projectsPageSize),
    q.filterChoices(db, scope.publicOnly),
  ])
  const shown = rows.slice(0, projectsPageSize)
  const last = shown.at(-1)
  return {
    rows: shown,
    next: rows.length > projectsPageSize && last ? `${q.cursorKey(last, query.sort)}_${last.id}` : null,
    continued: query.after !== null,
    query,
    choices,
  }
}

type ListScope = Parameters<typeof q.listProjects>[1]

/** Rows a spreadsheet reads from the database at a time. */
const exportPageSize = 500

/** The list as a CSV or XLSX file, in its order and filters, written a page at a time. */
function sendProjects(
  req: FastifyRequest,
  reply: FastifyReply,
  scope: ListScope,
  query: ProjectsQuery,
  format: TableFormat,
) {
  const db = req.db as Db
  async function* pages() {
    let after = null as ProjectsQuery['after']
    for (;;) {
      const rows = await q.listProjects(db, scope, query, after, exportPageSize)
      const page = rows.slice(0, exportPageSize)
      const details = new Map(
        (
          await q.exportDetails(
            db,
            page.map((r) => r.id),
          )
        ).map((d) => [d.id, d]),
      )
      yield page.map((r) => sheetRow(req.t, format, r, details.get(r.id)))
      const last = page.at(-1)
      if (rows.length <= exportPageSize || !last) return
      after = { key: q.cursorKey(last, query.sort), id: last.id }
    }
  }
  return sendTable(reply.header('cache-control', 'private, no-store'), format, {
    fileName: `${req.t('projects.sheet.file')}-${today()}.${format}`,
    sheetName: req.t('projects.title'),
    headers: sheetHeaders(req.t),
    pages: pages(),
  })
}

export async function projectRoutes(app: FastifyInstance, { config }: { config: Config }) {
  app.get('/projects', { config: { permission: 'projects.read' } }, async (req, reply) => {
    authorize(req.actor, 'projects.read')
    const staffOnly = !readsEveryProject(req.actor)
    const scope = { staffOf: staffOnly ? req.actor.id : null }
    const query = ProjectsQuery.parse(req.query)
    if (query.format) return sendProjects(req, reply, scope, query, query.format)
    const page = await listPage(req, scope, query)
    return render(
      reply,
      <ProjectsPage
        ctx={viewContext(req, reply)}
        kind={staffOnly ? 'staff' : 'portfolio'}
        mayCreate={can(req.actor, 'projects.manage')}
        {...page}
      />,
    )
  })

  // The public site's projects: those published, kept for anonymous visitors until they change
  // (kernel/public-pages.ts).
  app.get('/funded-projects', { config: { permission: 'public' } }, async (req, reply) =>
    renderPublic(
      req,
      reply,
      async () => (
        <ProjectsPage
          ctx={viewContext(req, reply)}
          kind="public"
          mayCreate={false}
          {...(await listPage(
            req,
            { staffOf: null, publicOnly: true },
            { ...ProjectsQuery.parse(req.query), format: null },
          ))}
        />
      ),
      { data: true },
    ),
  )

  app.get('/funded-projects/:id', { config: { permission: 'public' } }, async (req, reply) =>
    renderPublic(
      req,
      reply,
      async () => {
        const { id } = ProjectParams.parse(req.params)
        const project = await q.findProject(req.db as Db, id, null)
        if (!project?.is_public) throw new NotFoundError()
        const db = req.db as Db
        const [schedule, posts, documents, marks] = await Promise.all([
          scheduleExcerpt(db, project.id, today(), publicScheduleExcerpt),
          newsPage(db, project.id, null, publicNewsExcerpt),
          projectDocuments(db, project.id, true),
          stripFiles(db, project),
        ])
        return (
          <PublicProjectPage
            ctx={viewContext(req, reply)}
            project={project}
            schedule={schedule}
            news={posts}
            documents={documents}
            marks={marks}
          />
        )
      },
      { data: true },
    ),
  )

  const projectPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    found: FoundProject,
    errors?: FieldErrors,
  ) =>
    render(
      reply.code(errors ? 422 : 200),
      <ProjectPage
        ctx={viewContext(req, reply)}
        project={found.project}
        mayReport={found.mayReport}
        mayEdit={found.mayEdit}
        report={errors ? { values: typedValues(req.body), errors } : undefined}
      />,
    )

  app.get('/projects/:id', { config: { permission: 'projects.read' } }, async (req, reply) =>
    projectPage(req, reply, await projectFor(req, 'project.read')),
  )

  // The information poster to print and hang where the project is run; its staff print it before
  // the project is published too, so it is inside, for whoever reads the project.
  app.get('/projects/:id/poster.pdf', { config: { permission: 'projects.read' } }, async (req, reply) => {
    const { project } = await projectFor(req, 'project.read')
    const files = await stripFiles(req.db as Db, project)
    const marks = new Map<string, MarkFile & { bytes: Buffer }>()
    for (const [slot, f] of files)
      marks.set(slot, { ...f, bytes: await buffer(app.storage.open(f.file_hash)) })
    const pdf = await projectPosterPdf(
      req.t,
      req.lang,
      project,
      project.is_public ? `${config.baseUrl}/funded-projects/${project.id}` : null,
      marks,
    )
    return reply
      .header('content-type', 'application/pdf')
      .header(
        'content-disposition',
        attachment(`${req.t('projects.poster.file')}-${project.acronym || project.id}.pdf`),
      )
      .header('cache-control', 'private, no-store')
      .send(pdf)
  })

  app.post('/projects/:id/reports', { config: { permission: 'projects.read' } }, async (req, reply) => {
    const found = await projectFor(req, 'project.report')
    return submitForm(req, reply, ReportForm, {
      act: (form) => reportProgress(req.db as Db, found.actor, found.project, form),
      again: (errors) => projectPage(req, reply, found, errors),
      flash: req.t('projects.reported'),
      to: `/projects/${found.project.id}#indicators`,
    })
  })

  // Adding a project and changing its facts: one form, checked whole; a save over a version someone
  // else replaced shows both.
  const choices = async (req: FastifyRequest): Promise<projects.FormChoices> => {
    const db = req.db as Db
    const [programmes, themes, organisations] = await Promise.all([
      q.programmeChoices(db),
      q.themeChoices(db),
      accounts.listOrganisationChoices(req.db),
    ])
    return { programmes, themes, organisations }
  }

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    project: ProjectRow | undefined,
    extra: { errors?: FieldErrors; conflict?: ProjectRow; form?: ProjectForm } = {},
  ) => {
    const c = await choices(req)
    const refused = extra.errors !== undefined || extra.conflict !== undefined
    const theirs = extra.conflict
    return render(
      reply.code(refused ? (theirs ? 409 : 422) : 200),
      <ProjectFormPage
        ctx={viewContext(req, reply)}
        project={project}
        choices={c}
        values={refused ? typedValues(req.body) : undefined}
        errors={extra.errors}
        conflict={
          theirs && extra.form
            ? { theirs, differences: projects.conflictDifferences(theirs, extra.form, c) }
            : undefined
        }
      />,
    )
  }

  app.get('/projects/new', { config: { permission: 'projects.manage' } }, async (req, reply) => {
    authorize(req.actor, 'projects.manage')
    return formPage(req, reply, undefined)
  })

  app.post('/projects', { config: { permission: 'projects.manage' } }, async (req, reply) => {
    authorize(req.actor, 'projects.manage')
    const actor = req.actor
    return submitForm(req, reply, ProjectForm, {
      act: async (form) => projects.createProject(req.db as Db, actor, form, await choices(req)),
      again: (errors) => formPage(req, reply, undefined, { errors }),
      flash: req.t('projects.form.created'),
      to: (row) => `/projects/${row.id}/parts`,
    })
  })

  app.get('/projects/:id/edit', { config: { permission: 'projects.read' } }, async (req, reply) => {
    const found = await projectFor(req, 'project.edit')
    return formPage(req, reply, found.project)
  })

  app.post('/projects/:id/edit', { config: { permission: 'projects.read' } }, async (req, reply) => {
    const found = await projectFor(req, 'project.edit')
    const form = parseForm(ProjectForm, req.body, req.t, req.lang)
    if (!form.ok) return formPage(req, reply, found.project, { errors: form.errors })
    let outcome: projects.SaveOutcome
    try {
      outcome = await projects.saveProject(
        req.db as Db,
        found.actor,
        found.project,
        form.data,
        await choices(req),
      )
    } catch (err) {
      return formPage(req, reply, found.project, { errors: ruleErrors(err, req.t) })
    }
    if (!outcome.saved)
      return formPage(req, reply, outcome.theirs, { conflict: outcome.theirs, form: form.data })
    setFlash(reply, req.t('projects.form.saved'))
    return reply.redirect(`/projects/${found.project.id}`, 303)
  })

  // The project's lists: partners, target groups, indicators (its staff and the secretariat) and
  // the staff itself (the secretariat alone).
  const partsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    found: FoundProject,
    refused?: { form: PartForm; errors: FieldErrors },
  ) => {
    const db = req.db as Db
    const [organisations, staff, steering] = await Promise.all([
      accounts.listOrganisationChoices(req.db),
      found.mayStaff ? q.projectStaff(db, found.project.id) : null,
      // The steering committees (spaces the secretariat services, some private): its choice.
      found.mayStaff ? groups.steeringChoices(db) : null,
    ])
    return render(
      reply.code(refused ? 422 : 200),
      <ProjectPartsPage
        ctx={viewContext(req, reply)}
        project={found.project}
        organisations={organisations}
        staff={staff}
        steering={steering}
        refused={refused ? { ...refused, values: typedValues(req.body) } : undefined}
      />,
    )
  }

  app.get('/projects/:id/parts', { config: { permission: 'projects.read' } }, async (req, reply) =>
    partsPage(req, reply, await projectFor(req, 'project.edit')),
  )

  /** One change of a list on the parts page: its form, the change, the message, back to its section. */
  const partRoute = <S extends Parameters<typeof submitForm>[2]>(
    path: string,
    permission: ProjectPermission,
    form: PartForm,
    schema: S,
    section: string,
    flash: MessageKey,
    act: (req: FastifyRequest, found: FoundProject, data: z.output<S>) => Promise<unknown>,
  ) =>
    app.post(`/projects/:id/${path}`, { config: { permission: 'projects.read' } }, async (req, reply) => {
      const found = await projectFor(req, permission)
      return submitForm(req, reply, schema, {
        act: (data) => act(req, found, data),
        again: (errors) => partsPage(req, reply, found, { form, errors }),
        flash: translateKey(req.t, flash),
        to: `/projects/${found.project.id}/parts#${section}`,
      })
    })

  partRoute(
    'partners',
    'project.edit',
    'partner',
    PartnerForm,
    'partners',
    'projects.parts.partnerAdded',
    async (req, f, data) =>
      projects.addPartner(
        req.db as Db,
        f.actor,
        f.project,
        data,
        await accounts.listOrganisationChoices(req.db),
      ),
  )
  partRoute(
    'steering',
    'project.staff',
    'steering',
    SteeringForm,
    'steering',
    'projects.groups.steeringSaved',
    (req, f, data) => groups.setSteering(req.db as Db, f.actor, f.project, data.spaceId),
  )
  partRoute(
    'partners/remove',
    'project.edit',
    'remove',
    RemoveForm,
    'partners',
    'projects.parts.partnerRemoved',
    (req, f, data) => projects.removePartner(req.db as Db, f.actor, f.project, data.rowId),
  )
  partRoute(
    'groups',
    'project.edit',
    'group',
    TargetGroupForm,
    'groups',
    'projects.parts.groupAdded',
    (req, f, data) => projects.addTargetGroup(req.db as Db, f.actor, f.project, data),
  )
  partRoute(
    'groups/remove',
    'project.edit',
    'remove',
    RemoveForm,
    'groups',
    'projects.parts.groupRemoved',
    (req, f, data) => projects.removeTargetGroup(req.db as Db, f.actor, f.project, data.rowId),
  )
  partRoute(
    'indicators',
    'project.edit',
    'indicator',
    IndicatorForm,
    'indicators',
    'projects.parts.indicatorAdded',
    (req, f, data) => projects.addIndicator(req.db as Db, f.actor, f.project, data),
  )
  partRoute(
    'indicators/remove',
    'project.edit',
    'remove',
    RemoveForm,
    'indicators',
    'projects.parts.indicatorRemoved',
    (req, f, data) => projects.removeIndicator(req.db as Db, f.actor, f.project, data.rowId),
  )
  partRoute(
    'contacts',
    'project.edit',
    'contact',
    ContactForm,
    'contacts',
    'projects.parts.contactAdded',
    (req, f, data) => projects.addContact(req.db as Db, f.actor, f.project, data),
  )
  partRoute(
    'contacts/remove',
    'project.edit',
    'remove',
    RemoveForm,
    'contacts',
    'projects.parts.contactRemoved',
    (req, f, data) => projects.removeContact(req.db as Db, f.actor, f.project, data.rowId),
  )
  partRoute(
    'staff',
    'project.staff',
    'staff',
    StaffForm,
    'staff',
    'projects.parts.staffAdded',
    async (req, f, data) => {
      const db = req.db as Db
      const person = (await q.projectStaff(db, f.project.id)).find(
        (s) => s.id === data.personId && !s.on_staff,
      )
      if (!person) throw new RuleError('errors.choose', 'personId')
      return projects.setStaff(db, f.actor, f.project, person, true)
    },
  )
  partRoute(
    'staff/remove',
    'project.staff',
    'remove',
    RemoveForm,
    'staff',
    'projects.parts.staffRemoved',
    async (req, f, data) => {
      const db = req.db as Db
      const person = (await q.projectStaff(db, f.project.id)).find((s) => s.id === data.rowId && s.on_staff)
      if (!person) throw new RuleError('errors.choose')
      return projects.setStaff(db, f.actor, f.project, person, false)
    },
  )

  app.get('/projects/:id/history', { config: { permission: 'projects.read' } }, async (req, reply) => {
    const found = await projectFor(req, 'project.read')
    const { before } = HistoryQuery.parse(req.query)
    const rows = await q.projectRevisions(req.db as Db, found.project.id, before, historyPageSize)
    const shown = rows.slice(0, historyPageSize)
    const last = shown.at(-1)
    return render(
      reply,
      <ProjectHistoryPage
        ctx={viewContext(req, reply)}
        project={found.project}
        revisions={shown}
        older={rows.length > historyPageSize && last ? `${last.at_key}_${last.id}` : null}
        continued={before !== null}
      />,
    )
  })
}

/** Saves a history page shows. */
export const historyPageSize = 30

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
      q.filterChoices(db),
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
          const [analysis, choices] = await Promise.all([analyse(db, filters, false), q.filterChoices(db)])
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

/** Importing projects from a spreadsheet: the secretariat, a preview first, then the confirmation. */
export async function importRoutes(app: FastifyInstance) {
  app.get('/projects/import', { config: { permission: 'projects.manage' } }, async (req, reply) => {
    authorize(req.actor, 'projects.manage')
    return render(reply, <ImportPage ctx={viewContext(req, reply)} />)
  })

  // The file is read only once the person is known to be of the secretariat.
  app.post(
    '/projects/import',
    {
      config: { permission: 'projects.manage', upload: true },
      preValidation: async (req) => {
        authorize(req.actor, 'projects.manage')
      },
    },
    async (req, reply) => {
      authorize(req.actor, 'projects.manage')
      const actor = req.actor
      return submitForm(req, reply, ImportForm, {
        act: (form) => imports.prepareImport(req.db as Db, app.storage, actor, form.file),
        again: (errors) =>
          render(reply.code(422), <ImportPage ctx={viewContext(req, reply)} errors={errors} />),
        flash: req.t('projects.import.readDone'),
        to: (id) => `/projects/import/${id}`,
      })
    },
  )

  const previewPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    authorize(req.actor, 'projects.manage')
    const { id } = ProjectParams.parse(req.params)
    const prepared = await imports.findImport(req.db as Db, id, sampleSize)
    if (!prepared) throw new NotFoundError()
    const programmes = new Map(
      (await q.programmeChoices(req.db as Db)).map((m) => [m.id, `${m.programme_code} ${m.code}`]),
    )
    return {
      prepared,
      page: () =>
        render(
          reply.code(errors ? 422 : 200),
          <ImportPreviewPage
            ctx={viewContext(req, reply)}
            prepared={prepared}
            programmes={programmes}
            errors={errors}
          />,
        ),
    }
  }

  app.get('/projects/import/:id', { config: { permission: 'projects.manage' } }, async (req, reply) =>
    (await previewPage(req, reply)).page(),
  )

  app.post(
    '/projects/import/:id/confirm',
    { config: { permission: 'projects.manage' } },
    async (req, reply) => {
      const { prepared } = await previewPage(req, reply)
      authorize(req.actor, 'projects.manage')
      const actor = req.actor
      let saved: number
      try {
        saved = await imports.confirmImport(req.db as Db, actor, prepared)
      } catch (err) {
        return (await previewPage(req, reply, ruleErrors(err, req.t))).page()
      }
      setFlash(reply, req.t('projects.import.imported', { n: saved }))
      return reply.redirect('/projects', 303)
    },
  )
}
