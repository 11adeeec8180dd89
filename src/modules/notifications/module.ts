import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { notificationRoutes } from './routes.tsx'
import { notificationsQueues } from './service.ts'

/** Each person's notifications from every module, mailed at once or in a daily digest. */
export const notificationsModule: SiatkaModule = {
  name: 'notifications',
  migrations: join(import.meta.dirname, 'migrations'),
  routes: (app, { config }) => notificationRoutes(app, { config }),
  queues: (db, config) => notificationsQueues(db, config),
}
