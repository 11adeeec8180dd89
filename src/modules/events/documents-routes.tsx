// An event's documents: anyone who reads the event downloads them; whoever runs it adds and removes them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { DocumentForm, RemoveDocumentForm } from '../../kernel/documents.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import { typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import { unescaped } from '../../kernel/i18n.ts'
import { authorize } from '../../kernel/policy.ts'
import { DocumentsPage } from '../../kernel/views/documents.tsx'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import type { Db } from './db.ts'
import { addDocument, documentsOf, removeDocument } from './documents.ts'
import { managedEvent, perEvent, perEventUpload } from './load.ts'
import { DocumentParams } from './schemas.ts'

export async function documentRoutes(app: FastifyInstance) {
  app.get(
    '/events/:eventId/documents/:documentId',
    { config: { permission: 'events.read' } },
    async (req, reply) => {
      const { eventId, documentId } = DocumentParams.parse(req.params)
      const doc = (await documentsOf(req.db as Db, eventId)).find((d) => d.id === documentId)
      if (!doc) throw new NotFoundError()
      return app.storage.send(req.db, reply, doc.file_hash, doc.original_name)
    },
  )

  const documentsPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { event } = await managedEvent(req)
    return render(
      reply.code(errors ? 422 : 200),
      <DocumentsPage
        ctx={viewContext(req, reply)}
        title={req.t('events.documents.title', { event: event.title, ...unescaped })}
        intro={req.t('events.documents.intro')}
        section="events"
        back={{ href: `/events/${event.id}`, label: event.title }}
        base={`/events/${event.id}/documents`}
        documents={await documentsOf(req.db as Db, event.id)}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  app.get('/events/:eventId/documents', perEvent, async (req, reply) => documentsPage(req, reply))

  app.post('/events/:eventId/documents', perEventUpload, async (req, reply) => {
    const { event, actor } = await managedEvent(req)
    authorize(actor, 'signedIn')
    return submitForm(req, reply, DocumentForm, {
      act: (form) => addDocument(req.db as Db, app.storage, actor, event.id, form),
      again: (errors) => documentsPage(req, reply, errors),
      flash: req.t('documents.added'),
      to: `/events/${event.id}/documents`,
    })
  })

  app.post('/events/:eventId/documents/remove', perEvent, async (req, reply) => {
    const { event, actor } = await managedEvent(req)
    authorize(actor, 'signedIn')
    return submitForm(req, reply, RemoveDocumentForm, {
      act: (form) => removeDocument(req.db as Db, actor, event.id, form.documentId),
      again: (errors) => documentsPage(req, reply, errors),
      flash: req.t('documents.removed'),
      to: `/events/${event.id}/documents`,
    })
  })
}
