// The site module's pages that list what the platform does: the cookie page names exactly the
// cookies Siatka sets.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { cookieList } from './index.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

test('every cookie the platform sets is listed on the cookies page, and that page lists nothing else', async () => {
  const seen = new Set<string>()
  const client = new Client(h.app)
  const collect = (res: { cookies: { name: string }[] }) => {
    for (const c of res.cookies) seen.add(c.name)
  }
  collect(await client.get('/preferences?lang=en&textSize=large&cookieNotice=hide&back=/'))
  collect(await client.get('/sign-in'))
  collect(
    await client.post('/sign-in', { email: 'koordynator@demo.siatka.test', password: 'Demo-Siatka-2026' }),
  )
  collect(await client.post('/profile', { name: '', lang: 'pl' }))
  const person = await signedIn(h.app, 'czlonek@demo.siatka.test')
  collect(await person.post('/sign-out', {}))
  const listed = new Set<string>(cookieList.map((c) => c.name))
  for (const name of seen) assert.ok(listed.has(name), `cookie ${name} is set but not listed`)
  assert.deepEqual([...listed].sort(), [...seen].sort(), 'every listed cookie is really set')
  const page = await client.get('/cookies')
  for (const name of listed) assert.match(page.body, new RegExp(`<code>${name}</code>`))
})
