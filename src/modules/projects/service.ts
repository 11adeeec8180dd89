// What people do to a project, each in one transaction with its audit entry: the secretariat adds a
// project and hands it to its staff; they (and the secretariat) change its facts, partners, target
// groups and indicators, each change kept in its edit history, and report progress.
import { audit } from '../../kernel/audit.ts'
import { safeDay, today } from '../../kernel/dates.ts'
import { RuleError, sqlState } from '../../kernel/errors.ts'
import { type Lang, type T, unescaped } from '../../kernel/i18n.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { LocalStorage } from '../../kernel/storage.ts'
import * as materials from '../materials/service.ts'
import { type Analysis, type AnalysisFilters, namedBreakdowns } from './analysis.ts'
import { analysisWorkbook } from './analysis-workbook.ts'
import type { Db } from './db.ts'
import { settleSeatsOfProject } from './groups/seats.ts'
import type { FilterChoices, ProjectRow } from './queries.ts'
import * as q from './queries.ts'
import { subregionName, voivodeshipName } from './regions.ts'
import { type Facts, factChanges, listFact, reportDayProblem } from './rules.ts'
import type {
  ContactForm,
  IndicatorForm,
  PartnerForm,
  ProjectForm,
  ReportForm,
  TargetGroupForm,
} from './schemas.ts'
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

const nextPosition = (
  trx: Db,
  table: 'project_partners' | 'project_target_groups' | 'project_indicators' | 'project_contacts',
  projectId: string,
) =>
  trx
    .selectFrom(table)
    .select((eb) => eb.fn.coalesce(eb.fn.max('position'), eb.lit(-1)).as('last'))
    .where('project_id', '=', projectId)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.last) + 1)

export async function addPartner(
  db: Db,
  actor: Actor,
  project: ProjectRow,
  form: PartnerForm,
  organisations: { id: string; name: string }[],
) {
  const organisation = organisations.find((o) => o.id === form.organisationId)
  if (!organisation) throw new RuleError('errors.choose', 'organisationId')
  if (form.organisationId === project.lead_organisation_id)
    throw new RuleError('projects.errors.partnerIsLead', 'organisationId')
  if (project.partners.some((pa) => pa.organisation_id === form.organisationId))
    throw new RuleError('projects.errors.partnerTwice', 'organisationId')
  try {
    await changeList(
      db,
      actor,
      project.id,
      {
        field: form.role === 'partner' ? 'partners' : 'cooperating',
        added: organisation.name,
        action: 'projects.partner-added',
      },
      async (trx) =>
        trx
          .insertInto('project_partners')
          .values({
            project_id: project.id,
            organisation_id: organisation.id,
            role: form.role,
            position: await nextPosition(trx, 'project_partners', project.id),
          })
          .execute(),
    )
  } catch (err) {
    // Added at the same moment by someone else.
    throw sqlState(err) === '23505' ? new RuleError('projects.errors.partnerTwice', 'organisationId') : err
  }
}

export async function removePartner(db: Db, actor: Actor, project: ProjectRow, organisationId: string) {
  const partner = project.partners.find((pa) => pa.organisation_id === organisationId)
  if (!partner) throw new RuleError('errors.choose')
  await changeList(
    db,
    actor,
    project.id,
    {
      field: partner.role === 'partner' ? 'partners' : 'cooperating',
      removed: partner.name,
      action: 'projects.partner-removed',
    },
    (trx) =>
      trx
        .deleteFrom('project_partners')
        .where('project_id', '=', project.id)
        .where('organisation_id', '=', organisationId)
        .execute(),
  )
}

const groupLine = (g: { name: string; planned_people: number | null }) =>
  g.planned_people === null ? g.name : `${g.name} (${g.planned_people})`

export async function addTargetGroup(db: Db, actor: Actor, project: ProjectRow, form: TargetGroupForm) {
  await changeList(
    db,
    actor,
    project.id,
    {
      field: 'targetGroups',
      added: groupLine({ name: form.name, planned_people: form.plannedPeople }),
      action: 'projects.group-added',
    },
    async (trx) =>
      trx
        .insertInto('project_target_groups')
        .values({
          project_id: project.id,
          name: form.name,
          description: form.description,
          planned_people: form.plannedPeople,
          position: await nextPosition(trx, 'project_target_groups', project.id),
        })
        .execute(),
  )
}

export async function removeTargetGroup(db: Db, actor: Actor, project: ProjectRow, groupId: string) {
  const group = project.target_groups.find((g) => g.id === groupId)
  if (!group) throw new RuleError('errors.choose')
  await changeList(
    db,
    actor,
    project.id,
    { field: 'targetGroups', removed: groupLine(group), action: 'projects.group-removed' },
    (trx) => trx.deleteFrom('project_target_groups').where('id', '=', groupId).execute(),
  )
}

/** A project names at most this many people to contact. */
export const maxContacts = 10

const contactLine = (c: { name: string; function: string; email: string; phone: string }) =>
  [c.name, c.function, c.email, c.phone].filter(Boolean).join(' · ')

export async function addContact(db: Db, actor: Actor, project: ProjectRow, form: ContactForm) {
  if (project.contacts.length >= maxContacts) throw new RuleError('projects.errors.tooManyContacts', 'name')
  await changeList(
    db,
    actor,
    project.id,
    { field: 'contacts', added: contactLine(form), action: 'projects.contact-added' },
    async (trx) =>
      trx
        .insertInto('project_contacts')
        .values({
          project_id: project.id,
          name: form.name,
          function: form.function,
          email: form.email,
          phone: form.phone,
          position: await nextPosition(trx, 'project_contacts', project.id),
        })
        .execute(),
  )
}

export async function removeContact(db: Db, actor: Actor, project: ProjectRow, contactId: string) {
  const contact = project.contacts.find((c) => c.id === contactId)
  if (!contact) throw new RuleError('errors.choose')
  await changeList(
    db,
    actor,
    project.id,
    { field: 'contacts', removed: contactLine(contact), action: 'projects.contact-removed' },
    (trx) => trx.deleteFrom('project_contacts').where('id', '=', contactId).execute(),
  )
}

const indicatorLine = (i: { name: string; baseline: number; target: number; unit: string }) =>
  `${i.name}: ${i.baseline} → ${i.target} ${i.unit}`

export async function addIndicator(db: Db, actor: Actor, project: ProjectRow, form: IndicatorForm) {
  await changeList(
    db,
    actor,
    project.id,
    { field: 'indicators', added: indicatorLine(form), action: 'projects.indicator-added' },
    async (trx) =>
      trx
        .insertInto('project_indicators')
        .values({
          project_id: project.id,
          name: form.name,
          kind: form.kind,
          unit: form.unit,
          unit_one: form.unitOne,
          unit_few: form.unitFew,
          baseline: form.baseline,
          target: form.target,
          position: await nextPosition(trx, 'project_indicators', project.id),
        })
        .execute(),
  )
}

/** An indicator goes only while nothing was reported on it: a report is part of the project's record. */
export async function removeIndicator(db: Db, actor: Actor, project: ProjectRow, indicatorId: string) {
  const indicator = project.indicators.find((i) => i.id === indicatorId)
  if (!indicator) throw new RuleError('errors.choose')
  if (indicator.latest_on !== null) throw new RuleError('projects.errors.indicatorReported')
  await changeList(
    db,
    actor,
    project.id,
    { field: 'indicators', removed: indicatorLine(indicator), action: 'projects.indicator-removed' },
    // Only while it still has no report: one saved since this page was read keeps it.
    async (trx) => {
      const gone = await trx
        .deleteFrom('project_indicators')
        .where('id', '=', indicatorId)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('project_indicator_reports as r')
                .select('r.id')
                .whereRef('r.indicator_id', '=', 'project_indicators.id'),
            ),
          ),
        )
        .executeTakeFirst()
      if (Number(gone.numDeletedRows) === 0) throw new RuleError('projects.errors.indicatorReported')
    },
  )
}

/** Hands the project to one more person of the project staff role (or takes it back). */
export async function setStaff(
  db: Db,
  actor: Actor,
  project: ProjectRow,
  person: { id: string; name: string },
  onStaff: boolean,
) {
  await changeList(
    db,
    actor,
    project.id,
    {
      field: 'staff',
      ...(onStaff ? { added: person.name } : { removed: person.name }),
      action: onStaff ? 'projects.staff-added' : 'projects.staff-removed',
    },
    async (trx) => {
      if (onStaff)
        await trx
          .insertInto('project_staff')
          .values({ project_id: project.id, person_id: person.id })
          .onConflict((oc) => oc.doNothing())
          .execute()
      else
        await trx
          .deleteFrom('project_staff')
          .where('project_id', '=', project.id)
          .where('person_id', '=', person.id)
          .execute()
      // The staff of a project in a partnership group sit in the group's space.
      await settleSeatsOfProject(trx, actor, project.id)
    },
  )
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
