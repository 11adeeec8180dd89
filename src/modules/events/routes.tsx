// Events: the public list and an event's page (kept for visitors), its calendar file; registering
// with or without an account, the private link of a registration (confirm, take an offered place,
// give it up); the secretariat's form and the list of who registered. The one policy decides each.
import type { FastifyInstance, FastifyReply, FastifyRequest, RequestPayload } from 'fastify'
import type { Config } from '../../config.ts'
import { today, warsawDayAndTime } from '../../kernel/dates.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import { attachment } from '../../kernel/exports.ts'
import { parseForm, ruleErrors, typedValues } from '../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../kernel/http.tsx'
import { unescaped } from '../../kernel/i18n.ts'
import { cursorOf, keysetPageOf, type Page, pageFrom, pageOf } from '../../kernel/pagination.ts'
import { signatureListPdf } from '../../kernel/pdf.ts'
import { type Actor, authorize, authorizeEvent, can, eventCan } from '../../kernel/policy.ts'
import { renderPublic } from '../../kernel/public-pages.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import { drawStrip, paperStrip } from '../projects/index.ts'
import { certificateFile, certificateFor } from './certificate.ts'
import * as day from './day.ts'
import type { Db } from './db.ts'
import { eventFeed, eventsCalendar, upcomingForFeeds } from './feeds.ts'
import type { Question } from './questions.ts'
import * as questions from './questions.ts'
import * as registrations from './registrations.ts'
import { normalisedCode, registrationWindow } from './rules.ts'
import {
  CheckInForm,
  CheckInParams,
  CheckInQuery,
  EventForm,
  EventParams,
  EventsQuery,
  QuestionForm,
  QuestionParams,
  RegistrationForm,
  TokenParams,
  VerifyQuery,
} from './schemas.ts'
import * as events from './service.ts'
import { CheckInPage } from './views/check-in-page.tsx'
import { EventFormPage } from './views/event-form-page.tsx'
import { EventPage } from './views/event-page.tsx'
import { EventsPage } from './views/events-page.tsx'
import { eventWhen, organiserName } from './views/parts.tsx'
import { QuestionsPage } from './views/questions-page.tsx'
import { CheckMailPage, RegisterPage } from './views/register-page.tsx'
import { RegistrationsPage } from './views/registrations-page.tsx'
import { TokenPage } from './views/token-page.tsx'
import { VerifyPage } from './views/verify-page.tsx'

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
    opensOn: opens.day,
    closesOn: closes.day,
  }
}

export async function eventRoutes(app: FastifyInstance, config: Config) {
  const context = () => ({ baseUrl: config.baseUrl, now: new Date() })
  const eventOf = (req: FastifyRequest) =>
    events.findEvent(req.db as Db, EventParams.parse(req.params).eventId)
  /** The event, for someone who runs it (the policy's event.manage): others are refused. */
  const loadManaged = async (req: FastifyRequest) => {
    const event = await events.findEvent(
      req.db as Db,
      EventParams.parse(req.params).eventId,
      req.actor?.id ?? null,
    )
    authorizeEvent(req.actor, 'event.manage', { organises: event.organises })
    return { event, actor: req.actor }
  }
  // An event's own pages for whoever runs it: signed in, and the policy's event.manage decides
  // before the body is read (as the kernel decides a route's permission), the event kept for the
  // handler.
  const managed = new WeakMap<FastifyRequest, Awaited<ReturnType<typeof loadManaged>>>()
  const perEvent = {
    config: { permission: 'signedIn' },
    preParsing: async (req: FastifyRequest, _reply: FastifyReply, payload: RequestPayload) => {
      managed.set(req, await loadManaged(req))
      return payload
    },
  } as const
  const managedEvent = async (req: FastifyRequest) => managed.get(req) ?? loadManaged(req)

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
            now={now}
            mayManage={false}
            baseUrl={config.baseUrl}
          />
        ),
        { data: true },
      )
    const event = await events.findEvent(req.db as Db, EventParams.parse(req.params).eventId, req.actor.id)
    const own = await registrations.registrationOf(req.db as Db, event.id, req.actor.id)
    return render(
      reply,
      <EventPage
        ctx={viewContext(req, reply)}
        event={event}
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
    const rows = pageOf(await registrations.registrationsOf(req.db as Db, event.id, page), page)
    return render(
      reply,
      <RegistrationsPage
        ctx={viewContext(req, reply)}
        event={event}
        rows={rows.rows}
        page={page}
        hasNext={rows.hasNext}
      />,
    )
  })

  // The private link of a registration: whoever holds it acts on it (it came to the registered address).
  const tokenPage = async (req: FastifyRequest, reply: FastifyReply, token: string, errors?: FieldErrors) =>
    render(
      reply.code(errors ? 422 : 200),
      <TokenPage
        ctx={viewContext(req, reply)}
        token={token}
        registration={await registrations.registrationByToken(req.db as Db, token)}
        errors={errors}
      />,
    )

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
      if (state === 'confirmed' || state === 'waiting') setFlash(reply, req.t(`events.signUp.${state}`))
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

  // On the day: the check-in list, one tap a person (from the event's first day). A refusal (too
  // early, a certificate issued) comes back as the list with the reason at its top.
  const checkInPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    event: events.Event,
    list: { q: string; page: Page },
    problem?: string,
  ) => {
    const [rows, counts] = await Promise.all([
      day.checkInList(req.db as Db, event.id, list.q, list.page),
      day.attendanceCounts(req.db as Db, event.id),
    ])
    const listed = pageOf(rows, list.page)
    return render(
      reply.code(problem ? 422 : 200),
      <CheckInPage
        ctx={viewContext(req, reply)}
        event={event}
        rows={listed.rows}
        q={list.q}
        page={list.page}
        hasNext={listed.hasNext}
        counts={counts}
        now={new Date()}
        problem={problem}
      />,
    )
  }

  app.get('/events/:eventId/check-in', perEvent, async (req, reply) => {
    const { event } = await managedEvent(req)
    const { q } = CheckInQuery.parse(req.query)
    return checkInPage(req, reply, event, { q, page: pageFrom(req.query, day.checkInPageSize) })
  })

  app.post('/events/:eventId/check-in/:registrationId', perEvent, async (req, reply) => {
    const { event, actor } = await managedEvent(req)
    const { registrationId } = CheckInParams.parse(req.params)
    const form = CheckInForm.safeParse(req.body)
    const q = form.success ? form.data.q : ''
    const page = pageFrom({ page: form.success ? form.data.page : '' }, day.checkInPageSize)
    const query = new URLSearchParams({
      ...(q ? { q } : {}),
      ...(page.number > 1 ? { page: String(page.number) } : {}),
    })
    // After a search the page comes back at its top (the message, the search for the next person);
    // from the whole list, at the person, where the list was scrolled to.
    const back = `/events/${event.id}/check-in${query.size ? `?${query}` : ''}${q ? '' : `#r-${registrationId}`}`
    if (!form.success) return reply.redirect(back, 303)
    const present = form.data.present === 'yes'
    try {
      const name = await day.markAttendance(req.db as Db, actor, event, registrationId, present, new Date())
      setFlash(
        reply,
        req.t(present ? 'events.checkIn.marked' : 'events.checkIn.unmarked', { name, ...unescaped }),
      )
    } catch (err) {
      return checkInPage(req, reply, event, { q, page }, Object.values(ruleErrors(err, req.t)).join(' '))
    }
    return reply.redirect(back, 303)
  })

  // The list to sign at the door, with the organising project's logo strip at the head of each page.
  app.get('/events/:eventId/attendance.pdf', perEvent, async (req, reply) => {
    const { event } = await managedEvent(req)
    const { t, lang } = req
    const [rows, strip] = await Promise.all([
      day.signatureRows(req.db as Db, event.id),
      event.project_id ? paperStrip(req.db as Db, app.storage, event.project_id, t, lang) : null,
    ])
    const pdf = await signatureListPdf({
      lang: lang === 'en' ? 'en-GB' : 'pl-PL',
      title: `${t('events.attendancePdf.title', unescaped)}: ${event.title}`,
      details: [
        [t('events.organiser', unescaped), organiserName(t, lang, event)],
        [t('events.attendancePdf.when', unescaped), eventWhen(event, lang)],
        [
          t('events.attendancePdf.place', unescaped),
          [event.venue, event.online_url].filter(Boolean).join(' + '),
        ],
      ],
      number: t('events.attendancePdf.number', unescaped),
      columns: [
        { header: t('events.attendancePdf.name', unescaped), width: 160 },
        { header: t('events.attendancePdf.organisation', unescaped), width: 167 },
      ],
      signature: t('events.attendancePdf.signature', unescaped),
      rows: rows.map((r) => [r.name, r.organisation]),
      pageLabel: (page, pages) => t('events.attendancePdf.page', { page, pages }),
      ...(strip
        ? {
            head: {
              height: 44,
              draw: (doc, box) => drawStrip(doc, strip, lang, { ...box, height: 44, gap: 12, fontSize: 7 }),
            },
          }
        : {}),
    })
    const file = `${t('events.attendancePdf.file')}-${warsawDayAndTime(event.starts_at).day}.pdf`
    return reply
      .type('application/pdf')
      .header('content-disposition', attachment(file))
      .header('cache-control', 'private, no-store')
      .send(pdf)
  })

  app.post('/events/:eventId/certificates', perEvent, async (req, reply) => {
    const { event, actor } = await managedEvent(req)
    let count: number
    try {
      count = await day.issueCertificates(req.db as Db, actor, event, new Date())
    } catch (err) {
      const problem = Object.values(ruleErrors(err, req.t)).join(' ')
      return checkInPage(req, reply, event, { q: '', page: pageFrom({}, day.checkInPageSize) }, problem)
    }
    setFlash(
      reply,
      count
        ? req.t('events.certificates.issued', { n: String(count) })
        : req.t('events.certificates.noneDue'),
    )
    return reply.redirect(`/events/${event.id}/check-in`, 303)
  })

  const sendCertificate = async (reply: FastifyReply, registrationId: string) => {
    const certificate = await day.certificateOf(reply.request.db as Db, registrationId)
    const { t, pdf } = await certificateFor(reply.request.db as Db, app.storage, certificate, config.baseUrl)
    return reply
      .type('application/pdf')
      .header('content-disposition', attachment(certificateFile(t, certificate.certificate_code)))
      .header('cache-control', 'private, no-store')
      .send(pdf)
  }

  // A person's own certificate: signed in, from the event's page; or by the private link of their mails.
  app.get('/events/:eventId/certificate.pdf', signedIn, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const own = await registrations.registrationOf(
      req.db as Db,
      EventParams.parse(req.params).eventId,
      req.actor.id,
    )
    if (!own) throw new NotFoundError()
    return sendCertificate(reply, own.id)
  })

  app.get(
    '/events/registrations/:token/certificate.pdf',
    { config: { permission: 'public' } },
    async (req, reply) => {
      const r = await registrations.registrationByToken(req.db as Db, TokenParams.parse(req.params).token)
      return sendCertificate(reply, r.id)
    },
  )

  // Anyone checks a certificate's code: an employer, an auditor, the managing authority.
  app.get(
    '/events/certificates',
    {
      config: {
        permission: 'events.read',
        rateLimit: { max: config.rateLimits.signInPerAddress, timeWindow: config.rateLimits.windowMs },
      },
    },
    async (req, reply) => {
      const { code: typed } = VerifyQuery.parse(req.query)
      const ctx = viewContext(req, reply)
      if (typed === undefined) return render(reply, <VerifyPage ctx={ctx} code="" found={null} />)
      const code = normalisedCode(typed)
      const found = code ? await day.certificateByCode(req.db as Db, code) : null
      if (!found) {
        const errors = { code: req.t(code ? 'events.verify.unknown' : 'events.verify.format') }
        return render(reply, <VerifyPage ctx={ctx} code={typed} found={null} errors={errors} />)
      }
      return render(reply, <VerifyPage ctx={ctx} code={found.certificate_code ?? typed} found={found} />)
    },
  )

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
