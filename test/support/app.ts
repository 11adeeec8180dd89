// One app per test file (node:test runs each file in its own process), on a fresh database made
// on the PostgreSQL server in DATABASE_URL. `npm test` starts one embedded server for the whole
// run and sets it (scripts/test-database.ts); a test file run alone without it starts its own.
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { buildApp, jobQueues, loadDemo, migrateDatabase } from '../../src/app.ts'
import { type Config, loadConfig } from '../../src/config.ts'
import { type OpenDatabase, openPostgres } from '../../src/kernel/db.ts'
import { startEmbeddedPostgres } from '../../src/kernel/embedded-postgres.ts'
import { startJobs, stopJobs } from '../../src/kernel/jobs.ts'
import { ensureCss } from '../../src/kernel/views/assets.ts'
import { type SmtpCatcher, startSmtp } from './smtp.ts'
import { templateDatabase } from './template.ts'

export interface TestApp {
  app: FastifyInstance
  config: Config
  database: OpenDatabase
  smtp: SmtpCatcher
  close(): Promise<void>
}

let ownOrGiven: Promise<string> | undefined

/**
 * The PostgreSQL server tests make their databases on: DATABASE_URL, or an embedded one of this
 * process, throwaway (no fsync) unless `durable` (the benchmark: settings as `npm start` has them).
 */
export function serverUrl(o: { durable?: boolean } = {}): Promise<string> {
  ownOrGiven ??= process.env.DATABASE_URL ? Promise.resolve(process.env.DATABASE_URL) : ownServer(!o.durable)
  return ownOrGiven
}

async function ownServer(throwaway: boolean): Promise<string> {
  const home = mkdtempSync(join(tmpdir(), 'siatka-test-pg-'))
  chmodSync(home, 0o755) // as root the server's own user must enter it
  const embedded = await startEmbeddedPostgres(home, {
    home: join(home, 'postgres'),
    throwaway,
    exclusive: false,
  })
  process.once('exit', () => rmSync(home, { recursive: true, force: true }))
  return embedded.url
}

/**
 * A new database: a copy of the migrated template when the server has one (the run's embedded
 * server), else empty. `empty` asks for an empty one regardless (migration tests).
 */
export async function freshDatabase(
  o: { empty?: boolean; durable?: boolean } = {},
): Promise<{ database: OpenDatabase; drop(): Promise<void> }> {
  const server = await serverUrl(o)
  const name = `siatka_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: server })
  await admin.connect()
  const { rowCount } = o.empty
    ? { rowCount: 0 }
    : await admin.query('select 1 from pg_database where datname = $1', [templateDatabase])
  await admin.query(`create database ${name}${rowCount ? ` template ${templateDatabase}` : ''}`)
  await admin.end()
  const url = new URL(server)
  url.pathname = `/${name}`
  const database = await openPostgres(url.toString())
  return {
    database,
    drop: async () => {
      await database.close()
      const a = new pg.Client({ connectionString: server })
      await a.connect()
      await a.query(`drop database if exists ${name} with (force)`)
      await a.end()
    },
  }
}

/** With `demoFiles`, the demo keeps its files too (meeting materials, an accepted analysis, a translation asked for). */
export async function startTestApp(
  overrides: Partial<Config> = {},
  opts: { demoFiles?: boolean } = {},
): Promise<TestApp> {
  const smtp = await startSmtp()
  const { database, drop } = await freshDatabase()
  const base = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'siatka-test-')), LOG_LEVEL: 'silent' })
  const config: Config = {
    ...base,
    databaseUrl: database.url,
    smtpUrl: smtp.url,
    baseUrl: 'http://localhost:3000',
    rateLimits: {
      ...base.rateLimits,
      signInPerAccount: 1000,
      signInPerAddress: 1000,
      passwordReset: 1000,
      invitation: 1000,
    },
    ...overrides,
  }
  await ensureCss()
  await migrateDatabase(database.db)
  const app = await buildApp(config, database)
  await loadDemo(database.db, config.dataKey, opts.demoFiles ? app.storage : undefined)
  const jobs = await startJobs(database, jobQueues(config, database), app.log)
  await app.ready()
  return {
    app,
    config,
    database,
    smtp,
    async close() {
      await app.close()
      await stopJobs(jobs)
      await drop()
      await smtp.close()
    },
  }
}
