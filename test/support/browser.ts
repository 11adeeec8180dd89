// Browser journeys: Debian's Chromium driven by playwright-core, the app listening on loopback,
// and axe-core as the accessibility gate of every page a journey reaches.
import assert from 'node:assert/strict'
import { AxeBuilder } from '@axe-core/playwright'
import axe, { type AxeResults, type Result } from 'axe-core'
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core'
import { startTestApp, type TestApp } from './app.ts'
import { demoPassword } from './client.ts'

export { demoPassword }

export const newPassword = 'Zielona-Laka-Nad-Wisla-7'

export const accounts = {
  admin: { email: 'admin@demo.siatka.test', name: 'Anna Administratorka' },
  coordinator: { email: 'koordynator@demo.siatka.test', name: 'Krzysztof Koordynator' },
  member: { email: 'czlonek@demo.siatka.test', name: 'Celina Członkini' },
} as const

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
}

export interface E2eApp extends TestApp {
  baseUrl: string
}

/** The app on a free loopback port; links in mails point to it. */
export async function startE2eApp(opts: { demoFiles?: boolean } = {}): Promise<E2eApp> {
  const h = await startTestApp({}, opts)
  await h.app.listen({ port: 0, host: '127.0.0.1' })
  const address = h.app.server.address()
  assert.ok(address && typeof address === 'object', 'the app listens on a TCP port')
  const baseUrl = `http://127.0.0.1:${address.port}`
  h.config.baseUrl = baseUrl
  return Object.assign(h, { baseUrl })
}

/** Contexts with JavaScript off: axe cannot run in their pages (no timers fire there). */
const scriptless = new WeakSet<BrowserContext>()
/** The Content-Security-Policy each of their pages came with (see axeOnScriptlessCopy). */
const documentPolicy = new WeakMap<Page, string | undefined>()

/**
 * A fresh browser profile, by default like a person's in Poland (Accept-Language: pl).
 * axe-core is loaded into every page it opens (see expectNoAxeViolations).
 */
export async function newContext(
  browser: Browser,
  app: E2eApp,
  extra: BrowserContextOptions = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: app.baseUrl,
    locale: 'pl-PL',
    viewport: { width: 1280, height: 900 },
    ...extra,
  })
  if (extra.javaScriptEnabled === false) {
    scriptless.add(context)
    context.on('response', (response) => {
      const frame = response.frame()
      if (response.request().isNavigationRequest() && frame === frame.page().mainFrame()) {
        documentPolicy.set(frame.page(), response.headers()['content-security-policy'])
      }
    })
  } else {
    await context.addInitScript(axe.source)
  }
  return context
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

function describeViolation(v: Result): string {
  const nodes = v.nodes
    .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
    .join('\n')
  return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`
}

/**
 * Fails with every violated rule, its elements and what is wrong, when axe finds anything.
 *
 * Same rules and result as a plain `new AxeBuilder({ page }).withTags(…).analyze()`, about
 * three times faster: axe is already in the page (newContext's init script) instead of being
 * sent in twice per check, and legacy mode runs it in the page itself instead of gathering
 * results in an extra blank page (that is only needed for cross-origin frames; Siatka has no
 * frames at all, its CSP forbids being framed).
 */
export async function expectNoAxeViolations(
  page: Page,
  label = '',
  rules: readonly string[] | null = null,
): Promise<void> {
  const results = scriptless.has(page.context())
    ? await axeOnScriptlessCopy(page, rules)
    : await runAxe(page, rules)
  if (results.violations.length === 0) return
  const where = `${label ? `${label}: ` : ''}${page.url()}`
  assert.fail(
    `axe found ${results.violations.length} accessibility violation(s) on ${where}\n${results.violations
      .map(describeViolation)
      .join('\n')}`,
  )
}

/**
 * The WCAG rules whose outcome can change when only colours, borders and outlines change (as in
 * high contrast, whose stylesheet the accessibility walk checks declares nothing else): the
 * contrast of text, links told from text by colour alone, and the size of what is clicked.
 */
export const styleRules = ['color-contrast', 'link-in-text-block', 'target-size'] as const

async function runAxe(page: Page, rules: readonly string[] | null = null): Promise<AxeResults> {
  const preloaded = await page.evaluate('typeof window.axe?.run === "function"')
  const builder = new AxeBuilder({ page, axeSource: preloaded ? ';' : undefined })
  const analysis = (rules ? builder.withRules([...rules]) : builder.withTags(wcagTags))
    .setLegacyMode(true)
    .options({ resultTypes: ['violations'] })
    .analyze()
  // page.evaluate never gives up by itself: a stuck axe would hang the whole run.
  let timer: NodeJS.Timeout | undefined
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe did not finish in 30 s on ${page.url()}`)), 30_000)
  })
  try {
    return await Promise.race([analysis, stuck])
  } finally {
    clearTimeout(timer)
  }
}

/**
 * axe needs timers, which never fire in a page with JavaScript off. So the page's DOM (which no
 * script has touched) is served, without its <script> elements, to a twin page with JavaScript
 * on but nothing to run, at the same address and size, with the same stylesheets and the same
 * Content-Security-Policy: axe checks exactly what the person without JavaScript sees.
 * (Siatka has no <noscript>, the one thing that would render differently.)
 */
async function axeOnScriptlessCopy(page: Page, rules: readonly string[] | null): Promise<AxeResults> {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
  const address = page.url().split('#')[0]
  const twin = await twinOf(page.context())
  const viewport = page.viewportSize()
  if (viewport) await twin.setViewportSize(viewport)
  const isAddress = (url: URL) => url.href === address
  const policy = documentPolicy.get(page)
  await twin.route(isAddress, (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      headers: policy ? { 'content-security-policy': policy } : {},
      body: html,
    }),
  )
  try {
    await twin.goto(address)
    return await runAxe(twin, rules)
  } finally {
    await twin.unroute(isAddress)
  }
}

/** One twin page for each JavaScript-less context, made when first needed, closed with it. */
const twins = new WeakMap<BrowserContext, Promise<Page>>()

function twinOf(context: BrowserContext): Promise<Page> {
  let twin = twins.get(context)
  if (!twin) {
    twin = (async () => {
      const twinContext = await context.browser()!.newContext({ javaScriptEnabled: true })
      // Closing the browser closes both, in either order.
      context.on('close', () => twinContext.close().catch(() => {}))
      await twinContext.addInitScript(axe.source)
      return twinContext.newPage()
    })()
    twins.set(context, twin)
  }
  return twin
}

/** The language and the display preferences the page was rendered with. */
export async function htmlState(page: Page): Promise<{ lang: string | null; classes: string[] }> {
  const html = page.locator('html')
  return {
    lang: await html.getAttribute('lang'),
    classes: ((await html.getAttribute('class')) ?? '').split(/\s+/).filter(Boolean),
  }
}

/** Signs in through the form, by mouse and typing (keyboard-only signing in is its own journey). */
export async function signIn(page: Page, email: string, password = demoPassword): Promise<void> {
  await page.goto('/sign-in')
  await page.locator('#field-email').fill(email)
  await page.locator('#field-password').fill(password)
  await loadsPage(page, () => page.locator('main form button[type=submit]').click())
  assert.notEqual(new URL(page.url()).pathname, '/sign-in', `${email} is signed in`)
}

/** The name of the signed-in person in the header, or null when nobody is signed in. */
export async function signedInName(page: Page): Promise<string | null> {
  const link = page.locator('.siatka-user a[href="/profile"]')
  return (await link.count()) ? textOf(link) : null
}

/** The first link to this app in a mail's text. */
export function linkInMail(text: string, app: E2eApp, path: RegExp): string {
  const escaped = app.baseUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const found = new RegExp(`${escaped}${path.source}`).exec(text)
  assert.ok(found, `a link ${app.baseUrl}${path.source} in the mail:\n${text}`)
  return found[0]
}

/** Clicks (or presses) something that loads a new page, and waits until that page has loaded. */
export async function loadsPage(page: Page, action: () => Promise<unknown>): Promise<void> {
  const loaded = page.waitForEvent('load')
  await action()
  await loaded
}

export interface Focused {
  tag: string
  id: string
  text: string
  href: string | null
  classes: string
}

/** The element that has the keyboard focus, or null when nothing (the body) has it. */
export async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate<Focused | null>(`(() => {
    const e = document.activeElement
    if (!e || e === document.body) return null
    return {
      tag: e.tagName.toLowerCase(),
      id: e.id,
      text: (e.textContent || '').trim(),
      href: e.getAttribute('href'),
      classes: typeof e.className === 'string' ? e.className : '',
    }
  })()`)
}

/** Presses Tab until `wanted` holds for the focused element; fails after `max` presses. */
export async function tabTo(page: Page, wanted: (f: Focused) => boolean, max = 40): Promise<Focused> {
  const seen: string[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const f = await focused(page)
    if (f && wanted(f)) return f
    seen.push(f ? `${f.tag}#${f.id}${f.href ? `[${f.href}]` : ''} "${f.text.slice(0, 30)}"` : '(nothing)')
  }
  assert.fail(`Tab never reached the wanted element; focus went to:\n  ${seen.join('\n  ')}`)
}

/** With E2E_SCREENSHOTS=1, keeps a picture of the whole page in /tmp/e2e-<name>.png to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (!process.env.E2E_SCREENSHOTS) return
  await page.screenshot({ path: `/tmp/e2e-${name}.png`, fullPage: true })
}

/** The text a person sees in the element (hidden text left out: Playwright's innerText), trimmed. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).trim()
}

/** A new browser context of the app (with `options`, e.g. JavaScript off) with `email` signed in. */
export async function signedInPage(
  browser: Browser,
  app: E2eApp,
  email: string,
  options: Parameters<typeof newContext>[2] = {},
): Promise<Page> {
  const page = await (await newContext(browser, app, options)).newPage()
  await signIn(page, email)
  return page
}

/** The path of the page the browser shows. */
export const pathOf = (page: Page) => new URL(page.url()).pathname

/** The text of the flash message (govuk notification banner) on the page. */
export const flashOf = (page: Page) => textOf(page.locator('.govuk-notification-banner'))

/** Clicks the button named exactly `name` in the page's main part and waits for the next page. */
export const click = (page: Page, name: string) =>
  loadsPage(page, () => page.locator('main').getByRole('button', { name, exact: true }).click())

/** Follows the link named exactly `name` in the page's main part. */
export const follow = (page: Page, name: string) =>
  loadsPage(page, () => page.locator('main').getByRole('link', { name, exact: true }).click())
