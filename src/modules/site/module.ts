import type { SiatkaModule } from '../../kernel/module.ts'
import { siteRoutes } from './routes.tsx'

/** The public home page, the cookie page and the accessibility statement. */
export const siteModule: SiatkaModule = {
  name: 'site',
  routes: (app, { config }) => siteRoutes(app, { config }),
}
