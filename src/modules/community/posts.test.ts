// A post after it was written: its author (or a moderator) edits it, the page marks it edited and
// moderators read what it said before; a reader quotes it in a reply; @mentions tell the people
// named who may read the forum, and nobody else. Expectations written by hand from the demo.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { givenPerson, personIdOf } from '../../../test/support/given.ts'
import { plain } from '../../../test/support/html.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const topicOf = async (title: string) =>
  (
    await db()
      .selectFrom('community_topics')
      .select('id')
      .where('title', '=', title)
      .executeTakeFirstOrThrow()
  ).id
const personOf = (email: string) => personIdOf(db(), email)
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

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`)

test('an author attaches files to a post; readers download them; a sixth or an unknown kind is refused beside the field', async () => {
  const topic = await topicOf('Which language should the cooperation agreement be in?')
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const sent = await member.post(`/community/topics/${topic}/posts`, {
    body: 'Załączam nasz wzór umowy partnerskiej w dwóch językach.',
  })
  const postId = /#post-([0-9a-f-]{36})/.exec(sent.headers.location as string)?.[1] as string
  const files = `/community/posts/${postId}/attachments`
  assert.match(
    plain((await member.get(`/community/topics/${topic}`)).body),
    new RegExp(`href="${files}">Pliki`),
  )
  assert.match(plain((await member.get(files)).body), /Do wpisu nie dołączono plików\./)

  const added = await member.upload(
    files,
    {},
    { file: { name: 'umowa-partnerska.pdf', bytes: pdf('Umowa') } },
  )
  assert.equal(added.statusCode, 303)
  const page = plain((await member.get(`/community/topics/${topic}`)).body)
  const link =
    /href="(\/community\/attachments\/[0-9a-f-]{36})">umowa-partnerska\.pdf<\/a> <span class="siatka-muted">\(0,1 kB\)/.exec(
      page,
    )?.[1]
  assert.ok(link, 'the topic shows the file with its size')

  // Anyone reading the forum downloads it, a visitor too (an open forum).
  for (const reader of [await signedIn(h.app, 'przewodniczacy@demo.siatka.test'), new Client(h.app)]) {
    const res = await reader.get(link)
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/pdf')
    assert.match(String(res.headers['content-disposition']), /umowa-partnerska\.pdf/)
  }
  // Another reader does not manage the author's files.
  const other = await signedIn(h.app, 'przewodniczacy@demo.siatka.test')
  assert.equal((await other.get(files)).statusCode, 403)

  // A program under a PDF's name: refused beside the field.
  const wrong = await member.upload(
    files,
    {},
    { file: { name: 'faktura.pdf', bytes: Buffer.from('MZ\x90\x00 not a pdf') } },
  )
  assert.equal(wrong.statusCode, 422)
  assert.match(wrong.body, /govuk-error-message/)
  for (const n of [2, 3, 4, 5])
    assert.equal(
      (await member.upload(files, {}, { file: { name: `zalacznik-${n}.pdf`, bytes: pdf(`${n}`) } }))
        .statusCode,
      303,
    )
  const sixth = await member.upload(files, {}, { file: { name: 'zalacznik-6.pdf', bytes: pdf('6') } })
  assert.equal(sixth.statusCode, 422)
  assert.match(plain(sixth.body), /Do wpisu można dołączyć najwyżej 5 plików/)

  // Removed: gone from the topic and from its address.
  const id = link.split('/').at(-1) as string
  assert.equal((await member.post(`${files}/remove`, { attachmentId: id })).statusCode, 303)
  assert.doesNotMatch((await member.get(`/community/topics/${topic}`)).body, /umowa-partnerska\.pdf/)
  assert.equal((await member.get(link)).statusCode, 404)
  const log = await db().selectFrom('audit_log').select('action').where('subject_id', '=', postId).execute()
  assert.deepEqual(
    log.map((r) => r.action).sort(),
    [...Array(5).fill('community.attachment-added'), 'community.attachment-removed'].sort(),
  )
})

test('a file in a members-only forum is downloaded by its readers alone', async () => {
  const forum = await db()
    .selectFrom('community_forums')
    .select('id')
    .where('name_pl', '=', 'Forum członków: KST ds. dostępu do rynku pracy')
    .executeTakeFirstOrThrow()
  const topic = await db()
    .selectFrom('community_topics')
    .select('id')
    .where('forum_id', '=', forum.id)
    .orderBy('created_at')
    .executeTakeFirstOrThrow()
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const sent = await member.post(`/community/topics/${topic.id}/posts`, {
    body: 'Projekt stanowiska sieci w załączniku, proszę o uwagi.',
  })
  const postId = /#post-([0-9a-f-]{36})/.exec(sent.headers.location as string)?.[1] as string
  const added = await member.upload(
    `/community/posts/${postId}/attachments`,
    {},
    { file: { name: 'stanowisko-projekt.pdf', bytes: pdf('Stanowisko') } },
  )
  assert.equal(added.statusCode, 303)
  const file = await db()
    .selectFrom('community_attachments')
    .select('id')
    .where('post_id', '=', postId)
    .executeTakeFirstOrThrow()
  const link = `/community/attachments/${file.id}`
  assert.equal((await (await signedIn(h.app, 'sekretarz@demo.siatka.test')).get(link)).statusCode, 200)
  assert.equal((await (await signedIn(h.app, 'przewodniczacy@demo.siatka.test')).get(link)).statusCode, 404)
  assert.equal((await (await signedIn(h.app, 'projekt@demo.siatka.test')).get(link)).statusCode, 404)
  const visitor = await new Client(h.app).get(link)
  assert.equal(visitor.statusCode, 303)
  assert.match(String(visitor.headers.location), /^\/sign-in/)
})

test('a topic waiting for a moderator tells nobody it mentions: its title reaches no one before it is approved', async () => {
  // A topic with too many links waits; its author's reply in it (no links: published) names the expert.
  const newcomer = await givenPerson(db(), { role: 'member', name: 'Ola Nowicka' })
  const client = await signedIn(h.app, newcomer.email)
  const forum = await db()
    .selectFrom('community_forums')
    .select('id')
    .where('name_pl', '=', 'Ekonomia społeczna')
    .executeTakeFirstOrThrow()
  const asked = await client.post(`/community/forums/${forum.id}/topics`, {
    title: 'Tanie kursy online – zapraszam',
    lang: 'pl',
    isQuestion: 'no',
    body: Array.from({ length: 11 }, (_, i) => `https://kursy.example.com/${i}`).join('\n'),
  })
  assert.equal(asked.statusCode, 303)
  const topic = await db()
    .selectFrom('community_topics')
    .select(['id', 'held'])
    .where('title', '=', 'Tanie kursy online – zapraszam')
    .executeTakeFirstOrThrow()
  assert.equal(topic.held, true)
  const before = (await mentionsOf('ekspert@demo.siatka.test')).length
  const replied = await client.post(`/community/topics/${topic.id}/posts`, {
    body: 'Uzupełniam: @[Edward Ekspert] zna ten temat.',
  })
  assert.equal(replied.statusCode, 303)
  const reply = await db()
    .selectFrom('community_posts')
    .select('state')
    .where('topic_id', '=', topic.id)
    .where('body', 'like', 'Uzupełniam%')
    .executeTakeFirstOrThrow()
  assert.equal(reply.state, 'published')
  const told = await mentionsOf('ekspert@demo.siatka.test')
  assert.equal(told.length, before)
  assert.ok(!told.some((n) => n.params.title === 'Tanie kursy online – zapraszam'))
})

test('a post’s history pages its earlier texts, 25 a page, the latest first', async () => {
  const topic = await topicOf('Which language should the cooperation agreement be in?')
  const post = await db()
    .selectFrom('community_posts')
    .select(['id', 'author_id', 'created_at'])
    .where('topic_id', '=', topic)
    .orderBy('created_at')
    .executeTakeFirstOrThrow()
  const start = post.created_at.getTime()
  await db()
    .insertInto('community_post_versions')
    .values(
      Array.from({ length: 30 }, (_, i) => ({
        post_id: post.id,
        body: `Wersja numer ${i + 1}.`,
        written_by: post.author_id,
        written_at: new Date(start + i * 60_000),
        replaced_at: new Date(start + (i + 1) * 60_000),
      })),
    )
    .execute()
  const moderator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const first = plain((await moderator.get(`/community/posts/${post.id}/history`)).body)
  assert.match(first, /Wersja numer 30\./)
  assert.match(first, /Wersja numer 6\./)
  assert.doesNotMatch(first, /Wersja numer 5\./)
  const next = /href="([^"]+)"[^>]*>Starsze wersje/.exec(first)?.[1]
  assert.ok(next, 'a link to the older versions')
  const second = plain((await moderator.get(next.replace(/&amp;/g, '&'))).body)
  assert.match(second, /Wersja numer 5\./)
  assert.match(second, /Wersja numer 1\./)
  assert.doesNotMatch(second, /Wersja numer 6\./)
  assert.doesNotMatch(second, /Starsze wersje/)
})
