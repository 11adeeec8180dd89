// The projects module's public face beside service.ts: what other modules use of the portfolio.
import type { AnyDb } from '../../kernel/db.ts'
import { RuleError } from '../../kernel/errors.ts'
import type { Db } from './db.ts'
import { subregion, voivodeshipName, voivodeships } from './regions.ts'
import { findUnit } from './terc/service.ts'

/** The themes projects are filed under, in the secretariat's order (the community files organisations under them too). */
export function projectThemes(handle: AnyDb) {
  const db: Db = handle
  return db
    .selectFrom('project_themes')
    .select(['id', 'code', 'name_pl', 'name_en'])
    .orderBy('position')
    .execute()
}
export type ProjectTheme = Awaited<ReturnType<typeof projectThemes>>[number]

/** At most this many of an organisation's projects are named on its profile. */
const projectsShown = 20

/**
 * The public projects an organisation led or was a partner in, newest first: its experience in EU
 * projects, each with the address of its public page.
 */
export async function publicProjectsOf(handle: AnyDb, organisationId: string) {
  const db: Db = handle
  const rows = await db
    .selectFrom('projects as p')
    .select(['p.id', 'p.title', 'p.acronym', 'p.starts_on', 'p.ends_on', 'p.lead_organisation_id'])
    .where('p.is_public', '=', true)
    .where((eb) =>
      eb.or([
        eb('p.lead_organisation_id', '=', organisationId),
        eb(
          'p.id',
          'in',
          eb
            .selectFrom('project_partners')
            .select('project_id')
            .where('organisation_id', '=', organisationId),
        ),
      ]),
    )
    .orderBy('p.starts_on', 'desc')
    .orderBy('p.id')
    .limit(projectsShown)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    acronym: r.acronym,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    lead: r.lead_organisation_id === organisationId,
    href: `/funded-projects/${r.id}`,
  }))
}
export type PublicProject = Awaited<ReturnType<typeof publicProjectsOf>>[number]

/** A voivodeship's name by its TERYT code ('24' → 'śląskie'). */
export { voivodeshipName }

/**
 * The gmina a person typed (its name or 7-digit TERYT code) in a voivodeship, as the TERYT register
 * names it ("Gaszowice – gmina wiejska", code 2412022, name "Gaszowice", powiat "rybnicki"); refused beside `field` when the register
 * does not know it, several gminas bear the name, or a powiat was named. Null when the register
 * holds no gmina of the voivodeship (not imported yet): then the typed name is all there is.
 */
export async function findGmina(handle: AnyDb, typed: string, voivodeship: string, field: string) {
  const db: Db = handle
  const any = await db
    .selectFrom('teryt_units')
    .select('code')
    .where('voivodeship', '=', voivodeship)
    .where('gmina', 'is not', null)
    .limit(1)
    .executeTakeFirst()
  if (!any) return null
  const unit = await findUnit(db, typed, voivodeship, field)
  if (!unit) return null
  if (unit.code.length !== 7) throw new RuleError('projects.errors.notGmina', field, { unit: unit.label })
  // Its powiat (a city with powiat rights is its own), as the monitoring system names both.
  const county = await findUnit(db, unit.code.slice(0, 4), voivodeship, field)
  const nameOf = (label: string) => label.split(' – ')[0] ?? label
  return { ...unit, name: nameOf(unit.label), county: county ? nameOf(county.label) : '' }
}

/** The 16 voivodeships by TERYT code and name, in the register's order. */
export const voivodeshipChoices = () => voivodeships.map((v) => ({ code: v.teryt, name: v.name }))

/** A Polish NUTS 2 or 3 region's name ('PL22' → 'śląskie', 'PL225' → 'bielski'), or null. */
export function polishRegionName(nuts: string): string | null {
  if (nuts.length === 5) return subregion(nuts)?.name ?? null
  return voivodeships.find((v) => v.nuts2.includes(nuts))?.name ?? null
}

/**
 * Projects as another module joins them in its own statement (an event a project organises): the
 * columns that name one, and whether it is running.
 */
export function projectRows(handle: AnyDb) {
  const db: Db = handle
  return db.selectFrom('projects').select(['id', 'title', 'acronym', 'starts_on', 'ends_on', 'is_public'])
}

/** The themes projects are filed under, for another module's statement (an event's theme). */
export function themeRows(handle: AnyDb) {
  const db: Db = handle
  return db.selectFrom('project_themes').select(['id', 'code', 'name_pl', 'name_en', 'position'])
}

/** Who is on which project's staff, for another module's "does this person run it" subquery. */
export function projectStaffRows(handle: AnyDb) {
  const db: Db = handle
  return db.selectFrom('project_staff').select(['project_id', 'person_id'])
}

export { drawStrip, type PaperMark, paperStrip } from './strip.ts'
