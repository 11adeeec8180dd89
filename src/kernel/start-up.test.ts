// What happens around the HTTP server: the data-folder lock, migrations run by two processes
// at once, failures that must not leak, and health when the database is gone.
import assert from 'node:assert/strict'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { freshDatabase } from '../../test/support/app.ts'
import { buildApp, migrateDatabase } from '../app.ts'
import { loadConfig } from '../config.ts'
import { openPglite } from './db.ts'
import { DataDirLockedError, lockDataDir } from './lock.ts'

test('a second process on the same embedded data folder is refused with a clear message', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'siatka-lock-'))
  const unlock = await lockDataDir(dir)
  await assert.rejects(lockDataDir(dir), (err: Error) => {
    assert.ok(err instanceof DataDirLockedError)
    assert.match(err.message, /Another Siatka process is already using the database/)
    return true
  })
  await unlock()
  const again = await lockDataDir(dir)
  await again()
})

test('migrations started twice at once apply once and leave a working schema', async () => {
  const { database, drop } = await freshDatabase()
  try {
    await Promise.all([migrateDatabase(database.db), migrateDatabase(database.db)])
    await migrateDatabase(database.db)
    const n = await database.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    assert.equal(Number(n.n), 0)
  } finally {
    await drop()
  }
})

test('an unexpected error shows a polite page in the person language and no stack trace', async () => {
  const database = await openPglite()
  await migrateDatabase(database.db)
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'siatka-500-')), LOG_LEVEL: 'silent' })
  const app = await buildApp(config, database)
  app.get('/boom', { config: { permission: 'public' } }, async () => {
    throw new Error('secret internal detail')
  })
  const res = await app.inject({ url: '/boom', headers: { 'accept-language': 'en' } })
  assert.equal(res.statusCode, 500)
  assert.match(res.body, /Sorry, there is a problem with the service/)
  assert.doesNotMatch(res.body, /secret internal detail|at .*\.ts/)
  await app.close()
  await database.close()
})

test('/health answers 503 when the database is unreachable', async () => {
  const database = await openPglite()
  await migrateDatabase(database.db)
  const config = loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'siatka-503-')), LOG_LEVEL: 'silent' })
  const app = await buildApp(config, database)
  await app.ready()
  await database.close()
  const res = await app.inject('/health')
  assert.equal(res.statusCode, 503)
  assert.equal(res.json().database, 'unreachable')
  await app.close()
})
