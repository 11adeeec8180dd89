import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import type { PlacesMaterials } from '../materials/index.ts'
import { actionQueues } from './actions.ts'
import { attendanceQueues } from './attendance.ts'
import { seedMeetings } from './demo.ts'
import { meetingsQueues } from './notices.ts'
import { meetingRoutes } from './routes.tsx'
import { actionRoutes } from './routes-actions.tsx'
import { attendanceRoutes } from './routes-attendance.tsx'
import { calendarRoutes } from './routes-calendar.tsx'
import { decisionRoutes } from './routes-decisions.tsx'
import { materialPlace, meetingMaterialRoutes } from './routes-materials.tsx'
import { minutesRoutes } from './routes-minutes.tsx'
import { visitRoutes } from './routes-visits.tsx'
import { publicVisitReports } from './views/public-visit-reports.tsx'
import { listPublicReports } from './visits.ts'

/**
 * Meetings of a space: convening, agenda, notices, attendance, the calendar, minutes, the register
 * of decisions, action items and study visits.
 */
export const meetingsModule: SiatkaModule & PlacesMaterials = {
  name: 'meetings',
  migrations: join(import.meta.dirname, 'migrations'),
  async routes(app, { config }) {
    await meetingRoutes(app, { config })
    await calendarRoutes(app, { config })
    await meetingMaterialRoutes(app)
    await attendanceRoutes(app)
    await minutesRoutes(app)
    await decisionRoutes(app)
    await actionRoutes(app)
    await visitRoutes(app)
  },
  queues: (db) => [...meetingsQueues(db), ...attendanceQueues(db), ...actionQueues(db)],
  demo: (trx, storage) => seedMeetings(trx, storage),
  materialPlace,
  // Reports of study visits published to the public, the newest first.
  publicSpaceSection: async (req, ctx, space) =>
    publicVisitReports(ctx, space.id, await listPublicReports(req.db, space.id, 20)),
}
