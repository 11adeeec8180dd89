import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { seedAccounts } from './demo.ts'
import { accountsRoutes } from './routes.ts'
import { accountsQueues } from './service.ts'

/** People, organisations, sign-in, invitations and password resets. */
export const accountsModule: SiatkaModule = {
  name: 'accounts',
  migrations: join(import.meta.dirname, 'migrations'),
  routes: (app, { config }) => accountsRoutes(app, { config }),
  queues: (db, config) => accountsQueues(db, config),
  demo: (trx) => seedAccounts(trx),
}
