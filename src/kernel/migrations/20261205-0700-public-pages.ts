import type { Kysely } from 'kysely'
import { createPublicChangeFunction } from '../public-pages.ts'

// What public pages show is kept until it changes (kernel/public-pages.ts): the function the
// modules' triggers run to say so.
export async function up(db: Kysely<unknown>) {
  await createPublicChangeFunction(db)
}
