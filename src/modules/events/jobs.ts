import type { Config } from '../../config.ts'
import type { AnyDb } from '../../kernel/db.ts'
import type { JobQueue } from '../../kernel/jobs.ts'
import { storageIn } from '../../kernel/storage.ts'
import { mailCertificate } from './certificate.ts'
import { certificateQueue } from './day.ts'
import type { Db } from './db.ts'
import { expireOffers } from './registrations.ts'
import { sendReminders } from './reminders.ts'
import { mailSurveys, surveyQueue } from './survey.ts'

/**
 * Every five minutes, places offered from a waiting list and not taken in time go to the next
 * person; every hour, reminders go to those holding a place at an event two days away; a
 * certificate issued is drawn and mailed, one a job (a failure retries only its own); an evaluation
 * survey sent goes to those who came.
 */
export function eventQueues(handle: AnyDb, config: Config): JobQueue[] {
  const db: Db = handle
  const context = () => ({ baseUrl: config.baseUrl, now: new Date() })
  return [
    {
      name: 'events.expire-offers',
      cron: '*/5 * * * *',
      handler: () => expireOffers(db, context()),
    },
    {
      name: 'events.remind',
      cron: '7 * * * *',
      handler: () => sendReminders(db, context()),
    },
    {
      name: surveyQueue,
      handler: (data) => mailSurveys(db, String(data.eventId), context()),
    },
    {
      name: certificateQueue,
      concurrency: 2,
      handler: (data) =>
        mailCertificate(db, storageIn(config.dataDir), String(data.registrationId), context()),
    },
  ]
}
