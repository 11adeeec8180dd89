// The accounts module's public face beside service.ts.
export { type OrganisationType, organisationTypes } from './tables.ts'

import type { AccountsTables } from './tables.ts'

/** People and organisations: every module may read them, to show names in the same statement. */
export type PeopleTables = Pick<AccountsTables, 'people' | 'organisations'>
