// Every GET route of the app at real addresses: its parameters filled from real objects of the demo
// data (loaded with its files) and a few made here (private links, draft minutes, a notification).
// Tests that must reach every page (the route walk, the accessibility gate) take their addresses
// from here, so a new page is either given a way to be filled below or the walk fails.
import assert from 'node:assert/strict'
import type { Kysely } from 'kysely'
import { addDays, today, warsawInstant } from '../../src/kernel/dates.ts'
import type { Database } from '../../src/kernel/db.ts'
import { hashToken } from '../../src/kernel/tokens.ts'
import { unsubscribeToken } from '../../src/modules/notifications/rules.ts'
import type { TestApp } from './app.ts'
import { signedIn } from './client.ts'
import { solidPng } from './png.ts'

export const people = {
  secretary: 'sekretarz@demo.siatka.test',
  member: 'czlonek@demo.siatka.test',
  admin: 'admin@demo.siatka.test',
  coordinator: 'koordynator@demo.siatka.test',
  managingAuthority: 'iz@demo.siatka.test',
  expert: 'ekspert@demo.siatka.test',
  projectStaff: 'projekt@demo.siatka.test',
} as const

/** The space most of the demo happens in: meetings in every state, a material with files, study visits, analyses. */
export const mainSpace = 'KST ds. ekonomii społecznej'

/** The private links made here (each 43 base64url characters, as a real token). */
export const tokens = {
  feed: `feed${'F'.repeat(39)}`,
  translation: `translation${'T'.repeat(32)}`,
  invitation: `invitation${'I'.repeat(33)}`,
  passwordReset: `reset${'R'.repeat(38)}`,
  eventRegistration: `event${'E'.repeat(38)}`,
  eventCertificate: `certificate${'C'.repeat(32)}`,
  applicationDraft: `application${'A'.repeat(32)}`,
  applicationDecided: `decided${'D'.repeat(36)}`,
}

type Db = Kysely<Database>
/** A route's addresses; more than one where the page shows differently (a meeting ahead, held, a study visit). */
type Filler = (w: World) => Promise<string[]> | string[]

interface World {
  db: Db
  space: string
  secretaryId: string
  sessionSecret: string
}

const one = async <T>(rows: Promise<T | undefined>, what: string): Promise<T> => {
  const row = await rows
  assert.ok(row, `the test data holds ${what}`)
  return row
}

const meetingsOf = (w: World) =>
  w.db
    .selectFrom('meetings')
    .select(['id', 'kind', 'status', 'starts_at'])
    .where('space_id', '=', w.space)
    .orderBy('starts_at')
    .execute()

const meetingPath = (w: World, id: string) => `/spaces/${w.space}/meetings/${id}`

async function studyVisits(w: World) {
  const visits = (await meetingsOf(w)).filter((m) => m.kind === 'study_visit')
  assert.ok(visits.length > 0, 'the test data holds a study visit')
  return visits
}

async function withMinutes(w: World, status: 'draft' | 'approved') {
  return one(
    w.db
      .selectFrom('minutes as mi')
      .innerJoin('meetings as m', 'm.id', 'mi.meeting_id')
      .select(['mi.id as minutesId', 'm.id as meetingId', 'mi.revision'])
      .where('m.space_id', '=', w.space)
      .where('mi.status', '=', status)
      .orderBy('m.starts_at', 'desc')
      .executeTakeFirst(),
    `${status} minutes`,
  )
}

async function decisionOf(w: World, meetingId: string) {
  return one(
    w.db.selectFrom('decisions').select('id').where('meeting_id', '=', meetingId).executeTakeFirst(),
    'a decision',
  )
}

/** SIRES (seed 004), whose staff the demo's project staff is on. */
const sires = async (w: World) =>
  (
    await one(
      w.db.selectFrom('projects').select('id').where('acronym', '=', 'SIRES').executeTakeFirst(),
      'SIRES',
    )
  ).id

/** The demo's workshop whose places are all taken, with a waiting list. */
export const fullWorkshop = async (w: { db: Kysely<Database> }) =>
  (
    await one(
      w.db
        .selectFrom('events')
        .select('id')
        .where('title', '=', 'Warsztat: budżet partycypacyjny i inicjatywa lokalna w gminie')
        .executeTakeFirst(),
      'the full workshop',
    )
  ).id

/** The expert panel, whose organiser approves each registration (three await a decision). */
export const expertPanel = async (w: { db: Kysely<Database> }) =>
  (
    await one(
      w.db
        .selectFrom('events')
        .select('id')
        .where('title', '=', 'Panel ekspercki: modele współpracy samorządu i organizacji pozarządowych')
        .executeTakeFirst(),
      'the expert panel',
    )
  ).id

/** The training the transnational project (PSWPS) ran days ago: attendance and certificates. */
export const heldTraining = async (w: { db: Kysely<Database> }) =>
  (
    await one(
      w.db
        .selectFrom('events')
        .select('id')
        .where('kind', '=', 'training')
        .where('project_id', 'is not', null)
        .where('starts_at', '<', new Date())
        .executeTakeFirst(),
      'the training held',
    )
  ).id

/** A certificate's code from the training held. */
export const certificateCodeOf = async (w: { db: Kysely<Database> }) =>
  (
    await one(
      w.db
        .selectFrom('event_registrations')
        .select('certificate_code')
        .where('event_id', '=', await heldTraining(w))
        .where('certificate_code', 'is not', null)
        .executeTakeFirst(),
      'a certificate issued',
    )
  ).certificate_code

/** The demo's networking conference, held weeks ago. */
export const heldConference = async (w: Pick<World, 'db'>) =>
  (
    await one(
      w.db
        .selectFrom('events')
        .select('id')
        .where('kind', '=', 'conference')
        .orderBy('starts_at')
        .executeTakeFirst(),
      'the conference held',
    )
  ).id

/** The community's forum on transnational cooperation. */
const transnationalForum = async (w: { db: Kysely<Database> }) =>
  (
    await one(
      w.db
        .selectFrom('community_forums')
        .select('id')
        .where('name_pl', '=', 'Współpraca ponadnarodowa')
        .executeTakeFirst(),
      'the transnational cooperation forum',
    )
  ).id

/** A published article of the knowledge base with more than one version. */
const article = async (w: { db: Kysely<Database> }) =>
  (
    await one(
      w.db
        .selectFrom('community_articles')
        .select('id')
        .where('published', '=', true)
        .where('version', '>', 1)
        .orderBy('title')
        .executeTakeFirst(),
      'an article with versions',
    )
  ).id

/** The demo member's cooperative, with a community profile and an open partner request. */
export const cooperative = async (w: { db: Kysely<Database> }) =>
  (
    await one(
      w.db
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', 'Spółdzielnia Socjalna „Razem”')
        .executeTakeFirst(),
      'the member’s cooperative',
    )
  ).id

const cooperativeRequest = async (w: { db: Kysely<Database> }) =>
  (
    await one(
      w.db
        .selectFrom('community_partner_requests')
        .select('id')
        .where('organisation_id', '=', await cooperative(w))
        .where('closed_at', 'is', null)
        .orderBy('created_at')
        .executeTakeFirst(),
      'the cooperative’s request',
    )
  ).id

const answeredQuestion = (w: World) =>
  one(
    w.db
      .selectFrom('community_topics')
      .select('id')
      .where('title', '=', 'Jak opisać podział zadań w umowie o współpracy ponadnarodowej?')
      .executeTakeFirst(),
    'an answered question',
  )

/** The expert's answer the demo shows edited (its earlier text kept). */
const editedAnswer = async (w: World) =>
  (
    await one(
      w.db
        .selectFrom('community_posts')
        .select('id')
        .where('edited_at', 'is not', null)
        .where('body', 'like', 'Dobrze sprawdza się załącznik%')
        .executeTakeFirst(),
      'the edited answer',
    )
  ).id

/** The FERS project, whose news and documents the demo holds (the demo's project staff is on it too). */
const pswps = async (w: World) =>
  (
    await one(
      w.db.selectFrom('projects').select('id').where('acronym', '=', 'PSWPS').executeTakeFirst(),
      'PSWPS',
    )
  ).id

/** One of the FERS project's documents: a public one, or the one kept inside. */
const projectDocument = (w: World, isPublic: boolean) =>
  one(
    w.db
      .selectFrom('project_documents')
      .select(['id', 'project_id'])
      .where('is_public', '=', isPublic)
      .executeTakeFirst(),
    `a ${isPublic ? 'public' : 'private'} project document`,
  )

async function analysis(w: World) {
  return one(
    w.db
      .selectFrom('analysis_orders as o')
      .innerJoin('analysis_deliveries as d', 'd.order_id', 'o.id')
      .select(['o.id', 'd.id as deliveryId'])
      .where('o.space_id', '=', w.space)
      .executeTakeFirst(),
    'a delivered analysis',
  )
}

async function materialFile(w: World, visibility?: 'public') {
  let q = w.db
    .selectFrom('materials as m')
    .innerJoin('material_files as f', 'f.material_id', 'm.id')
    .select(['m.id', 'f.id as fileId', 'm.meeting_id'])
    .where('m.space_id', '=', w.space)
  if (visibility) q = q.where('m.visibility', '=', visibility)
  return one(q.orderBy('m.created_at').executeTakeFirst(), `a ${visibility ?? ''} material with a file`)
}

const fillers: Record<string, Filler> = {
  // The display preferences are links (DESIGN.md): the walk sets them to what they already are.
  '/preferences': () => ['/preferences', '/preferences?textSize=normal&contrast=normal&back=%2F'],
  '/password-reset/:token': () => [`/password-reset/${tokens.passwordReset}`],
  '/invitation/:token': () => [`/invitation/${tokens.invitation}`],
  '/feeds/:token/calendar.ics': () => [`/feeds/${tokens.feed}/calendar.ics`],
  '/translations/:token': () => [`/translations/${tokens.translation}`],
  '/translations/:token/source': () => [`/translations/${tokens.translation}/source`],
  '/unsubscribe/:token': (w) => [
    `/unsubscribe/${unsubscribeToken(w.sessionSecret, w.secretaryId, 'announcement')}`,
    `/unsubscribe/${unsubscribeToken(w.sessionSecret, w.secretaryId, 'digest')}`,
  ],
  '/people/:id': async (w) => [`/people/${w.secretaryId}`],
  '/organisations/:id': async (w) => {
    const o = await one(w.db.selectFrom('organisations').select('id').executeTakeFirst(), 'an organisation')
    return [`/organisations/${o.id}`]
  },
  '/notifications/:id': async (w) => {
    const n = await one(
      w.db.selectFrom('notifications').select('id').where('person_id', '=', w.secretaryId).executeTakeFirst(),
      'a notification',
    )
    return [`/notifications/${n.id}`]
  },
  '/spaces/:id': (w) => [`/spaces/${w.space}`],
  '/spaces/:id/settings': (w) => [`/spaces/${w.space}/settings`],
  '/spaces/:id/members': (w) => [`/spaces/${w.space}/members`],
  '/spaces/:id/compositions': (w) => [`/spaces/${w.space}/compositions`],
  '/spaces/:id/compositions/:itemId': async (w) => {
    const p = await one(
      w.db.selectFrom('composition_proposals').select(['id', 'space_id']).executeTakeFirst(),
      'a composition proposal',
    )
    return [`/spaces/${p.space_id}/compositions/${p.id}`]
  },
  '/spaces/:id/schedule': (w) => [`/spaces/${w.space}/schedule`, `/spaces/${w.space}/schedule?view=calendar`],
  '/spaces/:id/schedule/new': (w) => [`/spaces/${w.space}/schedule/new`],
  '/spaces/:id/schedule/:itemId': async (w) => {
    const s = await one(
      w.db.selectFrom('schedule_items').select(['id', 'space_id']).executeTakeFirst(),
      'a schedule item',
    )
    return [`/spaces/${s.space_id}/schedule/${s.id}`]
  },
  '/spaces/:id/rules': (w) => [`/spaces/${w.space}/rules`],
  '/spaces/:id/rules/new': (w) => [`/spaces/${w.space}/rules/new`],
  '/spaces/:id/announcements': (w) => [`/spaces/${w.space}/announcements`],
  '/networks/:id': (w) => [`/networks/${w.space}`],
  '/spaces/:id/meetings': (w) => [`/spaces/${w.space}/meetings`],
  '/spaces/:id/meetings/new': (w) => [`/spaces/${w.space}/meetings/new`],
  // Every meeting of the space: ahead, answered, held with minutes, today's with draft minutes, visits.
  '/spaces/:id/meetings/:itemId': async (w) => (await meetingsOf(w)).map((m) => meetingPath(w, m.id)),
  '/spaces/:id/meetings/:itemId/edit': async (w) => [`${await meetingAhead(w)}/edit`],
  '/spaces/:id/meetings/:itemId/cancel': async (w) => [`${await meetingAhead(w)}/cancel`],
  '/spaces/:id/meetings/:itemId/notices/:noticeId': async (w) => {
    const n = await one(
      w.db
        .selectFrom('meeting_notices as n')
        .innerJoin('meetings as m', 'm.id', 'n.meeting_id')
        .select(['n.id', 'n.meeting_id'])
        .where('m.space_id', '=', w.space)
        .executeTakeFirst(),
      'a notice',
    )
    return [`${meetingPath(w, n.meeting_id)}/notices/${n.id}`]
  },
  '/spaces/:id/meetings/:itemId/materials.zip': async (w) => {
    const f = await materialFile(w)
    assert.ok(f.meeting_id, 'the material belongs to a meeting')
    return [`${meetingPath(w, f.meeting_id)}/materials.zip`]
  },
  '/spaces/:id/materials/:itemId': async (w) => [
    `/spaces/${w.space}/materials/${(await materialFile(w)).id}`,
  ],
  '/spaces/:id/materials/:itemId/files/:fileId': async (w) => {
    const f = await materialFile(w)
    return [`/spaces/${w.space}/materials/${f.id}/files/${f.fileId}`]
  },
  '/networks/:id/materials/:itemId/files/:fileId': async (w) => {
    const f = await materialFile(w, 'public')
    return [`/networks/${w.space}/materials/${f.id}/files/${f.fileId}`]
  },
  '/spaces/:id/meetings/:itemId/attendance.pdf': async (w) => [
    `${meetingPath(w, (await withMinutes(w, 'approved')).meetingId)}/attendance.pdf`,
  ],
  '/spaces/:id/meetings/:itemId/minutes': async (w) => [
    `${meetingPath(w, (await withMinutes(w, 'draft')).meetingId)}/minutes`,
    `${meetingPath(w, (await withMinutes(w, 'approved')).meetingId)}/minutes`,
  ],
  '/spaces/:id/meetings/:itemId/minutes/edit': async (w) => [
    `${meetingPath(w, (await withMinutes(w, 'draft')).meetingId)}/minutes/edit`,
  ],
  '/spaces/:id/meetings/:itemId/minutes/decisions/:decisionId': async (w) => {
    const { meetingId } = await withMinutes(w, 'draft')
    return [`${meetingPath(w, meetingId)}/minutes/decisions/${(await decisionOf(w, meetingId)).id}`]
  },
  '/spaces/:id/meetings/:itemId/minutes/revisions/:revision/:format': async (w) => {
    const { meetingId, revision } = await withMinutes(w, 'approved')
    return ['pdf', 'docx', 'odt'].map(
      (format) => `${meetingPath(w, meetingId)}/minutes/revisions/${revision}/${format}`,
    )
  },
  '/spaces/:id/decisions': (w) =>
    ['', '?format=csv', '?format=xlsx'].map((q) => `/spaces/${w.space}/decisions${q}`),
  '/spaces/:id/decisions/:decisionId': async (w) => {
    const { meetingId } = await withMinutes(w, 'approved')
    return [`/spaces/${w.space}/decisions/${(await decisionOf(w, meetingId)).id}`]
  },
  '/decisions': () => ['/decisions', '/decisions?format=csv', '/decisions?format=xlsx'],
  '/directory': () => ['/directory', '/directory?format=csv', '/directory?format=xlsx'],
  '/calendar': () => ['/calendar', '/calendar?view=month'],
  '/spaces/:id/analyses': (w) => [`/spaces/${w.space}/analyses`],
  '/spaces/:id/analyses/new': (w) => [`/spaces/${w.space}/analyses/new`],
  '/spaces/:id/analyses/:itemId': async (w) => [`/spaces/${w.space}/analyses/${(await analysis(w)).id}`],
  '/spaces/:id/analyses/:itemId/deliveries/:deliveryId': async (w) => {
    const a = await analysis(w)
    return [`/spaces/${w.space}/analyses/${a.id}/deliveries/${a.deliveryId}`]
  },
  '/analyses/:id': async (w) => [`/analyses/${(await analysis(w)).id}`],
  '/projects': () => ['/projects'],
  '/funded-projects': () => ['/funded-projects'],
  '/funded-projects/:id': async (w) => [`/funded-projects/${await sires(w)}`],
  // SIRES (seed 004), whose staff the demo's project staff is on.
  '/projects/:id': async (w) => [`/projects/${await sires(w)}`],
  '/projects/new': () => ['/projects/new'],
  '/projects/analysis': () => ['/projects/analysis'],
  // The forum's search: the form alone, and words that find topics in Polish and English.
  '/community/search': () => ['/community/search', '/community/search?q=tlumaczenie&answered=yes'],
  // The community's first forum, as a whole and its waiting questions; a question with its accepted answer.
  '/community/forums/:forumId': async (w) => [
    `/community/forums/${await transnationalForum(w)}`,
    `/community/forums/${await transnationalForum(w)}?show=unanswered&language=en`,
  ],
  '/community/forums/:forumId/feed.atom': async (w) => [
    `/community/forums/${await transnationalForum(w)}/feed.atom`,
  ],
  '/community/forums/:forumId/feed.rss': async (w) => [
    `/community/forums/${await transnationalForum(w)}/feed.rss`,
  ],
  // The demo's expert, who shows every part of the profile and has accepted answers.
  '/community/people/:personId': async (w) => [
    `/community/people/${(await one(w.db.selectFrom('people').select('id').where('email', '=', people.expert).executeTakeFirst(), 'the expert')).id}`,
  ],
  '/community/topics/:topicId': async (w) => [`/community/topics/${(await answeredQuestion(w)).id}`],
  '/community/topics/:topicId/unread': async (w) => [
    `/community/topics/${(await answeredQuestion(w)).id}/unread`,
  ],
  // The expert's answer to that question, edited once: its link, its form, its history, its report.
  '/community/posts/:postId': async (w) => [`/community/posts/${await editedAnswer(w)}`],
  '/community/posts/:postId/edit': async (w) => [`/community/posts/${await editedAnswer(w)}/edit`],
  '/community/posts/:postId/history': async (w) => [`/community/posts/${await editedAnswer(w)}/history`],
  '/community/posts/:postId/flag': async (w) => [`/community/posts/${await editedAnswer(w)}/flag`],
  '/community/posts/:postId/attachments': async (w) => [
    `/community/posts/${await editedAnswer(w)}/attachments`,
  ],
  // The annex's model the expert attached to that answer.
  '/community/attachments/:attachmentId': async (w) => [
    `/community/attachments/${(await one(w.db.selectFrom('community_attachments').select('id').executeTakeFirst(), 'a post’s file')).id}`,
  ],
  // The knowledge base: its overview and a section; an article with two versions, compared.
  '/community/knowledge': () => [
    '/community/knowledge',
    '/community/knowledge?section=budgeting&language=pl',
  ],
  '/community/knowledge/:articleId': async (w) => [`/community/knowledge/${await article(w)}`],
  '/community/knowledge/:articleId/edit': async (w) => [`/community/knowledge/${await article(w)}/edit`],
  '/community/knowledge/:articleId/versions': async (w) => [
    `/community/knowledge/${await article(w)}/versions`,
    `/community/knowledge/${await article(w)}/versions?from=1&to=2`,
  ],
  // Partner search: the member's cooperative (the member is its contact person), its open request,
  // and the Irish network's conversation with it.
  '/community/organisations/:organisationId': async (w) => [
    `/community/organisations/${await cooperative(w)}`,
  ],
  '/community/organisations/:organisationId/edit': async (w) => [
    `/community/organisations/${await cooperative(w)}/edit`,
  ],
  '/community/partners/requests/:requestId': async (w) => [
    `/community/partners/requests/${await cooperativeRequest(w)}`,
  ],
  '/community/partners/requests/:requestId/edit': async (w) => [
    `/community/partners/requests/${await cooperativeRequest(w)}/edit`,
  ],
  '/community/messages/:threadId': async (w) => [
    `/community/messages/${
      (
        await one(
          w.db
            .selectFrom('community_threads')
            .select('id')
            .where('organisation_id', '=', await cooperative(w))
            .executeTakeFirst(),
          'the conversation with the cooperative',
        )
      ).id
    }`,
  ],
  // The chooser alone, and a voivodeship's subregions, powiats and gminas.
  '/projects/regions/units': () => ['/projects/regions/units', '/projects/regions/units?voivodeship=12'],
  '/projects/import': () => ['/projects/import'],
  // A checked file of one project, waiting for its confirmation.
  '/projects/import/:id': async (w) => {
    const by = await one(
      w.db
        .selectFrom('people')
        .select('id')
        .where('email', '=', 'koordynator@demo.siatka.test')
        .executeTakeFirst(),
      'the coordinator',
    )
    const row = await w.db
      .insertInto('project_imports')
      .values({
        created_by: by.id,
        file_name: 'projekty.csv',
        row_count: 0,
        new_organisations: '[]',
        problems: '[]',
        problem_count: 0,
        missing: '[]',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    return [`/projects/import/${row.id}`]
  },
  '/projects/:id/edit': async (w) => [`/projects/${await sires(w)}/edit`],
  '/projects/:id/parts': async (w) => [`/projects/${await sires(w)}/parts`],
  '/projects/:id/history': async (w) => [`/projects/${await sires(w)}/history`],
  // The schedule as a list, and as a month of SIRES's first round of training.
  '/projects/:id/schedule': async (w) => [
    `/projects/${await sires(w)}/schedule`,
    `/projects/${await sires(w)}/schedule?view=calendar&month=2017-05`,
  ],
  '/funded-projects/:id/schedule': async (w) => [
    `/funded-projects/${await sires(w)}/schedule`,
    `/funded-projects/${await sires(w)}/schedule?view=calendar&month=2017-05`,
  ],
  '/funded-projects/:id/schedule.ics': async (w) => [`/funded-projects/${await sires(w)}/schedule.ics`],
  '/projects/:id/poster.pdf': async (w) => [`/projects/${await sires(w)}/poster.pdf`],
  // The FERS project's news and documents (its public one on the public site).
  '/projects/:id/news': async (w) => [`/projects/${await pswps(w)}/news`],
  '/funded-projects/:id/news': async (w) => [`/funded-projects/${await pswps(w)}/news`],
  '/projects/:id/documents': async (w) => [`/projects/${await pswps(w)}/documents`],
  '/projects/:id/documents/:documentId': async (w) => {
    const doc = await projectDocument(w, false)
    return [`/projects/${doc.project_id}/documents/${doc.id}`]
  },
  '/funded-projects/:id/documents/:documentId': async (w) => {
    const doc = await projectDocument(w, true)
    return [`/funded-projects/${doc.project_id}/documents/${doc.id}`]
  },
  // The EU emblem of 2014–2020 the world gives (the demo keeps the placeholders).
  '/funded-projects/marks/:file': async (w) => {
    const mark = await one(
      w.db.selectFrom('project_mark_files').select('file_hash').executeTakeFirst(),
      'a mark’s file',
    )
    return [`/funded-projects/marks/${mark.file_hash}.png`]
  },
  // The demo's partnership group (SIRES is in it).
  '/projects/groups/:groupId': async (w) => {
    const group = await one(
      w.db.selectFrom('project_groups').select('id').orderBy('created_at').executeTakeFirst(),
      'a partnership group',
    )
    return [`/projects/groups/${group.id}`]
  },
  // POWER's measure 2.9, SIRES's; and the theme of social economy.
  '/projects/taxonomy/:id': async (w) => {
    const measure = await one(
      w.db.selectFrom('project_programmes').select('id').where('code', '=', '2.9').executeTakeFirst(),
      'measure 2.9',
    )
    return [`/projects/taxonomy/${measure.id}`]
  },
  '/projects/themes/:id': async (w) => {
    const theme = await one(
      w.db.selectFrom('project_themes').select('id').where('code', '=', 'social-economy').executeTakeFirst(),
      'the social economy theme',
    )
    return [`/projects/themes/${theme.id}`]
  },
  '/analyses/:id/deliveries/:deliveryId': async (w) => {
    const a = await analysis(w)
    return [`/analyses/${a.id}/deliveries/${a.deliveryId}`]
  },
  '/spaces/:id/meetings/:itemId/visit/participants.csv': async (w) => [
    `${meetingPath(w, (await studyVisits(w))[0].id)}/visit/participants.csv`,
  ],
  '/spaces/:id/meetings/:itemId/visit/participants.xlsx': async (w) => [
    `${meetingPath(w, (await studyVisits(w))[0].id)}/visit/participants.xlsx`,
  ],
  '/spaces/:id/meetings/:itemId/visit/report': async (w) =>
    (await studyVisits(w)).map((v) => `${meetingPath(w, v.id)}/visit/report`),
  // Events: the full workshop (its waiting list, a place on offer) and the conference held; the
  // private link of a person on that waiting list.
  '/events/:eventId': async (w) => [`/events/${await fullWorkshop(w)}`, `/events/${await heldConference(w)}`],
  '/events/:eventId/event.ics': async (w) => [`/events/${await fullWorkshop(w)}/event.ics`],
  '/events/:eventId/register': async (w) => [`/events/${await fullWorkshop(w)}/register`],
  '/events/:eventId/edit': async (w) => [`/events/${await fullWorkshop(w)}/edit`],
  '/events/:eventId/registrations': async (w) => [`/events/${await fullWorkshop(w)}/registrations`],
  '/events/:eventId/questions': async (w) => [`/events/${await fullWorkshop(w)}/questions`],
  '/events/:eventId/documents': async (w) => [`/events/${await fullWorkshop(w)}/documents`],
  '/events/:eventId/documents/:documentId': async (w) => {
    const doc = await one(
      w.db.selectFrom('event_documents').select(['id', 'event_id']).orderBy('uploaded_at').executeTakeFirst(),
      'an event document (the demo keeps files)',
    )
    return [`/events/${doc.event_id}/documents/${doc.id}`]
  },
  '/events/:eventId/survey': async (w) => [
    `/events/${await fullWorkshop(w)}/survey`,
    `/events/${await heldConference(w)}/survey`,
  ],
  '/events/:eventId/programme': async (w) => [`/events/${await fullWorkshop(w)}/programme`],
  '/events/:eventId/programme/:sessionId': async (w) => {
    const event = await fullWorkshop(w)
    const session = await one(
      w.db
        .selectFrom('event_sessions')
        .select('id')
        .where('event_id', '=', event)
        .orderBy('starts_at')
        .executeTakeFirst(),
      'a session of the full workshop',
    )
    return [`/events/${event}/programme/${session.id}`]
  },
  '/events/registrations/:token': () => [
    `/events/registrations/${tokens.eventRegistration}`,
    `/events/registrations/${tokens.eventCertificate}`,
  ],
  // On the day: the check-in list of the training held (all, and a search), its list to sign; the
  // member's own certificate of the conference; a certificate by its private link; the public check
  // (empty, a code issued, a code mistyped).
  '/events/:eventId/check-in': async (w) => [
    `/events/${await heldTraining(w)}/check-in`,
    `/events/${await heldTraining(w)}/check-in?q=ska`,
  ],
  '/events/:eventId/attendance.pdf': async (w) => [`/events/${await heldTraining(w)}/attendance.pdf`],
  '/events/:eventId/certificate.pdf': async (w) => [`/events/${await heldConference(w)}/certificate.pdf`],
  '/events/registrations/:token/certificate.pdf': () => [
    `/events/registrations/${tokens.eventCertificate}/certificate.pdf`,
  ],
  '/events/certificates': async (w) => [
    '/events/certificates',
    `/events/certificates?code=${await certificateCodeOf(w)}`,
    '/events/certificates?code=K7QM-4XPD',
  ],
  '/events': () => ['/events', '/events?when=past&kind=conference'],
  // Recruitment: the open one (the workshops') and the one decided (the study visit's); an eligible
  // application of the first and a participant of the second; a draft's private link (its form) and
  // a decided applicant's (where they stand).
  '/recruitments/:recruitmentId': async (w) => [
    `/recruitments/${await recruitmentOf(w, 'open')}`,
    `/recruitments/${await recruitmentOf(w, 'decided')}`,
  ],
  '/recruitments/:recruitmentId/edit': async (w) => [`/recruitments/${await recruitmentOf(w, 'open')}/edit`],
  '/recruitments/:recruitmentId/fields': async (w) => [
    `/recruitments/${await recruitmentOf(w, 'open')}/fields`,
  ],
  '/recruitments/:recruitmentId/documents': async (w) => [
    `/recruitments/${await recruitmentOf(w, 'open')}/documents`,
  ],
  '/recruitments/:recruitmentId/documents/:documentId': async (w) => {
    const doc = await one(
      w.db
        .selectFrom('recruitment_documents')
        .select(['id', 'recruitment_id'])
        .orderBy('uploaded_at')
        .executeTakeFirst(),
      'a recruitment document (the demo keeps files)',
    )
    return [`/recruitments/${doc.recruitment_id}/documents/${doc.id}`]
  },
  '/recruitments/:recruitmentId/apply': async (w) => [
    `/recruitments/${await recruitmentOf(w, 'open')}/apply`,
  ],
  '/recruitments/:recruitmentId/applications': async (w) => [
    `/recruitments/${await recruitmentOf(w, 'open')}/applications`,
    `/recruitments/${await recruitmentOf(w, 'decided')}/applications?state=reserve`,
  ],
  '/recruitments/:recruitmentId/applications/new': async (w) => [
    `/recruitments/${await recruitmentOf(w, 'open')}/applications/new`,
  ],
  '/recruitments/:recruitmentId/applications/:applicationId': async (w) => [
    await applicationPath(w, 'open', 'eligible'),
    await applicationPath(w, 'decided', 'accepted'),
  ],
  // The certificate one applicant of the open recruitment attached (the demo keeps files).
  '/recruitments/:recruitmentId/applications/:applicationId/files/:fieldId': async (w) => {
    const file = await one(
      w.db
        .selectFrom('recruitment_application_files as f')
        .innerJoin('recruitment_applications as a', 'a.id', 'f.application_id')
        .select(['a.recruitment_id', 'f.application_id', 'f.field_id'])
        .executeTakeFirst(),
      'a file an application attached (the demo keeps files)',
    )
    return [`/recruitments/${file.recruitment_id}/applications/${file.application_id}/files/${file.field_id}`]
  },
  '/recruitments/:recruitmentId/ranking': async (w) => [
    `/recruitments/${await recruitmentOf(w, 'open')}/ranking`,
    `/recruitments/${await recruitmentOf(w, 'decided')}/ranking`,
  ],
  '/recruitments/:recruitmentId/participants.csv': async (w) => [
    `/recruitments/${await recruitmentOf(w, 'decided')}/participants.csv`,
  ],
  '/recruitments/:recruitmentId/participants.xlsx': async (w) => [
    `/recruitments/${await recruitmentOf(w, 'decided')}/participants.xlsx`,
  ],
  '/recruitments/applications/:token': () => [
    `/recruitments/applications/${tokens.applicationDraft}`,
    `/recruitments/applications/${tokens.applicationDecided}`,
  ],
  '/networks/:id/visits/:itemId': async (w) => {
    const held = (await studyVisits(w)).filter((v) => v.starts_at < new Date())
    assert.ok(held.length > 0, 'a study visit held')
    return held.map((v) => `/networks/${w.space}/visits/${v.id}`)
  },
}

/** The demo's recruitment open now, or the one decided. */
export async function recruitmentOf(w: Pick<World, 'db'>, which: 'open' | 'decided') {
  return (
    await one(
      w.db
        .selectFrom('recruitments')
        .select('id')
        .where('decided_at', which === 'open' ? 'is' : 'is not', null)
        .where('published_at', 'is not', null)
        .orderBy('created_at')
        .executeTakeFirst(),
      `a ${which} recruitment`,
    )
  ).id
}

/** The page of one application in a state. */
async function applicationPath(
  w: Pick<World, 'db'>,
  which: 'open' | 'decided',
  state: 'eligible' | 'accepted',
) {
  const id = await recruitmentOf(w, which)
  const a = await one(
    w.db
      .selectFrom('recruitment_applications')
      .select('id')
      .where('recruitment_id', '=', id)
      .where('state', '=', state)
      .orderBy('submitted_at')
      .executeTakeFirst(),
    `an application ${state}`,
  )
  return `/recruitments/${id}/applications/${a.id}`
}

async function meetingAhead(w: World) {
  const ahead = (await meetingsOf(w)).find(
    (m) => m.kind === 'meeting' && m.status === 'planned' && m.starts_at > new Date(),
  )
  assert.ok(ahead, 'a meeting ahead')
  return meetingPath(w, ahead.id)
}

/**
 * What the fillers need beyond the demo data: the private links (their tokens are only kept as
 * hashes, so the demo's cannot be known), a notification, a meeting held today with draft minutes
 * and a decision, and the demo's material made public.
 */
/** An invitation (from the admin) and a new password's link (for the member), with the tokens above. */
export async function givenLinkTokens(db: Db, who: { memberId: string; adminId: string }) {
  const inDays = (n: number) => new Date(Date.now() + n * 86_400_000)
  await db
    .insertInto('invitations')
    .values({
      email: 'zaproszona@example.pl',
      role: 'member',
      organisation_id: null,
      token_hash: hashToken(tokens.invitation),
      invited_by: who.adminId,
      expires_at: inDays(7),
    })
    .execute()
  await db
    .insertInto('password_resets')
    .values({ person_id: who.memberId, token_hash: hashToken(tokens.passwordReset), expires_at: inDays(1) })
    .execute()
  // The last person on the full workshop's waiting list holds the event link (a place given up goes to
  // the first, with a new link).
  const waiting = await db
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', await fullWorkshop({ db }))
    .where('state', '=', 'waiting')
    .orderBy('confirmed_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow()
  await db
    .updateTable('event_registrations')
    .set({ token_hash: hashToken(tokens.eventRegistration) })
    .where('id', '=', waiting.id)
    .execute()
  // Someone who came to the training held holds a link to their certificate (and the survey to answer).
  const certified = await db
    .selectFrom('event_registrations')
    .select('id')
    .where('event_id', '=', await heldTraining({ db }))
    .where('certificate_code', 'is not', null)
    .where('surveyed_at', 'is', null)
    .orderBy('id')
    .limit(1)
    .executeTakeFirstOrThrow()
  await db
    .updateTable('event_registrations')
    .set({ token_hash: hashToken(tokens.eventCertificate) })
    .where('id', '=', certified.id)
    .execute()
  // A draft of the open recruitment and a participant of the decided one hold their private links.
  for (const [which, state, token] of [
    ['open', 'draft', tokens.applicationDraft],
    ['decided', 'accepted', tokens.applicationDecided],
  ] as const) {
    const a = await db
      .selectFrom('recruitment_applications')
      .select('id')
      .where('recruitment_id', '=', await recruitmentOf({ db }, which))
      .where('state', '=', state)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
    await db
      .updateTable('recruitment_applications')
      .set({ token_hash: hashToken(token) })
      .where('id', '=', a.id)
      .execute()
  }
}

async function givenWorld(h: TestApp): Promise<World> {
  const db = h.database.db
  const space = await one(
    db.selectFrom('spaces').select('id').where('name_pl', '=', mainSpace).executeTakeFirst(),
    mainSpace,
  )
  const ids = new Map(
    (await db.selectFrom('people').select(['id', 'email']).execute()).map((p) => [p.email, p.id]),
  )
  const id = (email: string) => {
    const found = ids.get(email)
    assert.ok(found, email)
    return found
  }
  const secretaryId = id(people.secretary)
  const w: World = { db, space: space.id, secretaryId, sessionSecret: h.config.sessionSecret }
  // An official mark's file, as the administrator gives one, so its public address is opened too.
  const png = solidPng(600, 200)
  const mark = await h.app.storage.put(
    db,
    { bytes: png, name: 'ue.png' },
    { field: 'file', allowed: ['png'] },
  )
  await db
    .insertInto('project_mark_files')
    .values({
      slot: 'eu:2014-2020',
      file_hash: mark.hash,
      width: 600,
      height: 200,
      uploaded_by: id(people.admin),
      uploaded_at: new Date(),
    })
    .execute()
  await db
    .insertInto('calendar_feeds')
    .values({ person_id: secretaryId, space_id: null, token_hash: hashToken(tokens.feed) })
    .execute()
  await givenLinkTokens(db, { memberId: id(people.member), adminId: id(people.admin) })
  const translation = await db
    .updateTable('translation_requests')
    .set({ token_hash: hashToken(tokens.translation) })
    .where('outside_email', 'is not', null)
    .returning('id')
    .execute()
  assert.equal(translation.length, 1, 'the demo asked one outside translator (its files are loaded)')
  await db
    .insertInto('notifications')
    .values({
      person_id: secretaryId,
      kind: 'announcement',
      params: JSON.stringify({ space_pl: mainSpace, space_en: mainSpace, title: 'Zmiana sali' }),
      link: `/spaces/${space.id}/announcements`,
    })
    .execute()
  const material = await materialFile(w)
  await db.updateTable('materials').set({ visibility: 'public' }).where('id', '=', material.id).execute()
  await givenDraftMinutes(h, w)
  return w
}

/** A meeting that began today, with two items, its draft minutes started and a decision recorded. */
async function givenDraftMinutes(h: TestApp, w: World) {
  const day = today()
  const meeting = await w.db
    .insertInto('meetings')
    .values({
      space_id: w.space,
      kind: 'meeting',
      year: Number(day.slice(0, 4)),
      number: 95,
      subject: 'Posiedzenie dzisiejsze',
      starts_at: warsawInstant(day, '00:00'),
      ends_at: warsawInstant(day, '23:30'),
      place: 'ul. Wspólna 2/4, Warszawa',
      online_url: '',
      confirm_by: warsawInstant(addDays(day, -1), '12:00'),
      created_by: w.secretaryId,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const items = await w.db
    .insertInto('agenda_items')
    .values(
      ['Otwarcie posiedzenia', 'Przyjęcie planu pracy'].map((title, i) => ({
        meeting_id: meeting.id,
        position: i + 1,
        title,
        presenter: '',
        minutes: 30,
        kind: 'decision' as const,
      })),
    )
    .returning('id')
    .execute()
  const url = meetingPath(w, meeting.id)
  const secretary = await signedIn(h.app, people.secretary)
  await secretary.get(`${url}/minutes`)
  assert.equal((await secretary.post(`${url}/minutes/start`, {})).statusCode, 303, 'the minutes start')
  await secretary.get(`${url}/minutes`)
  const recorded = await secretary.post(`${url}/minutes/decisions`, {
    agendaItemId: items[1].id,
    title: 'w sprawie planu pracy',
    body: 'Przyjmuje się plan pracy.',
    votesFor: '5',
    votesAgainst: '0',
    votesAbstaining: '1',
  })
  assert.equal(recorded.statusCode, 303, 'a decision is recorded')
}

/** A GET route and one real address of it. */
export interface Sample {
  route: string
  path: string
}

/**
 * Makes what the pages need and gives every GET route (static files aside) at its real addresses.
 * Fails, naming them, when a route has parameters and no way to fill them: give it one above.
 */
export async function everyPage(h: TestApp): Promise<Sample[]> {
  const w = await givenWorld(h)
  const routes = h.app.routeList.filter((r) => r.method === 'GET' && !r.url.startsWith('/assets/'))
  const unfilled = routes.filter((r) => r.url.includes(':') && !fillers[r.url]).map((r) => r.url)
  assert.deepEqual(
    unfilled,
    [],
    'every GET route with parameters has a way to be filled (test/support/pages.ts)',
  )
  const samples: Sample[] = []
  for (const r of routes) {
    const filler = fillers[r.url]
    for (const path of filler ? await filler(w) : [r.url]) samples.push({ route: r.url, path })
  }
  return samples
}
