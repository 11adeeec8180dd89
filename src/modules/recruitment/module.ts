import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { seedRecruitment } from './demo.ts'
import { recruitmentQueues } from './jobs.ts'
import { recruitmentRoutes } from './routes.tsx'

/** A project's recruitment of its participants (issue 14): rules, application form, checks, ranking, decisions. */
export const recruitmentModule: SiatkaModule = {
  name: 'recruitment',
  nav: [
    {
      group: 'projects',
      key: 'recruitments',
      href: '/recruitments',
      label: 'layout.nav.recruitments',
      shownTo: 'recruitment.read',
    },
    {
      group: 'projects',
      key: 'recruitments-manage',
      href: '/recruitments/manage',
      label: 'layout.nav.recruitmentsManage',
      shownTo: 'recruitment.open',
    },
  ],
  migrations: join(import.meta.dirname, 'migrations'),
  queues: (db, config) => recruitmentQueues(db, config),
  async routes(app, { config }) {
    await recruitmentRoutes(app, config)
  },
  demo: (trx, storage, sealer) => seedRecruitment(trx, sealer, storage),
}
