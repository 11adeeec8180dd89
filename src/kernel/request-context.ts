// Who is asking, in which language and with which display preferences: the person behind the session
// cookie (through the person cache), their unread count, the language, the display preferences and
// the flash message of each request, and the cookies that carry them.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import type { KernelOptions } from './http.tsx'
import { isLang, type Lang, type T, translator } from './i18n.ts'
import { cachedSession, cachedUnread, keepSession, keepUnread, type SessionPerson } from './person-cache.ts'
import { hashToken } from './tokens.ts'
import type { Prefs } from './views/context.ts'

export const cookieNames = {
  session: 'siatka_session',
  csrf: 'siatka_csrf',
  lang: 'siatka_lang',
  prefs: 'siatka_prefs',
  notice: 'siatka_cookie_notice',
  flash: 'siatka_flash',
} as const

/**
 * The request's decorations and the first hook of every request, which also sets the security
 * headers every answer carries; registered after the plugins, before the permission hooks.
 */
export function registerRequestContext(
  app: FastifyInstance,
  opts: Pick<KernelOptions, 'db' | 'findSession' | 'countUnread'>,
  securityHeaders: Record<string, string>,
) {
  const { db } = opts
  app.decorateRequest('db', { getter: () => db })
  app.decorateRequest('actor', null)
  app.decorateRequest('lang', 'pl')
  app.decorateRequest('t', null as unknown as T)
  app.decorateRequest('prefs', null as unknown as Prefs)
  app.decorateRequest('flash', undefined)
  app.decorateRequest('showCookieNotice', true)
  app.decorateRequest('unread', 0)

  // Who is asking, in which language and with which display preferences. Callback-style hooks:
  // an anonymous request (no session cookie), and a signed-in one whose session and unread count
  // the process still holds (kernel/person-cache.ts), never wait for a promise (BENCHMARKS.md).
  const settle = (req: FastifyRequest, reply: FastifyReply, found: SessionPerson | null) => {
    req.actor = found && {
      id: found.id,
      email: found.email,
      name: found.name,
      role: found.role,
      sessionId: found.sessionId,
      ip: req.ip,
    }
    const chosen = req.cookies[cookieNames.lang]
    req.lang = isLang(chosen) ? chosen : (found?.lang ?? fromAcceptLanguage(req.headers['accept-language']))
    req.t = translator(req.lang)
    if (req.cookies[cookieNames.flash]) {
      const unsigned = req.unsignCookie(req.cookies[cookieNames.flash]!)
      if (unsigned.valid && unsigned.value) req.flash = unsigned.value
      reply.clearCookie(cookieNames.flash, { path: '/' })
    }
  }
  // What is read from the database is kept; what was taken from the cache (`kept`, `keptUnread`) is
  // not kept again, so its five seconds are never extended.
  const lookUp = async (
    tokenHash: string,
    kept: { found?: SessionPerson; unread?: number },
    reply: FastifyReply,
  ) => {
    let found = kept.found
    if (!found) {
      const read = await opts.findSession(db, tokenHash)
      if (!read) {
        reply.clearCookie(cookieNames.session, { path: '/' })
        return { found: null, unread: 0 }
      }
      keepSession(tokenHash, read)
      found = read
    }
    let unread = kept.unread
    if (unread === undefined) {
      unread = await opts.countUnread(db, found.id)
      keepUnread(found.id, unread)
    }
    return { found, unread }
  }
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(securityHeaders)
    if (req.routeOptions.url?.startsWith('/assets/')) return done() // files need no person
    req.prefs = readPrefs(req.cookies[cookieNames.prefs])
    req.showCookieNotice = req.cookies[cookieNames.notice] !== 'hidden'
    const token = req.cookies[cookieNames.session]
    if (!token) {
      settle(req, reply, null)
      return done()
    }
    const tokenHash = hashToken(token)
    const found = cachedSession(tokenHash)
    const unread = found && cachedUnread(found.id)
    if (found && unread !== undefined) {
      req.unread = unread
      settle(req, reply, found)
      return done()
    }
    lookUp(tokenHash, { found, unread }, reply)
      .then(({ found, unread }) => {
        req.unread = unread
        settle(req, reply, found)
        done()
      })
      .catch(done)
  })
}

export function readPrefs(raw: string | undefined): Prefs {
  const prefs: Prefs = { textSize: 'normal', contrast: 'normal' }
  if (raw?.includes('text-large')) prefs.textSize = 'large'
  if (raw?.includes('contrast-high')) prefs.contrast = 'high'
  return prefs
}

export function writePrefs(prefs: Prefs): string {
  return [prefs.textSize === 'large' ? 'text-large' : '', prefs.contrast === 'high' ? 'contrast-high' : '']
    .filter(Boolean)
    .join('.')
}

function fromAcceptLanguage(header: string | undefined): Lang {
  if (!header) return 'pl'
  const first = header.split(',')[0]?.trim().slice(0, 2).toLowerCase()
  return first === 'en' ? 'en' : 'pl'
}

/** A cookie only the server reads, Secure on https; `maxAge` in seconds (default: a year, for preferences). */
export function cookieOptions(config: Pick<Config, 'secureCookies'>, maxAge = 365 * 24 * 3600) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, maxAge }
}
