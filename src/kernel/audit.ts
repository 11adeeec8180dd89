import type { AnyDb, KernelDb } from './db.ts'

/** Who acted: a signed-in person (an Actor fits) or an anonymous request with its address. */
export interface AuditWho {
  id: string | null
  email: string | null
  ip: string | null
}

export interface AuditEntry {
  action: string
  subjectType?: string
  subjectId?: string
  details?: Record<string, unknown>
}

/** Every change of state by a person goes through here, in the same transaction as the change. */
export async function audit(handle: AnyDb, who: AuditWho, entry: AuditEntry) {
  const db: KernelDb = handle
  await db
    .insertInto('audit_log')
    .values({
      actor_id: who.id,
      actor_email: who.email,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      ip: who.ip,
    })
    .execute()
}
