// What the portfolio's list and analysis read besides the projects: the choices their filters
// offer, and the details the spreadsheet adds to a page of the list.
import { sql } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Db } from './db.ts'
import { areaCodes, programmeChoices, themeChoices } from './queries.ts'

/** What the list's filters offer: programmes, their measures, themes, and the organisations in projects. */
export async function filterChoices(db: Db, publicOnly = false) {
  const [programmes, measures, themes, organisations] = await Promise.all([
    db
      .selectFrom('project_programmes')
      .select(['id', 'code', 'name_pl', 'name_en', 'period'])
      .where('level', '=', 'programme')
      .orderBy('position')
      .execute(),
    programmeChoices(db),
    themeChoices(db),
    db
      .selectFrom('organisations as o')
      .select(['o.id', 'o.name'])
      .where((eb) =>
        eb.or([
          // On the public site, only the organisations of published projects.
          eb.exists(
            eb
              .selectFrom('projects as p')
              .select('p.id')
              .whereRef('p.lead_organisation_id', '=', 'o.id')
              .where((e) => (publicOnly ? e('p.is_public', '=', true) : e.lit(true))),
          ),
          eb.exists(
            eb
              .selectFrom('project_partners as pa')
              .innerJoin('projects as pp', 'pp.id', 'pa.project_id')
              .select('pa.project_id')
              .whereRef('pa.organisation_id', '=', 'o.id')
              .where((e) => (publicOnly ? e('pp.is_public', '=', true) : e.lit(true))),
          ),
        ]),
      )
      .orderBy('o.name')
      .limit(500)
      .execute(),
  ])
  return { programmes, measures, themes, organisations }
}
export type FilterChoices = Awaited<ReturnType<typeof filterChoices>>

/** What the spreadsheet adds to a page of the list: partners, themes, regions, the lead's NIP, goals. */
export function exportDetails(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([])
  return db
    .selectFrom('projects as p')
    .innerJoin('organisations as lead', 'lead.id', 'p.lead_organisation_id')
    .select([
      'p.id',
      'p.eligible_costs_grosze',
      'p.main_goal',
      'p.is_public',
      'lead.nip as lead_nip',
      sql<
        string[]
      >`array(select o.name from project_partners pa join organisations o on o.id = pa.organisation_id
        where pa.project_id = p.id and pa.role = 'partner' order by pa.position)`.as('partners'),
      sql<
        string[]
      >`array(select th.name_pl from project_theme_links tl join project_themes th on th.id = tl.theme_id
        where tl.project_id = p.id order by th.position)`.as('themes'),
      ...areaCodes,
    ])
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('project_indicators as i')
          .select(['i.name', 'i.baseline', 'i.target', 'i.unit'])
          .whereRef('i.project_id', '=', 'p.id')
          .orderBy('i.position'),
      ).as('indicators'),
    )
    .where('p.id', 'in', ids)
    .execute()
}
