import type { Day } from '../../kernel/dates.ts'
import type { Page } from '../../kernel/pagination.ts'
import { spaceRows } from '../spaces/index.ts'
import type { Db } from './db.ts'
import type { MaterialLanguage } from './tables.ts'
import type { TranslationsQuery } from './translation-schemas.ts'

/**
 * A request with what its pages and mails show: the material and its space (names joined from
 * spaces' rows, as the calendar does), the source file, the translator's name and address.
 */
function requestsWithNames(db: Db) {
  return db
    .selectFrom('translation_requests as r')
    .innerJoin('materials as m', 'm.id', 'r.material_id')
    .innerJoin(spaceRows(db).as('s'), 's.id', 'm.space_id')
    .innerJoin('material_files as f', 'f.id', 'r.source_file_id')
    .leftJoin('people as t', 't.id', 'r.translator_id')
    .select([
      'r.id',
      'r.material_id',
      'r.source_file_id',
      'r.source_language',
      'r.target_language',
      'r.deadline',
      'r.translator_id',
      'r.outside_name',
      'r.outside_email',
      'r.translator_lang',
      'r.status',
      'r.requested_by',
      'r.requested_at',
      'r.started_at',
      'r.delivered_at',
      'r.delivered_file_id',
      'm.title',
      'm.space_id',
      's.name_pl',
      's.name_en',
      'f.kind as source_kind',
      'f.size_bytes as source_size',
      'f.file_hash as source_hash',
      'f.version as source_version',
      (e) => e.fn.coalesce('t.name', 'r.outside_name').as('translator_name'),
      (e) => e.fn.coalesce('t.email', 'r.outside_email').as('translator_email'),
    ])
}
export type RequestRow = NonNullable<Awaited<ReturnType<typeof findRequestByTokenHash>>>

export function findRequestByTokenHash(db: Db, tokenHash: string) {
  return requestsWithNames(db).where('r.token_hash', '=', tokenHash).executeTakeFirst()
}

export function findRequest(db: Db, id: string) {
  return requestsWithNames(db).where('r.id', '=', id).executeTakeFirst()
}

/** The row, locked until the transaction ends: a delivery and a cancellation at once, one wins. */
export function lockRequest(trx: Db, id: string) {
  return trx
    .selectFrom('translation_requests')
    .select(['id', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow()
}

/** A material's requests, newest first (a material has a handful). */
export function listMaterialRequests(db: Db, materialId: string) {
  return requestsWithNames(db)
    .where('r.material_id', '=', materialId)
    .orderBy('r.requested_at', 'desc')
    .orderBy('r.id')
    .limit(100)
    .execute()
}

export function hasOpenRequest(db: Db, materialId: string, language: MaterialLanguage) {
  return db
    .selectFrom('translation_requests')
    .select('id')
    .where('material_id', '=', materialId)
    .where('target_language', '=', language)
    .where('status', 'in', ['requested', 'in_progress'])
    .executeTakeFirst()
    .then(Boolean)
}

const sorts = { deadline: 'r.deadline', requested: 'r.requested_at' } as const

/**
 * The secretariat's list: every request, or those of the spaces a network secretary services;
 * filtered by state ("late": open and past its deadline), sorted by deadline or by when asked.
 */
export function listRequests(
  db: Db,
  scope: { secretaryId: string | null },
  query: TranslationsQuery,
  today: Day,
  page: Page,
) {
  let q = requestsWithNames(db)
  if (scope.secretaryId) q = q.where('s.secretary_id', '=', scope.secretaryId)
  if (query.status === 'late')
    q = q.where('r.status', 'in', ['requested', 'in_progress']).where('r.deadline', '<', today)
  else if (query.status === 'requested' || query.status === 'in_progress')
    q = q.where('r.status', '=', query.status).where('r.deadline', '>=', today)
  else if (query.status) q = q.where('r.status', '=', query.status)
  return q
    .orderBy(sorts[query.sort], query.dir)
    .orderBy('r.id')
    .limit(page.size + 1)
    .offset(page.offset)
    .execute()
}
