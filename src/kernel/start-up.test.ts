// What happens around the HTTP server: the embedded PostgreSQL of a data folder (one Siatka at a
// time, a killed one's server taken over, an old PGlite folder refused with directions), migrations
// run by two processes at once, failures that must not leak, and health when the database is gone.
import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { freshDatabase } from '../../test/support/app.ts'
import { buildApp, migrateDatabase } from '../app.ts'
import { loadConfig } from '../config.ts'
import { DataDirLockedError, startEmbeddedPostgres } from './embedded-postgres.ts'

const folders: string[] = []
after(() => {
  for (const f of folders) {
    // As root the cluster lives in /var/lib/siatka, linked from the data folder.
    const cluster = join(f, 'postgres')
    if (existsSync(cluster) && lstatSync(cluster).isSymbolicLink())
      rmSync(realpathSync(cluster), { recursive: true, force: true })
    rmSync(f, { recursive: true, force: true })
  }
})
/** A data folder the server's own user can enter when the tests run as root. */
function dataFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  chmodSync(dir, 0o755)
  folders.push(dir)
  return dir
}

interface Running {
  child: ChildProcess
  output: () => string
  exited: Promise<number | null>
}

/** `npm start`'s command on a data folder, as a person runs it. */
function startSiatka(dataDir: string): Running {
  const { DATABASE_URL: _, ...env } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...env,
      DATA_DIR: dataDir,
      PORT: '0',
      SIATKA_DEMO: '0',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => {
    output += d
  })
  child.stderr!.on('data', (d) => {
    output += d
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => output, exited }
}

async function until(what: string, r: Running, pattern: RegExp, ms = 60_000): Promise<void> {
  const end = Date.now() + ms
  while (!pattern.test(r.output())) {
    if (r.child.exitCode !== null) assert.fail(`${what}: Siatka exited (${r.child.exitCode}):\n${r.output()}`)
    if (Date.now() > end) assert.fail(`${what}: no ${pattern} in ${ms / 1000} s:\n${r.output()}`)
    await new Promise((res) => setTimeout(res, 50))
  }
}

const serverPid = (dataDir: string) =>
  Number(readFileSync(join(dataDir, 'postgres', 'pgdata', 'postmaster.pid'), 'utf8').split('\n')[0])
// A stopped server whose parent was killed may linger a moment as a zombie: not alive.
const alive = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(' ')[2] !== 'Z'
  } catch {
    return false
  }
}

test('a Siatka killed with SIGKILL leaves a server the next start takes over, and a second start is refused', async () => {
  const dataDir = dataFolder('siatka-kill-')
  const first = startSiatka(dataDir)
  await until('first start', first, /Siatka is running/)
  assert.match(first.output(), /initialised a PostgreSQL 18 cluster/)
  const pid = serverPid(dataDir)
  first.child.kill('SIGKILL')
  await first.exited
  assert.ok(alive(pid), 'the killed app left its PostgreSQL server running')

  const second = startSiatka(dataDir)
  await until('start after the kill', second, /Siatka is running/)
  assert.match(second.output(), new RegExp(`found the PostgreSQL server already running \\(pid ${pid}\\)`))

  const third = startSiatka(dataDir)
  assert.equal(await third.exited, 75)
  assert.match(third.output(), /Another Siatka process is already using the database in /)

  second.child.kill('SIGTERM')
  assert.equal(await second.exited, 0)
  assert.ok(!alive(pid), 'stopping Siatka stopped its server')
})

test('a second app on the same embedded data folder is refused with a clear message', async () => {
  const dataDir = dataFolder('siatka-lock-')
  const first = await startEmbeddedPostgres(dataDir)
  await assert.rejects(startEmbeddedPostgres(dataDir), (err: Error) => {
    assert.ok(err instanceof DataDirLockedError)
    assert.match(err.message, /Another Siatka process is already using the database/)
    return true
  })
  await first.stop()
  const again = await startEmbeddedPostgres(dataDir)
  assert.match(again.notes.join('\n'), /started PostgreSQL/)
  await again.stop()
})

test('a data folder of the PGlite era stops the start with the commands that move its data', async () => {
  const dataDir = dataFolder('siatka-pglite-')
  mkdirSync(join(dataDir, 'pglite'))
  const r = startSiatka(dataDir)
  assert.equal(await r.exited, 65)
  assert.match(r.output(), /holds the database of an earlier Siatka, made by PGlite/)
  assert.ok(r.output().includes(`DATA_DIR=${dataDir} npm run move-from-pglite`), r.output())
})

test('migrations started twice at once apply once and leave a working schema', async () => {
  const { database, drop } = await freshDatabase({ empty: true })
  try {
    await Promise.all([migrateDatabase(database.db), migrateDatabase(database.db)])
    await migrateDatabase(database.db)
    const n = await database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(Number(n.n), 0)
  } finally {
    await drop()
  }
})

test('an unexpected error shows a polite page in the person language and no stack trace', async () => {
  const { database, drop } = await freshDatabase()
  await migrateDatabase(database.db)
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'siatka-500-')), LOG_LEVEL: 'silent' })
  const app = await buildApp(config, database)
  app.get('/boom', { config: { permission: 'public' } }, async () => {
    throw new Error('secret internal detail')
  })
  const res = await app.inject({ url: '/boom', headers: { 'accept-language': 'en' } })
  assert.equal(res.statusCode, 500)
  assert.match(res.body, /Sorry, there is a problem with the service/)
  assert.doesNotMatch(res.body, /secret internal detail|at .*\.ts/)
  await app.close()
  await drop()
})

test('/health answers 503 when the database is unreachable', async () => {
  const { database, drop } = await freshDatabase()
  await migrateDatabase(database.db)
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'siatka-503-')), LOG_LEVEL: 'silent' })
  const app = await buildApp(config, database)
  await app.ready()
  await database.close()
  const res = await app.inject('/health')
  assert.equal(res.statusCode, 503)
  assert.equal(res.json().database, 'unreachable')
  await app.close()
  await drop()
})
