// The switches in the bar under the header: language, text size and contrast. They are plain
// links that set a cookie and bring the person back to the same page. axe checks every page.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import {
  type E2eApp,
  expectNoAxeViolations,
  htmlState,
  launchBrowser,
  loadsPage,
  newContext,
  pathOf,
  screenshot,
  startE2eApp,
  textOf,
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

const heading = (page: Page) => textOf(page.locator('h1'))

/** Follows one of the switches (an exact link text in the bar) and waits for the page to come back. */
async function choose(page: Page, label: string) {
  const before = pathOf(page)
  await loadsPage(page, () =>
    page.locator('.siatka-a11y').getByRole('link', { name: label, exact: true }).click(),
  )
  assert.equal(pathOf(page), before, `"${label}" brings back the same page`)
  const current = page.locator('.siatka-a11y [aria-current]').filter({ hasText: label })
  assert.equal(await current.count(), 1, `"${label}" is marked as the current choice`)
}

const rootStyle = (page: Page, property: string) =>
  page.evaluate<string>(`getComputedStyle(document.documentElement).${property}`)
const bodyStyle = (page: Page, property: string) =>
  page.evaluate<string>(`getComputedStyle(document.body).${property}`)

test('the page comes in Polish, switches to English and back, and stays on the same page', async () => {
  const context = await newContext(browser, h, { locale: 'pl-PL' })
  const page = await context.newPage()
  await page.goto('/accessibility')
  assert.equal((await htmlState(page)).lang, 'pl')
  assert.equal(await heading(page), 'Deklaracja dostępności')
  await screenshot(page, 'pl-accessibility')
  await expectNoAxeViolations(page, 'Polish')

  await choose(page, 'English')
  assert.equal((await htmlState(page)).lang, 'en')
  assert.equal(await heading(page), 'Accessibility statement')
  assert.match(await page.title(), /^Accessibility statement – Siatka$/)
  await expectNoAxeViolations(page, 'English')

  // Remembered on the next page.
  await page.goto('/')
  assert.equal((await htmlState(page)).lang, 'en')
  assert.match(await textOf(page.locator('.govuk-skip-link')), /Skip to main content/)
  await expectNoAxeViolations(page, 'home in English')

  await choose(page, 'Polski')
  assert.equal((await htmlState(page)).lang, 'pl')
  assert.equal(await textOf(page.locator('.govuk-skip-link')), 'Przejdź do treści')
  await expectNoAxeViolations(page, 'home back in Polish')
  await context.close()
})

test('a browser that asks for English gets English from the first page', async () => {
  const context = await newContext(browser, h, { locale: 'en-GB' })
  const page = await context.newPage()
  await page.goto('/sign-in')
  assert.equal((await htmlState(page)).lang, 'en')
  assert.equal(await heading(page), 'Sign in')
  await expectNoAxeViolations(page, 'sign-in in English')
  await context.close()
})

test('larger text and high contrast are applied, remembered across pages, and can be turned off', async () => {
  const context = await newContext(browser, h)
  const page = await context.newPage()
  await page.goto('/')
  assert.deepEqual((await htmlState(page)).classes, ['govuk-template'])
  const normalSize = Number.parseFloat(await rootStyle(page, 'fontSize'))

  await choose(page, 'Większa')
  let { classes } = await htmlState(page)
  assert.ok(classes.includes('siatka-text-large'), 'the text is larger')
  assert.ok(!classes.includes('siatka-contrast-high'))
  assert.equal(Number.parseFloat(await rootStyle(page, 'fontSize')), normalSize * 1.25)
  await screenshot(page, 'pl-large-text')
  await expectNoAxeViolations(page, 'large text')

  await choose(page, 'Wysoki')
  classes = (await htmlState(page)).classes
  assert.ok(classes.includes('siatka-text-large') && classes.includes('siatka-contrast-high'), 'both apply')
  assert.equal(await bodyStyle(page, 'backgroundColor'), 'rgb(0, 0, 0)')
  assert.equal(await bodyStyle(page, 'color'), 'rgb(255, 255, 255)')
  await expectNoAxeViolations(page, 'large text, high contrast')

  // A cookie remembers both on other pages.
  const prefs = (await context.cookies()).find((c) => c.name === 'siatka_prefs')
  assert.ok(prefs, 'a preferences cookie is set')
  assert.equal(prefs.httpOnly, true)
  assert.ok(prefs.expires > Date.now() / 1000 + 300 * 24 * 3600, 'remembered for a year')
  await page.goto('/sign-in')
  classes = (await htmlState(page)).classes
  assert.ok(classes.includes('siatka-text-large') && classes.includes('siatka-contrast-high'))
  await screenshot(page, 'pl-large-high-contrast-sign-in')
  await expectNoAxeViolations(page, 'sign-in, large text, high contrast')

  await choose(page, 'Zwykła')
  classes = (await htmlState(page)).classes
  assert.ok(!classes.includes('siatka-text-large'), 'the text is normal again')
  assert.ok(classes.includes('siatka-contrast-high'), 'the contrast stays high')
  assert.equal(Number.parseFloat(await rootStyle(page, 'fontSize')), normalSize)
  await expectNoAxeViolations(page, 'high contrast')

  await choose(page, 'Zwykły')
  assert.deepEqual((await htmlState(page)).classes, ['govuk-template'])
  assert.notEqual(await bodyStyle(page, 'backgroundColor'), 'rgb(0, 0, 0)')
  await page.goto('/cookies')
  assert.deepEqual((await htmlState(page)).classes, ['govuk-template'], 'normal stays remembered')
  await expectNoAxeViolations(page, 'cookies, back to normal')
  await context.close()
})
