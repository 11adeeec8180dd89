// What waits in projects for a person's start page: for project staff, each of their projects with
// how its indicators stand today. One statement.
import type { FastifyRequest } from 'fastify'
import { today } from '../../kernel/dates.ts'
import type { StartItem, StartSection } from '../../kernel/module.ts'
import type { ViewContext } from '../../kernel/views/context.ts'
import type { Db } from './db.ts'
import { projectsOfStaff } from './queries.ts'
import { indicatorProgress } from './rules.ts'
import { projectTitle } from './views/project-name.ts'

export async function projectsStartSections(req: FastifyRequest, ctx: ViewContext): Promise<StartSection[]> {
  const actor = ctx.actor
  if (actor?.role !== 'project_staff') return []
  const { t } = ctx
  const day = today()
  const items: StartItem[] = []
  for (const p of await projectsOfStaff(req.db as Db, actor.id, 5)) {
    const states = p.indicators.map((i) => indicatorProgress(i, i.latest_value, p, day).state)
    const all = states.length
    const href = `/projects/${p.id}`
    const project = projectTitle(p)
    const behind = states.filter((s) => s === 'behind').length
    const unreported = states.filter((s) => s === 'not_reported').length
    if (behind)
      items.push({ text: t('projects.start.behind', { project, n: behind, all }), href, urgent: true })
    if (unreported)
      items.push({
        text: t('projects.start.unreported', { project, n: unreported, all }),
        href,
        urgent: true,
      })
    const good = states.filter((s) => s === 'on_track' || s === 'achieved').length
    items.push({ text: t('projects.start.project', { project, good, all }), href })
  }
  return [{ heading: t('projects.start.heading'), items }]
}
