// An event's programme: the organiser's sessions (the list, adding, changing, removing one), and a
// person holding a place choosing the sessions with places of their own, from the event's page
// (signed in) or the private link of their registration.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { NotFoundError } from '../../kernel/errors.ts'
import { parseForm, ruleErrors, typedValues } from '../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../kernel/http.tsx'
import { authorize } from '../../kernel/policy.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import type { Db } from './db.ts'
import { managedEvent, perEvent } from './load.ts'
import * as registrations from './registrations.ts'
import { ChoiceForm, EventParams, SessionForm, SessionParams, TokenParams } from './schemas.ts'
import type * as events from './service.ts'
import * as sessions from './sessions.ts'
import { ProgrammePage } from './views/programme-page.tsx'

export async function programmeRoutes(
  app: FastifyInstance,
  o: {
    context: () => registrations.Context
    /** The private link's page again, with the choice refused beside its field. */
    tokenPage: (
      req: FastifyRequest,
      reply: FastifyReply,
      token: string,
      errors?: FieldErrors,
    ) => Promise<unknown>
  },
) {
  const programmePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    event: events.Event,
    errors?: FieldErrors,
    editing?: sessions.Session,
  ) =>
    render(
      reply.code(errors ? 422 : 200),
      <ProgrammePage
        ctx={viewContext(req, reply)}
        event={event}
        sessions={await sessions.sessionsOf(req.db as Db, event.id)}
        editing={editing}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )

  /** The session in the address, of the event the route's hook found. */
  const sessionOf = async (req: FastifyRequest, event: events.Event) => {
    const { sessionId } = SessionParams.parse(req.params)
    const found = (await sessions.sessionsOf(req.db as Db, event.id)).find((s) => s.id === sessionId)
    if (!found) throw new NotFoundError()
    return found
  }

  app.get('/events/:eventId/programme', perEvent, async (req, reply) => {
    const { event } = await managedEvent(req)
    return programmePage(req, reply, event)
  })

  app.post('/events/:eventId/programme', perEvent, async (req, reply) => {
    const { event, actor } = await managedEvent(req)
    authorize(actor, 'signedIn')
    return submitForm(req, reply, SessionForm, {
      act: (form) => sessions.saveSession(req.db as Db, actor, event.id, null, form),
      again: (errors) => programmePage(req, reply, event, errors),
      flash: req.t('events.programme.added'),
      to: `/events/${event.id}/programme`,
    })
  })

  app.get('/events/:eventId/programme/:sessionId', perEvent, async (req, reply) => {
    const { event } = await managedEvent(req)
    return programmePage(req, reply, event, undefined, await sessionOf(req, event))
  })

  app.post('/events/:eventId/programme/:sessionId', perEvent, async (req, reply) => {
    const { event, actor } = await managedEvent(req)
    authorize(actor, 'signedIn')
    const session = await sessionOf(req, event)
    return submitForm(req, reply, SessionForm, {
      act: (form) => sessions.saveSession(req.db as Db, actor, event.id, session.id, form),
      again: (errors) => programmePage(req, reply, event, errors, session),
      flash: req.t('events.programme.saved'),
      to: `/events/${event.id}/programme`,
    })
  })

  app.post('/events/:eventId/programme/:sessionId/remove', perEvent, async (req, reply) => {
    const { event, actor } = await managedEvent(req)
    authorize(actor, 'signedIn')
    const session = await sessionOf(req, event)
    await sessions.removeSession(req.db as Db, actor, event.id, session.id)
    setFlash(reply, req.t('events.programme.removed'))
    return reply.redirect(`/events/${event.id}/programme`, 303)
  })

  /** The choice made, or refused: said in a flash on the page the person came from. */
  const choose = async (req: FastifyRequest, registrationId: string) => {
    const form = parseForm(ChoiceForm, req.body, req.t, req.lang)
    if (!form.ok) return form.errors
    try {
      await sessions.chooseSessions(req.db as Db, registrationId, form.data.sessions, o.context())
    } catch (err) {
      return ruleErrors(err, req.t)
    }
    return null
  }

  app.post('/events/:eventId/sessions', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const { eventId } = EventParams.parse(req.params)
    const own = await registrations.registrationOf(req.db as Db, eventId, req.actor.id)
    if (!own) return reply.redirect(`/events/${eventId}`, 303)
    const errors = await choose(req, own.id)
    setFlash(reply, errors ? Object.values(errors).join(' ') : req.t('events.programme.chosenSaved'))
    return reply.redirect(`/events/${eventId}#programme-heading`, 303)
  })

  app.post(
    '/events/registrations/:token/sessions',
    { config: { permission: 'public' } },
    async (req, reply) => {
      const { token } = TokenParams.parse(req.params)
      const r = await registrations.registrationByToken(req.db as Db, token)
      const errors = await choose(req, r.id)
      if (errors) return o.tokenPage(req, reply, token, errors)
      setFlash(reply, req.t('events.programme.chosenSaved'))
      return reply.redirect(`/events/registrations/${token}`, 303)
    },
  )
}
