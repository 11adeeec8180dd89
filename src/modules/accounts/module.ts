import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { seedAccounts } from './demo.ts'
import { accountsRoutes } from './routes.ts'
import { accountsQueues } from './service.ts'

/** People, organisations, sign-in, invitations and password resets. */
export const accountsModule: SiatkaModule = {
  name: 'accounts',
  nav: [
    { group: 'admin', key: 'people', href: '/people', label: 'layout.nav.people', shownTo: 'people.read' },
    {
      group: 'admin',
      key: 'organisations',
      href: '/organisations',
      label: 'layout.nav.organisations',
      shownTo: 'organisations.manage',
    },
  ],
  migrations: join(import.meta.dirname, 'migrations'),
  routes: (app, { config }) => accountsRoutes(app, { config }),
  queues: (db, config) => accountsQueues(db, config),
  demo: (trx) => seedAccounts(trx),
}
