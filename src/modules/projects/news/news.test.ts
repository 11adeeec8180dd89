// A project's news and documents: its staff write dated posts and keep files (public or inside);
// bad input is refused beside the field with what was typed kept; a published project shows its
// news and public documents to everyone, and nothing kept inside leaks to the public site.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { Client, signedIn } from '../../../../test/support/client.ts'
import { projectIdOf } from '../../../../test/support/given.ts'
import { plain } from '../../../../test/support/html.ts'
import { addDays, today } from '../../../kernel/dates.ts'
import { demoPdf } from '../../../kernel/demo.ts'
import { newsDayProblem } from './service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const projectId = (acronym: string) => projectIdOf(db(), acronym)

test('a post may be dated today or earlier, not later', () => {
  assert.equal(newsDayProblem({ publishedOn: '2026-12-04' }, '2026-12-04'), null)
  assert.equal(newsDayProblem({ publishedOn: '2026-12-05' }, '2026-12-04'), 'projects.news.future')
})

test('staff write a post; one dated tomorrow or without a title is refused beside the field, typed text kept', async () => {
  const pswps = await projectId('PSWPS')
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const page = plain((await staff.get(`/projects/${pswps}/news`)).body)
  assert.match(page, /Wizyta studyjna w Tampere – relacja/)
  // The form offers today's day.
  assert.match(page, new RegExp(`value="${today()}"`))

  const tomorrow = await staff.post(`/projects/${pswps}/news`, {
    title: 'Zaproszenie na webinarium',
    publishedOn: addDays(today(), 1),
    body: 'Spotkanie online dla **partnerów**.',
  })
  assert.equal(tomorrow.statusCode, 422)
  assert.match(
    plain(tomorrow.body),
    /id="field-news-publishedOn-error"[\s\S]*?Data wpisu nie może być późniejsza niż dzisiaj/,
  )
  assert.match(tomorrow.body, /Spotkanie online dla \*\*partnerów\*\*\.<\/textarea>/)
  const untitled = await staff.post(`/projects/${pswps}/news`, {
    title: '',
    publishedOn: today(),
    body: 'Treść',
  })
  assert.equal(untitled.statusCode, 422)
  assert.match(untitled.body, /id="field-news-title-error"/)

  const saved = await staff.post(`/projects/${pswps}/news`, {
    title: 'Zaproszenie na webinarium',
    publishedOn: today(),
    body: 'Spotkanie online dla **partnerów**.\n\n<script>alert(1)</script>',
  })
  assert.equal(saved.statusCode, 303)
  // Newest first; the Markdown is read, the script is text.
  const after = plain((await staff.get(`/projects/${pswps}/news`)).body)
  assert.ok(after.indexOf('Zaproszenie na webinarium') < after.indexOf('Wizyta studyjna w Tampere'))
  assert.match(after, /<strong>partnerów<\/strong>/)
  assert.doesNotMatch(after, /<script>alert/)
  // The public page shows it first among the latest three; the history keeps it.
  const pub = plain((await new Client(h.app).get(`/funded-projects/${pswps}`)).body)
  assert.match(pub, /Aktualności[\s\S]*?Zaproszenie na webinarium/)
  assert.match(
    plain((await staff.get(`/projects/${pswps}/history`)).body),
    /Aktualności[\s\S]*?Zaproszenie na webinarium/,
  )

  // Removed by the staff; the managing authority, which reads, may not.
  const post = await db()
    .selectFrom('project_news')
    .select('id')
    .where('title', '=', 'Zaproszenie na webinarium')
    .executeTakeFirstOrThrow()
  const authority = await signedIn(h.app, 'iz@demo.siatka.test')
  assert.equal((await authority.post(`/projects/${pswps}/news/remove`, { rowId: post.id })).statusCode, 403)
  assert.equal((await staff.post(`/projects/${pswps}/news/remove`, { rowId: post.id })).statusCode, 303)
  assert.doesNotMatch((await staff.get(`/projects/${pswps}/news`)).body, /Zaproszenie na webinarium/)
})

test('the news page by keyset: each page continues after the last post shown, none twice', async () => {
  const sires = await projectId('SIRES')
  const author = await db()
    .selectFrom('people')
    .select('id')
    .where('email', '=', 'projekt@demo.siatka.test')
    .executeTakeFirstOrThrow()
  // 23 more posts on SIRES, two a day, so a page boundary falls inside a day.
  await db()
    .insertInto('project_news')
    .values(
      Array.from({ length: 23 }, (_, i) => ({
        project_id: sires,
        title: `Wpis kronikarski nr ${i + 1}`,
        body: '',
        published_on: addDays('2019-01-07', Math.floor(i / 2)),
        created_by: author.id,
      })),
    )
    .execute()
  const reader = await signedIn(h.app, 'iz@demo.siatka.test')
  const seen: string[] = []
  let url: string | null = `/projects/${sires}/news`
  while (url) {
    const html: string = plain((await reader.get(url)).body)
    seen.push(
      ...[...html.matchAll(/<h2 class="govuk-heading-m govuk-!-margin-bottom-1">([^<]+)<\/h2>/g)].map(
        (m) => m[1],
      ),
    )
    url = html.match(/href="([^"]+)" rel="next"/)?.[1]?.replace(/&amp;/g, '&') ?? null
  }
  assert.equal(seen.length, 25)
  assert.equal(new Set(seen).size, 25)
  assert.equal(seen[0], 'Konferencja podsumowująca projekt SIRES')
})

test('a document is kept with its checked type; the public site offers only the public ones', async () => {
  const pswps = await projectId('PSWPS')
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const pdf = await demoPdf('Harmonogram warsztatów', 'Terminy warsztatów dla OWES.', 'pl')
  // Without a title, and a "PDF" that is not one: refused beside each field, the title kept.
  const refused = await staff.upload(
    `/projects/${pswps}/documents`,
    { title: 'Harmonogram warsztatów', isPublic: 'yes' },
    { file: { name: 'harmonogram.pdf', bytes: Buffer.from('to nie jest PDF') } },
  )
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /id="field-document-file-error"/)
  assert.match(refused.body, /value="Harmonogram warsztatów"/)

  const inside = await staff.upload(
    `/projects/${pswps}/documents`,
    { title: 'Notatka z komitetu sterującego' },
    { file: { name: 'notatka.pdf', bytes: pdf } },
  )
  assert.equal(inside.statusCode, 303)
  const open = await staff.upload(
    `/projects/${pswps}/documents`,
    { title: 'Harmonogram warsztatów', isPublic: 'yes' },
    { file: { name: 'harmonogram.pdf', bytes: pdf } },
  )
  assert.equal(open.statusCode, 303)
  const docs = await db()
    .selectFrom('project_documents')
    .select(['id', 'title', 'is_public'])
    .where('project_id', '=', pswps)
    .execute()
  const note = docs.find((d) => d.title === 'Notatka z komitetu sterującego')!
  const schedule = docs.find((d) => d.title === 'Harmonogram warsztatów')!
  assert.equal(note.is_public, false)
  assert.equal(schedule.is_public, true)

  // Inside, the file comes back as it went, under its name.
  const file = await staff.get(`/projects/${pswps}/documents/${note.id}`)
  assert.equal(file.statusCode, 200)
  assert.equal(file.headers['content-type'], 'application/pdf')
  assert.match(String(file.headers['content-disposition']), /notatka\.pdf/)
  assert.deepEqual(file.rawPayload, pdf)

  // The public page lists the public one; the one kept inside is not there, nor at its address.
  const anyone = new Client(h.app)
  const pub = plain((await anyone.get(`/funded-projects/${pswps}`)).body)
  assert.match(pub, /Harmonogram warsztatów/)
  assert.doesNotMatch(pub, /Notatka z komitetu sterującego|Umowa partnerska \(skan\)/)
  assert.equal((await anyone.get(`/funded-projects/${pswps}/documents/${schedule.id}`)).statusCode, 200)
  assert.equal((await anyone.get(`/funded-projects/${pswps}/documents/${note.id}`)).statusCode, 404)
  // Nor through another project's address.
  const sires = await projectId('SIRES')
  assert.equal((await staff.get(`/projects/${sires}/documents/${note.id}`)).statusCode, 404)

  // Removed, it is gone from the list; the history keeps that it was there.
  assert.equal((await staff.post(`/projects/${pswps}/documents/remove`, { rowId: note.id })).statusCode, 303)
  const list = plain((await staff.get(`/projects/${pswps}/documents`)).body)
  assert.doesNotMatch(list, /Notatka z komitetu sterującego/)
  assert.match(
    plain((await staff.get(`/projects/${pswps}/history`)).body),
    /Dokumenty[\s\S]*?Notatka z komitetu sterującego/,
  )
})
