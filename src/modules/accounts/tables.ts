import type { ColumnType, Generated } from 'kysely'
import type { Lang } from '../../kernel/i18n.ts'
import type { GlobalRole } from '../../kernel/policy.ts'
import type { CreatedAt, Timestamp } from '../../kernel/tables.ts'

export const organisationTypes = [
  'ngo',
  'local_government',
  'public_administration',
  'enterprise',
  'university',
  'other',
] as const
export type OrganisationType = (typeof organisationTypes)[number]

export interface OrganisationsTable {
  id: Generated<string>
  name: string
  type: OrganisationType
  country: string
  nip: string | null
  regon: string | null
  address: string | null
  website: string | null
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface PeopleTable {
  id: Generated<string>
  email: string
  name: string
  password_hash: string | null
  role: GlobalRole
  organisation_id: string | null
  position: string | null
  phone: string | null
  lang: Lang
  is_active: Generated<boolean>
  created_at: CreatedAt
  updated_at: Timestamp
}

export interface SessionsTable {
  id: Generated<string>
  token_hash: string
  person_id: string
  created_at: CreatedAt
  expires_at: Timestamp
  ip: string | null
  user_agent: string | null
}

export interface InvitationsTable {
  id: Generated<string>
  email: string
  role: GlobalRole
  organisation_id: string | null
  token_hash: string
  /** None for a registration: an invitation the person asked for themselves (a community member). */
  invited_by: string | null
  created_at: CreatedAt
  expires_at: Timestamp
  used_at: ColumnType<Date | null, never, Date | string>
  revoked_at: ColumnType<Date | null, never, Date | string>
}

export interface PasswordResetsTable {
  id: Generated<string>
  person_id: string
  token_hash: string
  created_at: CreatedAt
  expires_at: Timestamp
  used_at: ColumnType<Date | null, never, Date | string>
}

/** Failed sign-ins in a row, per key: `account:<address typed>` or `address:<IP>`. */
export interface SignInFailuresTable {
  key: string
  failures: number
  last_failed_at: Date
}

export interface AccountsTables {
  organisations: OrganisationsTable
  people: PeopleTable
  sessions: SessionsTable
  invitations: InvitationsTable
  password_resets: PasswordResetsTable
  sign_in_failures: SignInFailuresTable
}

// The module's tables join the app's database type (kernel/db.ts).
declare module '../../kernel/db.ts' {
  interface Database extends AccountsTables {}
}
