// What people do to a project, each in one transaction with its audit entry.
import { audit } from '../../kernel/audit.ts'
import { today } from '../../kernel/dates.ts'
import { RuleError } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import type { ProjectRow } from './queries.ts'
import { reportDayProblem } from './rules.ts'
import type { ReportForm } from './schemas.ts'

/** Records how far one of the project's indicators had come on a day; earlier reports stay. */
export async function reportProgress(db: Db, actor: Actor, project: ProjectRow, form: ReportForm) {
  const indicator = project.indicators.find((i) => i.id === form.indicatorId)
  if (!indicator) throw new RuleError('errors.choose', 'indicatorId')
  const problem = reportDayProblem(form.reportedOn, project, today())
  if (problem) throw new RuleError(problem, 'reportedOn')
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('project_indicator_reports')
      .values({
        indicator_id: indicator.id,
        reported_on: form.reportedOn,
        value: form.value,
        comment: form.comment,
        reported_by: actor.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await audit(trx, actor, {
      action: 'projects.progress-reported',
      subjectType: 'project',
      subjectId: project.id,
      details: {
        indicatorId: indicator.id,
        reportId: row.id,
        reportedOn: form.reportedOn,
        value: form.value,
      },
    })
  })
}
