// An event on the day and after, for whoever runs it: the check-in list (one tap a person), the
// list to sign, certificates issued; and for the person who came, their certificate; for anyone, the
// public check of a certificate's code.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../../config.ts'
import { warsawDayAndTime } from '../../kernel/dates.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import { attachment } from '../../kernel/exports.ts'
import { ruleErrors } from '../../kernel/forms.ts'
import { render, setFlash, viewContext } from '../../kernel/http.tsx'
import { unescaped } from '../../kernel/i18n.ts'
import { type Page, pageFrom, pageOf } from '../../kernel/pagination.ts'
import { signatureListPdf } from '../../kernel/pdf.ts'
import { authorize } from '../../kernel/policy.ts'
import { drawStrip, paperStrip } from '../projects/index.ts'
import { certificateFile, certificateFor } from './certificate.ts'
import * as day from './day.ts'
import type { Db } from './db.ts'
import { managedEvent, perEvent } from './load.ts'
import * as registrations from './registrations.ts'
import { normalisedCode } from './rules.ts'
import { CheckInForm, CheckInParams, CheckInQuery, EventParams, TokenParams, VerifyQuery } from './schemas.ts'
import type * as events from './service.ts'
import { CheckInPage } from './views/check-in-page.tsx'
import { eventWhen, organiserName } from './views/parts.tsx'
import { VerifyPage } from './views/verify-page.tsx'

const signedIn = { config: { permission: 'signedIn' } } as const

export async function dayRoutes(app: FastifyInstance, config: Config) {
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
}
