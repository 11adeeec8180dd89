import type { Scoped, ScopedPool } from '../../kernel/db.ts'
import type { PeopleTables } from '../accounts/index.ts'
import type { NotificationsTables } from './tables.ts'
/** Notifications' queries name its own tables, the kernel's, people and organisations; no other module's: their public faces offer what is needed. */
export type Db = Scoped<NotificationsTables & PeopleTables>

/** The same outside a transaction. */
export type Pool = ScopedPool<NotificationsTables & PeopleTables>
