// Every route declares its permission, and the policy decides the same way for every role.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../test/support/app.ts'
import { Client, signedIn } from '../../test/support/client.ts'
import { givenPerson } from '../../test/support/given.ts'
import { type Actor, can, type GlobalRole, globalRoles } from './policy.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const demoEmail: Partial<Record<GlobalRole, string>> = {
  admin: 'admin@demo.siatka.test',
  coordinator: 'koordynator@demo.siatka.test',
  secretary: 'sekretarz@demo.siatka.test',
  managing_authority: 'iz@demo.siatka.test',
  member: 'czlonek@demo.siatka.test',
  expert: 'ekspert@demo.siatka.test',
  project_staff: 'projekt@demo.siatka.test',
}

const fill = (url: string) =>
  url.replace(':token', 'A'.repeat(43)).replace(/:\w+/g, '00000000-0000-4000-8000-000000000000')

// Signing out (everywhere) ends the walking session too, so those routes come last.
const endsSession = (url: string) => url.startsWith('/sign-out')
const appRoutes = () =>
  h.app.routeList
    .filter((r) => !r.url.startsWith('/assets/'))
    .sort((a, b) => Number(endsSession(a.url)) - Number(endsSession(b.url)))

test('every registered route declares a permission', () => {
  assert.ok(appRoutes().length > 15, 'the routes are registered')
  for (const r of h.app.routeList) assert.ok(r.permission, `${r.method} ${r.url} declares no permission`)
})

test('a route without a permission cannot be registered', async () => {
  const { default: Fastify } = await import('fastify')
  const { registerKernel } = await import('./http.tsx')
  const app = Fastify()
  await registerKernel(app, {
    config: h.config,
    db: h.database.db,
    findSession: async () => null,
    countUnread: async () => 0,
    enterSpace: async () => {},
  })
  assert.throws(() => app.get('/forgotten', async () => 'x'), /declares no permission/)
  await app.close()
})

test('an anonymous visitor is sent to sign in on every route that needs an account', async () => {
  for (const r of appRoutes()) {
    const client = new Client(h.app)
    const res = r.method === 'GET' ? await client.get(fill(r.url)) : await client.post(fill(r.url), {})
    const allowed = can(null, r.permission)
    if (allowed) {
      assert.notEqual(res.statusCode, 403, `${r.method} ${r.url} is public but answered 403`)
      assert.ok(res.statusCode < 500, `${r.method} ${r.url} answered ${res.statusCode}`)
    } else {
      assert.equal(res.statusCode, 303, `${r.method} ${r.url} should send an anonymous visitor to sign in`)
      assert.match(String(res.headers.location), /^\/sign-in\?next=/)
    }
  }
})

for (const role of globalRoles) {
  test(`a signed-in ${role} gets 403 exactly on the routes the policy refuses them`, async () => {
    const email = demoEmail[role] ?? (await givenPerson(h.database.db, { role })).email
    const client = await signedIn(h.app, email)
    const me = await h.database.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    const actor: Actor = { id: me.id, email, name: me.name, role, sessionId: '', ip: null }
    for (const r of appRoutes()) {
      const c = endsSession(r.url) ? await signedIn(h.app, email) : client
      const res = r.method === 'GET' ? await c.get(fill(r.url)) : await c.post(fill(r.url), {})
      const allowed = can(actor, r.permission)
      assert.ok(res.statusCode < 500, `${r.method} ${r.url} answered ${res.statusCode} to ${role}`)
      if (allowed) assert.notEqual(res.statusCode, 403, `${role} may ${r.method} ${r.url} but got 403`)
      else assert.equal(res.statusCode, 403, `${role} may not ${r.method} ${r.url} but got ${res.statusCode}`)
    }
  })
}

test('the policy: the secretariat manages people, only an administrator reads the audit log', () => {
  const as = (role: GlobalRole): Actor => ({ id: 'x', email: 'x', name: 'x', role, sessionId: '', ip: null })
  assert.equal(can(as('admin'), 'audit.read'), true)
  assert.equal(can(as('coordinator'), 'audit.read'), false)
  assert.equal(can(as('coordinator'), 'people.invite'), true)
  assert.equal(can(as('secretary'), 'people.invite'), false)
  assert.equal(can(as('managing_authority'), 'people.read'), false)
  assert.equal(can(null, 'signedIn'), false)
  assert.equal(can(null, 'public'), true)
})
