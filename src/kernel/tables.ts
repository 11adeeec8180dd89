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

export const deliveryStatuses = ['queued', 'accepted', 'failed'] as const
export type DeliveryStatus = (typeof deliveryStatuses)[number]

/** A tracked mail to one recipient: what the SMTP server answered is the proof of delivery. */
export interface MailDeliveriesTable {
  id: string
  recipient: string
  subject: string
  status: Generated<DeliveryStatus>
  smtp_reply: string | null
  error: string | null
  attempts: Generated<number>
  queued_at: CreatedAt
  updated_at: Timestamp
}

export interface KernelTables {
  audit_log: AuditLogTable
  stored_files: StoredFilesTable
  mail_deliveries: MailDeliveriesTable
}
