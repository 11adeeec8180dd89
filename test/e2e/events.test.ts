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

test('at the door on a phone, project staff find people and check them in; those present get certificates anyone can check', async () => {
  // The transnational project's workshop began an hour ago; three people hold places.
  const db = h.database.db
  const creator = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'projekt@demo.siatka.test')
    .executeTakeFirstOrThrow()
  const project = await db
    .selectFrom('projects')
    .select('id')
    .where('acronym', '=', 'PSWPS')
    .executeTakeFirstOrThrow()
  const startsAt = new Date(Date.now() - 3_600_000)
  const event = await db
    .insertInto('events')
    .values({
      kind: 'workshop',
      title: 'Warsztat: ekonomia społeczna bez granic',
      lang: 'pl',
      space_id: null,
      project_id: project.id,
      starts_at: startsAt,
      ends_at: new Date(startsAt.getTime() + 4 * 3_600_000),
      venue: 'Centrum Partnerstwa, ul. Mickiewicza 3, Katowice',
      capacity: 20,
      registration_opens_at: new Date(Date.now() - 20 * 86_400_000),
      registration_closes_at: startsAt,
      created_by: creator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const people = [
    ['Jolanta Kamińska', 'jolanta.kaminska@example.pl'],
    ['Jerzy Kamiński', 'jerzy.kaminski@example.pl'],
    ['Halina Sikora', 'halina.sikora@example.pl'],
  ]
  await db
    .insertInto('event_registrations')
    .values(
      people.map(([name, email]) => ({
        event_id: event.id,
        name: name as string,
        email: email as string,
        state: 'confirmed' as const,
        token_hash: `${email}-hash`,
        lang: 'pl',
        confirmed_at: new Date(Date.now() - 5 * 86_400_000),
      })),
    )
    .execute()

  // On a phone at the door: from the event's page to the list, a search, one tap.
  const staff = await signedInPage(browser, h, 'projekt@demo.siatka.test', {
    viewport: { width: 390, height: 844 },
  })
  await staff.goto(`/events/${event.id}`)
  await loadsPage(staff, () => staff.locator('main a', { hasText: 'Obecność' }).click())
  assert.match(await textOf(staff.locator('main')), /Obecnych: 0 z 3/)
  await staff.locator('#field-q').fill('kamiń')
  await loadsPage(staff, () => staff.locator('main form[role=search] button').click())
  assert.doesNotMatch(await textOf(staff.locator('main')), /Halina Sikora/)
  await loadsPage(staff, () =>
    staff
      .locator('main li', { hasText: 'Jolanta Kamińska' })
      .getByRole('button', { name: /Zaznacz obecność/ })
      .click(),
  )
  assert.match(await flashOf(staff), /Jolanta Kamińska: obecność zapisana/)
  // Back at the same search, the person just checked in at hand.
  assert.equal(new URL(staff.url()).searchParams.get('q'), 'kamiń')
  assert.match(
    await textOf(staff.locator('main')),
    /Obecnych: 1 z 3[\s\S]*Jolanta Kamińska[\s\S]*obecność od/,
  )
  await expectNoAxeViolations(staff, 'the check-in list on a phone')
  const scrollWidth = await staff.evaluate<number>('document.documentElement.scrollWidth')
  assert.ok(scrollWidth <= 390, `the list fits the phone (${scrollWidth} px)`)

  // Certificates for those present: Jolanta gets hers by mail, Jerzy (not checked in) none.
  await click(staff, 'Wystaw zaświadczenia obecnym')
  assert.match(await flashOf(staff), /Wystawiono zaświadczenia: 1/)
  const mail = await h.smtp.waitFor('jolanta.kaminska@example.pl', /Zaświadczenie o udziale/)
  const code = /([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(mail.text)?.[1] as string
  assert.ok(code && mail.parsed.attachments.some((a) => a.contentType === 'application/pdf'))

  // Anyone checks the code on the public page.
  const visitor = await (await newContext(browser, h)).newPage()
  await visitor.goto('/events/certificates')
  await visitor.locator('#field-code').fill(code.toLowerCase())
  await loadsPage(visitor, () => visitor.locator('main form button').click())
  assert.match(
    await textOf(visitor.locator('main')),
    /Zaświadczenie jest prawdziwe[\s\S]*Jolanta Kamińska[\s\S]*Warsztat: ekonomia społeczna bez granic/,
  )
  await expectNoAxeViolations(visitor, 'a certificate checked')
})
