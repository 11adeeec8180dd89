// A space's members-only forum: read by whoever reads the space (its members, its secretary, the
// coordinator and the managing authority), by nobody else; nothing of it reaches another person's
// forum list, search, feeds or a member's page of answers. Expectations written by hand from the
// demo: Celina Członkini is a member of the labour-market network and Edward Ekspert its guest
// expert until next month; Piotr Przewodniczący (who chairs the social economy network) and Paweł
// Projektowy are not in it; the secretary services every network.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const labourForum = 'Forum członków: KST ds. dostępu do rynku pracy'
const forumOf = async (name: string) =>
  db()
    .selectFrom('community_forums')
    .select(['id', 'space_id'])
    .where('name_pl', '=', name)
    .executeTakeFirstOrThrow()

test('a members-only forum is read by those who read its space, and is unknown to everyone else', async () => {
  const forum = await forumOf(labourForum)
  const topic = await db()
    .selectFrom('community_topics')
    .select('id')
    .where('forum_id', '=', forum.id)
    .where('title', '=', 'Uwagi do materiałów przed najbliższym posiedzeniem')
    .executeTakeFirstOrThrow()
  const readers = {
    'czlonek@demo.siatka.test': 200,
    'sekretarz@demo.siatka.test': 200,
    'koordynator@demo.siatka.test': 200,
    'iz@demo.siatka.test': 200,
    'ekspert@demo.siatka.test': 200,
    'przewodniczacy@demo.siatka.test': 404,
    'projekt@demo.siatka.test': 404,
  }
  for (const [email, code] of Object.entries(readers)) {
    const person = await signedIn(h.app, email)
    assert.equal((await person.get(`/community/forums/${forum.id}`)).statusCode, code, email)
    assert.equal((await person.get(`/community/topics/${topic.id}`)).statusCode, code, email)
    const list = (await person.get('/community')).body
    assert.equal(list.includes(labourForum), code === 200, email)
  }
  // A visitor is asked to sign in (a member may have followed a link); the forum has no feed.
  const visitor = new Client(h.app)
  assert.equal((await visitor.get(`/community/forums/${forum.id}`)).statusCode, 303)
  assert.equal((await visitor.get(`/community/topics/${topic.id}`)).statusCode, 303)
  assert.doesNotMatch((await visitor.get('/community')).body, /Forum członków/)
  assert.equal((await visitor.get(`/community/forums/${forum.id}/feed.atom`)).statusCode, 404)

  // Nobody outside writes in it, even by sending the form.
  const outsider = await signedIn(h.app, 'przewodniczacy@demo.siatka.test')
  const sent = await outsider.post(`/community/forums/${forum.id}/topics`, {
    title: 'Próba',
    lang: 'pl',
    body: 'Treść',
  })
  assert.equal(sent.statusCode, 404)
  assert.equal(
    (await outsider.post(`/community/topics/${topic.id}/posts`, { body: 'Odpowiedź' })).statusCode,
    404,
  )

  // A member reads and answers there.
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const page = (await member.get(`/community/forums/${forum.id}`)).body
  assert.match(page, /Tylko dla członków/)
  assert.doesNotMatch(page, /feed\.atom/)
  const reply = await member.post(`/community/topics/${topic.id}/posts`, {
    body: 'Uzupełniłam tabelę o dane z raportu kwartalnego.',
  })
  assert.equal(reply.statusCode, 303)
})

test('members-only posts never appear in search, feeds or answers of those outside the space', async () => {
  const forum = await forumOf(labourForum)
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  // A question of the members' forum, answered by the coordinator (who reads every space).
  const asked = await member.post(`/community/forums/${forum.id}/topics`, {
    title: 'Zamknięte pytanie o harmonogram zwrotny',
    lang: 'pl',
    isQuestion: 'yes',
    body: 'Czy harmonogram zwrotny omawiamy tylko w gronie sieci?',
  })
  assert.equal(asked.statusCode, 303)
  const topicPath = asked.headers.location as string
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  assert.equal(
    (await coordinator.post(`${topicPath}/posts`, { body: 'Tak, harmonogram zwrotny zostaje w sieci.' }))
      .statusCode,
    303,
  )

  const search = '/community/search?q=harmonogram+zwrotny'
  assert.match((await member.get(search)).body, /Zamknięte pytanie o harmonogram zwrotny/)
  const outsider = await signedIn(h.app, 'przewodniczacy@demo.siatka.test')
  assert.doesNotMatch((await outsider.get(search)).body, /Zamknięte pytanie/)
  // Naming the forum in the search does not open it either.
  assert.doesNotMatch((await outsider.get(`${search}&forum=${forum.id}`)).body, /Zamknięte pytanie/)
  const visitor = new Client(h.app)
  assert.doesNotMatch((await visitor.get(search)).body, /Zamknięte pytanie/)
  for (const feed of ['/community/unanswered.atom', '/community/unanswered.rss'])
    assert.doesNotMatch((await visitor.get(feed)).body, /Zamknięte pytanie|harmonogram zwrotny/)

  // The coordinator's answer is on their page for a member of the space, not for others.
  const coordinatorId = (
    await db()
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'koordynator@demo.siatka.test')
      .executeTakeFirstOrThrow()
  ).id
  await coordinator.post('/community/profile', { shown: ['bio'], bio: 'Koordynator sieci.' })
  const answers = `/community/people/${coordinatorId}`
  assert.match((await member.get(answers)).body, /Zamknięte pytanie/)
  assert.doesNotMatch((await outsider.get(answers)).body, /Zamknięte pytanie/)
  assert.doesNotMatch((await visitor.get(answers)).body, /Zamknięte pytanie/)
})

test('the secretariat opens one members-only forum a space; a second is refused beside the field', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const forum = await forumOf(labourForum)
  const refused = await coordinator.post('/community/forums', {
    namePl: 'Drugie forum sieci',
    nameEn: 'Second forum',
    space: forum.space_id as string,
  })
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /Ta przestrzeń ma już swoje forum członków/)
  assert.match(refused.body, /value="Drugie forum sieci"/)
  // The strategic group has none yet: the form offers it, and the new forum is its members' alone.
  const page = (await coordinator.get('/community')).body
  const strategic = /<option value="([0-9a-f-]{36})">Grupa Strategiczna<\/option>/.exec(page)?.[1]
  assert.ok(strategic, 'the strategic group is offered')
  assert.doesNotMatch(page, /<option value="[^"]+">KST ds. dostępu do rynku pracy<\/option>/)
  const created = await coordinator.post('/community/forums', {
    namePl: 'Forum Grupy Strategicznej',
    nameEn: 'Strategic Group forum',
    space: strategic,
  })
  assert.equal(created.statusCode, 303)
  const path = created.headers.location as string
  assert.equal((await (await signedIn(h.app, 'projekt@demo.siatka.test')).get(path)).statusCode, 404)
  assert.equal((await coordinator.get(path)).statusCode, 200)
})

test('a members-only topic is not merged into an open one, nor drafted into the public knowledge base', async () => {
  const forum = await forumOf(labourForum)
  const members = await db()
    .selectFrom('community_topics')
    .select('id')
    .where('forum_id', '=', forum.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
  const open = await db()
    .selectFrom('community_topics')
    .select('id')
    .where('title', '=', 'Which language should the cooperation agreement be in?')
    .executeTakeFirstOrThrow()
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const merged = await coordinator.post(`/community/topics/${members.id}/merge`, {
    into: `http://localhost:3000/community/topics/${open.id}`,
  })
  assert.equal(merged.statusCode, 422)
  assert.match(merged.body.replace(/\u00a0/g, ' '), /Wątki mają różnych czytelników/)
  assert.equal(
    (
      await db()
        .selectFrom('community_topics')
        .select('merged_into')
        .where('id', '=', members.id)
        .executeTakeFirstOrThrow()
    ).merged_into,
    null,
  )

  // An accepted answer there: no button to draft an article, and the step itself refused.
  const answer = await db()
    .selectFrom('community_posts')
    .select('id')
    .where('topic_id', '=', members.id)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
  await db()
    .updateTable('community_topics')
    .set({ accepted_post_id: answer.id })
    .where('id', '=', members.id)
    .execute()
  assert.doesNotMatch((await coordinator.get(`/community/topics/${members.id}`)).body, /\/article"/)
  const drafted = await coordinator.post(`/community/topics/${members.id}/article`, {})
  assert.equal(drafted.statusCode, 422)
  await db()
    .updateTable('community_topics')
    .set({ accepted_post_id: null })
    .where('id', '=', members.id)
    .execute()
})
