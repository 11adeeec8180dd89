import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, demoPassword, signedIn } from '../../../test/support/client.ts'
import { givenPerson, linkFrom, uniqueEmail } from '../../../test/support/given.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const auditActions = async (email: string) =>
  (await db().selectFrom('audit_log').select('action').where('actor_email', '=', email).execute()).map(
    (r) => r.action,
  )

describe('signing in and out', () => {
  test('a person signs in with email and password and sees their name in the header', async () => {
    const person = await givenPerson(db(), { name: 'Zofia Zalogowana' })
    const client = new Client(h.app)
    await client.get('/sign-in')
    const res = await client.post('/sign-in', { email: person.email.toUpperCase(), password: demoPassword })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/')
    const session = res.cookies.find((c) => c.name === 'siatka_session')
    assert.ok(session?.httpOnly, 'the session cookie is HttpOnly')
    assert.equal(session?.sameSite, 'Lax')
    const home = await client.get('/')
    assert.match(home.body, /Zofia Zalogowana/)
    assert.ok((await auditActions(person.email.toUpperCase().toLowerCase())).includes('accounts.signed-in'))
  })

  test('a wrong password and an unknown address get the same message and keep the typed email', async () => {
    const person = await givenPerson(db())
    const client = new Client(h.app)
    const wrong = await client.post('/sign-in', { email: person.email, password: 'nie-to-haslo-123' })
    const unknown = await client.post('/sign-in', { email: 'nikt@example.pl', password: 'nie-to-haslo-123' })
    assert.equal(wrong.statusCode, 422)
    assert.equal(unknown.statusCode, 422)
    assert.match(wrong.body, /Nieprawidłowy adres e-mail lub hasło/)
    assert.match(unknown.body, /Nieprawidłowy adres e-mail lub hasło/)
    assert.match(wrong.body, new RegExp(`value="${person.email}"`))
    assert.doesNotMatch(wrong.body, /nie-to-haslo-123/, 'the password is never sent back')
  })

  test('a malformed email is refused next to the field, in English for an English reader', async () => {
    const client = new Client(h.app)
    await client.get('/preferences?lang=en&back=/')
    const res = await client.post('/sign-in', { email: 'not-an-email', password: 'x' })
    assert.equal(res.statusCode, 422)
    assert.match(res.body, /<html lang="en"/)
    assert.match(res.body, /id="field-email-error"/)
    assert.match(res.body, /Enter an email address in the correct format/)
    assert.match(res.body, /value="not-an-email"/)
    assert.match(res.body, /class="govuk-error-summary"/)
  })

  test('after signing in the person returns to the page they asked for, never to another site', async () => {
    const person = await givenPerson(db())
    const client = new Client(h.app)
    const asked = await client.post('/sign-in', {
      email: person.email,
      password: demoPassword,
      next: '/profile',
    })
    assert.equal(asked.headers.location, '/profile')
    const other = new Client(h.app)
    const evil = await other.post('/sign-in', {
      email: person.email,
      password: demoPassword,
      next: '//evil.example',
    })
    assert.equal(evil.headers.location, '/')
  })

  test('a page that needs an account sends an anonymous visitor to sign in and back', async () => {
    const res = await new Client(h.app).get('/profile')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/sign-in?next=%2Fprofile')
  })

  test('signing out ends the session', async () => {
    const person = await givenPerson(db())
    const client = await signedIn(h.app, person.email)
    const res = await client.post('/sign-out', {})
    assert.equal(res.statusCode, 303)
    assert.equal((await client.get('/profile')).statusCode, 303)
  })

  test('signing out on all devices ends every session of that person', async () => {
    const person = await givenPerson(db())
    const laptop = await signedIn(h.app, person.email)
    const phone = await signedIn(h.app, person.email)
    const profile = await phone.get('/profile')
    assert.match(profile.body, /na 2 urządzeniach/)
    await phone.post('/sign-out-everywhere', {})
    assert.equal((await laptop.get('/profile')).statusCode, 303)
    assert.equal((await phone.get('/profile')).statusCode, 303)
    assert.ok((await auditActions(person.email)).includes('accounts.signed-out-everywhere'))
  })

  test('a deactivated person cannot sign in', async () => {
    const person = await givenPerson(db(), { active: false })
    const res = await new Client(h.app).post('/sign-in', { email: person.email, password: demoPassword })
    assert.equal(res.statusCode, 422)
  })
})

describe('password reset by mail', () => {
  test('a person resets their password from the mailed link, which then cannot be used again', async () => {
    const person = await givenPerson(db(), { name: 'Roman Resetujący' })
    const client = new Client(h.app)
    const asked = await client.post('/password-reset', { email: person.email })
    assert.equal(asked.statusCode, 200)
    assert.match(asked.body, /Jeśli konto z tym adresem istnieje/)
    const mail = await h.smtp.waitFor(person.email, /nowe hasło/)
    assert.match(mail.text, /Roman Resetujący/)
    assert.match(mail.html, /<a href="http:\/\/localhost:3000\/password-reset\//)
    const link = linkFrom(mail.text)

    const form = await client.get(link)
    assert.equal(form.statusCode, 200)
    const weak = await client.post(link, { password: 'password123', passwordConfirm: 'password123' })
    assert.equal(weak.statusCode, 422)
    assert.match(weak.body, /zbyt popularne/)
    const mismatch = await client.post(link, {
      password: 'Nowe-Haslo-Na-Zime-2026',
      passwordConfirm: 'Inne-Haslo-2026',
    })
    assert.match(mismatch.body, /Hasła nie są takie same/)
    const done = await client.post(link, {
      password: 'Nowe-Haslo-Na-Zime-2026',
      passwordConfirm: 'Nowe-Haslo-Na-Zime-2026',
    })
    assert.equal(done.statusCode, 303)
    assert.equal(done.headers.location, '/sign-in')

    await signedIn(h.app, person.email, 'Nowe-Haslo-Na-Zime-2026')
    const again = await client.get(link)
    assert.equal(again.statusCode, 410)
    assert.match(again.body, /Link został już użyty/)
    assert.match(again.body, /href="\/password-reset"/)
  })

  test('an unknown address gets the same answer and no mail', async () => {
    const before = h.smtp.mails.length
    const res = await new Client(h.app).post('/password-reset', { email: 'nikogo-takiego@example.pl' })
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /Jeśli konto z tym adresem istnieje/)
    await new Promise((r) => setTimeout(r, 1500))
    assert.equal(h.smtp.mails.filter((m) => m.to.includes('nikogo-takiego')).length, 0)
    assert.ok(h.smtp.mails.length >= before)
  })

  test('an expired reset link offers a new one', async () => {
    const person = await givenPerson(db())
    await new Client(h.app).post('/password-reset', { email: person.email })
    const link = linkFrom((await h.smtp.waitFor(person.email)).text)
    await db()
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('person_id', '=', person.id)
      .execute()
    const res = await new Client(h.app).get(link)
    assert.equal(res.statusCode, 410)
    assert.match(res.body, /Link wygasł/)
    assert.match(res.body, /Poproś o nowy link/)
  })

  test('after a reset, every other reset link of that person stops working', async () => {
    const person = await givenPerson(db())
    const client = new Client(h.app)
    await client.post('/password-reset', { email: person.email })
    await client.post('/password-reset', { email: person.email })
    const first = linkFrom((await h.smtp.waitFor(person.email, undefined, 15_000, 1)).text)
    const second = linkFrom((await h.smtp.waitFor(person.email, undefined, 15_000, 2)).text)
    assert.notEqual(first, second)
    const done = await client.post(second, {
      password: 'Lipcowy-Deszcz-Nad-Bugiem',
      passwordConfirm: 'Lipcowy-Deszcz-Nad-Bugiem',
    })
    assert.equal(done.statusCode, 303)
    assert.equal((await client.get(first)).statusCode, 410)
  })

  test('a failed sign-in is logged as the stranger who typed it, about the account it targeted', async () => {
    const person = await givenPerson(db())
    await new Client(h.app).post('/sign-in', { email: person.email, password: 'zgadywane-haslo' })
    const entry = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'accounts.sign-in-failed')
      .where('subject_id', '=', person.id)
      .executeTakeFirstOrThrow()
    assert.equal(entry.actor_id, null)
    assert.equal(entry.subject_type, 'person')
  })

  test('a made-up reset link says it is not recognised', async () => {
    const res = await new Client(h.app).get(`/password-reset/${'A'.repeat(43)}`)
    assert.equal(res.statusCode, 410)
    assert.match(res.body, /Nieprawidłowy link/)
  })
})

describe('invitations', () => {
  test('the coordinator invites a person, who sets their name and password from the mail and is signed in', async () => {
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    const email = uniqueEmail('zaproszona')
    const sent = await coordinator.post('/people/invite', { email, role: 'expert', organisationId: '' })
    assert.equal(sent.statusCode, 303)
    const mail = await h.smtp.waitFor(email, /Zaproszenie/)
    assert.match(mail.text, /Krzysztof Koordynator zaprasza/)
    const link = linkFrom(mail.text)

    const invited = new Client(h.app)
    const page = await invited.get(link)
    assert.match(page.body, new RegExp(email))
    const bad = await invited.post(link, {
      name: '',
      password: 'Jesienna-Mgla-Nad-Odra',
      passwordConfirm: 'Jesienna-Mgla-Nad-Odra',
    })
    assert.equal(bad.statusCode, 422)
    assert.match(bad.body, /id="field-name-error"/)
    const ok = await invited.post(link, {
      name: 'Ewa Ekspertka',
      password: 'Jesienna-Mgla-Nad-Odra',
      passwordConfirm: 'Jesienna-Mgla-Nad-Odra',
    })
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, '/profile')
    const profile = await invited.get('/profile')
    assert.match(profile.body, /Ewa Ekspertka/)
    const person = await db()
      .selectFrom('people')
      .select(['role', 'name'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    assert.equal(person.role, 'expert')

    const reused = await new Client(h.app).get(link)
    assert.equal(reused.statusCode, 410)
    assert.match(reused.body, /zostało już przyjęte/)
  })

  test('an expired invitation can be sent again to the same address', async () => {
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    const email = uniqueEmail('spozniona')
    await coordinator.post('/people/invite', { email, role: 'member', organisationId: '' })
    const link = linkFrom((await h.smtp.waitFor(email)).text)
    await db()
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', email)
      .execute()
    const visitor = new Client(h.app)
    const expired = await visitor.get(link)
    assert.equal(expired.statusCode, 410)
    assert.match(expired.body, /Wyślij mi nowe zaproszenie/)
    const renewed = await visitor.post(`${link}/renew`, {})
    assert.equal(renewed.statusCode, 303)
    const fresh = await h.smtp.waitFor(email, undefined, 15_000, 2)
    const freshLink = linkFrom(fresh.text)
    assert.notEqual(freshLink, link)
    assert.equal((await visitor.get(freshLink)).statusCode, 200)
  })

  test('an expired invitation cannot be renewed once its inviter is deactivated', async () => {
    const inviter = await givenPerson(db(), { role: 'coordinator' })
    const client = await signedIn(h.app, inviter.email)
    const email = uniqueEmail('osierocona')
    await client.post('/people/invite', { email, role: 'member', organisationId: '' })
    const link = linkFrom((await h.smtp.waitFor(email)).text)
    await db()
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('email', '=', email)
      .execute()
    await db().updateTable('people').set({ is_active: false }).where('id', '=', inviter.id).execute()
    const res = await new Client(h.app).post(`${link}/renew`, {})
    assert.equal(res.statusCode, 410)
  })

  test('a pending invitation is listed and can be withdrawn; its link then says so', async () => {
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    const email = uniqueEmail('wycofana')
    await coordinator.post('/people/invite', { email, role: 'expert', organisationId: '' })
    const link = linkFrom((await h.smtp.waitFor(email)).text)
    const list = await coordinator.get('/people/invitations')
    assert.match(list.body, new RegExp(email))
    assert.match(list.body, /nowa.ekspertka@demo.siatka.test/, 'the demo invitation is pending too')
    const invitation = await db()
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    const res = await coordinator.post(`/people/invitations/${invitation.id}/revoke`, {})
    assert.equal(res.statusCode, 303)
    assert.match((await coordinator.get('/people/invitations')).body, /Zaproszenie zostało wycofane/)
    assert.doesNotMatch((await coordinator.get('/people/invitations')).body, new RegExp(email))
    const visitor = await new Client(h.app).get(link)
    assert.equal(visitor.statusCode, 410)
    assert.match(visitor.body, /Sekretariat wycofał to zaproszenie/)
    assert.doesNotMatch(visitor.body, /Wyślij mi nowe zaproszenie/)
    const again = await coordinator.post(`/people/invitations/${invitation.id}/revoke`, {})
    assert.equal(again.statusCode, 303)
    assert.match((await coordinator.get('/people/invitations')).body, /zostało już przyjęte albo wycofane/)
  })

  test('a coordinator cannot withdraw an invitation to become an administrator', async () => {
    const admin = await signedIn(h.app, 'admin@demo.siatka.test')
    const email = uniqueEmail('admin')
    await admin.post('/people/invite', { email, role: 'admin', organisationId: '' })
    const invitation = await db()
      .selectFrom('invitations')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    assert.equal((await coordinator.post(`/people/invitations/${invitation.id}/revoke`, {})).statusCode, 403)
  })

  test('a person who already has an account cannot be invited again', async () => {
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    const res = await coordinator.post('/people/invite', {
      email: 'CZLONEK@demo.siatka.test',
      role: 'member',
      organisationId: '',
    })
    assert.equal(res.statusCode, 422)
    assert.match(res.body, /ma już konto/)
    assert.match(res.body, /value="CZLONEK@demo.siatka.test"/)
  })

  test('a coordinator cannot invite an administrator; an administrator can', async () => {
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    const refused = await coordinator.post('/people/invite', {
      email: uniqueEmail(),
      role: 'admin',
      organisationId: '',
    })
    assert.equal(refused.statusCode, 422)
    assert.match(refused.body, /Nie możesz nadać tej roli/)
    const admin = await signedIn(h.app, 'admin@demo.siatka.test')
    const allowed = await admin.post('/people/invite', {
      email: uniqueEmail(),
      role: 'admin',
      organisationId: '',
    })
    assert.equal(allowed.statusCode, 303)
  })

  test('a member cannot invite anyone', async () => {
    const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
    assert.equal((await member.get('/people/invite')).statusCode, 403)
    assert.equal(
      (await member.post('/people/invite', { email: uniqueEmail(), role: 'member' })).statusCode,
      403,
    )
  })
})

describe('own profile', () => {
  test('a person saves their profile and the chosen language becomes the language of the whole UI', async () => {
    const person = await givenPerson(db())
    const client = await signedIn(h.app, person.email)
    const org = await db().selectFrom('organisations').select('id').executeTakeFirstOrThrow()
    const res = await client.post('/profile', {
      name: 'Jan Nowak',
      organisationId: org.id,
      position: 'Specjalista',
      phone: '+48 22 123 45 67',
      lang: 'en',
    })
    assert.equal(res.statusCode, 303)
    const page = await client.get('/profile')
    assert.match(page.body, /<html lang="en"/)
    assert.match(page.body, /Your profile has been saved/)
    assert.match(page.body, /value="Specjalista"/)
    assert.ok((await auditActions(person.email)).includes('accounts.profile-updated'))
  })

  test('a too-long name and a bad phone number are refused with the typed values kept', async () => {
    const person = await givenPerson(db())
    const client = await signedIn(h.app, person.email)
    const res = await client.post('/profile', {
      name: 'N'.repeat(201),
      organisationId: '',
      position: 'Ktoś',
      phone: 'abc',
      lang: 'pl',
    })
    assert.equal(res.statusCode, 422)
    assert.match(res.body, /Wpisz najwyżej 200 znaków/)
    assert.match(res.body, /Wpisz numer telefonu/)
    assert.match(res.body, /value="Ktoś"/)
    assert.match(res.body, /value="abc"/)
  })
})

describe('people for the secretariat', () => {
  test('the list is searchable by name, email and organisation, ignoring accents and case', async () => {
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    assert.match((await coordinator.get('/people?q=czlonkini')).body, /Celina Członkini/)
    assert.match((await coordinator.get('/people?q=IZ%40demo')).body, /Irena z Instytucji/)
    const byOrg = await coordinator.get(`/people?q=${encodeURIComponent('uniwersytet lodzki')}`)
    assert.match(byOrg.body, /Edward Ekspert/)
    assert.doesNotMatch(byOrg.body, /Celina Członkini/)
  })

  test('the list is paginated and sortable', async () => {
    for (let i = 0; i < 30; i++)
      await givenPerson(db(), { name: `Aaa Stronicowany ${String(i).padStart(2, '0')}` })
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    const first = await coordinator.get('/people?q=stronicowany&sort=name&dir=asc')
    assert.match(first.body, /Stronicowany 00/)
    assert.doesNotMatch(first.body, /Stronicowany 29/)
    assert.match(first.body, /rel="next"/)
    const second = await coordinator.get('/people?q=stronicowany&sort=name&dir=asc&page=2')
    assert.match(second.body, /Stronicowany 29/)
    const desc = await coordinator.get('/people?q=stronicowany&sort=name&dir=desc')
    assert.match(desc.body, /Stronicowany 29/)
    assert.match(desc.body, /aria-sort="descending"/)
  })

  test('the coordinator changes a role, and may not make anyone an administrator', async () => {
    const person = await givenPerson(db())
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    assert.equal((await coordinator.post(`/people/${person.id}/role`, { role: 'expert' })).statusCode, 303)
    const refused = await coordinator.post(`/people/${person.id}/role`, { role: 'admin' })
    assert.equal(refused.statusCode, 422)
    const row = await db()
      .selectFrom('people')
      .select('role')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow()
    assert.equal(row.role, 'expert')
  })

  test('a deactivated person is signed out and cannot sign in; reactivated, they can again, nothing deleted', async () => {
    const person = await givenPerson(db(), { name: 'Dorota Dezaktywowana' })
    const session = await signedIn(h.app, person.email)
    const admin = await signedIn(h.app, 'admin@demo.siatka.test')
    assert.equal((await admin.post(`/people/${person.id}/deactivate`, {})).statusCode, 303)
    assert.equal((await session.get('/profile')).statusCode, 303)
    const refused = await new Client(h.app).post('/sign-in', { email: person.email, password: demoPassword })
    assert.equal(refused.statusCode, 422)
    const listed = await admin.get('/people?status=inactive&q=dezaktywowana')
    assert.match(listed.body, /Dorota Dezaktywowana/)
    assert.equal((await admin.post(`/people/${person.id}/reactivate`, {})).statusCode, 303)
    await signedIn(h.app, person.email)
  })

  test('nobody changes their own role or deactivates themselves', async () => {
    const admin = await signedIn(h.app, 'admin@demo.siatka.test')
    const me = await db()
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'admin@demo.siatka.test')
      .executeTakeFirstOrThrow()
    assert.equal((await admin.post(`/people/${me.id}/deactivate`, {})).statusCode, 422)
    assert.equal((await admin.post(`/people/${me.id}/role`, { role: 'member' })).statusCode, 422)
  })

  test('an unknown or malformed person id is a 404 page', async () => {
    const admin = await signedIn(h.app, 'admin@demo.siatka.test')
    assert.equal((await admin.get('/people/00000000-0000-4000-8000-000000000000')).statusCode, 404)
    const malformed = await admin.get('/people/nie-ma-takiej')
    assert.equal(malformed.statusCode, 404)
    assert.match(malformed.body, /Nie znaleziono strony/)
  })
})

describe('organisations', () => {
  test('a Polish organisation is saved with a valid NIP and REGON', async () => {
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    const res = await coordinator.post('/organisations/new', {
      name: 'Stowarzyszenie Testowe',
      type: 'ngo',
      country: 'pl',
      nip: '526-000-12-46',
      regon: '140902180',
      address: 'ul. Polna 1, Lublin',
      website: 'https://st.example.pl',
    })
    assert.equal(res.statusCode, 303)
    const saved = await db()
      .selectFrom('organisations')
      .selectAll()
      .where('name', '=', 'Stowarzyszenie Testowe')
      .executeTakeFirstOrThrow()
    assert.equal(saved.nip, '5260001246')
    assert.equal(saved.country, 'PL')
    const list = await coordinator.get('/organisations?q=testowe')
    assert.match(list.body, /Stowarzyszenie Testowe/)
  })

  test('a wrong NIP, a NIP abroad and a bad website are refused next to their fields', async () => {
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    const res = await coordinator.post('/organisations/new', {
      name: 'Błędna Fundacja',
      type: 'ngo',
      country: 'PL',
      nip: '1234567890',
      regon: '123',
      address: '',
      website: 'strona',
    })
    assert.equal(res.statusCode, 422)
    assert.match(res.body, /Ten NIP jest nieprawidłowy/)
    assert.match(res.body, /Ten REGON jest nieprawidłowy/)
    assert.match(res.body, /Wpisz pełny adres strony/)
    assert.match(res.body, /value="Błędna Fundacja"/)
    const abroad = await coordinator.post('/organisations/new', {
      name: 'Verein',
      type: 'ngo',
      country: 'DE',
      nip: '5252248481',
      regon: '',
      address: '',
      website: '',
    })
    assert.match(abroad.body, /tylko dla organizacji z Polski/)
  })

  test('two organisations cannot share a NIP', async () => {
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    const res = await coordinator.post('/organisations/new', {
      name: 'Bliźniak',
      type: 'ngo',
      country: 'PL',
      nip: '5252248481',
      regon: '',
      address: '',
      website: '',
    })
    assert.equal(res.statusCode, 422)
    assert.match(res.body, /z tym numerem NIP jest już/)
  })

  test('an organisation is edited and the change is in the audit log', async () => {
    const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
    const org = await db()
      .selectFrom('organisations')
      .selectAll()
      .where('country', '=', 'IE')
      .executeTakeFirstOrThrow()
    const form = await coordinator.get(`/organisations/${org.id}`)
    assert.match(form.body, /Social Economy Network Ireland/)
    const res = await coordinator.post(`/organisations/${org.id}`, {
      name: 'SENI',
      type: 'ngo',
      country: 'IE',
      nip: '',
      regon: '',
      address: 'Dublin',
      website: '',
    })
    assert.equal(res.statusCode, 303)
    const entry = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', org.id)
      .executeTakeFirstOrThrow()
    assert.equal(entry.action, 'accounts.organisation-updated')
    assert.equal(entry.actor_email, 'koordynator@demo.siatka.test')
  })
})

describe('housekeeping', () => {
  test('the nightly clean-up removes ended sessions and old reset links, and keeps live sessions', async () => {
    const { deleteExpiredAccess } = await import('./queries.ts')
    const person = await givenPerson(db())
    await signedIn(h.app, person.email)
    await signedIn(h.app, person.email)
    const [old] = await db()
      .selectFrom('sessions')
      .select('id')
      .where('person_id', '=', person.id)
      .limit(1)
      .execute()
    await db()
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', old.id)
      .execute()
    const removed = await deleteExpiredAccess(db(), new Date(), 30)
    assert.ok(removed.sessions >= 1)
    const left = await db().selectFrom('sessions').select('id').where('person_id', '=', person.id).execute()
    assert.equal(left.length, 1)
    assert.notEqual(left[0].id, old.id)
  })
})

test('a refused form says so first in the page title', async () => {
  const res = await new Client(h.app).post('/password-reset', { email: 'zly-adres' })
  assert.match(res.body, /<title>Błąd: Nie pamiętasz hasła\? – Siatka<\/title>/)
})
