// The organiser's own questions on an event's registration form: those asked, adding one, removing one.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { parseForm, typedValues } from '../../kernel/forms.ts'
import { render, setFlash, viewContext } from '../../kernel/http.tsx'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import type { Db } from './db.ts'
import { managedEvent, perEvent } from './load.ts'
import * as questions from './questions.ts'
import { QuestionForm, QuestionParams } from './schemas.ts'
import type * as events from './service.ts'
import { QuestionsPage } from './views/questions-page.tsx'

export async function questionRoutes(app: FastifyInstance) {
  // The organiser's own questions on the registration form.
  const questionsPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    event: events.Event,
    errors?: FieldErrors,
  ) =>
    render(
      reply.code(errors ? 422 : 200),
      <QuestionsPage
        ctx={viewContext(req, reply)}
        event={event}
        questions={await questions.questionsOf(req.db as Db, event.id)}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )

  app.get('/events/:eventId/questions', perEvent, async (req, reply) => {
    const { event } = await managedEvent(req)
    return questionsPage(req, reply, event)
  })

  app.post('/events/:eventId/questions', perEvent, async (req, reply) => {
    const { event, actor } = await managedEvent(req)
    const form = parseForm(QuestionForm, req.body, req.t, req.lang)
    if (!form.ok) return questionsPage(req, reply, event, form.errors)
    try {
      await questions.addQuestion(req.db as Db, actor, event.id, form.data)
    } catch (err) {
      if (!(err instanceof questions.QuestionsFull)) throw err
      return questionsPage(req, reply, event, { _form: req.t('events.questions.full') })
    }
    setFlash(reply, req.t('events.questions.added'))
    return reply.redirect(`/events/${event.id}/questions`, 303)
  })

  app.post('/events/:eventId/questions/:questionId/remove', perEvent, async (req, reply) => {
    const { event, actor } = await managedEvent(req)
    const { questionId } = QuestionParams.parse(req.params)
    await questions.removeQuestion(req.db as Db, actor, event.id, questionId)
    setFlash(reply, req.t('events.questions.removed'))
    return reply.redirect(`/events/${event.id}/questions`, 303)
  })
}
