// The accessibility gate: axe (WCAG 2.0–2.2 A and AA) finds nothing on any page of Siatka,
// in Polish and in English, in normal and in high contrast, signed out and signed in as admin.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import {
  accounts,
  type E2eApp,
  expectNoAxeViolations,
  htmlState,
  launchBrowser,
  loadsPage,
  newContext,
  screenshot,
  signIn,
  startE2eApp,
} from '../support/browser.ts'

let h: E2eApp
let browser: Browser

before(async () => {
  ;[h, browser] = await Promise.all([startE2eApp(), launchBrowser()])
})

after(async () => {
  await browser?.close()
  await h?.close()
})

type Lang = 'pl' | 'en'
type Contrast = 'normal' | 'high'

/** A fresh browser whose language and contrast are chosen by the preference cookies. */
async function contextFor(lang: Lang, contrast: Contrast): Promise<BrowserContext> {
  const context = await newContext(browser, h, { locale: lang === 'en' ? 'en-GB' : 'pl-PL' })
  await setPreferences(context, lang, contrast)
  return context
}

async function setPreferences(context: BrowserContext, lang: Lang, contrast: Contrast) {
  const cookies: { name: string; value: string; url: string }[] = [
    { name: 'siatka_lang', value: lang, url: h.baseUrl },
  ]
  if (contrast === 'high') cookies.push({ name: 'siatka_prefs', value: 'contrast-high', url: h.baseUrl })
  await context.addCookies(cookies)
}

/** Opens a page, checks it came in the wanted language and contrast, and runs axe on it. */
async function check(page: Page, path: string, lang: Lang, contrast: Contrast, status = 200) {
  const res = await page.goto(path)
  assert.equal(res?.status(), status, `${path} answers ${status}`)
  await checkCurrent(page, lang, contrast)
}

async function checkCurrent(page: Page, lang: Lang, contrast: Contrast) {
  const { lang: shown, classes } = await htmlState(page)
  assert.equal(shown, lang, `${page.url()} is in ${lang}`)
  assert.equal(classes.includes('siatka-contrast-high'), contrast === 'high', `${page.url()} contrast`)
  await expectNoAxeViolations(page, `${lang}, ${contrast} contrast`)
}

/** Sends the form on the page as it is and checks the refusal: summary, messages, axe. */
async function checkRefusedForm(page: Page, lang: Lang, contrast: Contrast) {
  await loadsPage(page, () => page.locator('main form button[type=submit]').click())
  assert.ok(await page.locator('.govuk-error-summary').isVisible(), `${page.url()} shows the error summary`)
  assert.ok((await page.locator('.govuk-error-message').count()) >= 1, 'fields show their messages')
  await checkCurrent(page, lang, contrast)
}

const href = async (page: Page, links: Locator) => {
  const found = await links.first().getAttribute('href')
  assert.ok(found, `a link on ${page.url()}`)
  return found
}

async function checkEveryPage(lang: Lang, contrast: Contrast) {
  const context = await contextFor(lang, contrast)
  try {
    const page = await context.newPage()
    // Signed out.
    await check(page, '/', lang, contrast)
    await screenshot(page, `${lang}-${contrast}-home`)
    for (const path of ['/password-reset', '/cookies', '/accessibility'])
      await check(page, path, lang, contrast)
    await check(page, '/no-such-page', lang, contrast, 404)

    // The sign-in form, then refused: the error summary and the field's message.
    await check(page, '/sign-in', lang, contrast)
    await page.locator('#field-email').fill(accounts.admin.email)
    await page.locator('#field-password').fill('not-the-password')
    await checkRefusedForm(page, lang, contrast)

    // Signed in as admin. Signing in brings back the person's own language, so choose again.
    await signIn(page, accounts.admin.email)
    await setPreferences(context, lang, contrast)
    await check(page, '/profile', lang, contrast)
    await check(page, '/audit', lang, contrast)
    await screenshot(page, `${lang}-${contrast}-audit`)

    await check(page, '/people', lang, contrast)
    const people = page.locator('table tbody a[href^="/people/"]')
    // The first person in the list (Anna herself: no role and access forms) and someone else.
    const first = await href(page, people)
    const other = await href(page, people.filter({ hasNotText: accounts.admin.name }))
    await check(page, first, lang, contrast)
    await check(page, other, lang, contrast)

    await check(page, '/organisations', lang, contrast)
    await check(
      page,
      await href(page, page.locator('table tbody a[href^="/organisations/"]')),
      lang,
      contrast,
    )

    // Forms sent empty: every problem in the summary and next to its field.
    await check(page, '/organisations/new', lang, contrast)
    await page.locator('#field-country').fill('')
    await checkRefusedForm(page, lang, contrast)
    await screenshot(page, `${lang}-${contrast}-organisation-errors`)
    await check(page, '/people/invitations', lang, contrast)
    await check(page, '/people/invite', lang, contrast)
    await checkRefusedForm(page, lang, contrast)
  } finally {
    await context.close()
  }
}

describe('every page has no WCAG 2.2 AA problems axe can find', () => {
  test('in Polish', () => checkEveryPage('pl', 'normal'))
  test('in English', () => checkEveryPage('en', 'normal'))
  test('in Polish with high contrast', () => checkEveryPage('pl', 'high'))
  test('in English with high contrast', () => checkEveryPage('en', 'high'))
})
