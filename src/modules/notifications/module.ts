import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { notificationRoutes } from './routes.tsx'
import { notificationsQueues } from './service.ts'
import { notificationsStartSections } from './start.ts'

/** Each person's notifications from every module, mailed at once or in a daily digest. */
export const notificationsModule: SiatkaModule = {
  name: 'notifications',
  migrations: join(import.meta.dirname, 'migrations'),
  startSections: (_req, ctx) => notificationsStartSections(ctx),
  routes: (app, context) => notificationRoutes(app, context),
  queues: (db, config) => notificationsQueues(db, config),
}
