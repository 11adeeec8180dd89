// The register of decisions: a space's, everyone's across the spaces they read, and the managing
// authority's list of what was forwarded to it; forwarding a decision and taking one into an agenda.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { today } from '../../../kernel/dates.ts'
import { RuleError } from '../../../kernel/errors.ts'
import { sendTable } from '../../../kernel/exports.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, submitForm, viewContext } from '../../../kernel/http.tsx'
import { type Page, pageFrom, pageOf } from '../../../kernel/pagination.ts'
import { authorize, readsEverySpace } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import { inSpace } from '../../spaces/index.ts'
import { listSpaceChoices } from '../../spaces/service.ts'
import { DecisionPageParams, ForwardForm, RegisterQuery, TakeForm } from '../minutes/schemas.ts'
import { requireMeeting } from '../service.ts'
import * as decisions from './service.ts'
import { AllRegisterPage } from './views/all-register-page.tsx'
import { AuthorityDecisionsPage } from './views/authority-decisions-page.tsx'
import { DecisionDetailPage } from './views/decision-detail-page.tsx'
import { registerTable } from './views/register.tsx'
import { SpaceRegisterPage } from './views/space-register-page.tsx'

/** The register as a CSV or XLSX file, named after the register and the day, written a page at a time. */
function sendRegister(
  req: FastifyRequest,
  reply: FastifyReply,
  scope: decisions.RegisterScope,
  query: RegisterQuery & { format: 'csv' | 'xlsx' },
) {
  const { headers } = registerTable(req.t, req.lang, [])
  async function* pages() {
    for await (const rows of decisions.exportRegister(req.db, scope, query))
      yield registerTable(req.t, req.lang, rows).rows
  }
  return sendTable(reply, query.format, {
    fileName: `${req.t('decisions.title')} ${today()}.${query.format}`,
    sheetName: req.t('decisions.title'),
    headers,
    pages: pages(),
  })
}

export async function decisionRoutes(app: FastifyInstance) {
  const spaceRegister = async (req: FastifyRequest, reply: FastifyReply, take?: FieldErrors) => {
    const { space, may } = inSpace(req)
    const query = RegisterQuery.parse(req.query)
    if (query.format && !take)
      return sendRegister(req, reply, { spaceId: space.id }, { ...query, format: query.format })
    const page: Page = pageFrom(req.query, 50)
    // What other bodies forwarded here pages on its own (?incoming=2), beside the register's pages.
    const incomingPage = pageFrom(req.query, 50, 'incoming')
    const [list, incoming, meetings] = await Promise.all([
      decisions.listRegister(req.db, { spaceId: space.id }, query, page),
      decisions.listIncoming(req.db, space.id, incomingPage),
      may['space.convene'] ? decisions.listOpenMeetings(req.db, space.id) : [],
    ])
    const { rows, hasNext } = pageOf(list, page)
    return render(
      reply.code(take ? 422 : 200),
      <SpaceRegisterPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        rows={rows}
        query={query}
        page={page}
        hasNext={hasNext}
        incoming={{ ...pageOf(incoming, incomingPage), page: incomingPage }}
        meetings={meetings}
        take={take && { values: typedValues(req.body), errors: take }}
      />,
    )
  }

  app.get(
    '/spaces/:id/decisions',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => spaceRegister(req, reply),
  )

  // A decision forwarded here goes into the agenda of one of this body's coming meetings.
  app.post(
    '/spaces/:id/decisions/incoming',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { space, actor } = inSpace(req)
      return submitForm(req, reply, TakeForm, {
        act: async (data) =>
          decisions.takeIntoAgenda(
            req.db,
            actor,
            space.id,
            data.forwardId,
            await requireMeeting(req.db, space.id, data.meetingId).catch(() => {
              throw new RuleError('decisions.errors.meeting', 'meetingId')
            }),
          ),
        again: (errors) => spaceRegister(req, reply, errors),
        flash: req.t('decisions.incoming.takenFlash'),
        to: `/spaces/${space.id}/decisions#incoming`,
      })
    },
  )

  const detailPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { decisionId } = DecisionPageParams.parse(req.params)
    const { space, may } = inSpace(req)
    const decision = await decisions.requireDecision(req.db, space.id, decisionId)
    const [forwards, targets] = await Promise.all([
      decisions.listForwards(req.db, decision.id),
      may['space.convene'] ? decisions.listForwardTargets(req.db, space.id) : [],
    ])
    return render(
      reply.code(errors ? 422 : 200),
      <DecisionDetailPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        decision={decision}
        forwards={forwards}
        targets={targets}
        values={errors ? typedValues(req.body) : undefined}
        errors={errors}
      />,
    )
  }

  app.get(
    '/spaces/:id/decisions/:decisionId',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => detailPage(req, reply),
  )

  app.post(
    '/spaces/:id/decisions/:decisionId/forward',
    { config: { permission: 'signedIn', spacePermission: 'space.convene' } },
    async (req, reply) => {
      const { decisionId } = DecisionPageParams.parse(req.params)
      const { space, actor } = inSpace(req)
      const decision = await decisions.requireDecision(req.db, space.id, decisionId)
      return submitForm(req, reply, ForwardForm, {
        act: (data) => decisions.forwardDecision(req.db, actor, space, decision, data),
        again: (errors) => detailPage(req, reply, errors),
        flash: req.t('decisions.forward.done'),
        to: `/spaces/${space.id}/decisions/${decision.id}`,
      })
    },
  )

  // Across spaces: every decision of the spaces this person reads (all of them for the secretariat
  // and the managing authority).
  app.get('/decisions', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const query = RegisterQuery.parse(req.query)
    const scope = { personId: req.actor.id, readsAll: readsEverySpace(req.actor) }
    if (query.format) return sendRegister(req, reply, scope, { ...query, format: query.format })
    const page = pageFrom(req.query, 50)
    // Only those who read every space filter by space: the others' register holds only their own.
    const [list, spaces] = await Promise.all([
      decisions.listRegister(req.db, scope, query, page),
      scope.readsAll ? listSpaceChoices(req.db) : undefined,
    ])
    const { rows, hasNext } = pageOf(list, page)
    return render(
      reply,
      <AllRegisterPage
        ctx={viewContext(req, reply)}
        rows={rows}
        query={query}
        page={page}
        hasNext={hasNext}
        spaces={spaces}
      />,
    )
  })

  app.get('/authority/decisions', { config: { permission: 'meetings.notices' } }, async (req, reply) => {
    authorize(req.actor, 'meetings.notices')
    const page = pageFrom(req.query)
    const { rows, hasNext } = pageOf(await decisions.listIncoming(req.db, null, page), page)
    return render(
      reply,
      <AuthorityDecisionsPage ctx={viewContext(req, reply)} rows={rows} page={page} hasNext={hasNext} />,
    )
  })
}
