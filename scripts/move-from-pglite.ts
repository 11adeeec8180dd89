// `DATA_DIR=… npm run move-from-pglite`: moves the database of a Siatka from before issue 16
// (PGlite, in DATA_DIR/pglite) into the embedded PostgreSQL server of the same DATA_DIR. It dumps
// the PGlite database with PGlite's own pg_dump (@electric-sql/pglite-tools, plain INSERTs),
// loads the dump into the new server's empty `siatka` database in one transaction, checks that
// every table has as many rows as before, keeps the dump as DATA_DIR/pglite-dump.sql and renames
// DATA_DIR/pglite to DATA_DIR/pglite-moved. The next `npm start` migrates the moved data as usual.
// PGlite stays a development dependency for this script alone (DESIGN.md).
import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import pg from 'pg'
import {
  DataDirLockedError,
  EmbeddedPostgresError,
  startEmbeddedPostgres,
} from '../src/kernel/embedded-postgres.ts'

export class MoveError extends Error {}

type Counts = Map<string, number>

const countsSql = `
  select n.nspname || '.' || c.relname as name
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')
  order by 1`

async function countRows(
  query: (sql: string) => Promise<{ rows: Record<string, unknown>[] }>,
): Promise<Counts> {
  const counts: Counts = new Map()
  for (const { name } of (await query(countsSql)).rows as { name: string }[]) {
    const [schema, table] = name.split('.')
    const { rows } = await query(`select count(*)::int as n from "${schema}"."${table}"`)
    counts.set(name, Number(rows[0]?.n))
  }
  return counts
}

async function loadPglite() {
  try {
    const { PGlite } = await import('@electric-sql/pglite')
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
    const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent')
    const { pgDump } = await import('@electric-sql/pglite-tools/pg_dump')
    return { PGlite, pgDump, extensions: { pg_trgm, unaccent } }
  } catch {
    throw new MoveError(
      'The move needs PGlite and its pg_dump, development dependencies of Siatka. Install them with\n' +
        '  npm ci\n' +
        '(not `npm ci --omit=dev`), then run the move again.',
    )
  }
}

/** Moves DATA_DIR/pglite into DATA_DIR's embedded PostgreSQL; returns the rows per table. */
export async function moveFromPglite(
  dataDir: string,
  say: (line: string) => void = console.log,
): Promise<Counts> {
  const source = join(dataDir, 'pglite')
  if (!existsSync(source))
    throw new MoveError(`There is no PGlite database to move: ${source} does not exist.`)
  // The earlier Siatka held this lock (proper-lockfile) and refreshed it every 2 s while it ran.
  const oldLock = join(dataDir, '.siatka.lock')
  if (existsSync(oldLock) && Date.now() - statSync(oldLock).mtimeMs < 15_000) {
    throw new MoveError(`An earlier Siatka is still running on ${dataDir}: stop it first.`)
  }

  const { PGlite, pgDump, extensions } = await loadPglite()
  say(`dumping ${source} with PGlite's pg_dump`)
  const pglite = await PGlite.create(source, { extensions })
  const before = await countRows((sql) => pglite.query(sql))
  const dumpFile = await pgDump({ pg: pglite, args: ['--no-owner', '--no-privileges'] })
  await pglite.close()
  const dump = await dumpFile.text()
  const kept = join(dataDir, 'pglite-dump.sql')
  writeFileSync(kept, dump, { mode: 0o600 })

  const server = await startEmbeddedPostgres(dataDir)
  try {
    for (const note of server.notes) say(`embedded PostgreSQL: ${note}`)
    const client = new pg.Client({ connectionString: server.url })
    await client.connect()
    try {
      const { rowCount } = await client.query(
        `select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast')`,
      )
      if (rowCount) {
        throw new MoveError(
          `The embedded PostgreSQL of ${dataDir} already holds tables: the move loads only into an empty one.\n` +
            `Move ${join(dataDir, 'postgres')} away (it is the new server's cluster) and run the move again.`,
        )
      }
      say(`loading the dump (${Math.round(dump.length / 1024)} KiB) into the embedded PostgreSQL`)
      // pg_dump's plain format may carry psql's \restrict lines; they are no SQL.
      const sql = dump
        .split('\n')
        .filter((line) => !line.startsWith('\\'))
        .join('\n')
      // One simple-protocol query: one implicit transaction, so a failure loads nothing.
      await client.query(sql)
      await client.query('analyze')
      const after = await countRows((q) => client.query(q))
      const differing = [...before].filter(([table, n]) => after.get(table) !== n)
      if (differing.length > 0) {
        throw new MoveError(
          `After the load some tables do not hold the rows they had in PGlite: ${differing
            .map(([t, n]) => `${t} ${n} → ${after.get(t) ?? 'missing'}`)
            .join(', ')}.\nNothing was renamed; the dump is in ${kept}.`,
        )
      }
    } finally {
      await client.end()
    }
  } finally {
    await server.stop()
  }
  let moved = `${source}-moved`
  if (existsSync(moved)) moved = `${source}-moved-${Date.now()}`
  renameSync(source, moved)
  const rows = [...before.values()].reduce((a, b) => a + b, 0)
  say(
    `moved ${before.size} tables, ${rows} rows; ${source} is now ${moved} (delete it once you are satisfied)`,
  )
  return before
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dataDir = resolve(process.env.DATA_DIR ?? './data')
  moveFromPglite(dataDir).then(
    () => {
      console.log(`done: start Siatka with DATA_DIR=${dataDir} npm start`)
      process.exit(0)
    },
    (err) => {
      const known =
        err instanceof MoveError || err instanceof DataDirLockedError || err instanceof EmbeddedPostgresError
      console.error(known ? err.message : err)
      process.exit(1)
    },
  )
}
