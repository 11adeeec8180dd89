import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { seedSpaces } from './demo.ts'
import { spacesRoutes } from './routes.ts'
import { spacesStartSections } from './start.ts'

/** Networks and bodies: composition, members, schedule, rules, announcements, public pages. */
export const spacesModule: SiatkaModule = {
  name: 'spaces',
  nav: [
    { group: 'spaces', key: 'spaces', href: '/spaces', label: 'layout.nav.spaces', shownTo: 'signedIn' },
    { group: 'spaces', key: 'spaces', href: '/networks', label: 'layout.nav.spaces', shownTo: 'anonymous' },
    {
      group: 'spaces',
      key: 'directory',
      href: '/directory',
      label: 'layout.nav.directory',
      shownTo: 'spaces.directory',
    },
    {
      group: 'spaces',
      key: 'authority',
      href: '/authority',
      label: 'layout.nav.authority',
      shownTo: 'compositions.review',
    },
  ],
  migrations: join(import.meta.dirname, 'migrations'),
  startSections: spacesStartSections,
  routes: (app, context) => spacesRoutes(app, context),
  demo: (trx) => seedSpaces(trx),
}
