import type { SiatkaModule } from '../../kernel/module.ts'
import { siteRoutes } from './routes.tsx'

/** The public home page, the cookie page and the accessibility statement. */
export const siteModule: SiatkaModule = {
  name: 'site',
  // A visitor's home page; a signed-in person's start page ("Pulpit").
  nav: [
    { group: 'start', key: 'home', href: '/', label: 'layout.nav.home', shownTo: 'anonymous' },
    { group: 'start', key: 'home', href: '/', label: 'layout.nav.start', shownTo: 'signedIn' },
  ],
  routes: (app, context) => siteRoutes(app, context),
}
