// A meeting of a thematic network, in a real browser (issue 5): its secretary convenes it, builds
// the agenda and adds a material, mostly by keyboard, and sends the notice; members and the managing
// authority get it by mail in their language with a calendar invitation, and an update with the same
// UID when the time changes. A member answers without JavaScript, the chair sends a deputy, and the
// secretary sees the answers. On a meeting's day the secretary records presence, sees the quorum and
// downloads the list for signing. The steps run in order and share the story's state.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import ICAL from 'ical.js'
import type { Browser, Page } from 'playwright-core'
import { addDays, today, warsawInstant } from '../../src/kernel/dates.ts'
import { workingDayFrom } from '../../src/kernel/holidays.ts'
import {
  accounts,
  click,
  type E2eApp,
  expectNoAxeViolations,
  flashOf,
  focused,
  follow,
  launchBrowser,
  loadsPage,
  type newContext,
  pathOf,
  screenshot,
  signedInPage as signedInPageOf,
  startE2eApp,
  tabTo,
  textOf,
} from '../support/browser.ts'
import { givenMember, givenPerson } from '../support/given.ts'
import type { CaughtMail } from '../support/smtp.ts'

let h: E2eApp
let browser: Browser

const network = 'KST ds. ekonomii społecznej'
const secretary = 'sekretarz@demo.siatka.test'
const managingAuthority = 'iz@demo.siatka.test'
const chair = { email: 'przewodniczacy@demo.siatka.test', name: 'Piotr Przewodniczący' }
const member = accounts.member
// A member from the Interreg programme next door: reads Siatka and its mail in English.
const english = { email: 'emma.clarke@example.eu', name: 'Emma Clarke' }
// A deputy who may stand in for the chair.
const deputy = { email: 'daria.zastepczyni@example.pl', name: 'Daria Zastępczyni' }

// About three weeks ahead: the notice (14 days before, by the rules) is on time. A working day, or
// the form would first ask whether a holiday or a weekend day is meant.
const day = workingDayFrom(addDays(today(), 21))
const confirmBy = addDays(day, -7)
const subject = 'Plan pracy sieci'
const items = { first: 'Otwarcie', second: 'Wnioski z ewaluacji' }

let spaceId: string
let secretaryPage: Page
/** The meeting's address and its name ("III posiedzenie w 2026 r."), as the secretary's browser shows them. */
let meetingPath: string
let meetingName: string
let uid: string
/** Today's meeting, whose presence is recorded and whose minutes are then written. */
let todayPath: string
/** The mails of the notice and of its update, awaited a few steps after they are sent. */
let noticeMails: Promise<CaughtMail[]>
let updateMails: Promise<CaughtMail[]>
// The job queue sends about two mails a second, to everyone in the network (about 25 people).
const mailWait = 40_000

before(async () => {
  ;[h, browser] = await Promise.all([startE2eApp(), launchBrowser()])
  const db = h.database.db
  const space = await db
    .selectFrom('spaces')
    .select('id')
    .where('name_pl', '=', network)
    .executeTakeFirstOrThrow()
  spaceId = space.id
  const chairId = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', chair.email)
    .executeTakeFirstOrThrow()
  const en = await givenPerson(db, { ...english, lang: 'en' })
  const dep = await givenPerson(db, deputy)
  await givenMember(db, spaceId, en.id)
  await givenMember(db, spaceId, dep.id, { role: 'deputy', deputyFor: chairId.id })
})

after(async () => {
  await browser?.close()
  await h?.close()
})

const signedInPage = (email: string, options: Parameters<typeof newContext>[2] = {}) =>
  signedInPageOf(browser, h, email, options)
/** Tabs to the form's submit button and presses Enter, as a keyboard user sends a form. */
async function submitByKeyboard(page: Page, label: string, max = 12) {
  const button = await tabTo(page, (f) => f.tag === 'button', max)
  assert.equal(button.text, label)
  await loadsPage(page, () => page.keyboard.press('Enter'))
}
/** Replaces a text field's value by typing, as a person selects what is there and types over it. */
async function typeOver(page: Page, text: string) {
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
}
/** The agenda as its table lists it: "1. title". */
async function agenda(page: Page): Promise<string[]> {
  const rows = await page.locator('main table:has(caption:text-is("Porządek obrad")) tbody tr').all()
  return Promise.all(
    rows.map(
      async (r) =>
        `${await textOf(r.locator('td').nth(0))}. ${await textOf(r.locator('td').nth(1).locator('span').first())}`,
    ),
  )
}

/** A Warsaw wall-clock time as the UTC instant calendars should get, worked out with Intl alone. */
function warsawToUtc(d: string, time: string): string {
  const naive = new Date(`${d}T${time}:00Z`)
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Warsaw', timeZoneName: 'longOffset' })
    .formatToParts(naive)
    .find((p) => p.type === 'timeZoneName')?.value
  const found = /GMT([+-])(\d\d):(\d\d)/.exec(offset ?? '')
  assert.ok(found, `Warsaw's offset on ${d}: ${offset}`)
  const minutes = (found[1] === '+' ? 1 : -1) * (Number(found[2]) * 60 + Number(found[3]))
  return new Date(naive.getTime() - minutes * 60_000).toISOString().replace('.000Z', 'Z')
}

/** The iCalendar part of a caught mail, parsed back by ical.js: its METHOD and its one event. */
function invitationIn(mail: CaughtMail) {
  const part = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))
  assert.ok(part, `a text/calendar part in “${mail.subject}”`)
  const calendar = new ICAL.Component(ICAL.parse(part.content.toString('utf8')))
  const vevent = calendar.getFirstSubcomponent('vevent')
  assert.ok(vevent, 'the calendar holds an event')
  return { method: calendar.getFirstPropertyValue('method'), event: new ICAL.Event(vevent) }
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

describe('a network meeting from convening to the attendance list', () => {
  step('the secretary convenes a meeting by keyboard, orders its agenda and adds a material', async () => {
    secretaryPage = await signedInPage(secretary)
    const page = secretaryPage
    await page.goto('/spaces')
    await follow(page, network)
    await loadsPage(page, () =>
      page
        .getByRole('navigation', { name: 'Części strony' })
        .getByRole('link', { name: 'Posiedzenia' })
        .click(),
    )
    assert.equal(pathOf(page), `/spaces/${spaceId}/meetings`)
    // The demo network has met before: its meetings are listed, the newest first.
    assert.match(await textOf(page.locator('main table')), /Podsumowanie półrocza/)
    await follow(page, 'Zwołaj posiedzenie')

    // The form by keyboard: the kind is already "Posiedzenie"; the dates through the date picker's value.
    await page.locator('#field-subject').focus()
    await page.keyboard.type(subject)
    await page.locator('#field-day').fill(day)
    await page.locator('#field-startTime').focus()
    await typeOver(page, '10:30')
    await page.keyboard.press('Tab')
    assert.equal((await focused(page))?.id, 'field-endTime')
    await typeOver(page, '13:00')
    await page.keyboard.press('Tab')
    assert.equal((await focused(page))?.id, 'field-place')
    await page.keyboard.type('ul. Wspólna 2/4, Warszawa')
    await page.locator('#field-confirmBy').fill(confirmBy)
    // Tab walks the date's day, month and year first, then reaches the button.
    await submitByKeyboard(page, 'Zwołaj posiedzenie', 4)

    assert.match(pathOf(page), new RegExp(`^/spaces/${spaceId}/meetings/[0-9a-f-]{36}$`))
    meetingPath = pathOf(page)
    assert.equal(await flashOf(page), 'Zwołano posiedzenie. Dodaj porządek obrad.')
    meetingName = await textOf(page.locator('main h2').first())
    // Numbered after the demo network's earlier meetings of that year.
    assert.match(meetingName, /^[IVX]+ posiedzenie w \d{4} r\.$/)
    const about = await textOf(page.locator('main .govuk-summary-list'))
    assert.match(about, new RegExp(`Temat\\s+${subject}`))
    assert.match(about, /Termin\s+.*10:30–13:00/)
    assert.match(about, /Adres\s+ul\. Wspólna 2\/4, Warszawa/)
    assert.match(await textOf(page.locator('main')), /Porządek obrad jest pusty/)

    // Two agenda items, each typed field after field; the second is a discussion (arrow key on the radios).
    for (const [title, kind] of [
      [items.first, 'information'],
      [items.second, 'discussion'],
    ]) {
      await page.locator('#field-title').focus()
      await page.keyboard.type(title)
      await page.keyboard.press('Tab')
      await page.keyboard.type(chair.name)
      await page.keyboard.press('Tab')
      assert.equal((await focused(page))?.id, 'field-minutes')
      await typeOver(page, '20')
      await page.keyboard.press('Tab')
      assert.equal((await focused(page))?.id, 'field-kind', 'the checked radio takes the focus')
      if (kind === 'discussion') await page.keyboard.press('ArrowRight')
      await submitByKeyboard(page, 'Dodaj punkt', 1)
      assert.equal(await flashOf(page), 'Dodano punkt porządku obrad.')
    }
    assert.deepEqual(await agenda(page), [`1. ${items.first}`, `2. ${items.second}`])
    assert.match(await textOf(page.locator('main')), /Łącznie: 40 min\./)

    // The second item goes first: its own "W górę" button, found by its label and pressed with Enter.
    await page.getByRole('button', { name: `Przesuń w górę: ${items.second}` }).focus()
    await loadsPage(page, () => page.keyboard.press('Enter'))
    assert.equal(await flashOf(page), 'Zmieniono kolejność punktów.')
    assert.deepEqual(await agenda(page), [`1. ${items.second}`, `2. ${items.first}`])

    // A material of that item: a small PDF chosen in the file field.
    await page.locator('#field-materialTitle').focus()
    await page.keyboard.type('Raport z ewaluacji')
    await page.keyboard.press('Tab')
    assert.equal((await focused(page))?.id, 'field-agendaItemId')
    await page.locator('#field-agendaItemId').selectOption({ label: `1. ${items.second}` })
    await page.locator('#field-file').setInputFiles({
      name: 'raport.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n% raport\n%%EOF\n'),
    })
    await click(page, 'Dodaj materiał')
    assert.equal(await flashOf(page), 'Dodano materiał.')
    const materials = page.locator('main table:has(caption:text-is("Materiały")) tbody tr')
    assert.equal(await materials.count(), 1)
    assert.match(
      await textOf(materials),
      new RegExp(`^Raport z ewaluacji\\s+1\\. ${items.second}\\s+polski\\b[\\s\\S]*– wersja 1, PDF`),
    )
    const firstRow = page.locator('main table:has(caption:text-is("Porządek obrad")) tbody tr').first()
    assert.match(await textOf(firstRow), /Materiały: Raport z ewaluacji/, 'the item links its material')
  })

  step('the secretary sends the notice and sees it listed with its deliveries', async () => {
    const page = secretaryPage
    await page.goto(meetingPath)
    assert.match(await textOf(page.locator('#notices ~ p').first()), /Zawiadomienie należy wysłać najpóźniej/)
    await page.getByRole('button', { name: 'Wyślij zawiadomienie' }).focus()
    await loadsPage(page, () => page.keyboard.press('Enter'))
    assert.equal(await flashOf(page), 'Wysłano zawiadomienie. Stan doręczeń widać w sekcji „Zawiadomienia”.')
    const notices = page.locator('main table:has(caption:text-is("Zawiadomienia")) tbody tr')
    assert.equal(await notices.count(), 1)
    assert.match(await textOf(notices), /^Zawiadomienie[\s\S]*przyjęte: \d+, w kolejce: \d+, nieudane: 0/)
    await screenshot(page, 'meeting-notice-sent')
    await expectNoAxeViolations(page, 'meeting after the notice, as its secretary')
    // The mails go out one by one from the job queue while people carry on; a later step reads them.
    const polish = new RegExp(`^Zawiadomienie: ${meetingName}: ${subject} – ${network}$`)
    noticeMails = Promise.all([
      h.smtp.waitFor(member.email, polish, mailWait),
      h.smtp.waitFor(managingAuthority, polish, mailWait),
      h.smtp.waitFor(english.email, /^Notice: /, mailWait),
    ])
    noticeMails.catch(() => {})
  })

  step('a member, without JavaScript, finds the meeting and confirms attendance', async () => {
    const page = await signedInPage(member.email, { javaScriptEnabled: false })
    await page.goto(`/spaces/${spaceId}`)
    await loadsPage(page, () =>
      page
        .getByRole('navigation', { name: 'Części strony' })
        .getByRole('link', { name: 'Posiedzenia' })
        .click(),
    )
    assert.equal(await page.locator('main').getByRole('link', { name: 'Zwołaj posiedzenie' }).count(), 0)
    await follow(page, meetingName)
    assert.equal(pathOf(page), meetingPath)
    assert.match(await textOf(page.locator('main')), /Zawiadomienie wysłano/)
    assert.match(
      await textOf(page.locator('#attendance ~ div')),
      /Nie potwierdziłeś\(-aś\) jeszcze obecności/,
    )
    assert.equal(await page.locator('main form[action$="/agenda"]').count(), 0, 'no secretariat forms')

    await page.getByRole('radio', { name: 'Będę', exact: true }).check()
    await click(page, 'Zapisz odpowiedź')
    assert.equal(pathOf(page), meetingPath)
    assert.equal(await flashOf(page), 'Zapisano odpowiedź.')
    assert.match(await textOf(page.locator('main')), /Twoja odpowiedź: Będę \(zapisana /)
    assert.equal(await page.getByRole('radio', { name: 'Będę', exact: true }).isChecked(), true)
    await screenshot(page, 'meeting-member-answered-no-js')
    await expectNoAxeViolations(page, 'meeting after answering, as a member without JavaScript')
  })

  step('the chair sends a deputy, by keyboard; the secretary sees both answers', async () => {
    const page = await signedInPage(chair.email)
    await page.goto(meetingPath)
    await page.getByRole('radio', { name: 'Będę', exact: true }).focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    assert.equal(await page.getByRole('radio', { name: 'Przyślę zastępcę' }).isChecked(), true)
    await page.keyboard.press('Tab')
    assert.equal((await focused(page))?.id, 'field-deputyId')
    await page.keyboard.type('Daria')
    assert.equal(await textOf(page.locator('#field-deputyId option:checked')), deputy.name)
    await submitByKeyboard(page, 'Zapisz odpowiedź', 1)
    assert.equal(await flashOf(page), 'Zapisano odpowiedź.')
    assert.match(
      await textOf(page.locator('main')),
      new RegExp(`Twoja odpowiedź: przyślę zastępcę – ${deputy.name} \\(zapisana `),
    )
    await expectNoAxeViolations(page, 'meeting after sending a deputy, as the chair')
    await page.context().close()

    const sec = secretaryPage
    await sec.goto(meetingPath)
    const counts = await textOf(sec.getByRole('list', { name: 'Podsumowanie odpowiedzi' }))
    assert.match(counts, /Będzie: 1\s+Nie będzie: 0\s+Przyśle zastępcę: 1\s+Bez odpowiedzi: \d+/)
    const answers = sec.locator('main table:has(caption:text-is("Odpowiedzi członków")) tbody tr')
    assert.match(await textOf(answers.filter({ hasText: member.name })), /Będzie/)
    assert.match(
      await textOf(answers.filter({ hasText: chair.name })),
      new RegExp(`Przyśle zastępcę\\s+${deputy.name}`),
    )
    assert.match(await textOf(sec.locator('main')), /Obecność zapisuje się od dnia posiedzenia/)
    await expectNoAxeViolations(sec, 'meeting with answers, as its secretary')
  })

  step(
    'the notice reached a member and the managing authority in Polish, an English member in English, each with an invitation',
    async () => {
      const [toMember, toAuthority, toEnglish] = await noticeMails
      assert.match(toMember.text, new RegExp(`Dzień dobry, ${member.name}\\.`))
      assert.match(toMember.text, /Termin: .*10:30–13:00/)
      // The agenda in the order the secretary left it.
      assert.match(
        toMember.text,
        new RegExp(`1\\. ${items.second} \\(${chair.name}\\)\\n2\\. ${items.first}`),
      )
      assert.match(toMember.text, new RegExp(`${meetingPath}\\b`), 'the mail links to the meeting')
      assert.match(toAuthority.text, /Dzień dobry, Irena[\s\S]*Zawiadamiamy o posiedzeniu/)
      assert.equal(
        toEnglish.subject,
        `Notice: Meeting ${meetingName.split(' ')[0]} of ${day.slice(0, 4)}: ${subject} – NTN on the social economy`,
      )
      assert.match(toEnglish.text, /Hello Emma Clarke,[\s\S]*Please confirm your attendance in Siatka/)

      const invitation = invitationIn(toMember)
      assert.equal(invitation.method, 'REQUEST')
      uid = invitation.event.uid
      assert.match(uid, new RegExp(`^meeting-${meetingPath.split('/').pop()}@`))
      assert.equal(invitation.event.sequence, 0)
      assert.equal(invitation.event.startDate.toString(), warsawToUtc(day, '10:30'), '10:30 in Warsaw')
      assert.equal(invitation.event.endDate.toString(), warsawToUtc(day, '13:00'))
      for (const other of [toAuthority, toEnglish]) {
        const { method, event } = invitationIn(other)
        assert.equal(method, 'REQUEST')
        assert.equal(event.uid, uid, 'one UID for everyone')
        assert.equal(event.sequence, 0)
      }
    },
  )

  step('the secretary moves the start, which sends an update', async () => {
    const page = secretaryPage
    await page.goto(meetingPath)
    await follow(page, 'Zmień termin, miejsce lub temat')
    assert.match(await textOf(page.locator('main')), /zapisanie zmian wyśle wszystkim adresatom aktualizację/)
    await page.locator('#field-startTime').focus()
    await typeOver(page, '11:15')
    await submitByKeyboard(page, 'Zapisz', 12)
    assert.equal(pathOf(page), meetingPath)
    assert.equal(await flashOf(page), 'Zapisano zmiany i wysłano adresatom zawiadomienia aktualizację.')
    assert.match(await textOf(page.locator('main .govuk-summary-list')), /Termin\s+.*11:15–13:00/)
    const notices = page.locator('main table:has(caption:text-is("Zawiadomienia")) tbody tr')
    assert.equal(await notices.count(), 2, 'the update is listed beside the notice')
    assert.match(await textOf(notices.first()), /^Zmiana\s+Zmieniono: termin/)
    updateMails = Promise.all([
      h.smtp.waitFor(member.email, /^Zmiana: /, mailWait),
      h.smtp.waitFor(managingAuthority, /^Zmiana: /, mailWait),
      h.smtp.waitFor(english.email, /^Changed: /, mailWait),
    ])
    updateMails.catch(() => {})
  })

  step(
    'on a meeting’s day the secretary records presence, sees the quorum and downloads the list',
    async () => {
      const url = await givenMeetingToday()
      todayPath = url
      const page = secretaryPage
      await page.goto(url)
      assert.match(
        await textOf(page.locator('#quorum')),
        /^Kworum zostanie policzone po zapisaniu obecności\.$/,
      )
      const form = page.locator('main form[action$="/presence"]')
      const people = await form.locator('fieldset').count()
      assert.ok(people >= 10, `everyone with a vote is on the list (${people})`)
      // Everyone in person, the chair online, the member away.
      for (const radio of await form.getByRole('radio', { name: 'Obecny(-a) osobiście' }).all())
        await radio.check()
      await form
        .getByRole('group', { name: chair.name })
        .getByRole('radio', { name: 'Obecny(-a) online' })
        .check()
      await form
        .getByRole('group', { name: member.name })
        .getByRole('radio', { name: 'Nieobecny(-a)' })
        .check()
      await click(page, 'Zapisz obecność')
      assert.equal(await flashOf(page), 'Zapisano obecność.')
      const required = Math.ceil(people / 2)
      assert.equal(
        await textOf(page.locator('#quorum')),
        `Kworum: jest (${people - 1} z ${people}, wymagane ${required})`,
      )
      assert.equal(
        await page
          .getByRole('group', { name: member.name })
          .getByRole('radio', { name: 'Nieobecny(-a)' })
          .isChecked(),
        true,
        'the recorded presence is shown',
      )
      await expectNoAxeViolations(page, 'presence recorded')

      const link = page.getByRole('link', { name: 'Pobierz listę obecności do podpisu (PDF)' })
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
      assert.match(download.suggestedFilename(), /^lista-obecnosci-\d{4}-90-\d{4}-\d{2}-\d{2}\.pdf$/)
      const file = await readFile(await download.path())
      assert.equal(file.subarray(0, 5).toString('latin1'), '%PDF-')
      const response = await page.request.get(`${url}/attendance.pdf`)
      assert.equal(response.status(), 200)
      assert.equal(response.headers()['content-type'], 'application/pdf')
      assert.equal((await response.body()).subarray(0, 5).toString('latin1'), '%PDF-')
    },
  )

  step(
    'the secretary writes the minutes of that meeting, records a decision and sends them out for comments',
    async () => {
      const page = secretaryPage
      await page.goto(todayPath)
      await follow(page, 'Otwórz protokół')
      await click(page, 'Rozpocznij protokół')
      assert.match(await flashOf(page), /^Rozpoczęto protokół/)
      assert.match(
        await textOf(page.locator('#attendees + ul')),
        /Obecny\(-a\) online/,
        'attendees from the presence',
      )
      await follow(page, 'Edytuj treść protokołu')
      await page.getByLabel('Otwarcie posiedzenia').fill('Posiedzenie otworzył Przewodniczący. Kworum jest.')
      await page
        .getByLabel('Przebieg punktu 2. Rekomendacje dla Grupy Strategicznej')
        .fill('Członkowie omówili rekomendacje.')
      await click(page, 'Zapisz treść')
      assert.equal(await flashOf(page), 'Zapisano treść protokołu.')
      const form = page.locator('form[action$="/minutes/decisions"]')
      await form
        .getByLabel('Punkt porządku obrad')
        .selectOption({ label: '2. Rekomendacje dla Grupy Strategicznej' })
      await form.getByLabel('Tytuł uchwały').fill('w sprawie rekomendacji')
      await form.getByLabel('Treść uchwały').fill('Sieć przyjmuje rekomendacje.')
      await form.getByLabel('Za', { exact: true }).fill('5')
      await click(page, 'Dodaj uchwałę')
      assert.equal(await flashOf(page), 'Dodano uchwałę.')
      assert.match(await textOf(page.locator('main')), /Uchwała nr \d+\/\d{4} – w sprawie rekomendacji/)
      await page.getByLabel('Uwagi do dnia').fill(today())
      await click(page, 'Roześlij do uwag')
      assert.equal(await flashOf(page), 'Projekt protokołu rozesłano członkom do uwag.')
      await expectNoAxeViolations(page, 'minutes out for comments')
    },
  )

  step(
    'a member comments without JavaScript, the secretary answers, the chair approves and downloads the minutes',
    async () => {
      const minutesPath = `${todayPath}/minutes`
      const memberPage = await signedInPage(member.email, { javaScriptEnabled: false })
      await memberPage.goto(minutesPath)
      await memberPage.getByLabel('Treść uwagi').fill('Proszę dopisać termin przekazania rekomendacji.')
      await click(memberPage, 'Wyślij uwagę')
      assert.equal(await flashOf(memberPage), 'Wysłano uwagę. Sekretarz na nią odpowie.')
      await memberPage.context().close()

      // The period for comments ends (today, in the story) before the chair approves.
      await h.database.db
        .updateTable('minutes')
        .set({ comments_by: addDays(today(), -1) })
        .where('meeting_id', '=', todayPath.split('/').pop() ?? '')
        .execute()
      const page = secretaryPage
      await page.goto(minutesPath)
      await page.getByLabel(`Odpowiedź dla: ${member.name}`).fill('Dopisano termin.')
      await click(page, 'Zapisz odpowiedź')
      assert.equal(await flashOf(page), 'Zapisano odpowiedź na uwagę.')

      const chairPage = await signedInPage(chair.email)
      await chairPage.goto(minutesPath)
      await click(chairPage, 'Zatwierdzam protokół')
      assert.equal(await flashOf(chairPage), 'Zatwierdzono protokół.')
      await expectNoAxeViolations(chairPage, 'minutes approved')
      await screenshot(chairPage, 'minutes-approved')
      const link = chairPage.locator('main a[href$="/revisions/1/pdf"]')
      const [download] = await Promise.all([chairPage.waitForEvent('download'), link.click()])
      assert.match(download.suggestedFilename(), /^protokol-.*-r1\.pdf$/)
      const pdf = await readFile(await download.path())
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-')
      assert.match(pdf.toString('latin1'), /pdfaid:part/)
      for (const format of ['docx', 'odt']) {
        const response = await chairPage.request.get(`${minutesPath}/revisions/1/${format}`)
        assert.equal(response.status(), 200, format)
        assert.equal((await response.body()).subarray(0, 2).toString('latin1'), 'PK', `${format} is a zip`)
      }
      await chairPage.context().close()
    },
  )

  step('the update carries the same calendar event, one version later, at the new time', async () => {
    const [toMember, toAuthority, toEnglish] = await updateMails
    assert.match(toMember.text, /zmieniono: termin\./)
    assert.match(toEnglish.text, /has changed: the time\./)
    for (const mail of [toMember, toAuthority, toEnglish]) {
      const { method, event } = invitationIn(mail)
      assert.equal(method, 'REQUEST')
      assert.equal(event.uid, uid)
      assert.equal(event.sequence, 1)
      assert.equal(event.startDate.toString(), warsawToUtc(day, '11:15'))
    }
  })
})

/**
 * Presence is recorded only from a meeting's day, and a meeting cannot be convened in the past: this
 * one is written to the database as if convened weeks ago, beginning today, its answers closed.
 */
async function givenMeetingToday(): Promise<string> {
  const db = h.database.db
  const by = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', secretary)
    .executeTakeFirstOrThrow()
  const now = today()
  const row = await db
    .insertInto('meetings')
    .values({
      space_id: spaceId,
      kind: 'meeting',
      year: Number(now.slice(0, 4)),
      number: 90,
      subject: 'Posiedzenie dzisiejsze',
      starts_at: warsawInstant(now, '00:00'),
      ends_at: warsawInstant(now, '23:30'),
      place: 'ul. Wspólna 2/4, Warszawa',
      online_url: '',
      confirm_by: new Date(warsawInstant(now, '00:00').getTime() - 60_000),
      created_by: by.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db
    .insertInto('agenda_items')
    .values([
      {
        meeting_id: row.id,
        position: 1,
        title: 'Otwarcie',
        presenter: chair.name,
        minutes: 10,
        kind: 'information',
      },
      {
        meeting_id: row.id,
        position: 2,
        title: 'Rekomendacje dla Grupy Strategicznej',
        presenter: '',
        minutes: 60,
        kind: 'decision',
      },
    ])
    .execute()
  return `/spaces/${spaceId}/meetings/${row.id}`
}
