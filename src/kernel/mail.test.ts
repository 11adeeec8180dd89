import assert from 'node:assert/strict'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { loadConfig } from '../config.ts'
import '../texts.ts'
import { redactUrl } from './log.ts'
import { mailQueue, renderMail } from './mail.ts'

test('a mail is rendered in the recipient language, as text and HTML, with names kept and escaped', () => {
  const pl = renderMail('pl', 'invitation', { inviter: 'Anna <Kowalska>' }, 'http://localhost/invitation/abc')
  assert.equal(pl.subject, 'Zaproszenie do Siatki')
  assert.match(pl.text, /Anna <Kowalska> zaprasza/)
  assert.match(pl.text, /http:\/\/localhost\/invitation\/abc/)
  assert.match(pl.html, /Anna &lt;Kowalska/)
  assert.doesNotMatch(pl.html, /<Kowalska/)
  assert.match(pl.html, /<html lang="pl">/)
  const en = renderMail('en', 'invitation', { inviter: 'Anna' })
  assert.equal(en.subject, 'Invitation to Siatka')
})

test('without SMTP_URL a mail is written to the outbox folder as an .eml file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'siatka-outbox-'))
  const queue = mailQueue(loadConfig({ DATA_DIR: dir }))
  await queue.handler({
    to: 'ktos@example.pl',
    ...renderMail('pl', 'passwordReset', { name: 'Ktoś' }, 'http://x/y'),
  })
  const files = readdirSync(join(dir, 'outbox'))
  assert.equal(files.length, 1)
  assert.match(files[0], /\.eml$/)
  const eml = readFileSync(join(dir, 'outbox', files[0]), 'utf8')
  assert.match(eml, /To: ktos@example.pl/)
  assert.match(eml, /Content-Type: text\/html/)
})

test('tokens in links never reach the log', () => {
  assert.equal(redactUrl('/invitation/PkLTiJ3ZFPc_8nQvxkUVH-V0xywBzv10lXbqDRL9cjI'), '/invitation/[token]')
  assert.equal(
    redactUrl('/password-reset/PkLTiJ3ZFPc_8nQvxkUVH-V0xywBzv10lXbqDRL9cjI/renew'),
    '/password-reset/[token]/renew',
  )
  assert.equal(redactUrl('/people?q=ala&page=2'), '/people?q=ala&page=2')
})

test('a token in a page address given to the language switch does not reach the log either', () => {
  const url = '/preferences?lang=en&back=%2Finvitation%2FPkLTiJ3ZFPc_8nQvxkUVH-V0xywBzv10lXbqDRL9cjI'
  assert.equal(redactUrl(url), '/preferences?lang=en&back=%2Finvitation%2F[token]')
})
