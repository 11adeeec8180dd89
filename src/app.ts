import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
  LogController,
} from 'fastify'
import type { Kysely } from 'kysely'
import type { Config } from './config.ts'
import type { Database, OpenDatabase } from './kernel/db.ts'
import { loadDemoData } from './kernel/demo.ts'
import { registerKernel } from './kernel/http.tsx'
import type { JobQueue } from './kernel/jobs.ts'
import { mailQueue } from './kernel/mail.ts'
import { migrate } from './kernel/migrate.ts'
import type { SiatkaModule } from './kernel/module.ts'
import { listenForPublicChanges } from './kernel/public-pages.ts'
import { sealer } from './kernel/sealed.ts'
import type { LocalStorage } from './kernel/storage.ts'
import { accountsModule } from './modules/accounts/module.ts'
import { findSession } from './modules/accounts/service.ts'
import { analysesModule } from './modules/analyses/module.ts'
import { auditModule } from './modules/audit/module.ts'
import { communityModule } from './modules/community/module.ts'
import { eventsModule } from './modules/events/module.ts'
import { materialsModule } from './modules/materials/module.ts'
import { meetingsModule } from './modules/meetings/module.ts'
import { notificationsModule } from './modules/notifications/module.ts'
import { countUnread } from './modules/notifications/service.ts'
import { projectsModule } from './modules/projects/module.ts'
import { recruitmentModule } from './modules/recruitment/module.ts'
import { siteModule } from './modules/site/module.ts'
import { enterSpace } from './modules/spaces/index.ts'
import { spacesModule } from './modules/spaces/module.ts'
import './texts.ts'

/**
 * Every module, once (kernel/module.ts). Their demo data loads in this order (people before the
 * spaces they sit in, spaces before their meetings); adding a module is its folder and a line here.
 */
export const modules: readonly SiatkaModule[] = [
  siteModule,
  accountsModule,
  auditModule,
  notificationsModule,
  spacesModule,
  materialsModule,
  meetingsModule,
  analysesModule,
  projectsModule,
  communityModule,
  eventsModule,
  recruitmentModule,
]

/** The kernel's and every module's migrations, in one order. */
export const migrateDatabase = (db: Kysely<Database>) => migrate(db, modules)

/** Every module's demo data into an empty database (false when it held people already). */
export const loadDemo = (db: Kysely<Database>, dataKey: string, storage?: LocalStorage) =>
  loadDemoData(db, modules, sealer(dataKey), storage)

/** The job queues of the kernel and every module; main.ts and the tests start them. */
export function jobQueues(config: Config, database: OpenDatabase): JobQueue[] {
  return [mailQueue(config, database.db), ...modules.flatMap((m) => m.queues?.(database.db, config) ?? [])]
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
    // An address the router refuses before any route (a part over 200 characters, a broken
    // percent sign): a short answer in both languages that repeats nothing of the address (Fastify's
    // own repeats it, decoded, as JSON).
    frameworkErrors: (err, _req, reply: FastifyReply) =>
      reply
        .code(err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400)
        .type('text/plain; charset=utf-8')
        .send(
          'Nie ma takiej strony: adres jest za długi albo niepoprawny.\nThere is no such page: the address is too long or not valid.\n',
        ),
  }
}

export async function buildApp(config: Config, database: OpenDatabase): Promise<FastifyInstance> {
  const app = Fastify(fastifyOptions(config))
  await registerKernel(app, {
    config,
    db: database.db,
    findSession,
    countUnread,
    enterSpace,
    nav: modules.flatMap((m) => m.nav ?? []),
  })
  const stopListening = await listenForPublicChanges(database.url, app.log)
  app.addHook('onClose', stopListening)
  for (const m of modules) await m.routes?.(app, { config, modules })
  return app
}
