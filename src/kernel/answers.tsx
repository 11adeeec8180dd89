// What a handler answers with: a page with the request's view context, a form post's last steps
// (the form again with its messages, or a flash message and a redirect), and errors as pages.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { type output, ZodError, type ZodType } from 'zod'
import { NotFoundError, RuleError } from './errors.ts'
import { parseForm, ruleErrors } from './forms.ts'
import { translator } from './i18n.ts'
import { can } from './policy.ts'
import { cookieNames, readPrefs } from './request-context.ts'
import type { ViewContext } from './views/context.ts'
import { type ErrorKind, ErrorPage } from './views/error-page.tsx'
import type { FieldErrors } from './views/fields.tsx'

/** A page for an address no route takes, and one for every error; registered after the hooks. */
export function registerErrorPages(app: FastifyInstance) {
  app.setNotFoundHandler(async (req, reply) => renderError(req, reply, 404))

  app.setErrorHandler(async (error, req, reply) => {
    const err = error as Error & { statusCode?: number; code?: string }
    if (err.code === 'sign_in_required') {
      // After a POST, come back to the form's page: the POST address may have no page of its own.
      const back = req.method === 'GET' ? req.url : pathOfReferer(req)
      return reply.redirect(`/sign-in?next=${encodeURIComponent(back)}`, 303)
    }
    if (err.code?.startsWith('FST_CSRF')) return renderError(req, reply, 403, 'csrf')
    if (err.code === 'forbidden') return renderError(req, reply, 403)
    // A malformed id or token in the address is a page that does not exist.
    if (err.code === 'not_found' || err instanceof NotFoundError || err instanceof ZodError) {
      return renderError(req, reply, 404)
    }
    if (err instanceof RuleError) return renderError(req, reply, 422)
    const status = err.statusCode ?? 500
    if (status === 429) return renderError(req, reply, 429)
    if (status >= 400 && status < 500) return renderError(req, reply, 400)
    req.log.error({ err }, 'unexpected error')
    return renderError(req, reply, 500)
  })
}

/** After a POST the page shown belongs to the form's page: the switches must return there. */
function pathOfReferer(req: FastifyRequest): string {
  try {
    const referer = new URL(String(req.headers.referer))
    return referer.host === req.headers.host ? `${referer.pathname}${referer.search}` : '/'
  } catch {
    return '/'
  }
}

/** The context every view gets; the CSRF token is made only when a form asks for it. */
export function viewContext(req: FastifyRequest, reply: FastifyReply): ViewContext {
  let token: string | undefined
  return {
    t: req.t ?? translator(req.lang ?? 'pl'),
    lang: req.lang ?? 'pl',
    actor: req.actor,
    path: req.method === 'GET' ? req.url : pathOfReferer(req),
    prefs: req.prefs ?? readPrefs(undefined),
    csrf: () => {
      token ??= reply.generateCsrf()
      return token
    },
    can: (permission) => can(req.actor, permission),
    flash: req.flash,
    showCookieNotice: req.showCookieNotice,
    unread: req.unread ?? 0,
    nav: req.server.navigation,
  }
}

export async function render(reply: FastifyReply, html: JSX.Element) {
  return reply.type('text/html; charset=utf-8').send(await html)
}

/**
 * A form post's last steps, the same everywhere: a refused form or a broken business rule shows the
 * form's page again with each message beside its field (`again`, 422); otherwise the work is done,
 * a one-line message waits for the next page and the browser goes on (303).
 */
export async function submitForm<S extends ZodType, R>(
  req: FastifyRequest,
  reply: FastifyReply,
  schema: S,
  steps: {
    act: (data: output<S>) => Promise<R>
    again: (errors: FieldErrors) => unknown
    /** The message and the next page, fixed or made from what `act` returned. */
    flash: string | ((result: R) => string)
    to: string | ((result: R) => string)
  },
) {
  const form = parseForm(schema, req.body, req.t, req.lang)
  if (!form.ok) return steps.again(form.errors)
  let result: R
  try {
    result = await steps.act(form.data)
  } catch (err) {
    return steps.again(ruleErrors(err, req.t))
  }
  setFlash(reply, typeof steps.flash === 'string' ? steps.flash : steps.flash(result))
  return reply.redirect(typeof steps.to === 'string' ? steps.to : steps.to(result), 303)
}

/** The one-line message shown on the page after a redirect. */
export function setFlash(reply: FastifyReply, message: string) {
  reply.setCookie(cookieNames.flash, message, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    signed: true,
    maxAge: 60,
  })
}

function renderError(
  req: FastifyRequest,
  reply: FastifyReply,
  status: 400 | 403 | 404 | 422 | 429 | 500,
  kind?: 'csrf',
) {
  const ctx = viewContext(req, reply)
  const which: ErrorKind = kind ?? status
  return render(reply.code(status), <ErrorPage ctx={ctx} kind={which} />)
}
