// Where the embedded PostgreSQL keeps a data folder's cluster as root (/var/lib/siatka/<hash>):
// deleting the data folder to start afresh must give a fresh database, not the old one back.
import assert from 'node:assert/strict'
import { existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { embeddedLayout, rootHome } from './embedded-postgres-layout.ts'

test('as root, a deleted data folder starts a new cluster; the old one is set aside, not reused', async (t) => {
  if (process.getuid?.() !== 0) {
    t.skip('the cluster leaves the data folder only when Siatka runs as root')
    return
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'siatka-layout-'))
  const first = await embeddedLayout(dataDir)
  const aside: string[] = []
  try {
    assert.ok(first.home.startsWith(`${rootHome}/`), first.home)
    assert.equal(realpathSync(join(dataDir, 'postgres')), first.home, 'the data folder links to it')
    writeFileSync(join(first.home, 'marker'), 'old data')

    // The same path, its folder deleted and made again.
    rmSync(dataDir, { recursive: true, force: true })
    const notes: string[] = []
    const second = await embeddedLayout(dataDir, {}, notes)
    assert.equal(second.home, first.home, 'the same place for the same path')
    assert.ok(!existsSync(join(second.home, 'marker')), 'the old cluster is not reused')
    aside.push(
      ...readdirSync(rootHome).filter((n) => n.startsWith(`${first.home.split('/').pop()}.orphaned-`)),
    )
    assert.equal(aside.length, 1, 'the old cluster is kept aside')
    assert.match(notes.join('\n'), /set aside .*orphaned-.*the cluster of a deleted data folder/)
  } finally {
    rmSync(first.home, { recursive: true, force: true })
    for (const name of aside) rmSync(join(rootHome, name), { recursive: true, force: true })
    rmSync(dataDir, { recursive: true, force: true })
  }
})
