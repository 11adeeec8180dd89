// The TERC register in Siatka: replaced whole by the administrator's import of the file GUS
// publishes, checked row by row first; read as counts of powiats and gminas per voivodeship.
import { sql } from 'kysely'
import { audit } from '../../../kernel/audit.ts'
import { RuleError } from '../../../kernel/errors.ts'
import { timeSlices } from '../../../kernel/exports.ts'
import type { UploadedFile } from '../../../kernel/forms.ts'
import type { Actor } from '../../../kernel/policy.ts'
import type { Db } from '../db.ts'
import { readSheet } from '../import/read.ts'
import { voivodeshipCodes } from '../regions.ts'
import { readTerc, type TercProblem, type TercUnit } from './read.ts'

/** Units written at a time. */
const batch = 500

/** What an import did, or the problems that kept it from doing anything. */
export type TercOutcome =
  | { ok: true; stateOn: string; units: number }
  | { ok: false; problems: TercProblem[]; problemCount: number }

/** The problems a refused file's page lists; the rest are counted. */
export const shownProblems = 50

/** Reads a TERC CSV and, when every row is right and every voivodeship there, replaces the register. */
export async function importTerc(db: Db, actor: Actor, file: UploadedFile): Promise<TercOutcome> {
  if (!/\.csv$/i.test(file.filename)) throw new RuleError('projects.terc.errors.kind', 'file')
  const read = await readSheet(file.path, 'csv')
  if (!read.ok) throw new RuleError(`projects.import.errors.${read.error}`, 'file')
  const terc = readTerc(read.rows)
  if (!terc.ok) throw new RuleError('projects.terc.errors.columns', 'file')
  if (terc.problems.length)
    return { ok: false, problems: terc.problems.slice(0, shownProblems), problemCount: terc.problems.length }
  const present = new Set(terc.units.filter((u) => !u.powiat).map((u) => u.voivodeship))
  if (!terc.stateOn || voivodeshipCodes.some((v) => !present.has(v)))
    throw new RuleError('projects.terc.errors.incomplete', 'file')
  await replaceRegister(db, actor, terc.units, terc.stateOn)
  return { ok: true, stateOn: terc.stateOn, units: terc.units.length }
}

/** The register's units replaced by these, in one transaction, a batch at a time. */
export async function replaceRegister(db: Db, actor: Actor, units: TercUnit[], stateOn: string) {
  await db.transaction().execute(async (trx) => {
    await writeRegister(trx, units)
    await audit(trx, actor, {
      action: 'projects.terc-imported',
      subjectType: 'teryt_units',
      details: { stateOn, units: units.length },
    })
  })
}

/** Inside a transaction: the units written in place of those held. */
export async function writeRegister(trx: Db, units: TercUnit[]) {
  const pause = timeSlices()
  await trx.deleteFrom('teryt_units').execute()
  for (let from = 0; from < units.length; from += batch) {
    await trx
      .insertInto('teryt_units')
      .values(units.slice(from, from + batch))
      .execute()
    await pause()
  }
}

/** Per voivodeship: how many powiats and gminas the register holds, and the register's date. */
export async function registerSummary(db: Db) {
  const rows = await db
    .selectFrom('teryt_units')
    .select([
      'voivodeship',
      sql<number>`count(*) filter (where powiat is not null and gmina is null)::int`.as('powiats'),
      sql<number>`count(*) filter (where gmina is not null)::int`.as('gminas'),
      sql<string | null>`max(state_on)::text`.as('state_on'),
    ])
    .groupBy('voivodeship')
    .orderBy('voivodeship')
    .execute()
  const stateOn = rows.reduce<string | null>(
    (m, r) => (r.state_on && (!m || r.state_on > m) ? r.state_on : m),
    null,
  )
  return { byVoivodeship: new Map(rows.map((r) => [r.voivodeship, r])), stateOn }
}
