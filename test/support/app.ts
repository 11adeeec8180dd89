// One app per test file (node:test runs each file in its own process), on a fresh database:
// in-memory PGlite by default, or a new database on the PostgreSQL server in DATABASE_URL.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { buildApp, jobQueues, loadDemo, migrateDatabase } from '../../src/app.ts'
import { type Config, loadConfig } from '../../src/config.ts'
import { type OpenDatabase, openPglite, openPostgres } from '../../src/kernel/db.ts'
import { startJobs, stopJobs } from '../../src/kernel/jobs.ts'
import { ensureCss } from '../../src/kernel/views/assets.ts'
import { type SmtpCatcher, startSmtp } from './smtp.ts'

export interface TestApp {
  app: FastifyInstance
  config: Config
  database: OpenDatabase
  smtp: SmtpCatcher
  close(): Promise<void>
}

export const serverUrl = process.env.DATABASE_URL

/** A new empty database: its handle and how to drop it. */
export async function freshDatabase(): Promise<{ database: OpenDatabase; drop(): Promise<void> }> {
  if (!serverUrl) {
    const database = await openPglite()
    return { database, drop: () => database.close() }
  }
  const name = `siatka_test_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: serverUrl })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const url = new URL(serverUrl)
  url.pathname = `/${name}`
  const database = await openPostgres(url.toString())
  return {
    database,
    drop: async () => {
      await database.close()
      const a = new pg.Client({ connectionString: serverUrl })
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
    databaseUrl: serverUrl,
    smtpUrl: smtp.url,
    baseUrl: 'http://localhost:3000',
    rateLimits: { ...base.rateLimits, signIn: 1000, passwordReset: 1000, invitation: 1000 },
    ...overrides,
  }
  await ensureCss()
  await migrateDatabase(database.db)
  const app = await buildApp(config, database)
  await loadDemo(database.db, opts.demoFiles ? app.storage : undefined)
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
