// Every GET route at real addresses (test/support/pages.ts), opened once by each of the people
// below; the tests then check what each answer says about caching and what the walk changed.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { sql } from 'kysely'
import { startTestApp, type TestApp } from '../../test/support/app.ts'
import { Client, signedIn } from '../../test/support/client.ts'
import { expectUniqueIds } from '../../test/support/html.ts'
import { everyPage, people, type Sample } from '../../test/support/pages.ts'
import type { AppDb as Db } from './db.ts'
import { cookieNames } from './http.tsx'

const viewers = ['secretary', 'member', 'anonymous'] as const
// Who opens the pages the three above may not (the audit log, the managing authority's queue, an
// expert's order, a project's applications), so every page is seen at least once.
const others = ['admin', 'coordinator', 'managingAuthority', 'expert', 'projectStaff'] as const
type Viewer = (typeof viewers)[number] | (typeof others)[number]

interface Visit {
  who: Viewer
  sample: Sample
  res: LightMyRequestResponse
}

/** The page itself, or where it leads (a notification opened, a preference set), not a refusal. */
const opened = (res: LightMyRequestResponse) =>
  res.statusCode === 200 || (res.statusCode === 303 && !String(res.headers.location).startsWith('/sign-in'))

let h: TestApp
const visits: Visit[] = []
let stored: { before: Map<string, string>; after: Map<string, string>; jobsQueued: number; mails: number }

before(async () => {
  h = await startTestApp({}, { demoFiles: true })
  const samples = await everyPage(h)
  const clients: Record<Viewer, Client> = {
    secretary: await signedIn(h.app, people.secretary),
    member: await signedIn(h.app, people.member),
    anonymous: new Client(h.app),
    admin: await signedIn(h.app, people.admin),
    coordinator: await signedIn(h.app, people.coordinator),
    managingAuthority: await signedIn(h.app, people.managingAuthority),
    expert: await signedIn(h.app, people.expert),
    projectStaff: await signedIn(h.app, people.projectStaff),
  }
  await jobsDone(h.database.db)
  const start = new Date()
  const mails = h.smtp.mails.length
  const before = await snapshot(h.database.db)
  for (const who of viewers)
    for (const sample of samples) visits.push({ who, sample, res: await clients[who].get(sample.path) })
  for (const sample of samples) {
    if (visits.some((v) => v.sample === sample && opened(v.res))) continue
    for (const who of others) {
      const res = await clients[who].get(sample.path)
      visits.push({ who, sample, res })
      if (opened(res)) break
    }
  }
  await new Promise((r) => setTimeout(r, 500))
  stored = {
    before,
    after: await snapshot(h.database.db),
    jobsQueued: await jobsSince(h.database.db, start),
    mails: h.smtp.mails.length - mails,
  }
})
after(() => h.close())

test('every page answers at its real addresses, and each is opened by someone who may', () => {
  for (const v of visits)
    assert.ok(v.res.statusCode < 500, `${v.sample.path} answered ${v.res.statusCode} to ${v.who}`)
  const ok = (who: Viewer) => visits.filter((v) => v.who === who && v.res.statusCode === 200).length
  assert.ok(ok('secretary') >= 70, `the secretary opened ${ok('secretary')} pages`)
  assert.ok(ok('member') >= 40, `the member opened ${ok('member')} pages`)
  const unopened = [...new Set(visits.map((v) => v.sample))].filter(
    (s) => !visits.some((v) => v.sample === s && opened(v.res)),
  )
  assert.deepEqual(
    unopened.map((s) => s.path),
    [],
    'addresses nobody could open',
  )
})

// axe does not see an id used twice: the second field then has no label, and a label or a link to
// the id reaches the first one.
test('on every page each id is used once and every label names exactly one field', () => {
  let pages = 0
  for (const { who, sample, res } of visits) {
    if (!String(res.headers['content-type']).startsWith('text/html')) continue
    expectUniqueIds(res.body, `${sample.path} (${res.statusCode}) as ${who}`)
    pages++
  }
  assert.ok(pages >= 150, `${pages} pages checked`)
})

test('the pages only others may open are not kept by a cache either', () => {
  const theirs = visits.filter((v) => (others as readonly string[]).includes(v.who))
  assert.ok(theirs.length > 0)
  for (const { sample, res, who } of theirs)
    assert.equal(res.headers['cache-control'], 'no-store', `${sample.path} (${res.statusCode}) to ${who}`)
})

for (const who of ['secretary', 'member'] as const) {
  test(`nothing a signed-in ${who} is sent may be kept by a cache: pages, exports, files, feeds`, () => {
    let downloads = 0
    for (const { sample, res } of visits.filter((v) => v.who === who)) {
      assert.equal(res.headers['cache-control'], 'no-store', `${sample.path} (${res.statusCode}) to a ${who}`)
      if (String(res.headers['content-disposition']).startsWith('attachment')) downloads++
    }
    if (who === 'secretary') assert.ok(downloads >= 10, `the secretary downloaded ${downloads} files`)
  })
}

test('an anonymous visitor: private links and pages behind sign-in are not kept, public pages keep their caching', async () => {
  const isPrivateLink = (route: string) => route.includes(':token')
  const seen = { privateLinks: 0, public: 0 }
  for (const { sample, res } of visits.filter((v) => v.who === 'anonymous')) {
    const route = h.app.routeList.find((r) => r.method === 'GET' && r.url === sample.route)
    assert.ok(route)
    if (route.permission !== 'public' || isPrivateLink(sample.route)) {
      assert.equal(res.headers['cache-control'], 'no-store', `${sample.path} (${res.statusCode})`)
      if (isPrivateLink(sample.route) && res.statusCode === 200) seen.privateLinks++
    } else if (sample.route !== '/health') {
      assert.notEqual(res.headers['cache-control'], 'no-store', `${sample.path} is public`)
      if (res.statusCode === 200) seen.public++
    }
  }
  assert.ok(seen.privateLinks >= 5, `${seen.privateLinks} private links opened`)
  assert.ok(seen.public >= 5, `${seen.public} public pages`)
  const home = await new Client(h.app).get('/')
  assert.equal(home.headers['cache-control'], undefined, 'the home page as before')
})

// DESIGN.md, cross-cutting rules: a GET changes nothing but a notification opened (marked read)
// and the browser's own display preferences.
test('opening every page changes nothing stored, sends no mail and queues no job; a notification opened is marked read', async () => {
  const changed = [...stored.after]
    .filter(([table, hash]) => stored.before.get(table) !== hash)
    .map(([t]) => t)
  assert.deepEqual(changed, [], 'tables changed by GET requests')
  assert.equal(stored.jobsQueued, 0, 'jobs queued by GET requests')
  assert.equal(stored.mails, 0, 'mails sent by GET requests')
  const opened = visits.find((v) => v.who === 'secretary' && v.sample.route === '/notifications/:id')
  assert.ok(opened)
  assert.equal(opened.res.statusCode, 303)
  const id = opened.sample.path.split('/').pop() ?? ''
  const row = await h.database.db
    .selectFrom('notifications')
    .select('read_at')
    .where('id', '=', id)
    .executeTakeFirst()
  assert.ok(row?.read_at, 'the notification opened is read')
})

test('a GET sets no cookie but a form’s CSRF secret and the end of a one-time message; /preferences sets only display preferences', () => {
  const always = [cookieNames.csrf, cookieNames.flash]
  const preferences = [cookieNames.lang, cookieNames.prefs, cookieNames.notice]
  for (const { sample, res, who } of visits) {
    const allowed = sample.route === '/preferences' ? [...always, ...preferences] : always
    for (const c of res.cookies as { name: string }[])
      assert.ok(allowed.includes(c.name as never), `${sample.path} set ${c.name} for ${who}`)
  }
})

/**
 * A fingerprint of every table of the app (the job queue aside: see jobsSince), read marks left
 * out: opening a notification or a forum topic may set them; so are the audit log's records of who
 * viewed or downloaded personal data (an application opened, the participants exported), which
 * accountability asks every reading to leave.
 */
async function snapshot(db: Db): Promise<Map<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db)
  const hashes = new Map<string, string>()
  for (const { name } of tables.rows) {
    // What a person has read is the one thing reading stores: a notification's read_at, and how far
    // they have read each forum topic (the forum marks what is new since).
    if (name === 'community_topic_reads') continue
    const viewsLeftOut =
      name === 'audit_log'
        ? sql`where x.action not like '%.viewed' and x.action not like '%.exported'`
        : sql``
    const { rows } = await sql<{ hash: string }>`
      select md5(coalesce(string_agg(r::text, ',' order by r::text), '')) as hash
      from (select to_jsonb(x) - 'read_at' as r from ${sql.table(name)} x ${viewsLeftOut}) rows`.execute(db)
    hashes.set(name, rows[0].hash)
  }
  return hashes
}

const jobsSince = async (db: Db, since: Date) =>
  (
    await sql<{ n: number }>`select count(*)::int as n from pgboss.job where created_on >= ${since}`.execute(
      db,
    )
  ).rows[0].n

/** Until no job is waiting or running, so what ran for the test data is not taken for the walk's. */
async function jobsDone(db: Db) {
  for (let i = 0; i < 200; i++) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pgboss.job where state in ('created', 'retry', 'active')
      and (start_after is null or start_after <= now())`.execute(db)
    if (rows[0].n === 0) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('jobs still running')
}
