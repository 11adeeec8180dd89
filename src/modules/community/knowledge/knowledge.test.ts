// The knowledge base: everyone reads published articles by section and language; writers (the
// secretariat, the experts) write, publish and change them, each change a version whose differences
// are shown; a save from an older form is refused with the text kept; Polish and English versions
// link to each other; readers say whether an article helped; a moderator drafts an article from a
// question's accepted answer.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Client, signedIn } from '../../../../test/support/client.ts'
import { plain } from '../../../../test/support/html.ts'
import { changesBetween } from './versions.ts'

test('the changes between two versions are the words added and removed, or none when too different to compare in time', () => {
  assert.deepEqual(
    changesBetween('Koszty podróży są kwalifikowalne.', 'Koszty podróży i noclegów są kwalifikowalne.'),
    [
      { text: 'Koszty podróży ', kind: 'same' },
      { text: 'i noclegów ', kind: 'added' },
      { text: 'są kwalifikowalne.', kind: 'same' },
    ],
  )
  // Two long texts with nothing in common: the time limit gives up rather than hold the event loop.
  const words = (seed: number) => Array.from({ length: 40_000 }, (_, i) => `w${(i * seed) % 9973}`).join(' ')
  const started = performance.now()
  const changes = changesBetween(words(7), words(13))
  // Two 25 ms limits plus splitting the words; seconds without them. Loose enough for a busy machine.
  assert.ok(performance.now() - started < 500, 'gives up in time')
  assert.ok(changes === null || changes.length > 0)
})

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const articleId = async (title: string) =>
  (
    await db()
      .selectFrom('community_articles')
      .select('id')
      .where('title', '=', title)
      .executeTakeFirstOrThrow()
  ).id

test('anyone reads the sections and a published article with its other language; a draft is the writers’ alone', async () => {
  const visitor = new Client(h.app)
  const overview = plain((await visitor.get('/community/knowledge')).body)
  assert.match(
    overview,
    /Początek współpracy ponadnarodowej[\s\S]*?3 artykuły[\s\S]*?Współpraca ponadnarodowa w EFS\+: od czego zacząć/,
  )
  assert.match(overview, /Zasady EFS[\s\S]*?2 artykuły/)
  assert.doesNotMatch(overview, /Pomoc publiczna w projektach ekonomii społecznej|Szkice/)
  const english = plain((await visitor.get('/community/knowledge?language=en')).body)
  assert.match(english, /Transnational cooperation in ESF\+: where to start/)
  assert.doesNotMatch(english, /od czego zacząć/)

  const article = plain(
    (
      await visitor.get(
        `/community/knowledge/${await articleId('Współpraca ponadnarodowa w EFS+: od czego zacząć')}`,
      )
    ).body,
  )
  assert.match(
    article,
    /<h1 class="govuk-heading-l" lang="pl">Współpraca ponadnarodowa w EFS\+: od czego zacząć<\/h1>/,
  )
  assert.match(
    article,
    /hreflang="en">Wersja w drugim języku: Transnational cooperation in ESF\+: where to start/,
  )
  assert.match(article, /Powiązane wątki forum[\s\S]*?Jak opisać podział zadań/)
  assert.match(article, /Czy ten artykuł był pomocny\?/)
  assert.doesNotMatch(article, /Zmień artykuł|Pomocny: /)

  const draft = `/community/knowledge/${await articleId('Pomoc publiczna w projektach ekonomii społecznej')}`
  assert.equal((await visitor.get(draft)).statusCode, 404)
  assert.equal((await (await signedIn(h.app, 'czlonek@demo.siatka.test')).get(draft)).statusCode, 404)
  const expert = await signedIn(h.app, 'ekspert@demo.siatka.test')
  assert.match(plain((await expert.get(draft)).body), /Szkic/)
  assert.match(plain((await expert.get('/community/knowledge')).body), /Szkice[\s\S]*?Pomoc publiczna/)
})

test('an expert writes an article, links its other language, changes it; an older form’s save is refused, its text kept', async () => {
  const expert = await signedIn(h.app, 'ekspert@demo.siatka.test')
  const refused = await expert.post('/community/knowledge/new', {
    section: 'budgeting',
    lang: 'pl',
    title: '',
    body: 'Treść',
  })
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /id="field-title-error"[\s\S]*?>Treść<\/textarea>/)

  const english = await articleId('Reporting a study visit')
  const created = await expert.post('/community/knowledge/new', {
    section: 'reporting',
    lang: 'pl',
    title: 'Sprawozdanie z wizyty studyjnej',
    body: 'Sprawozdanie mówi, kto pojechał i czego się nauczył.',
    translationId: english,
    published: 'yes',
  })
  assert.equal(created.statusCode, 303)
  const path = created.headers.location as string
  // Linked both ways.
  assert.match(
    plain((await expert.get(`/community/knowledge/${english}`)).body),
    /Wersja w drugim języku: Sprawozdanie z wizyty studyjnej/,
  )

  const form = plain((await expert.get(`${path}/edit`)).body)
  const version = /name="version" value="(\d+)"/.exec(form)?.[1]
  assert.equal(version, '1')
  const change = {
    section: 'reporting',
    lang: 'pl',
    title: 'Sprawozdanie z wizyty studyjnej',
    body: 'Sprawozdanie mówi, kto pojechał, co zobaczył i czego się nauczył.',
    translationId: english,
    published: 'yes',
    note: 'Dodano, co zobaczyli',
    version: '1',
  }
  assert.equal((await expert.post(`${path}/edit`, change)).statusCode, 303)
  // The same form sent again (opened at version 1) is refused: someone saved meanwhile.
  const stale = await expert.post(`${path}/edit`, {
    ...change,
    body: 'Inna treść z otwartego wcześniej formularza.',
  })
  assert.equal(stale.statusCode, 422)
  assert.match(
    plain(stale.body),
    /Ktoś zapisał ten artykuł w międzyczasie[\s\S]*?>Inna treść z otwartego wcześniej formularza\.<\/textarea>/,
  )

  const versions = plain((await new Client(h.app).get(`${path}/versions`)).body)
  assert.match(versions, /Wersja 2[\s\S]*?Edward Ekspert[\s\S]*?Dodano, co zobaczyli[\s\S]*?Wersja 1/)
  assert.match(
    versions,
    /Zmiany między wersją 1 a 2[\s\S]*?<ins><span class="govuk-visually-hidden">\[dodano: <\/span><span>, co zobaczył <\/span>/,
  )

  // Not a writer: a member may not.
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  assert.equal((await member.get('/community/knowledge/new')).statusCode, 403)
})

test('readers say whether an article helped: once per person signed in, counted for the writers', async () => {
  const id = await articleId('Reporting a study visit')
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  assert.equal((await member.post(`/community/knowledge/${id}/feedback`, { helpful: 'no' })).statusCode, 303)
  assert.equal((await member.post(`/community/knowledge/${id}/feedback`, { helpful: 'yes' })).statusCode, 303)
  await new Client(h.app).post(`/community/knowledge/${id}/feedback`, { helpful: 'yes' })
  const writer = plain(
    (await (await signedIn(h.app, 'koordynator@demo.siatka.test')).get(`/community/knowledge/${id}`)).body,
  )
  // The demo's two, the member's (changed to yes) and a visitor's.
  assert.match(writer, /Pomocny: 4, niepomocny: 0/)
})

test('a moderator turns a question’s accepted answer into a draft article in one step', async () => {
  const topic = await db()
    .selectFrom('community_topics')
    .select('id')
    .where('title', '=', 'Jak opisać podział zadań w umowie o współpracy ponadnarodowej?')
    .executeTakeFirstOrThrow()
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  assert.match(
    plain((await coordinator.get(`/community/topics/${topic.id}`)).body),
    /Zrób z odpowiedzi szkic artykułu/,
  )
  const made = await coordinator.post(`/community/topics/${topic.id}/article`, {})
  assert.equal(made.statusCode, 303)
  const edit = plain((await coordinator.get(made.headers.location as string)).body)
  assert.match(edit, /Utworzono szkic artykułu z zaakceptowanej odpowiedzi/)
  assert.match(edit, /value="Jak opisać podział zadań w umowie o współpracy ponadnarodowej\?"/)
  assert.match(
    edit,
    /Dobrze sprawdza się załącznik w trzech częściach[\s\S]*?Na podstawie zaakceptowanej odpowiedzi w wątku: http:\/\/localhost:3000\/community\/topics\//,
  )
  // A question without an accepted answer has none to draft from; a member may not.
  const waiting = await db()
    .selectFrom('community_topics')
    .select('id')
    .where('title', '=', 'Which language should the cooperation agreement be in?')
    .executeTakeFirstOrThrow()
  assert.equal((await coordinator.post(`/community/topics/${waiting.id}/article`, {})).statusCode, 422)
  assert.equal(
    (
      await (
        await signedIn(h.app, 'czlonek@demo.siatka.test')
      ).post(`/community/topics/${topic.id}/article`, {})
    ).statusCode,
    403,
  )
})
