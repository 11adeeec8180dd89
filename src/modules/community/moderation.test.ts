// The forum's moderation: which posts wait for a moderator and why, a flood refused, the queue of
// posts waiting and flagged, hiding and showing a post, pinning, moving and merging topics.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { givenPerson } from '../../../test/support/given.ts'
import { plain } from '../../../test/support/html.ts'
import { countLinks, holdReason, isFlood, linkLimit, postsPerWindow } from './rules.ts'

test('a self-joined person’s first post waits, as does a post with many links; a moderator’s never', () => {
  const known = { moderator: false, selfJoined: false, publishedBefore: false, links: 0 }
  assert.equal(holdReason(known), null)
  assert.equal(holdReason({ ...known, selfJoined: true }), 'first_post')
  assert.equal(holdReason({ ...known, selfJoined: true, publishedBefore: true }), null)
  assert.equal(holdReason({ ...known, links: linkLimit }), null)
  assert.equal(holdReason({ ...known, links: linkLimit + 1 }), 'links')
  assert.equal(holdReason({ moderator: true, selfJoined: true, publishedBefore: false, links: 50 }), null)
  assert.equal(
    countLinks('[strona](https://a.example/x) i https://b.example oraz www.c.example, www.c.example'),
    4,
  )
  assert.equal(countLinks('bez odnośników, https:/ nie'), 0)
  assert.equal(isFlood({ moderator: false, recent: postsPerWindow - 1 }), false)
  assert.equal(isFlood({ moderator: false, recent: postsPerWindow }), true)
  assert.equal(isFlood({ moderator: true, recent: 100 }), false)
})

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

test('a new member’s first topic waits for a moderator: only they see it, until a moderator approves it', async () => {
  const person = await givenPerson(db(), { role: 'community_member', name: 'Weronika Sadowska' })
  const member = await signedIn(h.app, person.email)
  const forum = await forumId('Budżet i rozliczanie projektów EFS')
  const sent = await member.post(`/community/forums/${forum}/topics`, {
    title: 'Czy opłata za salę w Wiedniu jest kwalifikowalna?',
    lang: 'pl',
    body: 'Pytam w imieniu stowarzyszenia.',
  })
  assert.equal(sent.statusCode, 303)
  const path = sent.headers.location as string
  const own = plain((await member.get(path)).body)
  assert.match(own, /Zapisano wątek\. Zobaczą go inni, gdy moderator zatwierdzi pierwszy wpis\./)
  assert.match(own, /Czeka na zatwierdzenie[\s\S]*?Twój wpis zobaczą inni, gdy zatwierdzi go moderator/)
  // Nobody else finds it: not by its address, not in the forum, not in the search.
  const visitor = new Client(h.app)
  assert.equal((await visitor.get(path)).statusCode, 404)
  const other = await signedIn(h.app, 'ekspert@demo.siatka.test')
  assert.equal((await other.get(path)).statusCode, 404)
  assert.doesNotMatch((await visitor.get(`/community/forums/${forum}`)).body, /salę w Wiedniu/)
  assert.doesNotMatch((await visitor.get('/community/search?q=sale+w+wiedniu')).body, /salę w Wiedniu/)

  // She adds a word in her own topic, held too; approving that reply first publishes nothing.
  assert.equal(
    (await member.post(`${path}/posts`, { body: 'Dodam, że chodzi o salę konferencyjną.' })).statusCode,
    303,
  )
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const addedId = (
    await db()
      .selectFrom('community_posts')
      .select('id')
      .where('body', '=', 'Dodam, że chodzi o salę konferencyjną.')
      .executeTakeFirstOrThrow()
  ).id
  assert.equal((await coordinator.post(`/community/posts/${addedId}/approve`, {})).statusCode, 303)
  assert.equal((await visitor.get(path)).statusCode, 404)
  const queue = plain((await coordinator.get('/community/moderation')).body)
  assert.match(
    queue,
    /Weronika Sadowska[\s\S]*?Czy opłata za salę w Wiedniu[\s\S]*?Czeka, bo: pierwszy wpis nowej osoby/,
  )
  const approve = /Weronika Sadowska[\s\S]*?action="(\/community\/posts\/[0-9a-f-]{36}\/approve)"/.exec(
    queue,
  )?.[1] as string
  assert.equal(
    (await coordinator.post(approve, { back: '/community/moderation' })).headers.location,
    '/community/moderation',
  )
  assert.equal((await visitor.get(path)).statusCode, 200)
  // Both her posts count now.
  assert.match(plain((await visitor.get(`/community/forums/${forum}`)).body), /salę w Wiedniu[\s\S]*?>2</)

  // Known now: the next post is published at once.
  const reply = await member.post(`${path}/posts`, { body: 'Dziękuję za odpowiedzi.' })
  assert.match(plain((await member.get(reply.headers.location as string)).body), /Dodano odpowiedź\./)
})

test('a post with many links waits; a flood is refused beside the text, which is kept', async () => {
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const forum = await forumId('Budżet i rozliczanie projektów EFS')
  const topic = await member.post(`/community/forums/${forum}/topics`, {
    title: 'Wątek do testu szybkości',
    lang: 'pl',
    body: 'Pierwszy wpis.',
  })
  const path = topic.headers.location as string
  const links = Array.from({ length: 50 }, (_, i) => `https://spam${i}.example`).join(' ')
  const spam = await member.post(`${path}/posts`, { body: links })
  assert.match(
    plain((await member.get(spam.headers.location as string)).body),
    /Zobaczą ją inni, gdy zatwierdzi ją moderator/,
  )
  assert.doesNotMatch((await new Client(h.app).get(path)).body, /spam0\.example/)
  // Rejected, it is not shown again: it never was published.
  const spamId = (
    await db().selectFrom('community_posts').select('id').where('body', '=', links).executeTakeFirstOrThrow()
  ).id
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  await coordinator.post(`/community/posts/${spamId}/hide`, {})
  await coordinator.post(`/community/posts/${spamId}/show`, {})
  assert.doesNotMatch((await new Client(h.app).get(path)).body, /spam0\.example/)
  // The window holds ten posts: the topic's, the held one and eight more; the next is refused.
  for (let i = 0; i < 8; i++)
    assert.equal((await member.post(`${path}/posts`, { body: `Wpis ${i}` })).statusCode, 303)
  const refused = await member.post(`${path}/posts`, { body: 'Jeszcze jeden wpis' })
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /Za dużo wpisów w krótkim czasie[\s\S]*?>Jeszcze jeden wpis<\/textarea>/)
})

test('a reader flags a post; a moderator hides it and shows it again; the flag leaves the queue', async () => {
  const topic = await db()
    .selectFrom('community_topics')
    .select('id')
    .where('title', '=', 'Jak opisać podział zadań w umowie o współpracy ponadnarodowej?')
    .executeTakeFirstOrThrow()
  const path = `/community/topics/${topic.id}`
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const page = plain((await member.get(path)).body)
  // Each post (not the member's own) has a link to report it, on a page of its own.
  const link =
    /href="(\/community\/posts\/([0-9a-f-]{36})\/flag)">Zgłoś<span class="govuk-visually-hidden"> \(wpis: Magdalena Wiśniewska/.exec(
      page,
    )
  const [action, postId] = [link?.[1] as string, link?.[2] as string]
  const form = plain((await member.get(action)).body)
  assert.match(form, /<h1 class="govuk-heading-l">Zgłoś wpis moderatorom<\/h1>[\s\S]*?Magdalena Wiśniewska/)
  // Without a reason: refused beside the field.
  const empty = await member.post(action, { reason: '' })
  assert.equal(empty.statusCode, 422)
  assert.match(plain(empty.body), /id="field-reason-error"/)
  assert.equal((await member.post(action, { reason: 'Obraźliwe słowa' })).statusCode, 303)

  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const queue = plain((await coordinator.get('/community/moderation')).body)
  assert.match(queue, /Zgłasza Celina Członkini: Obraźliwe słowa/)
  assert.equal(
    (await coordinator.post(`/community/posts/${postId}/hide`, { back: '/community/moderation' })).statusCode,
    303,
  )
  assert.doesNotMatch(plain((await coordinator.get('/community/moderation')).body), /Obraźliwe słowa/)
  // Readers see that a moderator hid it; the moderator still reads it, and shows it again.
  const body = (
    await db().selectFrom('community_posts').select('body').where('id', '=', postId).executeTakeFirstOrThrow()
  ).body
  const hidden = plain((await new Client(h.app).get(path)).body)
  assert.match(hidden, new RegExp(`id="post-${postId}"[\\s\\S]*?Wpis ukryty przez moderatora\\.`))
  assert.ok(!hidden.includes(body.slice(0, 40)))
  assert.match(plain((await coordinator.get(path)).body), /Ukryty[\s\S]*?Pokaż wpis ponownie/)
  assert.equal((await coordinator.post(`/community/posts/${postId}/show`, {})).statusCode, 303)
  assert.doesNotMatch(
    plain((await new Client(h.app).get(path)).body),
    new RegExp(`id="post-${postId}"[\\s\\S]{0,400}Wpis ukryty`),
  )
})

test('a moderator pins a topic above the list, moves it, and merges another into it; the old address sends readers on', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const from = await forumId('Ekonomia społeczna')
  const to = await forumId('Współpraca ponadnarodowa')
  const make = async (title: string) =>
    (
      await coordinator.post(`/community/forums/${from}/topics`, {
        title,
        lang: 'pl',
        body: `${title}: treść`,
      })
    ).headers.location as string
  const keep = await make('Wątek główny o spółdzielniach')
  const dupe = await make('Drugi wątek o spółdzielniach')
  assert.equal((await coordinator.post(`${keep}/pin`, { pinned: 'yes' })).statusCode, 303)
  const list = plain((await new Client(h.app).get(`/community/forums/${from}`)).body)
  assert.match(
    list,
    /<tbody[^>]*>\s*<tr[^>]*>\s*<td[^>]*>\s*<a[^>]*>Wątek główny o spółdzielniach<\/a> <strong class="govuk-tag govuk-tag--blue">Przypięty/,
  )

  // Moving: refused without a forum, then done.
  const refused = await coordinator.post(`${keep}/move`, { forumId: 'nie' })
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /id="field-forumId-error"/)
  assert.equal((await coordinator.post(`${keep}/move`, { forumId: to })).statusCode, 303)
  assert.match((await new Client(h.app).get(`/community/forums/${to}`)).body, /Wątek główny o spółdzielniach/)

  // Merging: a topic into itself is refused; into the kept one by its address, done.
  const self = await coordinator.post(`${dupe}/merge`, { into: `http://localhost:3000${dupe}` })
  assert.match(plain(self.body), /Wątku nie można połączyć z nim samym/)
  const merged = await coordinator.post(`${dupe}/merge`, { into: `http://localhost:3000${keep}` })
  assert.equal(merged.headers.location, keep)
  const old = await new Client(h.app).get(dupe)
  assert.equal(old.statusCode, 301)
  assert.equal(old.headers.location, keep)
  const kept = plain((await new Client(h.app).get(keep)).body)
  assert.match(kept, /Wątek główny o spółdzielniach: treść[\s\S]*?Drugi wątek o spółdzielniach: treść/)
  assert.doesNotMatch(
    (await new Client(h.app).get(`/community/forums/${from}`)).body,
    /Drugi wątek o spółdzielniach/,
  )
  // A reply sent to the merged topic meanwhile is refused beside the text, which is kept.
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const late = await member.post(`${dupe}/posts`, { body: 'Spóźniona odpowiedź' })
  assert.equal(late.statusCode, 422)
  assert.match(plain(late.body), /Ten wątek połączono z innym[\s\S]*?>Spóźniona odpowiedź<\/textarea>/)
})
