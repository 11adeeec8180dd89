// A person of every global role, and a real address (with its form) for every route outside a
// space, for the route walk of src/kernel/routes.test.ts: the pages' addresses come from
// test/support/pages.ts (demo data with its files, private links made there); the posts' from
// objects made here, anew for each request where the post uses them up.
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { addDays, today, warsawDayAndTime, warsawInstant } from '../../src/kernel/dates.ts'
import type { Database } from '../../src/kernel/db.ts'
import type { GlobalRole } from '../../src/kernel/policy.ts'
import { hashToken } from '../../src/kernel/tokens.ts'
import type { TestApp } from './app.ts'
import { Client, signedIn } from './client.ts'
import { givenPerson, personIdOf } from './given.ts'
import { cooperative, everyPage, heldTraining, mainSpace, people, tokens } from './pages.ts'
import type { RouteRequest } from './role-table.ts'

interface Persona {
  who: string
  /** An account of the demo data, or one made with this role; neither for the anonymous visitor. */
  email?: string
  role?: GlobalRole
}

/** The columns of the walk's table, in its order. */
export const rolePersonas = {
  an: { who: 'an anonymous visitor' },
  A: { who: 'an administrator', email: people.admin },
  C: { who: 'the coordinator', email: people.coordinator },
  S: { who: 'a network secretary (of the demo’s main space)', email: people.secretary },
  IZ: { who: 'the managing authority', email: people.managingAuthority },
  me: { who: 'a member (seated in the main space)', email: people.member },
  ex: { who: 'an expert (seated in the main space as an expert)', email: people.expert },
  ps: { who: 'a project’s staff (seated in another body)', email: 'projekt@demo.siatka.test' },
  cm: { who: 'a community member (seated nowhere)', role: 'community_member' },
} as const satisfies Record<string, Persona>
export type RolePersona = keyof typeof rolePersonas

export interface RoleWorld {
  /** The person's browser; `signInAgain` gives them a new one after a route that ended their sessions. */
  clients: Record<RolePersona, Client>
  signInAgain(persona: RolePersona): Promise<void>
  request(route: string): Promise<RouteRequest>
}

type Db = Kysely<Database>

export async function givenEveryRole(h: TestApp): Promise<RoleWorld> {
  const db = h.database.db
  const pages = await everyPage(h)
  const emails: Partial<Record<RolePersona, string>> = {}
  for (const key of Object.keys(rolePersonas) as RolePersona[]) {
    const p: Persona = rolePersonas[key]
    emails[key] = p.role ? (await givenPerson(db, { role: p.role, name: p.who })).email : p.email
  }
  const clients = {} as Record<RolePersona, Client>
  const signInAgain = async (persona: RolePersona) => {
    const email = emails[persona]
    clients[persona] = email ? await signedIn(h.app, email) : new Client(h.app)
  }
  for (const persona of Object.keys(rolePersonas) as RolePersona[]) await signInAgain(persona)

  const page = (route: string) => {
    const sample = pages.find((s) => s.route === route)
    if (!sample) throw new Error(`${route}: test/support/pages.ts gives it no address`)
    return sample.path
  }
  const made = await givenObjects(db)
  const posts = postsOf(db, made, page)
  return {
    clients,
    signInAgain,
    async request(route) {
      const [method, path] = route.split(' ')
      if (method === 'GET') return { url: path.includes(':') ? page(path) : path, form: {} }
      const post = posts[path]
      if (post) return post()
      if (path.includes(':'))
        throw new Error(`${route}: no address to post to (test/support/route-fixture.ts)`)
      return { url: path, form: {} }
    },
  }
}

/** What the posts need that the demo data has not: a person to manage, and the owners of the objects. */
async function givenObjects(db: Db) {
  const space = await db
    .selectFrom('spaces')
    .select('id')
    .where('name_pl', '=', mainSpace)
    .executeTakeFirstOrThrow()
  // The member's own action item, from a meeting of the main space.
  const action = await db
    .selectFrom('action_items')
    .select('id')
    .where('owner_id', '=', await personIdOf(db, people.member))
    .where('space_id', '=', space.id)
    .executeTakeFirstOrThrow()
  // A request of the member's cooperative to withdraw, and a report on the Irish network's message to it.
  const organisationId = await cooperative({ db })
  const member = await personIdOf(db, people.member)
  const toWithdraw = await db
    .insertInto('community_partner_requests')
    .values({
      organisation_id: organisationId,
      author_id: member,
      title: 'Do wycofania',
      idea: 'Pomysł',
      lang: 'pl',
      programme: 'esf_plus',
      deadline: addDays(today(), 10),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const message = await db
    .selectFrom('community_messages as m')
    .innerJoin('community_threads as t', 't.id', 'm.thread_id')
    .select('m.id')
    .where('t.organisation_id', '=', organisationId)
    .where('m.author_id', '!=', member)
    .executeTakeFirstOrThrow()
  const report = await db
    .insertInto('community_message_reports')
    .values({ message_id: message.id, reporter_id: member, reason: 'Spam' })
    .returning('id')
    .executeTakeFirstOrThrow()
  // A post waiting for approval in the answered question, and a flag on it.
  const topic = await db
    .selectFrom('community_topics')
    .select('id')
    .where('title', '=', 'Jak opisać podział zadań w umowie o współpracy ponadnarodowej?')
    .executeTakeFirstOrThrow()
  const held = await db
    .insertInto('community_posts')
    .values({
      topic_id: topic.id,
      author_id: member,
      body: 'Do zatwierdzenia',
      state: 'held',
      held_reason: 'links',
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const published = await db
    .selectFrom('community_posts')
    .select('id')
    .where('topic_id', '=', topic.id)
    .where('state', '=', 'published')
    .orderBy('created_at')
    .executeTakeFirstOrThrow()
  const flag = await db
    .insertInto('community_post_flags')
    .values({ post_id: held.id, person_id: member, reason: 'Spam' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const edited = await db
    .selectFrom('community_posts')
    .select('id')
    .where('edited_at', 'is not', null)
    .where('body', 'like', 'Dobrze sprawdza się załącznik%')
    .executeTakeFirstOrThrow()
  return {
    heldPost: held.id,
    publishedPost: published.id,
    editedPost: edited.id,
    savedSearch: (await db.selectFrom('community_saved_searches').select('id').executeTakeFirstOrThrow()).id,
    attachment: (
      await db
        .selectFrom('community_attachments')
        .select('id')
        .where('post_id', '=', edited.id)
        .executeTakeFirstOrThrow()
    ).id,
    flag: flag.id,
    organisation: organisationId,
    toWithdraw: toWithdraw.id,
    report: report.id,
    managed: (await givenPerson(db, { name: 'Osoba do zarządzania' })).id,
    action: action.id,
    admin: await personIdOf(db, people.admin),
    secretary: await personIdOf(db, people.secretary),
  }
}

/**
 * The posts with a parameter in their address, and posts whose handler reads a field before
 * anything else. Other posts go with an empty form: their handler refuses the missing fields.
 */
function postsOf(
  db: Db,
  made: Awaited<ReturnType<typeof givenObjects>>,
  page: (route: string) => string,
): Record<string, () => RouteRequest | Promise<RouteRequest>> {
  const at = (url: string) => ({ url, form: {} })
  const hour = 3_600_000
  const invitation = async (expiresIn: number) => {
    const token = randomBytes(32).toString('base64url')
    const row = await db
      .insertInto('invitations')
      .values({
        email: `zaproszony.${randomBytes(3).toString('hex')}@example.pl`,
        role: 'member',
        organisation_id: null,
        token_hash: hashToken(token),
        invited_by: made.admin,
        expires_at: new Date(Date.now() + expiresIn),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return { token, id: row.id }
  }
  /** The full workshop's day, and a session's form on it. */
  const sessionForm = async (title: string) => {
    const eventId = page('/events/:eventId/programme').split('/')[2] as string
    const e = await db
      .selectFrom('events')
      .select('starts_at')
      .where('id', '=', eventId)
      .executeTakeFirstOrThrow()
    return { title, day: warsawDayAndTime(e.starts_at).day, startTime: '10:00', endTime: '11:00' }
  }
  const decisionOn = async (decision: string) => {
    const eventPath = page('/events/:eventId/programme').replace(/\/programme$/, '')
    const r = await db
      .selectFrom('event_registrations')
      .select('id')
      .where('event_id', '=', eventPath.split('/')[2] as string)
      .where('state', '=', 'confirmed')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow()
    return `${eventPath}/registrations/${r.id}/${decision}`
  }
  const eventRegistration = async () => {
    const token = randomBytes(32).toString('base64url')
    const event = await db
      .selectFrom('events')
      .select('id')
      .where('starts_at', '>', new Date())
      .orderBy('starts_at')
      .executeTakeFirstOrThrow()
    await db
      .insertInto('event_registrations')
      .values({
        event_id: event.id,
        name: 'Halina Walczak',
        email: `halina.${randomBytes(3).toString('hex')}@example.pl`,
        state: 'unconfirmed',
        token_hash: hashToken(token),
        lang: 'pl',
      })
      .execute()
    return token
  }
  return {
    '/password-reset/:token': () => at(page('/password-reset/:token')),
    '/invitation/:token': () => at(page('/invitation/:token')),
    // An expired invitation, which is what a renewal is for; renewing uses it up.
    '/invitation/:token/renew': async () => at(`/invitation/${(await invitation(-hour)).token}/renew`),
    '/people/invitations/:id/revoke': async () =>
      at(`/people/invitations/${(await invitation(hour)).id}/revoke`),
    '/people/:id/role': () => at(`/people/${made.managed}/role`),
    '/people/:id/deactivate': () => at(`/people/${made.managed}/deactivate`),
    '/people/:id/reactivate': () => at(`/people/${made.managed}/reactivate`),
    '/organisations/:id': () => at(page('/organisations/:id')),
    // What a mail program posts (RFC 8058); anything else is a bad request.
    '/unsubscribe/:token': () => ({
      url: page('/unsubscribe/:token'),
      form: { 'List-Unsubscribe': 'One-Click' },
    }),
    // A registration of its own for each request (giving it up uses it up); its private link.
    '/events/registrations/:token/confirm': async () =>
      at(`/events/registrations/${await eventRegistration()}/confirm`),
    '/events/registrations/:token/cancel': async () =>
      at(`/events/registrations/${await eventRegistration()}/cancel`),
    '/events/:eventId/register': () => at(page('/events/:eventId/register')),
    '/events/:eventId/cancel': () => at(`${page('/events/:eventId/edit').replace(/\/edit$/, '')}/cancel`),
    '/events/:eventId/confirm': () => at(`${page('/events/:eventId/edit').replace(/\/edit$/, '')}/confirm`),
    '/events/:eventId/edit': () => at(page('/events/:eventId/edit')),
    // Someone with a place at the training held, marked present (again: it changes nothing).
    '/events/:eventId/check-in/:registrationId': async () => {
      const training = await heldTraining({ db })
      const r = await db
        .selectFrom('event_registrations')
        .select('id')
        .where('event_id', '=', training)
        .where('state', '=', 'confirmed')
        .orderBy('id')
        .limit(1)
        .executeTakeFirstOrThrow()
      return { url: `/events/${training}/check-in/${r.id}`, form: { present: 'yes' } }
    },
    '/events/:eventId/certificates': async () => at(`/events/${await heldTraining({ db })}/certificates`),
    '/events/:eventId/survey': () =>
      at(page('/events/:eventId/programme').replace(/\/programme$/, '/survey')),
    '/events/registrations/:token/survey': async () =>
      at(`/events/registrations/${await eventRegistration()}/survey`),
    '/events/:eventId/documents': () => at(page('/events/:eventId/documents')),
    '/events/:eventId/documents/remove': () => at(`${page('/events/:eventId/documents')}/remove`),
    // A decision on someone holding a place at the full workshop: no longer awaited, said so (303).
    '/events/:eventId/registrations/:registrationId/approve': async () => at(await decisionOn('approve')),
    '/events/:eventId/registrations/:registrationId/decline': async () => at(await decisionOn('decline')),
    // A session of the full workshop's programme: added, changed, and one of its own removed each time.
    '/events/:eventId/programme': async () => ({
      url: page('/events/:eventId/programme'),
      form: await sessionForm('Podsumowanie warsztatu'),
    }),
    '/events/:eventId/programme/:sessionId': async () => ({
      url: page('/events/:eventId/programme/:sessionId'),
      form: await sessionForm('Budżet partycypacyjny: zasady, harmonogram, głosowanie'),
    }),
    '/events/:eventId/programme/:sessionId/remove': async () => {
      const eventPath = page('/events/:eventId/programme')
      const { day } = await sessionForm('')
      const session = await db
        .insertInto('event_sessions')
        .values({
          event_id: eventPath.split('/')[2] as string,
          title: 'Sesja próbna',
          starts_at: warsawInstant(day, '10:00'),
          ends_at: warsawInstant(day, '11:00'),
          capacity: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return at(`${eventPath}/${session.id}/remove`)
    },
    // Choosing no session: one's own registration (the member's offered place), or the private link's.
    '/events/:eventId/sessions': () =>
      at(page('/events/:eventId/programme').replace(/\/programme$/, '/sessions')),
    '/events/registrations/:token/sessions': async () =>
      at(`/events/registrations/${await eventRegistration()}/sessions`),
    // A question asked on the full workshop's form (a text: nothing more needed).
    '/events/:eventId/questions': () => ({
      url: page('/events/:eventId/questions'),
      form: { kind: 'text', label: 'Skąd wiesz o warsztacie?' },
    }),
    // A question of its own for the full workshop, each time (removing it uses it up).
    '/events/:eventId/questions/:questionId/remove': async () => {
      const eventPath = page('/events/:eventId/questions')
      const question = await db
        .insertInto('event_questions')
        .values({
          event_id: eventPath.split('/')[2] as string,
          position: 100,
          kind: 'text',
          label: 'Pytanie próbne',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return at(`${eventPath}/${question.id}/remove`)
    },
    // Recruitment: refused forms are handled too (an empty form is refused beside its fields); the
    // draft's link saves a draft; withdrawing uses an application up, so each request has its own.
    '/recruitments/:recruitmentId/edit': () => at(page('/recruitments/:recruitmentId/edit')),
    '/recruitments/:recruitmentId/publish': () =>
      at(page('/recruitments/:recruitmentId/edit').replace(/\/edit$/, '/publish')),
    '/recruitments/:recruitmentId/fields': () => ({
      url: page('/recruitments/:recruitmentId/fields'),
      form: { kind: 'text', label: 'Skąd wiesz o naborze?' },
    }),
    // A question of its own each time (removing it uses it up; with applications in, it is refused).
    '/recruitments/:recruitmentId/fields/:fieldId/remove': async () => {
      const fieldsPath = page('/recruitments/:recruitmentId/fields')
      const field = await db
        .insertInto('recruitment_fields')
        .values({
          recruitment_id: fieldsPath.split('/')[2] as string,
          position: 100 + Math.floor(Math.random() * 100_000),
          kind: 'text',
          label: 'Pytanie próbne',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return at(`${fieldsPath}/${field.id}/remove`)
    },
    '/recruitments/:recruitmentId/documents': () => at(page('/recruitments/:recruitmentId/documents')),
    '/recruitments/:recruitmentId/documents/remove': () =>
      at(`${page('/recruitments/:recruitmentId/documents')}/remove`),
    '/recruitments/:recruitmentId/apply': () => at(page('/recruitments/:recruitmentId/apply')),
    '/recruitments/:recruitmentId/applications/new': () =>
      at(page('/recruitments/:recruitmentId/applications/new')),
    '/recruitments/:recruitmentId/decide': () =>
      at(page('/recruitments/:recruitmentId/edit').replace(/\/edit$/, '/decide')),
    '/recruitments/:recruitmentId/applications/:applicationId/check': () =>
      at(`${page('/recruitments/:recruitmentId/applications/:applicationId')}/check`),
    '/recruitments/:recruitmentId/applications/:applicationId/points': () =>
      at(`${page('/recruitments/:recruitmentId/applications/:applicationId')}/points`),
    '/recruitments/applications/:token': () => ({
      url: `/recruitments/applications/${tokens.applicationDraft}`,
      form: { action: 'draft', givenName: 'Halina' },
    }),
    '/recruitments/applications/:token/withdraw': async () => {
      const token = randomBytes(32).toString('base64url')
      const recruitment = page('/recruitments/:recruitmentId/edit').split('/')[2] as string
      await db
        .insertInto('recruitment_applications')
        .values({
          recruitment_id: recruitment,
          email: `halina.${randomBytes(3).toString('hex')}@example.pl`,
          lang: 'pl',
          token_hash: hashToken(token),
          state: 'draft',
        })
        .execute()
      return at(`/recruitments/applications/${token}/withdraw`)
    },
    '/translations/:token/start': () => at(`/translations/${tokens.translation}/start`),
    '/translations/:token': () => at(page('/translations/:token')),
    // The secretary's own feed, a new one each time (revoking uses it up).
    '/calendar/feeds/:feedId/revoke': async () => {
      const feed = await db
        .insertInto('calendar_feeds')
        .values({
          person_id: made.secretary,
          space_id: null,
          token_hash: hashToken(randomBytes(32).toString('base64url')),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return at(`/calendar/feeds/${feed.id}/revoke`)
    },
    // A whole form: the handler looks whose item it is only once the form is valid.
    '/actions/:actionId': () => ({ url: `/actions/${made.action}`, form: { status: 'open', note: '' } }),
    '/analyses/:id/deliveries': () => at(`${page('/analyses/:id')}/deliveries`),
    '/projects/:id/reports': () => at(`${page('/projects/:id')}/reports`),
    '/projects/analysis/materials': () => at('/projects/analysis/materials'),
    '/projects/import/:id/confirm': () => at(`${page('/projects/import/:id')}/confirm`),
    '/projects/:id/edit': () => at(`${page('/projects/:id')}/edit`),
    '/projects/:id/partners': () => at(`${page('/projects/:id')}/partners`),
    '/projects/:id/partners/remove': () => at(`${page('/projects/:id')}/partners/remove`),
    '/projects/:id/groups': () => at(`${page('/projects/:id')}/groups`),
    '/projects/:id/groups/remove': () => at(`${page('/projects/:id')}/groups/remove`),
    '/projects/:id/indicators': () => at(`${page('/projects/:id')}/indicators`),
    '/projects/:id/indicators/remove': () => at(`${page('/projects/:id')}/indicators/remove`),
    '/projects/:id/staff': () => at(`${page('/projects/:id')}/staff`),
    '/projects/:id/staff/remove': () => at(`${page('/projects/:id')}/staff/remove`),
    '/projects/:id/contacts': () => at(`${page('/projects/:id')}/contacts`),
    '/projects/:id/contacts/remove': () => at(`${page('/projects/:id')}/contacts/remove`),
    '/projects/:id/schedule/remove': () => at(`${page('/projects/:id')}/schedule/remove`),
    '/projects/:id/schedule': () => at(page('/projects/:id/schedule')),
    '/projects/taxonomy/:id': () => at(page('/projects/taxonomy/:id')),
    '/projects/:id/steering': () => at(`${page('/projects/:id')}/steering`),
    '/projects/:id/news': () => at(page('/projects/:id/news')),
    '/community/forums/:forumId/topics': () => at(`${page('/community/forums/:forumId')}/topics`),
    '/community/topics/:topicId/posts': () => at(`${page('/community/topics/:topicId')}/posts`),
    '/community/topics/:topicId/accept': () => at(`${page('/community/topics/:topicId')}/accept`),
    '/community/topics/:topicId/lock': () => at(`${page('/community/topics/:topicId')}/lock`),
    '/community/topics/:topicId/pin': () => at(`${page('/community/topics/:topicId')}/pin`),
    '/community/topics/:topicId/move': () => at(`${page('/community/topics/:topicId')}/move`),
    '/community/topics/:topicId/merge': () => at(`${page('/community/topics/:topicId')}/merge`),
    '/community/topics/:topicId/article': () => at(`${page('/community/topics/:topicId')}/article`),
    '/community/topics/:topicId/follow': () => at(`${page('/community/topics/:topicId')}/follow`),
    '/community/topics/:topicId/unread': () => at(`${page('/community/topics/:topicId')}/unread`),
    '/community/forums/:forumId/follow': () => at(`${page('/community/forums/:forumId')}/follow`),
    '/community/knowledge/:articleId/edit': () => at(page('/community/knowledge/:articleId/edit')),
    '/community/knowledge/:articleId/feedback': () =>
      at(`${page('/community/knowledge/:articleId')}/feedback`),
    '/community/posts/:postId/flag': () => at(`/community/posts/${made.publishedPost}/flag`),
    '/community/posts/:postId': () => at(`/community/posts/${made.editedPost}`),
    '/community/posts/:postId/edit': () => at(`/community/posts/${made.editedPost}/edit`),
    '/community/posts/:postId/history': () => at(`/community/posts/${made.editedPost}/history`),
    '/community/posts/:postId/attachments': () => at(`/community/posts/${made.editedPost}/attachments`),
    '/community/partners/saved/:searchId/remove': () =>
      at(`/community/partners/saved/${made.savedSearch}/remove`),
    '/community/posts/:postId/attachments/remove': () =>
      at(`/community/posts/${made.editedPost}/attachments/remove`),
    '/community/attachments/:attachmentId': () => at(`/community/attachments/${made.attachment}`),
    '/community/posts/:postId/approve': () => at(`/community/posts/${made.heldPost}/approve`),
    '/community/posts/:postId/hide': () => at(`/community/posts/${made.heldPost}/hide`),
    '/community/posts/:postId/show': () => at(`/community/posts/${made.heldPost}/show`),
    '/community/flags/:flagId/dismiss': () => at(`/community/flags/${made.flag}/dismiss`),
    '/community/organisations/:organisationId/edit': () =>
      at(page('/community/organisations/:organisationId/edit')),
    '/community/organisations/:organisationId/messages': () =>
      at(`/community/organisations/${made.organisation}/messages`),
    '/community/partners/requests/:requestId/edit': () =>
      at(page('/community/partners/requests/:requestId/edit')),
    '/community/partners/requests/:requestId/withdraw': () =>
      at(`/community/partners/requests/${made.toWithdraw}/withdraw`),
    '/community/messages/:threadId/messages': () => at(`${page('/community/messages/:threadId')}/messages`),
    '/community/messages/:threadId/reveal': () => at(`${page('/community/messages/:threadId')}/reveal`),
    '/community/messages/:threadId/report': () => at(`${page('/community/messages/:threadId')}/report`),
    '/community/reports/:reportId/resolve': () => at(`/community/reports/${made.report}/resolve`),
    '/projects/:id/news/remove': () => at(`${page('/projects/:id/news')}/remove`),
    '/projects/:id/documents': () => at(page('/projects/:id/documents')),
    '/projects/:id/documents/remove': () => at(`${page('/projects/:id/documents')}/remove`),
    '/projects/groups/:groupId': () => at(page('/projects/groups/:groupId')),
    '/projects/groups/:groupId/projects': () => at(`${page('/projects/groups/:groupId')}/projects`),
    '/projects/groups/:groupId/projects/remove': () =>
      at(`${page('/projects/groups/:groupId')}/projects/remove`),
    '/projects/themes/:id': () => at(page('/projects/themes/:id')),
  }
}
