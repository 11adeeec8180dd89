// The support schedule's pages: inside, every reader of the project sees it and those who edit the
// project add and remove activities; on the public site a published project's schedule is open to
// all, with an iCalendar feed to subscribe to.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { EventAttributes } from 'ics'
import type { Config } from '../../../config.ts'
import { addDays, today } from '../../../kernel/dates.ts'
import { typedValues } from '../../../kernel/forms.ts'
import { render, viewContext } from '../../../kernel/http.tsx'
import { unescaped } from '../../../kernel/i18n.ts'
import { publishedCalendar } from '../../../kernel/ics.ts'
import { keysetPageOf } from '../../../kernel/pagination.ts'
import { renderPublic } from '../../../kernel/public-pages.ts'
import type { FieldErrors } from '../../../kernel/views/fields.tsx'
import type { Db } from '../db.ts'
import { editPost, type FoundProject, projectFor, publishedProject } from '../load.ts'
import type { ProjectRow } from '../queries.ts'
import { ActivityForm, RemoveForm, ScheduleQuery } from '../schemas.ts'
import { projectTitle } from '../views/project-name.ts'
import * as schedule from './service.ts'
import { SchedulePage, type ScheduleView } from './views/schedule-page.tsx'

/** The list's page or the calendar's month the address asks for. */
async function scheduleView(db: Db, project: ProjectRow, query: ScheduleQuery): Promise<ScheduleView> {
  if (query.view === 'calendar') {
    const month = query.month ?? (await schedule.firstMonth(db, project, today()))
    return { kind: 'calendar', month, rows: await schedule.activitiesOfMonth(db, project.id, month) }
  }
  const rows = await schedule.activitiesPage(db, project.id, query.after)
  return {
    kind: 'list',
    ...keysetPageOf(rows, schedule.schedulePageSize, (last) => `${last.starts_on}_${last.id}`),
    continued: query.after !== null,
  }
}

const feedPath = (projectId: string) => `/funded-projects/${projectId}/schedule.ics`

export async function scheduleRoutes(app: FastifyInstance, { config }: { config: Config }) {
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    found: FoundProject,
    errors?: FieldErrors,
  ) => {
    const pr = found.project
    const view = await scheduleView(
      req.db as Db,
      pr,
      errors ? ScheduleQuery.parse({}) : ScheduleQuery.parse(req.query),
    )
    return render(
      reply.code(errors ? 422 : 200),
      <SchedulePage
        ctx={viewContext(req, reply)}
        project={pr}
        view={view}
        base={`/projects/${pr.id}/schedule`}
        projectHref={`/projects/${pr.id}`}
        feed={pr.is_public ? feedPath(pr.id) : null}
        mayEdit={found.mayEdit}
        refused={errors ? { values: typedValues(req.body), errors } : undefined}
      />,
    )
  }

  app.get('/projects/:id/schedule', { config: { permission: 'projects.read' } }, async (req, reply) =>
    page(req, reply, await projectFor(req, 'project.read')),
  )

  editPost(app, 'schedule', ActivityForm, (req, reply, found) => ({
    act: (form) => schedule.addActivity(req.db as Db, found.actor, found.project, form),
    again: (errors) => page(req, reply, found, errors),
    flash: req.t('projects.schedule.added'),
    to: `/projects/${found.project.id}/schedule`,
  }))

  editPost(app, 'schedule/remove', RemoveForm, (req, reply, found) => ({
    act: (form) => schedule.removeActivity(req.db as Db, found.actor, found.project, form.rowId),
    again: (errors) => page(req, reply, found, errors),
    flash: req.t('projects.schedule.removed'),
    to: `/projects/${found.project.id}/schedule`,
  }))

  app.get('/funded-projects/:id/schedule', { config: { permission: 'public' } }, async (req, reply) =>
    renderPublic(
      req,
      reply,
      async () => {
        const project = await publishedProject(req)
        return (
          <SchedulePage
            ctx={viewContext(req, reply)}
            project={project}
            view={await scheduleView(req.db as Db, project, ScheduleQuery.parse(req.query))}
            base={`/funded-projects/${project.id}/schedule`}
            projectHref={`/funded-projects/${project.id}`}
            feed={feedPath(project.id)}
            mayEdit={false}
          />
        )
      },
      { data: true },
    ),
  )

  // A calendar program fetches the feed now and then; each activity is an all-day event (its last
  // day included), its UID fixed so an update replaces it.
  app.get('/funded-projects/:id/schedule.ics', { config: { permission: 'public' } }, async (req, reply) => {
    const project = await publishedProject(req)
    const host = new URL(config.baseUrl).hostname
    const url = `${config.baseUrl}/funded-projects/${project.id}/schedule`
    const rows = await schedule.activitiesForFeed(req.db as Db, project.id)
    const events: EventAttributes[] = rows.map((a) => ({
      uid: `activity-${a.id}@${host}`,
      title: a.title,
      start: dayParts(a.starts_on),
      end: dayParts(addDays(a.ends_on, 1)), // an all-day event's end is exclusive
      description: a.description || undefined,
      location: schedule.activityWhere(a) || undefined,
      url,
      lastModified: a.updated_at.getTime(),
    }))
    const calName = req.t('projects.schedule.title', { project: projectTitle(project), ...unescaped })
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .send(publishedCalendar(events, { productId: '-//Siatka//Projects//PL', calName }))
  })
}

/** A day as `ics` takes an all-day date: [year, month, day]. */
const dayParts = (d: string): [number, number, number] => [
  Number(d.slice(0, 4)),
  Number(d.slice(5, 7)),
  Number(d.slice(8, 10)),
]
