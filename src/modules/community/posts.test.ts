// A post after it was written: its author (or a moderator) edits it, the page marks it edited and
// moderators read what it said before; a reader quotes it in a reply; @mentions tell the people
// named who may read the forum, and nobody else. Expectations written by hand from the demo.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { signedIn } from '../../../test/support/client.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const plain = (html: string) => html.replace(/\u00a0/g, ' ')
const topicOf = async (title: string) =>
  (
    await db()
      .selectFrom('community_topics')
      .select('id')
      .where('title', '=', title)
      .executeTakeFirstOrThrow()
  ).id
const personOf = async (email: string) =>
  (await db().selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id
const mentionsOf = async (email: string) =>
  db()
    .selectFrom('notifications')
    .select(['params', 'link'])
    .where('person_id', '=', await personOf(email))
    .where('kind', '=', 'communityMention')
    .execute()

test('an author edits their post: marked as edited, the earlier text kept for moderators alone', async () => {
  const topic = await topicOf('Which language should the cooperation agreement be in?')
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const sent = await member.post(`/community/topics/${topic}/posts`, {
    body: 'W naszym projekcie umowa była po angielsku z tłumaczeniem przysięgłym.',
  })
  assert.equal(sent.statusCode, 303)
  const postId = /#post-([0-9a-f-]{36})/.exec(sent.headers.location as string)?.[1] as string
  const page = plain((await member.get(`/community/topics/${topic}`)).body)
  assert.match(page, new RegExp(`href="/community/posts/${postId}/edit">Edytuj`))

  const form = plain((await member.get(`/community/posts/${postId}/edit`)).body)
  const edited = /name="edited" value="([^"]*)"/.exec(form)?.[1]
  assert.equal(edited, '')
  const saved = await member.post(`/community/posts/${postId}/edit`, {
    body: 'W naszym projekcie umowa była po angielsku, z tłumaczeniem przysięgłym na polski.',
    edited: '',
  })
  assert.equal(saved.statusCode, 303)
  const after = plain((await member.get(`/community/topics/${topic}`)).body)
  assert.match(after, /tłumaczeniem przysięgłym na polski\./)
  assert.match(after, new RegExp(`id="post-${postId}"[\\s\\S]*?· edytowano `))

  // A second edit from the first form (the post changed since it was opened): refused, text kept.
  const stale = await member.post(`/community/posts/${postId}/edit`, {
    body: 'Nowa wersja z nieaktualnego formularza',
    edited: '',
  })
  assert.equal(stale.statusCode, 422)
  assert.match(plain(stale.body), /Ktoś zmienił ten wpis w czasie Twojej edycji/)
  assert.match(plain(stale.body), /Nowa wersja z nieaktualnego formularza/)

  // Another member may not edit it; only moderators read its history.
  const other = await signedIn(h.app, 'przewodniczacy@demo.siatka.test')
  assert.equal((await other.get(`/community/posts/${postId}/edit`)).statusCode, 403)
  assert.equal(
    (await other.post(`/community/posts/${postId}/edit`, { body: 'Cudza zmiana', edited: '' })).statusCode,
    403,
  )
  assert.equal((await member.get(`/community/posts/${postId}/history`)).statusCode, 403)
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const history = plain((await coordinator.get(`/community/posts/${postId}/history`)).body)
  assert.match(
    history,
    /Obecna treść[\s\S]*?na polski\.[\s\S]*?Wersja: Celina Członkini[\s\S]*?z tłumaczeniem przysięgłym\./,
  )
  assert.match(
    plain((await coordinator.get(`/community/topics/${topic}`)).body),
    new RegExp(`/community/posts/${postId}/history`),
  )

  // An edit cannot add more than ten links (such a post waits for a moderator).
  const links = Array.from({ length: 12 }, (_, i) => `https://example.org/${i}`).join(' ')
  const form2 = plain((await member.get(`/community/posts/${postId}/edit`)).body)
  const edited2 = /name="edited" value="([^"]*)"/.exec(form2)?.[1] as string
  const spam = await member.post(`/community/posts/${postId}/edit`, { body: links, edited: edited2 })
  assert.equal(spam.statusCode, 422)
  assert.match(plain(spam.body), /najwyżej 10 odnośników/)
})

test('a reader replies quoting a post: the form starts with the quote, and the link to a post opens its page', async () => {
  const topic = await topicOf('Jak opisać podział zadań w umowie o współpracy ponadnarodowej?')
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const page = plain((await member.get(`/community/topics/${topic}`)).body)
  const quote =
    /href="([^"]*\?quote=([0-9a-f-]{36})#reply)">Odpowiedz z cytatem<span class="govuk-visually-hidden"> \(wpis: Edward Ekspert/.exec(
      page,
    )
  assert.ok(quote, 'each post has a quote link')
  const form = plain((await member.get((quote[1] as string).replace(/&amp;/g, '&'))).body)
  assert.match(
    form,
    /<textarea[^>]*name="body"[^>]*>(&gt;|>) \*\*Edward Ekspert\*\*:\n(&gt;|>) Dobrze sprawdza się załącznik/,
  )
  // A link to the post leads to the topic's page holding it.
  const link = await member.get(`/community/posts/${quote[2]}`)
  assert.equal(link.statusCode, 303)
  assert.equal(link.headers.location, `/community/topics/${topic}#post-${quote[2]}`)
})

test('a mention tells the person named, if they may read the forum, and nobody else', async () => {
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  // An open forum: anyone named is told, once, with a link to the post.
  const open = await topicOf('Which language should the cooperation agreement be in?')
  const before = (await mentionsOf('ekspert@demo.siatka.test')).length
  const sent = await member.post(`/community/topics/${open}/posts`, {
    body: '@[Edward Ekspert], czy tłumaczenie przysięgłe wystarczy? Pytam też @[edward ekspert] i @[Nikogo Takiego].',
  })
  assert.equal(sent.statusCode, 303)
  const told = await mentionsOf('ekspert@demo.siatka.test')
  assert.equal(told.length, before + 1)
  assert.match(told.at(-1)?.link as string, /^\/community\/posts\/[0-9a-f-]{36}$/)
  assert.equal(told.at(-1)?.params.author, 'Celina Członkini')
  // The page shows the mention in bold.
  assert.match(
    plain((await member.get(sent.headers.location as string)).body),
    /<strong>@Edward Ekspert<\/strong>/,
  )

  // A members-only forum: the network's guest expert reads it and is told; the chair of another
  // network does not, and hears nothing of it.
  const forum = (
    await db()
      .selectFrom('community_forums')
      .select('id')
      .where('name_pl', '=', 'Forum członków: KST ds. dostępu do rynku pracy')
      .executeTakeFirstOrThrow()
  ).id
  const chairBefore = (await mentionsOf('przewodniczacy@demo.siatka.test')).length
  const expertBefore = (await mentionsOf('ekspert@demo.siatka.test')).length
  const asked = await member.post(`/community/forums/${forum}/topics`, {
    title: 'Opinia do rekomendacji',
    lang: 'pl',
    body: 'Proszę o opinię: @[Edward Ekspert] oraz @[Piotr Przewodniczący].',
  })
  assert.equal(asked.statusCode, 303)
  assert.equal((await mentionsOf('ekspert@demo.siatka.test')).length, expertBefore + 1)
  assert.equal((await mentionsOf('przewodniczacy@demo.siatka.test')).length, chairBefore)

  // An edit tells only those newly named.
  const postId = (
    await db()
      .selectFrom('community_posts')
      .select('id')
      .where('body', 'like', 'Proszę o opinię:%')
      .executeTakeFirstOrThrow()
  ).id
  const secretaryBefore = (await mentionsOf('sekretarz@demo.siatka.test')).length
  await member.post(`/community/posts/${postId}/edit`, {
    body: 'Proszę o opinię: @[Edward Ekspert], @[Piotr Przewodniczący] i @[Sylwia Sekretarz].',
    edited: '',
  })
  assert.equal((await mentionsOf('ekspert@demo.siatka.test')).length, expertBefore + 1)
  assert.equal((await mentionsOf('sekretarz@demo.siatka.test')).length, secretaryBefore + 1)
  assert.equal((await mentionsOf('przewodniczacy@demo.siatka.test')).length, chairBefore)
})
