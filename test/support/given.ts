// Small builders for test data, each making just what a test needs.
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { addDays, warsawInstant } from '../../src/kernel/dates.ts'
import type { Database } from '../../src/kernel/db.ts'
import type { GlobalRole, SpaceRole } from '../../src/kernel/policy.ts'
import type { LocalStorage, StoredFile } from '../../src/kernel/storage.ts'
import { hashPassword } from '../../src/modules/accounts/service.ts'
import { demoPassword } from './client.ts'

let demoHash: Promise<string> | undefined

export const uniqueEmail = (prefix = 'osoba') => `${prefix}.${randomBytes(4).toString('hex')}@example.pl`

/** A person who can sign in with the demo password. */
export async function givenPerson(
  db: Kysely<Database>,
  p: { role?: GlobalRole; name?: string; email?: string; active?: boolean; lang?: 'pl' | 'en' } = {},
) {
  demoHash ??= hashPassword(demoPassword)
  return db
    .insertInto('people')
    .values({
      email: p.email ?? uniqueEmail(),
      name: p.name ?? 'Jan Testowy',
      password_hash: await demoHash,
      role: p.role ?? 'member',
      organisation_id: null,
      lang: p.lang ?? 'pl',
      is_active: p.active ?? true,
      updated_at: new Date(),
    })
    .returning(['id', 'email', 'name', 'role'])
    .executeTakeFirstOrThrow()
}

export function linkFrom(text: string): string {
  const m = /https?:\/\/\S+\/(invitation|password-reset)\/[A-Za-z0-9_-]+/.exec(text)
  if (!m) throw new Error(`no link in mail:\n${text}`)
  return new URL(m[0]).pathname
}

/** A space (network or body) with its secretary; public when asked. */
export async function givenSpace(
  db: Kysely<Database>,
  p: { name?: string; secretaryId?: string | null; isPublic?: boolean; status?: 'forming' | 'active' } = {},
) {
  const name = p.name ?? `KST testowa ${randomBytes(3).toString('hex')}`
  return db
    .insertInto('spaces')
    .values({
      name_pl: name,
      name_en: `${name} (EN)`,
      type: 'thematic_network',
      status: p.status ?? 'active',
      theme_pl: 'Temat testowy',
      theme_en: 'Test theme',
      description_pl: 'Opis sieci testowej.',
      description_en: 'A test network.',
      secretary_id: p.secretaryId ?? null,
      is_public: p.isPublic ?? false,
      public_chair: true,
      public_members: true,
      public_schedule: true,
      updated_at: new Date(),
    })
    .returning(['id', 'name_pl', 'name_en'])
    .executeTakeFirstOrThrow()
}

/** A person's role in a space from a day (default: a year ago) until an end day (default: open). */
export async function givenMember(
  db: Kysely<Database>,
  spaceId: string,
  personId: string,
  p: { role?: SpaceRole; startsOn?: string; endsOn?: string | null; deputyFor?: string | null } = {},
) {
  const yearAgo = new Date(Date.now() - 365 * 24 * 3600_000).toISOString().slice(0, 10)
  await db
    .insertInto('space_memberships')
    .values({
      space_id: spaceId,
      person_id: personId,
      role: p.role ?? 'member',
      represents: 'ngo',
      organisation_id: null,
      starts_on: p.startsOn ?? yearAgo,
      ends_on: p.endsOn ?? null,
      proposal_id: null,
      deputy_for: p.deputyFor ?? null,
      added_by: personId,
    })
    .execute()
}

/**
 * A material with one Polish PDF file (version 1), stored as an upload stores it: what a material's
 * page, its download, a translation or a public page needs. `bytes` defaults to a minimal PDF;
 * `stored` is the stored file, for a test that attaches it elsewhere too.
 */
export async function givenMaterialWithFile(
  db: Kysely<Database>,
  storage: LocalStorage,
  p: {
    spaceId: string
    by: string
    title: string
    meetingId?: string | null
    visibility?: 'members' | 'public'
    bytes?: Buffer
  },
): Promise<{ id: string; fileId: string; stored: StoredFile }> {
  const stored = await storage.put(
    db,
    { bytes: p.bytes ?? Buffer.from('%PDF-1.4\n%%EOF\n'), name: 'plan.pdf' },
    { field: 'file', allowed: ['pdf'] },
  )
  const material = await db
    .insertInto('materials')
    .values({
      space_id: p.spaceId,
      meeting_id: p.meetingId ?? null,
      agenda_item_id: null,
      title: p.title,
      visibility: p.visibility ?? 'members',
      created_by: p.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const file = await db
    .insertInto('material_files')
    .values({
      material_id: material.id,
      language: 'pl',
      version: 1,
      file_hash: stored.hash,
      kind: stored.kind,
      mime_type: stored.mimeType,
      size_bytes: stored.sizeBytes,
      original_name: 'plan.pdf',
      uploaded_by: p.by,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: material.id, fileId: file.id, stored }
}

/** A planned meeting of a space on a Warsaw day, 10:00–14:00, numbered `number` in its year. */
export async function givenMeeting(
  db: Kysely<Database>,
  p: { spaceId: string; by: string; day: string; number?: number; subject?: string },
): Promise<{ id: string }> {
  return db
    .insertInto('meetings')
    .values({
      space_id: p.spaceId,
      kind: 'meeting',
      year: Number(p.day.slice(0, 4)),
      number: p.number ?? 1,
      subject: p.subject ?? 'Posiedzenie',
      starts_at: warsawInstant(p.day, '10:00'),
      ends_at: warsawInstant(p.day, '14:00'),
      place: 'ul. Limanowskiego 23, Warszawa',
      online_url: '',
      confirm_by: warsawInstant(addDays(p.day, -7), '23:59'),
      status: 'planned',
      created_by: p.by,
      updated_at: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
}

/** The id of the person with that address (a demo account, say). */
export const personIdOf = async (db: Kysely<Database>, email: string) =>
  (await db.selectFrom('people').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id

/** A project's id by its acronym ('SIRES', 'PSWPS'). */
export const projectIdOf = async (db: Kysely<Database>, acronym: string) =>
  (await db.selectFrom('projects').select('id').where('acronym', '=', acronym).executeTakeFirstOrThrow()).id
