import type { Scoped } from '../../kernel/db.ts'
import type { PeopleTables } from '../accounts/index.ts'
import type { EventsTables } from './tables.ts'

/** The events module's queries name its own tables, the kernel's, and people. */
export type Db = Scoped<EventsTables & PeopleTables>
