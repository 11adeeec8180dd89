import type { Scoped, ScopedPool } from '../../kernel/db.ts'
import type { PeopleTables } from '../accounts/index.ts'
/** The audit's pages read the kernel's log, with people and organisations. */
export type Db = Scoped<PeopleTables>

/** The same outside a transaction. */
export type Pool = ScopedPool<PeopleTables>
