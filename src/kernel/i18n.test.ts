import assert from 'node:assert/strict'
import { test } from 'node:test'
import { catalogues } from '../texts.ts'
import { formatDateTime, startOfWarsawDay, warsawDayAndTime } from './dates.ts'
import { translateSlowly, translator, unescaped } from './i18n.ts'

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

test('every text with values reads the same filled in quickly as through i18next, escaped and not', () => {
  const hostile = `<a href="/x?a=1&b=2">O'Brien</a>`
  let checked = 0
  for (const lang of ['pl', 'en'] as const) {
    const t = translator(lang) as unknown as (k: string, o?: object) => string
    for (const key of keys(catalogues[lang])) {
      const text = key
        .split('.')
        .reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], catalogues[lang])
      const names = [...String(text).matchAll(/\{\{\s*([^{}\s,]+)\s*\}\}/g)].map((m) => m[1])
      if (names.length === 0 || /_(one|few|many|other)$/.test(key)) continue
      // Every value given, a hostile one, a number and a missing one (which stays as it was written).
      const values = Object.fromEntries(names.map((n, i) => [n, i === 0 ? hostile : i === 1 ? 1234 : null]))
      for (const options of [values, { ...values, ...unescaped }, {}, { [names[0]]: undefined }]) {
        assert.equal(
          t(key, options),
          translateSlowly(lang, key, options),
          `${lang} ${key} ${JSON.stringify(options)}`,
        )
      }
      checked++
    }
  }
  assert.ok(checked > 200, `${checked} texts with values were checked`)
})

test('times are shown in Warsaw time, summer and winter', () => {
  assert.equal(formatDateTime(new Date('2026-07-01T08:00:00Z'), 'pl'), '1 lip 2026, 10:00')
  assert.equal(formatDateTime(new Date('2026-12-01T08:00:00Z'), 'pl'), '1 gru 2026, 09:00')
  assert.equal(startOfWarsawDay('2026-07-01').toISOString(), '2026-06-30T22:00:00.000Z')
  assert.equal(startOfWarsawDay('2026-12-01').toISOString(), '2026-11-30T23:00:00.000Z')
})

test('Warsaw time is right on both sides of each clock change, every hour of two years', () => {
  // The clocks go forward at 01:00 UTC on the last Sunday of March and back on the last of October.
  const at = (iso: string) => formatDateTime(new Date(iso), 'pl')
  assert.equal(at('2026-03-29T00:59:00Z'), '29 mar 2026, 01:59')
  assert.equal(at('2026-03-29T01:00:00Z'), '29 mar 2026, 03:00')
  assert.equal(at('2026-10-25T00:59:00Z'), '25 paź 2026, 02:59')
  assert.equal(at('2026-10-25T01:00:00Z'), '25 paź 2026, 02:00')
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Warsaw',
    dateStyle: 'short',
    timeStyle: 'short',
  })
  for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2028, 0, 1); ms += 3_600_000 + 17 * 60_000) {
    const { day, time } = warsawDayAndTime(new Date(ms))
    const [d, t] = parts.format(new Date(ms)).split(', ')
    assert.equal(`${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)} ${time}`, `${d} ${t}`)
  }
})
