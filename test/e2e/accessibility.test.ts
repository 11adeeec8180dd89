// The accessibility gate: axe (WCAG 2.0–2.2 A and AA) finds nothing on any page of Siatka, and no
// id is used twice nor any label names no field or several (test/support/html.ts),
// in Polish and in English, in normal and in high contrast: signed out, as admin, and in the
// networks and bodies as the network secretary and as the managing authority. The high-contrast
// runs open every page again but run only axe's rules that colours can change (styleRules): the
// pages are the same documents, and a test below holds the high-contrast stylesheet to colours,
// borders and outlines, so every other rule's outcome is the normal run's.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { after, before, describe, test } from 'node:test'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { addDays, today, warsawInstant } from '../../src/kernel/dates.ts'
import { unsubscribeToken } from '../../src/modules/notifications/rules.ts'
import {
  accounts,
  type E2eApp,
  expectNoAxeViolations,
  htmlState,
  launchBrowser,
  loadsPage,
  newContext,
  screenshot,
  signIn,
  startE2eApp,
  styleRules,
} from '../support/browser.ts'
import { Client, signedIn } from '../support/client.ts'
import { givenPerson } from '../support/given.ts'
import { expectUniqueIds } from '../support/html.ts'
import {
  certificateCodeOf,
  expertPanel,
  fullWorkshop,
  givenLinkTokens,
  heldConference,
  heldTraining,
  recruitmentOf,
  tokens,
} from '../support/pages.ts'

let h: E2eApp
let browser: Browser
/** The demo spaces the pages below are checked in, by their Polish names. */
let space: { labour: string; adaptability: string; equality: string; social: string }
/** A draft proposal as its secretary left it, and one the managing authority returned. */
let draft: string
let returned: string
/** A meeting convened with an agenda of two items (the move and remove buttons show). */
let meeting: string
/** A meeting whose notice went out and then changed (notices and their delivery), and one too close for notice. */
let told: { url: string; notice: string }
let late: string
/** A meeting of the labour-market network its member has not answered for yet. */
let memberMeeting: string
/** A meeting today, whose presence the secretary records. */
let todayMeeting: string
/** Minutes: today's meeting's draft (started in before()) and the demo's approved minutes. */
let minutes: { draft: string; approved: string }
/** The translator's private pages: of a translation still awaited, and of one delivered. */
let translation: { open: string; delivered: string }
/** The demo's study visits: one ahead (programme, participants), one held (its report, public too). */
let visit: { ahead: string; held: string; publicReport: string }

/** Pages of private links (a new password, an invitation, turning a mail off) and a schedule item's page. */
let privateLinks: string[]
let scheduleItem: string
/** The FERS project's public news (it has posts). */
let publicNews: string

const secretary = 'sekretarz@demo.siatka.test'
const managingAuthority = 'iz@demo.siatka.test'

before(async () => {
  ;[h, browser] = await Promise.all([startE2eApp(), launchBrowser()])
  const ids = new Map(
    (await h.database.db.selectFrom('spaces').select(['id', 'name_pl']).execute()).map((s) => [
      s.name_pl,
      s.id,
    ]),
  )
  const id = (name: string) => {
    const found = ids.get(name)
    assert.ok(found, `the demo space ${name}`)
    return found
  }
  space = {
    labour: id('KST ds. dostępu do rynku pracy'),
    adaptability: id('KST ds. adaptacyjności'),
    equality: id('KST ds. równości szans kobiet i mężczyzn'),
    social: id('KST ds. ekonomii społecznej'),
  }
  returned = await givenReturnedProposal(space.labour)
  draft = await givenDraft(space.adaptability)
  meeting = await givenMeeting(space.adaptability)
  told = await givenToldMeeting(space.adaptability)
  late = await givenMeeting(space.adaptability, addDays(today(), 5))
  memberMeeting = await givenMeeting(space.labour)
  todayMeeting = await givenMeetingToday(space.adaptability)
  translation = await givenTranslations(meeting)
  minutes = await givenMinutes(space.adaptability, todayMeeting)
  visit = await demoVisits(id('KST ds. ekonomii społecznej'))
  privateLinks = await givenPrivateLinks()
  const item = await h.database.db
    .selectFrom('schedule_items')
    .select('id')
    .where('space_id', '=', space.adaptability)
    .executeTakeFirstOrThrow()
  scheduleItem = `/spaces/${space.adaptability}/schedule/${item.id}`
  const pswps = await h.database.db
    .selectFrom('projects')
    .select('id')
    .where('acronym', '=', 'PSWPS')
    .executeTakeFirstOrThrow()
  publicNews = `/funded-projects/${pswps.id}/news`
})

/** A new password's, an invitation's and a mail's turning-off link, as their mails give them. */
async function givenPrivateLinks() {
  const db = h.database.db
  const person = (email: string) =>
    db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()
  const member = await person(accounts.member.email)
  const admin = await person(accounts.admin.email)
  await givenLinkTokens(db, { memberId: member.id, adminId: admin.id })
  return [
    `/password-reset/${tokens.passwordReset}`,
    `/invitation/${tokens.invitation}`,
    `/unsubscribe/${unsubscribeToken(h.config.sessionSecret, member.id, 'announcement')}`,
    `/events/registrations/${tokens.eventRegistration}`,
    // Someone who came to the training held: their certificate's link.
    `/events/registrations/${tokens.eventCertificate}`,
    // A participant of the decided recruitment: where their application stands.
    `/recruitments/applications/${tokens.applicationDecided}`,
  ]
}

/** The draft minutes of today's meeting, started by the secretary, and the demo's approved ones. */
async function givenMinutes(spaceId: string, todayUrl: string) {
  // The meeting began today, so its agenda can no longer change through the pages.
  const items = await h.database.db
    .insertInto('agenda_items')
    .values(
      ['Otwarcie posiedzenia', 'Przyjęcie planu pracy'].map((title, i) => ({
        meeting_id: todayUrl.split('/').pop() ?? '',
        position: i + 1,
        title,
        presenter: '',
        minutes: 30,
        kind: 'decision' as const,
      })),
    )
    .returning('id')
    .execute()
  const convener = await signedIn(h.app, secretary)
  await convener.get(`${todayUrl}/minutes`)
  assert.equal((await convener.post(`${todayUrl}/minutes/start`, {})).statusCode, 303, 'the minutes start')
  await convener.get(`${todayUrl}/minutes`)
  const recorded = await convener.post(`${todayUrl}/minutes/decisions`, {
    agendaItemId: items[1]?.id ?? '',
    title: 'w sprawie planu pracy',
    body: 'Przyjmuje się plan pracy.',
    votesFor: '5',
    votesAgainst: '0',
    votesAbstaining: '1',
  })
  assert.equal(recorded.statusCode, 303, 'a decision is recorded')
  const approved = await h.database.db
    .selectFrom('minutes as mi')
    .innerJoin('meetings as m', 'm.id', 'mi.meeting_id')
    .select('m.id')
    .where('m.space_id', '=', spaceId)
    .where('mi.status', '=', 'approved')
    .executeTakeFirstOrThrow()
  return { draft: `${todayUrl}/minutes`, approved: `/spaces/${spaceId}/meetings/${approved.id}/minutes` }
}

async function demoVisits(spaceId: string) {
  const rows = await h.database.db
    .selectFrom('meetings')
    .select(['id', 'starts_at'])
    .where('space_id', '=', spaceId)
    .where('kind', '=', 'study_visit')
    .orderBy('starts_at')
    .execute()
  assert.equal(rows.length, 2, 'the demo has a study visit held and one ahead')
  const [held, ahead] = rows
  return {
    held: `/spaces/${spaceId}/meetings/${held.id}`,
    ahead: `/spaces/${spaceId}/meetings/${ahead.id}`,
    publicReport: `/networks/${spaceId}/visits/${held.id}`,
  }
}

/**
 * Two translations of the meeting's first material asked of outside translators, each with its
 * private link from the mail: one awaited, one already delivered.
 */
async function givenTranslations(meetingUrl: string) {
  const db = h.database.db
  const material = await db
    .selectFrom('materials')
    .select(['id', 'space_id'])
    .where('meeting_id', '=', meetingUrl.split('/').pop() as string)
    .where('title', '=', 'Zaproszenie')
    .executeTakeFirstOrThrow()
  const url = `/spaces/${material.space_id}/materials/${material.id}`
  const asker = await signedIn(h.app, secretary)
  const ask = async (targetLanguage: string, to: string) => {
    await asker.get(url)
    const res = await asker.post(`${url}/translations`, {
      sourceLanguage: 'pl',
      targetLanguage,
      deadline: addDays(today(), 10),
      translatorEmail: to,
      translatorName: 'Tamara Tłumaczka',
      translatorLang: 'pl',
    })
    assert.equal(res.statusCode, 303, 'the secretary asks for a translation')
    const mail = await h.smtp.waitFor(to)
    const link = /\/translations\/[A-Za-z0-9_-]{43}/.exec(mail.text)?.[0]
    assert.ok(link, 'the mail holds the private link')
    return link
  }
  const open = await ask('en', 'tlumaczka.en@example.pl')
  const delivered = await ask('de', 'tlumaczka.de@example.pl')
  const translator = new Client(h.app)
  await translator.get(delivered)
  const sent = await translator.upload(
    delivered,
    {},
    { file: { name: 'einladung.pdf', bytes: Buffer.from('%PDF-1.4\n% Einladung\n%%EOF\n') } },
  )
  assert.equal(sent.statusCode, 303, 'and one translator delivers')
  return { open, delivered }
}

/** A meeting told of and then moved by a day: two notices, their mails delivered to the loopback server. */
async function givenToldMeeting(spaceId: string) {
  const url = await givenMeeting(spaceId, '2031-04-16')
  const convener = await signedIn(h.app, secretary)
  await convener.get(url)
  assert.equal((await convener.post(`${url}/notice`, {})).statusCode, 303, 'the notice goes out')
  await convener.get(`${url}/edit`)
  const changed = await convener.post(`${url}/edit`, { ...meetingForm('2031-04-17'), version: '0' })
  assert.equal(changed.statusCode, 303, 'and an update')
  const notice = await h.database.db
    .selectFrom('meeting_notices')
    .select('id')
    .where('meeting_id', '=', url.split('/').pop() as string)
    .where('kind', '=', 'request')
    .executeTakeFirstOrThrow()
  return { url, notice: `${url}/notices/${notice.id}` }
}

const meetingForm = (day: string) => ({
  kind: 'meeting',
  subject: 'Plan pracy na 2031 r.',
  day,
  startTime: '10:00',
  endTime: '14:00',
  place: 'ul. Wspólna 2/4, Warszawa',
  onlineUrl: 'https://spotkanie.example.pl/kst',
  confirmBy: addDays(day, -3),
  // A day counted from today may be a day off; it is confirmed, as a person would.
  dayOffConfirmed: 'yes',
})

/** A meeting that began today, its answers closed yesterday: the presence form and quorum show. */
async function givenMeetingToday(spaceId: string): Promise<string> {
  const db = h.database.db
  const by = await db
    .selectFrom('people')
    .select('id')
    .where('email', '=', secretary)
    .executeTakeFirstOrThrow()
  const day = today()
  const yesterday = new Date(warsawInstant(day, '00:00').getTime() - 60_000)
  const row = await db
    .insertInto('meetings')
    .values({
      space_id: spaceId,
      kind: 'meeting',
      year: Number(day.slice(0, 4)),
      number: 90,
      subject: 'Posiedzenie dzisiejsze',
      starts_at: warsawInstant(day, '00:00'),
      ends_at: warsawInstant(day, '23:30'),
      place: 'ul. Wspólna 2/4, Warszawa',
      online_url: '',
      confirm_by: yesterday,
      created_by: by.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return `/spaces/${spaceId}/meetings/${row.id}`
}

async function givenMeeting(spaceId: string, day = '2031-03-12'): Promise<string> {
  const convener = await signedIn(h.app, secretary)
  await convener.get(`/spaces/${spaceId}/meetings/new`)
  const convened = await convener.post(`/spaces/${spaceId}/meetings/new`, meetingForm(day))
  assert.equal(convened.statusCode, 303, 'the secretary convenes a meeting')
  const url = convened.headers.location as string
  for (const title of ['Otwarcie posiedzenia', 'Przyjęcie planu pracy']) {
    await convener.get(url)
    await convener.post(`${url}/agenda`, {
      title,
      presenter: 'Przewodniczący',
      minutes: '30',
      kind: 'decision',
    })
  }
  // Materials: one of the whole meeting, public, and one of the second item in two languages.
  const page = await convener.get(url)
  const second = /<option value="([0-9a-f-]{36})"[^>]*>2\. /.exec(page.body)?.[1]
  assert.ok(second, 'the second agenda item is offered for a material')
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n')
  const added = await convener.upload(
    `${url}/materials`,
    { materialTitle: 'Zaproszenie', agendaItemId: '', language: 'pl', visibility: 'public' },
    { file: { name: 'zaproszenie.pdf', bytes: pdf } },
  )
  assert.equal(added.statusCode, 303, 'the secretary adds a material')
  await convener.upload(
    `${url}/materials`,
    { materialTitle: 'Projekt planu pracy', agendaItemId: second, language: 'pl', visibility: 'members' },
    { file: { name: 'plan.pdf', bytes: Buffer.from('%PDF-1.4\n% plan\n%%EOF\n') } },
  )
  return url
}

/** The next composition of a space (it starts as a copy of the one in force), not yet sent. */
async function givenDraft(spaceId: string): Promise<string> {
  const drafter = await signedIn(h.app, secretary)
  const started = await drafter.post(`/spaces/${spaceId}/compositions`, {})
  assert.equal(started.statusCode, 303, 'the secretary starts a proposal')
  return started.headers.location as string
}

/**
 * A proposal the managing authority returned with a comment: its page has a history, and both the
 * secretary (returned) and the managing authority (sent) have an unread notification in the header.
 */
async function givenReturnedProposal(spaceId: string): Promise<string> {
  const proposal = await givenDraft(spaceId)
  const drafter = await signedIn(h.app, secretary)
  await drafter.get(proposal)
  assert.equal((await drafter.post(`${proposal}/submit`, {})).statusCode, 303, 'and sends it')
  const authority = await signedIn(h.app, managingAuthority)
  await authority.get(proposal)
  const returned = await authority.post(`${proposal}/return`, {
    comment: 'Proszę uzupełnić uzasadnienie o opis konsultacji z partnerami społecznymi.',
  })
  assert.equal(returned.statusCode, 303, 'the managing authority returns it')
  return proposal
}

after(async () => {
  await browser?.close()
  await h?.close()
})

type Lang = 'pl' | 'en'
type Contrast = 'normal' | 'high'

/** A fresh browser whose language and contrast are chosen by the preference cookies. */
async function contextFor(lang: Lang, contrast: Contrast): Promise<BrowserContext> {
  const context = await newContext(browser, h, {
    locale: lang === 'en' ? 'en-GB' : 'pl-PL',
    // The English run, whose words run longer, is a phone's screen: every page is checked at 390 px.
    ...(lang === 'en' && contrast === 'normal' ? { viewport: phone } : {}),
  })
  await setPreferences(context, lang, contrast)
  return context
}

async function setPreferences(context: BrowserContext, lang: Lang, contrast: Contrast) {
  const cookies: { name: string; value: string; url: string }[] = [
    { name: 'siatka_lang', value: lang, url: h.baseUrl },
  ]
  if (contrast === 'high') cookies.push({ name: 'siatka_prefs', value: 'contrast-high', url: h.baseUrl })
  await context.addCookies(cookies)
}

/** The routes each run (language and contrast) opened and checked, by their pattern. */
const checked = new Map<string, Set<string>>()

/** Opens a page, checks it came in the wanted language and contrast, and runs axe on it. */
async function check(page: Page, path: string, lang: Lang, contrast: Contrast, status = 200) {
  const res = await page.goto(path)
  assert.equal(res?.status(), status, `${path} answers ${status}`)
  await checkCurrent(page, lang, contrast)
  recordChecked(new URL(path, h.baseUrl).pathname, lang, contrast)
}

/** Notes the route an address checked in this run is served by. */
function recordChecked(pathname: string, lang: Lang, contrast: Contrast) {
  const route = routeOf(pathname)
  if (route) checked.set(`${lang} ${contrast}`, (checked.get(`${lang} ${contrast}`) ?? new Set()).add(route))
}

/** The GET route an address is served by: of those it fits, the one with the fewest parameters. */
function routeOf(pathname: string): string | undefined {
  const fits = h.app.routeList
    .filter((r) => r.method === 'GET')
    .map((r) => r.url)
    .filter((url) => new RegExp(`^${url.replace(/:\w+/g, '[^/]+').replace(/\./g, '\\.')}$`).test(pathname))
  const params = (url: string) => url.split(':').length
  return fits.sort((a, b) => params(a) - params(b))[0]
}

async function checkCurrent(page: Page, lang: Lang, contrast: Contrast) {
  const { lang: shown, classes } = await htmlState(page)
  assert.equal(shown, lang, `${page.url()} is in ${lang}`)
  assert.equal(classes.includes('siatka-contrast-high'), contrast === 'high', `${page.url()} contrast`)
  if (contrast === 'high') return checkHighContrast(page, lang)
  await expectNoAxeViolations(page, `${lang}, ${contrast} contrast`)
  // What axe does not see: an id used twice, a label naming no field or several.
  expectUniqueIds(await page.content(), page.url())
  if (page.viewportSize()?.width === phone.width) {
    const [pageWidth, header] = await page.evaluate<[number, number]>(
      "[document.documentElement.scrollWidth, document.querySelector('header')?.getBoundingClientRect().height ?? 0]",
    )
    assert.ok(
      pageWidth <= phone.width,
      `${page.url()} scrolls sideways at ${phone.width} px (${pageWidth} px wide)`,
    )
    assert.ok(header < phone.height / 4, `${page.url()}: the header takes ${header} px of ${phone.height}`)
  }
}

/** A phone's screen. */
const phone = { width: 390, height: 844 }

/**
 * In the page (a string: the tests' TypeScript has no DOM types): each element's style path, its
 * tag, sorted classes and state attributes after those of its ancestors, once each.
 */
const stylePaths = `(() => {
  const state = ['aria-current', 'aria-invalid', 'aria-expanded', 'aria-disabled', 'aria-sort', 'aria-selected', 'disabled', 'checked', 'open', 'type', 'role']
  const present = ['href', 'hidden']
  const describe = (el) => [
    el.tagName.toLowerCase(),
    ...[...el.classList].sort().map((c) => '.' + c),
    ...state.filter((a) => el.hasAttribute(a)).map((a) => '[' + a + '=' + el.getAttribute(a) + ']'),
    ...present.filter((a) => el.hasAttribute(a)).map((a) => '[' + a + ']'),
  ].join('')
  const out = new Set()
  const pathOf = new Map()
  for (const el of document.body.querySelectorAll('*')) {
    const path = (pathOf.get(el.parentElement) ?? 'body') + ' > ' + describe(el)
    pathOf.set(el, path)
    out.add(path)
  }
  return [...out]
})()`

/** Every style path the high-contrast run has checked with axe, and how many pages it opened and checked. */
const highChecked = new Set<string>()
const highPages = { opened: 0, checked: 0 }

/**
 * High contrast changes colours, borders and outlines only (a test below holds its stylesheet to
 * that), so its run needs only the rules colours decide (styleRules), and only where it meets a
 * look it has not checked yet. What an element looks like is decided by the stylesheet from its
 * own tag, classes and state attributes (and whether it has an href or is hidden) and those of its
 * ancestors (nothing is styled inline: the Content-Security-Policy forbids it), so a page on which
 * every element's path of those (its style path) was already on a page this run checked shows
 * nothing new in colour: axe runs on a page with at least one new path. Styles that depend on a
 * sibling (an input's label) see the sibling's own path change with its state. The ids were checked
 * by the Polish run on the same documents.
 */
async function checkHighContrast(page: Page, lang: Lang) {
  highPages.opened++
  const paths = await page.evaluate<string[]>(stylePaths)
  const fresh = paths.filter((p) => !highChecked.has(p))
  if (fresh.length === 0) return
  highPages.checked++
  await expectNoAxeViolations(page, `${lang}, high contrast`, styleRules)
  for (const p of fresh) highChecked.add(p)
}

/** Sends the form on the page as it is and checks the refusal: summary, messages, axe. */
async function checkRefusedForm(
  page: Page,
  lang: Lang,
  contrast: Contrast,
  submit = page.locator('main form button[type=submit]'),
) {
  await loadsPage(page, () => submit.click())
  assert.ok(await page.locator('.govuk-error-summary').isVisible(), `${page.url()} shows the error summary`)
  assert.ok((await page.locator('.govuk-error-message').count()) >= 1, 'fields show their messages')
  await checkCurrent(page, lang, contrast)
}

const href = async (page: Page, links: Locator) => {
  const found = await links.first().getAttribute('href')
  assert.ok(found, `a link on ${page.url()}`)
  return found
}

/** A fresh browser signed in as this person, in the wanted language and contrast. */
async function signedInPage(email: string, lang: Lang, contrast: Contrast): Promise<Page> {
  const context = await contextFor(lang, contrast)
  const page = await context.newPage()
  await signIn(page, email)
  // Signing in brings back the person's own language, so choose again.
  await setPreferences(context, lang, contrast)
  return page
}

async function checkEveryPage(lang: Lang, contrast: Contrast) {
  const context = await contextFor(lang, contrast)
  try {
    const page = await context.newPage()
    // Signed out.
    await check(page, '/', lang, contrast)
    await screenshot(page, `${lang}-${contrast}-home`)
    for (const path of ['/password-reset', '/register', '/cookies', '/accessibility'])
      await check(page, path, lang, contrast)
    await check(page, '/no-such-page', lang, contrast, 404)
    await check(page, '/networks', lang, contrast)
    await check(page, await href(page, page.locator('main a[href^="/networks/"]')), lang, contrast)
    await screenshot(page, `${lang}-${contrast}-network-public`)
    await check(page, visit.publicReport, lang, contrast)
    // The published projects, and SIRES: its funds' marks begin in the first screen.
    await check(page, '/funded-projects', lang, contrast)
    await check(
      page,
      await href(page, page.locator('main table a[href^="/funded-projects/"]')),
      lang,
      contrast,
    )
    const strip = await page.locator('.siatka-logo-strip').boundingBox()
    const screen = page.viewportSize()
    assert.ok(strip && screen && strip.y < screen.height, 'the logo strip starts in the first screen')
    // Its whole public schedule, as a list and as a month.
    const publicSchedule = await href(page, page.locator('main a[href$="/schedule"]'))
    await check(page, publicSchedule, lang, contrast)
    await check(page, `${publicSchedule}?view=calendar&month=2017-10`, lang, contrast)
    // A published project's news (the FERS project's).
    await check(page, publicNews, lang, contrast)

    // The sign-in form, then refused: the error summary and the field's message.
    await check(page, '/sign-in', lang, contrast)
    await page.locator('#field-email').fill(accounts.admin.email)
    await page.locator('#field-password').fill('not-the-password')
    await checkRefusedForm(page, lang, contrast)

    // The translator's private page, no account needed: the upload refused without a file, and
    // the page of a translation already delivered.
    await check(page, translation.open, lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action="${translation.open}"] button`))
    assert.ok(await page.locator('#field-file-error').isVisible(), 'the file is missing')
    await screenshot(page, `${lang}-${contrast}-translation-upload-errors`)
    await check(page, translation.delivered, lang, contrast)
    // The other private links: a new password, an invitation, turning a kind of mail off.
    for (const path of privateLinks) await check(page, path, lang, contrast)
    // Events as a visitor finds them: the upcoming ones, the past conferences and one held; the full
    // workshop (its waiting list) and its registration form refused empty.
    await check(page, '/events', lang, contrast)
    await check(page, '/events?when=past&kind=conference', lang, contrast)
    await check(
      page,
      await href(page, page.locator('main a[href^="/events/"]', { hasText: 'Konferencja sieciująca' })),
      lang,
      contrast,
    )
    const fullEvent = `/events/${await fullWorkshop({ db: h.database.db })}`
    await check(page, fullEvent, lang, contrast)
    await check(page, `${fullEvent}/register`, lang, contrast)
    await checkRefusedForm(page, lang, contrast)
    // The public check of a certificate: empty, a code issued, a code mistyped (beside the field).
    await check(page, '/events/certificates', lang, contrast)
    await check(
      page,
      `/events/certificates?code=${await certificateCodeOf({ db: h.database.db })}`,
      lang,
      contrast,
    )
    await check(page, '/events/certificates?code=K7QM-4XPD', lang, contrast)

    // Signed in as admin. Signing in brings back the person's own language, so choose again.
    await signIn(page, accounts.admin.email)
    await setPreferences(context, lang, contrast)
    await check(page, '/profile', lang, contrast)
    await check(page, '/audit', lang, contrast)
    await screenshot(page, `${lang}-${contrast}-audit`)

    await check(page, '/people', lang, contrast)
    const people = page.locator('table tbody a[href^="/people/"]')
    // The first person in the list (Anna herself: no role and access forms) and someone else.
    const first = await href(page, people)
    const other = await href(page, people.filter({ hasNotText: accounts.admin.name }))
    await check(page, first, lang, contrast)
    await check(page, other, lang, contrast)

    await check(page, '/organisations', lang, contrast)
    await check(
      page,
      await href(page, page.locator('table tbody a[href^="/organisations/"]')),
      lang,
      contrast,
    )

    // Forms sent empty: every problem in the summary and next to its field.
    await check(page, '/organisations/new', lang, contrast)
    await page.locator('#field-country').fill('')
    await checkRefusedForm(page, lang, contrast)
    await screenshot(page, `${lang}-${contrast}-organisation-errors`)
    await check(page, '/people/invitations', lang, contrast)
    await check(page, '/people/invite', lang, contrast)
    await checkRefusedForm(page, lang, contrast)

    // Networks and bodies across the installation.
    await check(page, '/spaces/new', lang, contrast)
    await checkRefusedForm(page, lang, contrast)
    await screenshot(page, `${lang}-${contrast}-new-space-errors`)
    // One network's members: the same page as the whole directory, a fifth of the rows for axe.
    await check(page, `/directory?space=${space.adaptability}`, lang, contrast)
    await screenshot(page, `${lang}-${contrast}-directory`)

    // Keeping the portfolio: a new project sent empty; SIRES's facts, lists and history.
    await check(page, '/projects/new', lang, contrast)
    await checkRefusedForm(page, lang, contrast)
    await screenshot(page, `${lang}-${contrast}-new-project-errors`)
    await check(page, '/projects', lang, contrast)
    await check(page, '/projects?q=SIRES', lang, contrast)
    const sires = await href(page, page.locator('main table a[href^="/projects/"]', { hasText: 'SIRES' }))
    await check(page, `${sires}/edit`, lang, contrast)
    await page.locator('#field-totalValue').fill('1,2,3')
    await checkRefusedForm(page, lang, contrast)
    await check(page, `${sires}/parts`, lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/indicators"] button'))
    assert.ok(await page.locator('#field-indicator-name-error').isVisible(), 'the indicator has no name')
    await screenshot(page, `${lang}-${contrast}-project-parts-errors`)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/contacts"] button'))
    await check(page, `${sires}/history`, lang, contrast)
    // The programmes and themes: the page, a new entry refused, and one entry's form.
    await check(page, '/projects/taxonomy', lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action="/projects/taxonomy"] button'))
    const entry = await href(page, page.locator('main a[href^="/projects/taxonomy/"]'))
    const theme = await href(page, page.locator('main a[href^="/projects/themes/"]'))
    await check(page, entry, lang, contrast)
    await check(page, theme, lang, contrast)
    // Partnership groups: the list with its create form sent empty, and the demo's group.
    await check(page, '/projects/groups', lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action="/projects/groups"] button'))
    await check(
      page,
      await href(page, page.locator('main table a[href^="/projects/groups/"]')),
      lang,
      contrast,
    )
    // The news with its form sent empty, and the documents with theirs (the FERS project, in the group, has both).
    const pswps = await href(page, page.locator('main table a[href^="/projects/"]', { hasText: 'PSWPS' }))
    await check(page, `${pswps}/news`, lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/news"] button'))
    await check(page, `${pswps}/documents`, lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/documents"] button'))
    // The funds' marks: a file sent without its mark or file.
    await check(page, '/projects/marks', lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action="/projects/marks"] button'))
    // The TERYT register: sent without a file, then a file with a wrong row (its problems by row).
    await check(page, '/projects/regions', lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action="/projects/regions"] button'))
    await page.locator('#field-file').setInputFiles({
      name: 'terc.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('WOJ;POW;GMI;RODZ;NAZWA;NAZWA_DOD;STAN_NA\n13;;;;ZŁE;województwo;2025-01-01\n'),
    })
    await checkRefusedForm(page, lang, contrast, page.locator('form[action="/projects/regions"] button'))
    assert.ok(await page.locator('#problems').isVisible(), 'the problems by row')
    // A voivodeship's subregions, powiats and gminas with their codes.
    await check(page, '/projects/regions/units?voivodeship=12', lang, contrast)
    // The support schedule as a list, its add form refused, and a month of the calendar.
    await check(page, `${sires}/schedule`, lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/schedule"] button'))
    await check(page, `${sires}/schedule?view=calendar&month=2017-05`, lang, contrast)
    // Importing a spreadsheet: the form sent without a file.
    await check(page, '/projects/import', lang, contrast)
    await checkRefusedForm(page, lang, contrast)
    // A file with a mistake: its preview names the row and column.
    await page.locator('#field-file').setInputFiles({
      name: 'projekty.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Tytuł;Program;Działanie;Początek;Koniec;Lider;Wartość (zł);Wkład Funduszy Europejskich (zł)\r\nA;POWER;9.9;2024-01-01;2024-12-31;Fundacja Idea Rozwoju;100,00;85,00\r\n',
      ),
    })
    await loadsPage(page, () => page.locator('main form button[type=submit]').click())
    assert.match(new URL(page.url()).pathname, /^\/projects\/import\/[0-9a-f-]{36}$/)
    await checkCurrent(page, lang, contrast)
    recordChecked(new URL(page.url()).pathname, lang, contrast)
    // Keeping the analysis without choosing a network.
    await check(page, '/projects/analysis', lang, contrast)
    await checkRefusedForm(
      page,
      lang,
      contrast,
      page.locator('form[action^="/projects/analysis/materials"] button'),
    )
    // The community's forum: the forums with the new-forum form sent empty, a forum with its
    // new-topic form sent empty, a question with its accepted answer and the reply form sent empty.
    await check(page, '/community', lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action="/community/forums"] button'))
    await check(page, await href(page, page.locator('main h2 a[href^="/community/forums/"]')), lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/topics"] button'))
    await check(
      page,
      await href(page, page.locator('main table a[href^="/community/topics/"]', { hasText: 'Jak opisać' })),
      lang,
      contrast,
    )
    await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/posts"] button'))
    // The expert's answer there, edited once: its history, its form (a moderator's), the page reporting it, its files.
    const history = await href(page, page.locator('main a[href$="/history"]'))
    await check(page, history, lang, contrast)
    await check(page, history.replace(/\/history$/, '/edit'), lang, contrast)
    await check(page, history.replace(/\/history$/, '/flag'), lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/flag"] button'))
    // Its files: the list with the annex's model, and the upload sent without a file.
    await check(page, history.replace(/\/history$/, '/attachments'), lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('main form[enctype] button'))
    await check(page, '/community/search?q=tlumaczenie', lang, contrast)
    // The experts, one expert's profile with their answers, and one's own profile's form.
    await check(page, '/community/experts', lang, contrast)
    await check(page, await href(page, page.locator('main a[href^="/community/people/"]')), lang, contrast)
    await check(page, '/community/profile', lang, contrast)
    // Partner search: organisations matched to what is asked, each saying why, that search saved; the open requests;
    // the cooperative's request with its matches, and its form; the cooperative's profile with the
    // message form sent empty, and its profile's form; the inbox; the messages reported.
    await check(page, '/community/partners?country=IE&language=en', lang, contrast)
    // That search saved: the list of saved searches.
    await loadsPage(page, () => page.locator('main form[action="/community/partners/saved"] button').click())
    await check(page, '/community/partners/saved', lang, contrast)
    await check(page, '/community/partners/requests', lang, contrast)
    const request = await href(
      page,
      page.locator('main a[href^="/community/partners/requests/"]', { hasText: 'Irlandii' }),
    )
    await check(page, request, lang, contrast)
    const organisation = await href(page, page.locator('main a[href^="/community/organisations/"]'))
    await check(page, `${request}/edit`, lang, contrast)
    await check(page, organisation, lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/messages"] button'))
    await check(page, `${organisation}/edit`, lang, contrast)
    await check(page, '/community/messages', lang, contrast)
    await check(page, '/community/reports', lang, contrast)
    // The forum's moderation queue: a newcomer's first topic waiting, a flagged advert.
    await check(page, '/community/moderation', lang, contrast)
    // The knowledge base: its sections with drafts, one section, an article with its other
    // language and feedback, its versions compared, its form; a new article refused empty.
    await check(page, '/community/knowledge', lang, contrast)
    await check(page, '/community/knowledge?section=budgeting&language=pl', lang, contrast)
    const article = await href(
      page,
      page.locator('main a[href^="/community/knowledge/"]', { hasText: 'Koszty współpracy' }),
    )
    await check(page, article, lang, contrast)
    await check(page, `${article}/versions`, lang, contrast)
    await check(page, `${article}/edit`, lang, contrast)
    await check(page, '/community/knowledge/new', lang, contrast)
    await page.locator('#field-body').fill('Bez tytułu')
    await checkRefusedForm(page, lang, contrast)
    // Events as the secretariat keeps them: the full workshop's registrations (needs, the waiting
    // list, a place on offer) and its form; a new event's form refused empty.
    const workshop = `/events/${await fullWorkshop({ db: h.database.db })}`
    await check(page, `${workshop}/registrations`, lang, contrast)
    // Its own questions, and a choice without its answers refused.
    await check(page, `${workshop}/questions`, lang, contrast)
    await page.locator('#field-kind-1').check()
    await page.locator('#field-label').fill('Reprezentuję')
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action="${workshop}/questions"] button`))
    // The networking conference's survey: its results as a table and a chart, and the comments.
    await check(page, `/events/${await heldConference({ db: h.database.db })}/survey`, lang, contrast)
    // Its documents (the demo keeps its programme).
    await check(page, `${workshop}/documents`, lang, contrast)
    // Its programme, a session refused without its title, and a session's own page.
    await check(page, `${workshop}/programme`, lang, contrast)
    const session = await href(page, page.locator(`main a[href^="${workshop}/programme/"]`))
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action="${workshop}/programme"] button`))
    await check(page, session, lang, contrast)
    // The expert panel's registrations awaiting the organiser's decision (accept and decline buttons).
    await check(
      page,
      `/events/${await expertPanel({ db: h.database.db })}/registrations?only=pending`,
      lang,
      contrast,
    )
    await check(page, `${workshop}/edit`, lang, contrast)
    await check(page, '/events/new', lang, contrast)
    await checkRefusedForm(page, lang, contrast)
    // On the day: the training held's check-in list (people present, one not, certificates issued).
    await check(page, `/events/${await heldTraining({ db: h.database.db })}/check-in`, lang, contrast)
  } finally {
    await context.close()
  }
  await checkSecretaryPages(lang, contrast)
  await checkManagingAuthorityPages(lang, contrast)
  await checkMemberPages(lang, contrast)
  await checkExpertPages(lang, contrast)
  await checkStartPages(lang, contrast)
  await checkNewCommunityMember(lang, contrast)
  await checkRecruitmentPages(lang, contrast)
}

/**
 * A project's recruitment: a visitor reads the open one, asks for the link (refused without an
 * address) and fills a draft in (refused when sent half done); the project's staff read their
 * recruitments, a new one's form (refused empty), the applications, one application and the
 * ranking lists of the open and the decided recruitments.
 */
async function checkRecruitmentPages(lang: Lang, contrast: Contrast) {
  const db = h.database.db
  const open = await recruitmentOf({ db }, 'open')
  const decided = await recruitmentOf({ db }, 'decided')
  const context = await contextFor(lang, contrast)
  try {
    const page = await context.newPage()
    await check(page, '/recruitments', lang, contrast)
    await check(page, `/recruitments/${open}`, lang, contrast)
    await check(page, `/recruitments/${open}/apply`, lang, contrast)
    await checkRefusedForm(page, lang, contrast)
    await check(page, `/recruitments/applications/${tokens.applicationDraft}`, lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('main form button[value=send]'))
  } finally {
    await context.close()
  }
  const staff = await signedInPage('projekt@demo.siatka.test', lang, contrast)
  try {
    await check(staff, '/recruitments/manage', lang, contrast)
    await check(staff, '/recruitments/new', lang, contrast)
    await checkRefusedForm(staff, lang, contrast)
    await check(staff, `/recruitments/${open}/edit`, lang, contrast)
    await check(staff, `/recruitments/${open}/documents`, lang, contrast)
    await check(staff, `/recruitments/${open}/fields`, lang, contrast)
    await check(staff, `/recruitments/${open}/applications`, lang, contrast)
    await check(
      staff,
      await href(staff, staff.locator(`main table a[href^="/recruitments/${open}/applications/"]`)),
      lang,
      contrast,
    )
    await check(staff, `/recruitments/${open}/applications/new`, lang, contrast)
    await checkRefusedForm(staff, lang, contrast)
    await check(staff, `/recruitments/${open}/ranking`, lang, contrast)
    await check(staff, `/recruitments/${decided}/ranking`, lang, contrast)
  } finally {
    await staff.context().close()
  }
}

/** Someone who joined the community and represents no organisation yet: describing theirs, refused empty. */
async function checkNewCommunityMember(lang: Lang, contrast: Contrast) {
  const email = `nowa.${lang}.${contrast}@example.pl`
  await givenPerson(h.database.db, { email, name: 'Zofia Nowicka', role: 'community_member' })
  const page = await signedInPage(email, lang, contrast)
  try {
    await check(page, '/community/organisations/new', lang, contrast)
    await page.locator('#field-name').fill('')
    await checkRefusedForm(page, lang, contrast)
  } finally {
    await page.context().close()
  }
}

/** Every demo role's start page ("Pulpit"): what waits for each person, in one list per section. */
async function checkStartPages(lang: Lang, contrast: Contrast) {
  const roles = ['admin', 'koordynator', 'sekretarz', 'przewodniczacy', 'czlonek', 'ekspert', 'iz', 'projekt']
  for (const role of roles) {
    const page = await signedInPage(`${role}@demo.siatka.test`, lang, contrast)
    try {
      await check(page, '/', lang, contrast)
      assert.equal(
        (await page.locator('h1').innerText()).trim(),
        lang === 'pl' ? 'Pulpit' : 'Dashboard',
        `${role} lands on the start page`,
      )
      if (role === 'sekretarz') await screenshot(page, `${lang}-${contrast}-start-secretary`)
      if (role === 'projekt') {
        // The staff's own project with the progress form, and that form refused without a value.
        await check(page, await href(page, page.locator('main a[href^="/projects/"]')), lang, contrast)
        await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/reports"] button'))
        assert.ok(await page.locator('#field-value-error').isVisible(), 'the value is missing')
        await screenshot(page, `${lang}-${contrast}-project-report-errors`)
      }
    } finally {
      await page.context().close()
    }
  }
}

/** A member of the labour-market network before answering for a meeting, and their refused answer. */
async function checkMemberPages(lang: Lang, contrast: Contrast) {
  const page = await signedInPage(accounts.member.email, lang, contrast)
  try {
    await check(page, memberMeeting, lang, contrast)
    assert.equal(await page.locator('form[action$="/attendance"]').count(), 1, 'the answer form is there')
    await screenshot(page, `${lang}-${contrast}-attendance-answer`)
    // Sending a deputy without choosing one.
    await page.locator('input[name="answer"][value="deputy"]').check()
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/attendance"] button`))
    assert.ok(await page.locator('#field-deputyId-error').isVisible(), 'the deputy is missing')
    // The analyses the social-economy network has accepted, as its member sees them.
    await check(page, `/spaces/${space.social}/analyses`, lang, contrast)
    // A topic as a reader sees it: each post's links (quote, report), the form to follow it.
    const question = await h.database.db
      .selectFrom('community_topics')
      .select('id')
      .where('title', '=', 'Jak opisać podział zadań w umowie o współpracy ponadnarodowej?')
      .executeTakeFirstOrThrow()
    await check(page, `/community/topics/${question.id}`, lang, contrast)
    assert.ok(await page.locator('form[action$="/follow"]').count(), 'the follow form is there')
    // The cooperative's conversation with the Irish network, and a new partner request refused empty.
    await check(page, '/community/messages', lang, contrast)
    await check(page, await href(page, page.locator('main a[href^="/community/messages/"]')), lang, contrast)
    await check(page, '/community/partners/requests/new', lang, contrast)
    await checkRefusedForm(page, lang, contrast)
    // The portfolio's thematic analysis: the tile map, the bars and their tables.
    await check(page, '/projects/analysis', lang, contrast)
    await screenshot(page, `${lang}-${contrast}-projects-analysis`)
  } finally {
    await page.context().close()
  }
}

/** The expert's own analyses, one order and its upload refused without a file. */
async function checkExpertPages(lang: Lang, contrast: Contrast) {
  const page = await signedInPage('ekspert@demo.siatka.test', lang, contrast)
  try {
    await check(page, '/analyses/mine', lang, contrast)
    await check(page, await href(page, page.locator('main table a[href^="/analyses/"]')), lang, contrast)
    await screenshot(page, `${lang}-${contrast}-analysis-expert`)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/deliveries"] button'))
    assert.ok(await page.locator('#field-file-error').isVisible(), 'the file is missing')
  } finally {
    await page.context().close()
  }
}

/** A space's pages as its secretary sees them: every tab, its forms, and a proposal being drafted. */
async function checkSecretaryPages(lang: Lang, contrast: Contrast) {
  const page = await signedInPage(secretary, lang, contrast)
  try {
    await check(page, '/spaces', lang, contrast)
    for (const path of ['/calendar', '/calendar?view=month', '/calendar/feeds', scheduleItem])
      await check(page, path, lang, contrast)
    // Unread: the proposal the managing authority returned (see givenReturnedProposal).
    assert.equal(await page.locator('.siatka-user .siatka-count').count(), 1, 'the header counts unread')
    await check(page, '/notifications', lang, contrast)
    await check(page, '/notifications/settings', lang, contrast)

    // The labour-market network: members with a guest, the guest form refused, a returned proposal.
    await check(page, `/spaces/${space.labour}/members`, lang, contrast)
    await page.locator('#field-email').fill('czlonek@demo.siatka.test')
    await page.locator('#field-startsOn').fill('2031-05-10')
    await page.locator('#field-endsOn').fill('2031-05-01')
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/guests"] button`))
    assert.ok(await page.locator('#field-endsOn-error').isVisible(), 'the end date is the problem')
    await screenshot(page, `${lang}-${contrast}-guest-errors`)
    await check(page, returned, lang, contrast)

    // The adaptability network and the draft of its next composition.
    const adaptability = `/spaces/${space.adaptability}`
    await check(page, adaptability, lang, contrast)
    await check(page, `${adaptability}/compositions`, lang, contrast)
    await check(page, draft, lang, contrast)
    await screenshot(page, `${lang}-${contrast}-proposal-draft`)
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/entries"] button`))
    assert.ok(await page.locator('#field-email-error').isVisible(), 'the e-mail address is missing')

    await check(page, `${adaptability}/meetings`, lang, contrast)
    await check(page, meeting, lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/agenda"] button`))
    // The materials: a refused upload (no file chosen), a material's page and its refused new version.
    await check(page, meeting, lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/materials"] button`))
    assert.ok(await page.locator('#field-file-error').isVisible(), 'the file is missing')
    await screenshot(page, `${lang}-${contrast}-material-errors`)
    await check(page, await href(page, page.locator('main table a[href*="/materials/"]')), lang, contrast)
    await screenshot(page, `${lang}-${contrast}-material`)
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/versions"] button`))
    // Asking for a translation without a translator; then the list of translations.
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/translations"] button`))
    assert.ok(await page.locator('#field-translatorEmail-error').isVisible(), 'the translator is missing')
    await screenshot(page, `${lang}-${contrast}-translation-request-errors`)
    await check(page, '/translations', lang, contrast)
    await screenshot(page, `${lang}-${contrast}-translations`)
    // Commissioned analyses: the network's orders and one of them (cancelling refused without a
    // reason), ordering refused, and the secretariat's list with its sums.
    const analyses = `/spaces/${space.social}/analyses`
    await check(page, analyses, lang, contrast)
    await check(page, await href(page, page.locator(`main table a[href^="${analyses}/"]`)), lang, contrast)
    await screenshot(page, `${lang}-${contrast}-analysis`)
    await checkRefusedForm(page, lang, contrast, page.locator('form[action$="/cancel"] button'))
    await check(page, `${analyses}/new`, lang, contrast)
    await checkRefusedForm(page, lang, contrast)
    assert.ok(await page.locator('#field-budget-error').isVisible(), 'the budget is missing')
    await screenshot(page, `${lang}-${contrast}-analysis-order-errors`)
    await check(page, '/analyses', lang, contrast)
    // On the meeting's day: the answers, the presence form and, refused when left unmarked, its messages.
    await check(page, todayMeeting, lang, contrast)
    assert.equal(await page.locator('form[action$="/presence"]').count(), 1, 'the presence form is there')
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/presence"] button`))
    await screenshot(page, `${lang}-${contrast}-presence-errors`)
    // Minutes: a draft with its forms (a decision refused without its fields), the texts form, the
    // approved minutes with their downloads, the register, a decision, and the action items.
    await check(page, minutes.draft, lang, contrast)
    await screenshot(page, `${lang}-${contrast}-minutes-draft`)
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/minutes/decisions"] button`))
    assert.ok(await page.locator('#field-title-error').isVisible(), 'the decision needs a title')
    // The refused page still lists the decision recorded in before(): correcting it, refused too.
    await check(page, await href(page, page.locator('main a[href*="/minutes/decisions/"]')), lang, contrast)
    await page.locator('#field-title').fill('')
    await checkRefusedForm(
      page,
      lang,
      contrast,
      page.locator('form[action*="/minutes/decisions/"]:not([action$="/remove"]) button'),
    )
    await check(page, `${minutes.draft}/edit`, lang, contrast)
    await check(page, minutes.approved, lang, contrast)
    await screenshot(page, `${lang}-${contrast}-minutes-approved`)
    await check(page, `${adaptability}/decisions`, lang, contrast)
    await check(page, await href(page, page.locator('main table a[href*="/decisions/"]')), lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/forward"] button`))
    await check(page, '/decisions', lang, contrast)
    await check(page, '/actions', lang, contrast)
    await screenshot(page, `${lang}-${contrast}-actions`)
    await check(page, `${adaptability}/meetings/new`, lang, contrast)
    await page.locator('#field-endTime').fill('09:00')
    await checkRefusedForm(page, lang, contrast, page.locator('main form button[type=submit]'))
    await screenshot(page, `${lang}-${contrast}-meeting-form-errors`)
    await check(page, told.url, lang, contrast)
    await screenshot(page, `${lang}-${contrast}-meeting-notices`)
    await check(page, told.notice, lang, contrast)
    await check(page, `${told.url}/edit`, lang, contrast)
    await check(page, `${told.url}/cancel`, lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator('main form button[type=submit]'))
    await check(page, late, lang, contrast)
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/notice"] button`))
    assert.ok(await page.locator('#field-lateReason-error').isVisible(), 'a late notice needs its reason')

    // The study visits: the programme, places and participants with the form refused empty; the
    // report of the one held, and its form refused without what was seen.
    await check(page, visit.ahead, lang, contrast)
    await screenshot(page, `${lang}-${contrast}-visit`)
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/visit/participants"] button`))
    assert.ok(await page.locator('#field-name-error').isVisible(), 'the name is missing')
    await check(page, visit.held, lang, contrast)
    await check(page, `${visit.held}/visit/report`, lang, contrast)
    await page.locator('#field-seen').fill('')
    await checkRefusedForm(page, lang, contrast, page.locator('main form button[value="yes"]'))
    assert.ok(await page.locator('#field-seen-error').isVisible(), 'what was seen is missing')
    await screenshot(page, `${lang}-${contrast}-visit-report-errors`)

    await check(page, `${adaptability}/schedule`, lang, contrast)
    await check(page, `${adaptability}/schedule?view=calendar`, lang, contrast)
    await screenshot(page, `${lang}-${contrast}-calendar`)
    await check(page, `${adaptability}/schedule/new`, lang, contrast)
    await check(page, `${adaptability}/rules`, lang, contrast)
    await check(page, `${adaptability}/rules/new`, lang, contrast)
    await check(page, `${adaptability}/announcements`, lang, contrast)
    await check(page, `${adaptability}/settings`, lang, contrast)
  } finally {
    await page.context().close()
  }
}

/** The managing authority: what awaits its decision, and a waiting proposal with its two forms. */
async function checkManagingAuthorityPages(lang: Lang, contrast: Contrast) {
  const page = await signedInPage(managingAuthority, lang, contrast)
  try {
    await check(page, '/authority', lang, contrast)
    await screenshot(page, `${lang}-${contrast}-authority`)
    const waiting = page.locator(`main table a[href^="/spaces/${space.equality}/compositions/"]`)
    await check(page, await href(page, waiting), lang, contrast)
    assert.equal(await page.locator('form[action$="/approve"]').count(), 1, 'the approval form is there')
    assert.equal(await page.locator('form[action$="/return"]').count(), 1, 'and the return form')
    await screenshot(page, `${lang}-${contrast}-proposal-decision`)
    // Approving without the decision's reference.
    await checkRefusedForm(page, lang, contrast, page.locator(`form[action$="/approve"] button`))
    assert.ok(await page.locator('#field-decisionRef-error').isVisible(), 'the reference is missing')
    await check(page, '/authority/notices', lang, contrast)
    await check(page, '/authority/notices?late=1', lang, contrast)
    // The portfolio, and SIRES with its partners, money and indicators.
    await check(page, '/projects', lang, contrast)
    await check(page, await href(page, page.locator('main table a[href^="/projects/"]')), lang, contrast)
    await screenshot(page, `${lang}-${contrast}-project`)
    await check(page, '/authority/decisions', lang, contrast)
  } finally {
    await page.context().close()
  }
}

// The runs only read (the data they need is made in before(), and a refused form changes
// nothing), so they run side by side. Every rule runs on every page in both languages; high
// contrast changes colours alone (the test below reads the stylesheet to hold that true), so its
// run checks the rules colours decide, once: a colour's contrast does not depend on the language
// of the words (an English high-contrast run found nothing the Polish one did not, and cost about
// three minutes of the CI run).
describe('every page has no WCAG 2.2 AA problems axe can find', { concurrency: 3 }, () => {
  test('in Polish', () => checkEveryPage('pl', 'normal'))
  test('in English', () => checkEveryPage('en', 'normal'))
  test('in Polish with high contrast', async (t) => {
    await checkEveryPage('pl', 'high')
    t.diagnostic(
      `high contrast: axe ran on ${highPages.checked} of the ${highPages.opened} pages opened (the rest showed no new style path)`,
    )
  })
})

// What a browser opens at a GET address and is not a page: files, feeds, exports, and addresses
// that only lead elsewhere. Every other GET route of the app is a page the runs above must check.
const notPages = new Set([
  '/health', // a status line for the load balancer
  '/preferences', // sets a preference and goes back (GET by design, DESIGN.md)
  '/notifications/:id', // marks read and goes to what it is about
  '/feeds/:token/calendar.ics',
  '/translations/:token/source',
  '/networks/:id/materials/:itemId/files/:fileId',
  '/spaces/:id/materials/:itemId/files/:fileId',
  '/spaces/:id/meetings/:itemId/materials.zip',
  '/spaces/:id/meetings/:itemId/attendance.pdf',
  '/projects/:id/poster.pdf',
  '/projects/:id/documents/:documentId',
  '/funded-projects/:id/documents/:documentId',
  '/funded-projects/marks/:file',
  '/funded-projects/:id/schedule.ics',
  '/events/:eventId/event.ics',
  '/events/:eventId/documents/:documentId',
  '/events/:eventId/attendance.pdf',
  '/events/:eventId/certificate.pdf',
  '/events/registrations/:token/certificate.pdf',
  '/recruitments/:recruitmentId/documents/:documentId',
  '/recruitments/:recruitmentId/applications/:applicationId/files/:fieldId',
  '/recruitments/:recruitmentId/participants.csv',
  '/recruitments/:recruitmentId/participants.xlsx',
  '/events/feed.atom',
  '/events/feed.rss',
  '/events/calendar.ics',
  '/community/forums/:forumId/feed.atom',
  '/community/forums/:forumId/feed.rss',
  '/community/unanswered.atom',
  '/community/unanswered.rss',
  '/community/posts/:postId', // the topic's page that holds the post
  '/community/topics/:topicId/unread', // the topic's page that holds the first post not read
  '/community/attachments/:attachmentId',
  '/spaces/:id/meetings/:itemId/visit/participants.csv',
  '/spaces/:id/meetings/:itemId/visit/participants.xlsx',
  '/spaces/:id/meetings/:itemId/minutes/revisions/:revision/:format',
  '/analyses/:id/deliveries/:deliveryId',
  '/spaces/:id/analyses/:itemId/deliveries/:deliveryId',
])

test('high contrast changes only colours, borders and outlines, so the rules its runs skip see what the normal runs saw', () => {
  const scss = readFileSync(new URL('../../src/kernel/views/styles/siatka.scss', import.meta.url), 'utf8')
  const declared = new Set<string>()
  for (const start of scss.matchAll(/html\.siatka-contrast-high[^{]*\{/g)) {
    // The block to its matching brace, nested rules and all.
    let depth = 0
    let end = start.index
    for (; end < scss.length; end++) {
      if (scss[end] === '{') depth++
      else if (scss[end] === '}' && --depth === 0) break
    }
    const block = scss.slice(start.index, end).replace(/\/\/.*$/gm, '')
    for (const [, property] of block.matchAll(/^\s*([a-z-]+)\s*:(?![^;{]*\{)/gm)) declared.add(property)
  }
  // Colours, fills and borders (which the contrast and target-size rules read), outlines, and opacity
  // (which the contrast rule reads): nothing that shows, hides, moves or names an element.
  const colours =
    /^(--govuk-[a-z-]+-colour|color|background|background-color|border|border-(top|right|bottom|left)|border(-[a-z]+)?-color|fill|stroke|outline|outline-color|outline-offset|box-shadow|opacity|text-decoration-color)$/
  assert.ok(declared.size > 10, `found the high-contrast rules (${[...declared].join(', ')})`)
  assert.deepEqual(
    [...declared].filter((p) => !colours.test(p)),
    [],
    'a high-contrast rule that changes more than colour needs the full axe run in high contrast',
  )
})

test('each run checked every page in the route table, so a new page cannot be left out', () => {
  const pages = h.app.routeList
    .filter((r) => r.method === 'GET' && !r.url.startsWith('/assets/') && !notPages.has(r.url))
    .map((r) => r.url)
  assert.equal(checked.size, 3, 'three runs')
  for (const [run, seen] of checked) {
    assert.deepEqual(
      pages.filter((url) => !seen.has(url)),
      [],
      `pages the ${run} run did not check`,
    )
  }
})
