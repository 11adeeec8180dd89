import type { ColumnType, Generated } from 'kysely'

export type CreatedAt = ColumnType<Date, Date | string | undefined, never>
export type Timestamp = ColumnType<Date, Date | string, Date | string>

export interface AuditLogTable {
  id: Generated<string>
  at: CreatedAt
  actor_id: string | null
  actor_email: string | null
  action: string
  subject_type: string | null
  subject_id: string | null
  details: ColumnType<Record<string, unknown>, string, never>
  ip: string | null
}

export interface StoredFilesTable {
  hash: string
  mime_type: string
  size_bytes: number
  created_at: CreatedAt
}

export interface KernelTables {
  audit_log: AuditLogTable
  stored_files: StoredFilesTable
}
