// Importing projects from a spreadsheet: the secretariat; a preview first, then the confirmation.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../../kernel/errors.ts'
import { ruleErrors } from '../../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../../kernel/http.tsx'
import { authorize } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import type { Db } from '../db.ts'
import * as q from '../queries.ts'
import { ImportForm, ProjectParams } from '../schemas.ts'
import * as imports from './service.ts'
import { ImportPage } from './views/import-page.tsx'
import { ImportPreviewPage, sampleSize } from './views/import-preview-page.tsx'

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
