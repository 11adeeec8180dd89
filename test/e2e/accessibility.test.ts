// The accessibility gate: axe (WCAG 2.0–2.2 A and AA) finds nothing on any page of Siatka,
// in Polish and in English, in normal and in high contrast, signed out and signed in as admin.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import {
  accounts,
  type E2eApp,
  expectNoAxeViolations,
  htmlState,
  launchBrowser,
  newContext,
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
  const cookies = [{ name: 'siatka_lang', value: lang, url: h.baseUrl }]
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

async function checkEveryPage(lang: Lang, contrast: Contrast) {
  const context = await contextFor(lang, contrast)
  try {
    const page = await context.newPage()
    // Signed out.
    for (const path of ['/', '/sign-in', '/password-reset', '/cookies', '/accessibility']) {
      await check(page, path, lang, contrast)
    }
    await check(page, '/no-such-page', lang, contrast, 404)

    // The sign-in form refused: the error summary and the field's message.
    await page.goto('/sign-in')
    await page.locator('#field-email').fill(accounts.admin.email)
    await page.locator('#field-password').fill('not-the-password')
    await page.locator('main form button[type=submit]').click()
    await page.locator('.govuk-error-summary').waitFor()
    await checkCurrent(page, lang, contrast)

    // Signed in as admin. Signing in brings back the person's own language, so choose again.
    await signIn(page, accounts.admin.email)
    await setPreferences(context, lang, contrast)
    for (const path of ['/profile', '/people', '/people/invite', '/organisations', '/organisations/new', '/audit']) {
      await check(page, path, lang, contrast)
    }

    await page.goto('/people')
    const person = page
      .locator('table tbody a[href^="/people/"]')
      .filter({ hasNotText: accounts.admin.name })
      .first()
    await check(page, (await person.getAttribute('href'))!, lang, contrast)
    // Her own page too: no role and access forms there.
    await page.goto('/people')
    const own = page.locator('table tbody a[href^="/people/"]').filter({ hasText: accounts.admin.name })
    await check(page, (await own.getAttribute('href'))!, lang, contrast)

    await page.goto('/organisations')
    const organisation = page.locator('table tbody a[href^="/organisations/"]').first()
    await check(page, (await organisation.getAttribute('href'))!, lang, contrast)

    // A form sent empty: every problem in the summary and next to its field.
    await page.goto('/organisations/new')
    await page.locator('#field-country').fill('')
    await page.locator('main form button[type=submit]').click()
    await page.locator('.govuk-error-summary').waitFor()
    assert.ok((await page.locator('.govuk-error-message').count()) >= 1, 'fields show their messages')
    await checkCurrent(page, lang, contrast)

    await page.goto('/people/invite')
    await page.locator('main form button[type=submit]').click()
    await page.locator('.govuk-error-summary').waitFor()
    await checkCurrent(page, lang, contrast)
  } finally {
    await context.close()
  }
}

test('every page has no WCAG 2.2 AA problems axe can find, in Polish', async () => {
  await checkEveryPage('pl', 'normal')
})

test('every page has no WCAG 2.2 AA problems axe can find, in English', async () => {
  await checkEveryPage('en', 'normal')
})

test('every page has no WCAG 2.2 AA problems axe can find, in Polish with high contrast', async () => {
  await checkEveryPage('pl', 'high')
})

test('every page has no WCAG 2.2 AA problems axe can find, in English with high contrast', async () => {
  await checkEveryPage('en', 'high')
})
