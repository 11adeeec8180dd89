// Who sits in a partnership group's space: its coordinator in the chair, the staff of its projects
// as members. Settled whenever one of them changes (a group made or edited, a project added or
// taken out, a person handed a project or taken off it), so the space's members are always the
// group's people and its meetings reach them.
import { today } from '../../../kernel/dates.ts'
import type { Actor } from '../../../kernel/policy.ts'
import { settleSeats, type WantedSeat } from '../../spaces/service.ts'
import type { Db } from '../db.ts'

/** Settles the seats of one group's space from its coordinator and its projects' staff. */
export async function settleGroupSeats(trx: Db, actor: Actor, groupId: string) {
  const group = await trx
    .selectFrom('project_groups as g')
    .innerJoin('people as pe', 'pe.id', 'g.coordinator_id')
    .select(['g.space_id', 'g.coordinator_id', 'pe.organisation_id', 'pe.is_active'])
    .where('g.id', '=', groupId)
    // One settling of a group at a time: two changes at once (a person handed one of its projects
    // while another project leaves) would each miss the other's and end a seat still wanted.
    .forUpdate('g')
    .executeTakeFirstOrThrow()
  const staff = await trx
    .selectFrom('project_group_members as gm')
    .innerJoin('project_staff as st', 'st.project_id', 'gm.project_id')
    .innerJoin('people as pe', 'pe.id', 'st.person_id')
    .select(['pe.id', 'pe.organisation_id'])
    .distinct()
    .where('gm.group_id', '=', groupId)
    .where('pe.is_active', '=', true)
    .where('pe.id', '<>', group.coordinator_id)
    .execute()
  const wanted: WantedSeat[] = staff.map((s) => ({
    personId: s.id,
    role: 'member',
    represents: 'project_promoter',
    organisationId: s.organisation_id,
  }))
  if (group.is_active)
    wanted.push({
      personId: group.coordinator_id,
      role: 'chair',
      represents: 'project_promoter',
      organisationId: group.organisation_id,
    })
  return settleSeats(trx, actor, group.space_id, wanted, today())
}

/** Settles the seats of every group a project is in (its staff changed). */
export async function settleSeatsOfProject(trx: Db, actor: Actor, projectId: string) {
  const groups = await trx
    .selectFrom('project_group_members')
    .select('group_id')
    .where('project_id', '=', projectId)
    .execute()
  for (const g of groups) await settleGroupSeats(trx, actor, g.group_id)
}
