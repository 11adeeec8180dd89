// The evaluation survey: its organiser sends it after the event and reads the results; someone who
// came answers it by the private link of their registration.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { parseForm, ruleErrors } from '../../kernel/forms.ts'
import { render, setFlash, viewContext } from '../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../kernel/pagination.ts'
import { authorize } from '../../kernel/policy.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import type { Db } from './db.ts'
import { managedEvent, perEvent } from './load.ts'
import type { Context } from './registrations.ts'
import { SurveyForm, TokenParams } from './schemas.ts'
import * as survey from './survey.ts'
import { SurveyPage } from './views/survey-page.tsx'

/** Comments on one page of the results. */
const commentsPageSize = 50

export async function surveyRoutes(
  app: FastifyInstance,
  o: {
    context: () => Context
    /** The private link's page again, with the answers refused beside their fields. */
    tokenPage: (
      req: FastifyRequest,
      reply: FastifyReply,
      token: string,
      errors?: FieldErrors,
    ) => Promise<unknown>
  },
) {
  app.get('/events/:eventId/survey', perEvent, async (req, reply) => {
    const { event } = await managedEvent(req)
    const page = pageFrom(req.query, commentsPageSize)
    const [results, comments] = await Promise.all([
      survey.surveyResults(req.db as Db, event.id),
      survey.surveyComments(req.db as Db, event.id, page),
    ])
    const shown = pageOf(comments, page)
    return render(
      reply,
      <SurveyPage
        ctx={viewContext(req, reply)}
        event={event}
        results={results}
        comments={shown.rows}
        page={page}
        hasNext={shown.hasNext}
        now={new Date()}
      />,
    )
  })

  app.post('/events/:eventId/survey', perEvent, async (req, reply) => {
    const { event, actor } = await managedEvent(req)
    authorize(actor, 'signedIn')
    try {
      await survey.sendSurvey(req.db as Db, actor, event.id, o.context())
      setFlash(reply, req.t('events.survey.sentFlash'))
    } catch (err) {
      setFlash(reply, Object.values(ruleErrors(err, req.t)).join(' '))
    }
    return reply.redirect(`/events/${event.id}/survey`, 303)
  })

  app.post(
    '/events/registrations/:token/survey',
    { config: { permission: 'public' } },
    async (req, reply) => {
      const { token } = TokenParams.parse(req.params)
      const form = parseForm(SurveyForm, req.body, req.t, req.lang)
      if (!form.ok) return o.tokenPage(req, reply, token, form.errors)
      try {
        await survey.answerSurvey(req.db as Db, token, form.data, req.lang, o.context())
      } catch (err) {
        return o.tokenPage(req, reply, token, ruleErrors(err, req.t))
      }
      setFlash(reply, req.t('events.survey.thanks'))
      return reply.redirect(`/events/registrations/${token}`, 303)
    },
  )
}
