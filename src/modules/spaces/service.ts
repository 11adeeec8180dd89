// Spaces: networks and other bodies the secretariat services, their members, guests, rules of
// procedure, work schedule and announcements. Compositions live in compositions.ts.
import { audit } from '../../kernel/audit.ts'
import { addDays, type Day, safeDay, today } from '../../kernel/dates.ts'
import type { AnyDb } from '../../kernel/db.ts'
import { NotFoundError, RuleError } from '../../kernel/errors.ts'
import { type Lang, translateKey, translator } from '../../kernel/i18n.ts'
import type { Page } from '../../kernel/pagination.ts'
import { type Actor, readsEverySpace, type SpaceAccess, type SpaceRole } from '../../kernel/policy.ts'
import * as accounts from '../accounts/service.ts'
import { notify } from '../notifications/service.ts'
import type { Db } from './db.ts'
import * as q from './queries.ts'
import { guestPeriodProblem } from './rules.ts'
import type { SpaceForm } from './schemas.ts'
import type { Representation, ScheduleStatus } from './tables.ts'

export type Space = q.SpaceRow
export type SpaceWithAccess = Space & { access: SpaceAccess }

/** The space and what the policy needs to decide about this person in it; unknown id: 404. */
export async function requireSpace(handle: AnyDb, actor: Actor | null, id: string): Promise<SpaceWithAccess> {
  const db: Db = handle
  const row = await q.findSpaceWithRole(db, id, actor?.id ?? null, today())
  if (!row) throw new NotFoundError()
  const { my_role, ...space } = row
  return {
    ...space,
    access: {
      isPublic: space.is_public,
      secretaryId: space.secretary_id,
      role: (my_role as SpaceRole | null) ?? null,
    },
  }
}

/** A space's name and theme in the reader's language (English falls back to Polish when empty). */
export function nameOf(s: { name_pl: string; name_en: string }, lang: Lang): string {
  return lang === 'en' && s.name_en ? s.name_en : s.name_pl
}
export function themeOf(s: { theme_pl: string; theme_en: string }, lang: Lang): string {
  return lang === 'en' && s.theme_en ? s.theme_en : s.theme_pl
}
export function descriptionOf(s: { description_pl: string; description_en: string }, lang: Lang): string {
  return lang === 'en' && s.description_en ? s.description_en : s.description_pl
}

export function listSpacesFor(db: Db, actor: Actor, query: Parameters<typeof q.listSpaces>[2], page: Page) {
  return q.listSpaces(db, { personId: actor.id, readsAll: readsEverySpace(actor) }, query, page, today())
}

/** Only a member of the secretariat can be appointed a space's secretary. */
async function checkSecretary(db: Db, secretaryId: string | null) {
  if (!secretaryId) return
  const person = await accounts.findPerson(db, secretaryId)
  if (!person?.is_active || !['secretary', 'coordinator'].includes(person.role))
    throw new RuleError('spaces.form.secretaryInvalid', 'secretaryId')
}

function spaceValues(input: SpaceForm) {
  return {
    name_pl: input.namePl,
    name_en: input.nameEn,
    type: input.type,
    status: input.status,
    theme_pl: input.themePl,
    theme_en: input.themeEn,
    description_pl: input.descriptionPl,
    description_en: input.descriptionEn,
    secretary_id: input.secretaryId,
    is_public: input.isPublic,
    public_chair: input.publicChair,
    public_members: input.publicMembers,
    public_schedule: input.publicSchedule,
    updated_at: new Date(),
  }
}

export async function createSpace(db: Db, actor: Actor, input: SpaceForm): Promise<string> {
  await checkSecretary(db, input.secretaryId)
  return db.transaction().execute((trx) => openSpace(trx, actor, input))
}

/**
 * Opens a space inside the caller's transaction, audited: createSpace's, and another module's that
 * keeps a space beside its own record (a partnership group, issue 12). The secretary is checked by
 * the caller.
 */
export async function openSpace(handle: AnyDb, actor: Actor, input: SpaceForm): Promise<string> {
  const trx: Db = handle
  const space = await trx
    .insertInto('spaces')
    .values(spaceValues(input))
    .returning('id')
    .executeTakeFirstOrThrow()
  await audit(trx, actor, {
    action: 'spaces.created',
    subjectType: 'space',
    subjectId: space.id,
    details: { name: input.namePl, secretaryId: input.secretaryId },
  })
  return space.id
}

/** A space's names, theme and description, as another module that keeps the space renames it. */
export async function describeSpace(
  handle: AnyDb,
  actor: Actor,
  spaceId: string,
  input: Pick<SpaceForm, 'namePl' | 'nameEn' | 'themePl' | 'themeEn' | 'descriptionPl' | 'descriptionEn'>,
) {
  const trx: Db = handle
  await trx
    .updateTable('spaces')
    .set({
      name_pl: input.namePl,
      name_en: input.nameEn,
      theme_pl: input.themePl,
      theme_en: input.themeEn,
      description_pl: input.descriptionPl,
      description_en: input.descriptionEn,
      updated_at: new Date(),
    })
    .where('id', '=', spaceId)
    .execute()
  await audit(trx, actor, {
    action: 'spaces.updated',
    subjectType: 'space',
    subjectId: spaceId,
    details: { name: input.namePl },
  })
}

/** A seat another module wants someone to hold in a space it keeps. */
export interface WantedSeat {
  personId: string
  role: SpaceRole
  represents: Representation
  organisationId: string | null
}

/**
 * The seats a space kept by another module holds from its record: a chair and members, none from
 * an approved composition. What the secretariat adds by hand (a composition's seats, a vice-chair,
 * a deputy, an observer, experts and guests) is not the record's and is left alone.
 */
const keptRoles: readonly SpaceRole[] = ['chair', 'member']

/**
 * Makes a space's current kept seats the wanted ones, inside the caller's transaction: a new seat
 * begins on `on`; a seat no longer wanted (or now another role) ends the day before, or goes if it
 * began that very day; a seat as wanted stays as it is, with its history (an end set for it is
 * lifted). Returns how many seats began and ended.
 */
export async function settleSeats(
  handle: AnyDb,
  actor: Actor,
  spaceId: string,
  wanted: readonly WantedSeat[],
  on: Day,
) {
  const trx: Db = handle
  const held = await trx
    .selectFrom('space_memberships as m')
    .select(['m.id', 'm.person_id', 'm.role', 'm.starts_on', 'm.ends_on'])
    .where('m.space_id', '=', spaceId)
    .where('m.role', 'in', keptRoles)
    .where('m.proposal_id', 'is', null)
    .where((eb) => eb.or([eb('m.ends_on', 'is', null), eb('m.ends_on', '>=', on)]))
    .execute()
  const wantedRole = new Map(wanted.map((w) => [w.personId, w.role]))
  const ending = held.filter((m) => wantedRole.get(m.person_id) !== m.role)
  const still = held.filter((m) => !ending.includes(m))
  const kept = new Set(still.map((m) => m.person_id))
  const endless = still.filter((m) => m.ends_on !== null).map((m) => m.id)
  if (endless.length)
    await trx.updateTable('space_memberships').set({ ends_on: null }).where('id', 'in', endless).execute()
  const beginning = wanted.filter((w) => !kept.has(w.personId))
  const goes = ending.filter((m) => m.starts_on >= on).map((m) => m.id)
  const ends = ending.filter((m) => m.starts_on < on).map((m) => m.id)
  if (goes.length) await trx.deleteFrom('space_memberships').where('id', 'in', goes).execute()
  if (ends.length)
    await trx
      .updateTable('space_memberships')
      .set({ ends_on: addDays(on, -1) })
      .where('id', 'in', ends)
      .execute()
  if (beginning.length)
    await trx
      .insertInto('space_memberships')
      .values(
        beginning.map((w) => ({
          space_id: spaceId,
          person_id: w.personId,
          role: w.role,
          represents: w.represents,
          organisation_id: w.organisationId,
          starts_on: on,
          ends_on: null,
          proposal_id: null,
          added_by: actor.id,
        })),
      )
      .execute()
  if (beginning.length || ending.length)
    await audit(trx, actor, {
      action: 'spaces.seats-settled',
      subjectType: 'space',
      subjectId: spaceId,
      details: { began: beginning.map((w) => w.personId), ended: ending.map((m) => m.person_id) },
    })
  return { began: beginning.length, ended: ending.length }
}

export async function updateSpace(db: Db, actor: Actor, space: Space, input: SpaceForm): Promise<void> {
  await checkSecretary(db, input.secretaryId)
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('spaces').set(spaceValues(input)).where('id', '=', space.id).execute()
    await audit(trx, actor, {
      action: 'spaces.updated',
      subjectType: 'space',
      subjectId: space.id,
      details: {
        name: input.namePl,
        ...(space.secretary_id !== input.secretaryId ? { secretaryId: input.secretaryId } : {}),
        ...(space.is_public !== input.isPublic ? { isPublic: input.isPublic } : {}),
      },
    })
  })
}

export function listMembers(db: Db, spaceId: string, page: Page) {
  return q.listMembers(db, spaceId, today(), page)
}

/** The seats of compositions approved to begin after today (a body's few hundred at most). */
export function listUpcomingMembers(db: Db, spaceId: string) {
  return q.listUpcomingMembers(db, spaceId, today(), 500)
}

/**
 * An outside person (an expert, a policy maker, a promoter from another programme) joins the
 * space's work until an end day; their access ends by itself on the day after.
 */
export async function inviteGuest(
  db: Db,
  actor: Actor,
  space: Space,
  input: { email: string; name: string | null; role: 'expert' | 'guest'; startsOn: Day; endsOn: Day },
  invitedAs: { lang: Lang; baseUrl: string },
): Promise<'notified' | 'accountCreated'> {
  const problem = guestPeriodProblem(input.startsOn, input.endsOn, today())
  if (problem) throw new RuleError(problem.key, problem.field)
  const person = await accounts.findPersonByEmail(db, input.email)
  if (person && !person.is_active) throw new RuleError('spaces.guests.errors.inactive', 'email')
  // Someone from outside without an account: a name is all it takes to make one and send the link.
  if (!person && !input.name) throw new RuleError('spaces.guests.errors.nameNeeded', 'name')
  // One seat at a time: a member, or a guest already invited for those days, is not invited again.
  if (person && (await q.hasSeatBetween(db, space.id, person.id, input.startsOn, input.endsOn)))
    throw new RuleError('spaces.guests.errors.alreadyIn', 'email')
  return db.transaction().execute(async (trx) => {
    const t = translator(invitedAs.lang)
    const personId =
      person?.id ??
      (await accounts.createAccountWithLink(
        trx,
        actor,
        {
          email: input.email,
          name: input.name ?? '',
          role: input.role === 'expert' ? 'expert' : 'member',
          lang: invitedAs.lang,
        },
        invitedAs.baseUrl,
        {
          template: 'spaceWelcome',
          params: {
            space: nameOf(space, invitedAs.lang),
            role: translateKey(t, `spaces.roles.${input.role}`),
            until: safeDay(input.endsOn, invitedAs.lang),
          },
        },
      ))
    await trx
      .insertInto('space_memberships')
      .values({
        space_id: space.id,
        person_id: personId,
        role: input.role,
        represents: 'other',
        organisation_id: person?.organisation_id ?? null,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        proposal_id: null,
        added_by: actor.id,
      })
      .execute()
    await audit(trx, actor, {
      action: 'spaces.guest-invited',
      subjectType: 'space',
      subjectId: space.id,
      details: { personId, role: input.role, until: input.endsOn },
    })
    if (!person) return 'accountCreated'
    await notify(trx, [personId], {
      kind: 'guestInvited',
      params: {
        space_pl: space.name_pl,
        space_en: space.name_en,
        roleKey: `spaces.roles.${input.role}`,
        untilDay: input.endsOn,
      },
      link: `/spaces/${space.id}`,
    })
    return 'notified'
  })
}

/** Ends a guest's access today (a composition's members leave only through a new composition). */
export async function endGuestAccess(db: Db, actor: Actor, space: Space, membershipId: string) {
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('space_memberships')
      .set({ ends_on: addDays(today(), -1) })
      .where('id', '=', membershipId)
      .where('space_id', '=', space.id)
      .where('proposal_id', 'is', null)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw new NotFoundError()
    await audit(trx, actor, {
      action: 'spaces.guest-ended',
      subjectType: 'space',
      subjectId: space.id,
      details: { membershipId },
    })
  })
}

/** A new version of the rules of procedure; the old ones stay readable. */
export async function addRulesVersion(
  db: Db,
  actor: Actor,
  space: Space,
  input: {
    body: string
    effectiveOn: Day
    adoptedRef: string | null
    noticeDays: number
    materialsDays: number
    quorumPercent: number
  },
) {
  await db.transaction().execute(async (trx) => {
    // Two saves at once meet the unique (space, version) key: the second is told to try again.
    const version = await q.nextRulesVersion(trx, space.id)
    await trx
      .insertInto('space_rules')
      .values({
        space_id: space.id,
        version,
        body: input.body,
        effective_on: input.effectiveOn,
        adopted_ref: input.adoptedRef,
        notice_days: input.noticeDays,
        materials_days: input.materialsDays,
        quorum_percent: input.quorumPercent,
        created_by: actor.id,
      })
      .execute()
    await audit(trx, actor, {
      action: 'spaces.rules-versioned',
      subjectType: 'space',
      subjectId: space.id,
      details: { version, adoptedRef: input.adoptedRef },
    })
  })
}

/** Records that a version of the rules was adopted, by which decision (once; later changes make a new version). */
export async function markRulesAdopted(
  db: Db,
  actor: Actor,
  space: Space,
  versionId: string,
  adoptedRef: string,
) {
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('space_rules')
      .set({ adopted_ref: adoptedRef })
      .where('id', '=', versionId)
      .where('space_id', '=', space.id)
      .where('adopted_ref', 'is', null)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw new RuleError('spaces.rules.alreadyAdopted')
    await audit(trx, actor, {
      action: 'spaces.rules-adopted',
      subjectType: 'space',
      subjectId: space.id,
      details: { versionId, adoptedRef },
    })
  })
}

/** Records the decision that adopted the work schedule. */
export async function markScheduleAdopted(
  db: Db,
  actor: Actor,
  space: Space,
  input: { adoptedRef: string; adoptedOn: Day },
) {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('spaces')
      .set({
        schedule_adopted_ref: input.adoptedRef,
        schedule_adopted_on: input.adoptedOn,
        updated_at: new Date(),
      })
      .where('id', '=', space.id)
      .execute()
    await audit(trx, actor, {
      action: 'spaces.schedule-adopted',
      subjectType: 'space',
      subjectId: space.id,
      details: input,
    })
  })
}

export interface ScheduleInput {
  task: string
  responsible: string
  dueOn: Day
  status: ScheduleStatus
}

export async function saveScheduleItem(
  db: Db,
  actor: Actor,
  space: Space,
  itemId: string | null,
  input: ScheduleInput,
) {
  const values = {
    task: input.task,
    responsible: input.responsible,
    due_on: input.dueOn,
    status: input.status,
    updated_at: new Date(),
  }
  await db.transaction().execute(async (trx) => {
    if (itemId) {
      const r = await trx
        .updateTable('schedule_items')
        .set(values)
        .where('id', '=', itemId)
        .where('space_id', '=', space.id)
        .executeTakeFirst()
      if (Number(r.numUpdatedRows) !== 1) throw new NotFoundError()
    } else {
      await trx
        .insertInto('schedule_items')
        .values({ ...values, space_id: space.id })
        .execute()
    }
    await audit(trx, actor, {
      action: itemId ? 'spaces.schedule-updated' : 'spaces.schedule-added',
      subjectType: 'space',
      subjectId: space.id,
      details: { task: input.task, dueOn: input.dueOn, status: input.status },
    })
  })
}

export function findScheduleItem(db: Db, space: Space, itemId: string) {
  return db
    .selectFrom('schedule_items')
    .selectAll()
    .where('id', '=', itemId)
    .where('space_id', '=', space.id)
    .executeTakeFirst()
}

/** An announcement for the space's members, each told in their notification centre. */
export async function postAnnouncement(
  db: Db,
  actor: Actor,
  space: Space,
  input: { title: string; body: string; isPinned: boolean },
) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('announcements')
      .values({
        space_id: space.id,
        title: input.title,
        body: input.body,
        is_pinned: input.isPinned,
        author_id: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'spaces.announcement-posted',
      subjectType: 'space',
      subjectId: space.id,
      details: { announcementId: row.id, title: input.title },
    })
    const members = (await q.currentMemberIds(trx, space.id, today())).filter((id) => id !== actor.id)
    await notify(trx, members, {
      kind: 'announcement',
      params: { space_pl: space.name_pl, space_en: space.name_en, title: input.title },
      link: `/spaces/${space.id}/announcements#announcement-${row.id}`,
    })
  })
}

export async function setAnnouncementPinned(db: Db, actor: Actor, space: Space, id: string, pinned: boolean) {
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('announcements')
      .set({ is_pinned: pinned, updated_at: new Date() })
      .where('id', '=', id)
      .where('space_id', '=', space.id)
      .executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw new NotFoundError()
    await audit(trx, actor, {
      action: pinned ? 'spaces.announcement-pinned' : 'spaces.announcement-unpinned',
      subjectType: 'space',
      subjectId: space.id,
      details: { announcementId: id },
    })
  })
}

export {
  currentMemberIds,
  exportDirectory,
  findChair,
  findOverviewHeads,
  listAnnouncements,
  listDirectory,
  listMemberOrganisations,
  listProposals,
  listPublicSpaces,
  listRules,
  listSchedule,
  listScheduleBetween,
  listSpaceChoices,
} from './queries.ts'
