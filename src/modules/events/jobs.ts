import type { Config } from '../../config.ts'
import type { AnyDb } from '../../kernel/db.ts'
import type { JobQueue } from '../../kernel/jobs.ts'
import type { Db } from './db.ts'
import { expireOffers } from './registrations.ts'

/** Every five minutes, places offered from a waiting list and not taken in time go to the next person. */
export function eventQueues(handle: AnyDb, config: Config): JobQueue[] {
  const db: Db = handle
  return [
    {
      name: 'events.expire-offers',
      cron: '*/5 * * * *',
      handler: () => expireOffers(db, { baseUrl: config.baseUrl, now: new Date() }),
    },
  ]
}
