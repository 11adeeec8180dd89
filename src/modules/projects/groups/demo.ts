// Demo: the FERS project answers to its steering committee, and the secretariat has grouped the
// social-economy projects into a partnership group whose space seats their staff.
import type { Actor } from '../../../kernel/policy.ts'
import { spaceRows } from '../../spaces/index.ts'
import { openSpace } from '../../spaces/service.ts'
import type { Db } from '../db.ts'
import { settleGroupSeats } from './seats.ts'

export async function seedGroups(db: Db) {
  const person = (email: string) =>
    db
      .selectFrom('people')
      .select(['id', 'email', 'name', 'role'])
      .where('email', '=', email)
      .executeTakeFirstOrThrow()
  const coordinator = await person('koordynator@demo.siatka.test')
  const actor: Actor = { ...coordinator, sessionId: '', ip: null }
  const project = (acronym: string) =>
    db.selectFrom('projects').select('id').where('acronym', '=', acronym).executeTakeFirstOrThrow()
  const [sires, pswps] = await Promise.all([project('SIRES'), project('PSWPS')])

  const steering = await spaceRows(db)
    .clearSelect()
    .select('id')
    .where('type', '=', 'steering_committee')
    .orderBy('created_at')
    .executeTakeFirst()
  if (steering)
    await db
      .updateTable('projects')
      .set({ steering_space_id: steering.id })
      .where('id', '=', pswps.id)
      .execute()

  const theme = await db
    .selectFrom('project_themes')
    .select(['id', 'name_pl', 'name_en'])
    .where('code', '=', 'social-economy')
    .executeTakeFirstOrThrow()
  const text = {
    namePl: 'Partnerstwo ekonomii społecznej – wymiana doświadczeń',
    nameEn: 'Social economy partnership – exchange of experience',
    themePl: theme.name_pl,
    themeEn: theme.name_en,
    descriptionPl:
      'Projekty wspierające ekonomię społeczną porównują swoje modele współpracy z samorządem, dzielą się narzędziami i wspólnie przygotowują rekomendacje dla Krajowej Sieci Tematycznej.',
    descriptionEn: '',
  }
  const spaceId = await openSpace(db, actor, {
    ...text,
    type: 'partnership_group',
    status: 'active',
    secretaryId: null,
    isPublic: false,
    publicChair: false,
    publicMembers: false,
    publicSchedule: false,
  })
  const group = await db
    .insertInto('project_groups')
    .values({
      name_pl: text.namePl,
      name_en: text.nameEn,
      description: text.descriptionPl,
      theme_id: theme.id,
      coordinator_id: coordinator.id,
      space_id: spaceId,
      created_by: coordinator.id,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  // SIRES, the FERS project and the three latest of the generated projects on the same theme.
  const others = await db
    .selectFrom('projects as p')
    .innerJoin('project_theme_links as tl', 'tl.project_id', 'p.id')
    .select('p.id')
    .where('tl.theme_id', '=', theme.id)
    .where('p.id', 'not in', [sires.id, pswps.id])
    .orderBy('p.ends_on', 'desc')
    .orderBy('p.id')
    .limit(3)
    .execute()
  await db
    .insertInto('project_group_members')
    .values(
      [sires.id, pswps.id, ...others.map((o) => o.id)].map((id) => ({
        group_id: group.id,
        project_id: id,
        added_by: coordinator.id,
      })),
    )
    .execute()
  await settleGroupSeats(db, actor, group.id)
}
