import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { Kysely, PostgresDialect, type Transaction } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { KernelTables } from './tables.ts'

/**
 * The app's database: the kernel's tables here, and each module adds its own from its tables.ts by
 * declaration merging (`declare module '../../kernel/db.ts'`), so the kernel imports no module.
 */
export interface Database extends KernelTables {}

export type Db = Kysely<Database> | Transaction<Database>

export interface OpenDatabase {
  db: Kysely<Database>
  kind: 'pglite' | 'postgres'
  /** The PostgreSQL server's address (pg-boss keeps its own small pool there). */
  url?: string
  /** The embedded database, when there is one (pg-boss talks to it directly). */
  pglite?: PGlite
  close(): Promise<void>
}

// timestamptz as Date, bigint counts as numbers: Siatka never counts past 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
// A date column is a calendar day, not an instant: it stays 'YYYY-MM-DD' (a Date would shift it by the zone).
const dateOid = 1082
pg.types.setTypeParser(dateOid, (v) => v)

export async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, kind: 'postgres', url, close: () => db.destroy() }
}

/** dataDir undefined: in memory (tests). */
export async function openPglite(dataDir?: string): Promise<OpenDatabase> {
  const pglite = await PGlite.create(dataDir, {
    extensions: { pg_trgm, unaccent },
    parsers: { [dateOid]: (v: string) => v },
  })
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) })
  return { db, kind: 'pglite', pglite, close: () => db.destroy() }
}
