// Statements the app runs again and again are prepared by name on each connection: PostgreSQL parses
// and plans them once per connection, and the app sends only their parameters afterwards.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'kysely'
import { freshDatabase } from '../../test/support/app.ts'
import { type OpenDatabase, StatementNames } from './db.ts'

test('a statement text is named from its second run, the same name each time after', () => {
  const names = new StatementNames()
  assert.equal(names.nameFor('select $1'), undefined)
  const name = names.nameFor('select $1')
  assert.ok(name)
  assert.equal(names.nameFor('select $1'), name)
  assert.notEqual(names.nameFor('select $2') ?? names.nameFor('select $2'), name)
})

test('no more texts are named than the bound, so varying texts cannot fill the server', () => {
  const names = new StatementNames(3, 1)
  const given = ['a', 'b', 'c', 'd', 'e'].map((t) => names.nameFor(`select ${t}`))
  assert.deepEqual(given.slice(0, 3).filter(Boolean).length, 3)
  assert.deepEqual(given.slice(3), [undefined, undefined])
  assert.equal(names.size, 3)
})

let database: OpenDatabase
let drop: () => Promise<void>
before(async () => {
  ;({ database, drop } = await freshDatabase())
})
after(() => drop())

test('a query run twice on a connection is then prepared there, and still answers right', async () => {
  await database.db.connection().execute(async (db) => {
    const prepared = () =>
      sql<{
        n: number
      }>`select count(*)::int as n from pg_prepared_statements where statement like '%siatka-probe%'`
        .execute(db)
        .then((r) => r.rows[0].n)
    const probe = (v: number) => sql<{ v: number }>`select ${v}::int as v /* siatka-probe */`.execute(db)
    assert.equal((await probe(1)).rows[0].v, 1)
    assert.equal(await prepared(), 0)
    assert.equal((await probe(2)).rows[0].v, 2)
    assert.equal((await probe(3)).rows[0].v, 3)
    assert.equal(await prepared(), 1)
  })
})
