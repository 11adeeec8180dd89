import { fromKysely, PgBoss } from 'pg-boss'
import type { AnyDb, OpenDatabase } from './db.ts'
import type { Logger } from './log.ts'

export type JobHandler = (data: Record<string, unknown>) => Promise<void>

export interface JobQueue {
  name: string
  handler: JobHandler
  /** Attempts after the first; mail keeps trying for about an hour. */
  retryLimit?: number
  /** Run on this cron schedule (Warsaw time) as well as when queued. */
  cron?: string
  /** How long a finished job is kept; mail jobs carry live links, so they go at once. */
  keepFinishedSeconds?: number
  /**
   * Workers taking one job each at the same time. A worker fetches one job per poll and waits out
   * the poll interval after it (about 2 jobs a second): a notice to a whole body needs several.
   */
  concurrency?: number
}

// One job system per process: the app that main.ts (or a test file) builds starts it. A test
// that briefly starts a second app gets the first one's back when it stops its own.
const started: PgBoss[] = []
let boss: PgBoss | undefined

export async function startJobs(database: OpenDatabase, queues: JobQueue[], log: Logger): Promise<PgBoss> {
  // pg-boss keeps its own small pool: its maintenance sends multi-statement queries whose rows
  // a Kysely-backed adapter cannot return.
  const b = new PgBoss({ connectionString: database.url, schema: 'pgboss', max: 3 })
  b.on('error', (err) => log.error({ err }, 'job system error'))
  await b.start()
  for (const q of queues) {
    await b.createQueue(q.name, {
      retryLimit: q.retryLimit ?? 5,
      retryDelay: 30,
      retryBackoff: true,
      ...(q.keepFinishedSeconds ? { deleteAfterSeconds: q.keepFinishedSeconds } : {}),
    })
    // work() also fills pg-boss's queue cache, so enqueue() inside a transaction sends no query of its own.
    const options = { pollingIntervalSeconds: 0.5, localConcurrency: q.concurrency ?? 1 }
    await b.work<Record<string, unknown>>(q.name, options, async (jobs) => {
      for (const job of jobs) await q.handler(job.data)
    })
    if (q.cron) await b.schedule(q.name, q.cron, {}, { tz: 'Europe/Warsaw' })
  }
  started.push(b)
  boss = b
  return b
}

export async function stopJobs(instance: PgBoss): Promise<void> {
  await instance.stop({ graceful: true, timeout: 5000 })
  started.splice(started.indexOf(instance), 1)
  boss = started.at(-1)
}

/** Queue work inside the caller's transaction: the job exists only if the transaction commits. */
export async function enqueue(
  trx: AnyDb,
  queue: string,
  data: Record<string, unknown>,
  options: { startAfter?: Date; singletonKey?: string } = {},
): Promise<void> {
  if (!boss) throw new Error('The job system is not started')
  await boss.send(queue, data, { ...options, db: fromKysely(trx) })
}

/** Many jobs of one queue in one statement (a digest's mails), inside the caller's transaction. */
export async function enqueueMany(trx: AnyDb, queue: string, data: Record<string, unknown>[]): Promise<void> {
  if (!boss) throw new Error('The job system is not started')
  if (data.length === 0) return
  await boss.insert(
    queue,
    data.map((d) => ({ data: d })),
    { db: fromKysely(trx) },
  )
}
