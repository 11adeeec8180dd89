import type { FastifyInstance } from 'fastify'
import { sql } from 'kysely'
import { z } from 'zod'
import { cookieNames, cookieOptions, render, viewContext, writePrefs } from '../../kernel/http.tsx'
import { langs } from '../../kernel/i18n.ts'
import type { ModuleContext } from '../../kernel/module.ts'
import { renderPublic } from '../../kernel/public-pages.ts'
import { safeNext } from '../../kernel/redirect.ts'
import { AccessibilityPage } from './views/accessibility-page.tsx'
import { CookiesPage } from './views/cookies-page.tsx'
import { HomePage } from './views/home-page.tsx'
import { StartPage } from './views/start-page.tsx'

const Preferences = z.object({
  lang: z.enum(langs).optional().catch(undefined),
  textSize: z.enum(['normal', 'large']).optional().catch(undefined),
  contrast: z.enum(['normal', 'high']).optional().catch(undefined),
  cookieNotice: z.literal('hide').optional().catch(undefined),
  back: z.string().optional(),
})

export async function siteRoutes(app: FastifyInstance, { config, modules }: ModuleContext) {
  // A visitor gets the home page (a kept copy); a signed-in person their start page.
  app.get('/', { config: { permission: 'public' } }, async (req, reply) => {
    if (!req.actor) return renderPublic(req, reply, () => <HomePage ctx={viewContext(req, reply)} />)
    const ctx = viewContext(req, reply)
    const sections = await Promise.all(modules.map((m) => m.startSections?.(req, ctx) ?? []))
    return render(reply, <StartPage ctx={ctx} sections={sections.flat()} />)
  })

  app.get('/cookies', { config: { permission: 'public' } }, async (req, reply) =>
    renderPublic(req, reply, () => <CookiesPage ctx={viewContext(req, reply)} />),
  )

  app.get('/accessibility', { config: { permission: 'public' } }, async (req, reply) =>
    renderPublic(req, reply, () => <AccessibilityPage ctx={viewContext(req, reply)} />),
  )

  // Language, text size, contrast and the cookie notice are links, so they work without
  // JavaScript; each sets a preference cookie and returns to the page the person was on.
  app.get('/preferences', { config: { permission: 'public' } }, async (req, reply) => {
    const p = Preferences.parse(req.query)
    const year = cookieOptions(config)
    if (p.lang) reply.setCookie(cookieNames.lang, p.lang, year)
    if (p.textSize || p.contrast) {
      const prefs = {
        ...req.prefs,
        ...(p.textSize ? { textSize: p.textSize } : {}),
        ...(p.contrast ? { contrast: p.contrast } : {}),
      }
      reply.setCookie(cookieNames.prefs, writePrefs(prefs) || 'default', year)
    }
    if (p.cookieNotice) reply.setCookie(cookieNames.notice, 'hidden', year)
    return reply.redirect(safeNext(p.back), 303)
  })

  app.get('/health', { config: { permission: 'public' } }, async (req, reply) => {
    try {
      await sql`select 1`.execute(req.db)
      return reply.header('cache-control', 'no-store').send({ status: 'ok', database: 'reachable' })
    } catch (err) {
      req.log.warn({ err }, 'health check: database unreachable')
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .send({ status: 'unavailable', database: 'unreachable' })
    }
  })
}
