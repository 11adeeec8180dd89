import { Kysely, PostgresDialect, type Transaction } from 'kysely'
import pg from 'pg'
import type { AccountsTables } from '../modules/accounts/tables.ts'
import type { AnalysesTables } from '../modules/analyses/tables.ts'
import type { MaterialsTables } from '../modules/materials/tables.ts'
import type { MeetingsTables } from '../modules/meetings/tables.ts'
import type { NotificationsTables } from '../modules/notifications/tables.ts'
import type { SpacesTables } from '../modules/spaces/tables.ts'
import type { KernelTables } from './tables.ts'

export interface Database
  extends KernelTables,
    AccountsTables,
    SpacesTables,
    NotificationsTables,
    MeetingsTables,
    MaterialsTables,
    AnalysesTables {}

export type Db = Kysely<Database> | Transaction<Database>

export interface OpenDatabase {
  db: Kysely<Database>
  /** The PostgreSQL server's address (pg-boss keeps its own small pool there). */
  url: string
  close(): Promise<void>
}

// timestamptz as Date, bigint counts as numbers: Siatka never counts past 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
// A date column is a calendar day, not an instant: it stays 'YYYY-MM-DD' (a Date would shift it by the zone).
pg.types.setTypeParser(1082, (v) => v)

export async function openPostgres(url: string): Promise<OpenDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
  return { db, url, close: () => db.destroy() }
}
