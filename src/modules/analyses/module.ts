import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { seedAnalyses } from './demo.ts'
import { analysesRoutes } from './routes.tsx'
import { analysesListRoutes } from './routes-expert.tsx'

/** Commissioned analyses (ekspertyzy): ordered, delivered in versions, accepted as a space's material. */
export const analysesModule: SiatkaModule = {
  name: 'analyses',
  migrations: join(import.meta.dirname, 'migrations'),
  async routes(app) {
    await analysesRoutes(app)
    await analysesListRoutes(app)
  },
  demo: (trx, storage) => seedAnalyses(trx, storage),
}
