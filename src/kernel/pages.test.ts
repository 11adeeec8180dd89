// Every GET route at real addresses (test/support/pages.ts), as the people who use Siatka: what
// each answer may be kept by a cache.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../test/support/app.ts'
import { Client, signedIn } from '../../test/support/client.ts'
import { everyPage, people, type Sample } from '../../test/support/pages.ts'

let h: TestApp
let samples: Sample[]
before(async () => {
  h = await startTestApp({}, { demoFiles: true })
  samples = await everyPage(h)
})
after(() => h.close())

// The walk would end its own session there; signing out is a POST anyway.
const walk = async (client: Client, each: (s: Sample, res: Awaited<ReturnType<Client['get']>>) => void) => {
  for (const s of samples) {
    const res = await client.get(s.path)
    assert.ok(res.statusCode < 500, `${s.path} answered ${res.statusCode}`)
    each(s, res)
  }
}

for (const who of ['secretary', 'member'] as const) {
  test(`nothing a signed-in ${who} is sent may be kept by a cache: pages, exports, files, feeds`, async () => {
    const client = await signedIn(h.app, people[who])
    let downloads = 0
    await walk(client, (s, res) => {
      assert.equal(res.headers['cache-control'], 'no-store', `${s.path} (${res.statusCode}) to a ${who}`)
      if (String(res.headers['content-disposition']).startsWith('attachment')) downloads++
    })
    if (who === 'secretary') assert.ok(downloads >= 10, `the secretary downloaded ${downloads} files`)
  })
}

test('an anonymous visitor: private links and pages behind sign-in are not kept, public pages keep their caching', async () => {
  const isPrivateLink = (route: string) => route.includes(':token')
  const seen = { privateLinks: 0, public: 0 }
  await walk(new Client(h.app), (s, res) => {
    const route = h.app.routeList.find((r) => r.method === 'GET' && r.url === s.route)
    assert.ok(route)
    if (route.permission !== 'public' || isPrivateLink(s.route)) {
      assert.equal(res.headers['cache-control'], 'no-store', `${s.path} (${res.statusCode})`)
      if (isPrivateLink(s.route) && res.statusCode === 200) seen.privateLinks++
    } else if (s.route !== '/health') {
      assert.notEqual(res.headers['cache-control'], 'no-store', `${s.path} is public`)
      if (res.statusCode === 200) seen.public++
    }
  })
  assert.ok(seen.privateLinks >= 5, `${seen.privateLinks} private links opened`)
  assert.ok(seen.public >= 5, `${seen.public} public pages`)
  const home = await new Client(h.app).get('/')
  assert.equal(home.headers['cache-control'], undefined, 'the home page as before')
})
