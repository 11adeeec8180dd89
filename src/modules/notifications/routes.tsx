import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { oneOf, parseForm } from '../../kernel/forms.ts'
import { render, setFlash, viewContext } from '../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../kernel/pagination.ts'
import { authorize } from '../../kernel/policy.ts'
import * as notifications from './service.ts'
import { deliveries } from './tables.ts'
import { NotificationSettingsPage } from './views/notification-settings-page.tsx'
import { NotificationsPage } from './views/notifications-page.tsx'

const IdParams = z.object({ id: z.uuid() })
const Settings = z.object({ delivery: oneOf(deliveries) })

export async function notificationRoutes(app: FastifyInstance) {
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
    const delivery = await notifications.deliveryOf(req.db, req.actor.id)
    return render(reply, <NotificationSettingsPage ctx={viewContext(req, reply)} values={{ delivery }} />)
  })

  app.post('/notifications/settings', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const form = parseForm(Settings, req.body, req.t, req.lang)
    if (!form.ok)
      return render(
        reply.code(422),
        <NotificationSettingsPage ctx={viewContext(req, reply)} values={{}} errors={form.errors} />,
      )
    await notifications.setDelivery(req.db, req.actor, form.data.delivery)
    setFlash(reply, req.t('notifications.settings.saved'))
    return reply.redirect('/notifications', 303)
  })
}
