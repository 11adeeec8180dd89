import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { seedSpaces } from './demo.ts'
import { spacesRoutes } from './routes.ts'

/** Networks and bodies: composition, members, schedule, rules, announcements, public pages. */
export const spacesModule: SiatkaModule = {
  name: 'spaces',
  migrations: join(import.meta.dirname, 'migrations'),
  routes: (app, context) => spacesRoutes(app, context),
  demo: (trx) => seedSpaces(trx),
}
