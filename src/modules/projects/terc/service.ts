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

/** A powiat or gmina of the register, as an activity names it. */
export interface PlacedUnit {
  code: string
  voivodeship: string
  /** Its name and kind: "Kraków – gmina miejska", "bolesławiecki – powiat". */
  label: string
}

/** Gminas (urban, rural, urban-rural) and cities' districts: the parts of an urban-rural gmina (4, 5) are not offered. */
const namedKinds = ['1', '2', '3', '8', '9']

const unitLabel = (u: { name: string; kind_name: string }) => `${u.name} – ${u.kind_name}`

/**
 * The powiat or gmina a person typed: its TERYT code (4 digits a powiat, 7 a gmina with its kind),
 * or its name ("gmina" or "powiat" before it allowed), within the voivodeship if one is given. A
 * city with powiat rights is one place: its gmina is taken. Refused beside `field`: a code the
 * register does not hold, a name it does not know, or a name several units bear (they are listed
 * with their codes, so the person can type one).
 */
export async function findUnit(
  db: Db,
  typed: string,
  voivodeship: string | null,
  field: string,
): Promise<PlacedUnit | null> {
  const text = typed.trim().replace(/\s+/g, ' ')
  if (!text) return null
  const base = db
    .selectFrom('teryt_units')
    .select(['code', 'voivodeship', 'powiat', 'gmina', 'name', 'kind_name'])
    .where('powiat', 'is not', null)
  const byCode = /^\d{4}$|^\d{7}$/.test(text)
  const rows = byCode
    ? await base.where('code', '=', text).execute()
    : await base
        .where(sql<string>`lower(name)`, '=', text.replace(/^(powiat|gmina)\s+/i, '').toLowerCase())
        .where((eb) => eb.or([eb('gmina', 'is', null), eb('kind', 'in', namedKinds)]))
        .$if(voivodeship !== null, (q) => q.where('voivodeship', '=', voivodeship as string))
        .orderBy('code')
        .limit(12)
        .execute()
  const gminas = rows.filter((r) => r.gmina)
  const powiats = rows.filter((r) => !r.gmina)
  // "Kraków": the city's powiat and its gmina are one place.
  const city =
    gminas.length === 1 && powiats.length === 1 && gminas[0]?.code.startsWith(powiats[0]?.code ?? '-')
      ? gminas
      : rows
  const [only] = city
  if (city.length === 1 && only) {
    if (voivodeship && only.voivodeship !== voivodeship)
      throw new RuleError('projects.errors.unitElsewhere', field, { unit: unitLabel(only) })
    return { code: only.code, voivodeship: only.voivodeship, label: unitLabel(only) }
  }
  if (city.length === 0)
    throw new RuleError(byCode ? 'projects.errors.unitCode' : 'projects.errors.unitName', field)
  throw new RuleError('projects.errors.unitAmbiguous', field, {
    list: city.map((r) => `${unitLabel(r)} (${r.code})`).join(', '),
  })
}

/** A voivodeship's powiats, each followed by its gminas and cities' districts, as the register holds them. */
export function unitsOf(db: Db, voivodeship: string) {
  return db
    .selectFrom('teryt_units')
    .select(['code', 'powiat', 'gmina', 'name', 'kind_name'])
    .where('voivodeship', '=', voivodeship)
    .where('powiat', 'is not', null)
    .where((eb) => eb.or([eb('gmina', 'is', null), eb('kind', 'in', namedKinds)]))
    .orderBy('code')
    .execute()
}
