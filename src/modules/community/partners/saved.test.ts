// Saved partner searches: a person keeps a search from its page, lists and removes their searches;
// the weekly round tells each person of what came in since that their search finds (best match
// first, their own organisation never), mails it with a one-click stop, and tells nothing twice.
// Expectations written by hand from the demo and the organisations made here.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { signedIn } from '../../../../test/support/client.ts'
import { personIdOf } from '../../../../test/support/given.ts'
import { plain } from '../../../../test/support/html.ts'
import { addDays, today } from '../../../kernel/dates.ts'
import { tellNewMatches } from './saved.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const personOf = (email: string) => personIdOf(db(), email)
const themeOf = async (code: string) =>
  (await db().selectFrom('project_themes').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id
const toldOf = async (personId: string) =>
  db()
    .selectFrom('notifications')
    .select(['params', 'link', 'delivery', 'stop'])
    .where('person_id', '=', personId)
    .where('kind', '=', 'communityPartnerSearch')
    .orderBy('created_at')
    .execute()

/** An organisation that joins the partner search now. */
async function givenProfile(name: string, country: string, themes: string[], languages: string[]) {
  const org = await db()
    .insertInto('organisations')
    .values({ name, type: 'ngo', country, updated_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db()
    .insertInto('community_organisations')
    .values({ organisation_id: org.id, themes, languages, programmes: ['esf_plus'] })
    .execute()
  return org.id
}

test('a person saves the search they see, finds it in their list, saves it once, and removes it', async () => {
  const member = await signedIn(h.app, 'przewodniczacy@demo.siatka.test')
  const page = plain(
    (await member.get('/community/partners/requests?country=IE&programme=esf_plus&q=zatrudnieniu')).body,
  )
  assert.match(page, /<form method="post" action="\/community\/partners\/saved"/)
  assert.match(page, /<input type="hidden" name="target" value="requests"/)
  // The same search in another order of its boxes is the same search.
  const sent = { target: 'requests', q: 'zatrudnieniu', country: 'IE', programme: 'esf_plus' }
  const saved = await member.post('/community/partners/saved', sent)
  assert.equal(saved.statusCode, 303)
  assert.equal(saved.headers.location, '/community/partners/saved')
  const list = plain((await member.get('/community/partners/saved')).body)
  assert.match(list, /Zapisano wyszukiwanie\. O nowych wynikach powiadomimy Cię raz w tygodniu\./)
  assert.match(
    list,
    /Ogłoszenia: <span>„zatrudnieniu” · Kraj: Irlandia · Program: Europejski Fundusz Społeczny Plus \(EFS\+\)<\/span>/,
  )
  assert.match(
    list,
    /href="\/community\/partners\/requests\?q=zatrudnieniu&country=IE&programme=esf_plus">Pokaż wyniki/,
  )
  const again = await member.post('/community/partners/saved', sent)
  assert.equal(again.statusCode, 303)
  assert.match(
    plain((await member.get('/community/partners/saved')).body),
    /To wyszukiwanie było już zapisane\./,
  )
  const rows = await db()
    .selectFrom('community_saved_searches')
    .select('id')
    .where('person_id', '=', await personOf('przewodniczacy@demo.siatka.test'))
    .execute()
  assert.equal(rows.length, 1)
  const id = rows[0]?.id as string

  // Someone else cannot remove it; its owner can.
  const other = await signedIn(h.app, 'projekt@demo.siatka.test')
  assert.equal((await other.post(`/community/partners/saved/${id}/remove`, {})).statusCode, 404)
  assert.doesNotMatch(plain((await other.get('/community/partners/saved')).body), /zatrudnieniu/)
  assert.equal((await member.post(`/community/partners/saved/${id}/remove`, {})).statusCode, 303)
  const after = plain((await member.get('/community/partners/saved')).body)
  assert.match(after, /Usunięto zapisane wyszukiwanie\./)
  assert.match(after, /Nie masz zapisanych wyszukiwań\./)
})

test('at most ten saved searches: the eleventh is refused with a message, the ten kept', async () => {
  const person = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const countries = ['AT', 'BE', 'CZ', 'DE', 'DK', 'ES', 'FI', 'FR', 'IE', 'IT', 'LT']
  for (const country of countries.slice(0, 10))
    assert.equal(
      (await person.post('/community/partners/saved', { target: 'organisations', country })).statusCode,
      303,
    )
  const refused = await person.post('/community/partners/saved', { target: 'organisations', country: 'LT' })
  assert.equal(refused.statusCode, 422)
  assert.match(
    plain(refused.body),
    /Możesz mieć najwyżej 10 zapisanych wyszukiwań\. Usuń jedno z nich, by zapisać nowe/,
  )
  assert.equal((plain(refused.body).match(/Pokaż wyniki/g) ?? []).length, 10)
  // A search already kept is still answered as kept, not refused.
  assert.equal(
    (await person.post('/community/partners/saved', { target: 'organisations', country: 'AT' })).statusCode,
    303,
  )
})

test('the weekly round tells of new matches once, best first, never one’s own organisation, by mail with a one-click stop', async () => {
  const socialEconomy = await themeOf('social-economy')
  const skills = await themeOf('skills')
  // A searcher whose organisation joins the search too (it must not be offered to itself).
  const own = await givenProfile('Fundacja Sąsiedzka w Olsztynie', 'PL', [socialEconomy], ['pl', 'en'])
  const searcher = await db()
    .insertInto('people')
    .values({
      email: 'szukajaca@example.pl',
      name: 'Zofia Szukająca',
      role: 'community_member',
      organisation_id: own,
      lang: 'pl',
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // Its last round a moment ago: what the demo added in the week before is not new to it.
  const lastRound = new Date(Date.now() - 1000)
  await db()
    .insertInto('community_saved_searches')
    .values({
      person_id: searcher.id,
      target: 'organisations',
      query: JSON.stringify({
        q: '',
        theme: [socialEconomy],
        kind: [],
        country: ['DE'],
        language: [],
        programme: [],
        region: '',
        request: null,
      }),
      checked_at: lastRound,
    })
    .execute()
  // New since: one meeting both, one the theme only, one neither; an old one is not new.
  const leipzig = await givenProfile('Sozialwerk Leipzig e.V.', 'DE', [socialEconomy], ['de'])
  await givenProfile('Cooperativa Sociale Bologna', 'IT', [socialEconomy], ['it'])
  await givenProfile('Bildungswerk Köln', 'DE', [skills], ['de'])
  await givenProfile('Fundación Empleo Sevilla', 'ES', [skills], ['es'])
  // A second search, over requests, by words: found in a new request's title or its organisation's name.
  await db()
    .insertInto('community_saved_searches')
    .values({
      person_id: searcher.id,
      target: 'requests',
      query: JSON.stringify({
        q: 'mentoring',
        theme: [],
        kind: [],
        country: [],
        language: [],
        programme: [],
        region: '',
        request: null,
      }),
      words_folded: 'mentoring',
      checked_at: lastRound,
    })
    .execute()
  const hub = await givenProfile('Youth Mentoring Hub Cork', 'IE', [skills], ['en'])
  const request = (title: string, organisation = leipzig) => ({
    organisation_id: organisation,
    author_id: searcher.id,
    title,
    idea: 'Projekt na dwa lata.',
    lang: 'pl',
    programme: 'esf_plus',
    deadline: addDays(today(), 30),
  })
  await db()
    .insertInto('community_partner_requests')
    .values([
      request('Mentoring für junge Arbeitsuchende'),
      request('Youth exchange partner wanted', hub),
      request('Job coaching in Saxony'),
    ])
    .execute()

  await tellNewMatches(db(), today())
  const byWords = (await toldOf(searcher.id)).filter((n) => n.link.startsWith('/community/partners/requests'))
  assert.equal(byWords.length, 1)
  assert.equal(byWords[0]?.params.count, '2')
  assert.equal(byWords[0]?.link, '/community/partners/requests?q=mentoring')
  const told = (await toldOf(searcher.id)).filter((n) => !n.link.startsWith('/community/partners/requests'))
  assert.equal(told.length, 1)
  assert.equal(told[0]?.params.count, '3')
  assert.equal(
    told[0]?.params.names,
    'Sozialwerk Leipzig e.V., Cooperativa Sociale Bologna, Bildungswerk Köln',
  )
  assert.match(told[0]?.link ?? '', /^\/community\/partners\?theme=[0-9a-f-]{36}&country=DE$/)
  assert.equal(told[0]?.delivery, 'immediate')
  assert.match(told[0]?.stop ?? '', /^search:[0-9a-f-]{36}$/)

  const mail = await h.smtp.waitFor('szukajaca@example.pl', /Kraj: Niemcy/)
  assert.match(
    mail.subject,
    /Nowe wyniki zapisanego wyszukiwania partnerów \(3\): Sozialwerk Leipzig e\.V\., Cooperativa Sociale Bologna, Bildungswerk Köln\. Wyszukiwanie: Tematy: Ekonomia społeczna · Kraj: Niemcy/,
  )
  const unsubscribe = /<http:\/\/localhost:3000(\/unsubscribe\/[A-Za-z0-9_-]+)>/.exec(
    mail.raw.toString('utf8'),
  )?.[1]
  assert.ok(unsubscribe, 'a one-click address')

  // The next round finds nothing new and tells nothing.
  await tellNewMatches(db(), addDays(today(), 7), new Date(Date.now() + 7 * 86_400_000))
  assert.equal((await toldOf(searcher.id)).length, 2)

  // The one click removes the saved search.
  const page = plain((await h.app.inject({ url: unsubscribe })).body)
  assert.match(page, /zapisane wyszukiwanie partnerów \(Tematy: Ekonomia społeczna · Kraj: Niemcy\)/)
  await h.app.inject({
    method: 'POST',
    url: unsubscribe,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  })
  const left = await db()
    .selectFrom('community_saved_searches')
    .select('id')
    .where('person_id', '=', searcher.id)
    .where('target', '=', 'organisations')
    .execute()
  assert.deepEqual(left, [])
})
