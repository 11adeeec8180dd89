import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { today } from '../../../kernel/dates.ts'
import { NotFoundError } from '../../../kernel/errors.ts'
import { parseForm, ruleErrors, typedValues } from '../../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import { authorize, seesProposal } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import * as accounts from '../../accounts/service.ts'
import * as compositions from '../compositions.ts'
import * as q from '../queries.ts'
import { ApproveForm, EntryForm, ItemParams, ProposalNote, ReturnForm } from '../schemas.ts'
import * as spaces from '../service.ts'
import { AuthorityPage } from '../views/authority-page.tsx'
import { CompositionsPage } from '../views/compositions-page.tsx'
import { ProposalPage } from '../views/proposal-page.tsx'
import { inSpace } from './load.ts'

const EntryId = z.object({ entryId: z.uuid() })

async function proposalFor(req: FastifyRequest) {
  const { itemId } = ItemParams.parse(req.params)
  const loaded = inSpace(req)
  const proposal = await compositions.requireProposal(req.db, loaded.space, itemId)
  // To whom may not see a draft it does not exist.
  if (!seesProposal(loaded.actor, loaded.space.access, proposal.status)) throw new NotFoundError()
  return { ...loaded, proposal }
}

export async function compositionRoutes(app: FastifyInstance) {
  const listPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const { space, may } = inSpace(req)
    const page = pageFrom(req.query)
    const [list, open] = await Promise.all([
      spaces.listProposals(req.db, space.id, page, { drafts: may['space.propose'] }),
      compositions.findOpenProposal(req.db, space.id),
    ])
    const { rows, hasNext } = pageOf(list, page)
    return render(
      reply.code(errors ? 422 : 200),
      <CompositionsPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        rows={rows}
        page={page}
        hasNext={hasNext}
        hasOpen={open !== undefined}
        errors={errors}
      />,
    )
  }

  app.get(
    '/spaces/:id/compositions',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => listPage(req, reply),
  )

  app.post(
    '/spaces/:id/compositions',
    { config: { permission: 'signedIn', spacePermission: 'space.propose' } },
    async (req, reply) => {
      const { space, actor } = inSpace(req)
      let id: string
      try {
        id = await compositions.startProposal(req.db, actor, space)
      } catch (err) {
        return listPage(req, reply, ruleErrors(err, req.t))
      }
      return reply.redirect(`/spaces/${space.id}/compositions/${id}`, 303)
    },
  )

  /** The proposal's page, again after a refused form: what was typed stays, the message beside it. */
  const proposalPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { errors?: FieldErrors; conflict?: { theirs: string; version: number } } = {},
  ) => {
    const { space, may, proposal } = await proposalFor(req)
    const refused = extra.errors !== undefined || extra.conflict !== undefined
    const [previous, organisations] = await Promise.all([
      compositions.previousComposition(req.db, proposal),
      may['space.propose'] ? accounts.listOrganisationChoices(req.db) : [],
    ])
    return render(
      reply.code(refused ? (extra.conflict ? 409 : 422) : 200),
      <ProposalPage
        ctx={viewContext(req, reply)}
        space={space}
        may={may}
        proposal={proposal}
        previous={previous}
        organisations={organisations}
        values={refused ? typedValues(req.body) : undefined}
        errors={extra.errors}
        conflict={extra.conflict}
        today={today()}
      />,
    )
  }

  app.get(
    '/spaces/:id/compositions/:itemId',
    { config: { permission: 'signedIn', spacePermission: 'space.read' } },
    async (req, reply) => proposalPage(req, reply),
  )

  const back = (spaceId: string, proposalId: string) => `/spaces/${spaceId}/compositions/${proposalId}`

  app.post(
    '/spaces/:id/compositions/:itemId/note',
    { config: { permission: 'signedIn', spacePermission: 'space.propose' } },
    async (req, reply) => {
      const { space, actor, proposal } = await proposalFor(req)
      const form = parseForm(ProposalNote, req.body, req.t, req.lang)
      if (!form.ok) return proposalPage(req, reply, { errors: form.errors })
      try {
        const result = await compositions.saveProposalNote(req.db, actor, proposal, form.data)
        if (!result.saved) return proposalPage(req, reply, { conflict: result })
      } catch (err) {
        return proposalPage(req, reply, { errors: ruleErrors(err, req.t) })
      }
      setFlash(reply, req.t('spaces.composition.noteSaved'))
      return reply.redirect(back(space.id, proposal.id), 303)
    },
  )

  app.post(
    '/spaces/:id/compositions/:itemId/entries',
    { config: { permission: 'signedIn', spacePermission: 'space.propose' } },
    async (req, reply) => {
      const { space, actor, proposal } = await proposalFor(req)
      return submitForm(req, reply, EntryForm, {
        act: (data) => compositions.addEntry(req.db, actor, proposal, data),
        again: (errors) => proposalPage(req, reply, { errors: errors }),
        flash: req.t('spaces.composition.added'),
        to: back(space.id, proposal.id),
      })
    },
  )

  app.post(
    '/spaces/:id/compositions/:itemId/remove',
    { config: { permission: 'signedIn', spacePermission: 'space.propose' } },
    async (req, reply) => {
      const { space, actor, proposal } = await proposalFor(req)
      const { entryId } = EntryId.parse(req.body)
      try {
        await compositions.removeEntry(req.db, actor, proposal, entryId)
      } catch (err) {
        return proposalPage(req, reply, { errors: ruleErrors(err, req.t) })
      }
      setFlash(reply, req.t('spaces.composition.removed'))
      return reply.redirect(back(space.id, proposal.id), 303)
    },
  )

  app.post(
    '/spaces/:id/compositions/:itemId/submit',
    { config: { permission: 'signedIn', spacePermission: 'space.propose' } },
    async (req, reply) => {
      const { space, actor, proposal } = await proposalFor(req)
      try {
        await compositions.submitProposal(req.db, actor, space, proposal)
      } catch (err) {
        return proposalPage(req, reply, { errors: ruleErrors(err, req.t) })
      }
      setFlash(reply, req.t('spaces.composition.submitted'))
      return reply.redirect(back(space.id, proposal.id), 303)
    },
  )

  app.post(
    '/spaces/:id/compositions/:itemId/return',
    { config: { permission: 'signedIn', spacePermission: 'space.decide' } },
    async (req, reply) => {
      const { space, actor, proposal } = await proposalFor(req)
      return submitForm(req, reply, ReturnForm, {
        act: (data) => compositions.returnProposal(req.db, actor, space, proposal, data.comment),
        again: (errors) => proposalPage(req, reply, { errors: errors }),
        flash: req.t('spaces.composition.returned'),
        to: back(space.id, proposal.id),
      })
    },
  )

  app.post(
    '/spaces/:id/compositions/:itemId/approve',
    { config: { permission: 'signedIn', spacePermission: 'space.decide' } },
    async (req, reply) => {
      const { space, actor, proposal } = await proposalFor(req)
      return submitForm(req, reply, ApproveForm, {
        act: (data) => compositions.approveProposal(req.db, actor, space, proposal, data),
        again: (errors) => proposalPage(req, reply, { errors: errors }),
        flash: req.t('spaces.composition.approved'),
        to: back(space.id, proposal.id),
      })
    },
  )

  // The managing authority's own view: everything that awaits its decision, and what it decided lately.
  app.get('/authority', { config: { permission: 'compositions.review' } }, async (req, reply) => {
    authorize(req.actor, 'compositions.review')
    const page = pageFrom(req.query)
    const [waiting, recent] = await Promise.all([
      q.listWaitingProposals(req.db, page),
      q.listRecentDecisions(req.db, 10),
    ])
    const { rows, hasNext } = pageOf(waiting, page)
    return render(
      reply,
      <AuthorityPage
        ctx={viewContext(req, reply)}
        rows={rows}
        recent={recent}
        page={page}
        hasNext={hasNext}
      />,
    )
  })
}
