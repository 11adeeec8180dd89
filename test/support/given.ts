// Small builders for test data, each making just what a test needs.
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from '../../src/kernel/db.ts'
import type { GlobalRole } from '../../src/kernel/policy.ts'
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
