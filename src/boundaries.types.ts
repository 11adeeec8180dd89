// Checked by the type check (`tsc`), never run: each module's handle names only its own tables, the
// kernel's, people and organisations. If a module's db.ts were widened, an expected error below
// would vanish and the type check would fail.
import type { Db as Accounts } from './modules/accounts/db.ts'
import type { Db as Analyses } from './modules/analyses/db.ts'
import type { Db as Materials } from './modules/materials/db.ts'
import type { Db as Meetings } from './modules/meetings/db.ts'
import type { Db as Notifications } from './modules/notifications/db.ts'
import type { Db as Spaces } from './modules/spaces/db.ts'

interface Handles {
  accounts: Accounts
  analyses: Analyses
  materials: Materials
  meetings: Meetings
  notifications: Notifications
  spaces: Spaces
}

export function tablesEachModuleMayName(db: Handles) {
  // Its own, the kernel's, people and organisations compile:
  db.meetings.selectFrom('meetings').innerJoin('people', 'people.id', 'meetings.created_by')
  db.spaces
    .selectFrom('space_memberships')
    .innerJoin('organisations', 'organisations.id', 'space_memberships.organisation_id')
  db.materials
    .selectFrom('material_files')
    .innerJoin('stored_files', 'stored_files.hash', 'material_files.file_hash')
  // Another module's do not:
  // @ts-expect-error meetings read spaces through spaces' public rows (spaceRows)
  db.meetings.selectFrom('spaces')
  // @ts-expect-error
  db.meetings.selectFrom('materials')
  // @ts-expect-error materials may not name the meetings' agenda
  db.materials.selectFrom('agenda_items')
  // @ts-expect-error
  db.analyses.selectFrom('space_memberships')
  // @ts-expect-error
  db.spaces.selectFrom('meetings')
  // @ts-expect-error
  db.notifications.selectFrom('decisions')
  // @ts-expect-error accounts stand below every other module
  db.accounts.selectFrom('notifications')
}
