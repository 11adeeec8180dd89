import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { materialRoutes } from './routes.tsx'
import { translationRoutes } from './routes-translations.tsx'
import { materialsStartSections } from './start.ts'

/** Files of a space in language versions, and the translations asked for them. */
export const materialsModule: SiatkaModule = {
  name: 'materials',
  nav: [
    {
      group: 'documents',
      key: 'translations',
      href: '/translations',
      label: 'layout.nav.translations',
      shownTo: 'translations.read',
    },
  ],
  migrations: join(import.meta.dirname, 'migrations'),
  startSections: materialsStartSections,
  async routes(app, { config, modules }) {
    await materialRoutes(app, { modules })
    await translationRoutes(app, { config, modules })
  },
}
