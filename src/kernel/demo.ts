import type { Kysely } from 'kysely'
import { seedAccounts } from '../modules/accounts/demo.ts'
import { seedSpaces } from '../modules/spaces/demo.ts'
import type { Database } from './db.ts'

/** Loads every module's demo data into an empty database (no people yet). */
export async function loadDemoData(db: Kysely<Database>): Promise<boolean> {
  const anyone = await db.selectFrom('people').select('id').limit(1).executeTakeFirst()
  if (anyone) return false
  await db.transaction().execute(async (trx) => {
    await seedAccounts(trx)
    await seedSpaces(trx)
  })
  return true
}
