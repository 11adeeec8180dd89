import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { seedEvents } from './demo.ts'
import { eventQueues } from './jobs.ts'
import { eventRoutes } from './routes.tsx'

/** Events the public registers for (issue 14): conferences, workshops, panels, study visits. */
export const eventsModule: SiatkaModule = {
  name: 'events',
  nav: [
    { group: 'events', key: 'events', href: '/events', label: 'layout.nav.events', shownTo: 'events.read' },
    {
      group: 'events',
      key: 'events-new',
      href: '/events/new',
      label: 'layout.nav.eventsNew',
      shownTo: 'events.organise',
    },
  ],
  migrations: join(import.meta.dirname, 'migrations'),
  queues: (db, config) => eventQueues(db, config),
  async routes(app, { config }) {
    await eventRoutes(app, config)
  },
  demo: (trx, storage) => seedEvents(trx, storage),
}
