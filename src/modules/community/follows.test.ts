// Following and reading the forum: whoever starts a topic or replies follows it; a follower is told
// of each new post as they chose (at once, in the daily digest, in Siatka only), and every mail
// ends the follow in one click (RFC 8058); a forum's followers are told of its new topics; nobody
// outside a members-only forum is told of it; what was written since a person's last visit is
// marked, and a link jumps to the first post they have not read. Expectations written by hand.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { signedIn } from '../../../test/support/client.ts'
import { personIdOf } from '../../../test/support/given.ts'
import { plain } from '../../../test/support/html.ts'
import type { CaughtMail } from '../../../test/support/smtp.ts'
import type { AnyPool } from '../../kernel/db.ts'
import { sendDigests } from '../notifications/service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const personOf = (email: string) => personIdOf(db(), email)
const forumOf = async (name: string) =>
  (
    await db()
      .selectFrom('community_forums')
      .select('id')
      .where('name_pl', '=', name)
      .executeTakeFirstOrThrow()
  ).id
const toldOf = async (email: string, kind: string) =>
  db()
    .selectFrom('notifications')
    .select(['params', 'link', 'delivery', 'stop'])
    .where('person_id', '=', await personOf(email))
    .where('kind', '=', kind)
    .orderBy('created_at')
    .execute()

/** A header as the message carried it (unfolded). */
function header(mail: CaughtMail, name: string): string | undefined {
  const head = mail.raw
    .toString('utf8')
    .split('\r\n\r\n')[0]
    ?.replace(/\r\n[ \t]+/g, ' ')
  return head
    ?.split('\r\n')
    .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim()
}

const oneClick = (path: string) =>
  h.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: 'List-Unsubscribe=One-Click',
  })

test('the asker follows their topic: told of each reply by mail, which ends the follow in one click', async () => {
  const forum = await forumOf('Budżet i rozliczanie projektów EFS')
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const asked = await member.post(`/community/forums/${forum}/topics`, {
    title: 'Czy catering na spotkaniu partnerów jest kwalifikowalny?',
    lang: 'pl',
    isQuestion: 'yes',
    body: 'Spotkanie trwa cały dzień, goście przyjeżdżają z trzech krajów.',
  })
  assert.equal(asked.statusCode, 303)
  const topicPath = (asked.headers.location as string).replace(/#.*$/, '')
  assert.match(plain((await member.get(topicPath)).body), /Obserwujesz: od razu e-mailem\./)

  const expert = await signedIn(h.app, 'ekspert@demo.siatka.test')
  await expert.post(`${topicPath}/posts`, { body: 'Tak, jeśli spotkanie trwa dłużej niż 6 godzin.' })
  const mail = await h.smtp.waitFor('czlonek@demo.siatka.test', /Nowy wpis w wątku „Czy catering/)
  assert.match(mail.subject, /– Edward Ekspert/)
  const unsubscribe = /^<http:\/\/localhost:3000(\/unsubscribe\/[A-Za-z0-9_-]+)>$/.exec(
    header(mail, 'List-Unsubscribe') ?? '',
  )?.[1]
  assert.ok(unsubscribe, 'a one-click address')
  assert.equal(header(mail, 'List-Unsubscribe-Post'), 'List-Unsubscribe=One-Click')
  // Opened in a browser: what it stops, and a button.
  const page = plain((await h.app.inject({ url: unsubscribe })).body)
  assert.match(
    page,
    /Czy chcesz przestać obserwować: wątek „Czy catering na spotkaniu partnerów jest kwalifikowalny\?”/,
  )
  const done = plain((await oneClick(unsubscribe)).body)
  assert.match(done, /Nie obserwujesz już: wątek „Czy catering/)
  // The follow is gone (the asker's other mail stays on): the next reply tells them nothing.
  const before = (await toldOf('czlonek@demo.siatka.test', 'communityFollowedTopic')).length
  await expert.post(`${topicPath}/posts`, { body: 'Uzupełnienie: potrzebna lista obecności.' })
  assert.equal((await toldOf('czlonek@demo.siatka.test', 'communityFollowedTopic')).length, before)
  assert.match(plain((await member.get(topicPath)).body), /Obserwując wątek, dostaniesz powiadomienie/)
})

test('a follower chooses the daily digest: the post waits for it, with its own one-click line', async () => {
  const topic = (
    await db()
      .selectFrom('community_topics')
      .select('id')
      .where('title', '=', 'Which language should the cooperation agreement be in?')
      .executeTakeFirstOrThrow()
  ).id
  const secretary = await signedIn(h.app, 'sekretarz@demo.siatka.test')
  const followed = await secretary.post(`/community/topics/${topic}/follow`, { delivery: 'daily' })
  assert.equal(followed.statusCode, 303)
  assert.match(
    plain((await secretary.get(`/community/topics/${topic}`)).body),
    /Obserwujesz: w codziennym podsumowaniu e-mail\./,
  )
  // A value that is not offered is refused beside the field.
  assert.equal(
    (await secretary.post(`/community/topics/${topic}/follow`, { delivery: 'hourly' })).statusCode,
    422,
  )

  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  await member.post(`/community/topics/${topic}/posts`, { body: 'U nas wystarczyło tłumaczenie przysięgłe.' })
  const told = await toldOf('sekretarz@demo.siatka.test', 'communityFollowedTopic')
  assert.equal(told.at(-1)?.delivery, 'daily')
  assert.match(told.at(-1)?.stop ?? '', /^follow:[0-9a-f-]{36}$/)
  await new Promise((r) => setTimeout(r, 500))
  assert.ok(
    !h.smtp.mails.some((m) => m.to === 'sekretarz@demo.siatka.test' && /Which language/.test(m.subject)),
  )
  await sendDigests(h.database.db as AnyPool, h.config)
  const digest = await h.smtp.waitFor('sekretarz@demo.siatka.test', /podsumowanie/i)
  assert.match(
    digest.text,
    /Nowy wpis w wątku „Which language should the cooperation agreement be in\?” – Celina Członkini/,
  )
  assert.match(digest.text, /Przestań obserwować jednym kliknięciem: http:\/\/localhost:3000\/unsubscribe\//)
})

test('a forum’s followers hear of its new topics; nobody outside a members-only forum hears of it', async () => {
  const open = await forumOf('Ekonomia społeczna')
  const expert = await signedIn(h.app, 'ekspert@demo.siatka.test')
  assert.equal((await expert.post(`/community/forums/${open}/follow`, { delivery: 'none' })).statusCode, 303)
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  await member.post(`/community/forums/${open}/topics`, {
    title: 'Spółdzielnia socjalna a zamówienia in-house',
    lang: 'pl',
    body: 'Czy ktoś ma doświadczenia z zamówieniami in-house dla spółdzielni socjalnych?',
  })
  const told = await toldOf('ekspert@demo.siatka.test', 'communityFollowedForum')
  assert.equal(told.at(-1)?.delivery, 'none')
  assert.equal(told.at(-1)?.params.title, 'Spółdzielnia socjalna a zamówienia in-house')

  // A follow of a members-only forum by someone who no longer reads it (left the network, say) tells them nothing.
  const closed = await forumOf('Forum członków: KST ds. dostępu do rynku pracy')
  await db()
    .insertInto('community_follows')
    .values({
      person_id: await personOf('projekt@demo.siatka.test'),
      forum_id: closed,
      delivery: 'immediate',
    })
    .execute()
  const outsider = await signedIn(h.app, 'projekt@demo.siatka.test')
  // …and they cannot follow it themselves.
  assert.equal(
    (await outsider.post(`/community/forums/${closed}/follow`, { delivery: 'daily' })).statusCode,
    404,
  )
  await member.post(`/community/forums/${closed}/topics`, {
    title: 'Poufny projekt stanowiska',
    lang: 'pl',
    body: 'Projekt stanowiska do uwag członków.',
  })
  const theirs = await toldOf('projekt@demo.siatka.test', 'communityFollowedForum')
  assert.ok(!theirs.some((n) => (n.params as Record<string, string>).title === 'Poufny projekt stanowiska'))
})

test('what others wrote since a visit is marked new, and a link jumps to the first post not read', async () => {
  const forum = await forumOf('Współpraca ponadnarodowa')
  const topic = (
    await db()
      .selectFrom('community_topics')
      .select('id')
      .where('title', '=', 'Looking for a Polish partner for a youth employment pilot')
      .executeTakeFirstOrThrow()
  ).id
  const reader = await signedIn(h.app, 'iz@demo.siatka.test')
  // The first visit reads it all: nothing is new.
  const first = plain((await reader.get(`/community/topics/${topic}`)).body)
  assert.doesNotMatch(first, /Przejdź do pierwszego nieprzeczytanego wpisu/)
  assert.doesNotMatch(
    plain((await reader.get(`/community/forums/${forum}`)).body),
    new RegExp(`/community/topics/${topic}/unread`),
  )

  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const sent = await member.post(`/community/topics/${topic}/posts`, {
    body: 'Nasza gmina też chętnie dołączy.',
  })
  const postId = /#post-([0-9a-f-]{36})/.exec(sent.headers.location as string)?.[1]
  const list = plain((await reader.get(`/community/forums/${forum}`)).body)
  assert.match(
    list,
    new RegExp(
      `href="/community/topics/${topic}/unread"><strong class="govuk-tag govuk-tag--red">Nowe</strong>`,
    ),
  )
  const jump = await reader.get(`/community/topics/${topic}/unread`)
  assert.equal(jump.statusCode, 303)
  assert.equal(jump.headers.location, `/community/topics/${topic}#post-${postId}`)
  const page = plain((await reader.get(`/community/topics/${topic}`)).body)
  assert.match(page, new RegExp(`href="#post-${postId}">Przejdź do pierwszego nieprzeczytanego wpisu`))
  assert.match(
    page,
    new RegExp(`id="post-${postId}"[\\s\\S]*?<strong class="govuk-tag govuk-tag--red">Nowy</strong>`),
  )
  // Read now: nothing new any more; the jump goes to the latest post.
  assert.doesNotMatch(
    plain((await reader.get(`/community/forums/${forum}`)).body),
    new RegExp(`/community/topics/${topic}/unread`),
  )
  assert.equal(
    (await reader.get(`/community/topics/${topic}/unread`)).headers.location,
    `/community/topics/${topic}#post-${postId}`,
  )
})
