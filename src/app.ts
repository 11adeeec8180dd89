import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify'
import type { Config } from './config.ts'
import type { OpenDatabase } from './kernel/db.ts'
import { registerKernel } from './kernel/http.tsx'
import type { JobQueue } from './kernel/jobs.ts'
import { mailQueue } from './kernel/mail.ts'
import { accountsRoutes } from './modules/accounts/routes.ts'
import { accountsQueues, resolveActor } from './modules/accounts/service.ts'
import { analysesRoutes } from './modules/analyses/routes.tsx'
import { analysesListRoutes } from './modules/analyses/routes-expert.tsx'
import { auditRoutes } from './modules/audit/routes.tsx'
import { materialRoutes } from './modules/materials/routes.tsx'
import { translationRoutes } from './modules/materials/routes-translations.tsx'
import { actionQueues } from './modules/meetings/actions.ts'
import { attendanceQueues } from './modules/meetings/attendance.ts'
import { meetingsQueues } from './modules/meetings/notices.ts'
import { meetingRoutes } from './modules/meetings/routes.tsx'
import { actionRoutes } from './modules/meetings/routes-actions.tsx'
import { attendanceRoutes } from './modules/meetings/routes-attendance.tsx'
import { calendarRoutes } from './modules/meetings/routes-calendar.tsx'
import { decisionRoutes } from './modules/meetings/routes-decisions.tsx'
import { minutesRoutes } from './modules/meetings/routes-minutes.tsx'
import { visitRoutes } from './modules/meetings/routes-visits.tsx'
import { notificationRoutes } from './modules/notifications/routes.tsx'
import { countUnread, notificationsQueues } from './modules/notifications/service.ts'
import { siteRoutes } from './modules/site/routes.tsx'
import { spacesRoutes } from './modules/spaces/routes.ts'

/** The job queues of the kernel and every module; main.ts and the tests start them. */
export function jobQueues(config: Config, database: OpenDatabase): JobQueue[] {
  return [
    mailQueue(config, database.db),
    ...accountsQueues(database.db, config),
    ...notificationsQueues(database.db, config),
    ...meetingsQueues(database.db),
    ...attendanceQueues(database.db),
    ...actionQueues(database.db),
  ]
}

/** The server's options: pino with secrets redacted, and no per-request lines of Fastify's own. */
export function fastifyOptions(config: Pick<Config, 'logLevel' | 'trustProxy'>): FastifyServerOptions {
  return {
    logger: {
      level: config.logLevel,
      redact: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.body.password',
        'req.body.passwordConfirm',
      ],
    },
    // kernel/http writes one line a request instead.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    routerOptions: { maxParamLength: 200 },
  }
}

export async function buildApp(config: Config, database: OpenDatabase): Promise<FastifyInstance> {
  const app = Fastify(fastifyOptions(config))
  await registerKernel(app, { config, db: database.db, resolveActor, countUnread })
  await siteRoutes(app, { config })
  await accountsRoutes(app, { config })
  await auditRoutes(app)
  await notificationRoutes(app, { config })
  await spacesRoutes(app, { config })
  await meetingRoutes(app, { config })
  await calendarRoutes(app, { config })
  await materialRoutes(app)
  await translationRoutes(app, { config })
  await attendanceRoutes(app)
  await minutesRoutes(app)
  await decisionRoutes(app)
  await actionRoutes(app)
  await analysesRoutes(app)
  await analysesListRoutes(app)
  await visitRoutes(app)
  return app
}
