import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { analysisRoutes } from './analysis-routes.tsx'
import { seedProjects } from './demo.ts'
import { groupRoutes } from './groups/routes.tsx'
import { importRoutes } from './import/routes.tsx'
import { markRoutes } from './marks/routes.tsx'
import { newsRoutes } from './news/routes.tsx'
import { partRoutes } from './parts-routes.tsx'
import { projectRoutes } from './routes.tsx'
import { scheduleRoutes } from './schedule/routes.tsx'
import { projectsStartSections } from './start.ts'
import { taxonomyRoutes } from './taxonomy/routes.tsx'
import { tercRoutes } from './terc/routes.tsx'

/** Funded projects and partnerships (issue 12): the portfolio, each project's facts, partners and indicators. */
export const projectsModule: SiatkaModule = {
  name: 'projects',
  nav: [
    {
      group: 'projects',
      key: 'projects',
      href: '/funded-projects',
      label: 'layout.nav.projects',
      shownTo: 'anonymous',
    },
    {
      group: 'projects',
      key: 'projects',
      href: '/projects',
      label: 'layout.nav.projects',
      shownTo: 'projects.read',
    },
    {
      group: 'projects',
      key: 'groups',
      href: '/projects/groups',
      label: 'layout.nav.projectsGroups',
      shownTo: 'projects.read',
    },
    {
      group: 'projects',
      key: 'taxonomy',
      href: '/projects/taxonomy',
      label: 'layout.nav.projectsTaxonomy',
      shownTo: 'projects.manage',
    },
    {
      group: 'projects',
      key: 'regions',
      href: '/projects/regions',
      label: 'layout.nav.projectsRegions',
      shownTo: 'regions.import',
    },
    {
      group: 'projects',
      key: 'marks',
      href: '/projects/marks',
      label: 'layout.nav.projectsMarks',
      shownTo: 'marks.manage',
    },
    {
      group: 'projects',
      key: 'analysis',
      href: '/projects/analysis',
      label: 'layout.nav.projectsAnalysis',
      shownTo: 'projects.analysis',
    },
  ],
  migrations: join(import.meta.dirname, 'migrations'),
  startSections: projectsStartSections,
  async routes(app, { config }) {
    await projectRoutes(app, { config })
    await partRoutes(app)
    await scheduleRoutes(app, { config })
    await newsRoutes(app)
    await groupRoutes(app)
    await taxonomyRoutes(app)
    await tercRoutes(app)
    await markRoutes(app)
    await analysisRoutes(app)
    await importRoutes(app)
  },
  demo: (trx, storage) => seedProjects(trx, storage),
}
