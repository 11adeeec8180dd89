import type { FastifyInstance } from 'fastify'
import type { Config } from '../../../config.ts'
import { RuleError } from '../../../kernel/errors.ts'
import { parseForm, typedValues } from '../../../kernel/forms.ts'
import { render, setFlash, viewContext } from '../../../kernel/http.tsx'
import { AcceptInvitation, TokenParams } from '../schemas.ts'
import * as accounts from '../service.ts'
import { NewPasswordPage } from '../views/new-password-page.tsx'
import { setSessionCookie } from './auth.tsx'
import { refuseLink } from './link-problem.tsx'

export async function invitationRoutes(app: FastifyInstance, { config }: { config: Config }) {
  app.get('/invitation/:token', { config: { permission: 'public' } }, async (req, reply) => {
    const { token } = TokenParams.parse(req.params)
    const { state, email } = await accounts.invitationState(req.db, token)
    const ctx = viewContext(req, reply)
    if (state !== 'valid' || !email) {
      return refuseLink(reply, ctx, 'invitation', state, `/invitation/${token}/renew`)
    }
    return render(
      reply,
      <NewPasswordPage ctx={ctx} mode="invitation" email={email} action={`/invitation/${token}`} />,
    )
  })

  app.post('/invitation/:token', { config: { permission: 'public' } }, async (req, reply) => {
    const { token } = TokenParams.parse(req.params)
    const { state, email } = await accounts.invitationState(req.db, token)
    const ctx = viewContext(req, reply)
    if (state !== 'valid' || !email) {
      return refuseLink(reply, ctx, 'invitation', state, `/invitation/${token}/renew`)
    }
    const form = parseForm(AcceptInvitation(email), req.body, req.t, req.lang)
    if (!form.ok) {
      return render(
        reply.code(422),
        <NewPasswordPage
          ctx={ctx}
          mode="invitation"
          email={email}
          action={`/invitation/${token}`}
          values={typedValues(req.body)}
          errors={form.errors}
        />,
      )
    }
    try {
      const client = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null }
      const session = await accounts.acceptInvitation(req.db, token, form.data, req.lang, client)
      setSessionCookie(reply, config, session.token, req.lang)
    } catch (err) {
      if (err instanceof RuleError) return refuseLink(reply, ctx, 'invitation', 'used')
      throw err
    }
    setFlash(reply, req.t('accounts.invitation.welcome'))
    return reply.redirect('/profile', 303)
  })

  app.post(
    '/invitation/:token/renew',
    {
      config: {
        permission: 'public',
        rateLimit: { max: config.rateLimits.invitation, timeWindow: config.rateLimits.windowMs },
      },
    },
    async (req, reply) => {
      const { token } = TokenParams.parse(req.params)
      try {
        await accounts.renewInvitation(req.db, token, config.baseUrl, req.lang, req.ip)
      } catch (err) {
        if (err instanceof RuleError) return refuseLink(reply, viewContext(req, reply), 'invitation', 'used')
        throw err
      }
      setFlash(reply, req.t('accounts.invitation.renewed'))
      return reply.redirect('/', 303)
    },
  )
}
