import type { Scoped } from '../../kernel/db.ts'
import type { PeopleTables } from '../accounts/index.ts'
import type { RecruitmentTables } from './tables.ts'

/** The recruitment module's queries name its own tables, the kernel's, and people. */
export type Db = Scoped<RecruitmentTables & PeopleTables>
