// The administrator's page of the funds' marks (their official files in place of the placeholders),
// and the public address each given file is drawn from.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { NotFoundError } from '../../../kernel/errors.ts'
import { fileField, typedValues } from '../../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../../kernel/http.tsx'
import { authorize } from '../../../kernel/policy.ts'
import type { Db } from '../db.ts'
import { RemoveForm } from '../schemas.ts'
import * as marks from './service.ts'
import { MarksPage, type MarksRefused } from './views/marks-page.tsx'

const MarkForm = z.object({
  slot: z.string({ error: 'errors.choose' }).min(1, { error: 'errors.choose' }).max(100),
  file: fileField(),
})
const MarkParams = z.object({ file: z.string().regex(/^[0-9a-f]{64}\.png$/) })

export async function markRoutes(app: FastifyInstance) {
  const page = async (req: FastifyRequest, reply: FastifyReply, refused?: Omit<MarksRefused, 'values'>) => {
    const db = req.db as Db
    const [slots, files] = await Promise.all([marks.markSlots(db), marks.markFiles(db)])
    return render(
      reply.code(refused ? 422 : 200),
      <MarksPage
        ctx={viewContext(req, reply)}
        periods={slots}
        files={files}
        refused={refused ? { ...refused, values: typedValues(req.body) } : undefined}
      />,
    )
  }

  app.get('/projects/marks', { config: { permission: 'marks.manage' } }, async (req, reply) => {
    authorize(req.actor, 'marks.manage')
    return page(req, reply)
  })

  // The file is read only once the person is known to be the administrator.
  app.post(
    '/projects/marks',
    {
      config: { permission: 'marks.manage', upload: true },
      preValidation: async (req) => {
        authorize(req.actor, 'marks.manage')
      },
    },
    async (req, reply) => {
      authorize(req.actor, 'marks.manage')
      const actor = req.actor
      return submitForm(req, reply, MarkForm, {
        act: (form) => marks.saveMark(req.db as Db, app.storage, actor, form.slot, form.file),
        again: (errors) => page(req, reply, { form: 'mark', errors }),
        flash: req.t('projects.marks.saved'),
        to: '/projects/marks',
      })
    },
  )

  app.post('/projects/marks/remove', { config: { permission: 'marks.manage' } }, async (req, reply) => {
    authorize(req.actor, 'marks.manage')
    const actor = req.actor
    return submitForm(req, reply, RemoveForm, {
      act: (form) => marks.removeMark(req.db as Db, actor, form.rowId),
      again: (errors) => page(req, reply, { form: 'remove', errors }),
      flash: req.t('projects.marks.removed'),
      to: '/projects/marks',
    })
  })

  // A given mark's file, for the public pages' strip (only files given as marks are sent here).
  app.get('/funded-projects/marks/:file', { config: { permission: 'public' } }, async (req, reply) => {
    const parsed = MarkParams.safeParse(req.params)
    if (!parsed.success) throw new NotFoundError()
    const hash = parsed.data.file.slice(0, 64)
    if (!(await marks.isMarkFile(req.db as Db, hash))) throw new NotFoundError()
    return app.storage.send(req.db, reply, hash, parsed.data.file)
  })
}
