import type { ColumnType, Generated } from 'kysely'
import type { CreatedAt } from '../../kernel/tables.ts'

export const deliveries = ['immediate', 'daily', 'none'] as const
export type Delivery = (typeof deliveries)[number]

export interface NotificationsTable {
  id: Generated<string>
  person_id: string
  /** A `notifications.kinds.*` catalogue entry: the text is made in the reader's language when shown. */
  kind: string
  params: ColumnType<Record<string, string>, string, never>
  link: string
  created_at: CreatedAt
  read_at: Date | null
  /** When it went out by mail (at once or in a digest); stays empty for people who want no mail. */
  mailed_at: Date | null
  /** How what the person follows wants it delivered, over their own setting (null: as they set). */
  delivery: Delivery | null
  /** What one click in its mail stops (`<module's stop>:<id>`, kernel/module.ts MailStop), or null: its kind of mail. */
  stop: string | null
}

export interface NotificationSettingsTable {
  person_id: string
  delivery: Delivery
  updated_at: Date
}

/** A kind of notification the person wants no mail about (they still see it in Siatka). */
export interface NotificationMailOptOutsTable {
  person_id: string
  kind: string
  created_at: CreatedAt
}

export interface NotificationsTables {
  notifications: NotificationsTable
  notification_settings: NotificationSettingsTable
  notification_mail_opt_outs: NotificationMailOptOutsTable
}

// The module's tables join the app's database type (kernel/db.ts).
declare module '../../kernel/db.ts' {
  interface Database extends NotificationsTables {}
}
