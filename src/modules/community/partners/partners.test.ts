// Partner search: the rules that rank a result and say why; an organisation described by its own
// contact person; a partner request published, found by another organisation and answered through
// Siatka without either side's address being shown until its owner chooses; requests that expire.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Client, signedIn } from '../../../../test/support/client.ts'
import { givenPerson } from '../../../../test/support/given.ts'
import { addDays, today } from '../../../kernel/dates.ts'
import { explainMatch, type Wanted } from './rules.ts'

const none: Wanted = { theme: [], kind: [], country: [], language: [], programme: [], region: [] }

test('a result scores the weights of the criteria it meets and says which it does not', () => {
  const organisation = {
    values: {
      theme: ['t1', 't2'],
      kind: ['ngo'],
      country: ['DE'],
      language: ['de', 'en'],
      programme: ['esf_plus'],
      region: ['DE300'],
    },
  }
  // A shared theme (3) and the country (2); not the kind; the region DE3 holds DE300 (1).
  assert.deepEqual(
    explainMatch(
      { ...none, theme: ['t2', 't9'], country: ['DE', 'AT'], kind: ['university'], region: ['DE3'] },
      organisation,
    ),
    { score: 6, met: ['theme', 'country', 'region'], unmet: ['kind'] },
  )
  // Nothing asked: nothing met, nothing missed.
  assert.deepEqual(explainMatch(none, organisation), { score: 0, met: [], unmet: [] })
  // A region is a prefix, not any shared letters: PL2 does not hold PL92.
  assert.deepEqual(
    explainMatch({ ...none, region: ['PL2'] }, { values: { ...organisation.values, region: ['PL92'] } }),
    {
      score: 0,
      met: [],
      unmet: ['region'],
    },
  )
  // A request that leaves a list empty is open to any: it meets what is asked.
  const request = {
    values: { theme: [], kind: ['ngo'], country: [], language: ['en'], programme: ['interreg'], region: [] },
    openToAny: ['theme', 'kind', 'country', 'language'] as const,
  }
  assert.deepEqual(
    explainMatch(
      { ...none, theme: ['t1'], kind: ['university'], country: ['PL'], programme: ['interreg'] },
      request,
    ),
    {
      score: 3 + 2 + 1,
      met: ['theme', 'country', 'programme'],
      unmet: ['kind'],
    },
  )
})

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const plain = (html: string) => html.replace(/\u00a0/g, ' ').replace(/&#39;|&#x27;/g, "'")
const themeId = async (code: string) =>
  (await db().selectFrom('project_themes').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id

test('anyone finds organisations best match first, each saying which criteria it meets; the order is the scores’', async () => {
  const visitor = new Client(h.app)
  const economy = await themeId('social-economy')
  const res = await visitor.get(`/community/partners?theme=${economy}&country=IE&language=ga`)
  assert.equal(res.statusCode, 200)
  const page = plain(res.body)
  // The Irish network meets all three (theme, country, its Irish language) and comes first.
  assert.match(
    page,
    /Znalezione organizacje[\s\S]*?<li>[\s\S]*?Social Economy Network Ireland[\s\S]*?Spełnia: temat, kraj, język/,
  )
  // Further down, one that meets only some says what it misses.
  assert.match(page, /Nie spełnia: kraj, język/)
  // The SQL's order is the rules' scores, highest first.
  const scores = [...page.matchAll(/Spełnia: ([^<]+)<\/strong>/g)].map((m) =>
    (m[1] as string).split(', ').reduce((s, c) => s + ({ temat: 3, kraj: 2, język: 2 }[c] ?? 0), 0),
  )
  assert.ok(scores.length > 5)
  assert.deepEqual(
    scores,
    [...scores].sort((a, b) => b - a),
  )
  // The English page says the same in English.
  await visitor.get('/preferences?lang=en&back=/')
  assert.match(
    plain((await visitor.get(`/community/partners?theme=${economy}&country=IE`)).body),
    /Meets: theme, country/,
  )
  // Hostile or unknown values in the address are dropped, never an error.
  assert.equal(
    (await visitor.get('/community/partners?theme=nie&kind=<script>&region=%27;drop')).statusCode,
    200,
  )
  assert.equal((await visitor.get('/community/partners?page=51')).statusCode, 404)
})

test('a member describes their own organisation, publishes a request; a past deadline is refused, typed values kept', async () => {
  const person = await givenPerson(db(), { role: 'community_member', name: 'Hanna Krajewska' })
  const member = await signedIn(h.app, person.email)
  // Without an organisation, a request sends the person to describe theirs first.
  const first = await member.get('/community/partners/requests/new')
  assert.equal(first.headers.location, '/community/organisations/new')

  const refused = await member.post('/community/organisations/new', {
    name: 'Fundacja Dobry Start',
    type: 'ngo',
    country: 'PL',
    regionCode: 'DE30',
    lang: 'pl',
    offers: 'Mentoring',
  })
  assert.equal(refused.statusCode, 422)
  const refusedPage = plain(refused.body)
  assert.match(refusedPage, /Kod regionu musi zaczynać się od kodu kraju organizacji/)
  assert.match(refusedPage, /value="Fundacja Dobry Start"/)
  assert.match(refusedPage, />Mentoring<\/textarea>/)

  const saved = await member.post('/community/organisations/new', {
    name: 'Fundacja Dobry Start',
    type: 'ngo',
    country: 'PL',
    regionCode: 'pl22',
    regionName: 'śląskie',
    themes: [await themeId('labour-market')],
    languages: ['pl', 'en'],
    programmes: ['esf_plus'],
    lang: 'pl',
    offers: 'Mentoring dla młodzieży',
  })
  assert.equal(saved.statusCode, 303)
  const orgPath = saved.headers.location as string
  const profile = plain((await member.get(orgPath)).body)
  assert.match(profile, /Fundacja Dobry Start[\s\S]*?śląskie \(PL22\)[\s\S]*?Rynek pracy/)
  assert.match(profile, /Zmień profil organizacji/)
  // Its own contact person is not offered to write to it.
  assert.doesNotMatch(profile, /Napisz do organizacji/)

  const past = await member.post('/community/partners/requests/new', {
    title: 'Szukamy partnera z Portugalii',
    idea: 'Mentoring dla młodzieży',
    lang: 'pl',
    programme: 'esf_plus',
    seekCountries: 'PT',
    deadline: addDays(today(), -1),
  })
  assert.equal(past.statusCode, 422)
  assert.match(plain(past.body), /Ten dzień już minął[\s\S]*?value="Szukamy partnera z Portugalii"/)
  const published = await member.post('/community/partners/requests/new', {
    title: 'Szukamy partnera z Portugalii',
    idea: 'Mentoring dla młodzieży',
    lang: 'pl',
    programme: 'esf_plus',
    seekCountries: 'PT',
    seekThemes: await themeId('labour-market'),
    deadline: addDays(today(), 14),
  })
  assert.equal(published.statusCode, 303)
  const requestPath = published.headers.location as string
  const requestPage = plain((await member.get(requestPath)).body)
  assert.match(requestPage, /Ważne do[\s\S]*?Poszukiwany partner[\s\S]*?Portugalia/)
  // The organisations that match, each saying why: a shared theme and programme weigh more than the
  // country alone.
  assert.match(
    requestPage,
    /Organizacje, które pasują[\s\S]*?Spełnia: temat, program[\s\S]*?Nie spełnia: kraj/,
  )
  assert.doesNotMatch(requestPage, /Fundacja Dobry Start<\/a> <span/)

  // Nobody makes themselves another organisation's contact person on their own profile.
  const cooperative = await db()
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', 'Spółdzielnia Socjalna „Razem”')
    .executeTakeFirstOrThrow()
  await member.post('/profile', { name: 'Hanna Krajewska', organisationId: cooperative.id, lang: 'pl' })
  assert.equal((await member.get(`/community/organisations/${cooperative.id}/edit`)).statusCode, 403)
  // Someone else may not change it; its own contact person withdraws it, and it leaves the search.
  const other = await signedIn(h.app, 'ekspert@demo.siatka.test')
  assert.equal((await other.get(`${requestPath}/edit`)).statusCode, 403)
  assert.match(
    plain((await other.get('/community/partners/requests?country=PT')).body),
    /Szukamy partnera z Portugalii/,
  )
  assert.equal((await member.post(`${requestPath}/withdraw`, {})).statusCode, 303)
  assert.doesNotMatch(
    plain((await other.get('/community/partners/requests?country=PT')).body),
    /Szukamy partnera z Portugalii/,
  )
  assert.match(plain((await other.get(requestPath)).body), /Wycofane/)
})

test('a request past its deadline leaves the search by itself and says it expired', async () => {
  const organisation = await db()
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', 'Social Economy Network Ireland')
    .executeTakeFirstOrThrow()
  const author = await givenPerson(db(), { role: 'community_member' })
  const expired = await db()
    .insertInto('community_partner_requests')
    .values({
      organisation_id: organisation.id,
      author_id: author.id,
      title: 'Expired yesterday: peer learning on care',
      idea: 'Peer learning',
      lang: 'en',
      programme: 'esf_plus',
      deadline: addDays(today(), -1),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const visitor = new Client(h.app)
  assert.doesNotMatch((await visitor.get('/community/partners/requests')).body, /Expired yesterday/)
  assert.match(plain((await visitor.get(`/community/partners/requests/${expired.id}`)).body), /Wygasło/)
})

test('a message reaches the contact people by mail and inbox; addresses stay hidden until shown; others never see it', async () => {
  const writer = await givenPerson(db(), {
    role: 'community_member',
    name: 'Oliwia Nowicka',
    email: 'oliwia.nowicka@example.pl',
  })
  const client = await signedIn(h.app, writer.email)
  const cooperative = await db()
    .selectFrom('organisations')
    .select('id')
    .where('name', '=', 'Spółdzielnia Socjalna „Razem”')
    .executeTakeFirstOrThrow()
  const refused = await client.post(`/community/organisations/${cooperative.id}/messages`, {
    subject: 'Współpraca',
    body: '',
  })
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /value="Współpraca"/)
  const sent = await client.post(`/community/organisations/${cooperative.id}/messages`, {
    subject: 'Współpraca przy zatrudnieniu wspieranym',
    body: 'Dzień dobry, chętnie dołączymy do projektu.',
  })
  assert.equal(sent.statusCode, 303)
  const threadPath = (sent.headers.location as string).split('#')[0] as string

  // The cooperative's member is told by mail, with the text and a link, but not the writer's address.
  const mail = await h.smtp.waitFor('czlonek@demo.siatka.test', /Oliwia Nowicka/)
  assert.match(mail.text, /chętnie dołączymy/)
  assert.match(mail.text, new RegExp(threadPath))
  assert.doesNotMatch(mail.text + mail.html, /oliwia\.nowicka@example\.pl/)

  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const inbox = plain((await member.get('/community/messages')).body)
  assert.match(inbox, /Współpraca przy zatrudnieniu wspieranym[\s\S]*?nowe/)
  let thread = plain((await member.get(threadPath)).body)
  assert.match(thread, /chętnie dołączymy/)
  assert.doesNotMatch(thread, /oliwia\.nowicka@example\.pl/)
  assert.equal(
    (await member.post(`${threadPath}/messages`, { body: 'Zapraszamy na rozmowę.' })).statusCode,
    303,
  )
  await h.smtp.waitFor(writer.email, /Celina Członkini/)

  // The writer shows their address; now the member sees it, and still not the member's.
  assert.equal((await client.post(`${threadPath}/reveal`, {})).statusCode, 303)
  thread = plain((await member.get(threadPath)).body)
  assert.match(thread, /Adres e-mail: oliwia\.nowicka@example\.pl/)
  assert.doesNotMatch(plain((await client.get(threadPath)).body), /czlonek@demo\.siatka\.test/)

  // Nobody outside the conversation learns of it, the secretariat included.
  for (const email of ['koordynator@demo.siatka.test', 'ekspert@demo.siatka.test'])
    assert.equal((await (await signedIn(h.app, email)).get(threadPath)).statusCode, 404)
  assert.equal(
    (await new Client(h.app).get(threadPath)).headers.location,
    `/sign-in?next=${encodeURIComponent(threadPath)}`,
  )

  // The member reports the message; the secretariat sees it in its list and marks it dealt with.
  const messageId = /name="messageId" value="([0-9a-f-]{36})"/.exec(thread)?.[1] as string
  // A report without a reason is refused beside its own field, that message's form open.
  const noReason = await member.post(`${threadPath}/report`, { messageId, reason: '' })
  assert.equal(noReason.statusCode, 422)
  assert.match(plain(noReason.body), /<details class="govuk-details" open>[\s\S]*?id="field-reason-error"/)
  assert.equal((await member.post(`${threadPath}/report`, { messageId, reason: 'Reklama' })).statusCode, 303)
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const reports = plain((await coordinator.get('/community/reports')).body)
  assert.match(reports, /chętnie dołączymy[\s\S]*?Reklama/)
  const reportAction = /action="(\/community\/reports\/[0-9a-f-]{36}\/resolve)"/.exec(reports)?.[1] as string
  assert.equal((await coordinator.post(reportAction, {})).statusCode, 303)
  assert.doesNotMatch(plain((await coordinator.get('/community/reports')).body), /Reklama/)
})
