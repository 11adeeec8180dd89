import type { Kysely } from 'kysely'
import type { Database } from './db.ts'
import type { SiatkaModule } from './module.ts'
import type { LocalStorage } from './storage.ts'

/**
 * Loads every module's demo data into an empty database (no people yet), in the order the modules
 * are listed, in one transaction. With `storage`, demo files (meeting materials, an accepted
 * analysis) are kept too; tests and the bench go without.
 */
export async function loadDemoData(
  db: Kysely<Database>,
  modules: readonly SiatkaModule[],
  storage?: LocalStorage,
): Promise<boolean> {
  const anyone = await db.selectFrom('people').select('id').limit(1).executeTakeFirst()
  if (anyone) return false
  await db.transaction().execute(async (trx) => {
    for (const m of modules) await m.demo?.(trx, storage)
  })
  return true
}
