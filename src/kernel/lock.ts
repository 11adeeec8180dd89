import { mkdirSync } from 'node:fs'
import lockfile from 'proper-lockfile'

export class DataDirLockedError extends Error {}

/**
 * PGlite does not lock its directory and two processes on one corrupt it (DESIGN.md): hold a
 * lock for the life of the process. A stale lock (a killed process) is taken over after 10 s.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true })
  try {
    return await lockfile.lock(dir, {
      lockfilePath: `${dir}/.siatka.lock`,
      stale: 10_000,
      update: 2_000,
      retries: 0,
    })
  } catch (err) {
    if ((err as { code?: string }).code === 'ELOCKED') {
      throw new DataDirLockedError(
        `Another Siatka process is already using the database in ${dir}.\n` +
          'Stop it first (two processes on one embedded database would corrupt it), or set DATA_DIR to another folder.',
      )
    }
    throw err
  }
}
