// The app under benchmark, started as src/main.ts starts it (migrations, demo data, the job
// worker, a real listening socket) on a fresh database: a new database on the PostgreSQL server in
// DATABASE_URL, or on an embedded PostgreSQL of its own (test/support/app.ts's freshDatabase). With `data`, the
// benchmark's data set (bench/data.ts) goes in after the demo data.
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp, jobQueues, loadDemo, migrateDatabase } from '../src/app.ts'
import { type Config, loadConfig } from '../src/config.ts'
import type { OpenDatabase } from '../src/kernel/db.ts'
import { startJobs, stopJobs } from '../src/kernel/jobs.ts'
import { ensureCss } from '../src/kernel/views/assets.ts'
import { freshDatabase } from '../test/support/app.ts'
import { type BenchData, benchSizesAt, generateBenchData } from './data.ts'

export interface BenchApp {
  app: FastifyInstance
  config: Config
  database: OpenDatabase
  url: string
  /** The generated data set, when asked for. */
  data?: BenchData & { seconds: number }
  close(): Promise<void>
}

/** Log level of the app under benchmark: LOG_LEVEL, 'warn' unless set. */
export const benchLogLevel = process.env.LOG_LEVEL ?? 'warn'

/** `scale` sizes the data set (1: the full one; 0.1: a tenth). */
export async function startBenchApp(o: { data?: boolean; scale?: number } = {}): Promise<BenchApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'siatka-bench-'))
  const { database, drop } = await freshDatabase({ durable: true })
  // Production configuration (production rate limits, no SMTP: mail goes to DATA_DIR/outbox).
  const config: Config = {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: benchLogLevel }),
    databaseUrl: database.url,
  }
  await ensureCss()
  await migrateDatabase(database.db)
  const app = await buildApp(config, database)
  await loadDemo(database.db, config.dataKey)
  let data: BenchApp['data']
  if (o.data) {
    const started = performance.now()
    data = {
      ...(await generateBenchData(database.db, benchSizesAt(o.scale ?? 1))),
      seconds: (performance.now() - started) / 1000,
    }
  }
  const jobs = await startJobs(database, jobQueues(config, database), app.log)
  await app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = app.server.address() as AddressInfo
  return {
    app,
    config,
    database,
    url: `http://127.0.0.1:${port}`,
    data,
    async close() {
      await app.close()
      await stopJobs(jobs)
      await drop()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
