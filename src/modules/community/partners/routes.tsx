// Partner search: organisations' profiles, partner requests and the search over both. Reading is
// open to all; an organisation's contact people (and the secretariat) keep its profile and requests;
// anyone signed in may write to an organisation they are not part of (the one policy decides each).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { today } from '../../../kernel/dates.ts'
import { NotFoundError } from '../../../kernel/errors.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, setFlash, submitForm, viewContext } from '../../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import {
  authorize,
  authorizeOrganisation,
  type OrganisationAccess,
  organisationCan,
} from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import { projectThemes, publicProjectsOf } from '../../projects/index.ts'
import type { Db } from '../db.ts'
import { NewThreadForm } from '../messages/schemas.ts'
import * as messages from '../messages/service.ts'
import { criteria } from './rules.ts'
import * as saved from './saved.ts'
import {
  OrganisationParams,
  OrganisationProfileForm,
  PartnerRequestForm,
  PartnerSearchQuery,
  RequestParams,
  SavedParams,
  SaveSearchForm,
  wantedOf,
} from './schemas.ts'
import * as partners from './service.ts'
import { OrganisationFormPage, OrganisationPage } from './views/organisation-pages.tsx'
import { choicesOf } from './views/parts.tsx'
import { RequestFormPage, RequestPage } from './views/request-pages.tsx'
import { SavedSearchesPage } from './views/saved-page.tsx'
import { OrganisationsPage, RequestsPage } from './views/search-page.tsx'

const read = { config: { permission: 'community.read' } } as const
const post = { config: { permission: 'community.post' } } as const

/** Ranked lists are paged by number, to 50 pages. */
const maxPages = 50

const choices = async (req: FastifyRequest, reply: FastifyReply) =>
  choicesOf(viewContext(req, reply), await projectThemes(req.db))

/** The person's access to a request's organisation: whether they are one of its contact people. */
async function requestAccess(
  req: FastifyRequest,
  request: partners.PartnerRequest,
): Promise<OrganisationAccess> {
  const own = req.actor ? await partners.ownOrganisation(req.db as Db, req.actor.id) : null
  return { isContact: own?.id === request.organisation_id }
}

async function requestOf(req: FastifyRequest) {
  const { requestId } = RequestParams.parse(req.params)
  return partners.findRequest(req.db as Db, requestId)
}

export async function partnerRoutes(app: FastifyInstance) {
  /**
   * What both ranked lists share: the query, the page (to the 50th), and beside the search (run at
   * once) the person's own organisation and the themes; then the page's common props.
   */
  const ranked = async <H,>(
    req: FastifyRequest,
    reply: FastifyReply,
    query: PartnerSearchQuery,
    search: (offset: number) => Promise<H[]>,
  ) => {
    const db = req.db as Db
    const page = pageFrom(req.query, partners.searchPageSize)
    if (page.number > maxPages) throw new NotFoundError()
    const [hits, own, themes] = await Promise.all([
      search(page.offset),
      req.actor ? partners.ownOrganisation(db, req.actor.id) : null,
      projectThemes(db),
    ])
    const rows = pageOf(hits, page)
    const ctx = viewContext(req, reply)
    return {
      ctx,
      query,
      choices: choicesOf(ctx, themes),
      hits: rows.rows,
      page,
      hasNext: rows.hasNext,
      own,
      signedIn: req.actor !== null,
    }
  }

  app.get('/community/partners', read, async (req, reply) => {
    const db = req.db as Db
    const query = PartnerSearchQuery.parse(req.query)
    // Matched to a request: its partner profile is what is asked, until the person changes it.
    const request = query.request ? await partners.findRequest(db, query.request) : null
    const asked = criteria.some((c) => c !== 'region' && query[c].length > 0)
    if (request && !asked) {
      const wanted = partners.wantedBy(request)
      Object.assign(query, {
        theme: wanted.theme,
        kind: wanted.kind,
        country: wanted.country,
        language: wanted.language,
        programme: wanted.programme,
      })
    }
    const shown = await ranked(req, reply, query, (offset) =>
      partners.searchOrganisations(db, wantedOf(query), query.q, offset, {
        except: request?.organisation_id,
      }),
    )
    return render(
      reply,
      <OrganisationsPage
        {...shown}
        matchFor={request ? { id: request.id, title: request.title } : undefined}
      />,
    )
  })

  app.get('/community/partners/requests', read, async (req, reply) => {
    const query = PartnerSearchQuery.parse(req.query)
    const shown = await ranked(req, reply, query, (offset) =>
      partners.searchRequests(req.db as Db, wantedOf(query), query.q, today(), offset),
    )
    return render(reply, <RequestsPage {...shown} />)
  })

  // Saved searches: the person keeps a search and is told of its new results once a week.
  const savedPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    authorize(req.actor, 'community.post')
    const [searches, themes] = await Promise.all([
      saved.savedOf(req.db as Db, req.actor.id),
      projectThemes(req.db),
    ])
    const ctx = viewContext(req, reply)
    return render(
      reply.code(errors ? 422 : 200),
      <SavedSearchesPage ctx={ctx} searches={searches} choices={choicesOf(ctx, themes)} errors={errors} />,
    )
  }

  app.get('/community/partners/saved', post, async (req, reply) => savedPage(req, reply))

  app.post('/community/partners/saved', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const actor = req.actor
    return submitForm(req, reply, SaveSearchForm, {
      act: ({ target, ...query }) => saved.saveSearch(req.db as Db, actor, target, query),
      again: (errors) => savedPage(req, reply, errors),
      flash: (done) =>
        req.t(done.saved ? 'community.partners.saved.saved' : 'community.partners.saved.already'),
      to: '/community/partners/saved',
    })
  })

  app.post('/community/partners/saved/:searchId/remove', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const { searchId } = SavedParams.parse(req.params)
    // Someone else's search is not found.
    if (!(await saved.removeOwnSearch(req.db as Db, req.actor, searchId))) throw new NotFoundError()
    setFlash(reply, req.t('community.partners.saved.removed'))
    return reply.redirect('/community/partners/saved', 303)
  })

  // The person's own organisation, new: they become its contact person.
  const newOrganisationForm = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) =>
    render(
      reply.code(errors ? 422 : 200),
      <OrganisationFormPage
        ctx={viewContext(req, reply)}
        action="/community/organisations/new"
        isNew
        choices={await choices(req, reply)}
        values={errors ? typedValues(req.body) : { country: 'PL', type: 'ngo', lang: req.lang }}
        errors={errors}
      />,
    )

  app.get('/community/organisations/new', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const own = await partners.ownOrganisation(req.db as Db, req.actor.id)
    if (own) return reply.redirect(`/community/organisations/${own.id}/edit`, 303)
    return newOrganisationForm(req, reply)
  })

  app.post('/community/organisations/new', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const actor = req.actor
    return submitForm(req, reply, OrganisationProfileForm, {
      act: (form) => partners.saveOrganisationProfile(req.db as Db, actor, null, form),
      again: (errors) => newOrganisationForm(req, reply, errors),
      flash: req.t('community.partners.organisation.saved'),
      to: (saved) => `/community/organisations/${saved.id}`,
    })
  })

  const organisationPage = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) => {
    const db = req.db as Db
    const { organisationId } = OrganisationParams.parse(req.params)
    const organisation = await partners.findOrganisation(db, organisationId, req.actor)
    const [projects, requests, themes] = await Promise.all([
      publicProjectsOf(db, organisation.id),
      partners.requestsOf(db, organisation.id),
      projectThemes(db),
    ])
    const ctx = viewContext(req, reply)
    return render(
      reply.code(errors ? 422 : 200),
      <OrganisationPage
        ctx={ctx}
        organisation={organisation}
        choices={choicesOf(ctx, themes)}
        projects={projects}
        requests={requests}
        today={today()}
        mayEdit={organisationCan(req.actor, 'organisation.edit', organisation.access)}
        mayWrite={organisationCan(req.actor, 'organisation.message', organisation.access)}
        signedIn={req.actor !== null}
        refused={errors ? { values: typedValues(req.body), errors } : undefined}
      />,
    )
  }

  app.get('/community/organisations/:organisationId', read, async (req, reply) =>
    organisationPage(req, reply),
  )

  const editOrganisationForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    organisation: partners.OrganisationProfile,
    errors?: FieldErrors,
  ) =>
    render(
      reply.code(errors ? 422 : 200),
      <OrganisationFormPage
        ctx={viewContext(req, reply)}
        action={`/community/organisations/${organisation.id}/edit`}
        isNew={false}
        choices={await choices(req, reply)}
        values={
          errors
            ? typedValues(req.body)
            : {
                name: organisation.name,
                type: organisation.type,
                country: organisation.country,
                website: organisation.website ?? '',
                regionCode: organisation.region_code ?? '',
                regionName: organisation.region_name ?? '',
                size: organisation.size ?? '',
                themes: organisation.themes ?? [],
                languages: organisation.languages ?? [],
                programmes: organisation.programmes ?? [],
                lang: organisation.lang ?? req.lang,
                experience: organisation.experience ?? '',
                offers: organisation.offers ?? '',
                seeks: organisation.seeks ?? '',
              }
        }
        errors={errors}
      />,
    )

  const editableOrganisation = async (req: FastifyRequest) => {
    authorize(req.actor, 'community.post')
    const { organisationId } = OrganisationParams.parse(req.params)
    const organisation = await partners.findOrganisation(req.db as Db, organisationId, req.actor)
    authorizeOrganisation(req.actor, 'organisation.edit', organisation.access)
    return organisation
  }

  app.get('/community/organisations/:organisationId/edit', post, async (req, reply) =>
    editOrganisationForm(req, reply, await editableOrganisation(req)),
  )

  app.post('/community/organisations/:organisationId/edit', post, async (req, reply) => {
    const organisation = await editableOrganisation(req)
    const actor = req.actor as NonNullable<typeof req.actor>
    return submitForm(req, reply, OrganisationProfileForm, {
      act: (form) => partners.saveOrganisationProfile(req.db as Db, actor, organisation.id, form),
      again: (errors) => editOrganisationForm(req, reply, organisation, errors),
      flash: req.t('community.partners.organisation.saved'),
      to: `/community/organisations/${organisation.id}`,
    })
  })

  // A message to the organisation's contact people, from its page or a request's.
  app.post('/community/organisations/:organisationId/messages', post, async (req, reply) => {
    authorize(req.actor, 'community.post')
    const { organisationId } = OrganisationParams.parse(req.params)
    const organisation = await partners.findOrganisation(req.db as Db, organisationId, req.actor)
    authorizeOrganisation(req.actor, 'organisation.message', organisation.access)
    const actor = req.actor
    return submitForm(req, reply, NewThreadForm, {
      act: (form) => messages.startThread(req.db as Db, actor, organisation, form),
      again: (errors) => organisationPage(req, reply, errors),
      flash: req.t('community.messages.sent'),
      to: (thread) => `/community/messages/${thread.id}`,
    })
  })

  // A new request of the person's own organisation; without a profile, the profile comes first.
  const newRequestForm = async (req: FastifyRequest, reply: FastifyReply, errors?: FieldErrors) =>
    render(
      reply.code(errors ? 422 : 200),
      <RequestFormPage
        ctx={viewContext(req, reply)}
        action="/community/partners/requests/new"
        isNew
        choices={await choices(req, reply)}
        values={errors ? typedValues(req.body) : { lang: req.lang, programme: 'esf_plus' }}
        errors={errors}
      />,
    )

  const ownProfiled = async (req: FastifyRequest) => {
    authorize(req.actor, 'community.post')
    return partners.ownOrganisation(req.db as Db, req.actor.id)
  }

  app.get('/community/partners/requests/new', post, async (req, reply) => {
    const own = await ownProfiled(req)
    if (!own) return reply.redirect('/community/organisations/new', 303)
    if (!own.profiled) return reply.redirect(`/community/organisations/${own.id}/edit`, 303)
    return newRequestForm(req, reply)
  })

  app.post('/community/partners/requests/new', post, async (req, reply) => {
    const own = await ownProfiled(req)
    if (!own) return reply.redirect('/community/organisations/new', 303)
    const actor = req.actor as NonNullable<typeof req.actor>
    return submitForm(req, reply, PartnerRequestForm, {
      act: (form) => partners.publishRequest(req.db as Db, actor, own, form, today()),
      again: (errors) => newRequestForm(req, reply, errors),
      flash: req.t('community.partners.request.published'),
      to: (created) => `/community/partners/requests/${created.id}`,
    })
  })

  const requestPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    request: partners.PartnerRequest,
    errors?: FieldErrors,
  ) => {
    const db = req.db as Db
    const [access, matches, themes] = await Promise.all([
      requestAccess(req, request),
      partners.searchOrganisations(db, partners.wantedBy(request), '', 0, {
        except: request.organisation_id,
        limit: partners.matchesShown,
      }),
      projectThemes(db),
    ])
    const ctx = viewContext(req, reply)
    return render(
      reply.code(errors ? 422 : 200),
      <RequestPage
        ctx={ctx}
        request={request}
        choices={choicesOf(ctx, themes)}
        matches={matches.slice(0, partners.matchesShown)}
        today={today()}
        mayEdit={organisationCan(req.actor, 'organisation.edit', access)}
        mayAnswer={organisationCan(req.actor, 'organisation.message', access)}
        signedIn={req.actor !== null}
        refused={errors ? { values: typedValues(req.body), errors } : undefined}
      />,
    )
  }

  app.get('/community/partners/requests/:requestId', read, async (req, reply) =>
    requestPage(req, reply, await requestOf(req)),
  )

  const editableRequest = async (req: FastifyRequest) => {
    authorize(req.actor, 'community.post')
    const request = await requestOf(req)
    authorizeOrganisation(req.actor, 'organisation.edit', await requestAccess(req, request))
    return request
  }

  const editRequestForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    request: partners.PartnerRequest,
    errors?: FieldErrors,
  ) =>
    render(
      reply.code(errors ? 422 : 200),
      <RequestFormPage
        ctx={viewContext(req, reply)}
        action={`/community/partners/requests/${request.id}/edit`}
        isNew={false}
        choices={await choices(req, reply)}
        values={
          errors
            ? typedValues(req.body)
            : {
                title: request.title,
                idea: request.idea,
                lang: request.lang,
                programme: request.programme,
                seekKinds: request.seek_kinds,
                seekCountries: request.seek_countries,
                seekThemes: request.seek_themes,
                seekLanguages: request.seek_languages,
                competences: request.competences,
                deadline: request.deadline,
              }
        }
        errors={errors}
      />,
    )

  app.get('/community/partners/requests/:requestId/edit', post, async (req, reply) =>
    editRequestForm(req, reply, await editableRequest(req)),
  )

  app.post('/community/partners/requests/:requestId/edit', post, async (req, reply) => {
    const request = await editableRequest(req)
    const actor = req.actor as NonNullable<typeof req.actor>
    return submitForm(req, reply, PartnerRequestForm, {
      act: (form) => partners.updateRequest(req.db as Db, actor, request, form, today()),
      again: (errors) => editRequestForm(req, reply, request, errors),
      flash: req.t('community.partners.request.saved'),
      to: `/community/partners/requests/${request.id}`,
    })
  })

  app.post('/community/partners/requests/:requestId/withdraw', post, async (req, reply) => {
    const request = await editableRequest(req)
    const actor = req.actor as NonNullable<typeof req.actor>
    await partners.withdrawRequest(req.db as Db, actor, request)
    setFlash(reply, req.t('community.partners.request.withdrawn'))
    return reply.redirect(`/community/partners/requests/${request.id}`, 303)
  })
}
