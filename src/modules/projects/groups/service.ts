// Groups of partnerships (seed 000: "wspieranie PR w tworzeniu grup Partnerstw działających we
// wspólnym obszarze tematycznym"): the secretariat groups projects that work on a common theme under
// a coordinator; each group has its own space (type 'partnership_group') where its people meet and
// talk through what spaces and meetings already offer. Every change is audited, and a project's
// joining or leaving is kept in its history.
import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { audit } from '../../../kernel/audit.ts'
import { RuleError } from '../../../kernel/errors.ts'
import type { Actor } from '../../../kernel/policy.ts'
import { spaceRows } from '../../spaces/index.ts'
import { describeSpace, openSpace } from '../../spaces/service.ts'
import type { Db } from '../db.ts'
import type { ProjectRow } from '../queries.ts'
import { changeList } from '../service.ts'
import type { GroupForm } from './schemas.ts'
import { settleGroupSeats } from './seats.ts'

/** Groups on one page of the list. */
export const groupsPageSize = 50

/** A group holds at most this many projects (a group is a working table, not a portfolio). */
export const maxGroupProjects = 100

/** Who may coordinate a group: the secretariat or someone of a project's staff (those who read projects). */
const coordinatorRoles = ['admin', 'coordinator', 'project_staff'] as const

/** Groups the person reads: all for whoever reads every project; else those they coordinate or whose projects they staff. */
function readable(db: Db, staffOf: string | null) {
  let q = db
    .selectFrom('project_groups as g')
    .innerJoin('project_themes as th', 'th.id', 'g.theme_id')
    .innerJoin('people as co', 'co.id', 'g.coordinator_id')
    .select([
      'g.id',
      'g.name_pl',
      'g.name_en',
      'g.description',
      'g.theme_id',
      'g.coordinator_id',
      'g.space_id',
      'g.updated_at',
      'th.name_pl as theme_pl',
      'th.name_en as theme_en',
      'co.name as coordinator_name',
    ])
  if (staffOf)
    q = q.where((eb) =>
      eb.or([
        eb('g.coordinator_id', '=', staffOf),
        eb.exists(
          eb
            .selectFrom('project_group_members as gm')
            .innerJoin('project_staff as st', 'st.project_id', 'gm.project_id')
            .select('gm.project_id')
            .whereRef('gm.group_id', '=', 'g.id')
            .where('st.person_id', '=', staffOf),
        ),
      ]),
    )
  return q
}

/** A page of groups by name after the group `after` (keyset); one more tells a next page. */
export function groupsPage(db: Db, staffOf: string | null, after: string | null) {
  let q = readable(db, staffOf)
    .select((eb) =>
      eb
        .selectFrom('project_group_members as gm')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('gm.group_id', '=', 'g.id')
        .as('projects'),
    )
    .orderBy(sql`siatka_fold(g.name_pl)`)
    .orderBy('g.id')
    .limit(groupsPageSize + 1)
  if (after)
    q = q.where(
      sql<boolean>`(siatka_fold(g.name_pl), g.id) > (select siatka_fold(a.name_pl), a.id from project_groups a where a.id = ${after})`,
    )
  return q.execute()
}

/** One group the person reads, with its projects (and whether the person reads each inside). */
export function findGroup(db: Db, id: string, staffOf: string | null, personId: string) {
  return readable(db, staffOf)
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('project_group_members as gm')
          .innerJoin('projects as p', 'p.id', 'gm.project_id')
          .innerJoin('organisations as lead', 'lead.id', 'p.lead_organisation_id')
          .select([
            'p.id',
            'p.title',
            'p.acronym',
            'p.status',
            'p.starts_on',
            'p.ends_on',
            'p.is_public',
            'lead.name as lead_name',
          ])
          .select((e) =>
            e
              .exists(
                e
                  .selectFrom('project_staff as st')
                  .select('st.person_id')
                  .whereRef('st.project_id', '=', 'p.id')
                  .where('st.person_id', '=', personId),
              )
              .as('is_staff'),
          )
          .whereRef('gm.group_id', '=', 'g.id')
          .orderBy('p.title')
          .orderBy('p.id'),
      ).as('projects'),
    )
    .where('g.id', '=', id)
    .executeTakeFirst()
}

export type Group = NonNullable<Awaited<ReturnType<typeof findGroup>>>

/** Projects on the group's theme that are not in it yet, to add (by title; at most 300). */
export function candidateProjects(db: Db, group: Group) {
  return db
    .selectFrom('projects as p')
    .innerJoin('project_theme_links as tl', 'tl.project_id', 'p.id')
    .select(['p.id', 'p.title', 'p.acronym'])
    .where('tl.theme_id', '=', group.theme_id)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('project_group_members as gm')
            .select('gm.project_id')
            .whereRef('gm.project_id', '=', 'p.id')
            .where('gm.group_id', '=', group.id),
        ),
      ),
    )
    .orderBy('p.title')
    .orderBy('p.id')
    .limit(300)
    .execute()
}

/** Who may coordinate a group: active people of the secretariat and of projects' staff. */
export function coordinatorChoices(db: Db) {
  return db
    .selectFrom('people')
    .select(['id', 'name', 'email'])
    .where('is_active', '=', true)
    .where('role', 'in', coordinatorRoles)
    .orderBy('name')
    .limit(500)
    .execute()
}

/** The form's theme and coordinator, checked: a theme the secretariat keeps, an active person who may coordinate. */
async function checkedChoices(db: Db, form: GroupForm) {
  const [theme, coordinator] = await Promise.all([
    db
      .selectFrom('project_themes')
      .select(['name_pl', 'name_en'])
      .where('id', '=', form.themeId)
      .executeTakeFirst(),
    db
      .selectFrom('people')
      .select('id')
      .where('id', '=', form.coordinatorId)
      .where('is_active', '=', true)
      .where('role', 'in', coordinatorRoles)
      .executeTakeFirst(),
  ])
  if (!theme) throw new RuleError('errors.choose', 'themeId')
  if (!coordinator) throw new RuleError('projects.groups.coordinatorInvalid', 'coordinatorId')
  return theme
}

/** What the group's space says of it: its names, its theme, its description. */
const spaceText = (form: GroupForm, theme: { name_pl: string; name_en: string }) => ({
  namePl: form.namePl,
  nameEn: form.nameEn || form.namePl,
  themePl: theme.name_pl,
  themeEn: theme.name_en,
  descriptionPl: form.description,
  descriptionEn: '',
})

/** Makes a group and its space (its coordinator in the chair); returns the group's id. */
export async function createGroup(db: Db, actor: Actor, form: GroupForm) {
  const theme = await checkedChoices(db, form)
  return db.transaction().execute(async (trx) => {
    const spaceId = await openSpace(trx, actor, {
      ...spaceText(form, theme),
      type: 'partnership_group',
      status: 'active',
      secretaryId: null,
      isPublic: false,
      publicChair: false,
      publicMembers: false,
      publicSchedule: false,
    })
    const group = await trx
      .insertInto('project_groups')
      .values({
        name_pl: form.namePl,
        name_en: form.nameEn,
        description: form.description,
        theme_id: form.themeId,
        coordinator_id: form.coordinatorId,
        space_id: spaceId,
        created_by: actor.id,
        updated_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await settleGroupSeats(trx, actor, group.id)
    await audit(trx, actor, {
      action: 'projects.group-created',
      subjectType: 'project_group',
      subjectId: group.id,
      details: { name: form.namePl, coordinatorId: form.coordinatorId },
    })
    return group.id
  })
}

/** Saves a group's names, theme, coordinator and description; its space follows. */
export async function saveGroup(db: Db, actor: Actor, group: Group, form: GroupForm) {
  const theme = await checkedChoices(db, form)
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('project_groups')
      .set({
        name_pl: form.namePl,
        name_en: form.nameEn,
        description: form.description,
        theme_id: form.themeId,
        coordinator_id: form.coordinatorId,
        updated_at: new Date(),
      })
      .where('id', '=', group.id)
      .execute()
    await describeSpace(trx, actor, group.space_id, spaceText(form, theme))
    await settleGroupSeats(trx, actor, group.id)
    await audit(trx, actor, {
      action: 'projects.group-saved',
      subjectType: 'project_group',
      subjectId: group.id,
      details: { name: form.namePl, coordinatorId: form.coordinatorId },
    })
  })
}

/** Adds a project to a group: its staff take seats in the group's space; the project's history says so. */
export async function addGroupProject(db: Db, actor: Actor, group: Group, projectId: string) {
  const project = await db
    .selectFrom('projects')
    .select(['id'])
    .where('id', '=', projectId)
    .executeTakeFirst()
  if (!project) throw new RuleError('errors.choose', 'projectId')
  if (group.projects.some((p) => p.id === projectId))
    throw new RuleError('projects.groups.alreadyIn', 'projectId')
  if (group.projects.length >= maxGroupProjects) throw new RuleError('projects.groups.full', 'projectId')
  await changeList(
    db,
    actor,
    projectId,
    { field: 'partnershipGroup', added: group.name_pl, action: 'projects.group-joined' },
    async (trx) => {
      await trx
        .insertInto('project_group_members')
        .values({ group_id: group.id, project_id: projectId, added_by: actor.id })
        // A second click of the same form finds it added: nothing more to do.
        .onConflict((oc) => oc.columns(['group_id', 'project_id']).doNothing())
        .execute()
      await settleGroupSeats(trx, actor, group.id)
    },
  )
}

/** Takes a project out of a group: its staff's seats end (unless another of the group's projects keeps them). */
export async function removeGroupProject(db: Db, actor: Actor, group: Group, projectId: string) {
  if (!group.projects.some((p) => p.id === projectId)) throw new RuleError('errors.choose', 'rowId')
  await changeList(
    db,
    actor,
    projectId,
    { field: 'partnershipGroup', removed: group.name_pl, action: 'projects.group-left' },
    async (trx) => {
      await trx
        .deleteFrom('project_group_members')
        .where('group_id', '=', group.id)
        .where('project_id', '=', projectId)
        .execute()
      await settleGroupSeats(trx, actor, group.id)
    },
  )
}

/** The steering committees a project may answer to: spaces of that type, by name (or the one asked for). */
export function steeringChoices(db: Db, only?: string) {
  let q = spaceRows(db)
    .clearSelect()
    .select(['id', 'name_pl', 'name_en'])
    .where('type', '=', 'steering_committee')
    .orderBy(sql`siatka_fold(name_pl)`)
    .limit(500)
  if (only) q = q.where('id', '=', only)
  return q.execute()
}

/** Names the project's steering committee (a space of that type), or none; kept in its history. */
export async function setSteering(db: Db, actor: Actor, project: ProjectRow, spaceId: string | null) {
  const [chosen] = spaceId ? await steeringChoices(db, spaceId) : []
  if (spaceId && !chosen) throw new RuleError('errors.choose', 'spaceId')
  if (project.steering_space_id === spaceId) return
  await changeList(
    db,
    actor,
    project.id,
    {
      field: 'steering',
      ...(chosen ? { added: chosen.name_pl } : {}),
      ...(project.steering_pl ? { removed: project.steering_pl } : {}),
      action: 'projects.steering-set',
    },
    (trx) =>
      trx.updateTable('projects').set({ steering_space_id: spaceId }).where('id', '=', project.id).execute(),
  )
}
