import { join } from 'node:path'
import type { SiatkaModule } from '../../kernel/module.ts'
import { storageIn } from '../../kernel/storage.ts'
import type { PlacesMaterials } from '../materials/index.ts'
import { actionRoutes } from './actions/routes.tsx'
import { actionQueues } from './actions/service.ts'
import { attendanceRoutes } from './attendance/routes.tsx'
import { attendanceQueues } from './attendance/service.ts'
import { calendarRoutes } from './calendar/routes.tsx'
import { decisionRoutes } from './decisions/routes.tsx'
import { seedMeetings } from './demo.ts'
import { revisionFileQueues } from './minutes/revision-files.ts'
import { minutesRoutes } from './minutes/routes.tsx'
import { meetingsQueues } from './notices/service.ts'
import { publicMeetingsSection } from './public/section.tsx'
import { meetingRoutes } from './routes.tsx'
import { materialPlace, meetingMaterialRoutes } from './routes-materials.tsx'
import { meetingsStartSections } from './start.ts'
import { visitRoutes } from './visits/routes.tsx'

/**
 * Meetings of a space: convening, agenda, notices, attendance, the calendar, minutes, the register
 * of decisions, action items and study visits.
 */
export const meetingsModule: SiatkaModule & PlacesMaterials = {
  name: 'meetings',
  nav: [
    {
      group: 'meetings',
      key: 'calendar',
      href: '/calendar',
      label: 'layout.nav.calendar',
      shownTo: 'signedIn',
    },
    { group: 'meetings', key: 'actions', href: '/actions', label: 'layout.nav.actions', shownTo: 'signedIn' },
    {
      group: 'documents',
      key: 'decisions',
      href: '/decisions',
      label: 'layout.nav.decisions',
      shownTo: 'signedIn',
    },
  ],
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
  queues: (db, config) => [
    ...meetingsQueues(db),
    ...attendanceQueues(db),
    ...actionQueues(db),
    ...revisionFileQueues(db, storageIn(config.dataDir)),
  ],
  demo: (trx, storage) => seedMeetings(trx, storage),
  startSections: meetingsStartSections,
  materialPlace,
  // Its meetings told of with their public materials, its approved decisions, its visits' reports.
  publicSpaceSection: (req, ctx, space) => publicMeetingsSection(req, ctx, space),
}
