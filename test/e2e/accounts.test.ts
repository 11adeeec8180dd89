// Journeys through accounts in a real browser: signing in (by keyboard, without JavaScript, with
// mistakes), inviting a person and resetting a password through the mail the app really sends.
// axe checks every page a journey reaches.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import {
  accounts,
  demoPassword,
  type E2eApp,
  expectNoAxeViolations,
  focused,
  htmlState,
  launchBrowser,
  linkInMail,
  loadsPage,
  newContext,
  newPassword,
  pathOf,
  screenshot,
  signedInName,
  signIn,
  startE2eApp,
  tabTo,
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

/** A fresh browser profile for one journey (closed with the browser at the end). */
async function freshPage(options: Parameters<typeof newContext>[2] = {}): Promise<Page> {
  const context = await newContext(browser, h, options)
  return context.newPage()
}

const submit = (page: Page) => loadsPage(page, () => page.locator('main form button[type=submit]').click())

test('a person can sign in with the keyboard alone, and the first Tab reaches the skip link', async () => {
  const page = await freshPage()
  await page.goto('/')
  await expectNoAxeViolations(page, 'home')

  await page.keyboard.press('Tab')
  const first = await focused(page)
  assert.equal(first?.text, 'Przejdź do treści', 'the first Tab stop is the skip link')
  assert.match(first.classes, /govuk-skip-link/)
  assert.equal(first.href, '#main')
  const box = await page.locator('.govuk-skip-link').boundingBox()
  assert.ok(box && box.width > 10 && box.height > 10, 'the focused skip link is visible')

  await page.keyboard.press('Enter')
  assert.equal((await focused(page))?.id, 'main', 'the skip link moves the focus to the main content')

  // From the content, the next stop is the big "Zaloguj się" button.
  const start = await tabTo(page, (f) => f.href === '/sign-in', 5)
  assert.equal(start.text, 'Zaloguj się')
  await loadsPage(page, () => page.keyboard.press('Enter'))
  assert.equal(pathOf(page), '/sign-in')
  await expectNoAxeViolations(page, 'sign-in')

  // Skip the header again, then into the form.
  await page.keyboard.press('Tab')
  assert.match((await focused(page))?.classes ?? '', /govuk-skip-link/)
  await page.keyboard.press('Enter')
  await tabTo(page, (f) => f.id === 'field-email', 3)
  await page.keyboard.type(accounts.admin.email)
  await page.keyboard.press('Tab')
  assert.equal((await focused(page))?.id, 'field-password', 'Tab goes from the e-mail to the password')
  await page.keyboard.type(demoPassword)
  await loadsPage(page, () => page.keyboard.press('Enter'))

  assert.equal(pathOf(page), '/')
  assert.equal(await signedInName(page), accounts.admin.name, 'the header shows who is signed in')
  assert.match(await textOf(page.locator('main')), /Anna Administratorka/)
  await expectNoAxeViolations(page, 'home, signed in')
})

test('a malformed e-mail address on the sign-in form is explained, and what was typed is kept', async () => {
  const page = await freshPage()
  await page.goto('/sign-in')
  await page.locator('#field-email').fill('celina.example.pl')
  await page.locator('#field-password').fill('cokolwiek')
  await submit(page)

  assert.equal(pathOf(page), '/sign-in', 'the form comes back')
  const summary = page.locator('.govuk-error-summary')
  assert.ok(await summary.isVisible(), 'the error summary is shown')
  assert.equal(await textOf(summary.locator('h2')), 'Popraw błędy w formularzu')
  assert.equal(await summary.locator('[role=alert]').count(), 1, 'screen readers announce it')
  const link = summary.locator('a[href="#field-email"]')
  assert.match(await textOf(link), /Wpisz adres e-mail w poprawnym formacie/)

  const email = page.locator('#field-email')
  assert.equal(await email.inputValue(), 'celina.example.pl', 'the typed address is kept')
  assert.equal(await email.getAttribute('aria-invalid'), 'true')
  assert.match((await email.getAttribute('aria-describedby')) ?? '', /field-email-error/)
  assert.match(await textOf(page.locator('#field-email-error')), /Wpisz adres e-mail w poprawnym formacie/)
  assert.equal(await page.locator('.govuk-form-group--error #field-email').count(), 1)
  assert.equal(await page.locator('#field-password').inputValue(), '', 'the password is never sent back')

  // govuk-frontend moves the focus to the summary; its link takes the focus to the field.
  assert.match((await focused(page))?.classes ?? '', /govuk-error-summary/)
  await link.click()
  assert.equal((await focused(page))?.id, 'field-email')
  await screenshot(page, 'pl-sign-in-errors')
  await expectNoAxeViolations(page, 'sign-in with errors')
})

test('a coordinator invites a person, who creates an account from the link in the mail', async () => {
  const invitee = { email: 'natalia.nowak@example.org', name: 'Natalia Nowak' }
  const coordinator = await freshPage()
  await signIn(coordinator, accounts.coordinator.email)
  await coordinator.goto('/people')
  await expectNoAxeViolations(coordinator, 'people')
  await loadsPage(coordinator, () => coordinator.getByRole('link', { name: 'Zaproś osobę' }).click())
  assert.equal(pathOf(coordinator), '/people/invite')
  await expectNoAxeViolations(coordinator, 'invite')

  await coordinator.locator('#field-email').fill(invitee.email)
  await coordinator.locator('#field-role').selectOption('expert')
  await coordinator.locator('#field-organisationId').selectOption({ label: 'Uniwersytet Łódzki' })
  await submit(coordinator)
  assert.equal(pathOf(coordinator), '/people')
  assert.match(
    await textOf(coordinator.locator('.govuk-notification-banner')),
    /Wysłano zaproszenie na adres natalia\.nowak@example\.org/,
  )
  await expectNoAxeViolations(coordinator, 'people, invitation sent')

  const mail = await h.smtp.waitFor(invitee.email, /Zaproszenie|Invitation/)
  assert.match(mail.text, /Krzysztof Koordynator/, 'the mail says who invites')
  const link = linkInMail(mail.text, h, /\/invitation\/[A-Za-z0-9_-]+/)

  // The invited person's own browser.
  const page = await freshPage()
  await page.goto(link)
  assert.equal(await textOf(page.locator('h1')), 'Załóż konto w Siatce')
  assert.match(await textOf(page.locator('main')), /natalia\.nowak@example\.org/)
  await expectNoAxeViolations(page, 'invitation')

  // A slip first: the two passwords differ.
  await page.locator('#field-name').fill(invitee.name)
  await page.locator('#field-password').fill(newPassword)
  await page.locator('#field-passwordConfirm').fill(`${newPassword}!`)
  await submit(page)
  assert.match(await textOf(page.locator('.govuk-error-summary')), /Hasła nie są takie same/)
  assert.equal(await page.locator('#field-name').inputValue(), invitee.name, 'the name is kept')
  await expectNoAxeViolations(page, 'invitation with errors')

  await page.locator('#field-password').fill(newPassword)
  await page.locator('#field-passwordConfirm').fill(newPassword)
  await submit(page)
  assert.equal(pathOf(page), '/profile')
  assert.equal(await signedInName(page), invitee.name, 'she is signed in')
  assert.match(await textOf(page.locator('.govuk-notification-banner')), /Witamy w Siatce/)
  assert.equal(await page.locator('#field-name').inputValue(), invitee.name)
  await expectNoAxeViolations(page, 'profile after invitation')

  // The link works once.
  const again = await page.goto(link)
  assert.equal(again?.status(), 410)
  assert.equal(await textOf(page.locator('h1')), 'Link został już użyty')
  await expectNoAxeViolations(page, 'invitation used')

  // And the secretariat finds her among the people (more than a page of them since the demo networks).
  await coordinator.goto(`/people?q=${encodeURIComponent(invitee.name)}`)
  assert.match(await textOf(coordinator.locator('table')), /Natalia Nowak/)
})

test('a person who forgot the password sets a new one from the mail and signs in with it', async () => {
  const page = await freshPage()
  await page.goto('/sign-in')
  await loadsPage(page, () => page.getByRole('link', { name: 'Nie pamiętasz hasła?' }).click())
  assert.equal(pathOf(page), '/password-reset')
  await expectNoAxeViolations(page, 'password reset')

  await page.locator('#field-email').fill(accounts.member.email)
  await submit(page)
  assert.match(await textOf(page.locator('.govuk-panel')), /wysłaliśmy na nie link/)
  await expectNoAxeViolations(page, 'password reset sent')

  const mail = await h.smtp.waitFor(accounts.member.email, /hasło|password/i)
  const link = linkInMail(mail.text, h, /\/password-reset\/[A-Za-z0-9_-]+/)

  await page.goto(link)
  assert.equal(await textOf(page.locator('h1')), 'Ustaw nowe hasło')
  await expectNoAxeViolations(page, 'new password')
  await page.locator('#field-password').fill(newPassword)
  await page.locator('#field-passwordConfirm').fill(newPassword)
  await submit(page)
  assert.equal(pathOf(page), '/sign-in')
  assert.match(await textOf(page.locator('.govuk-notification-banner')), /Hasło zostało zmienione/)
  await expectNoAxeViolations(page, 'sign-in after reset')

  // The old password is gone, the new one works.
  await page.locator('#field-email').fill(accounts.member.email)
  await page.locator('#field-password').fill(demoPassword)
  await submit(page)
  assert.match(await textOf(page.locator('.govuk-error-summary')), /Nieprawidłowy adres e-mail lub hasło/)
  assert.equal(await signedInName(page), null)
  await page.locator('#field-password').fill(newPassword)
  await submit(page)
  assert.equal(await signedInName(page), accounts.member.name)
  await expectNoAxeViolations(page, 'signed in with the new password')

  const again = await page.goto(link)
  assert.equal(again?.status(), 410, 'the reset link works once')
  await expectNoAxeViolations(page, 'reset link used')
})

test('without JavaScript a person can sign in, switch the language and sign out', async () => {
  const page = await freshPage({ javaScriptEnabled: false })
  await page.goto('/')
  assert.equal(await page.locator('body.govuk-frontend-supported').count(), 0, 'no script ran')
  await expectNoAxeViolations(page, 'home, no JavaScript')

  await loadsPage(page, () =>
    page.locator('.siatka-header').getByRole('link', { name: 'Zaloguj się' }).click(),
  )
  assert.equal(pathOf(page), '/sign-in')
  await page.locator('#field-email').fill('przewodniczacy@demo.siatka.test')
  await page.locator('#field-password').fill(demoPassword)
  await submit(page)
  assert.equal(pathOf(page), '/')
  assert.equal(await signedInName(page), 'Piotr Przewodniczący')
  await expectNoAxeViolations(page, 'home, signed in, no JavaScript')

  await page.goto('/profile')
  await loadsPage(page, () => page.getByRole('link', { name: 'English', exact: true }).click())
  assert.equal(pathOf(page), '/profile', 'the same page comes back')
  assert.equal((await htmlState(page)).lang, 'en')
  assert.equal(await textOf(page.locator('h1')), 'My profile')
  await expectNoAxeViolations(page, 'profile in English, no JavaScript')

  await loadsPage(page, () => page.getByRole('link', { name: 'OK, hide this message' }).click())
  assert.equal(await page.locator('.govuk-cookie-banner').count(), 0, 'the cookie notice is hidden')

  await loadsPage(page, () => page.getByRole('button', { name: 'Sign out' }).click())
  assert.equal(pathOf(page), '/')
  assert.equal(await signedInName(page), null)
  assert.match(await textOf(page.locator('.govuk-notification-banner')), /You have signed out/)
  await expectNoAxeViolations(page, 'signed out, no JavaScript')
})
