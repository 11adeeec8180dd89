// `npm test`'s database server: one embedded PostgreSQL for the whole run, in a temporary folder,
// throwaway (no fsync). It migrates a template database once (test databases are copies of it),
// prints the server's address on its first line of output, and stops the server and removes the
// folder when its input closes or it gets SIGTERM or SIGINT.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { migrateDatabase } from '../src/app.ts'
import { openPostgres } from '../src/kernel/db.ts'
import { startEmbeddedPostgres } from '../src/kernel/embedded-postgres.ts'
import { templateDatabase } from '../test/support/template.ts'

const started = performance.now()
const home = mkdtempSync(join(tmpdir(), 'siatka-test-pg-'))
chmodSync(home, 0o755) // as root the server's own user must enter it
const server = await startEmbeddedPostgres(home, {
  home: join(home, 'postgres'),
  throwaway: true,
  exclusive: false,
})

const admin = new pg.Client({ connectionString: server.url })
await admin.connect()
await admin.query(`create database ${templateDatabase}`)
await admin.end()
const templateUrl = new URL(server.url)
templateUrl.pathname = `/${templateDatabase}`
const template = await openPostgres(templateUrl.toString())
await migrateDatabase(template.db)
await template.close()

const address = new URL(server.url)
address.pathname = '/postgres'
process.stdout.write(`${address}\n`)
console.error(
  `test database server: embedded PostgreSQL in ${home}, ready with a migrated template in ` +
    `${Math.round(performance.now() - started)} ms (${server.notes.join('; ')})`,
)

let stopping = false
async function stop() {
  if (stopping) return
  stopping = true
  await server.stop()
  rmSync(home, { recursive: true, force: true })
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
process.stdin.on('end', () => void stop())
process.stdin.resume()
