// The HTTP kernel: plugins, the permission every route declares, CSRF, the security and caching
// headers and one log line a request. The per-request context (person, language, preferences) and
// its cookies are in request-context.ts, what a handler answers with and errors as pages in
// answers.tsx, uploads in uploads.ts; each is registered here at its place in the hook order, and
// what modules use of the first two is exported from here too.

import type { IncomingMessage, ServerResponse } from 'node:http'
import { join, sep } from 'node:path'
import compress from '@fastify/compress'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import formbody from '@fastify/formbody'
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import helmet from 'helmet'
import type { Config } from '../config.ts'
import { registerErrorPages } from './answers.tsx'
import type { AnyPool } from './db.ts'
import { ForbiddenError, SignInRequiredError } from './errors.ts'
import type { Lang, T } from './i18n.ts'
import { redactUrl } from './log.ts'
import type { NavEntry } from './navigation.ts'
import type { SessionPerson } from './person-cache.ts'
import { type Actor, can, type Permission, permissions, type SpacePermission } from './policy.ts'
import { cookieNames, registerRequestContext } from './request-context.ts'
import { defaultMaxBytes, type LocalStorage, storageIn } from './storage.ts'
import { registerUploads } from './uploads.ts'
import type { Prefs } from './views/context.ts'

export { render, setFlash, submitForm, viewContext } from './answers.tsx'
export { cookieNames, cookieOptions, writePrefs } from './request-context.ts'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** What the route needs, decided by kernel/policy. Every route declares one. */
    permission?: Permission
    /**
     * Inside a space (/spaces/:id/…): what the person must be allowed there. The kernel enters the
     * space with it before the body is read (KernelOptions.enterSpace); the handler takes the space
     * as found, so the declaration is the check.
     */
    spacePermission?: SpacePermission
    /**
     * The route takes a file upload (a multipart form), read into `req.body` once the permission is
     * known and the route's preValidation hook has checked what the address names.
     */
    upload?: boolean
    /**
     * `false`: a post that carries no CSRF token by design, because its address holds the whole
     * authority (RFC 8058 one-click unsubscribe, posted by a mail program). Nothing else may.
     */
    csrf?: false
  }
  interface FastifyRequest {
    /** The database; a module's handler passes it to its own functions, typed by its own tables. */
    db: AnyPool
    actor: Actor | null
    lang: Lang
    t: T
    prefs: Prefs
    flash?: string
    showCookieNotice: boolean
    /** Unread notifications of the signed-in person, for the header. */
    unread: number
  }
  interface FastifyInstance {
    routeList: { method: string; url: string; permission: Permission; spacePermission?: SpacePermission }[]
    /** Uploaded files (kernel/storage): modules put and send files through it. */
    storage: LocalStorage
    /** Every module's pages for the header's menu. */
    navigation: readonly NavEntry[]
  }
}

export interface KernelOptions {
  config: Config
  db: AnyPool
  /** The person behind a session cookie's token hash, or null (accounts module). */
  findSession(db: AnyPool, tokenHash: string): Promise<SessionPerson | null>
  /** The signed-in person's unread notifications, shown in every page's header (notifications module). */
  countUnread(db: AnyPool, personId: string): Promise<number>
  /**
   * Loads the space in the address of a route that declares a `spacePermission` and checks the
   * permission there, throwing not found or forbidden (spaces module); the handler reads the result.
   */
  enterSpace(req: FastifyRequest, permission: SpacePermission): Promise<void>
  /** Every module's pages for the header's menu, in the modules' order. */
  nav: readonly NavEntry[]
}

const publicDir = join(import.meta.dirname, '..', '..', 'public')

export async function registerKernel(app: FastifyInstance, opts: KernelOptions) {
  const { config } = opts
  app.decorate('routeList', [])
  app.decorate('navigation', opts.nav)
  app.addHook('onRoute', (route) => {
    // Static assets are public by nature; everything else says what it needs.
    if (!route.config?.permission && route.url.startsWith('/assets/')) {
      route.config = { ...route.config, permission: 'public' }
    }
    const permission = route.config?.permission
    if (!permission || !permissions.includes(permission)) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no permission (config.permission)`)
    }
    // A space's pages say what they need in the space, so the per-space role test can walk them.
    const spacePermission = route.config?.spacePermission
    if (route.url.startsWith('/spaces/:id') && !spacePermission) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no spacePermission`)
    }
    // An upload is read only after what its address names is checked: the space (above), or what
    // else it names in the route's own preValidation hook (a translator's link, an expert's order).
    if (route.config?.upload && !spacePermission && !route.preValidation) {
      throw new Error(`Route ${String(route.method)} ${route.url} takes an upload but checks nothing first`)
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeList.push({ method, url: route.url, permission, spacePermission })
    }
  })

  await app.register(cookie, { secret: config.sessionSecret })
  await app.register(formbody, { bodyLimit: 256 * 1024 })
  const securityHeaders = staticSecurityHeaders(config)
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: cookieNames.csrf,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: config.secureCookies, signed: true },
    getToken: (req) => (req.body as Record<string, string> | undefined)?._csrf,
  })
  // A file over the limit is cut and marked truncated rather than thrown: the form says so (readUpload).
  await app.register(multipart, {
    throwFileSizeLimit: false,
    // Every form takes one file; a browser never sends more, and past a few the request is refused.
    limits: { fileSize: defaultMaxBytes, files: 3, fields: 100, parts: 120 },
  })
  app.decorate('storage', storageIn(config.dataDir))
  await app.register(rateLimit, { global: false })
  // Pages, feeds and text exports sent as brotli or gzip when the browser takes them (quality 4:
  // about a fifth of the size for a millisecond of a large page); what is small, already compressed
  // (images, PDF, XLSX, zip) or a precompressed static file goes as it is. Request bodies are never
  // inflated: no form needs it, and a compressed bomb stays unread.
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    globalDecompression: false,
  })
  // Files named by their content (views/assets.ts) never change: a year, immutable, sent as the
  // .br or .gz made at build when the browser takes it. Others (the icon, govuk's images) an hour.
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: '/assets/',
    index: false,
    cacheControl: false,
    preCompressed: true,
    setHeaders: (reply, path) =>
      reply.header(
        'cache-control',
        path.includes(`${sep}build${sep}`) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600',
      ),
  })

  registerRequestContext(app, opts, securityHeaders)

  // PostgreSQL text cannot hold U+0000, and no person types it: it is dropped from every query
  // and form value here, once, rather than failing as a database error later.
  app.addHook('preValidation', (req, _reply, done) => {
    withoutNul(req.query)
    withoutNul(req.body)
    done()
  })

  // The route's declared permission, checked before the body is read: the global one, then, inside
  // a space, the space's (which loads the space for the handler). A refused request's body is never
  // parsed, a form's as little as an upload's.
  app.addHook('preParsing', (req, _reply, payload, done) => {
    const config = req.routeOptions.config
    const permission = config?.permission
    // No permission: the not-found handler, which answers 404 to everyone.
    if (!permission) return done(null, payload)
    if (!can(req.actor, permission)) return done(req.actor ? new ForbiddenError() : new SignInRequiredError())
    if (!config.spacePermission) return done(null, payload)
    opts.enterSpace(req, config.spacePermission).then(() => done(null, payload), done)
  })

  registerUploads(app)

  app.addHook('preHandler', (req, reply, done) => {
    if (req.method === 'GET' || req.method === 'HEAD') return done()
    if (req.routeOptions.config?.csrf === false) return done()
    app.csrfProtection(req, reply, done)
  })

  // What is made for a signed-in person, or reached through a secret in its address (a feed, a
  // translator's or an invitation's link), is kept by no cache: not a shared computer's browser
  // after signing out, not a proxy. Pages, exports and files alike, answers and errors alike.
  // Public pages seen anonymously keep the caching they had.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (isPrivate(req)) reply.header('cache-control', 'no-store')
    done(null, payload)
  })

  // One line a request, when the level shows info lines at all.
  if (['info', 'debug', 'trace'].includes(config.logLevel)) {
    app.addHook('onResponse', (req, reply, done) => {
      req.log.info(
        {
          method: req.method,
          url: redactUrl(req.url),
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      )
      done()
    })
  }

  registerErrorPages(app)
}

/** Signed in, on a route that needs more than 'public', or with a token in its address. */
function isPrivate(req: FastifyRequest): boolean {
  if (req.actor) return true
  const permission = req.routeOptions.config?.permission
  if (permission && permission !== 'public') return true
  return req.routeOptions.url?.includes('/:token') ?? false
}

/**
 * helmet's headers never change between requests, so they are computed once (helmet's own
 * middleware rebuilds its CSP on every request: a measured 5–9 µs of a ~200 µs page).
 */
function staticSecurityHeaders(config: Config): Record<string, string> {
  const headers: Record<string, string> = {}
  const res = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value)
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()]
    },
  }
  const middleware = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        ...(config.secureCookies ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: config.secureCookies,
  })
  middleware({} as IncomingMessage, res as unknown as ServerResponse, () => {})
  return headers
}

function withoutNul(input: unknown) {
  if (!input || typeof input !== 'object') return
  const fields = input as Record<string, unknown>
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.includes('\0')) fields[key] = value.replaceAll('\0', '')
    else if (Array.isArray(value))
      fields[key] = value.map((v) => (typeof v === 'string' ? v.replaceAll('\0', '') : v))
  }
}
