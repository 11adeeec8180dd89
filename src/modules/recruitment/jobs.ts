import type { Config } from '../../config.ts'
import type { AnyDb } from '../../kernel/db.ts'
import type { JobQueue } from '../../kernel/jobs.ts'
import type { Db } from './db.ts'
import { anonymiseExpired, removeStaleDrafts } from './retention.ts'

/** Every night, drafts left for a month are removed and applicants' data past its recruitment's retention is anonymised. */
export function recruitmentQueues(handle: AnyDb, _config: Config): JobQueue[] {
  const db: Db = handle
  return [
    {
      name: 'recruitment.retention',
      cron: '40 2 * * *',
      handler: async () => {
        const now = new Date()
        await removeStaleDrafts(db, now)
        await anonymiseExpired(db, now)
      },
    },
  ]
}
