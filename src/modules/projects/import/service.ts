// Importing projects from a spreadsheet: the file is read and checked first, and kept with its
// problems for the person to see (nothing is a project yet); confirming then saves every row at
// once, with the organisations it names that Siatka did not have.

import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { audit } from '../../../kernel/audit.ts'
import { today } from '../../../kernel/dates.ts'
import { RuleError } from '../../../kernel/errors.ts'
import { timeSlices } from '../../../kernel/exports.ts'
import type { UploadedFile } from '../../../kernel/forms.ts'
import type { Actor } from '../../../kernel/policy.ts'
import type { LocalStorage } from '../../../kernel/storage.ts'
import type { Db } from '../db.ts'
import * as q from '../queries.ts'
import { readSheet } from './read.ts'
import { checkRows, fold, type ImportedProject, type OrganisationRef } from './validate.ts'

/** Problems a preview keeps (the count is kept whole). */
const keptProblems = 1000

/** Reads and checks an uploaded CSV or XLSX and keeps the result for its preview; returns its id. */
export async function prepareImport(db: Db, storage: LocalStorage, actor: Actor, file: UploadedFile) {
  const name = file.filename.slice(0, 255)
  const kind = /\.csv$/i.test(name) ? 'csv' : /\.xlsx$/i.test(name) ? 'xlsx' : null
  try {
    if (!kind) throw new RuleError('projects.import.errors.kind', 'file')
    const read = await readSheet(file.path, kind)
    if (!read.ok) throw new RuleError(`projects.import.errors.${read.error}`, 'file')
    const [measures, themes, organisations] = await Promise.all([
      q.programmeChoices(db),
      q.themeChoices(db),
      db.selectFrom('organisations').select(['id', 'name', 'nip']).execute(),
    ])
    const pause = timeSlices()
    const checked = await checkRows(read.rows, { measures, themes, organisations }, today(), pause)
    const good = checked.ok && checked.problems.length === 0 ? checked.projects : []
    return await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('project_imports')
        .values({
          created_by: actor.id,
          file_name: name,
          row_count: checked.ok ? checked.rows : 0,
          new_organisations: JSON.stringify(newOrganisations(good)),
          problems: JSON.stringify(checked.ok ? checked.problems.slice(0, keptProblems) : []),
          problem_count: checked.ok ? checked.problems.length : 0,
          missing: JSON.stringify(checked.ok ? [] : checked.missing),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      // Only a file without problems keeps its rows: one with problems is corrected and read again.
      for (let from = 0; from < good.length; from += batch) {
        await trx
          .insertInto('project_import_rows')
          .values(
            good
              .slice(from, from + batch)
              .map((data, i) => ({ import_id: row.id, position: from + i, data: JSON.stringify(data) })),
          )
          .execute()
        await pause()
      }
      return row.id
    })
  } finally {
    await storage.discard(file.path)
  }
}

/** An import with the count of its checked projects and the first of them, for its preview. */
export function findImport(db: Db, id: string, sample: number) {
  return db
    .selectFrom('project_imports as im')
    .selectAll('im')
    .select((eb) => [
      eb
        .selectFrom('project_import_rows as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.import_id', '=', 'im.id')
        .as('project_count'),
      jsonArrayFrom(
        eb
          .selectFrom('project_import_rows as r')
          .select('r.data')
          .whereRef('r.import_id', '=', 'im.id')
          .orderBy('r.position')
          .limit(sample),
      ).as('sample'),
    ])
    .where('im.id', '=', id)
    .executeTakeFirst()
}
export type PreparedImport = NonNullable<Awaited<ReturnType<typeof findImport>>>

/** The organisations the import will add: those named but not in Siatka, each once. */
export function newOrganisations(projects: ImportedProject[]): { name: string; nip: string | null }[] {
  const seen = new Map<string, { name: string; nip: string | null }>()
  for (const p of projects)
    for (const o of [p.lead, ...p.partners])
      if (!('id' in o)) {
        const key = o.nip ?? fold(o.name)
        if (!seen.has(key)) seen.set(key, o)
      }
  return [...seen.values()]
}

/** Projects saved a statement at a time. */
const batch = 500

/**
 * Saves a checked import's projects with their partners, themes, regions and indicators, and the
 * organisations they name that Siatka did not have; once (a second confirmation changes nothing).
 */
export async function confirmImport(db: Db, actor: Actor, prepared: PreparedImport): Promise<number> {
  if (prepared.problem_count > 0 || prepared.missing.length > 0)
    throw new RuleError('projects.import.errors.fixFirst')
  return db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('project_imports')
      .set({ imported_at: new Date() })
      .where('id', '=', prepared.id)
      .where('imported_at', 'is', null)
      .returning('id')
      .executeTakeFirst()
    if (!claimed) throw new RuleError('projects.import.errors.done')
    const pause = timeSlices()
    // Matched again now, inside the transaction: an organisation added since the preview (by NIP or
    // by name) is used, not added a second time.
    const existing = await trx.selectFrom('organisations').select(['id', 'name', 'nip']).execute()
    const byNip = new Map(existing.filter((o) => o.nip).map((o) => [o.nip as string, o.id]))
    const byName = new Map(existing.map((o) => [fold(o.name), o.id]))
    const known = (o: { name: string; nip: string | null }) =>
      (o.nip ? byNip.get(o.nip) : undefined) ?? byName.get(fold(o.name))
    const adding = prepared.new_organisations.filter((o) => !known(o))
    for (let from = 0; from < adding.length; from += batch) {
      const rows = await trx
        .insertInto('organisations')
        .values(
          adding.slice(from, from + batch).map((o) => ({
            name: o.name,
            type: 'other' as const,
            country: 'PL',
            nip: o.nip,
            regon: null,
            address: null,
            website: null,
            updated_at: new Date(),
          })),
        )
        .returning(['id', 'name', 'nip'])
        .execute()
      for (const o of rows) {
        if (o.nip) byNip.set(o.nip, o.id)
        byName.set(fold(o.name), o.id)
      }
      await pause()
    }
    const idOf = (o: OrganisationRef) => {
      if ('id' in o) return o.id
      const found = known(o)
      if (!found) throw new Error(`organisation ${o.name} was not added`)
      return found
    }
    let saved = 0
    for (let from = 0; ; from += batch) {
      // A batch at a time, by position: the rows' JSON is never parsed all at once.
      const part = (
        await trx
          .selectFrom('project_import_rows')
          .select('data')
          .where('import_id', '=', prepared.id)
          .where('position', '>=', from)
          .where('position', '<', from + batch)
          .orderBy('position')
          .execute()
      ).map((r) => r.data)
      if (part.length === 0) break
      saved += part.length
      await pause()
      const ids = (
        await trx
          .insertInto('projects')
          .values(
            part.map((p) => ({
              title: p.title,
              acronym: p.acronym,
              programme_id: p.programmeId,
              status: p.status,
              starts_on: p.startsOn,
              ends_on: p.endsOn,
              lead_organisation_id: idOf(p.lead),
              agreement_on: null,
              total_value_grosze: p.total,
              eu_contribution_grosze: p.eu,
              eligible_costs_grosze: p.eligible,
              main_goal: p.mainGoal,
              specific_goals: '',
              is_public: p.isPublic,
              created_by: actor.id,
              updated_at: new Date(),
            })),
          )
          .returning('id')
          .execute()
      ).map((r) => r.id)
      const each = <T>(f: (p: ImportedProject, id: string) => T[]) =>
        part.flatMap((p, i) => f(p, ids[i] as string))
      const partners = each((p, id) => {
        const lead = idOf(p.lead)
        const unique = [...new Set(p.partners.map(idOf))].filter((o) => o !== lead)
        return unique.map((organisation_id, position) => ({
          project_id: id,
          organisation_id,
          role: 'partner' as const,
          position,
        }))
      })
      if (partners.length) await trx.insertInto('project_partners').values(partners).execute()
      const themes = each((p, id) => p.themes.map((theme_id) => ({ project_id: id, theme_id })))
      if (themes.length) await trx.insertInto('project_theme_links').values(themes).execute()
      const regions = each((p, id) => p.regions.map((voivodeship) => ({ project_id: id, voivodeship })))
      if (regions.length) await trx.insertInto('project_regions').values(regions).execute()
      const parts = each((p, id) => (p.subregions ?? []).map((nuts3) => ({ project_id: id, nuts3 })))
      if (parts.length) await trx.insertInto('project_subregions').values(parts).execute()
      const indicators = each((p, id) =>
        p.indicators.map((i, position) => ({ project_id: id, kind: 'product' as const, position, ...i })),
      )
      if (indicators.length) await trx.insertInto('project_indicators').values(indicators).execute()
    }
    await audit(trx, actor, {
      action: 'projects.imported',
      subjectType: 'project_import',
      subjectId: prepared.id,
      details: { file: prepared.file_name, projects: saved, organisations: adding.length },
    })
    return saved
  })
}
