// A module is one descriptor: what it adds to the app (routes, tables through its migrations, job
// queues and schedules, demo data, sections of shared pages). src/app.ts lists the modules once,
// in the order their demo data and migrations need; the kernel reads the list and imports none.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import type { AnyDb, AnyPool } from './db.ts'
import type { JobQueue } from './jobs.ts'
import type { NavEntry } from './navigation.ts'
import type { Sealer } from './sealed.ts'
import type { LocalStorage } from './storage.ts'
import type { ViewContext } from './views/context.ts'

/** What a module's routes get: the configuration and the other modules, for their page sections. */
export interface ModuleContext {
  config: Config
  modules: readonly SiatkaModule[]
}

/** The space a public network page (/networks/:id) is about, as its sections need it. */
/** What a module may know of a published space when it adds to the space's public page. */
export interface PublicSpace {
  id: string
  /** Whether the space publishes when it meets (its schedule and its meetings). */
  public_schedule: boolean
}

/** A line of a person's start page: what waits for them, linking to the page where they act on it. */
export interface StartItem {
  text: string
  href: string
  /** Late or unanswered: shown first and marked. */
  urgent?: boolean
}

/** A module's part of a person's start page ("Pulpit"); a section without items is left out. */
export interface StartSection {
  heading: string
  items: StartItem[]
}

/**
 * Something a person chose to be told about (a followed forum topic, say) that one click in a mail
 * stops (List-Unsubscribe, RFC 8058): the notifications module signs the link and, when it is
 * followed, asks the module that named it. Each speaks of one row of the module's, by its id.
 */
export interface MailStop {
  /** What will stop, in the reader's language ("the topic …"), or null when it is gone already. */
  describe(db: AnyDb, personId: string, id: string, lang: 'pl' | 'en'): Promise<string | null>
  /** Stops it (nothing when it has stopped already); the caller audits. */
  stop(db: AnyDb, personId: string, id: string): Promise<void>
}

export interface SiatkaModule {
  /** The module's folder name under src/modules. */
  name: string
  /** The folder of its migrations (YYYYMMDD-HHMM-name.ts); the kernel applies every module's in one order. */
  migrations?: string
  /** Registers its routes, each declaring its permission. */
  routes?(app: FastifyInstance, context: ModuleContext): Promise<void>
  /** Its job queues, with their schedules. */
  queues?(db: AnyPool, config: Config): JobQueue[]
  /** Its pages in the header's menu, each in one of the kernel's groups (kernel/navigation). */
  nav?: readonly NavEntry[]
  /** What waits for the signed-in person in this module, for their start page (one statement at most). */
  startSections?(req: FastifyRequest, ctx: ViewContext): Promise<StartSection[]>
  /** What one click in its notification mails stops, by name (a notification's `stop` is `<name>:<id>`). */
  mailStops?: Readonly<Record<string, MailStop>>
  /**
   * Loads its demo data into an empty database, after the modules listed before it (files only with
   * storage; personal data sealed by the installation's key).
   */
  demo?(trx: AnyDb, storage: LocalStorage | undefined, sealer: Sealer): Promise<void>
  /**
   * What it shows on a published network's public page, below the network's own parts: a
   * section (heading and content) or '' when it has nothing public for that network.
   */
  publicSpaceSection?(
    req: FastifyRequest,
    ctx: ViewContext,
    space: PublicSpace,
  ): Promise<JSX.Element | string>
}

/** The migration folders of the kernel and of every module. */
export function migrationFolders(kernelFolder: string, modules: readonly SiatkaModule[]): string[] {
  return [kernelFolder, ...modules.flatMap((m) => (m.migrations ? [m.migrations] : []))]
}
