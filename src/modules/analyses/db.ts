import type { Scoped, ScopedPool } from '../../kernel/db.ts'
import type { PeopleTables } from '../accounts/index.ts'
import type { AnalysesTables } from './tables.ts'
/** Analyses' queries name its own tables, the kernel's, people and organisations; no other module's: their public faces offer what is needed. */
export type Db = Scoped<AnalysesTables & PeopleTables>

/** The same outside a transaction. */
export type Pool = ScopedPool<AnalysesTables & PeopleTables>
