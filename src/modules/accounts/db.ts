import type { Scoped, ScopedPool } from '../../kernel/db.ts'
import type { AccountsTables } from './tables.ts'
/** Accounts' queries name accounts' tables and the kernel's; no other module's. */
export type Db = Scoped<AccountsTables>

/** The same outside a transaction. */
export type Pool = ScopedPool<AccountsTables>
