// npm run bench [-- --quick] [-- --rounds N] [-- --only NAMES] [-- --profile DIR] [-- --scale 0.1]
//
// --only takes pages or groups, comma-separated: home, sign-in, people, space (space-overview,
// space-members), directory (directory-list, directory-space, directory-org and the exports
// directory-csv, directory-xlsx), meetings (meeting-page, calendar-month, calendar-list,
// calendar-member), decisions (register-space, register-search, register-all, register-member,
// actions, minutes-page), start (start-member, start-coordinator), projects (projects-filtered,
// projects-page-40, projects-analysis), community (forum-topics, forum-topic, forum-search, and
// the same signed in: forum-topics-in, forum-topic-in, forum-search-in), partners (partner-search,
// partner-match, partner-request, partner-requests), events (events-list, event-page, and the same
// signed in: events-list-in, event-page-in), recruitment (recruitments, recruitment-page, and the
// project staff's recruitment-applications, recruitment-application).
//
// Throughput and p99 latency of a few pages of the app, each against a baseline: a bare
// node:http server in the same process answering with exactly the same bytes and content type.
// The app holds the demo data and the benchmark's data set (bench/data.ts: 5,000 people, 100 bodies,
// 10,000 meetings, one of them with 20 agenda items and 40 materials; minutes of the past ones with
// about 17,000 decisions and 14,000 action items).
// The directory's CSV and XLSX exports are timed request by request, not loaded.
// Both servers listen on 127.0.0.1; autocannon drives them from one worker thread, so the load
// generator does not share the servers' event loop. Baseline and app runs alternate, page by page.
// With DATABASE_URL set the app runs on a fresh database on that PostgreSQL server; without it,
// on an embedded PostgreSQL 18 of its own with the settings `npm start` gives it.
// Benchmarks are not tests: this exits 0 whether or not the goals are met.
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { addMonths, warsawInstant } from '../src/kernel/dates.ts'
import { cookieNames } from '../src/kernel/http.tsx'
import { demoPassword } from '../src/modules/accounts/demo.ts'
import { benchLogLevel, startBenchApp } from './app.ts'
import { benchSizesAt, confirmQueue } from './data.ts'
import {
  cookieHeader,
  type FixedPage,
  fmt,
  type Jar,
  measure,
  median,
  type Run,
  type RunOptions,
  remember,
  startBaseline,
} from './lib.ts'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    rounds: { type: 'string', default: '1' },
    only: { type: 'string' },
    profile: { type: 'string' },
    scale: { type: 'string', default: '1' },
  },
})
/** The data set's size: 1 the full one, 0.1 a tenth (bench/data.ts, benchSizesAt). */
const scale = Number.parseFloat(args.scale)
if (!(scale > 0 && scale <= 1)) throw new Error(`--scale ${args.scale}: give a number above 0, at most 1`)

const run: RunOptions = {
  seconds: args.quick ? 2 : 10,
  warmupSeconds: args.quick ? 1 : 2,
  connections: 10,
}
const rounds = Math.max(1, Number.parseInt(args.rounds, 10) || 1)
const coordinator = 'koordynator@demo.siatka.test'
const goal = { page: 'home', minThroughputRatio: 0.5, maxP99Ratio: 3 }

interface Page extends FixedPage {
  name: string
  /** What --only also accepts: 'space' selects space-overview and space-members. */
  group: string
  /** Sent with every request (the signed-in person's cookies). */
  headers: Record<string, string>
  /** Names of the cookies the app sets in answer to such a request. */
  setCookies: string[]
  /** A form posted (the registration POST): its body, and the app's run's own counting. */
  post?: RunOptions['post']
}

async function fetchPage(base: string, name: string, path: string, jar?: Jar, group = name): Promise<Page> {
  const headers: Record<string, string> = jar ? { cookie: cookieHeader(jar) } : {}
  const res = await fetch(base + path, { headers, redirect: 'manual' })
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status}, expected 200`)
  const body = Buffer.from(await res.arrayBuffer())
  const setCookies = res.headers.getSetCookie().map((line) => line.split('=')[0])
  return { name, group, path, headers, body, contentType: res.headers.get('content-type') ?? '', setCookies }
}

/** Milliseconds for one GET, until the last byte of the answer is read. */
async function timeOne(url: string, headers: Record<string, string>): Promise<number> {
  const started = performance.now()
  const res = await fetch(url, { headers })
  await res.arrayBuffer()
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}, expected 200`)
  return performance.now() - started
}

const exportTimings = 3
/** Two decimals, three under 0.1 (the signed-in pages' throughput ratios are 0.00x). */
const fmtRatio = (r: number) => fmt(r, r < 0.1 ? 3 : 2)

/** Signs in through the form, as a browser does: GET /sign-in for the CSRF cookie and token, then POST. */
async function signIn(base: string, email: string): Promise<Jar> {
  const jar: Jar = new Map()
  const form = await fetch(`${base}/sign-in`, { redirect: 'manual' })
  remember(jar, form)
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1]
  if (!token) throw new Error('no CSRF token on /sign-in')
  const res = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: demoPassword, _csrf: token }).toString(),
  })
  await res.arrayBuffer()
  remember(jar, res)
  if (res.status !== 303 || !jar.has(cookieNames.session)) {
    throw new Error(`could not sign in as ${email}: ${res.status}`)
  }
  return jar
}

/**
 * The registration POST: someone without an account confirms their address by the mailed link
 * (POST /events/registrations/:token/confirm), each request the next of the queue bench/data.ts
 * made, so each is accepted: the event's row locked, the places taken counted, a place given (the
 * waiting list once the 10,000 are gone), the mail queued. The CSRF cookie and token come from the
 * last registration's page, as a browser's would.
 */
let confirmsSent = 0
async function registrationPost(base: string): Promise<Page> {
  const jar: Jar = new Map()
  const form = await fetch(`${base}/events/registrations/${confirmQueue.token(confirmQueue.size - 1)}`)
  remember(jar, form)
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1]
  if (!csrf) throw new Error('no CSRF token on a registration’s page')
  return {
    name: 'event-register',
    group: 'events',
    path: `/events/registrations/${confirmQueue.token(0)}/confirm`,
    headers: { cookie: cookieHeader(jar), 'content-type': 'application/x-www-form-urlencoded' },
    body: Buffer.alloc(0),
    contentType: 'text/plain',
    setCookies: [],
    post: {
      body: new URLSearchParams({ _csrf: csrf }).toString(),
      setupRequest: fileURLToPath(new URL('./confirm-request.cjs', import.meta.url)),
      before() {
        process.env.BENCH_CONFIRM_FROM = String(confirmsSent)
        if (confirmsSent >= confirmQueue.size) throw new Error('the registrations to confirm are used up')
      },
      after(sent) {
        confirmsSent += sent
      },
    },
  }
}

/** The published body with the most current members. */
async function publishedSpace(bench: Awaited<ReturnType<typeof startBenchApp>>): Promise<string> {
  const row = await bench.database.db
    .selectFrom('spaces as s')
    .innerJoin('space_memberships as m', 'm.space_id', 's.id')
    .select('s.id')
    .where('s.is_public', '=', true)
    .where('m.ends_on', 'is', null)
    .groupBy('s.id')
    .orderBy((eb) => eb.fn.countAll(), 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
  return row.id
}

/** Fails unless the page shows what the data set put there: `n` different `pattern`s, and each of `texts`. */
function expect(page: Page, what: string, pattern: RegExp, n: number, texts: string[] = []) {
  const html = page.body.toString('utf8')
  const found = new Set(html.match(new RegExp(pattern, 'g'))).size
  if (found !== n) throw new Error(`${page.name}: ${found} ${what}, expected ${n}`)
  for (const text of texts) if (!html.includes(text)) throw new Error(`${page.name}: no "${text}"`)
}

async function main() {
  const started = Date.now()
  const bench = await startBenchApp({ data: true, scale })
  const db = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PostgreSQL 18'
  console.log(
    `Siatka benchmark: node ${process.version}, ${availableParallelism()} CPUs, ${db}, ` +
      `LOG_LEVEL=${benchLogLevel}, load average ${loadavg()
        .map((l) => fmt(l, 2))
        .join(' ')}`,
  )
  console.log(
    `autocannon: ${run.connections} connections, ${run.warmupSeconds} s warm-up + ${run.seconds} s per run, ` +
      `${rounds} round(s), baseline and app alternating`,
  )
  const data = bench.data!
  console.log(
    `Data: the demo data and bench/data.ts at scale ${scale} (${Object.entries(data.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')}), generated in ${fmt(data.seconds, 1)} s\n`,
  )

  const jar = await signIn(bench.url, coordinator)
  const space = `/spaces/${data.bigSpaceId}`
  let pages = [
    await fetchPage(bench.url, 'home', '/'),
    // A visitor's networks: the list of published bodies and the biggest published body's page
    // (its chair, members' organisations, schedule, study visits' reports).
    await fetchPage(bench.url, 'networks', '/networks', undefined, 'public'),
    await fetchPage(
      bench.url,
      'network-public',
      `/networks/${await publishedSpace(bench)}`,
      undefined,
      'public',
    ),
    await fetchPage(bench.url, 'sign-in', '/sign-in'),
    await fetchPage(bench.url, 'people', '/people', jar),
    // The biggest body (60 members): its overview, and its members (50 a page) with whom they represent.
    await fetchPage(bench.url, 'space-overview', space, jar, 'space'),
    await fetchPage(bench.url, 'space-members', `${space}/members`, jar, 'space'),
    // The member directory: every current seat in every body, 50 a page, by name; one body's seats;
    // every seat sorted by organisation.
    await fetchPage(bench.url, 'directory-list', '/directory', jar, 'directory'),
    await fetchPage(bench.url, 'directory-space', `/directory?space=${data.bigSpaceId}`, jar, 'directory'),
    await fetchPage(bench.url, 'directory-org', '/directory?sort=organisation', jar, 'directory'),
  ]
  // Meetings: the biggest body's meeting with 20 agenda items and 40 materials, as the coordinator
  // (who services every space: the secretary's view, with the notice's deliveries and the answers);
  // the calendar across all 100 bodies for the busiest month ahead and its first page of upcoming
  // meetings; the same list for a member of three bodies.
  const meetingPath = `${space}/meetings/${data.bigMeetingId}`
  const member = await signIn(bench.url, data.memberEmail)
  const meetingPages = [
    await fetchPage(bench.url, 'meeting-page', meetingPath, jar, 'meetings'),
    await fetchPage(
      bench.url,
      'calendar-month',
      `/calendar?view=month&month=${data.busyMonth}`,
      jar,
      'meetings',
    ),
    await fetchPage(bench.url, 'calendar-list', '/calendar', jar, 'meetings'),
    await fetchPage(bench.url, 'calendar-member', '/calendar?view=list', member, 'meetings'),
  ]
  const [meetingPage, calendarMonth, calendarList, calendarMember] = meetingPages
  const meetingLink = /href="\/spaces\/[0-9a-f-]{36}\/meetings\/[0-9a-f-]{36}"/
  expect(meetingPage, 'material links', /href="[^"]*\/materials\/[0-9a-f-]{36}"/, 40, [
    'Rekomendacje dla Grupy Strategicznej na rok 2027',
    'Sprawy różne i wolne wnioski (cz. 2)',
    'Załącznik 2 do punktu 16',
  ])
  const inMonth = await bench.database.db
    .selectFrom('meetings')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('starts_at', '>=', warsawInstant(`${data.busyMonth}-01`, '00:00'))
    .where('starts_at', '<', warsawInstant(`${addMonths(data.busyMonth, 1)}-01`, '00:00'))
    .executeTakeFirstOrThrow()
  expect(calendarMonth, 'meetings', meetingLink, Number(inMonth.n))
  expect(calendarList, 'meetings', meetingLink, 25)
  expect(calendarMember, 'meetings', meetingLink, 25)
  console.log(
    `Meeting page: 20 agenda items, 40 materials; calendar ${data.busyMonth}: ${inMonth.n} meetings; ` +
      `member: ${data.memberEmail}\n`,
  )
  pages.push(...meetingPages)
  // The register of decisions: the biggest body's (about 170 decisions, first page of 50), the same
  // searched for a word, everyone's as the coordinator (all 100 bodies) and the member's (three
  // bodies; a different path so the baseline serves its own bytes); the member's open action items
  // (about 100, first page of 25); and approved minutes with 8 items, 5 decisions and 6 action items.
  const decisionLink = /href="\/spaces\/[0-9a-f-]{36}\/decisions\/[0-9a-f-]{36}"/
  const decisionPages = [
    await fetchPage(bench.url, 'register-space', `${space}/decisions`, jar, 'decisions'),
    await fetchPage(
      bench.url,
      'register-search',
      `${space}/decisions?q=${encodeURIComponent(data.searchWord)}`,
      jar,
      'decisions',
    ),
    await fetchPage(bench.url, 'register-all', '/decisions', jar, 'decisions'),
    await fetchPage(bench.url, 'register-member', '/decisions?page=1', member, 'decisions'),
    await fetchPage(bench.url, 'actions', '/actions', member, 'decisions'),
    await fetchPage(
      bench.url,
      'minutes-page',
      `${space}/meetings/${data.minutesMeetingId}/minutes`,
      jar,
      'decisions',
    ),
  ]
  const [registerSpace, registerSearch, registerAll, registerMember, actionsPage, minutesPage] = decisionPages
  // What the register lists (minutes out of draft), counted without the app's full-text query.
  const registered = (space?: string, word?: string) => {
    let q = bench.database.db
      .selectFrom('decisions as d')
      .innerJoin('minutes as mi', 'mi.meeting_id', 'd.meeting_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('mi.status', '<>', 'draft')
    if (space) q = q.where('d.space_id', '=', space)
    if (word) q = q.where('d.title', 'like', `%${word}%`)
    return q.executeTakeFirstOrThrow().then((r) => Number(r.n))
  }
  const [all, inSpace, found, foundAll] = await Promise.all([
    registered(),
    registered(data.bigSpaceId),
    registered(data.bigSpaceId, data.searchWord),
    registered(undefined, data.searchWord),
  ])
  if (inSpace < 150)
    throw new Error(`the biggest body has ${inSpace} decisions in its register, expected 150+`)
  if (found === 0) throw new Error(`no decision of the biggest body has "${data.searchWord}"`)
  expect(registerSpace, 'decisions', decisionLink, 50)
  expect(registerSearch, 'decisions', decisionLink, Math.min(found, 50))
  expect(registerAll, 'decisions', decisionLink, 50)
  expect(registerMember, 'decisions', decisionLink, 50)
  expect(actionsPage, 'action forms', /action="\/actions\/[0-9a-f-]{36}"/, 25)
  const titles = async (table: 'decisions' | 'action_items') =>
    (
      await bench.database.db
        .selectFrom(table)
        .select('title')
        .where('meeting_id', '=', data.minutesMeetingId)
        .execute()
    ).map((row) => row.title)
  const [decisionTitles, actionTitles] = [await titles('decisions'), await titles('action_items')]
  if (decisionTitles.length !== 5 || actionTitles.length !== 6)
    throw new Error(`minutes-page: ${decisionTitles.length} decisions, ${actionTitles.length} action items`)
  expect(minutesPage, 'agenda items', /id="item-[0-9a-f-]{36}"/, 8, [
    ...decisionTitles,
    ...actionTitles,
    'Wobec wyczerpania porządku obrad',
  ])
  const insets = minutesPage.body.toString('utf8').split('class="govuk-inset-text"').length - 1
  if (insets !== 5) throw new Error(`minutes-page: ${insets} decisions shown, expected 5`)
  console.log(
    `Register: ${all} decisions (minutes out of draft), ${inSpace} in the biggest body, ` +
      `"${data.searchWord}" in ${found} of them (${foundAll} of all); the member's open action items: ` +
      `${data.memberOpenActions}\n`,
  )
  pages.push(...decisionPages)
  // The start page ("Pulpit") of the member of three bodies (their next meetings, minutes open for
  // comments, action items, translations, unread notifications) and of the coordinator (the
  // translations and analyses waiting across all bodies); other paths than the home page's, so the
  // baseline serves their own bytes.
  const startPages = [
    await fetchPage(bench.url, 'start-member', '/?start=member', member, 'start'),
    await fetchPage(bench.url, 'start-coordinator', '/?start=coordinator', jar, 'start'),
  ]
  for (const start of startPages)
    if (!start.body.includes('siatka-start__section')) throw new Error(`${start.name}: nothing waits`)
  pages.push(...startPages)
  // The portfolio of about a thousand projects: one theme's, largest first (page 1); the whole list's
  // page 40 (a keyset: the cursor of its 975th project); and the thematic analysis of all of them.
  const pdb = bench.database.db
  const theme = await pdb
    .selectFrom('project_themes')
    .select('id')
    .where('code', '=', 'social-economy')
    .executeTakeFirstOrThrow()
  const at975 = await pdb
    .selectFrom('projects')
    .select(['id', 'starts_on'])
    .orderBy('starts_on', 'desc')
    .orderBy('id', 'desc')
    .offset(974)
    .limit(1)
    .executeTakeFirstOrThrow()
  const projectPages = [
    await fetchPage(
      bench.url,
      'projects-filtered',
      `/projects?theme=${theme.id}&sort=value&dir=desc`,
      jar,
      'projects',
    ),
    await fetchPage(
      bench.url,
      'projects-page-40',
      `/projects?after=${at975.starts_on}_${at975.id}`,
      jar,
      'projects',
    ),
    await fetchPage(bench.url, 'projects-analysis', '/projects/analysis', jar, 'projects'),
  ]
  const projectLink = /<a class="govuk-link" href="\/projects\/[0-9a-f-]{36}">/g
  expect(projectPages[0] as Page, 'projects', projectLink, 25)
  expect(projectPages[1] as Page, 'projects', projectLink, 25)
  expect(projectPages[2] as Page, 'voivodeships', /<rect x="\d+" y="\d+" width="94"/g, 16)
  pages.push(...projectPages)
  // The community's forum of 100,000 posts (10,000 at a tenth): its first page of topics, the
  // topic of 200 posts (its first 50 shown) and a search whose words are in every post. A visitor
  // reads them: the forum is open to all.
  const forumPages = [
    await fetchPage(bench.url, 'forum-topics', `/community/forums/${data.forumId}`, undefined, 'community'),
    await fetchPage(bench.url, 'forum-topic', `/community/topics/${data.bigTopicId}`, undefined, 'community'),
    await fetchPage(bench.url, 'forum-search', '/community/search?q=wkladu+wlasnego', undefined, 'community'),
    // The same for a signed-in member (not a moderator): rendered on every request (a visitor's copy is kept).
    await fetchPage(
      bench.url,
      'forum-topics-in',
      `/community/forums/${data.forumId}?in=1`,
      member,
      'community',
    ),
    await fetchPage(
      bench.url,
      'forum-topic-in',
      `/community/topics/${data.bigTopicId}?in=1`,
      member,
      'community',
    ),
    await fetchPage(
      bench.url,
      'forum-search-in',
      '/community/search?q=wkladu+wlasnego&in=1',
      member,
      'community',
    ),
  ]
  const topicLink = /<a class="govuk-link" href="\/community\/topics\/[0-9a-f-]{36}" lang=/g
  expect(forumPages[0] as Page, 'topics', topicLink, 25)
  expect(forumPages[1] as Page, 'posts', /id="post-[0-9a-f-]{36}"/g, 50)
  expect(forumPages[2] as Page, 'results', topicLink, 20)
  expect(forumPages[4] as Page, 'posts', /id="post-[0-9a-f-]{36}"/g, 50)
  pages.push(...forumPages)
  // The partner search over 20,000 organisations (2,000 at a tenth): organisations ranked by four
  // criteria asked, organisations ranked by how well they match a request (its page and the whole
  // list), and the open requests on a theme. A visitor: the search is open to all.
  const partnerPages = [
    await fetchPage(
      bench.url,
      'partner-search',
      `/community/partners?theme=${data.partnerThemeId}&country=DE&language=de&kind=ngo`,
      undefined,
      'partners',
    ),
    await fetchPage(
      bench.url,
      'partner-match',
      `/community/partners?request=${data.partnerRequestId}`,
      undefined,
      'partners',
    ),
    await fetchPage(
      bench.url,
      'partner-request',
      `/community/partners/requests/${data.partnerRequestId}`,
      undefined,
      'partners',
    ),
    await fetchPage(
      bench.url,
      'partner-requests',
      `/community/partners/requests?theme=${data.partnerThemeId}`,
      undefined,
      'partners',
    ),
  ]
  const organisationLink = /<a class="govuk-link" href="\/community\/organisations\/[0-9a-f-]{36}"/g
  expect(partnerPages[0] as Page, 'organisations', organisationLink, 20)
  expect(partnerPages[1] as Page, 'organisations', organisationLink, 20)
  expect(
    partnerPages[3] as Page,
    'requests',
    /<a class="govuk-link" href="\/community\/partners\/requests\/[0-9a-f-]{36}" lang=/g,
    20,
  )
  pages.push(...partnerPages)
  // Events (5,000 over six years, 500 at a tenth, 20 registrations each): the upcoming ones and an
  // event's page, as a visitor (kept) and as the signed-in member (rendered on every request).
  const eventPages = [
    await fetchPage(bench.url, 'events-list', '/events', undefined, 'events'),
    await fetchPage(bench.url, 'event-page', `/events/${data.eventId}`, undefined, 'events'),
    await fetchPage(bench.url, 'events-list-in', '/events?in=1', member, 'events'),
    await fetchPage(bench.url, 'event-page-in', `/events/${data.eventId}?in=1`, member, 'events'),
  ]
  const eventLink = /<a class="govuk-link" href="\/events\/[0-9a-f-]{36}" lang=/g
  expect(eventPages[0] as Page, 'events', eventLink, 20)
  expect(eventPages[2] as Page, 'events', eventLink, 20)
  pages.push(...eventPages, await registrationPost(bench.url))
  // Recruitment (the demo's two): the public list and the open one's page as a visitor (kept); the
  // project staff's list of its applications and one application, whose every view is audited.
  const recruitmentList = await fetchPage(
    bench.url,
    'recruitments',
    '/recruitments',
    undefined,
    'recruitment',
  )
  const recruitmentPath = /href="(\/recruitments\/[0-9a-f-]{36})"/.exec(recruitmentList.body.toString())?.[1]
  if (!recruitmentPath) throw new Error('no recruitment on /recruitments')
  const staff = await signIn(bench.url, 'projekt@demo.siatka.test')
  const applications = await fetchPage(
    bench.url,
    'recruitment-applications',
    `${recruitmentPath}/applications`,
    staff,
    'recruitment',
  )
  const applicationPath = new RegExp(`href="(${recruitmentPath}/applications/[0-9a-f-]{36})"`).exec(
    applications.body.toString(),
  )?.[1]
  if (!applicationPath) throw new Error('no application on the staff list')
  pages.push(
    recruitmentList,
    await fetchPage(bench.url, 'recruitment-page', recruitmentPath, undefined, 'recruitment'),
    applications,
    await fetchPage(bench.url, 'recruitment-application', applicationPath, staff, 'recruitment'),
  )
  // The whole directory as a file: timed one request at a time.
  let exports = [
    await fetchPage(bench.url, 'directory-csv', '/directory?format=csv', jar, 'directory'),
    await fetchPage(bench.url, 'directory-xlsx', '/directory?format=xlsx', jar, 'directory'),
  ]
  if (args.only) {
    const only = args.only.split(',')
    const chosen = (p: Page) => only.includes(p.name) || only.includes(p.group)
    pages = pages.filter(chosen)
    exports = exports.filter(chosen)
  }
  const baseline = await startBaseline([...pages, ...exports])

  console.log('Pages (and the cookies the app sets in answer to the benchmark request):')
  const width = Math.max(...[...pages, ...exports].map((p) => p.path.length))
  for (const p of [...pages, ...exports]) {
    const sent = p.headers.cookie ? `, sends cookies ${[...jar.keys()].join(', ')}` : ', anonymous'
    const who = [
      'calendar-member',
      'register-member',
      'actions',
      'forum-topics-in',
      'forum-topic-in',
      'forum-search-in',
      'events-list-in',
      'event-page-in',
    ].includes(p.name)
      ? ' (the member)'
      : ''
    const set = p.setCookies.length ? p.setCookies.join(', ') : 'none'
    console.log(
      `  ${p.name.padEnd(15)} ${p.post ? 'POST' : 'GET '} ${p.path.padEnd(width)} ${p.body.length} bytes${sent}${who}; sets: ${set}`,
    )
  }
  const csv = exports.find((e) => e.name === 'directory-csv')
  if (csv) {
    // One line a seat after the header; a value holding a line break would be quoted (there is none).
    const seats = csv.body.toString('utf8').trimEnd().split('\r\n').length - 1
    console.log(
      `  (the directory holds ${seats} current seats of ${benchSizesAt(scale).people} generated people)`,
    )
  }
  console.log()

  const results: { page: Page; base: Run[]; app: Run[] }[] = []
  for (const page of pages) {
    const entry = { page, base: [] as Run[], app: [] as Run[] }
    const o = { ...run, headers: page.headers }
    // The baseline answers a form without using up the app's queue.
    const base = page.post ? { ...o, post: { ...page.post, before() {}, after() {} } } : o
    for (let r = 0; r < rounds; r++) {
      entry.base.push(await measure(`${page.name} baseline`, baseline.url + page.path, base))
      entry.app.push(
        await measure(`${page.name} app`, bench.url + page.path, {
          ...o,
          post: page.post,
          profileDir: args.profile,
          statements: bench.database.statements,
        }),
      )
    }
    results.push(entry)
  }
  if (pages.some((p) => p.post)) {
    // Each confirmation sent was an accepted registration: a place, or the waiting list (those still
    // in flight when the run ended are answered first).
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const accepted = await bench.database.db
      .selectFrom('event_registrations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('event_id', '=', data.confirmEventId)
      .where('state', 'in', ['confirmed', 'waiting'])
      .executeTakeFirstOrThrow()
    console.log(
      `\nThe registration POST: ${accepted.n} registrations accepted of ${confirmsSent} sent to the app.`,
    )
  }

  console.log(
    '\n| page | baseline req/s | app req/s | throughput ratio | baseline p99 ms | app p99 ms | p99 ratio | app p50 / p97.5 ms | main thread ms/req (baseline) | statements/req |',
  )
  console.log('|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|')
  const ratios = new Map<string, { throughput: number; p99: number }>()
  for (const { page, base, app } of results) {
    const b = { rps: median(base.map((x) => x.rps)), p99: median(base.map((x) => x.p99)) }
    const a = {
      rps: median(app.map((x) => x.rps)),
      p99: median(app.map((x) => x.p99)),
      p50: median(app.map((x) => x.p50)),
      p975: median(app.map((x) => x.p975)),
      busy: median(app.map((x) => x.busyMsPerRequest)),
      baseBusy: median(base.map((x) => x.busyMsPerRequest)),
      statements: median(app.map((x) => x.statementsPerRequest)),
    }
    // autocannon's latencies have 1 ms resolution: a baseline p99 under 1 ms counts as 1 ms.
    const ratio = { throughput: a.rps / b.rps, p99: a.p99 / Math.max(b.p99, 1) }
    ratios.set(page.name, ratio)
    console.log(
      `| ${page.name} \`${page.path}\` | ${fmt(b.rps, 0)} | ${fmt(a.rps, 0)} | ${fmtRatio(ratio.throughput)} | ` +
        `${fmt(b.p99, 0)} | ${fmt(a.p99, 0)} | ${fmt(ratio.p99, 2)} | ${fmt(a.p50, 0)} / ${fmt(a.p975, 0)} | ` +
        `${fmt(a.busy, 3)} (${fmt(a.baseBusy, 3)}) | ${fmt(a.statements, 1)} |`,
    )
  }

  if (exports.length) {
    console.error(`\nExports: ${exportTimings} requests each, one at a time, baseline and app alternating`)
    const timings: { page: Page; base: number[]; app: number[] }[] = []
    for (const page of exports) {
      const entry = { page, base: [] as number[], app: [] as number[] }
      for (let i = 0; i < exportTimings; i++) {
        entry.base.push(await timeOne(baseline.url + page.path, page.headers))
        entry.app.push(await timeOne(bench.url + page.path, page.headers))
      }
      console.error(
        `  ${page.name.padEnd(24)} app ${entry.app.map((t) => fmt(t, 0)).join(', ')} ms; ` +
          `baseline ${entry.base.map((t) => fmt(t, 1)).join(', ')} ms`,
      )
      timings.push(entry)
    }
    console.log(
      `\n| export (one request; median of ${exportTimings}) | bytes | baseline ms | app ms | app ms (each) |`,
    )
    console.log('|---|--:|--:|--:|--:|')
    for (const { page, base, app } of timings) {
      console.log(
        `| ${page.name} \`${page.path}\` | ${page.body.length} | ${fmt(median(base), 1)} | ` +
          `${fmt(median(app), 0)} | ${app.map((t) => fmt(t, 0)).join(', ')} |`,
      )
    }
  }

  const bad = results.flatMap((r) => [...r.base, ...r.app]).reduce((n, r) => n + r.bad, 0)
  if (bad) console.log(`\n!! ${bad} requests failed (errors, timeouts or non-2xx): the figures are suspect`)

  const home = ratios.get(goal.page)
  if (home) {
    const t = home.throughput >= goal.minThroughputRatio
    const p = home.p99 <= goal.maxP99Ratio
    console.log(`\nGoal for the ${goal.page} page (app against baseline):`)
    console.log(
      `  throughput ratio ${fmt(home.throughput, 2)} >= ${goal.minThroughputRatio}: ${t ? 'MET' : 'NOT MET'}`,
    )
    console.log(`  p99 ratio        ${fmt(home.p99, 2)} <= ${goal.maxP99Ratio}: ${p ? 'MET' : 'NOT MET'}`)
    console.log(`  => ${t && p ? 'GOAL MET' : 'GOAL NOT MET'}`)
  }
  const load = loadavg()
    .map((l) => fmt(l, 2))
    .join(' ')
  console.log(`\n(${Math.round((Date.now() - started) / 1000)} s; load average at the end ${load})`)

  baseline.server.close()
  await bench.close()
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
