// A person's own action items from the minutes of all their spaces, and reporting on one.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { today } from '../../../kernel/dates.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import { authorize } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import { ActionParams, ActionStatusForm, ActionsQuery } from '../minutes/schemas.ts'
import * as actions from './service.ts'
import { ActionsPage } from './views/actions-page.tsx'

export async function actionRoutes(app: FastifyInstance) {
  const page = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    authorize(req.actor, 'signedIn')
    const { show } = ActionsQuery.parse(req.query)
    const p = pageFrom(req.query, 25)
    const { rows, hasNext } = pageOf(await actions.listMyActions(req.db, req.actor.id, show, p), p)
    return render(
      reply.code(errors ? 422 : 200),
      <ActionsPage
        ctx={viewContext(req, reply)}
        rows={rows}
        filter={show}
        page={p}
        hasNext={hasNext}
        today={today()}
        refused={errors && { values: typedValues(req.body), errors }}
      />,
    )
  }

  app.get('/actions', { config: { permission: 'signedIn' } }, async (req, reply) => page(req, reply))

  app.post('/actions/:actionId', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const { actionId } = ActionParams.parse(req.params)
    const actor = req.actor
    const action = await actions.actionToUpdate(req.db, actor, actionId)
    return submitForm(req, reply, ActionStatusForm, {
      act: (data) => actions.setActionStatus(req.db, actor, action, data),
      again: (errors) => page(req, reply, errors),
      flash: req.t('actions.saved'),
      to: '/actions',
    })
  })
}
