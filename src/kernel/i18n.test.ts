import assert from 'node:assert/strict'
import { test } from 'node:test'
import { catalogues } from '../texts.ts'
import { formatDateTime, startOfWarsawDay } from './dates.ts'
import { translator } from './i18n.ts'

const { pl, en } = catalogues

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  )
}

test('the English catalogue has exactly the keys of the Polish one', () => {
  const plKeys = keys(pl).sort()
  const enKeys = keys(en).sort()
  assert.deepEqual(
    plKeys.filter((k) => !enKeys.includes(k)),
    [],
    'keys missing in en',
  )
  assert.deepEqual(
    enKeys.filter((k) => !plKeys.includes(k)),
    [],
    'keys missing in pl',
  )
})

test('no catalogue text is empty', () => {
  for (const [name, cat] of [
    ['pl', pl],
    ['en', en],
  ] as const) {
    for (const k of keys(cat)) {
      const value = k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], cat)
      assert.ok(String(value).trim().length > 0, `${name}: ${k} is empty`)
    }
  }
})

test('Polish plurals follow Polish rules: 1 urządzeniu, 3 urządzeniach, 5 urządzeniach', () => {
  const t = translator('pl')
  assert.equal(t('accounts.profile.sessions', { count: 1 }), 'Jesteś zalogowany(-a) na 1 urządzeniu.')
  assert.equal(t('accounts.profile.sessions', { count: 3 }), 'Jesteś zalogowany(-a) na 3 urządzeniach.')
  assert.equal(t('accounts.profile.sessions', { count: 22 }), 'Jesteś zalogowany(-a) na 22 urządzeniach.')
  assert.equal(translator('en')('accounts.profile.sessions', { count: 1 }), 'You are signed in on 1 device.')
})

test('values put into texts are escaped, so a name cannot inject markup', () => {
  assert.equal(
    translator('pl')('site.home.welcome', { name: '<b>Ala</b>' }),
    'Witaj, &lt;b&gt;Ala&lt;/b&gt;.',
  )
})

test('times are shown in Warsaw time, summer and winter', () => {
  assert.equal(formatDateTime(new Date('2026-07-01T08:00:00Z'), 'pl'), '1 lip 2026, 10:00')
  assert.equal(formatDateTime(new Date('2026-12-01T08:00:00Z'), 'pl'), '1 gru 2026, 09:00')
  assert.equal(startOfWarsawDay('2026-07-01').toISOString(), '2026-06-30T22:00:00.000Z')
  assert.equal(startOfWarsawDay('2026-12-01').toISOString(), '2026-11-30T23:00:00.000Z')
})
