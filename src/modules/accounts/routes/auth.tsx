import type { FastifyInstance, FastifyReply } from 'fastify'
import type { Config } from '../../../config.ts'
import { formatDateTime } from '../../../kernel/dates.ts'
import { RuleError } from '../../../kernel/errors.ts'
import { parseForm, typedValues } from '../../../kernel/forms.ts'
import { cookieNames, cookieOptions, render, setFlash, viewContext } from '../../../kernel/http.tsx'
import { authorize } from '../../../kernel/policy.ts'
import { safeNext } from '../../../kernel/redirect.ts'
import { lifetimes } from '../rules.ts'
import { newPassword, PasswordResetRequest, RegisterForm, SignIn, TokenParams } from '../schemas.ts'
import * as accounts from '../service.ts'
import { NewPasswordPage } from '../views/new-password-page.tsx'
import { PasswordResetRequestPage } from '../views/password-reset-request-page.tsx'
import { RegisterPage } from '../views/register-page.tsx'
import { SignInPage } from '../views/sign-in-page.tsx'
import { refuseLink } from './link-problem.tsx'

export function setSessionCookie(reply: FastifyReply, config: Config, token: string, lang: string) {
  reply.setCookie(cookieNames.session, token, cookieOptions(config, lifetimes.sessionMs / 1000))
  reply.setCookie(cookieNames.lang, lang, cookieOptions(config))
}

export async function authRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const limit = (max: number) => ({ max, timeWindow: config.rateLimits.windowMs })
  const client = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
  })

  app.get('/sign-in', { config: { permission: 'public' } }, async (req, reply) => {
    const next = (req.query as { next?: string }).next
    if (req.actor) return reply.redirect(safeNext(next), 303)
    return render(
      reply,
      <SignInPage ctx={viewContext(req, reply)} next={next ? safeNext(next) : undefined} />,
    )
  })

  app.post('/sign-in', { config: { permission: 'public' } }, async (req, reply) => {
    const form = parseForm(SignIn, req.body, req.t, req.lang)
    const next = safeNext((req.body as { next?: string } | undefined)?.next)
    const again = (errors: Record<string, string>, code = 422) =>
      render(
        reply.code(code),
        <SignInPage
          ctx={viewContext(req, reply)}
          values={typedValues(req.body)}
          errors={errors}
          next={next}
        />,
      )
    if (!form.ok) return again(form.errors)
    const outcome = await accounts.signInWithinLimits(
      req.db,
      form.data,
      client(req),
      { perAccount: config.rateLimits.signInPerAccount, perAddress: config.rateLimits.signInPerAddress },
      req.actor?.sessionId,
    )
    if (outcome.kind === 'wait') {
      return again(
        { email: req.t('accounts.signIn.wait', { at: formatDateTime(outcome.until, req.lang) }) },
        429,
      )
    }
    if (outcome.kind === 'failed') return again({ email: req.t('accounts.signIn.failed') })
    setSessionCookie(reply, config, outcome.token, outcome.lang)
    return reply.redirect(next, 303)
  })

  app.post('/sign-out', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    await accounts.signOut(req.db, req.actor)
    reply.clearCookie(cookieNames.session, { path: '/' })
    setFlash(reply, req.t('accounts.signOut.done'))
    return reply.redirect('/', 303)
  })

  app.post('/sign-out-everywhere', { config: { permission: 'signedIn' } }, async (req, reply) => {
    authorize(req.actor, 'signedIn')
    await accounts.signOutEverywhere(req.db, req.actor)
    reply.clearCookie(cookieNames.session, { path: '/' })
    setFlash(reply, req.t('accounts.signOut.everywhereDone'))
    return reply.redirect('/sign-in', 303)
  })

  // Joining the community of practice without an invitation (issue 13): the address gets a link.
  app.get('/register', { config: { permission: 'public' } }, async (req, reply) =>
    render(reply, <RegisterPage ctx={viewContext(req, reply)} />),
  )

  app.post(
    '/register',
    { config: { permission: 'public', rateLimit: limit(config.rateLimits.invitation) } },
    async (req, reply) => {
      const form = parseForm(RegisterForm, req.body, req.t, req.lang)
      const ctx = viewContext(req, reply)
      if (!form.ok)
        return render(
          reply.code(422),
          <RegisterPage ctx={ctx} values={typedValues(req.body)} errors={form.errors} />,
        )
      // A bot fills the field people do not see: it gets the same answer, and nothing is sent.
      if (!form.data.website)
        await accounts.requestRegistration(req.db, form.data.email, config.baseUrl, req.lang, req.ip)
      return render(reply, <RegisterPage ctx={ctx} sent />)
    },
  )

  app.get('/password-reset', { config: { permission: 'public' } }, async (req, reply) => {
    return render(reply, <PasswordResetRequestPage ctx={viewContext(req, reply)} />)
  })

  app.post(
    '/password-reset',
    { config: { permission: 'public', rateLimit: limit(config.rateLimits.passwordReset) } },
    async (req, reply) => {
      const form = parseForm(PasswordResetRequest, req.body, req.t, req.lang)
      const ctx = viewContext(req, reply)
      if (!form.ok) {
        return render(
          reply.code(422),
          <PasswordResetRequestPage ctx={ctx} values={typedValues(req.body)} errors={form.errors} />,
        )
      }
      await accounts.requestPasswordReset(req.db, form.data.email, req.ip)
      return render(reply, <PasswordResetRequestPage ctx={ctx} sent />)
    },
  )

  app.get('/password-reset/:token', { config: { permission: 'public' } }, async (req, reply) => {
    const { token } = TokenParams.parse(req.params)
    const { state, email } = await accounts.passwordResetState(req.db, token)
    const ctx = viewContext(req, reply)
    if (state !== 'valid' || !email) {
      return refuseLink(reply, ctx, 'reset', state)
    }
    return render(
      reply,
      <NewPasswordPage ctx={ctx} mode="reset" email={email} action={`/password-reset/${token}`} />,
    )
  })

  app.post('/password-reset/:token', { config: { permission: 'public' } }, async (req, reply) => {
    const { token } = TokenParams.parse(req.params)
    const { state, email } = await accounts.passwordResetState(req.db, token)
    const ctx = viewContext(req, reply)
    if (state !== 'valid' || !email) {
      return refuseLink(reply, ctx, 'reset', state)
    }
    const form = parseForm(newPassword(email), req.body, req.t, req.lang)
    if (!form.ok) {
      return render(
        reply.code(422),
        <NewPasswordPage
          ctx={ctx}
          mode="reset"
          email={email}
          action={`/password-reset/${token}`}
          errors={form.errors}
        />,
      )
    }
    try {
      await accounts.resetPassword(req.db, token, form.data.password, req.ip)
    } catch (err) {
      if (err instanceof RuleError) return refuseLink(reply, ctx, 'reset', 'used')
      throw err
    }
    reply.clearCookie(cookieNames.session, { path: '/' })
    setFlash(reply, req.t('accounts.reset.done'))
    return reply.redirect('/sign-in', 303)
  })
}
