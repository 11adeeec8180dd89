// A space's commissioned analyses: the list (every order for those who order there, the accepted
// ones for its other readers), ordering, and one order's page with its review and cancelling.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { addDays, today } from '../../kernel/dates.ts'
import { typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../kernel/pagination.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import { inSpace } from '../spaces/index.ts'
import { AnalysesQuery, CancelForm, DeliveryParams, OrderForm, OrderParams, ReviewForm } from './schemas.ts'
import * as analyses from './service.ts'
import { OrderFormPage } from './views/order-form-page.tsx'
import { OrderPage } from './views/order-page.tsx'
import { SpaceAnalysesPage } from './views/space-analyses-page.tsx'

export async function analysesRoutes(app: FastifyInstance) {
  app.get(
    '/spaces/:id/analyses',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => {
      const { space, may } = inSpace(req)
      const ctx = viewContext(req, reply)
      const page = pageFrom(req.query)
      if (may['space.orders']) {
        const query = AnalysesQuery.parse(req.query)
        const { rows, sums } = await analyses.listForSpace(req.db, space.id, query, page)
        const found = pageOf(rows, page)
        return render(
          reply,
          <SpaceAnalysesPage
            ctx={ctx}
            space={space}
            may={may}
            page={page}
            hasNext={found.hasNext}
            today={today()}
            orders={{ rows: found.rows, sums, query }}
          />,
        )
      }
      const found = pageOf(await analyses.listAccepted(req.db, space.id, page), page)
      return render(
        reply,
        <SpaceAnalysesPage
          ctx={ctx}
          space={space}
          may={may}
          page={page}
          hasNext={found.hasNext}
          today={today()}
          accepted={found.rows}
        />,
      )
    },
  )

  const formPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { space, may } = inSpace(req)
    // A fresh form suggests a deadline six weeks ahead.
    const values = errors ? typedValues(req.body) : { deadline: addDays(today(), 42) }
    return render(
      reply.code(errors ? 422 : 200),
      <OrderFormPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        experts={await analyses.listExpertChoices(req.db, space.id)}
        values={values}
        errors={errors}
      />,
    )
  }

  app.get(
    '/spaces/:id/analyses/new',
    { config: { permission: 'signedIn', spacePermission: 'space.commission' } },
    async (req, reply) => formPage(req, reply),
  )

  app.post(
    '/spaces/:id/analyses/new',
    { config: { permission: 'signedIn', spacePermission: 'space.commission' } },
    async (req, reply) => {
      const { space, actor } = inSpace(req)
      return submitForm(req, reply, OrderForm, {
        act: (data) => analyses.orderAnalysis(req.db, actor, space, data),
        again: (errors) => formPage(req, reply, errors),
        flash: req.t('analyses.ordered'),
        to: (id) => `/spaces/${space.id}/analyses/${id}`,
      })
    },
  )

  const loaded = async (req: FastifyRequest) => {
    const { itemId } = OrderParams.parse(req.params)
    const found = inSpace(req)
    return { ...found, order: await analyses.requireOrder(req.db, found.space.id, itemId) }
  }

  const orderPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    refused?: { form: 'review' | 'cancel'; errors: FieldErrors },
  ) => {
    const { space, may, order } = await loaded(req)
    return render(
      reply.code(refused ? 422 : 200),
      <OrderPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        order={order}
        deliveries={await analyses.listDeliveries(req.db, order.id)}
        today={today()}
        form={refused?.form}
        values={refused ? typedValues(req.body) : undefined}
        errors={refused?.errors}
      />,
    )
  }

  app.get(
    '/spaces/:id/analyses/:itemId',
    { config: { permission: 'signedIn', spacePermission: 'space.orders' } },
    async (req, reply) => orderPage(req, reply),
  )

  app.post(
    '/spaces/:id/analyses/:itemId/review',
    { config: { permission: 'signedIn', spacePermission: 'space.commission' } },
    async (req, reply) => {
      const { space, actor, order } = await loaded(req)
      return submitForm(req, reply, ReviewForm, {
        act: (data) => analyses.reviewDelivery(req.db, actor, order, data),
        again: (errors) => orderPage(req, reply, { form: 'review', errors }),
        flash: (status) =>
          req.t(status === 'accepted' ? 'analyses.review.accepted' : 'analyses.review.changesRequested'),
        to: `/spaces/${space.id}/analyses/${order.id}`,
      })
    },
  )

  app.post(
    '/spaces/:id/analyses/:itemId/cancel',
    { config: { permission: 'signedIn', spacePermission: 'space.commission' } },
    async (req, reply) => {
      const { space, actor, order } = await loaded(req)
      return submitForm(req, reply, CancelForm, {
        act: (data) => analyses.cancelOrder(req.db, actor, order, data.reason),
        again: (errors) => orderPage(req, reply, { form: 'cancel', errors }),
        flash: req.t('analyses.cancel.done'),
        to: `/spaces/${space.id}/analyses/${order.id}`,
      })
    },
  )

  app.get(
    '/spaces/:id/analyses/:itemId/deliveries/:deliveryId',
    { config: { permission: 'signedIn', spacePermission: 'space.orders' } },
    async (req, reply) => {
      const { deliveryId } = DeliveryParams.parse(req.params)
      const { order } = await loaded(req)
      const file = await analyses.requireDeliveryFile(req.db, order, deliveryId)
      return app.storage.send(req.db, reply, file.hash, file.name)
    },
  )
}
