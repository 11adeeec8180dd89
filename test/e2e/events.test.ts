// Journeys through events in a real browser: the coordinator publishes a workshop with one place; a
// member takes it; someone without an account registers on a phone, confirms by the mailed link and
// lands on the waiting list; the member gives the place up, and the person waiting is offered it by
// mail and takes it. axe checks every page reached.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { addDays, today } from '../../src/kernel/dates.ts'
import {
  click,
  type E2eApp,
  expectNoAxeViolations,
  flashOf,
  launchBrowser,
  linkInMail,
  loadsPage,
  newContext,
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

const submit = (page: Page) =>
  loadsPage(page, () => page.locator('main form button[type=submit]').last().click())

test('a place given up goes to the person waiting, who takes it from the mailed link', async () => {
  // The coordinator publishes a workshop with one place, in three weeks.
  const coordinator = await signedInPage(browser, h, 'koordynator@demo.siatka.test')
  await coordinator.goto('/events/new')
  const day = addDays(today(), 21)
  await coordinator.locator('#field-kind').selectOption('workshop')
  await coordinator.locator('#field-title').fill('Warsztat: lokalny program współpracy na 2027 rok')
  await coordinator
    .locator('#field-description')
    .fill('Jak napisać roczny program współpracy gminy z organizacjami.')
  await coordinator.locator('#field-day').fill(day)
  await coordinator.locator('#field-startTime').fill('10:00')
  await coordinator.locator('#field-endDay').fill(day)
  await coordinator.locator('#field-endTime').fill('13:00')
  await coordinator.locator('#field-venue').fill('Urząd Miasta Gliwice, ul. Zwycięstwa 21, sala 104')
  await coordinator.locator('#field-venueAccess').fill('Winda od dziedzińca; pętla indukcyjna.')
  await coordinator.locator('#field-capacity').fill('1')
  await coordinator.locator('#field-opensOn').fill(today())
  await coordinator.locator('#field-closesOn').fill(addDays(day, -2))
  await submit(coordinator)
  assert.match(await flashOf(coordinator), /Wydarzenie opublikowane/)
  const eventPath = new URL(coordinator.url()).pathname
  await expectNoAxeViolations(coordinator, 'the new event, as its organiser sees it')

  // The member takes the one place.
  const member = await signedInPage(browser, h, 'czlonek@demo.siatka.test')
  await member.goto(eventPath)
  await loadsPage(member, () => member.locator('main a', { hasText: 'Zapisz się' }).click())
  await member.locator('#field-consent').check()
  await submit(member)
  assert.match(await flashOf(member), /Masz miejsce/)
  assert.match(await textOf(member.locator('main')), /Masz miejsce na tym wydarzeniu/)

  // Someone without an account, on a phone: the waiting list, once the address is confirmed.
  const phone = await (await newContext(browser, h, { viewport: { width: 390, height: 844 } })).newPage()
  await phone.goto('/events')
  await loadsPage(phone, () =>
    phone.locator('main a', { hasText: 'Warsztat: lokalny program współpracy na 2027 rok' }).click(),
  )
  assert.match(await textOf(phone.locator('main')), /Brak wolnych miejsc/)
  await loadsPage(phone, () => phone.locator('main a', { hasText: 'Zapisz się na listę rezerwową' }).click())
  await expectNoAxeViolations(phone, 'the registration form on a phone')
  const email = 'grazyna.sobczak@example.pl'
  await phone.locator('#field-name').fill('Grażyna Sobczak')
  await phone.locator('#field-email').fill(email)
  await phone.locator('#field-accessNeeds-2').check()
  await phone.locator('#field-consent').check()
  await submit(phone)
  assert.match(await textOf(phone.locator('main')), /Sprawdź skrzynkę pocztową/)
  const link = linkInMail(
    (await h.smtp.waitFor(email, /Potwierdź zgłoszenie/)).text,
    h,
    /\/events\/registrations\/[A-Za-z0-9_-]+/,
  )
  await phone.goto(link)
  await click(phone, 'Potwierdzam zgłoszenie')
  assert.match(await flashOf(phone), /jesteś na liście rezerwowej/)
  await h.smtp.waitFor(email, /Lista rezerwowa/)
  const scrollWidth = await phone.evaluate<number>('document.documentElement.scrollWidth')
  assert.ok(scrollWidth <= 390, `the page fits the phone (${scrollWidth} px)`)

  // The member gives the place up: it is offered to her, by mail with a new link.
  await click(member, 'Rezygnuję z udziału')
  assert.match(await flashOf(member), /Zgłoszenie wycofane/)
  const offer = await h.smtp.waitFor(email, /Zwolniło się miejsce/)
  const offered = linkInMail(offer.text, h, /\/events\/registrations\/[A-Za-z0-9_-]+/)
  await phone.goto(offered)
  assert.match(await textOf(phone.locator('main')), /Miejsce zaproponowane/)
  await expectNoAxeViolations(phone, 'a place offered, on a phone')
  await click(phone, 'Potwierdzam udział')
  assert.match(await textOf(phone.locator('main')), /Ma miejsce/)
  const place = await h.smtp.waitFor(email, /Masz miejsce/)
  assert.match(place.raw.toString(), /BEGIN:VCALENDAR/)

  // The organiser sees her place and her need.
  await coordinator.goto(`${eventPath}/registrations`)
  assert.match(
    await textOf(coordinator.locator('main')),
    /Grażyna Sobczak[\s\S]*Ma miejsce[\s\S]*Dostęp bez schodów/,
  )
  await expectNoAxeViolations(coordinator, 'the registrations')
})
