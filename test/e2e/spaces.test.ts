// A body's first composition, in a real browser: the coordinator sets up a working group, its
// secretary drafts the composition and sends it to the managing authority, which returns it with a
// comment; the secretary hears of it (header, notification centre, mail), revises it and sends it
// again; the managing authority approves it, and a newly appointed member finds the group and
// themselves in it. The steps run in order and share the story's state. axe checks every page.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import {
  accounts,
  click,
  type E2eApp,
  expectNoAxeViolations,
  flashOf,
  focused,
  follow,
  htmlState,
  launchBrowser,
  linkInMail,
  loadsPage,
  type newContext,
  pathOf,
  screenshot,
  signedInPage as signedInPageOf,
  startE2eApp,
  tabTo,
  textOf,
} from '../support/browser.ts'
import { givenPerson } from '../support/given.ts'

let h: E2eApp
let browser: Browser

const group = {
  namePl: 'Grupa robocza ds. cyfryzacji usług społecznych',
  nameEn: 'Working group on digital social services',
}
const secretary = { email: 'sekretarz@demo.siatka.test', name: 'Sylwia Sekretarz' }
const managingAuthority = { email: 'iz@demo.siatka.test', name: 'Irena z Instytucji Zarządzającej' }
const chair = { email: 'przewodniczacy@demo.siatka.test', name: 'Piotr Przewodniczący' }
const member = { email: accounts.member.email, name: accounts.member.name }
// From the Interreg programme next door: reads Siatka and its mail in English.
const expert = { email: 'jonas.becker@example.de', name: 'Jonas Becker' }
const comment = 'Brakuje przedstawiciela programu Interreg.'
const decisionRef = 'DZF-IV.8540.31.2026'

/** The browsers of the two people who come back to the story, each signed in once. */
let secretaryPage: Page
let authorityPage: Page
/** The proposal's address, as the secretary's browser shows it. */
let proposalPath: string

before(async () => {
  ;[h, browser] = await Promise.all([startE2eApp(), launchBrowser()])
  await givenPerson(h.database.db, { email: expert.email, name: expert.name, role: 'expert', lang: 'en' })
})

after(async () => {
  await browser?.close()
  await h?.close()
})

const signedInPage = (email: string, options: Parameters<typeof newContext>[2] = {}) =>
  signedInPageOf(browser, h, email, options)
/** The unread count next to "Powiadomienia" in the header, or 0 when there is none. */
async function unreadCount(page: Page): Promise<number> {
  const badge = page.locator('.siatka-user a[href="/notifications"] .siatka-count')
  return (await badge.count()) ? Number(await textOf(badge)) : 0
}
/** The people of the proposal as its table lists them: name (without organisation) and role. */
async function proposedPeople(page: Page): Promise<string[]> {
  const rows = await page.locator('main table tbody tr').all()
  return Promise.all(
    rows.map(
      async (r) => `${await textOf(r.locator('td span').first())}: ${await textOf(r.locator('td').nth(1))}`,
    ),
  )
}

/** Adds a person to the proposal with the mouse. */
async function addPerson(page: Page, p: { email: string; role: string; represents: string }) {
  await page.locator('#field-email').fill(p.email)
  await page.locator('#field-role').selectOption({ label: p.role })
  await page.locator('#field-represents').selectOption({ label: p.represents })
  await click(page, 'Dodaj do propozycji')
}

/** The story's steps run in order; after one fails, the rest are skipped rather than failing too. */
let failed = false
function step(name: string, fn: () => Promise<void>) {
  test(name, async (t) => {
    if (failed) return t.skip('an earlier step failed')
    try {
      await fn()
    } catch (err) {
      failed = true
      throw err
    }
  })
}

describe('a working group gets its first composition through the managing authority', () => {
  step('the coordinator sets up the group and appoints its secretary', async () => {
    const page = await signedInPage(accounts.coordinator.email)
    await page.goto('/spaces')
    await follow(page, 'Utwórz sieć lub ciało')
    assert.equal(pathOf(page), '/spaces/new')
    await page.locator('#field-namePl').fill(group.namePl)
    await page.locator('#field-nameEn').fill(group.nameEn)
    await page.locator('#field-type').selectOption({ label: 'Grupa robocza' })
    await page.locator('#field-themePl').fill('Usługi społeczne dostępne przez internet')
    await page.locator('#field-themeEn').fill('Social services available online')
    await page.locator('#field-secretaryId').selectOption({ label: secretary.name })
    await click(page, 'Zapisz')

    assert.match(pathOf(page), /^\/spaces\/[0-9a-f-]{36}$/)
    assert.equal(await flashOf(page), 'Utworzono sieć lub ciało.')
    assert.equal(await textOf(page.locator('h1')), group.namePl)
    const about = await textOf(page.locator('main .govuk-summary-list'))
    assert.match(about, /W tworzeniu/, 'a new group is being formed')
    assert.match(about, new RegExp(secretary.name))
    await expectNoAxeViolations(page, 'new group')
  })

  step(
    'its secretary drafts the composition, with a chair, and sends it to the managing authority',
    async () => {
      secretaryPage = await signedInPage(secretary.email)
      const page = secretaryPage
      await page.goto('/spaces')
      await follow(page, group.namePl)
      await follow(page, 'Propozycje składu')
      assert.match(await textOf(page.locator('main')), /Nie ma jeszcze propozycji składu/)
      await click(page, 'Przygotuj propozycję składu')
      proposalPath = pathOf(page)
      assert.match(proposalPath, /^\/spaces\/[0-9a-f-]{36}\/compositions\/[0-9a-f-]{36}$/)
      assert.equal(await textOf(page.locator('main h2')), 'Propozycja składu nr 1')
      assert.match(await textOf(page.locator('main')), /Propozycja nie zawiera jeszcze żadnej osoby/)
      await expectNoAxeViolations(page, 'empty proposal')

      // The chair with the keyboard alone: past the header to the form, a choice typed into each list.
      await page.keyboard.press('Tab')
      assert.match((await focused(page))?.classes ?? '', /govuk-skip-link/)
      await page.keyboard.press('Enter')
      await tabTo(page, (f) => f.id === 'field-email')
      await page.keyboard.type(chair.email)
      await page.keyboard.press('Tab')
      assert.equal((await focused(page))?.id, 'field-role')
      await page.keyboard.type('Przew')
      assert.equal(await page.locator('#field-role').inputValue(), 'chair')
      await page.keyboard.press('Tab')
      assert.equal((await focused(page))?.id, 'field-represents')
      await page.keyboard.type('Samorz')
      assert.equal(await page.locator('#field-represents').inputValue(), 'region')
      await tabTo(page, (f) => f.id === 'field-justification', 3)
      await page.keyboard.type('Przewodniczy KST ds. ekonomii społecznej.')
      const add = await tabTo(page, (f) => f.tag === 'button', 1)
      assert.equal(add.text, 'Dodaj do propozycji')
      await loadsPage(page, () => page.keyboard.press('Enter'))
      assert.equal(await flashOf(page), 'Dodano osobę do propozycji.')
      assert.deepEqual(await proposedPeople(page), [`${chair.name}: Przewodniczący(\u2011a)`])
      assert.match(await textOf(page.locator('main table')), /Przewodniczy KST ds\. ekonomii społecznej\./)

      // A slip: an address without an account is explained next to the field, and kept.
      await addPerson(page, { email: 'nieznana.osoba@example.org', role: 'Członek', represents: 'Inne' })
      assert.equal(pathOf(page), `${proposalPath}/entries`)
      assert.match(await textOf(page.locator('#field-email-error')), /Nie ma aktywnego konta z tym adresem/)
      assert.equal(await page.locator('#field-email').inputValue(), 'nieznana.osoba@example.org')
      await expectNoAxeViolations(page, 'proposal, unknown person')

      await addPerson(page, { email: member.email, role: 'Członek', represents: 'Organizacja pozarządowa' })
      assert.deepEqual(await proposedPeople(page), [
        `${chair.name}: Przewodniczący(\u2011a)`,
        `${member.name}: Członek`,
      ])
      await page.locator('#field-note').fill('Skład obejmuje samorząd regionalny i organizacje pozarządowe.')
      await click(page, 'Zapisz uzasadnienie')
      assert.equal(await flashOf(page), 'Zapisano uzasadnienie.')

      await click(page, 'Wyślij do Instytucji Zarządzającej')
      assert.equal(pathOf(page), proposalPath)
      assert.equal(await flashOf(page), 'Propozycję wysłano do Instytucji Zarządzającej.')
      assert.match(await textOf(page.locator('main .govuk-tag')), /Czeka na decyzję IZ/)
      assert.equal(await page.locator('main form[action$="/entries"]').count(), 0, 'nothing to change now')
      await screenshot(page, 'pl-proposal-sent')
      await expectNoAxeViolations(page, 'proposal sent')

      const mail = await h.smtp.waitFor(managingAuthority.email, /czeka na decyzję/)
      assert.equal(
        mail.subject,
        `Propozycja składu nr 1 (${group.namePl}) czeka na decyzję Instytucji Zarządzającej`,
      )
    },
  )

  step(
    'the managing authority finds it in its queue and returns it with a comment, by keyboard',
    async () => {
      authorityPage = await signedInPage(managingAuthority.email)
      const page = authorityPage
      assert.equal(await unreadCount(page), 1, 'the header counts the notification of the proposal')
      // The start page says what waits for it, and leads to the queue.
      await loadsPage(page, () => page.goto('/'))
      await loadsPage(page, () =>
        page.getByRole('link', { name: /^Propozycje składu czekające na decyzję: \d+$/ }).click(),
      )
      assert.equal(pathOf(page), '/authority')
      const row = page.locator('main table tbody tr').filter({ hasText: group.namePl })
      assert.equal(await row.count(), 1, 'the proposal waits in the queue')
      await expectNoAxeViolations(page, 'authority queue')
      await loadsPage(page, () => row.getByRole('link', { name: 'Propozycja składu nr 1' }).click())
      assert.equal(pathOf(page), proposalPath)
      assert.match(await textOf(page.locator('main')), /Skład obejmuje samorząd regionalny/)
      await expectNoAxeViolations(page, 'proposal to decide')

      await page.locator('#field-comment').focus()
      await page.keyboard.type(comment)
      const send = await tabTo(page, (f) => f.tag === 'button', 1)
      assert.equal(send.text, 'Zwróć z uwagami')
      await loadsPage(page, () => page.keyboard.press('Enter'))
      assert.equal(await flashOf(page), 'Propozycję zwrócono sekretariatowi z uwagami.')
      assert.match(await textOf(page.locator('main .govuk-tag')), /Zwrócona z uwagami/)
      assert.match(await textOf(page.locator('main .govuk-inset-text')), new RegExp(comment))
      await expectNoAxeViolations(page, 'proposal returned')

      await page.goto('/authority')
      assert.equal(
        await page.locator('main table tbody tr').filter({ hasText: group.namePl }).count(),
        0,
        'it no longer waits',
      )
    },
  )

  step(
    'the secretary hears of it in the header, the notification centre and by mail, and revises it',
    async () => {
      const page = secretaryPage
      await page.goto('/spaces')
      assert.equal(await unreadCount(page), 1, 'the header counts one unread notification')
      assert.match(await textOf(page.locator('.siatka-user a[href="/notifications"]')), /nieprzeczytane: 1/)
      const returned = `Instytucja Zarządzająca zwróciła z uwagami propozycję składu nr 1 (${group.namePl})`

      const mail = await h.smtp.waitFor(secretary.email, /zwróciła z uwagami/)
      assert.equal(mail.subject, returned)
      assert.match(
        mail.text,
        new RegExp(`Uwagi: „${comment.replace(/\./g, '\\.')}”`),
        'the mail quotes the comment',
      )
      assert.match(mail.text, new RegExp(`Dzień dobry, ${secretary.name}\\.`))
      assert.equal(linkInMail(mail.text, h, /\/spaces\/\S+/), `${h.baseUrl}${proposalPath}`)

      await loadsPage(page, () =>
        page
          .locator('.siatka-user')
          .getByRole('link', { name: /Powiadomienia/ })
          .click(),
      )
      assert.equal(pathOf(page), '/notifications')
      const item = page.locator('main li').filter({ hasText: returned })
      assert.equal(await item.count(), 1)
      assert.equal(await textOf(item.locator('.govuk-tag')), 'nowe', 'marked unread in words')
      await screenshot(page, 'pl-notifications')
      await expectNoAxeViolations(page, 'notifications')

      await loadsPage(page, () => item.getByRole('link').click())
      assert.equal(pathOf(page), proposalPath, 'the notification leads to the proposal')
      assert.equal(await unreadCount(page), 0, 'opening it marks it read')
      assert.match(await textOf(page.locator('main .govuk-inset-text')), new RegExp(comment))

      await page
        .locator('#field-justification')
        .fill('Koordynuje współpracę transgraniczną w programie Interreg.')
      await addPerson(page, { email: expert.email, role: 'Ekspert', represents: 'Inny program' })
      assert.deepEqual(await proposedPeople(page), [
        `${chair.name}: Przewodniczący(\u2011a)`,
        `${member.name}: Członek`,
        `${expert.name}: Ekspert`,
      ])
      await expectNoAxeViolations(page, 'proposal revised')
      await click(page, 'Wyślij do Instytucji Zarządzającej')
      assert.equal(await flashOf(page), 'Propozycję wysłano do Instytucji Zarządzającej.')
      await h.smtp.waitFor(managingAuthority.email, /czeka na decyzję/, 15_000, 2)
    },
  )

  step('the managing authority approves it with the decision reference', async () => {
    const page = authorityPage
    await page.goto('/authority')
    const row = page.locator('main table tbody tr').filter({ hasText: group.namePl })
    await loadsPage(page, () => row.getByRole('link', { name: 'Propozycja składu nr 1' }).click())
    assert.match(await textOf(page.locator('main table')), new RegExp(expert.name))
    await page.locator('#field-decisionRef').fill(decisionRef)
    // The effective day is today unless changed.
    assert.match(await page.locator('#field-effectiveOn').inputValue(), /^\d{4}-\d{2}-\d{2}$/)
    await click(page, 'Zatwierdź skład')
    assert.equal(
      await flashOf(page),
      'Skład zatwierdzono. Powiadomienie otrzymały osoby, które do niego dochodzą, zmieniają w nim miejsce lub z niego odchodzą.',
    )
    assert.match(await textOf(page.locator('main .govuk-tag')), /Zatwierdzona/)
    assert.match(await textOf(page.locator('main .govuk-summary-list')), new RegExp(decisionRef))
    await screenshot(page, 'pl-proposal-approved')
    await expectNoAxeViolations(page, 'proposal approved')

    // Everyone hears of it in their own language.
    const approved = await h.smtp.waitFor(secretary.email, /zatwierdziła/)
    assert.equal(
      approved.subject,
      `Instytucja Zarządzająca zatwierdziła skład nr 1 (${group.namePl}), decyzja ${decisionRef}`,
    )
    const chairMail = await h.smtp.waitFor(chair.email, /Powołanie do składu/)
    assert.match(
      chairMail.subject,
      new RegExp(`^Powołanie do składu: ${group.namePl}, rola: Przewodniczący\\(\u2011a\\), od `),
    )
    assert.match(chairMail.text, new RegExp(`Dzień dobry, ${chair.name}\\.`))
    const expertMail = await h.smtp.waitFor(expert.email, /Appointed/)
    assert.match(expertMail.subject, new RegExp(`^Appointed to ${group.nameEn} as Expert, from `))
    assert.match(expertMail.text, new RegExp(`Hello ${expert.name},`))
    assert.match(expertMail.text, /See the details in Siatka/)
  })

  step('a newly appointed member, without JavaScript, finds the group and themselves in it', async () => {
    const page = await signedInPage(expert.email, { javaScriptEnabled: false })
    assert.equal((await htmlState(page)).lang, 'en', 'Siatka speaks his language')
    await page.goto('/spaces')
    await expectNoAxeViolations(page, 'his spaces, no JavaScript')
    const rows = page.locator('main table tbody tr')
    assert.equal(await rows.count(), 1, 'the one body he belongs to')
    assert.match(
      await textOf(rows),
      new RegExp(`${group.nameEn}[\\s\\S]*${chair.name}[\\s\\S]*3[\\s\\S]*Active`),
    )

    await follow(page, group.nameEn)
    const about = await textOf(page.locator('main .govuk-summary-list'))
    assert.match(about, /Your role\s+Expert/)
    assert.match(about, /Active/, 'the group works from the day its composition took effect')
    await expectNoAxeViolations(page, 'group overview, no JavaScript')

    await follow(page, 'Members')
    const him = page.locator('main table tbody tr').filter({ hasText: expert.name })
    assert.equal(await him.count(), 1, 'he is on the members list')
    assert.match(await textOf(him), /Expert\s+Another programme/)
    assert.equal(await textOf(him.getByRole('link')), decisionRef, 'appointed by the decision')
    assert.equal(await page.locator('main form[action$="/guests"]').count(), 0, 'no secretariat forms')
    await screenshot(page, 'en-members-no-js')
    await expectNoAxeViolations(page, 'members, no JavaScript')
  })
})
