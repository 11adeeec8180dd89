// The programmes' taxonomy and the themes, kept by the secretariat: programmes (each of a funding
// period), their priorities and measures, and the themes projects are filed under. A node or a
// theme a project uses is never removed, and a node a project uses gets no children (the project's
// measure would stop being a choice); a code is unique among its siblings.
import { sql } from 'kysely'
import { audit } from '../../../kernel/audit.ts'
import { RuleError, sqlState } from '../../../kernel/errors.ts'
import type { Actor } from '../../../kernel/policy.ts'
import type { Db } from '../db.ts'
import type { FundingPeriod, TaxonomyLevel } from '../tables.ts'
import type { NodeForm, ThemeForm } from './schemas.ts'

/** No secretariat keeps more; the page shows them all. */
const treeLimit = 2000

/** How many projects are filed under the node `n`, and under the theme `th` (both indexed). */
const nodeProjects = sql<number>`(select count(*)::int from projects p where p.programme_id = n.id)`.as(
  'projects',
)
const themeProjects =
  sql<number>`(select count(*)::int from project_theme_links l where l.theme_id = th.id)`.as('projects')

export interface TaxonomyNode {
  id: string
  parent_id: string | null
  level: TaxonomyLevel
  code: string
  name_pl: string
  name_en: string
  period: FundingPeriod
  projects: number
  children: TaxonomyNode[]
}

/** The whole taxonomy as a tree of programmes, each node with how many projects use it. */
export async function taxonomyTree(db: Db): Promise<TaxonomyNode[]> {
  const rows = await db
    .selectFrom('project_programmes as n')
    .select(['n.id', 'n.parent_id', 'n.level', 'n.code', 'n.name_pl', 'n.name_en', 'n.period'])
    .select(nodeProjects)
    .orderBy('n.position')
    .orderBy('n.code')
    .limit(treeLimit)
    .execute()
  const nodes = new Map(rows.map((r) => [r.id, { ...r, children: [] as TaxonomyNode[] }]))
  const roots: TaxonomyNode[] = []
  for (const node of nodes.values()) {
    const parent = node.parent_id ? nodes.get(node.parent_id) : undefined
    if (parent) parent.children.push(node)
    else if (!node.parent_id) roots.push(node)
  }
  return roots
}

export function findNode(db: Db, id: string) {
  return db
    .selectFrom('project_programmes as n')
    .select(['n.id', 'n.parent_id', 'n.level', 'n.code', 'n.name_pl', 'n.name_en', 'n.period'])
    .select((eb) => [
      nodeProjects,
      eb
        .exists(eb.selectFrom('project_programmes as c').select('c.id').whereRef('c.parent_id', '=', 'n.id'))
        .as('has_children'),
    ])
    .where('n.id', '=', id)
    .executeTakeFirst()
}

export type FoundNode = NonNullable<Awaited<ReturnType<typeof findNode>>>

/** A code taken among the siblings is told beside the code. */
async function uniqueCode<R>(write: () => Promise<R>): Promise<R> {
  try {
    return await write()
  } catch (err) {
    if (sqlState(err) === '23505') throw new RuleError('projects.errors.codeTaken', 'code')
    throw err
  }
}

/** A programme (no parent, its period given), or a priority or measure under one. */
export async function addNode(db: Db, actor: Actor, form: NodeForm) {
  let level: TaxonomyLevel = 'programme'
  let period = form.period
  if (form.parentId) {
    const parent = await findNode(db, form.parentId)
    if (!parent || parent.level === 'measure') throw new RuleError('errors.choose', 'parentId')
    if (parent.projects > 0) throw new RuleError('projects.errors.parentHasProjects', 'parentId')
    level = parent.level === 'programme' ? 'priority' : 'measure'
    period = parent.period
  } else if (!period) throw new RuleError('projects.errors.periodRequired', 'period')
  const parentId = form.parentId
  const added = await uniqueCode(() =>
    db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('project_programmes')
        .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(-1)).as('last'))
        .where((eb) => (parentId ? eb('parent_id', '=', parentId) : eb('parent_id', 'is', null)))
        .executeTakeFirstOrThrow()
      const row = await trx
        .insertInto('project_programmes')
        .values({
          parent_id: parentId,
          level,
          code: form.code,
          name_pl: form.namePl,
          name_en: form.nameEn,
          period: period as FundingPeriod,
          position: last.last + 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, actor, {
        action: 'projects.taxonomy-added',
        subjectType: 'project_programme',
        subjectId: row.id,
        details: { level, code: form.code, name: form.namePl },
      })
      return row
    }),
  )
  return added
}

/** A node's code and names; a programme's period is its priorities' and measures' too. */
export async function saveNode(db: Db, actor: Actor, node: FoundNode, form: NodeForm) {
  await uniqueCode(() =>
    db.transaction().execute(async (trx) => {
      await trx
        .updateTable('project_programmes')
        .set({ code: form.code, name_pl: form.namePl, name_en: form.nameEn })
        .where('id', '=', node.id)
        .execute()
      if (node.level === 'programme' && form.period && form.period !== node.period)
        await sql`with recursive below as (
            select id from project_programmes where id = ${node.id}
            union all
            select c.id from project_programmes c join below b on c.parent_id = b.id
          )
          update project_programmes set period = ${form.period} where id in (select id from below)`.execute(
          trx,
        )
      await audit(trx, actor, {
        action: 'projects.taxonomy-changed',
        subjectType: 'project_programme',
        subjectId: node.id,
        details: { code: [node.code, form.code], name: [node.name_pl, form.namePl] },
      })
    }),
  )
}

export async function removeNode(db: Db, actor: Actor, node: FoundNode) {
  if (node.projects > 0) throw new RuleError('projects.errors.nodeHasProjects')
  if (node.has_children) throw new RuleError('projects.errors.nodeHasChildren')
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('project_programmes').where('id', '=', node.id).execute()
    await audit(trx, actor, {
      action: 'projects.taxonomy-removed',
      subjectType: 'project_programme',
      subjectId: node.id,
      details: { code: node.code, name: node.name_pl },
    })
  })
}

/** The themes in their order, each with how many projects are filed under it. */
export function themesWithCounts(db: Db) {
  return db
    .selectFrom('project_themes as th')
    .select(['th.id', 'th.code', 'th.name_pl', 'th.name_en'])
    .select(themeProjects)
    .orderBy('th.position')
    .limit(treeLimit)
    .execute()
}

export type ThemeRow = Awaited<ReturnType<typeof themesWithCounts>>[number]

export function findTheme(db: Db, id: string) {
  return db
    .selectFrom('project_themes as th')
    .select(['th.id', 'th.code', 'th.name_pl', 'th.name_en'])
    .select(themeProjects)
    .where('th.id', '=', id)
    .executeTakeFirst()
}

export async function addTheme(db: Db, actor: Actor, form: ThemeForm) {
  await uniqueCode(() =>
    db.transaction().execute(async (trx) => {
      const last = await trx
        .selectFrom('project_themes')
        .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(-1)).as('last'))
        .executeTakeFirstOrThrow()
      const row = await trx
        .insertInto('project_themes')
        .values({ code: form.code, name_pl: form.namePl, name_en: form.nameEn, position: last.last + 1 })
        .returning('id')
        .executeTakeFirstOrThrow()
      await audit(trx, actor, {
        action: 'projects.theme-added',
        subjectType: 'project_theme',
        subjectId: row.id,
        details: { code: form.code, name: form.namePl },
      })
    }),
  )
}

export async function saveTheme(db: Db, actor: Actor, theme: ThemeRow, form: ThemeForm) {
  await uniqueCode(() =>
    db.transaction().execute(async (trx) => {
      await trx
        .updateTable('project_themes')
        .set({ code: form.code, name_pl: form.namePl, name_en: form.nameEn })
        .where('id', '=', theme.id)
        .execute()
      await audit(trx, actor, {
        action: 'projects.theme-changed',
        subjectType: 'project_theme',
        subjectId: theme.id,
        details: { code: [theme.code, form.code], name: [theme.name_pl, form.namePl] },
      })
    }),
  )
}

export async function removeTheme(db: Db, actor: Actor, theme: ThemeRow) {
  if (theme.projects > 0) throw new RuleError('projects.errors.themeHasProjects')
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('project_themes').where('id', '=', theme.id).execute()
    await audit(trx, actor, {
      action: 'projects.theme-removed',
      subjectType: 'project_theme',
      subjectId: theme.id,
      details: { code: theme.code, name: theme.name_pl },
    })
  })
}
