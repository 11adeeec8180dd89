// The register across spaces (/decisions): which body took each decision, and filters that say
// when what was typed cannot be used.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { signedIn } from '../../../../test/support/client.ts'
import { fieldError } from '../../../../test/support/html.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

/** Each row of the register's table as its cells' text. */
function tableRows(html: string): string[][] {
  const table = /<table[\s\S]*?<\/table>/.exec(html)?.[0] ?? ''
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) =>
      c[1]
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  )
}

test('a member sees beside each decision the body that took it, so two of the same title can be told apart', async () => {
  const member = await signedIn(h.app, 'przewodniczacy@demo.siatka.test')
  const [head, ...rows] = tableRows((await member.get('/decisions')).body)
  const column = head.indexOf('Sieć lub ciało')
  assert.ok(column > 0, `columns: ${head.join(' | ')}`)
  assert.ok(rows.length > 0)
  for (const row of rows) assert.match(row[column], /\S/, row.join(' | '))
})

test('a year that is not one is shown back beside the field with a message, and the list is of every year', async () => {
  const member = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const every = tableRows((await member.get('/decisions')).body).length
  const res = await member.get(`/decisions?year=${encodeURIComponent('dwa tysiące')}`)
  assert.equal(res.statusCode, 200)
  assert.match(fieldError(res.body, 'year') ?? '', /Wpisz rok cyframi, np\. 2026/)
  assert.match(res.body, /id="field-year"[^>]*value="dwa tysiące"|value="dwa tysiące"[^>]*id="field-year"/)
  assert.equal(tableRows(res.body).length, every)

  const good = await member.get(`/decisions?year=${new Date().getFullYear()}`)
  assert.equal(fieldError(good.body, 'year'), undefined)
})
