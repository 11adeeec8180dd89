// A recruitment in a real browser: someone applies on a phone with JavaScript off (the link by
// mail, a draft with a mistyped PESEL saved and told of, then the form sent), and the project's
// staff find the application, see the PESEL (they are named to), and check it. axe checks the pages.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { makePesel } from '../../src/kernel/identifiers.ts'
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

const title = 'Nabór uczestników warsztatów tematycznych i paneli eksperckich 2027'

test('an applicant on a phone without JavaScript keeps a draft, sends the form, and the staff check it', async () => {
  const phone = await (
    await newContext(browser, h, { viewport: { width: 390, height: 844 }, javaScriptEnabled: false })
  ).newPage()
  await phone.goto('/recruitments')
  await loadsPage(phone, () => phone.locator('main a', { hasText: title }).click())
  await loadsPage(phone, () =>
    phone.locator('main a', { hasText: 'Wypełnij formularz zgłoszeniowy' }).click(),
  )
  const email = 'halina.zielinska@example.pl'
  await phone.locator('#field-email').fill(email)
  await click(phone, 'Wyślij link do formularza')
  assert.match(await textOf(phone.locator('main')), /Sprawdź skrzynkę/)
  const link = linkInMail(
    (await h.smtp.waitFor(email, /Link do formularza/)).text,
    h,
    /\/recruitments\/applications\/[A-Za-z0-9_-]+/,
  )

  // Half the form and a PESEL with a digit wrong: kept as a draft.
  const pesel = makePesel('1968-11-20', 'K', 212)
  const wrong = `${pesel.slice(0, 10)}${(Number(pesel[10]) + 3) % 10}`
  await phone.goto(link)
  await phone.locator('#field-groupId-2').check()
  await phone.locator('#field-givenName').fill('Halina')
  await phone.locator('#field-familyName').fill('Zielińska')
  await phone.locator('#field-pesel').fill(wrong)
  await click(phone, 'Zapisz wersję roboczą')
  assert.match(await flashOf(phone), /Wersja robocza została zapisana/)
  assert.equal(await phone.locator('#field-familyName').inputValue(), 'Zielińska')
  assert.match(await textOf(phone.locator('main')), /Zapisane cyfry numeru PESEL są niepełne albo błędne/)

  // Sent with the rest but the same PESEL: refused beside it, nothing typed lost.
  const fill = async (p: Page) => {
    await p.locator('#field-birthDate').fill('1968-11-20')
    await p.locator('#field-education-5').check()
    await p.locator('#field-voivodeship').selectOption('24')
    await p.locator('#field-municipality').fill('Lyski')
    await p.locator('#field-locality').fill('Lyski')
    await p.locator('#field-building').fill('14')
    await p.locator('#field-postcode').fill('44-295')
    await p.locator('#field-degurba-2').check()
    await p.locator('#field-phone').fill('+48 601 222 333')
    await p.locator('#field-labourStatus-3').check()
    for (const name of ['foreignOrigin', 'thirdCountry', 'homeless', 'disability'])
      await p.locator(`#field-${name}-1`).check()
    await p.locator('#field-minority-2').check()
    for (const name of ['declEligible', 'declTruth', 'declInformed'])
      await p.locator(`#field-${name}`).check()
    // The project's own questions: the organisation represented, and a day (not required).
    await p.locator('main textarea[name^="own-"]').fill('Stowarzyszenie Przyjaciół Lysek')
    await p.locator('main input[type=radio][name^="own-"]').first().check()
  }
  await fill(phone)
  await phone.locator('#field-pesel').fill(wrong)
  await click(phone, 'Wyślij formularz')
  assert.match(await textOf(phone.locator('.govuk-error-summary')), /błędną cyfrę kontrolną/)
  assert.equal(await phone.locator('#field-municipality').inputValue(), 'Lyski')
  await expectNoAxeViolations(phone, 'the form refused, on a phone')
  const width = await phone.evaluate<number>('document.documentElement.scrollWidth')
  assert.ok(width <= 390, `the form fits the phone (${width} px)`)
  await phone.locator('#field-pesel').fill(pesel)
  await click(phone, 'Wyślij formularz')
  assert.match(await flashOf(phone), /Formularz został wysłany/)
  assert.match(await textOf(phone.locator('main')), /Wysłany – czeka na sprawdzenie/)
  await h.smtp.waitFor(email, /Formularz wysłany/)

  // The project's staff find it among those to check, see the whole PESEL, and check it.
  const staff = await signedInPage(browser, h, 'projekt@demo.siatka.test')
  await staff.goto('/recruitments/manage')
  await loadsPage(staff, () => staff.locator('main a', { hasText: title }).click())
  await loadsPage(staff, () => staff.locator('main a', { hasText: 'Wnioski' }).first().click())
  await staff.locator('#field-state').selectOption('submitted')
  await click(staff, 'Pokaż')
  await loadsPage(staff, () => staff.locator('main table a', { hasText: 'Halina Zielińska' }).click())
  assert.match(await textOf(staff.locator('main')), new RegExp(`Numer PESEL\\s+${pesel}`))
  assert.match(await textOf(staff.locator('main')), /Gmina\s+Lyski – gmina wiejska \(2412042\)/)
  await staff.locator('#field-check-decision').check()
  await click(staff, 'Zapisz ocenę formalną')
  assert.match(await flashOf(staff), /Ocena formalna została zapisana/)
  await expectNoAxeViolations(staff, 'an application, checked')
  await staff.goto(new URL(staff.url()).pathname.replace(/\/applications\/.*$/, '/ranking'))
  assert.match(await textOf(staff.locator('main')), /Halina Zielińska/)
})
