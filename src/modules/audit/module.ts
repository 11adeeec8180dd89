import type { SiatkaModule } from '../../kernel/module.ts'
import { auditRoutes } from './routes.tsx'

/** The audit log's pages (the log itself is the kernel's). */
export const auditModule: SiatkaModule = {
  name: 'audit',
  nav: [{ group: 'admin', key: 'audit', href: '/audit', label: 'layout.nav.audit', shownTo: 'audit.read' }],
  routes: (app) => auditRoutes(app),
}
