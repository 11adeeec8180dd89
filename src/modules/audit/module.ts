import type { SiatkaModule } from '../../kernel/module.ts'
import { auditRoutes } from './routes.tsx'

/** The audit log's pages (the log itself is the kernel's). */
export const auditModule: SiatkaModule = {
  name: 'audit',
  routes: (app) => auditRoutes(app),
}
