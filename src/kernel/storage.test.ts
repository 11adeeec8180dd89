import assert from 'node:assert/strict'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { after, before, test } from 'node:test'
import Fastify from 'fastify'
import { freshDatabase } from '../../test/support/app.ts'
import { migrateDatabase } from '../app.ts'
import type { OpenDatabase } from './db.ts'
import { RuleError } from './errors.ts'
import { countStoredFiles, LocalStorage } from './storage.ts'

// The smallest valid PNG (1×1) and the start of a PDF.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
)
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

let database: OpenDatabase
let drop: () => Promise<void>
let storage: LocalStorage
before(async () => {
  ;({ database, drop } = await freshDatabase())
  await migrateDatabase(database.db)
  storage = new LocalStorage(mkdtempSync(join(tmpdir(), 'siatka-files-')))
})
after(() => drop())

const refusedWith = (key: string) => (err: unknown) =>
  err instanceof RuleError && err.key === key && err.field === 'file'

test('a file is kept once by the hash of its content, outside the web root', async () => {
  const a = await storage.put(
    database.db,
    { bytes: pdf, name: 'Protokół.PDF' },
    { field: 'file', allowed: ['pdf'] },
  )
  const b = await storage.put(
    database.db,
    { bytes: pdf, name: 'kopia.pdf' },
    { field: 'file', allowed: ['pdf'] },
  )
  assert.equal(a.hash, b.hash)
  assert.equal(a.mimeType, 'application/pdf')
  assert.ok(existsSync(join(storage.dir, a.hash.slice(0, 2), a.hash)))
  assert.ok(!storage.dir.includes('public'))
  assert.equal(await countStoredFiles(database.db), 1)
})

test('a file whose content does not match its extension is refused', async () => {
  await assert.rejects(
    storage.put(database.db, { bytes: png, name: 'umowa.pdf' }, { field: 'file', allowed: ['pdf', 'png'] }),
    refusedWith('storage.typeMismatch'),
  )
  await assert.rejects(
    storage.put(
      database.db,
      { bytes: Buffer.from('MZ\x90\x00 program'), name: 'faktura.pdf' },
      { field: 'file', allowed: ['pdf'] },
    ),
    refusedWith('storage.typeMismatch'),
  )
})

test('a kind that is not allowed, and a file over the limit, are refused', async () => {
  await assert.rejects(
    storage.put(database.db, { bytes: png, name: 'zdjecie.png' }, { field: 'file', allowed: ['pdf'] }),
    refusedWith('storage.typeMismatch'),
  )
  await assert.rejects(
    storage.put(
      database.db,
      { bytes: Buffer.from('#!/bin/sh'), name: 'skrypt.sh' },
      { field: 'file', allowed: ['pdf'] },
    ),
    refusedWith('storage.typeNotAllowed'),
  )
  await assert.rejects(
    storage.put(
      database.db,
      { bytes: pdf, name: 'duzy.pdf' },
      { field: 'file', allowed: ['pdf'], maxBytes: 10 },
    ),
    refusedWith('storage.tooLarge'),
  )
})

test('a stored file is served with its checked type as a download with the Polish name kept', async () => {
  const stored = await storage.put(
    database.db,
    { bytes: png, name: 'wykres.png' },
    { field: 'file', allowed: ['png'] },
  )
  const app = Fastify()
  app.get('/f', async (_req, reply) => storage.send(database.db, reply, stored.hash, 'Wykres łączny.png'))
  const res = await app.inject('/f')
  assert.equal(res.statusCode, 200)
  assert.equal(res.headers['content-type'], 'image/png')
  assert.equal(res.headers['x-content-type-options'], 'nosniff')
  assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''Wykres%20%C5%82%C4%85czny\.png/)
  assert.deepEqual(res.rawPayload, png)
  await app.close()
})

test('an upload received as a stream is hashed on the way and moved into place, or dropped when already kept', async () => {
  const first = await storage.receive(Readable.from([pdf.subarray(0, 5), pdf.subarray(5)]))
  assert.equal(first.size, pdf.length)
  const kept = await storage.put(
    database.db,
    { ...first, name: 'plan.pdf' },
    { field: 'file', allowed: ['pdf'] },
  )
  const again = await storage.receive(Readable.from([pdf]))
  assert.equal(again.hash, first.hash)
  await storage.put(database.db, { ...again, name: 'kopia.pdf' }, { field: 'file', allowed: ['pdf'] })
  assert.ok(existsSync(join(storage.dir, kept.hash.slice(0, 2), kept.hash)))
  assert.ok(!existsSync(first.path) && !existsSync(again.path), 'no temporary file left')
  const wrong = await storage.receive(Readable.from([png]))
  await assert.rejects(
    storage.put(database.db, { ...wrong, name: 'umowa.pdf' }, { field: 'file', allowed: ['pdf'] }),
    refusedWith('storage.typeMismatch'),
  )
  await storage.discard(wrong.path)
  assert.ok(!existsSync(wrong.path))
})
