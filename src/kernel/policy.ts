// The one place that decides who may do what. Routes declare a permission next to their
// definition (config.permission); handlers call authorize() for rules that need the resource.
// Per-space roles are a second input: spaceCan() decides inside one space (network, body).
import { ForbiddenError, NotFoundError, SignInRequiredError } from './errors.ts'

export const globalRoles = [
  'admin',
  'coordinator',
  'secretary',
  'managing_authority',
  'member',
  'expert',
  'project_staff',
  'community_member',
] as const
export type GlobalRole = (typeof globalRoles)[number]

export interface Actor {
  id: string
  email: string
  name: string
  role: GlobalRole
  sessionId: string
  /** The request's address, for the audit log. */
  ip: string | null
}

const secretariat: readonly GlobalRole[] = ['admin', 'coordinator']
const has = (a: Actor | null, roles: readonly GlobalRole[]) => a !== null && roles.includes(a.role)

/** Route-level permissions. 'public' needs nothing, 'signedIn' any active account. */
const rules = {
  public: () => true,
  signedIn: (a: Actor | null) => a !== null,
  'people.read': (a: Actor | null) => a !== null && secretariat.includes(a.role),
  'people.invite': (a: Actor | null) => a !== null && secretariat.includes(a.role),
  'people.manage': (a: Actor | null) => a !== null && secretariat.includes(a.role),
  'organisations.manage': (a: Actor | null) => a !== null && secretariat.includes(a.role),
  'audit.read': (a: Actor | null) => a !== null && a.role === 'admin',
  'spaces.create': (a: Actor | null) => has(a, secretariat),
  // The member directory across spaces: the whole secretariat, network secretaries included.
  'spaces.directory': (a: Actor | null) => has(a, [...secretariat, 'secretary']),
  // The managing authority's own view of what awaits its decision.
  'compositions.review': (a: Actor | null) => has(a, ['admin', 'managing_authority']),
  // Every meeting notice sent: the managing authority receives them all (seed 000: "zawiadamianie IZ").
  'meetings.notices': (a: Actor | null) => has(a, [...secretariat, 'managing_authority']),
  // Translations of materials the secretariat ordered (seed 000): a network secretary sees those of
  // the spaces they service (servicesEverySpace tells the list which).
  'translations.read': (a: Actor | null) => has(a, [...secretariat, 'secretary']),
  // Commissioned analyses across spaces, with their sums (seed 000: "zlecanie wykonania dodatkowych
  // analiz"): a network secretary sees those of the spaces they service, as with translations.
  // The managing authority, which funds them, reads them all too (it orders none).
  'analyses.read': (a: Actor | null) => has(a, [...secretariat, 'secretary', 'managing_authority']),
  // Only for the menu: experts find their orders there; anyone an analysis is ordered from reaches
  // them from the notification (the pages themselves check canDeliver).
  'analyses.mine': (a: Actor | null) => has(a, ['expert']),
  // The portfolio of funded projects (issue 12): the secretariat manages it, the managing authority
  // reads it all, project staff their own projects (the list is scoped so; projectCan decides one).
  'projects.read': (a: Actor | null) => has(a, [...secretariat, 'managing_authority', 'project_staff']),
  // Adding a project to the portfolio: the secretariat.
  'projects.manage': (a: Actor | null) => has(a, secretariat),
  // The portfolio's thematic analysis (sums and counts, no single project's page): every network
  // member may see where the theme is covered and where the gaps are.
  'projects.analysis': (a: Actor | null) => a !== null,
  // The TERYT register's units (TERC), imported from GUS's yearly file: the administrator.
  'regions.import': (a: Actor | null) => a !== null && a.role === 'admin',
  // The official files of the funds' marks that replace the placeholders: the administrator.
  'marks.manage': (a: Actor | null) => a !== null && a.role === 'admin',
  // The community of practice (issue 13): its open forums are read by anyone, written in by anyone
  // signed in; the secretariat creates forums and moderates.
  'community.read': () => true,
  'community.post': (a: Actor | null) => a !== null,
  'community.manage': (a: Actor | null) => has(a, secretariat),
  // Events (issue 14): anyone reads them and registers, with or without an account, and checks a
  // certificate's code. The secretariat publishes events of any organiser; a network's secretary
  // those of the spaces they service, project staff those of their projects (eventCan decides one).
  'events.read': () => true,
  'events.register': () => true,
  'events.organise': (a: Actor | null) => has(a, [...secretariat, 'secretary', 'project_staff']),
  // A project's recruitment of its participants (issue 14): anyone reads a published one and applies,
  // with a confirmed address and no account. Project staff open recruitments for their projects
  // (recruitmentCan decides one); nobody else reads an application, the secretariat included.
  'recruitment.read': () => true,
  'recruitment.apply': () => true,
  'recruitment.open': (a: Actor | null) => has(a, ['project_staff']),
  // The knowledge base: written by the secretariat and the experts.
  'knowledge.write': (a: Actor | null) => has(a, [...secretariat, 'expert']),
} satisfies Record<string, (actor: Actor | null) => boolean>

export type Permission = keyof typeof rules
export const permissions = Object.keys(rules) as Permission[]

export function can(actor: Actor | null, permission: Permission): boolean {
  return rules[permission](actor)
}

/** Throws SignInRequired for an anonymous person, Forbidden for a signed-in one. */
export function authorize(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (can(actor, permission)) return
  throw actor ? new ForbiddenError() : new SignInRequiredError()
}

/** Roles a person may hand out: only an administrator makes or unmakes administrators. */
export function assignableRoles(actor: Pick<Actor, 'role'>): readonly GlobalRole[] {
  if (actor.role === 'admin') return globalRoles
  if (actor.role === 'coordinator') return globalRoles.filter((r) => r !== 'admin')
  return []
}

export function canChangeRoleOf(actor: Pick<Actor, 'role'>, current: GlobalRole, next: GlobalRole): boolean {
  const allowed = assignableRoles(actor)
  return allowed.includes(current) && allowed.includes(next)
}

/** A person's role inside one space (a network or another body). */
export const spaceRoles = ['chair', 'vice_chair', 'member', 'deputy', 'expert', 'observer', 'guest'] as const
export type SpaceRole = (typeof spaceRoles)[number]

/** The roles with a vote in a body: they are expected at its meetings and make its quorum. */
export const votingRoles = ['chair', 'vice_chair', 'member'] as const satisfies readonly SpaceRole[]
export const hasVote = (role: SpaceRole | null) => (votingRoles as readonly (string | null)[]).includes(role)

/** What the policy needs to know about one space and the person asking; the spaces module reads it. */
export interface SpaceAccess {
  isPublic: boolean
  secretaryId: string | null
  /** The person's current role there: none when they have none or it has ended (a guest's end date). */
  role: SpaceRole | null
}

// The coordinator services every space and the managing authority reads them all; a network
// secretary services the spaces they were appointed to (seed 000).
const everySpaceReaders: readonly GlobalRole[] = ['admin', 'coordinator', 'managing_authority']

/** Those who read every space without a role in it (lists of spaces use it too). */
export const readsEverySpace = (a: Pick<Actor, 'role'>) => everySpaceReaders.includes(a.role)
/** The coordinator and the administrator service every space; a network secretary only their own. */
export const servicesEverySpace = (a: Pick<Actor, 'role'>) => secretariat.includes(a.role)
const isSecretaryOf = (a: Actor, s: SpaceAccess) => s.secretaryId === a.id
const servicesSpace = (a: Actor, s: SpaceAccess) => secretariat.includes(a.role) || isSecretaryOf(a, s)

const spaceRules = {
  /** The space's own pages: members, schedule, announcements, rules. */
  'space.read': (a: Actor, s: SpaceAccess) => readsEverySpace(a) || isSecretaryOf(a, s) || s.role !== null,
  /** Announcements and the work schedule: the secretariat and the space's chair. */
  'space.manage': (a: Actor, s: SpaceAccess) =>
    servicesSpace(a, s) || s.role === 'chair' || s.role === 'vice_chair',
  /** The space's details, what is public, rules of procedure, guests. */
  'space.settings': (a: Actor, s: SpaceAccess) => servicesSpace(a, s),
  /** Answering whether one comes to a meeting: the members with a vote answer for themselves. */
  'space.attend': (_a: Actor, s: SpaceAccess) => hasVote(s.role),
  /** Convening the space's meetings and preparing their agenda. */
  'space.convene': (a: Actor, s: SpaceAccess) => servicesSpace(a, s),
  /** Ordering analyses from experts for the space, reviewing what they deliver, cancelling orders. */
  'space.commission': (a: Actor, s: SpaceAccess) => servicesSpace(a, s),
  /** Reading the space's orders with their money and history: the secretariat, and the managing authority, which funds them. */
  'space.orders': (a: Actor, s: SpaceAccess) => servicesSpace(a, s) || a.role === 'managing_authority',
  /** Drafting and sending composition proposals. */
  'space.propose': (a: Actor, s: SpaceAccess) => servicesSpace(a, s),
  /** Approving or returning a composition proposal. */
  'space.decide': (a: Actor, _s: SpaceAccess) => a.role === 'managing_authority',
  /** Reading minutes still in draft, before they go to the members: those who write and approve them. */
  'space.drafts': (a: Actor, s: SpaceAccess) =>
    servicesSpace(a, s) || s.role === 'chair' || s.role === 'vice_chair',
  /** Commenting on draft minutes sent out: anyone with a seat in the space. */
  'space.comment': (_a: Actor, s: SpaceAccess) => s.role !== null,
  /** Approving the minutes: the chair, or the vice-chair standing in. */
  'space.approve': (_a: Actor, s: SpaceAccess) => s.role === 'chair' || s.role === 'vice_chair',
} satisfies Record<string, (actor: Actor, space: SpaceAccess) => boolean>

export type SpacePermission = keyof typeof spaceRules
export const spacePermissions = Object.keys(spaceRules) as SpacePermission[]

/**
 * A composition proposal in draft is the secretariat's until it is sent: the space's members and
 * the managing authority see it only from then on (submitted, returned, approved).
 */
export const seesProposal = (actor: Actor | null, space: SpaceAccess, status: string) =>
  status !== 'draft' || spaceCan(actor, 'space.propose', space)

export function spaceCan(actor: Actor | null, permission: SpacePermission, space: SpaceAccess): boolean {
  return actor !== null && spaceRules[permission](actor, space)
}

/**
 * Inside a space: someone who may not read it learns nothing, not even that it exists (404);
 * a reader who may not do this gets 403; an anonymous visitor is asked to sign in.
 */
export function authorizeSpace(
  actor: Actor | null,
  permission: SpacePermission,
  space: SpaceAccess,
): asserts actor is Actor {
  if (!actor) throw new SignInRequiredError()
  if (!spaceCan(actor, 'space.read', space)) throw new NotFoundError()
  if (!spaceCan(actor, permission, space)) throw new ForbiddenError()
}

/**
 * An action item from a meeting's minutes: its owner reports on it, and so does whoever services the
 * space (which the caller learns from `spaceCan(actor, 'space.convene', space)`).
 */
export function canUpdateAction(
  actor: Actor | null,
  action: { owner_id: string },
  servicesItsSpace: boolean,
): boolean {
  return actor !== null && (actor.id === action.owner_id || servicesItsSpace)
}

/**
 * The expert an analysis was ordered from delivers it, and only they see the order outside the space:
 * another person (another expert included) learns nothing of it.
 */
export function canDeliver(actor: Actor | null, order: { expert_id: string }): boolean {
  return actor !== null && actor.id === order.expert_id
}

/** What a project's own rules need of it: whether the person is on its staff. */
export interface ProjectAccess {
  staff: boolean
}

const everyProjectReaders: readonly GlobalRole[] = [...secretariat, 'managing_authority']
/** The secretariat and the managing authority read every project; others only those they are staff of. */
export const readsEveryProject = (a: Pick<Actor, 'role'>) => everyProjectReaders.includes(a.role)

const projectRules = {
  /** A project's page with its money, partners and indicators. */
  'project.read': (a: Actor, p: ProjectAccess) => readsEveryProject(a) || p.staff,
  /** Reporting how far its indicators have come: its staff, and the secretariat that manages it. */
  'project.report': (a: Actor, p: ProjectAccess) => secretariat.includes(a.role) || p.staff,
  /** Changing its facts, partners, target groups and indicators: the same people. */
  'project.edit': (a: Actor, p: ProjectAccess) => secretariat.includes(a.role) || p.staff,
  /** Handing it to its staff, and taking it back: the secretariat alone. */
  'project.staff': (a: Actor, _p: ProjectAccess) => secretariat.includes(a.role),
} satisfies Record<string, (actor: Actor, project: ProjectAccess) => boolean>

export type ProjectPermission = keyof typeof projectRules

export function projectCan(
  actor: Actor | null,
  permission: ProjectPermission,
  project: ProjectAccess,
): boolean {
  return actor !== null && projectRules[permission](actor, project)
}

/** As inside a space: who may not read a project learns nothing of it (404); an anonymous visitor signs in. */
export function authorizeProject(
  actor: Actor | null,
  permission: ProjectPermission,
  project: ProjectAccess,
): asserts actor is Actor {
  if (!actor) throw new SignInRequiredError()
  if (!projectCan(actor, 'project.read', project)) throw new NotFoundError()
  if (!projectCan(actor, permission, project)) throw new ForbiddenError()
}

/**
 * What the policy needs to know about one event: whether the person asking runs its organiser (the
 * secretary of the space that organises it, or staff of the project that does).
 */
export interface EventAccess {
  organises: boolean
}

const eventRules = {
  /**
   * Changing the event, reading who registered with their needs, checking people in, the list to
   * sign and the certificates: the secretariat, and whoever runs the event's organiser.
   */
  'event.manage': (a: Actor, e: EventAccess) => secretariat.includes(a.role) || e.organises,
} satisfies Record<string, (actor: Actor, event: EventAccess) => boolean>

export type EventPermission = keyof typeof eventRules

export function eventCan(actor: Actor | null, permission: EventPermission, event: EventAccess): boolean {
  return actor !== null && eventRules[permission](actor, event)
}

/** Events are public: a person who may not act on one is refused (403); an anonymous visitor signs in. */
export function authorizeEvent(
  actor: Actor | null,
  permission: EventPermission,
  event: EventAccess,
): asserts actor is Actor {
  if (eventCan(actor, permission, event)) return
  throw actor ? new ForbiddenError() : new SignInRequiredError()
}

/**
 * What the policy needs to know about one recruitment: whether the person asking is on its project's
 * staff, and whether the recruitment names them among those who see a PESEL in full.
 */
export interface RecruitmentAccess {
  staff: boolean
  peselReader: boolean
}

const recruitmentRules = {
  /**
   * Changing the recruitment, reading its applications (each view audited), checking, scoring and
   * deciding: the project's staff alone (an applicant's data goes to nobody else).
   */
  'recruitment.manage': (_a: Actor, r: RecruitmentAccess) => r.staff,
  /** A PESEL unmasked, and the export for the monitoring system that carries it: the staff named. */
  'recruitment.pesel': (_a: Actor, r: RecruitmentAccess) => r.staff && r.peselReader,
} satisfies Record<string, (actor: Actor, recruitment: RecruitmentAccess) => boolean>

export type RecruitmentPermission = keyof typeof recruitmentRules

export function recruitmentCan(
  actor: Actor | null,
  permission: RecruitmentPermission,
  recruitment: RecruitmentAccess,
): boolean {
  return actor !== null && recruitmentRules[permission](actor, recruitment)
}

/** A published recruitment is public: who may not act on it is refused (403); an anonymous visitor signs in. */
export function authorizeRecruitment(
  actor: Actor | null,
  permission: RecruitmentPermission,
  recruitment: RecruitmentAccess,
): asserts actor is Actor {
  if (recruitmentCan(actor, permission, recruitment)) return
  throw actor ? new ForbiddenError() : new SignInRequiredError()
}

/** May the person organise an event for the secretariat itself (no space nor project)? */
export const organisesForSecretariat = (a: Actor) => secretariat.includes(a.role)

/**
 * What the policy needs to know about a community forum: for a members-only forum, its space as the
 * person asking stands in it (null for an open forum, which anyone reads).
 */
export interface ForumAccess {
  space: SpaceAccess | null
}

/**
 * Reading a forum and its topics: an open forum, anyone (the route's 'community.read'); a space's
 * members-only forum, whoever reads the space, as the space decides (space.read). Posting in a forum
 * one reads needs 'community.post' as well.
 */
export const forumCan = (actor: Actor | null, forum: ForumAccess): boolean =>
  forum.space === null || spaceCan(actor, 'space.read', forum.space)

/**
 * As inside a space: a signed-in person who may not read a members-only forum learns nothing of it
 * (404); an anonymous visitor signs in (a member following a mail's link, say).
 */
export function authorizeForum(actor: Actor | null, forum: ForumAccess): void {
  if (forumCan(actor, forum)) return
  throw actor ? new NotFoundError() : new SignInRequiredError()
}

/** What the policy needs to know about a forum topic and the person asking. */
export interface TopicAccess {
  authorId: string
  locked: boolean
}

// A topic of an open forum: everyone reads it (the route's 'community.read').
const topicRules = {
  /** Answering (the form shown): anyone signed in while the topic is open; a moderator even when it is locked. */
  'topic.reply': (a: Actor, t: TopicAccess) => !t.locked || secretariat.includes(a.role),
  /** Accepting an answer to a question: the one who asked it, or a moderator. */
  'topic.accept': (a: Actor, t: TopicAccess) => a.id === t.authorId || secretariat.includes(a.role),
  /** Locking and opening it again: a moderator. */
  'topic.moderate': (a: Actor, _t: TopicAccess) => secretariat.includes(a.role),
} satisfies Record<string, (actor: Actor, topic: TopicAccess) => boolean>

export type TopicPermission = keyof typeof topicRules

export function topicCan(actor: Actor | null, permission: TopicPermission, topic: TopicAccess): boolean {
  return actor !== null && topicRules[permission](actor, topic)
}

/** Throws SignInRequired for an anonymous person, Forbidden for one who may not. */
export function authorizeTopic(
  actor: Actor | null,
  permission: TopicPermission,
  topic: TopicAccess,
): asserts actor is Actor {
  if (!actor) throw new SignInRequiredError()
  if (!topicCan(actor, permission, topic)) throw new ForbiddenError()
}

/** What the policy needs to know about a forum post and the person asking. */
export interface PostAccess {
  authorId: string
  /** Hidden by a moderator (a rejected post too). */
  hidden: boolean
  /** Its topic is locked. */
  locked: boolean
}

const postRules = {
  /** Changing its text: its author while it is not hidden and its topic is open; a moderator always. */
  'post.edit': (a: Actor, p: PostAccess) =>
    secretariat.includes(a.role) || (a.id === p.authorId && !p.hidden && !p.locked),
  /** Reading the texts it had before its edits: moderators. */
  'post.history': (a: Actor, _p: PostAccess) => secretariat.includes(a.role),
} satisfies Record<string, (actor: Actor, post: PostAccess) => boolean>

export type PostPermission = keyof typeof postRules

export function postCan(actor: Actor | null, permission: PostPermission, post: PostAccess): boolean {
  return actor !== null && postRules[permission](actor, post)
}

/** Throws SignInRequired for an anonymous person, Forbidden for one who may not. */
export function authorizePost(
  actor: Actor | null,
  permission: PostPermission,
  post: PostAccess,
): asserts actor is Actor {
  if (!actor) throw new SignInRequiredError()
  if (!postCan(actor, permission, post)) throw new ForbiddenError()
}

/** What the policy needs to know about an organisation in the community: whether the person asking is one of its contact people. */
export interface OrganisationAccess {
  isContact: boolean
}

// An organisation's community profile is read by anyone (the route's 'community.read').
const organisationRules = {
  /** Its profile and its partner requests: its own contact people, and the secretariat. */
  'organisation.edit': (a: Actor, o: OrganisationAccess) => o.isContact || secretariat.includes(a.role),
  /** Writing to its contact people through Siatka: anyone signed in who is not one of them. */
  'organisation.message': (_a: Actor, o: OrganisationAccess) => !o.isContact,
} satisfies Record<string, (actor: Actor, organisation: OrganisationAccess) => boolean>

export type OrganisationPermission = keyof typeof organisationRules

export function organisationCan(
  actor: Actor | null,
  permission: OrganisationPermission,
  organisation: OrganisationAccess,
): boolean {
  return actor !== null && organisationRules[permission](actor, organisation)
}

/** Throws SignInRequired for an anonymous person, Forbidden for one who may not. */
export function authorizeOrganisation(
  actor: Actor | null,
  permission: OrganisationPermission,
  organisation: OrganisationAccess,
): asserts actor is Actor {
  if (!actor) throw new SignInRequiredError()
  if (!organisationCan(actor, permission, organisation)) throw new ForbiddenError()
}

/** What the policy needs to know about a conversation with an organisation and the person asking. */
export interface ThreadAccess {
  starterId: string
  /** The person asking is a contact person of the organisation written to. */
  isContact: boolean
}

/** Who moderates the community (the secretariat): told of messages reported as abuse. */
export const communityModerators: readonly GlobalRole[] = secretariat

// A conversation is seen by the two sides only: its starter and the organisation's contact people.
// The secretariat sees a message only when someone reports it.
const threadRules = {
  'thread.read': (a: Actor, t: ThreadAccess) => a.id === t.starterId || t.isContact,
} satisfies Record<string, (actor: Actor, thread: ThreadAccess) => boolean>

export type ThreadPermission = keyof typeof threadRules

export function threadCan(actor: Actor | null, permission: ThreadPermission, thread: ThreadAccess): boolean {
  return actor !== null && threadRules[permission](actor, thread)
}

/** Throws SignInRequired for an anonymous person, NotFound for one outside the conversation (it is not theirs to know of). */
export function authorizeThread(
  actor: Actor | null,
  permission: ThreadPermission,
  thread: ThreadAccess,
): asserts actor is Actor {
  if (!actor) throw new SignInRequiredError()
  if (!threadCan(actor, permission, thread)) throw new NotFoundError()
}
