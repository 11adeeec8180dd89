// Start-up: configuration, the database (the embedded PostgreSQL server of DATA_DIR, or the
// server in DATABASE_URL), migrations, demo data, the job worker and the HTTP server.
import { buildApp, jobQueues, loadDemo, migrateDatabase } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { openPostgres } from './kernel/db.ts'
import {
  DataDirLockedError,
  type EmbeddedPostgres,
  EmbeddedPostgresError,
  startEmbeddedPostgres,
} from './kernel/embedded-postgres.ts'
import { startJobs, stopJobs } from './kernel/jobs.ts'
import { PgliteDataDirError, refusePgliteDataDir } from './kernel/pglite-data-dir.ts'
import { ensureCss } from './kernel/views/assets.ts'

async function main() {
  const config = loadConfig()
  let embedded: EmbeddedPostgres | undefined
  if (!config.databaseUrl) {
    refusePgliteDataDir(config.dataDir)
    embedded = await startEmbeddedPostgres(config.dataDir)
  }
  // A failure from here on exits the process, and the embedded server is stopped on exit.
  const database = await openPostgres(config.databaseUrl ?? embedded!.url)
  await ensureCss()
  await migrateDatabase(database.db)
  const app = await buildApp(config, database)
  for (const note of embedded?.notes ?? []) app.log.info(`embedded PostgreSQL: ${note}`)
  if (config.loadDemo && (await loadDemo(database.db, config.dataKey, app.storage)))
    app.log.info('demo data loaded (password for every demo account: Demo-Siatka-2026)')
  const jobs = await startJobs(database, jobQueues(config, database), app.log)
  await app.listen({ port: config.port, host: config.host })
  app.log.info(`Siatka is running on ${config.baseUrl}`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'stopping')
    await app.close()
    await stopJobs(jobs)
    await database.close()
    await embedded?.stop()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

const exitCodes = new Map<unknown, number>([
  [ConfigError, 78],
  [DataDirLockedError, 75],
  [PgliteDataDirError, 65],
  [EmbeddedPostgresError, 69],
])

main().catch((err) => {
  const code = exitCodes.get(err?.constructor)
  if (code) {
    console.error(err.message)
    process.exit(code)
  }
  console.error(err)
  process.exit(1)
})
