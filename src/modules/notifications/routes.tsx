import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { NotFoundError } from '../../kernel/errors.ts'
import { oneOf, parseForm } from '../../kernel/forms.ts'
import { cookieNames, render, setFlash, viewContext } from '../../kernel/http.tsx'
import { isLang, translator } from '../../kernel/i18n.ts'
import type { MailStop, ModuleContext } from '../../kernel/module.ts'
import { pageFrom, pageOf } from '../../kernel/pagination.ts'
import { authorize } from '../../kernel/policy.ts'
import { notificationKinds, readUnsubscribeToken, stopOf } from './rules.ts'
import * as notifications from './service.ts'
import { deliveries } from './tables.ts'
import { NotificationSettingsPage } from './views/notification-settings-page.tsx'
import { NotificationsPage } from './views/notifications-page.tsx'
import { UnsubscribePage } from './views/unsubscribe-page.tsx'

const IdParams = z.object({ id: z.uuid() })
const Settings = z.object({
  delivery: oneOf(deliveries),
  // The kinds ticked to go by mail. The form always sends an empty `mail` too, since none ticked
  // would send no field at all: a post without any leaves the kinds as they were.
  mail: z
    .preprocess((v) => (v === undefined ? undefined : [v].flat()), z.array(z.string()).optional())
    .transform((list) => (list ? notificationKinds().filter((k) => list.includes(k)) : undefined)),
})
const TokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{44,190}$/) })
// RFC 8058: a one-click unsubscribe is a POST with exactly this body.
const OneClick = z.object({ 'List-Unsubscribe': z.literal('One-Click') })

export async function notificationRoutes(app: FastifyInstance, { config, modules }: ModuleContext) {
  /** What one click stops in each module's mails (kernel/module.ts MailStop), by name. */
  const stops = Object.assign({}, ...modules.map((m) => m.mailStops ?? {})) as Record<string, MailStop>
  app.get('/notifications', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const page = pageFrom(req.query)
    const { rows, hasNext } = pageOf(await notifications.listNotifications(req.db, req.actor.id, page), page)
    return render(
      reply,
      <NotificationsPage ctx={viewContext(req, reply)} rows={rows} page={page} hasNext={hasNext} />,
    )
  })

  // Opening a notification marks it read and goes where it points.
  app.get('/notifications/:id', { config: { permission: 'signedIn' } }, async (req, reply) => {
    const { id } = IdParams.parse(req.params)
    authorize(req.actor, 'signedIn')
    return reply.redirect(await notifications.openNotification(req.db, req.actor, id), 303)
  })

  app.post('/notifications/read', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    await notifications.markAllRead(req.db, req.actor)
    setFlash(reply, req.t('notifications.allRead'))
    return reply.redirect('/notifications', 303)
  })

  app.get('/notifications/settings', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const [delivery, off] = await Promise.all([
      notifications.deliveryOf(req.db, req.actor.id),
      notifications.mailOptOuts(req.db, req.actor.id),
    ])
    const mail = notificationKinds().filter((k) => !off.includes(k))
    return render(
      reply,
      <NotificationSettingsPage ctx={viewContext(req, reply)} values={{ delivery, mail }} />,
    )
  })

  app.post('/notifications/settings', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const form = parseForm(Settings, req.body, req.t, req.lang)
    if (!form.ok)
      return render(
        reply.code(422),
        <NotificationSettingsPage
          ctx={viewContext(req, reply)}
          values={{ mail: (req.body as Record<string, unknown> | undefined)?.mail }}
          errors={form.errors}
        />,
      )
    await notifications.saveMailSettings(req.db, req.actor, form.data.delivery, form.data.mail)
    setFlash(reply, req.t('notifications.settings.saved'))
    return reply.redirect('/notifications', 303)
  })

  // The address in a notification mail's List-Unsubscribe header. A mail program posts to it with
  // no cookie and no CSRF token (RFC 8058), so the signed token is the whole authority: it names
  // the person and the kind of mail, and can only turn that kind off. Opened in a browser, it shows
  // a page in the person's language (or the one chosen on the site) whose button sends the same post (no JavaScript needed).
  const unsubscribePage = async (req: FastifyRequest, reply: FastifyReply, done: boolean) => {
    const { token } = TokenParams.parse(req.params)
    const named = readUnsubscribeToken(config.sessionSecret, token)
    if (!named) throw new NotFoundError()
    const person = await notifications.mailRecipient(req.db, named.personId)
    // The person's language, unless whoever opened it chose one on this site (the switch works here too).
    const chosen = req.cookies[cookieNames.lang]
    const lang = isLang(chosen) ? chosen : person.lang
    // One thing followed: its module says what it is, and stops it.
    const followed = stopOf(named.kind)
    const stop = followed ? stops[followed.name] : undefined
    if (followed && !stop) throw new NotFoundError()
    const what = followed && stop ? await stop.describe(req.db, person.id, followed.id, lang) : null
    if (done && OneClick.safeParse(req.body).success)
      await notifications.optOutByMail(
        req.db,
        { id: null, email: person.email, ip: req.ip },
        person.id,
        named.kind,
        stop,
      )
    else if (done) reply.code(400)
    const ctx = { ...viewContext(req, reply), lang, t: translator(lang) }
    return render(
      reply,
      <UnsubscribePage
        ctx={ctx}
        kind={named.kind}
        followed={what}
        action={`/unsubscribe/${token}`}
        done={done && reply.statusCode === 200}
      />,
    )
  }
  app.get('/unsubscribe/:token', { config: { permission: 'public' } }, (req, reply) =>
    unsubscribePage(req, reply, false),
  )
  app.post('/unsubscribe/:token', { config: { permission: 'public', csrf: false } }, (req, reply) =>
    unsubscribePage(req, reply, true),
  )
}
