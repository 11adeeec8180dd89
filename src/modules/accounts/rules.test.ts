import assert from 'node:assert/strict'
import { test } from 'node:test'
import { hashToken, newToken } from '../../kernel/tokens.ts'
import { linkState, passwordProblem, waitUntil } from './rules.ts'

test('a password must be long enough, not a breached one and not the email address', () => {
  assert.equal(passwordProblem('krótkie'), 'tooShort')
  assert.equal(passwordProblem('a'.repeat(129)), 'tooLong')
  assert.equal(passwordProblem('Password123'), 'breached')
  assert.equal(passwordProblem('qwertyuiop'), 'breached')
  assert.equal(passwordProblem('Haslo123!!'), 'breached')
  assert.equal(passwordProblem('jan.kowalski-2026', 'jan.kowalski@example.pl'), 'containsEmail')
  assert.equal(passwordProblem('Demo-Siatka-2026'), null)
  assert.equal(passwordProblem('Zielona łąka nad Wisłą'), null)
})

test('a link token is random and only its hash is kept', () => {
  const a = newToken()
  const b = newToken()
  assert.notEqual(a.token, b.token)
  assert.equal(a.hash, hashToken(a.token))
  assert.notEqual(a.hash, a.token)
  assert.match(a.token, /^[A-Za-z0-9_-]{43}$/)
})

test('a link is valid until it expires or is used, and unknown when there is none', () => {
  const now = new Date('2026-11-23T12:00:00Z')
  const later = new Date('2026-11-23T13:00:00Z')
  assert.equal(linkState({ expires_at: later, used_at: null }, now), 'valid')
  assert.equal(linkState({ expires_at: now, used_at: null }, now), 'expired')
  assert.equal(linkState({ expires_at: later, used_at: now }, now), 'used')
  assert.equal(linkState(undefined, now), 'unknown')
})

test('the page to return to stays on this site and is safe to put in a Location header', async () => {
  const { safeNext } = await import('../../kernel/redirect.ts')
  assert.equal(safeNext('/spaces/3?tab=members'), '/spaces/3?tab=members')
  assert.equal(safeNext('//evil.example'), '/')
  assert.equal(safeNext('https://evil.example'), '/')
  assert.equal(safeNext('/a\\b'), '/')
  assert.equal(safeNext('/a\r\nSet-Cookie: x'), '/')
  assert.equal(safeNext('/szukaj?q=żółw'), '/szukaj?q=%C5%BC%C3%B3%C5%82w')
  assert.equal(safeNext('/Ā'), '/%C4%80')
  assert.equal(safeNext('/\uD800'), '/')
})

test('failed sign-ins make the next try wait from the limit on: one minute, then doubling, at most fifteen', () => {
  const last = new Date('2026-12-07T09:00:00Z')
  const at = (seconds: number) => new Date(last.getTime() + seconds * 1000)
  const after = (failures: number, seconds: number) =>
    waitUntil({ failures, last_failed_at: last }, 5, at(seconds))
  assert.equal(waitUntil(undefined, 5, at(0)), null)
  assert.equal(after(4, 1), null, 'under the limit: try at once')
  assert.deepEqual(after(5, 1), at(60))
  assert.equal(after(5, 60), null, 'the minute has passed')
  assert.deepEqual(after(6, 1), at(120))
  assert.deepEqual(after(8, 1), at(480))
  assert.deepEqual(after(9, 1), at(900), 'sixteen minutes would be more than fifteen')
  assert.deepEqual(after(30, 899), at(900))
  assert.equal(after(30, 900), null, 'a quarter of an hour without a failure forgets them')
})
