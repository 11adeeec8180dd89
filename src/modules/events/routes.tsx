// Events: the public list and an event's page (kept for visitors), its calendar file; registering
// with or without an account, the private link of a registration (confirm, take an offered place,
// give it up); the secretariat's form and the list of who registered. The one policy decides each.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { today, warsawDayAndTime } from '../../kernel/dates.ts'
import { parseForm, ruleErrors, typedValues } from '../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../kernel/http.tsx'
import { cursorOf, keysetPageOf, pageFrom, pageOf } from '../../kernel/pagination.ts'
import { type Actor, authorize, can, eventCan } from '../../kernel/policy.ts'
import { renderPublic } from '../../kernel/public-pages.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import { dayRoutes } from './day-routes.tsx'
import type { Db } from './db.ts'
import { documentsOf } from './documents.ts'
import { documentRoutes } from './documents-routes.tsx'
import { eventFeed, eventsCalendar, upcomingForFeeds } from './feeds.ts'
import { managedEvent, perEvent } from './load.ts'
import * as organising from './organising.ts'
import { programmeRoutes } from './programme-routes.tsx'
import type { Question } from './questions.ts'
import * as questions from './questions.ts'
import { questionRoutes } from './questions-routes.tsx'
import * as registrations from './registrations.ts'
import { registrationWindow } from './rules.ts'
import {
  EventForm,
  EventParams,
  EventsQuery,
  RegistrationForm,
  RegistrationParams,
  RegistrationsQuery,
  TokenParams,
} from './schemas.ts'
import * as events from './service.ts'
import * as sessions from './sessions.ts'
import { surveyStateOf } from './survey.ts'
import { surveyRoutes } from './survey-routes.tsx'
import { EventFormPage } from './views/event-form-page.tsx'
import { EventPage } from './views/event-page.tsx'
import { EventsPage } from './views/events-page.tsx'
import { CheckMailPage, RegisterPage } from './views/register-page.tsx'
import { RegistrationsPage } from './views/registrations-page.tsx'
import { TokenPage } from './views/token-page.tsx'

const read = { config: { permission: 'events.read' } } as const
const organise = { config: { permission: 'events.organise' } } as const
const signedIn = { config: { permission: 'signedIn' } } as const

/** The person signed in, where the route's permission has made sure there is one. */
function actorOf(req: FastifyRequest): Actor {
  authorize(req.actor, 'signedIn')
  return req.actor
}

/** The organiser's registrations on one page. */
const registrationsPageSize = 100

/** An event's form filled from the event (days and times on a Warsaw clock). */
function formValuesOf(e: events.Event) {
  const start = warsawDayAndTime(e.starts_at)
  const end = warsawDayAndTime(e.ends_at)
  const opens = warsawDayAndTime(e.registration_opens_at)
  // Registration closes at the end of its last day: the form shows that day.
  const closes = warsawDayAndTime(new Date(e.registration_closes_at.getTime() - 1))
  return {
    kind: e.kind,
    title: e.title,
    description: e.description,
    lang: e.lang,
    organiser: events.organiserValue(e),
    region: e.voivodeship ?? '',
    themeId: e.theme_id ?? '',
    day: start.day,
    startTime: start.time,
    endDay: end.day,
    endTime: end.time,
    venue: e.venue,
    venueAccess: e.venue_access,
    onlineUrl: e.online_url ?? '',
    capacity: String(e.capacity),
    approval: e.approval ? 'yes' : '',
    opensOn: opens.day,
    closesOn: closes.day,
  }
}

export async function eventRoutes(app: FastifyInstance, config: Config) {
  const context = () => ({ baseUrl: config.baseUrl, now: new Date() })
  const eventOf = (req: FastifyRequest) =>
    events.findEvent(req.db as Db, EventParams.parse(req.params).eventId)
  /** The event, for someone who runs it (the policy's event.manage): others are refused. */
  app.get('/events', read, async (req, reply) =>
    renderPublic(
      req,
      reply,
      async () => {
        const query = EventsQuery.parse(req.query)
        const now = new Date()
        const [rows, choices] = await Promise.all([
          events.eventsPage(req.db as Db, query, now),
          events.filterChoices(req.db as Db),
        ])
        const page = keysetPageOf(rows, events.eventsPageSize, (last) => cursorOf(last.starts_at, last.id))
        return (
          <EventsPage
            ctx={viewContext(req, reply)}
            query={query}
            events={page.rows}
            choices={choices}
            next={page.next}
            now={now}
            mayManage={can(req.actor, 'events.organise')}
          />
        )
      },
      { data: true },
    ),
  )

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    event?: events.Event,
    errors?: FieldErrors,
  ) => {
    const values = errors
      ? typedValues(req.body)
      : event
        ? formValuesOf(event)
        : { lang: 'pl', kind: 'conference' }
    return render(
      reply.code(errors ? 422 : 200),
      <EventFormPage
        ctx={viewContext(req, reply)}
        event={event}
        values={values}
        organisers={await events.organiserChoices(req.db as Db, actorOf(req), today(), event ?? null)}
        themes={(await events.filterChoices(req.db as Db)).themes}
        errors={errors}
      />,
    )
  }

  app.get('/events/new', organise, async (req, reply) => {
    authorize(req.actor, 'events.organise')
    return formPage(req, reply)
  })

  app.post('/events/new', organise, async (req, reply) => {
    authorize(req.actor, 'events.organise')
    const actor = req.actor
    return submitForm(req, reply, EventForm, {
      act: (form) => events.createEvent(req.db as Db, actor, form),
      again: (errors) => formPage(req, reply, undefined, errors),
      flash: req.t('events.manage.created'),
      to: (created) => `/events/${created.id}`,
    })
  })

  app.get('/events/:eventId', read, async (req, reply) => {
    const now = new Date()
    if (!req.actor)
      return renderPublic(
        req,
        reply,
        async () => (
          <EventPage
            ctx={viewContext(req, reply)}
            event={await eventOf(req)}
            sessions={await sessions.sessionsOf(req.db as Db, EventParams.parse(req.params).eventId)}
            documents={await documentsOf(req.db as Db, EventParams.parse(req.params).eventId)}
            now={now}
            mayManage={false}
            baseUrl={config.baseUrl}
          />
        ),
        { data: true },
      )
    const eventId = EventParams.parse(req.params).eventId
    const [event, own, programme, documents] = await Promise.all([
      events.findEvent(req.db as Db, eventId, req.actor.id),
      registrations.registrationOf(req.db as Db, eventId, req.actor.id),
      sessions.sessionsOf(req.db as Db, eventId),
      documentsOf(req.db as Db, eventId),
    ])
    return render(
      reply,
      <EventPage
        ctx={viewContext(req, reply)}
        event={event}
        sessions={programme}
        documents={documents}
        chosen={own ? await sessions.choicesOf(req.db as Db, own.id) : []}
        now={now}
        own={own}
        mayManage={eventCan(req.actor, 'event.manage', { organises: event.organises })}
        baseUrl={config.baseUrl}
      />,
    )
  })

  // The upcoming events for a feed reader and a calendar program: anyone subscribes, no account.
  for (const format of ['atom', 'rss'] as const)
    app.get(`/events/feed.${format}`, read, async (req, reply) => {
      const feed = eventFeed({
        baseUrl: config.baseUrl,
        title: `${req.t('events.title')} – Siatka`,
        description: req.t('events.feeds.intro'),
        lang: req.lang,
        events: await upcomingForFeeds(req.db as Db, new Date()),
      })
      return format === 'atom'
        ? reply.type('application/atom+xml; charset=utf-8').send(feed.atom1())
        : reply.type('application/rss+xml; charset=utf-8').send(feed.rss2())
    })

  app.get('/events/calendar.ics', read, async (req, reply) =>
    reply.header('content-type', 'text/calendar; charset=utf-8').send(
      eventsCalendar({
        baseUrl: config.baseUrl,
        name: `${req.t('events.title')} – Siatka`,
        events: await upcomingForFeeds(req.db as Db, new Date()),
      }),
    ),
  )

  // A calendar program's copy of the event (the mail giving a place attaches the same).
  app.get('/events/:eventId/event.ics', read, async (req, reply) => {
    const event = await eventOf(req)
    const calendar = registrations.eventCalendar(event, context())
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="event.ics"')
      .send(calendar.content)
  })

  const registerPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    event: events.Event,
    errors?: FieldErrors,
    asked?: Question[],
  ) =>
    render(
      reply.code(errors ? 422 : 200),
      <RegisterPage
        ctx={viewContext(req, reply)}
        event={event}
        questions={asked ?? (await questions.questionsOf(req.db as Db, event.id))}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )

  app.get('/events/:eventId/register', { config: { permission: 'events.register' } }, async (req, reply) => {
    const event = await eventOf(req)
    // Before registration opens or once it has closed, the event's page says so.
    const window = registrationWindow(event, new Date())
    if (window !== 'open') {
      setFlash(reply, req.t(window === 'not_yet' ? 'events.errors.notYetOpen' : 'events.errors.closed'))
      return reply.redirect(`/events/${event.id}`, 303)
    }
    return registerPage(req, reply, event)
  })

  app.post(
    '/events/:eventId/register',
    {
      config: {
        permission: 'events.register',
        rateLimit: { max: config.rateLimits.invitation, timeWindow: config.rateLimits.windowMs },
      },
    },
    async (req, reply) => {
      const event = await eventOf(req)
      // Signed in, the address is the account's: the form does not ask for it.
      const body = req.actor ? { ...(req.body as object), email: req.actor.email } : req.body
      const form = parseForm(RegistrationForm, body, req.t, req.lang)
      // The organiser's own questions, read beside the standard ones: every problem shown at once.
      const asked = await questions.questionsOf(req.db as Db, event.id)
      const own = questions.readAnswers(asked, (req.body ?? {}) as Record<string, unknown>, (key, params) =>
        req.t(key as 'errors.tooLong', params),
      )
      if (!form.ok || Object.keys(own.errors).length)
        return registerPage(req, reply, event, { ...(form.ok ? {} : form.errors), ...own.errors }, asked)
      // A bot fills the field people do not see: it gets the same answer, and nothing is kept or sent.
      if (form.data.website && !req.actor)
        return render(reply, <CheckMailPage ctx={viewContext(req, reply)} event={event} />)
      let outcome: registrations.Registered
      try {
        outcome = await registrations.register(
          req.db as Db,
          event.id,
          form.data,
          own.answers,
          req.actor,
          req.lang,
          context(),
        )
      } catch (err) {
        return registerPage(req, reply, event, ruleErrors(err, req.t), asked)
      }
      if (outcome === 'check_mail')
        return render(reply, <CheckMailPage ctx={viewContext(req, reply)} event={event} />)
      setFlash(reply, req.t(`events.signUp.${outcome}`))
      return reply.redirect(`/events/${event.id}`, 303)
    },
  )

  // A signed-in person's own registration, from the event's page.
  app.post('/events/:eventId/cancel', signedIn, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const event = await eventOf(req)
    // Given up already (a second click, another tab): the event's page says where they stand.
    const own = await registrations.registrationOf(req.db as Db, event.id, req.actor.id)
    if (!own) return reply.redirect(`/events/${event.id}`, 303)
    const given = await registrations.cancel(
      req.db as Db,
      { eventId: event.id, personId: req.actor.id },
      context(),
    )
    setFlash(reply, req.t(given ? 'events.yours.cancelled' : 'events.errors.started'))
    return reply.redirect(`/events/${event.id}`, 303)
  })

  app.post('/events/:eventId/confirm', signedIn, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const event = await eventOf(req)
    const own = await registrations.registrationOf(req.db as Db, event.id, req.actor.id)
    if (own?.state !== 'offered') return reply.redirect(`/events/${event.id}`, 303)
    try {
      await registrations.confirmOwn(req.db as Db, own.id, context())
    } catch (err) {
      const errors = ruleErrors(err, req.t)
      setFlash(reply, Object.values(errors).join(' '))
      return reply.redirect(`/events/${event.id}`, 303)
    }
    setFlash(reply, req.t('events.signUp.confirmed'))
    return reply.redirect(`/events/${event.id}`, 303)
  })

  app.get('/events/:eventId/edit', perEvent, async (req, reply) => {
    const { event } = await managedEvent(req)
    return formPage(req, reply, event)
  })

  app.post('/events/:eventId/edit', perEvent, async (req, reply) => {
    const { event, actor } = await managedEvent(req)
    const c = context()
    return submitForm(req, reply, EventForm, {
      act: (form) => events.updateEvent(req.db as Db, actor, event.id, form, c),
      again: (errors) => formPage(req, reply, event, errors),
      flash: req.t('events.manage.changed'),
      to: `/events/${event.id}`,
    })
  })

  app.get('/events/:eventId/registrations', perEvent, async (req, reply) => {
    const { event } = await managedEvent(req)
    const page = pageFrom(req.query, registrationsPageSize)
    const { only } = RegistrationsQuery.parse(req.query)
    const [found, pending] = await Promise.all([
      organising.registrationsOf(req.db as Db, event.id, page, only),
      event.approval ? organising.pendingCount(req.db as Db, event.id) : 0,
    ])
    const rows = pageOf(found, page)
    return render(
      reply,
      <RegistrationsPage
        ctx={viewContext(req, reply)}
        event={event}
        rows={rows.rows}
        page={page}
        hasNext={rows.hasNext}
        only={only}
        pending={pending}
      />,
    )
  })

  // The organiser's decision on a registration awaiting approval (an event that asks for it).
  for (const decision of ['approve', 'decline'] as const)
    app.post(`/events/:eventId/registrations/:registrationId/${decision}`, perEvent, async (req, reply) => {
      const { event, actor } = await managedEvent(req)
      authorize(actor, 'signedIn')
      const { registrationId } = RegistrationParams.parse(req.params)
      try {
        await organising.decide(req.db as Db, actor, event.id, registrationId, decision, context())
        setFlash(reply, req.t(decision === 'approve' ? 'events.list.approved' : 'events.list.declined'))
      } catch (err) {
        setFlash(reply, Object.values(ruleErrors(err, req.t)).join(' '))
      }
      return reply.redirect(`/events/${event.id}/registrations?only=pending`, 303)
    })

  // The private link of a registration: whoever holds it acts on it (it came to the registered address).
  const tokenPage = async (req: FastifyRequest, reply: FastifyReply, token: string, errors?: FieldErrors) => {
    const registration = await registrations.registrationByToken(req.db as Db, token)
    const [programme, chosen] = await Promise.all([
      sessions.sessionsOf(req.db as Db, registration.event_id),
      sessions.choicesOf(req.db as Db, registration.id),
    ])
    return render(
      reply.code(errors ? 422 : 200),
      <TokenPage
        ctx={viewContext(req, reply)}
        token={token}
        registration={registration}
        sessions={programme}
        chosen={chosen}
        survey={surveyStateOf(registration, new Date())}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  app.get('/events/registrations/:token', { config: { permission: 'public' } }, async (req, reply) =>
    tokenPage(req, reply, TokenParams.parse(req.params).token),
  )

  app.post(
    '/events/registrations/:token/confirm',
    { config: { permission: 'public' } },
    async (req, reply) => {
      const { token } = TokenParams.parse(req.params)
      let state: Awaited<ReturnType<typeof registrations.confirm>>
      try {
        state = await registrations.confirm(req.db as Db, token, context())
      } catch (err) {
        return tokenPage(req, reply, token, ruleErrors(err, req.t))
      }
      if (state === 'confirmed' || state === 'waiting' || state === 'pending')
        setFlash(reply, req.t(`events.signUp.${state}`))
      return reply.redirect(`/events/registrations/${token}`, 303)
    },
  )

  app.post(
    '/events/registrations/:token/cancel',
    { config: { permission: 'public' } },
    async (req, reply) => {
      const { token } = TokenParams.parse(req.params)
      const given = await registrations.cancel(req.db as Db, { token }, context())
      setFlash(reply, req.t(given ? 'events.yours.cancelled' : 'events.errors.started'))
      return reply.redirect(`/events/registrations/${token}`, 303)
    },
  )

  await dayRoutes(app, config)
  await questionRoutes(app)
  await programmeRoutes(app, { context, tokenPage })
  await documentRoutes(app)
  await surveyRoutes(app, { context, tokenPage })
}
