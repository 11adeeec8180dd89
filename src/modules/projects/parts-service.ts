// A project's parts, each change in one transaction with its audit entry and its line in the
// project's history (changeList): partners and cooperating institutions, target groups, contact
// people, indicators, and the staff the secretariat hands the project to.
import { RuleError, sqlState } from '../../kernel/errors.ts'
import type { Actor } from '../../kernel/policy.ts'
import type { Db } from './db.ts'
import { settleSeatsOfProject } from './groups/seats.ts'
import type { ProjectRow } from './queries.ts'
import type { ContactForm, IndicatorForm, PartnerForm, TargetGroupForm } from './schemas.ts'
import { changeList } from './service.ts'

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
