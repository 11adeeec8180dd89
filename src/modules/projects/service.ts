// What people do to a project, each in one transaction with its audit entry: the secretariat adds a
// project; its staff (and the secretariat) change its facts, each change kept in its edit history,
// and report progress; an analysis is kept as a network's material. A project's parts (partners,
// target groups, contacts, indicators, staff) are in parts-service.ts, through changeList here.
import { audit } from '../../kernel/audit.ts'
import { safeDay, today } from '../../kernel/dates.ts'
import { RuleError } from '../../kernel/errors.ts'
import { type Lang, type T, unescaped } from '../../kernel/i18n.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import * as materials from '../materials/service.ts'
import { type Analysis, type AnalysisFilters, namedBreakdowns } from './analysis.ts'
import { analysisWorkbook } from './analysis-workbook.ts'
import type { Db } from './db.ts'
import type { FilterChoices } from './list-queries.ts'
import type { ProjectRow } from './queries.ts'
import * as q from './queries.ts'
import { subregionName, voivodeshipName } from './regions.ts'
import { type Facts, factChanges, listFact, reportDayProblem } from './rules.ts'
import type { ProjectForm, ReportForm } from './schemas.ts'
import type { ProjectChange } from './tables.ts'
import { programmeCode } from './views/project-name.ts'

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

/** What a project's form chooses from, loaded once per form: measures, themes, organisations. */
export interface FormChoices {
  programmes: Awaited<ReturnType<typeof q.programmeChoices>>
  themes: Awaited<ReturnType<typeof q.themeChoices>>
  organisations: { id: string; name: string }[]
}

/** The facts of a project as saved, for its history. */
export function savedFacts(pr: ProjectRow): Facts {
  return {
    title: pr.title,
    acronym: pr.acronym,
    programme: programmeCode(pr),
    status: pr.status,
    startsOn: pr.starts_on,
    endsOn: pr.ends_on,
    lead: pr.lead_name,
    agreementOn: pr.agreement_on ?? '',
    totalValue: String(pr.total_value_grosze),
    euContribution: String(pr.eu_contribution_grosze),
    eligibleCosts: String(pr.eligible_costs_grosze),
    mainGoal: pr.main_goal,
    specificGoals: pr.specific_goals,
    themes: listFact(pr.themes.map((th) => th.name_pl)),
    regions: listFact(pr.regions.map(voivodeshipName)),
    subregions: listFact(pr.subregions.map(subregionName)),
    isPublic: pr.is_public ? 'yes' : 'no',
  }
}

/** The facts a form would save, named as the history names them; an id no longer offered is refused at its field. */
export function formFacts(form: ProjectForm, choices: FormChoices): Facts {
  const programme = choices.programmes.find((m) => m.id === form.programmeId)
  if (!programme) throw new RuleError('errors.choose', 'programmeId')
  const lead = choices.organisations.find((o) => o.id === form.leadOrganisationId)
  if (!lead) throw new RuleError('errors.choose', 'leadOrganisationId')
  const themes = form.themes.map((id) => choices.themes.find((th) => th.id === id))
  if (themes.some((th) => !th)) throw new RuleError('errors.choose', 'themes')
  return {
    title: form.title,
    acronym: form.acronym,
    programme: `${programme.programme_code} ${programme.code}`,
    status: form.status,
    startsOn: form.startsOn,
    endsOn: form.endsOn,
    lead: lead.name,
    agreementOn: form.agreementOn ?? '',
    totalValue: String(form.totalValue),
    euContribution: String(form.euContribution),
    eligibleCosts: String(form.eligibleCosts),
    mainGoal: form.mainGoal,
    specificGoals: form.specificGoals,
    themes: listFact(themes.map((th) => th?.name_pl ?? '')),
    regions: listFact(form.regions.map(voivodeshipName)),
    subregions: listFact(form.subregions.map(subregionName)),
    isPublic: form.isPublic ? 'yes' : 'no',
  }
}

/** After a stale save: each fact where the version saved meanwhile and the one typed differ. */
export function conflictDifferences(theirs: ProjectRow, form: ProjectForm, choices: FormChoices) {
  return factChanges(savedFacts(theirs), formFacts(form, choices)).map((c) => ({
    field: c.field,
    theirs: c.before,
    yours: c.after,
  }))
}

const columns = (form: ProjectForm) => ({
  title: form.title,
  acronym: form.acronym,
  programme_id: form.programmeId,
  status: form.status,
  starts_on: form.startsOn,
  ends_on: form.endsOn,
  lead_organisation_id: form.leadOrganisationId,
  agreement_on: form.agreementOn,
  total_value_grosze: form.totalValue,
  eu_contribution_grosze: form.euContribution,
  eligible_costs_grosze: form.eligibleCosts,
  main_goal: form.mainGoal,
  specific_goals: form.specificGoals,
  is_public: form.isPublic,
  updated_at: new Date(),
})

/** A project's themes, regions and subregions are its form's ticks: replaced as a whole. */
async function replaceLists(trx: Db, projectId: string, form: ProjectForm) {
  await trx.deleteFrom('project_theme_links').where('project_id', '=', projectId).execute()
  await trx.deleteFrom('project_regions').where('project_id', '=', projectId).execute()
  await trx.deleteFrom('project_subregions').where('project_id', '=', projectId).execute()
  const themes = [...new Set(form.themes)]
  const regions = [...new Set(form.regions)]
  const subregions = [...new Set(form.subregions)]
  if (themes.length)
    await trx
      .insertInto('project_theme_links')
      .values(themes.map((theme_id) => ({ project_id: projectId, theme_id })))
      .execute()
  if (regions.length)
    await trx
      .insertInto('project_regions')
      .values(regions.map((voivodeship) => ({ project_id: projectId, voivodeship })))
      .execute()
  if (subregions.length)
    await trx
      .insertInto('project_subregions')
      .values(subregions.map((nuts3) => ({ project_id: projectId, nuts3 })))
      .execute()
}

/** A new project in the portfolio; the secretariat then hands it to its staff. */
export async function createProject(db: Db, actor: Actor, form: ProjectForm, choices: FormChoices) {
  formFacts(form, choices)
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('projects')
      .values({ ...columns(form), created_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow()
    await replaceLists(trx, row.id, form)
    await audit(trx, actor, {
      action: 'projects.created',
      subjectType: 'project',
      subjectId: row.id,
      details: { title: form.title },
    })
    return row
  })
}

export type SaveOutcome = { saved: true } | { saved: false; theirs: ProjectRow }

/**
 * Saves a project's facts from a form opened on `form.version`: if someone saved in between, nothing
 * is saved and their version comes back to be shown beside what this person typed.
 */
export async function saveProject(
  db: Db,
  actor: Actor,
  project: ProjectRow,
  form: ProjectForm,
  choices: FormChoices,
): Promise<SaveOutcome> {
  const after = formFacts(form, choices)
  if (project.version !== form.version) return { saved: false, theirs: project }
  const saved = await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('projects')
      .set((eb) => ({ ...columns(form), version: eb('version', '+', 1) }))
      .where('id', '=', project.id)
      .where('version', '=', form.version)
      .returning('id')
      .executeTakeFirst()
    if (!row) return false
    await replaceLists(trx, project.id, form)
    const changes = factChanges(savedFacts(project), after)
    if (changes.length) await keepRevision(trx, actor, project.id, changes)
    await audit(trx, actor, {
      action: 'projects.updated',
      subjectType: 'project',
      subjectId: project.id,
      details: { fields: changes.map((c) => c.field) },
    })
    return true
  })
  if (saved) return { saved: true }
  // Saved by someone else between this person's page and the statement above.
  const theirs = await q.findProject(db, project.id, actor.id)
  if (!theirs) throw new RuleError('errors.choose', '_form')
  return { saved: false, theirs }
}

function keepRevision(trx: Db, actor: Actor, projectId: string, changes: ProjectChange[]) {
  return trx
    .insertInto('project_revisions')
    .values({ project_id: projectId, changed_by: actor.id, changes: JSON.stringify(changes) })
    .execute()
}

/** One change of a list on the project (a partner, a group, an indicator, a person of its staff), with its history line. */
export async function changeList(
  db: Db,
  actor: Actor,
  projectId: string,
  change: { field: string; added?: string; removed?: string; action: string },
  write: (trx: Db) => Promise<unknown>,
) {
  await db.transaction().execute(async (trx) => {
    await write(trx)
    await keepRevision(trx, actor, projectId, [
      { field: change.field, before: change.removed ?? '', after: change.added ?? '' },
    ])
    await audit(trx, actor, {
      action: change.action,
      subjectType: 'project',
      subjectId: projectId,
      details: { added: change.added, removed: change.removed },
    })
  })
}

/**
 * Keeps the analysis, with the filters it was made with, as an XLSX material of a network (members
 * read it); returns the material's title.
 */
export async function keepAnalysis(
  db: Db,
  storage: LocalStorage,
  actor: Actor,
  p: {
    t: T
    lang: Lang
    spaceId: string
    analysis: Analysis
    choices: FilterChoices
    filters: AnalysisFilters
  },
) {
  const { t, lang } = p
  const named = namedBreakdowns(p.analysis, p.choices, lang)
  const day = today()
  const title = t('projects.analysis.materialTitle', { day: safeDay(day, lang), ...unescaped })
  const theme = p.choices.themes.find((th) => th.id === p.filters.theme)
  const programme = p.choices.programmes.find((m) => m.id === p.filters.programme)
  const conditions = [
    theme ? (lang === 'en' ? theme.name_en : theme.name_pl) : null,
    programme?.code ?? null,
    p.filters.period,
    p.filters.status ? t(`projects.statuses.${p.filters.status}`) : null,
  ].filter(Boolean)
  const bytes = await analysisWorkbook(t, {
    title,
    conditions: t('projects.analysis.conditions', {
      list: conditions.length ? conditions.join(', ') : t('projects.analysis.allProjects'),
      ...unescaped,
    }),
    total: p.analysis.total,
    breakdowns: [
      { sheet: t('projects.analysis.regions'), first: t('projects.analysis.region'), rows: named.regions },
      { sheet: t('projects.analysis.themes'), first: t('projects.analysis.theme'), rows: named.themes },
      { sheet: t('projects.analysis.measures'), first: t('projects.analysis.measure'), rows: named.measures },
    ],
  })
  const fileName = `${t('projects.sheet.file')}-${day}.xlsx`
  const stored = await storage.put(db, { name: fileName, bytes }, { field: 'spaceId', allowed: ['xlsx'] })
  await db.transaction().execute((trx) =>
    materials.addSpaceMaterial(trx, actor, {
      spaceId: p.spaceId,
      title,
      language: lang,
      stored,
      originalName: fileName,
      uploadedBy: actor.id,
      createdBy: actor.id,
    }),
  )
  return title
}
