import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../config.ts'
import { parseForm, typedValues } from '../../../kernel/forms.ts'
import { cookieNames, cookieOptions, render, setFlash, viewContext } from '../../../kernel/http.tsx'
import { translator } from '../../../kernel/i18n.ts'
import { authorize } from '../../../kernel/policy.ts'
import { Profile } from '../schemas.ts'
import * as accounts from '../service.ts'
import { ProfilePage } from '../views/profile-page.tsx'

export async function profileRoutes(app: FastifyInstance, { config }: { config: Config }) {
  app.get('/profile', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const [person, organisations, sessionCount] = await Promise.all([
      accounts.requirePerson(req.db, req.actor.id),
      accounts.listOrganisationChoices(req.db),
      accounts.countSessionsOf(req.db, req.actor.id),
    ])
    const values = {
      name: person.name,
      organisationId: person.organisation_id ?? '',
      position: person.position ?? '',
      phone: person.phone ?? '',
      lang: person.lang,
    }
    return render(
      reply,
      <ProfilePage
        ctx={viewContext(req, reply)}
        email={person.email}
        organisations={organisations}
        choosesOrganisation={accounts.choosesOwnOrganisation(req.actor)}
        sessionCount={sessionCount}
        values={values}
      />,
    )
  })

  app.post('/profile', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    const form = parseForm(Profile, req.body, req.t, req.lang)
    if (!form.ok) {
      const [organisations, sessionCount] = await Promise.all([
        accounts.listOrganisationChoices(req.db),
        accounts.countSessionsOf(req.db, req.actor.id),
      ])
      return render(
        reply.code(422),
        <ProfilePage
          ctx={viewContext(req, reply)}
          email={req.actor.email}
          organisations={organisations}
          choosesOrganisation={accounts.choosesOwnOrganisation(req.actor)}
          sessionCount={sessionCount}
          values={typedValues(req.body)}
          errors={form.errors}
        />,
      )
    }
    await accounts.updateProfile(req.db, req.actor, form.data)
    // The preferred language is the whole UI's from now on.
    reply.setCookie(cookieNames.lang, form.data.lang, cookieOptions(config))
    setFlash(reply, translator(form.data.lang)('accounts.profile.saved'))
    return reply.redirect('/profile', 303)
  })
}
