import type { Scoped, ScopedPool } from '../../kernel/db.ts'
import type { PeopleTables } from '../accounts/index.ts'
import type { ProjectsTables } from './tables.ts'

/** Projects' queries name its own tables, the kernel's, people and organisations. */
export type Db = Scoped<ProjectsTables & PeopleTables>

/** The same outside a transaction. */
export type Pool = ScopedPool<ProjectsTables & PeopleTables>
