import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { seedCommunity } from './demo.ts'
import { communityRoutes } from './routes.tsx'

/** The community of practice (issue 13): its forum of questions and answers, so far. */
export const communityModule: SiatkaModule = {
  name: 'community',
  nav: [
    {
      group: 'community',
      key: 'forums',
      href: '/community',
      label: 'layout.nav.communityForums',
      shownTo: 'community.read',
    },
  ],
  migrations: join(import.meta.dirname, 'migrations'),
  async routes(app) {
    await communityRoutes(app)
  },
  demo: (trx) => seedCommunity(trx),
}
