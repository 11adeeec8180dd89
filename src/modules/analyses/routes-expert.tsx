// Outside any one space: the secretariat's list of every order it services, and the expert's own
// orders with the upload. An expert reaches only the orders given to them (policy: canDeliver).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { today } from '../../kernel/dates.ts'
import { NotFoundError } from '../../kernel/errors.ts'
import { typedValues } from '../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../kernel/pagination.ts'
import { authorize } from '../../kernel/policy.ts'
import type { FieldErrors } from '../../kernel/views/fields.tsx'
import { AnalysesQuery, DeliveryForm, MyDeliveryParams, MyOrderParams } from './schemas.ts'
import * as analyses from './service.ts'
import { AnalysesPage } from './views/analyses-page.tsx'
import { ExpertOrderPage, MyAnalysesPage } from './views/expert-pages.tsx'

export async function analysesListRoutes(app: FastifyInstance) {
  app.get('/analyses', { config: { permission: 'analyses.read' } }, async (req, reply) => {
    authorize(req.actor, 'analyses.read')
    const query = AnalysesQuery.parse(req.query)
    const page = pageFrom(req.query)
    const { rows, sums } = await analyses.listForSecretariat(req.db, req.actor, query, page)
    const found = pageOf(rows, page)
    return render(
      reply,
      <AnalysesPage
        ctx={viewContext(req, reply)}
        rows={found.rows}
        sums={sums}
        page={page}
        hasNext={found.hasNext}
        query={query}
        today={today()}
      />,
    )
  })

  app.get('/analyses/mine', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const page = pageFrom(req.query)
    const found = pageOf(await analyses.listMine(req.db, req.actor, page), page)
    return render(
      reply,
      <MyAnalysesPage
        ctx={viewContext(req, reply)}
        rows={found.rows}
        page={page}
        hasNext={found.hasNext}
        today={today()}
      />,
    )
  })

  const ownOrder = (req: FastifyRequest) => {
    authorize(req.actor, 'signedIn')
    const { id } = MyOrderParams.parse(req.params)
    return analyses.requireOwnOrder(req.db, req.actor, id)
  }

  const expertPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors?: FieldErrors,
    found?: analyses.Order,
  ) => {
    const order = found ?? (await ownOrder(req))
    return render(
      reply.code(errors ? 422 : 200),
      <ExpertOrderPage
        ctx={viewContext(req, reply)}
        order={order}
        deliveries={await analyses.listDeliveries(req.db, order.id)}
        today={today()}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  // The expert's page of their order; the secretariat of its space, following the same address (a
  // link the expert sent, say), is taken to the space's page of the order.
  app.get('/analyses/:id', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const { id } = MyOrderParams.parse(req.params)
    const order = await analyses.findOwnOrder(req.db, req.actor, id)
    if (order) return expertPage(req, reply, undefined, order)
    const there = await analyses.orderInSpaceFor(req.db, req.actor, id)
    if (!there) throw new NotFoundError()
    return reply.redirect(there, 303)
  })

  // The file is read only once the person is signed in (kernel/http) and, checked here before
  // that, only for the expert of this order: someone else's upload is never read.
  app.post(
    '/analyses/:id/deliveries',
    {
      config: { permission: 'signedIn', upload: true },
      preValidation: async (req) => {
        await ownOrder(req)
      },
    },
    async (req, reply) => {
      authorize(req.actor, 'signedIn')
      const actor = req.actor
      const order = await ownOrder(req)
      return submitForm(req, reply, DeliveryForm, {
        act: (data) => analyses.deliverAnalysis(req.db, app.storage, actor, order, data),
        again: (errors) => expertPage(req, reply, errors),
        flash: (version) => req.t('analyses.deliver.done', { version }),
        to: `/analyses/${order.id}`,
      })
    },
  )

  app.get(
    '/analyses/:id/deliveries/:deliveryId',
    { config: { permission: 'signedIn' } },
    async (req, reply) => {
      const { deliveryId } = MyDeliveryParams.parse(req.params)
      const order = await ownOrder(req)
      const file = await analyses.requireDeliveryFile(req.db, order, deliveryId)
      return app.storage.send(req.db, reply, file.hash, file.name)
    },
  )
}
