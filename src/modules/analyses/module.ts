import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { seedAnalyses } from './demo.ts'
import { analysesRoutes } from './routes.tsx'
import { analysesListRoutes } from './routes-expert.tsx'
import { analysesStartSections } from './start.ts'

/** Commissioned analyses (ekspertyzy): ordered, delivered in versions, accepted as a space's material. */
export const analysesModule: SiatkaModule = {
  name: 'analyses',
  nav: [
    {
      group: 'documents',
      key: 'analyses',
      href: '/analyses',
      label: 'layout.nav.analyses',
      shownTo: 'analyses.read',
    },
    {
      group: 'documents',
      key: 'myAnalyses',
      href: '/analyses/mine',
      label: 'layout.nav.myAnalyses',
      shownTo: 'analyses.mine',
    },
  ],
  migrations: join(import.meta.dirname, 'migrations'),
  startSections: analysesStartSections,
  async routes(app) {
    await analysesRoutes(app)
    await analysesListRoutes(app)
  },
  demo: (trx, storage) => seedAnalyses(trx, storage),
}
