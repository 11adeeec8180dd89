import type { FastifyInstance } from 'fastify'
import type { ModuleContext } from '../../kernel/module.ts'
import { compositionRoutes } from './routes/compositions.tsx'
import { directoryRoutes } from './routes/directory.tsx'
import { publicRoutes } from './routes/public.tsx'
import { spaceRoutes } from './routes/spaces.tsx'
import { workRoutes } from './routes/work.tsx'

export async function spacesRoutes(app: FastifyInstance, opts: ModuleContext) {
  await spaceRoutes(app, opts)
  await compositionRoutes(app)
  await workRoutes(app)
  await directoryRoutes(app)
  await publicRoutes(app, opts)
}
