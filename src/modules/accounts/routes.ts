import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { authRoutes } from './routes/auth.tsx'
import { invitationRoutes } from './routes/invitations.tsx'
import { organisationRoutes } from './routes/organisations.tsx'
import { peopleRoutes } from './routes/people.tsx'
import { profileRoutes } from './routes/profile.tsx'

export async function accountsRoutes(app: FastifyInstance, opts: { config: Config }) {
  await authRoutes(app, opts)
  await invitationRoutes(app, opts)
  await profileRoutes(app, opts)
  await peopleRoutes(app, opts)
  await organisationRoutes(app)
}
