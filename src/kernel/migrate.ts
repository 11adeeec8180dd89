import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Kysely } from 'kysely'
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration'
import { migrationFolders, type SiatkaModule } from './module.ts'

// The kernel and every module own migrations/ named by timestamp; they run in one order across them.
class ModuleMigrations implements MigrationProvider {
  constructor(private readonly dirs: string[]) {}

  async getMigrations(): Promise<Record<string, Migration>> {
    const found: Record<string, Migration> = {}
    for (const dir of this.dirs) {
      const files = await readdir(dir).catch(() => [] as string[])
      for (const file of files.filter((f) => /^\d{8}-\d{4}-.+\.ts$/.test(f))) {
        const name = file.replace(/\.ts$/, '')
        // One name, one migration: a second of the same name in another folder would never run.
        if (found[name]) throw new Error(`Two migrations are named ${name}: rename the one in ${dir}`)
        found[name] = (await import(pathToFileURL(join(dir, file)).href)) as Migration
      }
    }
    return found
  }
}

/**
 * Forward-only. Kysely's migrator takes an advisory lock, so two processes starting at once apply each
 * migration once. `to` stops after the named migration (a migration's test loads the data it finds).
 */
export async function migrate(
  // biome-ignore lint/suspicious/noExplicitAny: migrations run before the schema they create exists
  db: Kysely<any>,
  modules: readonly SiatkaModule[],
  opts: { to?: string } = {},
): Promise<void> {
  const dirs = migrationFolders(join(import.meta.dirname, 'migrations'), modules)
  const migrator = new Migrator({ db, provider: new ModuleMigrations(dirs) })
  const { error, results } = opts.to ? await migrator.migrateTo(opts.to) : await migrator.migrateToLatest()
  const failed = results?.find((r) => r.status === 'Error')
  if (error) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error })
  }
}
