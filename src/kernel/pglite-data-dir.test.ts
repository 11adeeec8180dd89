// A data folder of the PGlite era moves into the embedded PostgreSQL with the command the start-up
// message gives, and every row comes along; migrations then run on the moved data as on any.
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, lstatSync, mkdtempSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { Kysely, PostgresDialect, sql } from 'kysely'
import { loadDemo, migrateDatabase } from '../app.ts'
import type { Database } from './db.ts'
import { openPostgres } from './db.ts'
import { startEmbeddedPostgres } from './embedded-postgres.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'siatka-pglite-move-'))
chmodSync(dataDir, 0o755) // as root the server's own user must enter it
after(() => {
  // As root the cluster lives in /var/lib/siatka, linked from the data folder.
  const cluster = join(dataDir, 'postgres')
  if (existsSync(cluster) && lstatSync(cluster).isSymbolicLink())
    rmSync(realpathSync(cluster), { recursive: true, force: true })
  rmSync(dataDir, { recursive: true, force: true })
})

/**
 * Kysely on PGlite's one connection, taken by one query or transaction at a time, as the earlier
 * release's dialect did: enough to make a database the way that release made it.
 */
function pgliteKysely(pglite: PGlite): Kysely<Database> {
  let queue = Promise.resolve()
  const client = {
    async query(sql: string, params: unknown[]) {
      const r = await pglite.query<Record<string, unknown>>(sql, params)
      return {
        rows: r.rows,
        rowCount: r.affectedRows ?? r.rows.length,
        command: sql.trim().split(/\s/)[0]!.toUpperCase(),
      }
    },
    release() {},
  }
  const pool = {
    connect() {
      const turn = queue
      let release = () => {}
      queue = new Promise<void>((r) => {
        release = r
      })
      return turn.then(() => ({ ...client, release }))
    },
    async end() {},
  }
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: pool as never }) })
}

async function countsOf(query: (q: string) => Promise<{ rows: { name: string; n: number }[] }>) {
  const tables = await query(
    `select table_schema || '.' || table_name as name, 0 as n from information_schema.tables
     where table_type = 'BASE TABLE' and table_schema in ('public', 'pgboss') order by 1`,
  )
  const counts: Record<string, number> = {}
  for (const { name } of tables.rows) {
    const [schema, table] = name.split('.')
    counts[name] = Number(
      (await query(`select count(*) as n, '' as name from "${schema}"."${table}"`)).rows[0]!.n,
    )
  }
  return counts
}

test('npm run move-from-pglite moves a PGlite data folder into the embedded PostgreSQL and keeps every row', async () => {
  // The database as the PGlite release left it: its migrations and the demo data.
  const pglite = await PGlite.create(join(dataDir, 'pglite'), {
    extensions: { pg_trgm, unaccent },
    parsers: { 1082: (v: string) => v },
  })
  const old = pgliteKysely(pglite)
  await migrateDatabase(old)
  await loadDemo(old, 'pglite-move-test-data-key-of-32-characters')
  const before = await countsOf((sql) => pglite.query(sql))
  const someone = (
    await pglite.query<{ name: string }>("select name from people where name like '%ł%' limit 1")
  ).rows[0]
  await old.destroy()
  await pglite.close()
  assert.ok(before['public.people']! > 10, 'the demo data is there')
  assert.ok(someone, 'a name with a Polish letter to compare')

  const { DATABASE_URL: _, ...env } = process.env
  const move = spawn(process.execPath, ['--import', 'tsx', 'scripts/move-from-pglite.ts'], {
    env: { ...env, DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  move.stdout.on('data', (d) => {
    output += d
  })
  move.stderr.on('data', (d) => {
    output += d
  })
  const code = await new Promise((resolve) => move.on('exit', resolve))
  assert.equal(code, 0, output)
  assert.match(output, /moved \d+ tables, \d+ rows/)
  assert.ok(!existsSync(join(dataDir, 'pglite')) && existsSync(join(dataDir, 'pglite-moved')))

  const server = await startEmbeddedPostgres(dataDir)
  const database = await openPostgres(server.url)
  try {
    await migrateDatabase(database.db) // what the next start does: nothing left to apply, nothing lost
    assert.deepEqual(
      await countsOf((q) => sql.raw<{ name: string; n: number }>(q).execute(database.db)),
      before,
    )
    const found = await database.db
      .selectFrom('people')
      .select('name')
      .where('name', '=', someone.name)
      .execute()
    assert.equal(found.length, 1)
    const search = await database.db
      .selectFrom('people')
      .select('name')
      .where(sql`unaccent(name)`, '=', sql`unaccent(${someone.name})`)
      .execute()
    assert.ok(search.length >= 1, 'unaccent works on the moved rows')
  } finally {
    await database.close()
    await server.stop()
  }
})
