// Browser journeys: Debian's Chromium driven by playwright-core, the app listening on loopback,
// and axe-core as the accessibility gate of every page a journey reaches.
import assert from 'node:assert/strict'
import { AxeBuilder } from '@axe-core/playwright'
import type { Result } from 'axe-core'
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core'
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
export async function startE2eApp(): Promise<E2eApp> {
  const h = await startTestApp()
  await h.app.listen({ port: 0, host: '127.0.0.1' })
  const address = h.app.server.address()
  assert.ok(address && typeof address === 'object', 'the app listens on a TCP port')
  const baseUrl = `http://127.0.0.1:${address.port}`
  h.config.baseUrl = baseUrl
  return Object.assign(h, { baseUrl })
}

/** A context like a person's fresh browser in Poland (Accept-Language: pl). */
export function contextOptions(app: E2eApp, extra: BrowserContextOptions = {}): BrowserContextOptions {
  return { baseURL: app.baseUrl, locale: 'pl-PL', viewport: { width: 1280, height: 900 }, ...extra }
}

const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

function describeViolation(v: Result): string {
  const nodes = v.nodes
    .map((n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
    .join('\n')
  return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help} (${v.helpUrl})\n${nodes}`
}

/** Fails with every violated rule, its elements and what is wrong, when axe finds anything. */
export async function expectNoAxeViolations(page: Page, label = ''): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze()
  if (results.violations.length === 0) return
  const where = `${label ? `${label}: ` : ''}${page.url()}`
  assert.fail(
    `axe found ${results.violations.length} accessibility violation(s) on ${where}\n${results.violations
      .map(describeViolation)
      .join('\n')}`,
  )
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
  await Promise.all([page.waitForURL((url) => url.pathname !== '/sign-in'), page.locator('main form button[type=submit]').click()])
}

/** The first link to this app in a mail's text. */
export function linkInMail(text: string, app: E2eApp, path: RegExp): string {
  const escaped = app.baseUrl.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  const found = new RegExp(`${escaped}${path.source}`).exec(text)
  assert.ok(found, `a link ${app.baseUrl}${path.source} in the mail:\n${text}`)
  return found[0]
}
