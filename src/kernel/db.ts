import { Kysely, PostgresDialect, type Transaction } from 'kysely'
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
  /** The PostgreSQL server's address (pg-boss keeps its own small pool there). */
  url: string
  /** Statements run through `db` since it was opened (the benchmark's and tests' count per request). */
  statements(): number
  close(): Promise<void>
}

// timestamptz as Date, bigint counts as numbers: Siatka never counts past 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
// A date column is a calendar day, not an instant: it stays 'YYYY-MM-DD' (a Date would shift it by the zone).
pg.types.setTypeParser(1082, (v) => v)

export async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  let statements = 0
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: () => {
      statements++
    },
  })
  return { db, url, statements: () => statements, close: () => db.destroy() }
}
