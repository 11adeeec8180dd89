import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { ConfigError, loadConfig } from './config.ts'

const dataDir = () => mkdtempSync(join(tmpdir(), 'siatka-config-'))

test('defaults: port 3000, embedded database with demo data, a session secret kept in the data folder', () => {
  const dir = dataDir()
  const config = loadConfig({ DATA_DIR: dir })
  assert.equal(config.port, 3000)
  assert.equal(config.databaseUrl, undefined)
  assert.equal(config.loadDemo, true)
  assert.equal(config.sessionSecret, readFileSync(join(dir, 'session-secret'), 'utf8'))
  assert.equal(
    loadConfig({ DATA_DIR: dir }).sessionSecret,
    config.sessionSecret,
    'the secret survives a restart',
  )
})

test('PostgreSQL gets no demo data unless SIATKA_DEMO=1', () => {
  const url = 'postgres://u:p@127.0.0.1/siatka'
  assert.equal(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: url }).loadDemo, false)
  assert.equal(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: url, SIATKA_DEMO: '1' }).loadDemo, true)
})

test('bad values stop the start with a message naming each variable', () => {
  assert.throws(
    () =>
      loadConfig({
        DATA_DIR: dataDir(),
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        SMTP_URL: 'http://x',
        SESSION_SECRET: 'short',
      }),
    (err: Error) => {
      assert.ok(err instanceof ConfigError)
      for (const name of ['PORT', 'DATABASE_URL', 'SMTP_URL', 'SESSION_SECRET'])
        assert.match(err.message, new RegExp(name))
      return true
    },
  )
})

test('cookies are Secure when the platform is served over HTTPS', () => {
  assert.equal(loadConfig({ DATA_DIR: dataDir(), BASE_URL: 'https://siatka.example.pl' }).secureCookies, true)
  assert.equal(loadConfig({ DATA_DIR: dataDir() }).secureCookies, false)
})
