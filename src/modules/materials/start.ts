// What waits in translations, for a person's start page: the translations a translator with an
// account owes (by deadline; their private links are in the mails), and for the secretariat and
// a secretary the late requests of the spaces they service. One statement.
import type { FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { addDays, safeDay, today } from '../../kernel/dates.ts'
import type { StartItem, StartSection } from '../../kernel/module.ts'
import { servicesEverySpace } from '../../kernel/policy.ts'
import type { ViewContext } from '../../kernel/views/context.ts'
import { spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'

const shown = 5

export async function materialsStartSections(req: FastifyRequest, ctx: ViewContext): Promise<StartSection[]> {
  const actor = ctx.actor
  if (!actor) return []
  const db = req.db as Db
  const { t, lang } = ctx
  const day = today()
  // Late requests are counted only for those who read the list; a secretary's of their spaces.
  const readsList = ctx.can('translations.read')
  const secretaryId = servicesEverySpace(actor) ? null : actor.id
  const row = await db
    .selectNoFrom((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('translation_requests as r')
          .innerJoin('materials as m', 'm.id', 'r.material_id')
          .select(['r.id', 'r.target_language', 'r.deadline', 'm.title'])
          .where('r.translator_id', '=', actor.id)
          .where('r.status', 'in', ['requested', 'in_progress'])
          .orderBy('r.deadline')
          .orderBy('r.id')
          .limit(shown),
      ).as('owed'),
      eb
        .selectFrom('translation_requests as r')
        .innerJoin('materials as m', 'm.id', 'r.material_id')
        .innerJoin(spaceRows(db).as('s'), 's.id', 'm.space_id')
        .select(sql<number>`count(*)`.as('n'))
        .where(sql<boolean>`${readsList}`)
        .where('r.status', 'in', ['requested', 'in_progress'])
        .where('r.deadline', '<', day)
        .$if(secretaryId !== null, (q) => q.where('s.secretary_id', '=', secretaryId))
        .as('late'),
    ])
    .executeTakeFirstOrThrow()

  const items: StartItem[] = row.owed.map((r) => ({
    text: t(r.deadline < day ? 'translations.start.owedLate' : 'translations.start.owed', {
      title: r.title,
      language: t(`materials.languages.${r.target_language}`),
      deadline: safeDay(r.deadline, lang),
    }),
    // The private link is only in the mail; the notification says where to find it.
    href: '/notifications',
    urgent: r.deadline <= addDays(day, 2),
  }))
  const late = Number(row.late ?? 0)
  if (late)
    items.push({
      text: t('translations.start.late', { n: late }),
      href: '/translations?status=late',
      urgent: true,
    })
  return [{ heading: t('translations.start.heading'), items }]
}
