// The community's forum: anyone reads the open forums; whoever is signed in starts a topic or
// replies; a question's asker (or a moderator) accepts one answer, shown under the question; a
// moderator locks a topic; bad input is refused beside the field with what was typed kept.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { plain } from '../../../test/support/html.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const forumId = async (name: string) =>
  (
    await db()
      .selectFrom('community_forums')
      .select('id')
      .where('name_pl', '=', name)
      .executeTakeFirstOrThrow()
  ).id
const topicId = async (title: string) =>
  (
    await db()
      .selectFrom('community_topics')
      .select('id')
      .where('title', '=', title)
      .executeTakeFirstOrThrow()
  ).id

test('anyone reads the forums, their topics and a question with its accepted answer under it', async () => {
  const visitor = new Client(h.app)
  const forums = plain((await visitor.get('/community')).body)
  assert.match(forums, /Współpraca ponadnarodowa/)
  assert.match(forums, /Budżet i rozliczanie projektów EFS/)
  // Counts as Polish counts them: seventeen topics, four questions waiting.
  assert.match(forums, /17 wątków[\s\S]*?bez odpowiedzi: 4/)

  const forum = await forumId('Współpraca ponadnarodowa')
  const list = plain((await visitor.get(`/community/forums/${forum}`)).body)
  assert.match(list, /Which language should the cooperation agreement be in\?[\s\S]*?Czeka na odpowiedź/)
  assert.match(list, /Jak opisać podział zadań[\s\S]*?Z odpowiedzią/)
  // A visitor is asked to sign in to write, and given no form.
  assert.match(list, /Zaloguj się, aby założyć wątek lub odpowiedzieć\./)
  assert.doesNotMatch(list, /action="\/community\/forums\/[^"]+\/topics"/)
  // Only the questions waiting, only in English.
  const waiting = plain((await visitor.get(`/community/forums/${forum}?show=unanswered&language=en`)).body)
  assert.match(waiting, /Which language should the cooperation agreement be in\?/)
  assert.doesNotMatch(waiting, /Looking for a Polish partner|Jak opisać podział zadań/)

  const question = await topicId('Jak opisać podział zadań w umowie o współpracy ponadnarodowej?')
  const page = plain((await visitor.get(`/community/topics/${question}`)).body)
  // The accepted answer right under the question, then every post in order.
  assert.match(
    page,
    /<h1 class="govuk-heading-l" lang="pl">Jak opisać[\s\S]*?Zaakceptowana odpowiedź[\s\S]*?Edward Ekspert[\s\S]*?Paweł Projektowy[\s\S]*?Magdalena Wiśniewska[\s\S]*?Edward Ekspert[\s\S]*?Ta odpowiedź rozwiązała problem[\s\S]*?Paweł Projektowy/,
  )
  assert.match(page, /<ol class="govuk-list govuk-list--number">/)
  assert.doesNotMatch(page, /Zaakceptuj tę odpowiedź/)
  // The expert's name leads to their profile: what they show, and their answers, the accepted marked.
  const expert = /href="(\/community\/people\/[0-9a-f-]{36})">Edward Ekspert/.exec(page)?.[1] as string
  const profile = plain((await visitor.get(expert)).body)
  assert.match(profile, /Obszary wiedzy i doświadczenia[\s\S]*?Kwalifikowalność wydatków EFS/)
  assert.match(profile, /Jak opisać podział zadań[\s\S]*?Zaakceptowana/)
  assert.equal((await visitor.get('/community/topics/00000000-0000-4000-8000-000000000000')).statusCode, 404)
  assert.equal((await visitor.get('/community/forums/nie-ma')).statusCode, 404)
})

test('a member asks a question; bad input is refused beside the field, typed values kept', async () => {
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const forum = await forumId('Budżet i rozliczanie projektów EFS')
  const refused = await member.post(`/community/forums/${forum}/topics`, {
    title: '',
    lang: 'xx',
    isQuestion: 'yes',
    body: 'Czy wkład własny może być niepieniężny?',
  })
  assert.equal(refused.statusCode, 422)
  const html = plain(refused.body)
  assert.match(html, /id="field-title-error"[\s\S]*?To pole jest wymagane/)
  assert.match(html, /id="field-lang-error"/)
  assert.match(html, /Czy wkład własny może być niepieniężny\?<\/textarea>/)
  assert.match(html, /name="isQuestion" type="checkbox" value="yes" checked/)

  const created = await member.post(`/community/forums/${forum}/topics`, {
    title: 'Wkład własny w formie niepieniężnej',
    lang: 'pl',
    isQuestion: 'yes',
    body: 'Czy wkład własny może być **niepieniężny**, np. udostępnienie sali?',
  })
  assert.equal(created.statusCode, 303)
  const id = await topicId('Wkład własny w formie niepieniężnej')
  assert.equal(created.headers.location, `/community/topics/${id}`)
  // First in its forum (the latest activity) and among the questions waiting.
  const list = plain((await member.get(`/community/forums/${forum}?show=unanswered`)).body)
  assert.match(list, /Wkład własny w formie niepieniężnej[\s\S]*?Czeka na odpowiedź/)
  const page = (await member.get(`/community/topics/${id}`)).body
  assert.match(page, /Czy wkład własny może być <strong>niepieniężny<\/strong>/)
  const audit = await db().selectFrom('audit_log').select('action').where('subject_id', '=', id).execute()
  assert.deepEqual(
    audit.map((a) => a.action),
    ['community.topic-created'],
  )
})

test('the asker accepts an answer; nobody else but a moderator may; a question is no answer to itself', async () => {
  const asker = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const expert = await signedIn(h.app, 'ekspert@demo.siatka.test')
  const other = await signedIn(h.app, 'przewodniczacy@demo.siatka.test')
  const forum = await forumId('Budżet i rozliczanie projektów EFS')
  await asker.post(`/community/forums/${forum}/topics`, {
    title: 'Amortyzacja sprzętu w projekcie',
    lang: 'pl',
    isQuestion: 'yes',
    body: 'Czy odpisy amortyzacyjne laptopów są kosztem kwalifikowalnym?',
  })
  const id = await topicId('Amortyzacja sprzętu w projekcie')
  const replied = await expert.post(`/community/topics/${id}/posts`, {
    body: 'Tak, w części odpowiadającej okresowi użycia sprzętu w projekcie.',
  })
  assert.equal(replied.statusCode, 303)
  const posts = await db()
    .selectFrom('community_posts')
    .select('id')
    .where('topic_id', '=', id)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const [question, answer] = posts.map((p) => p.id)
  assert.equal(replied.headers.location, `/community/topics/${id}#post-${answer}`)

  // Another member sees no button and is refused; the question itself is no answer; nor is a post of another topic.
  assert.doesNotMatch((await other.get(`/community/topics/${id}`)).body, /Zaakceptuj tę odpowiedź/)
  assert.equal((await other.post(`/community/topics/${id}/accept`, { postId: answer })).statusCode, 403)
  const itself = await asker.post(`/community/topics/${id}/accept`, { postId: question })
  assert.equal(itself.statusCode, 422)
  assert.match(plain(itself.body), /Pytanie nie może być odpowiedzią na samo siebie/)
  const elsewhere = await db()
    .selectFrom('community_posts')
    .select('id')
    .where('topic_id', '!=', id)
    .executeTakeFirstOrThrow()
  const foreign = await asker.post(`/community/topics/${id}/accept`, { postId: elsewhere.id })
  assert.match(plain(foreign.body), /Można zaakceptować tylko odpowiedź z tego wątku/)

  assert.match((await asker.get(`/community/topics/${id}`)).body, /Zaakceptuj tę odpowiedź/)
  const accepted = await asker.post(`/community/topics/${id}/accept`, { postId: answer })
  assert.equal(accepted.statusCode, 303)
  const page = plain((await asker.get(`/community/topics/${id}`)).body)
  assert.match(page, /Zaakceptowano odpowiedź\./)
  assert.match(page, /Zaakceptowana odpowiedź[\s\S]*?Edward Ekspert[\s\S]*?w części odpowiadającej/)
  // A moderator may change the accepted answer too.
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  await coordinator.post(`/community/topics/${id}/posts`, { body: 'Uzupełnienie: zgodnie z wytycznymi.' })
  const third = await db()
    .selectFrom('community_posts')
    .select('id')
    .where('topic_id', '=', id)
    .where('body', 'like', 'Uzupełnienie%')
    .executeTakeFirstOrThrow()
  assert.equal(
    (await coordinator.post(`/community/topics/${id}/accept`, { postId: third.id })).statusCode,
    303,
  )
  const topic = await db()
    .selectFrom('community_topics')
    .select(['accepted_post_id', 'post_count'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  assert.deepEqual(topic, { accepted_post_id: third.id, post_count: 3 })
})

test('a locked topic takes no reply but a moderator’s; the reply typed is kept with the reason', async () => {
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const id = await topicId('Klauzule społeczne w zamówieniach gminy – doświadczenia')
  assert.equal((await member.post(`/community/topics/${id}/lock`, { locked: 'yes' })).statusCode, 403)
  const locked = await coordinator.post(`/community/topics/${id}/lock`, { locked: 'yes' })
  assert.equal(locked.statusCode, 303)
  const page = plain((await member.get(`/community/topics/${id}`)).body)
  assert.match(page, /Wątek jest zamknięty: nie można w nim odpowiadać\./)
  assert.doesNotMatch(page, /action="\/community\/topics\/[^"]+\/posts"/)
  // A reply written before the lock is refused beside the field, its text kept.
  const late = await member.post(`/community/topics/${id}/posts`, { body: 'U nas też działa to dobrze.' })
  assert.equal(late.statusCode, 422)
  assert.match(plain(late.body), /id="field-body-error"[\s\S]*?Wątek został zamknięty/)
  assert.match(plain(late.body), /U nas też działa to dobrze\.<\/textarea>/)
  assert.equal(
    (await coordinator.post(`/community/topics/${id}/posts`, { body: 'Podsumowanie moderatora.' }))
      .statusCode,
    303,
  )
  assert.equal((await coordinator.post(`/community/topics/${id}/lock`, { locked: 'no' })).statusCode, 303)
  assert.equal((await member.post(`/community/topics/${id}/posts`, { body: 'Teraz można.' })).statusCode, 303)
  const actions = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', id)
    .orderBy('at')
    .execute()
  assert.deepEqual(
    actions.map((a) => a.action),
    ['community.topic-locked', 'community.topic-unlocked'],
  )
})

test('markup and script in a post are shown as text or dropped, never run', async () => {
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const id = await topicId('Looking for a Polish partner for a youth employment pilot')
  for (const body of [
    '<script>alert(1)</script>',
    '[kliknij](javascript:alert(1))',
    '<img src=x onerror=alert(1)>',
    '| a | b |\n|---|---|\n| <b>x</b> | 2 |',
  ])
    assert.equal((await member.post(`/community/topics/${id}/posts`, { body })).statusCode, 303)
  const page = (await member.get(`/community/topics/${id}`)).body
  assert.doesNotMatch(page, /<script>alert|href="javascript:|<img\b/)
  assert.match(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
  assert.match(page, /<table class="govuk-table">/)
})

test('a long topic pages by 50 posts; a reply lands on the page that shows it', async () => {
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const id = await topicId('Which language should the cooperation agreement be in?')
  const author = (
    await db()
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'ekspert@demo.siatka.test')
      .executeTakeFirstOrThrow()
  ).id
  const start = Date.now() - 70 * 60_000
  await db()
    .insertInto('community_posts')
    .values(
      Array.from({ length: 59 }, (_, i) => ({
        topic_id: id,
        author_id: author,
        body: `Odpowiedź numer ${i + 2}.`,
        created_at: new Date(start + i * 60_000),
      })),
    )
    .execute()
  await db().updateTable('community_topics').set({ post_count: 60 }).where('id', '=', id).execute()
  const first = plain((await member.get(`/community/topics/${id}`)).body)
  assert.equal((first.match(/<article /g) ?? []).length, 50)
  const next = /href="(\/community\/topics\/[^"]+\?after=[^"]+)" rel="next"/.exec(first)?.[1]
  assert.ok(next, 'a link to the next posts')
  const second = plain((await member.get(next.replace(/&amp;/g, '&'))).body)
  assert.equal((second.match(/<article /g) ?? []).length, 10)
  assert.match(second, /Odpowiedź numer 60\./)
  assert.doesNotMatch(second, /Odpowiedź numer 50\./)

  const replied = await member.post(`/community/topics/${id}/posts`, {
    body: 'Tłumaczenie przysięgłe wystarczy.',
  })
  const to = replied.headers.location as string
  assert.match(to, /\?after=.+#post-/)
  const landing = plain((await member.get(to.split('#')[0] as string)).body)
  assert.match(landing, /Tłumaczenie przysięgłe wystarczy\./)
})

test('the secretariat creates a forum; a member may not', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const form = {
    namePl: 'Innowacje społeczne',
    nameEn: 'Social innovation',
    descriptionPl: 'Testowanie i upowszechnianie nowych rozwiązań.',
    descriptionEn: '',
  }
  assert.equal((await member.post('/community/forums', form)).statusCode, 403)
  const refused = await coordinator.post('/community/forums', { ...form, nameEn: '' })
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /id="field-nameEn-error"/)
  assert.match(plain(refused.body), /name="namePl" type="text" value="Innowacje społeczne"/)
  const created = await coordinator.post('/community/forums', form)
  assert.equal(created.statusCode, 303)
  const id = await forumId('Innowacje społeczne')
  assert.equal(created.headers.location, `/community/forums/${id}`)
  // In English, the English name; with no English description, the Polish one.
  await member.get('/preferences?lang=en&back=/')
  const english = plain((await member.get('/community')).body)
  assert.match(english, /Social innovation[\s\S]*?Testowanie i upowszechnianie nowych rozwiązań\./)
})

test('the search finds words in titles and posts with or without Polish letters, and a misspelt title', async () => {
  const visitor = new Client(h.app)
  const search = async (query: string) => plain((await visitor.get(`/community/search?${query}`)).body)
  // "tłumaczenie" is in a post of the question on simultaneous interpreting.
  let found = await search('q=tlumaczenie')
  assert.match(found, /Czy koszty tłumaczeń symultanicznych są kwalifikowalne\?/)
  assert.match(found, /Budżet i rozliczanie projektów EFS · Celina Członkini/)
  // A title with a word misspelt.
  found = await search(`q=${encodeURIComponent('klauzle spoleczne')}`)
  assert.match(found, /Klauzule społeczne w zamówieniach gminy – doświadczenia/)
  // Kept to English, to questions still waiting.
  found = await search('q=agreement&language=en&answered=no')
  assert.match(found, /Which language should the cooperation agreement be in\?/)
  assert.doesNotMatch(found, /Jak opisać podział zadań/)
  found = await search('q=agreement&language=pl')
  assert.match(found, /Nie znaleziono wątków z tymi słowami/)
  // Only the form without words; no page beyond the fiftieth.
  assert.doesNotMatch(await search(''), /Znalezione wątki|Nie znaleziono/)
  assert.equal((await visitor.get('/community/search?q=umowa&page=51')).statusCode, 404)
})

test('a member says what they know and chooses what others see; experts are listed with their accepted answers', async () => {
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const refused = await member.post('/community/profile', {
    country: 'XX',
    organisation: 'Spółdzielnia Socjalna „Razem”',
    languages: ['pl', 'en'],
    expertise: 'Spółdzielnie socjalne',
    availability: '',
    bio: 'Prezeska spółdzielni.',
    shown: ['organisation', 'expertise'],
  })
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /id="field-country-error"/)
  assert.match(plain(refused.body), /name="organisation" type="text" value="Spółdzielnia Socjalna „Razem”"/)
  assert.match(refused.body, /name="shown" type="checkbox" value="expertise" checked/)
  const saved = await member.post('/community/profile', {
    country: 'PL',
    organisation: 'Spółdzielnia Socjalna „Razem”',
    languages: ['pl', 'en'],
    expertise: 'Spółdzielnie socjalne',
    availability: '',
    bio: 'Prezeska spółdzielni.',
    shown: ['organisation', 'expertise', 'languages'],
  })
  assert.equal(saved.statusCode, 303)
  const id = (
    await db()
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'czlonek@demo.siatka.test')
      .executeTakeFirstOrThrow()
  ).id
  assert.equal(saved.headers.location, `/community/people/${id}`)
  // Others see the parts shown, not the country or the bio.
  const seen = plain((await new Client(h.app).get(`/community/people/${id}`)).body)
  assert.match(seen, /Spółdzielnia Socjalna „Razem”/)
  assert.match(seen, /polski, angielski/)
  assert.doesNotMatch(seen, /Prezeska spółdzielni|Polska/)

  const experts = plain((await new Client(h.app).get('/community/experts')).body)
  assert.match(
    experts,
    /Edward Ekspert[\s\S]*?Kwalifikowalność wydatków EFS[\s\S]*?niemiecki[\s\S]*?14 zaakceptowanych odpowiedzi/,
  )
  const expert = /href="(\/community\/people\/[0-9a-f-]{36})">Edward Ekspert/.exec(experts)?.[1] as string
  // Their answers, newest first (the long topic's, added above), twenty a page.
  const answers = plain((await new Client(h.app).get(expert)).body)
  assert.match(
    answers,
    /Odpowiedzi na pytania innych[\s\S]*?Which language should the cooperation agreement be in\?/,
  )
  assert.match(answers, /rel="next">Starsze odpowiedzi</)
  assert.equal((await new Client(h.app).get('/community/profile')).statusCode, 303)
})

test('the forum’s Atom and RSS feeds hold its topics and the questions waiting, never a topic held for a moderator', async () => {
  const visitor = new Client(h.app)
  const forum = await forumId('Współpraca ponadnarodowa')
  const atom = await visitor.get(`/community/forums/${forum}/feed.atom`)
  assert.equal(atom.statusCode, 200)
  assert.match(String(atom.headers['content-type']), /^application\/atom\+xml/)
  assert.match(
    atom.body,
    /^<\?xml version="1\.0" encoding="utf-8"\?>\s*<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/,
  )
  assert.match(
    atom.body,
    /<title type="html"><!\[CDATA\[Which language should the cooperation agreement be in\?\]\]><\/title>|<title[^>]*>Which language should the cooperation agreement be in\?<\/title>/,
  )
  assert.match(atom.body, /<link href="http:\/\/localhost:3000\/community\/topics\/[0-9a-f-]{36}"/)
  // The newcomer's topic waiting for approval is in no feed.
  assert.doesNotMatch(atom.body, /youth exchange in Vienna/)
  const rss = await visitor.get('/community/unanswered.rss')
  assert.match(String(rss.headers['content-type']), /^application\/rss\+xml/)
  assert.match(rss.body, /<rss version="2\.0"/)
  assert.match(rss.body, /Which language should the cooperation agreement be in\?/)
  assert.doesNotMatch(rss.body, /Jak opisać podział zadań|youth exchange in Vienna/)
  assert.equal(
    (await visitor.get('/community/forums/00000000-0000-4000-8000-000000000000/feed.atom')).statusCode,
    404,
  )
})

test('a member who reads the community in English sees English topics first, and can ask for both', async () => {
  const person = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const saved = await person.post('/community/profile', { reads: 'en', languages: ['pl', 'en'] })
  assert.equal(saved.statusCode, 303)
  const forum = await forumId('Współpraca ponadnarodowa')
  const english = plain((await person.get(`/community/forums/${forum}`)).body)
  assert.match(english, /Which language should the cooperation agreement be in\?/)
  assert.doesNotMatch(english, /Jak opisać podział zadań/)
  assert.match(english, /<option value="en" selected>/)
  const both = plain((await person.get(`/community/forums/${forum}?language=all`)).body)
  assert.match(both, /Jak opisać podział zadań/)
  // The knowledge base starts in English too.
  assert.doesNotMatch(plain((await person.get('/community/knowledge')).body), /od czego zacząć/)
})

test('a title with markup or a CDATA end stays text in the feeds', async () => {
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const forum = await forumId('Ekonomia społeczna')
  await member.post(`/community/forums/${forum}/topics`, {
    title: 'a]]>b]]><link href="javascript:alert(1)"/> <b>x</b>',
    lang: 'pl',
    body: 'Treść ]]> <script>alert(1)</script>',
  })
  const atom = (await new Client(h.app).get(`/community/forums/${forum}/feed.atom`)).body
  assert.match(
    atom,
    /a\]\]&gt;b\]\]&gt;&lt;link href=&quot;javascript:alert\(1\)&quot;\/&gt; &lt;b&gt;x&lt;\/b&gt;/,
  )
  assert.doesNotMatch(atom, /<link href="javascript|<script>|<b>x/)
})
