// Journeys through the community of practice in a real browser: a practitioner registers, confirms by
// the mailed link and asks a question, which waits for the coordinator's approval; the expert answers; the asker accepts the answer. The member's
// cooperative publishes a partner request; the expert's university finds it through the search and
// writes through Siatka; the cooperative's member reads it. axe checks every page reached.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { addDays, today } from '../../src/kernel/dates.ts'
import {
  accounts,
  type E2eApp,
  expectNoAxeViolations,
  flashOf,
  launchBrowser,
  linkInMail,
  loadsPage,
  newContext,
  pathOf,
  signedInPage,
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

const submit = (page: Page, form = 'main form') =>
  loadsPage(page, () => page.locator(`${form} button[type=submit]`).last().click())

test('a practitioner registers, asks a question, the expert answers and the asker accepts the answer', async () => {
  const page = await (await newContext(browser, h)).newPage()
  await page.goto('/register')
  const email = 'lucia.moretti@example.it'
  await page.locator('#field-email').fill(email)
  await submit(page)
  assert.match(await textOf(page.locator('main')), /za chwilę przyjdzie na niego wiadomość/)
  const link = linkInMail(
    (await h.smtp.waitFor(email, /społeczności praktyków/)).text,
    h,
    /\/invitation\/[A-Za-z0-9_-]+/,
  )
  await page.goto(link)
  await page.locator('#field-name').fill('Lucia Moretti')
  await page.locator('#field-password').fill('Autunno-Sul-Lago-Di-Como')
  await page.locator('#field-passwordConfirm').fill('Autunno-Sul-Lago-Di-Como')
  await submit(page)
  await expectNoAxeViolations(page, 'the new member’s profile')

  // She asks in the forum on budgets, in English.
  await page.goto('/community')
  await loadsPage(page, () =>
    page.locator('main a', { hasText: 'Budżet i rozliczanie projektów EFS' }).first().click(),
  )
  await page.locator('#field-title').fill('Can volunteers’ time count as own contribution?')
  await page.locator('input[name="lang"][value="en"]').check()
  await page.locator('input[name="isQuestion"]').check()
  await page
    .locator('#field-body')
    .fill('Our partner in Poland says yes, at a fixed hourly rate. Is there a rule?')
  await submit(page, 'form[action$="/topics"]')
  // Her first post waits for a moderator: she sees it, marked; the coordinator approves it.
  assert.match(await flashOf(page), /Zobaczą go inni, gdy moderator zatwierdzi pierwszy wpis/)
  const question = pathOf(page)
  await expectNoAxeViolations(page, 'the question waiting for approval')
  const coordinator = await signedInPage(browser, h, accounts.coordinator.email)
  await coordinator.goto('/community/moderation')
  const waiting = coordinator.locator('main li', { hasText: 'Can volunteers’ time count' })
  await loadsPage(coordinator, () => waiting.locator('form[action$="/approve"] button').click())
  assert.match(await flashOf(coordinator), /Zatwierdzono wpis/)
  await expectNoAxeViolations(coordinator, 'the moderation queue')
  await coordinator.context().close()

  // The expert answers.
  const expert = await signedInPage(browser, h, 'ekspert@demo.siatka.test')
  await expert.goto(question)
  await expert
    .locator('#field-body')
    .fill('Yes: unpaid voluntary work counts as an in-kind contribution at the market rate of the work.')
  await submit(expert, 'form[action$="/posts"]')
  assert.match(await flashOf(expert), /Dodano odpowiedź/)

  // The asker accepts it: it is shown under the question.
  await page.goto(question)
  await loadsPage(page, () => page.locator('form[action$="/accept"] button').first().click())
  assert.match(await flashOf(page), /Zaakceptowano odpowiedź/)
  assert.match(
    await textOf(page.locator('main')),
    /Zaakceptowana odpowiedź[\s\S]*?Edward Ekspert[\s\S]*?in-kind contribution/,
  )
  await expectNoAxeViolations(page, 'the question with its accepted answer')
  await page.context().close()
  await expert.context().close()
})

test('a cooperative publishes a partner request; a university finds it, writes through Siatka, and the cooperative reads it', async () => {
  const member = await signedInPage(browser, h, accounts.member.email)
  await member.goto('/community/partners')
  await loadsPage(member, () =>
    member.locator('main a', { hasText: 'Nowe ogłoszenie o poszukiwaniu partnera' }).click(),
  )
  assert.equal(pathOf(member), '/community/partners/requests/new')
  await expectNoAxeViolations(member, 'a new partner request')
  await member.locator('#field-title').fill('Partner uczelniany do ewaluacji modelu zatrudnienia wspieranego')
  await member.locator('#field-idea').fill('Potrzebujemy ewaluacji modelu w trakcie projektu EFS+.')
  await member.locator('input[name="seekKinds"][value="university"]').check()
  await member.getByLabel('Edukacja i kompetencje').check()
  // A past day first: refused beside the field, what was typed kept.
  await member.locator('#field-deadline').fill(addDays(today(), -3))
  await submit(member)
  assert.match(await textOf(member.locator('.govuk-error-summary')), /Ten dzień już minął/)
  assert.equal(
    await member.locator('#field-title').inputValue(),
    'Partner uczelniany do ewaluacji modelu zatrudnienia wspieranego',
  )
  await member.locator('#field-deadline').fill(addDays(today(), 30))
  await submit(member)
  assert.match(await flashOf(member), /Opublikowano ogłoszenie/)

  // The expert's university looks for requests that want a university working on skills.
  const expert = await signedInPage(browser, h, 'ekspert@demo.siatka.test')
  await expert.goto('/community/partners/requests')
  await expert.locator('summary', { hasText: 'Rodzaj organizacji' }).click()
  await expert.locator('input[name="kind"][value="university"]').check()
  await expert.locator('summary', { hasText: 'Tematy' }).click()
  await expert.getByLabel('Edukacja i kompetencje').check()
  await loadsPage(expert, () => expert.locator('form[role="search"] button[type=submit]').click())
  const found = await textOf(expert.locator('main ol'))
  assert.match(found, /Partner uczelniany do ewaluacji[\s\S]*?Spełnia: temat, rodzaj organizacji/)
  await expectNoAxeViolations(expert, 'requests found')
  await loadsPage(expert, () =>
    expert.locator('main a', { hasText: 'Partner uczelniany do ewaluacji' }).click(),
  )
  await expert.locator('#field-body').fill('Chętnie przeprowadzimy ewaluację; mamy doświadczenie z EFS.')
  await submit(expert, 'form[action$="/messages"]')
  assert.match(await flashOf(expert), /Wysłano wiadomość/)
  assert.match(await textOf(expert.locator('main')), /Twój adres e-mail jest ukryty/)

  // The cooperative's member is told by mail, and reads it in the inbox.
  await h.smtp.waitFor(accounts.member.email, /Edward Ekspert/)
  await member.goto('/community/messages')
  await loadsPage(member, () =>
    member.locator('main a', { hasText: 'Partner uczelniany do ewaluacji' }).click(),
  )
  assert.match(await textOf(member.locator('main')), /Chętnie przeprowadzimy ewaluację/)
  assert.doesNotMatch(await textOf(member.locator('main')), /ekspert@demo\.siatka\.test/)
  await expectNoAxeViolations(member, 'the conversation')
  await member.context().close()
  await expert.context().close()
})
