// Start-up: configuration, the database (embedded PGlite under DATA_DIR, or PostgreSQL),
// migrations, demo data, the job worker and the HTTP server.
import { join } from 'node:path'
import { buildApp, jobQueues, loadDemo, migrateDatabase } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import { type OpenDatabase, openPglite, openPostgres } from './kernel/db.ts'
import { startJobs, stopJobs } from './kernel/jobs.ts'
import { DataDirLockedError, lockDataDir } from './kernel/lock.ts'
import { ensureCss } from './kernel/views/assets.ts'

async function main() {
  const config = loadConfig()
  let unlock: (() => Promise<void>) | undefined
  let database: OpenDatabase
  if (config.databaseUrl) {
    database = await openPostgres(config.databaseUrl)
  } else {
    unlock = await lockDataDir(config.dataDir)
    database = await openPglite(join(config.dataDir, 'pglite'))
  }
  await ensureCss()
  await migrateDatabase(database.db)
  const app = await buildApp(config, database)
  if (config.loadDemo && (await loadDemo(database.db, app.storage)))
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
    await unlock?.()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof DataDirLockedError) {
    console.error(err.message)
    process.exit(err instanceof ConfigError ? 78 : 75)
  }
  console.error(err)
  process.exit(1)
})
