import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { seedCommunity } from './demo.ts'
import { feedRoutes } from './feed-routes.ts'
import { followStop } from './follows.ts'
import { knowledgeRoutes } from './knowledge/routes.tsx'
import { messageRoutes } from './messages/routes.tsx'
import { partnerRoutes } from './partners/routes.tsx'
import { savedSearchQueues, savedSearchStop } from './partners/saved.ts'
import { communityRoutes } from './routes.tsx'

/** The community of practice (issue 13): its forums, knowledge base and partner search. */
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
    {
      group: 'community',
      key: 'knowledge',
      href: '/community/knowledge',
      label: 'layout.nav.communityKnowledge',
      shownTo: 'community.read',
    },
    {
      group: 'community',
      key: 'partners',
      href: '/community/partners',
      label: 'layout.nav.communityPartners',
      shownTo: 'community.read',
    },
    {
      group: 'community',
      key: 'messages',
      href: '/community/messages',
      label: 'layout.nav.communityMessages',
      shownTo: 'community.post',
    },
    {
      group: 'community',
      key: 'moderation',
      href: '/community/moderation',
      label: 'layout.nav.communityModeration',
      shownTo: 'community.manage',
    },
    {
      group: 'community',
      key: 'reports',
      href: '/community/reports',
      label: 'layout.nav.communityReports',
      shownTo: 'community.manage',
    },
  ],
  migrations: join(import.meta.dirname, 'migrations'),
  mailStops: { follow: followStop, search: savedSearchStop },
  queues: (db) => savedSearchQueues(db),
  async routes(app, { config }) {
    await communityRoutes(app)
    await feedRoutes(app, config)
    await partnerRoutes(app)
    await messageRoutes(app)
    await knowledgeRoutes(app, config)
  },
  demo: (trx, storage) => seedCommunity(trx, storage),
}
