import type { Scoped } from '../../kernel/db.ts'
import type { PeopleTables } from '../accounts/index.ts'
import type { CommunityTables } from './tables.ts'

/** The community's queries name its own tables, the kernel's, and people. */
export type Db = Scoped<CommunityTables & PeopleTables>
