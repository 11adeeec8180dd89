import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { startTestApp, type TestApp } from '../../test/support/app.ts'
import { Client, signedIn } from '../../test/support/client.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

test('the home page is in Polish by default, with a skip link, the accessibility controls and a language switch', async () => {
  const res = await new Client(h.app).get('/')
  assert.equal(res.statusCode, 200)
  assert.match(res.body, /^<!doctype html><html lang="pl"/)
  assert.match(res.body, /<a href="#main" class="govuk-skip-link">Przejdź do treści<\/a>/)
  assert.match(res.body, /Czcionki:/)
  assert.match(res.body, /Kontrast:/)
  assert.match(res.body, /href="\/preferences\?lang=en&back=%2F"/)
})

test('an English browser gets English until the person chooses otherwise', async () => {
  const client = new Client(h.app)
  const en = await client.get('/', { 'accept-language': 'en-GB,en;q=0.9' })
  assert.match(en.body, /<html lang="en"/)
  await client.get('/preferences?lang=pl&back=%2Fcookies')
  assert.match((await client.get('/', { 'accept-language': 'en-GB' })).body, /<html lang="pl"/)
})

test('the language switch keeps the current page', async () => {
  const client = new Client(h.app)
  const res = await client.get(`/preferences?lang=en&back=${encodeURIComponent('/people?q=ab&page=2')}`)
  assert.equal(res.statusCode, 303)
  assert.equal(res.headers.location, '/people?q=ab&page=2')
  assert.equal(client.cookies.get('siatka_lang'), 'en')
})

test('the switch never sends a person to another site', async () => {
  const res = await new Client(h.app).get('/preferences?lang=en&back=https://evil.example/')
  assert.equal(res.headers.location, '/')
  const slashes = await new Client(h.app).get('/preferences?lang=en&back=//evil.example/')
  assert.equal(slashes.headers.location, '/')
  // Browsers drop a tab from a Location, which would make "/\t/evil.example" protocol-relative.
  for (const back of ['/%09/evil.example', '/%5Cevil.example', '/%0d%0aSet-Cookie:x=1']) {
    const res = await new Client(h.app).get(`/preferences?lang=en&back=${back}`)
    assert.equal(res.headers.location, '/', back)
  }
})

test('larger text and high contrast are remembered and can be turned off', async () => {
  const client = new Client(h.app)
  await client.get('/preferences?textSize=large&back=/')
  await client.get('/preferences?contrast=high&back=/')
  const both = await client.get('/')
  assert.match(both.body, /<html lang="pl" class="govuk-template siatka-text-large siatka-contrast-high"/)
  assert.match(both.body, /aria-current="true"[^>]*>Większa/)
  await client.get('/preferences?textSize=normal&back=/')
  const contrastOnly = await client.get('/')
  assert.match(contrastOnly.body, /class="govuk-template siatka-contrast-high"/)
})

test('the cookie notice can be hidden without JavaScript and stays hidden', async () => {
  const client = new Client(h.app)
  assert.match((await client.get('/')).body, /govuk-cookie-banner/)
  await client.get('/preferences?cookieNotice=hide&back=/')
  assert.doesNotMatch((await client.get('/')).body, /govuk-cookie-banner/)
})

test('anonymous pages without a form set no cookie at all', async () => {
  const res = await new Client(h.app).get('/')
  assert.equal(res.cookies.length, 0)
})

test('a form posted without its CSRF token gets a 403 page that explains, in the reader language', async () => {
  const client = new Client(h.app)
  const res = await client.post('/sign-in', { email: 'a@b.pl', password: 'x' }, { csrf: false })
  assert.equal(res.statusCode, 403)
  assert.match(res.body, /Formularz wygasł/)
  const wrong = await client.post('/sign-in', { email: 'a@b.pl', password: 'x' }, { csrf: 'zly-token' })
  assert.equal(wrong.statusCode, 403)
})

test('unknown routes answer a 404 page in the person language', async () => {
  const client = new Client(h.app)
  const pl = await client.get('/nie-ma-takiej-strony')
  assert.equal(pl.statusCode, 404)
  assert.match(pl.body, /Nie znaleziono strony/)
  await client.get('/preferences?lang=en&back=/')
  const en = await client.get('/no-such-page')
  assert.match(en.body, /Page not found/)
})

test('pages forbid inline script and framing through Content-Security-Policy', async () => {
  const res = await new Client(h.app).get('/')
  const csp = String(res.headers['content-security-policy'])
  assert.match(csp, /script-src 'self'/)
  assert.doesNotMatch(csp, /unsafe-inline/)
  assert.match(csp, /frame-ancestors 'none'/)
  assert.equal(res.headers['x-content-type-options'], 'nosniff')
  assert.doesNotMatch(res.body, /<script>/)
})

test('/health answers 200 when the database is reachable', async () => {
  const res = await h.app.inject('/health')
  assert.equal(res.statusCode, 200)
  assert.deepEqual(res.json(), { status: 'ok', database: 'reachable' })
})

test('requests for reset links are rate limited with a page that says so', async () => {
  const limited = await startTestApp({
    rateLimits: {
      signInPerAccount: 3,
      signInPerAddress: 3,
      passwordReset: 3,
      invitation: 3,
      windowMs: 60_000,
    },
  })
  try {
    const client = new Client(limited.app)
    const codes: number[] = []
    for (let i = 0; i < 5; i++)
      codes.push((await client.post('/password-reset', { email: `x${i}@example.pl` })).statusCode)
    assert.deepEqual(codes, [200, 200, 200, 429, 429])
    const last = await client.post('/password-reset', { email: 'x@example.pl' })
    assert.match(last.body, /Zbyt wiele prób/)
  } finally {
    await limited.close()
  }
})

test('after a refused form, the language switch returns to the form page, not to the address it was posted to', async () => {
  const client = new Client(h.app)
  await client.get('/sign-in')
  const res = await h.app.inject({
    method: 'POST',
    url: '/sign-in',
    headers: {
      cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      referer: 'http://localhost:3000/sign-in?next=%2Fprofile',
      host: 'localhost:3000',
      'content-type': 'application/x-www-form-urlencoded',
    },
    payload: new URLSearchParams({ email: 'zly', password: '', _csrf: client.csrf ?? '' }).toString(),
  })
  assert.equal(res.statusCode, 422)
  assert.match(res.body, /href="\/preferences\?lang=en&back=%2Fsign-in%3Fnext%3D%252Fprofile"/)
})

test('a public page is the same for every anonymous visitor and personal once signed in', async () => {
  const first = await new Client(h.app).get('/?from=newsletter')
  const second = await new Client(h.app).get('/?from=newsletter')
  assert.equal(first.body, second.body)
  assert.doesNotMatch(first.body, /name="_csrf"/)
  const person = await signedIn(h.app, 'czlonek@demo.siatka.test')
  const mine = await person.get('/?from=newsletter')
  assert.match(mine.body, /Celina Członkini/)
  assert.match(mine.body, /name="_csrf"/)
})

test('the style sheet and scripts are named by their content, kept a year and sent compressed as asked', async () => {
  const page = (await new Client(h.app).get('/')).body
  const css = page.match(/<link rel="stylesheet" href="(\/assets\/build\/siatka\.[0-9a-f]{12}\.css)"/)?.[1]
  const js = page.match(/<script type="module" src="(\/assets\/build\/init\.[0-9a-f]{12}\.js)"/)?.[1]
  assert.ok(css && js, 'the page links fingerprinted files')
  const plain = await h.app.inject({ url: css })
  assert.equal(plain.statusCode, 200)
  assert.equal(plain.headers['cache-control'], 'public, max-age=31536000, immutable')
  assert.match(plain.body, /govuk-/)
  const br = await h.app.inject({ url: css, headers: { 'accept-encoding': 'gzip, deflate, br' } })
  assert.equal(br.headers['content-encoding'], 'br')
  assert.ok(
    br.rawPayload.length < plain.rawPayload.length / 4,
    'brotli makes the CSS at least 4 times smaller',
  )
  const gz = await h.app.inject({ url: css, headers: { 'accept-encoding': 'gzip' } })
  assert.equal(gz.headers['content-encoding'], 'gzip')
  // The script imports govuk-frontend by its fingerprinted name, which is served too.
  const init = (await h.app.inject({ url: js })).body
  const govuk = init.match(/from '(\/assets\/build\/govuk-frontend\.[0-9a-f]{12}\.min\.js)'/)?.[1]
  assert.ok(govuk, init)
  assert.equal((await h.app.inject({ url: govuk })).statusCode, 200)
  // Files not named by their content are kept an hour.
  assert.equal(
    (await h.app.inject({ url: '/assets/favicon.svg' })).headers['cache-control'],
    'public, max-age=3600',
  )
})

test('pages are sent compressed to a browser that takes it, and read the same', async () => {
  const plain = await h.app.inject({ url: '/networks' })
  assert.equal(plain.headers['content-encoding'], undefined)
  for (const [asked, encoding, decode] of [
    ['br, gzip', 'br', brotliDecompressSync],
    ['gzip', 'gzip', gunzipSync],
  ] as const) {
    const res = await h.app.inject({ url: '/networks', headers: { 'accept-encoding': asked } })
    assert.equal(res.headers['content-encoding'], encoding)
    assert.match(String(res.headers.vary), /accept-encoding/i)
    assert.ok(res.rawPayload.length < plain.rawPayload.length / 3, `${encoding} is at least 3 times smaller`)
    assert.equal(decode(res.rawPayload).toString('utf8'), plain.body)
  }
})

test('public pages tell a search engine what they hold, in the reader language', async () => {
  const description = (body: string) => /<meta name="description" content="([^"]+)"/.exec(body)?.[1]
  const visitor = new Client(h.app)
  assert.match(description((await visitor.get('/')).body) ?? '', /^Platforma sekretariatu/)
  assert.match(description((await visitor.get('/networks')).body) ?? '', /obsługiwane przez sekretariat/)
  const network = await h.database.db
    .selectFrom('spaces')
    .select(['id', 'theme_pl'])
    .where('is_public', '=', true)
    .executeTakeFirstOrThrow()
  const shown = description((await visitor.get(`/networks/${network.id}`)).body) ?? ''
  assert.ok(shown.endsWith(network.theme_pl.replaceAll('"', '&quot;')), shown)
  const english = new Client(h.app)
  const res = await english.get('/', { 'accept-language': 'en' })
  assert.match(description(res.body) ?? '', /^The platform|secretariat/)
})
