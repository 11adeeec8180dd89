import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { parseForm, ruleErrors, typedValues } from '../../../kernel/forms.ts'
import { render, setFlash, viewContext } from '../../../kernel/http.tsx'
import { pageFrom, pageOf } from '../../../kernel/pagination.ts'
import { authorize } from '../../../kernel/policy.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import { IdParams, Organisation, OrganisationsQuery } from '../schemas.ts'
import * as accounts from '../service.ts'
import { OrganisationFormPage } from '../views/organisation-form-page.tsx'
import { OrganisationsListPage } from '../views/organisations-list-page.tsx'

export async function organisationRoutes(app: FastifyInstance) {
  app.get('/organisations', { config: { permission: 'organisations.manage' } }, async (req, reply) => {
    authorize(req.actor, 'organisations.manage')
    const query = OrganisationsQuery.parse(req.query)
    const page = pageFrom(req.query)
    const { rows, hasNext } = pageOf(await accounts.listOrganisations(req.db, query, page), page)
    return render(
      reply,
      <OrganisationsListPage
        ctx={viewContext(req, reply)}
        rows={rows}
        page={page}
        hasNext={hasNext}
        query={query}
      />,
    )
  })

  const refused = (req: FastifyRequest, reply: FastifyReply, id: string | undefined, errors: FieldErrors) =>
    render(
      reply.code(422),
      <OrganisationFormPage
        ctx={viewContext(req, reply)}
        id={id}
        values={typedValues(req.body)}
        errors={errors}
      />,
    )

  app.get('/organisations/new', { config: { permission: 'organisations.manage' } }, async (req, reply) => {
    authorize(req.actor, 'organisations.manage')
    return render(reply, <OrganisationFormPage ctx={viewContext(req, reply)} />)
  })

  app.post('/organisations/new', { config: { permission: 'organisations.manage' } }, async (req, reply) => {
    authorize(req.actor, 'organisations.manage')
    const form = parseForm(Organisation, req.body, req.t, req.lang)
    if (!form.ok) return refused(req, reply, undefined, form.errors)
    try {
      await accounts.saveOrganisation(req.db, req.actor, null, form.data)
    } catch (err) {
      return refused(req, reply, undefined, ruleErrors(err, req.t))
    }
    setFlash(reply, req.t('accounts.organisations.saved'))
    return reply.redirect('/organisations', 303)
  })

  app.get('/organisations/:id', { config: { permission: 'organisations.manage' } }, async (req, reply) => {
    const { id } = IdParams.parse(req.params)
    authorize(req.actor, 'organisations.manage')
    const org = await accounts.requireOrganisation(req.db, id)
    const values = {
      ...org,
      nip: org.nip ?? '',
      regon: org.regon ?? '',
      address: org.address ?? '',
      website: org.website ?? '',
    }
    return render(reply, <OrganisationFormPage ctx={viewContext(req, reply)} id={id} values={values} />)
  })

  app.post('/organisations/:id', { config: { permission: 'organisations.manage' } }, async (req, reply) => {
    const { id } = IdParams.parse(req.params)
    authorize(req.actor, 'organisations.manage')
    await accounts.requireOrganisation(req.db, id)
    const form = parseForm(Organisation, req.body, req.t, req.lang)
    if (!form.ok) return refused(req, reply, id, form.errors)
    try {
      await accounts.saveOrganisation(req.db, req.actor, id, form.data)
    } catch (err) {
      return refused(req, reply, id, ruleErrors(err, req.t))
    }
    setFlash(reply, req.t('accounts.organisations.saved'))
    return reply.redirect('/organisations', 303)
  })
}
