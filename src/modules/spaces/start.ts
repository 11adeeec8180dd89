// What waits in the spaces for the managing authority, for its start page: the proposals of
// composition sent for its decision. One statement, for the managing authority only.
import type { FastifyRequest } from 'fastify'
import { sql } from 'kysely'
import type { StartSection } from '../../kernel/module.ts'
import type { ViewContext } from '../../kernel/views/context.ts'
import type { Db } from './db.ts'

export async function spacesStartSections(req: FastifyRequest, ctx: ViewContext): Promise<StartSection[]> {
  if (!ctx.can('compositions.review')) return []
  const row = await (req.db as Db)
    .selectFrom('composition_proposals')
    .select(sql<string>`count(*)`.as('n'))
    .where('status', '=', 'submitted')
    .executeTakeFirstOrThrow()
  const n = Number(row.n)
  return [
    {
      heading: ctx.t('spaces.start.heading'),
      items: n ? [{ text: ctx.t('spaces.start.waiting', { n }), href: '/authority', urgent: true }] : [],
    },
  ]
}
