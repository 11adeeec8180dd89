// Journeys through the portfolio in a real browser: the coordinator imports a spreadsheet with
// mistakes, sees them by row and column, imports the corrected file; project staff report an
// indicator's progress; a member reads the thematic analysis; a visitor's public project page shows
// its funds' marks in the first screen on a laptop and a phone. axe checks every page reached.
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import {
  accounts,
  type E2eApp,
  expectNoAxeViolations,
  flashOf,
  launchBrowser,
  loadsPage,
  newContext,
  pathOf,
  screenshot,
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

const files = mkdtempSync(join(tmpdir(), 'siatka-import-'))
const header =
  'Tytuł;Program;Działanie;Początek;Koniec;Lider;NIP lidera;Wartość (zł);Wkład Funduszy Europejskich (zł);Województwa'
function csv(name: string, rows: string[]) {
  const path = join(files, name)
  writeFileSync(path, `${[header, ...rows].join('\r\n')}\r\n`)
  return path
}

test('the coordinator imports a spreadsheet: mistakes are shown by row and column, the corrected file is saved', async () => {
  const page = await signedInPage(browser, h, accounts.coordinator.email)
  await page.goto('/projects')
  await loadsPage(page, () =>
    page.locator('main').getByRole('link', { name: 'Importuj projekty z arkusza' }).click(),
  )
  assert.equal(pathOf(page), '/projects/import')
  await expectNoAxeViolations(page, 'import')
  const wrong = csv('z-bledami.csv', [
    'Podkarpackie centrum ekonomii społecznej;POWER;2.9;01.03.2024;31.12.2026;Fundacja Karpacka;1234567890;900 000,00;758 520,00;podkarpackie',
    'Spółdzielnie socjalne na Pomorzu;POWER;2.9;01.03.2024;31.12.2023;Fundacja Idea Rozwoju;;500 000,00;600 000,00;pomorskie',
  ])
  await page.locator('#field-file').setInputFiles(wrong)
  await loadsPage(page, () => page.locator('main form button[type=submit]').click())
  assert.match(pathOf(page), /^\/projects\/import\/[0-9a-f-]{36}$/)
  await expectNoAxeViolations(page, 'import preview with problems')
  await screenshot(page, 'projects-import-problems')
  const problems = await textOf(page.locator('main table'))
  assert.match(problems, /2\s+NIP lidera\s+1234567890\s+NIP ma błędną cyfrę kontrolną/)
  assert.match(
    problems,
    /3\s+Koniec\s+31\.12\.2023\s+Koniec realizacji nie może być wcześniej niż jej początek/,
  )
  assert.match(
    problems,
    /3\s+Wkład Funduszy Europejskich \(zł\)\s+600 000,00\s+Wkład Funduszy Europejskich nie może być większy/,
  )
  assert.equal(await page.locator('form[action$="/confirm"]').count(), 0, 'nothing to confirm yet')

  await loadsPage(page, () => page.locator('main').getByRole('link', { name: 'Wczytaj inny plik' }).click())
  const right = csv('poprawiony.csv', [
    'Podkarpackie centrum ekonomii społecznej;POWER;2.9;01.03.2024;31.12.2026;Fundacja Karpacka;7251234561;900 000,00;758 520,00;podkarpackie',
    'Spółdzielnie socjalne na Pomorzu;POWER;2.9;01.03.2024;31.12.2025;Fundacja Idea Rozwoju;;500 000,00;421 400,00;pomorskie',
  ])
  await page.locator('#field-file').setInputFiles(right)
  await loadsPage(page, () => page.locator('main form button[type=submit]').click())
  await expectNoAxeViolations(page, 'import preview without problems')
  assert.match(await textOf(page.locator('main')), /Wiersze z projektami: 2\. Problemy: 0\./)
  await loadsPage(page, () =>
    page.locator('main').getByRole('button', { name: 'Zapisz projekty z pliku (liczba: 2)' }).click(),
  )
  assert.equal(pathOf(page), '/projects')
  assert.match(await flashOf(page), /Zapisano projekty z pliku \(liczba: 2\)/)
  await page.goto('/projects?q=podkarpackie')
  assert.match(
    await textOf(page.locator('main table')),
    /Podkarpackie centrum ekonomii społecznej[\s\S]*Fundacja Karpacka/,
  )
  await page.context().close()
})

test('project staff report an indicator’s progress, by keyboard, and see it on the project', async () => {
  const page = await signedInPage(browser, h, 'projekt@demo.siatka.test')
  await page.goto('/projects?q=PSWPS')
  await loadsPage(page, () => page.locator('main table a', { hasText: 'PSWPS' }).click())
  await expectNoAxeViolations(page, 'the staff member’s project')
  const indicator = page.locator('#field-indicatorId')
  await indicator.focus()
  await indicator.selectOption({ label: 'Wizyty studyjne u partnerów ponadnarodowych' })
  const day = await page.locator('#field-reportedOn').inputValue()
  await page.locator('#field-value').fill('9')
  await page.locator('#field-comment').fill('Wizyta w Tampere')
  await page.locator('#field-comment').focus()
  await page.keyboard.press('Tab')
  await loadsPage(page, () => page.keyboard.press('Enter'))
  assert.match(await flashOf(page), /Zapisano sprawozdanie z postępu wskaźnika/)
  const row = await textOf(page.locator('#indicators ~ div table tr', { hasText: 'Wizyty studyjne' }))
  assert.match(row, /9 wizyt \(stan na/)
  assert.ok(day.length === 10)
  await page.context().close()
})

test('a member reads the thematic analysis: the gaps in words, the map and the tables', async () => {
  const page = await signedInPage(browser, h, accounts.member.email)
  await page.goto('/')
  // The menu's "Projekty" leads a member to the analysis (they have no portfolio of their own).
  assert.equal((await page.locator('header a[href="/projects/analysis"]').count()) > 0, true)
  await page.goto('/projects/analysis')
  assert.equal(pathOf(page), '/projects/analysis')
  await expectNoAxeViolations(page, 'analysis')
  const map = page.locator('svg.siatka-map')
  assert.match(String(await map.getAttribute('aria-label')), /Mapa kafelkowa 16 województw/)
  assert.equal(await page.locator('svg.siatka-map .siatka-map__tile').count(), 16)
  // One theme: the voivodeships without its projects are named.
  await page.locator('#field-theme').selectOption({ label: 'Edukacja i kompetencje' })
  await loadsPage(page, () => page.getByRole('button', { name: 'Pokaż analizę' }).click())
  assert.match(await textOf(page.locator('main')), /Bez żadnego projektu: [^.]+\./)
  await screenshot(page, 'projects-analysis-theme')
  await page.context().close()
})

for (const [width, height] of [
  [1280, 720],
  [390, 844],
] as const)
  test(`a visitor’s public project page shows the funds’ marks in the first screen at ${width}×${height}`, async () => {
    const context = await newContext(browser, h, { viewport: { width, height } })
    const page: Page = await context.newPage()
    await page.goto('/funded-projects?q=SIRES')
    await loadsPage(page, () => page.locator('main table a', { hasText: 'SIRES' }).click())
    await expectNoAxeViolations(page, `public project ${width}`)
    const strip = await page.locator('.siatka-logo-strip').boundingBox()
    assert.ok(strip, 'the logo strip is there')
    assert.ok(
      strip.y + strip.height <= height,
      `the whole strip is in the first screen (ends at ${strip.y + strip.height})`,
    )
    assert.equal(
      await page.evaluate<number>('document.documentElement.scrollWidth'),
      width,
      'no sideways scroll',
    )
    await screenshot(page, `projects-public-${width}`)
    await context.close()
  })
