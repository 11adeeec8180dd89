// The support schedule (harmonogram wsparcia): a project's dated activities, each in a voivodeship
// or nationwide. Its staff and the secretariat add and remove them, each change kept in the
// project's history; everyone who reads the project reads them by day and by month, and a
// published project's schedule is public, with an iCalendar feed.
import { addMonths, type Day } from '../../../kernel/dates.ts'
import { RuleError } from '../../../kernel/errors.ts'
import type { Actor } from '../../../kernel/policy.ts'
import type { Db } from '../db.ts'
import type { ProjectRow } from '../queries.ts'
import { voivodeshipName } from '../regions.ts'
import type { ActivityForm } from '../schemas.ts'
import { changeList } from '../service.ts'
import { findUnit } from '../terc/service.ts'

/** Activities on one page of the schedule's list. */
export const schedulePageSize = 50

/** At most this many activities are read for a month, and for the feed. */
const monthLimit = 500
const feedLimit = 2000

const activityColumns = [
  'a.id',
  'a.title',
  'a.starts_on',
  'a.ends_on',
  'a.voivodeship',
  'a.place',
  'a.teryt_code',
  'a.teryt_name',
  'a.description',
  'a.updated_at',
] as const

/** A page of the schedule in the order of days, after the activity `after` (a keyset); one more tells a next page. */
export function activitiesPage(db: Db, projectId: string, after: { day: Day; id: string } | null) {
  let q = db
    .selectFrom('project_activities as a')
    .select(activityColumns)
    .where('a.project_id', '=', projectId)
    .orderBy('a.starts_on')
    .orderBy('a.id')
    .limit(schedulePageSize + 1)
  if (after)
    q = q.where((eb) =>
      eb.or([
        eb('a.starts_on', '>', after.day),
        eb.and([eb('a.starts_on', '=', after.day), eb('a.id', '>', after.id)]),
      ]),
    )
  return q.execute()
}

export type Activity = Awaited<ReturnType<typeof activitiesPage>>[number]

/** The activities that take place on any day of a month (`2018-03`). */
export function activitiesOfMonth(db: Db, projectId: string, month: string) {
  return db
    .selectFrom('project_activities as a')
    .select(activityColumns)
    .where('a.project_id', '=', projectId)
    .where('a.starts_on', '<', `${addMonths(month, 1)}-01`)
    .where('a.ends_on', '>=', `${month}-01`)
    .orderBy('a.starts_on')
    .orderBy('a.id')
    .limit(monthLimit)
    .execute()
}

/** The activities that have not ended by `from`, soonest first. */
function nextActivities(db: Db, projectId: string, from: Day, limit: number) {
  return db
    .selectFrom('project_activities as a')
    .select(activityColumns)
    .where('a.project_id', '=', projectId)
    .where('a.ends_on', '>=', from)
    .orderBy('a.starts_on')
    .orderBy('a.id')
    .limit(limit)
    .execute()
}

/**
 * What a public project page shows of its schedule: the activities that have not ended by `from`,
 * soonest first, or, when all have ended, the last ones held.
 */
export async function scheduleExcerpt(db: Db, projectId: string, from: Day, limit: number) {
  const next = await nextActivities(db, projectId, from, limit)
  if (next.length > 0) return { kind: 'next' as const, rows: next }
  const last = await db
    .selectFrom('project_activities as a')
    .select(activityColumns)
    .where('a.project_id', '=', projectId)
    .orderBy('a.starts_on', 'desc')
    .orderBy('a.id', 'desc')
    .limit(limit)
    .execute()
  return { kind: 'last' as const, rows: last.reverse() }
}

export type ScheduleExcerpt = Awaited<ReturnType<typeof scheduleExcerpt>>

/** The whole schedule for a calendar program (the feed), up to a limit no project reaches. */
export function activitiesForFeed(db: Db, projectId: string) {
  return db
    .selectFrom('project_activities as a')
    .select(activityColumns)
    .where('a.project_id', '=', projectId)
    .orderBy('a.starts_on')
    .orderBy('a.id')
    .limit(feedLimit)
    .execute()
}

/** The month a calendar opens on: today's while the project runs, else its first activity's, else its start's. */
export async function firstMonth(db: Db, project: ProjectRow, day: Day): Promise<string> {
  if (project.starts_on <= day && day <= project.ends_on) return day.slice(0, 7)
  const first = await db
    .selectFrom('project_activities')
    .select('starts_on')
    .where('project_id', '=', project.id)
    .orderBy('starts_on')
    .limit(1)
    .executeTakeFirst()
  return (first?.starts_on ?? project.starts_on).slice(0, 7)
}

/**
 * Why an activity's days do not fit its project, or null: an activity takes place within the
 * project's period of implementation.
 */
export function activityDayProblem(
  form: { startsOn: Day; endsOn: Day | null },
  project: { starts_on: Day; ends_on: Day },
): { field: 'startsOn' | 'endsOn'; message: 'projects.errors.activityOutsidePeriod' } | null {
  if (form.startsOn < project.starts_on || form.startsOn > project.ends_on)
    return { field: 'startsOn', message: 'projects.errors.activityOutsidePeriod' }
  if (form.endsOn !== null && form.endsOn > project.ends_on)
    return { field: 'endsOn', message: 'projects.errors.activityOutsidePeriod' }
  return null
}

/** Where an activity takes place, in words: the place typed, its powiat or gmina, its voivodeship. */
export const activityWhere = (a: { place: string; teryt_name: string; voivodeship: string | null }) =>
  [a.place, a.teryt_name, a.voivodeship ? voivodeshipName(a.voivodeship) : ''].filter(Boolean).join(', ')

/** An activity as the history shows it: its days, title and where. */
const activityLine = (a: {
  starts_on: Day
  ends_on: Day
  title: string
  voivodeship: string | null
  place: string
  teryt_name: string
}) =>
  [a.ends_on === a.starts_on ? a.starts_on : `${a.starts_on} – ${a.ends_on}`, a.title, activityWhere(a)]
    .filter(Boolean)
    .join(' · ')

export async function addActivity(db: Db, actor: Actor, project: ProjectRow, form: ActivityForm) {
  const problem = activityDayProblem(form, project)
  if (problem) throw new RuleError(problem.message, problem.field)
  const unit = await findUnit(db, form.unit, form.voivodeship, 'unit')
  const row = {
    project_id: project.id,
    title: form.title,
    starts_on: form.startsOn,
    ends_on: form.endsOn ?? form.startsOn,
    voivodeship: form.voivodeship ?? unit?.voivodeship ?? null,
    place: form.place,
    teryt_code: unit?.code ?? null,
    teryt_name: unit?.label ?? '',
    description: form.description,
    created_by: actor.id,
    updated_at: new Date(),
  }
  await changeList(
    db,
    actor,
    project.id,
    { field: 'schedule', added: activityLine(row), action: 'projects.activity-added' },
    (trx) => trx.insertInto('project_activities').values(row).execute(),
  )
}

export async function removeActivity(db: Db, actor: Actor, project: ProjectRow, activityId: string) {
  const activity = await db
    .selectFrom('project_activities')
    .select(['id', 'title', 'starts_on', 'ends_on', 'voivodeship', 'place', 'teryt_name'])
    .where('id', '=', activityId)
    .where('project_id', '=', project.id)
    .executeTakeFirst()
  if (!activity) throw new RuleError('errors.choose')
  await changeList(
    db,
    actor,
    project.id,
    { field: 'schedule', removed: activityLine(activity), action: 'projects.activity-removed' },
    (trx) => trx.deleteFrom('project_activities').where('id', '=', activity.id).execute(),
  )
}
