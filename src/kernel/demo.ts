import type { Kysely } from 'kysely'
import { seedAccounts } from '../modules/accounts/demo.ts'
import { seedAnalyses } from '../modules/analyses/demo.ts'
import { seedMeetings } from '../modules/meetings/demo.ts'
import { seedSpaces } from '../modules/spaces/demo.ts'
import type { Database } from './db.ts'
import type { LocalStorage } from './storage.ts'

/**
 * Loads every module's demo data into an empty database (no people yet). With `storage`, demo
 * files (meeting materials, an accepted analysis) are kept too; tests and the bench go without.
 */
export async function loadDemoData(db: Kysely<Database>, storage?: LocalStorage): Promise<boolean> {
  const anyone = await db.selectFrom('people').select('id').limit(1).executeTakeFirst()
  if (anyone) return false
  await db.transaction().execute(async (trx) => {
    await seedAccounts(trx)
    await seedSpaces(trx)
    await seedMeetings(trx, storage)
    await seedAnalyses(trx, storage)
  })
  return true
}
