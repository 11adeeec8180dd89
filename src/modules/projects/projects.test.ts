// The portfolio of funded projects: who reads what (written by hand from issue 12's rules), a
// project's page with its figures as seed 004 gives them, keyset pages, and the staff's start page.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { Client, signedIn } from '../../../test/support/client.ts'
import { givenPerson } from '../../../test/support/given.ts'
import { plain } from '../../../test/support/html.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const projectId = async (acronymOrTitle: string) =>
  (
    await db()
      .selectFrom('projects')
      .select('id')
      .where((eb) => eb.or([eb('acronym', '=', acronymOrTitle), eb('title', '=', acronymOrTitle)]))
      .executeTakeFirstOrThrow()
  ).id

test('a project’s page shows seed 004’s facts as data: programme, period, partners, money, groups, effects', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const page = await coordinator.get(`/projects/${await projectId('SIRES')}`)
  assert.equal(page.statusCode, 200)
  const html = plain(page.body)
  assert.match(
    html,
    /<h1 class="govuk-heading-l">Spójna integracja regionalna ekonomii społecznej \(SIRES\)<\/h1>/,
  )
  assert.match(html, /POWER – Program Operacyjny Wiedza Edukacja Rozwój/)
  assert.match(html, /2\.9 – Rozwój ekonomii społecznej/)
  assert.match(html, /1 marca 2017 – 29 lutego 2020/)
  // It works with the regional centres of all sixteen voivodeships.
  assert.match(
    html,
    /Obszar realizacji<\/dt><dd class="govuk-summary-list__value">cała Polska \(16 województw\)</,
  )
  assert.match(html, /Ogólnopolski Związek Rewizyjny Spółdzielni Socjalnych/)
  for (const partner of ['Fundacja Idea Rozwoju', 'Stowarzyszenie Trenerów Organizacji Pozarządowych'])
    assert.match(html, new RegExp(`${partner}</td><td class="govuk-table__cell">Partner<`))
  assert.match(
    html,
    /Ministerstwo Rodziny, Pracy i Polityki Społecznej<\/td><td class="govuk-table__cell">Instytucja współpracująca/,
  )
  assert.match(html, /Wartość projektu<\/dt><dd class="govuk-summary-list__value">6 791 950,00 zł</)
  assert.match(
    html,
    /Wkład Funduszy Europejskich<\/dt><dd class="govuk-summary-list__value">5 724 255,46 zł</,
  )
  // 5 724 255,46 of 6 791 950,00 is 84.28 %.
  assert.match(html, /Poziom dofinansowania z UE<\/dt><dd class="govuk-summary-list__value">84,28%</)
  assert.match(html, /govuk-table__cell--numeric">260</)
  // Both planned effects reached: 16 of 16 regional centres, 263 of 260 people (101.15 %).
  assert.match(html, /16 ROPS \(stan na 28 lutego 2020\)/)
  assert.match(html, />101,15%</)
  assert.equal([...html.matchAll(/>Osiągnięty</g)].length, 2)

  await coordinator.get('/preferences?lang=en&back=/')
  const english = plain((await coordinator.get(`/projects/${await projectId('SIRES')}`)).body)
  assert.match(english, /Total value<\/dt><dd class="govuk-summary-list__value">PLN 6,791,950\.00</)
  assert.match(english, /EU co-financing rate<\/dt><dd class="govuk-summary-list__value">84\.28%</)
})

test('the secretariat and the managing authority read every project; project staff only their own', async () => {
  const all = ['SIRES', 'PSWPS', 'Międzysektorowa współpraca na rzecz rozwoju lokalnego']
  for (const email of ['koordynator@demo.siatka.test', 'iz@demo.siatka.test']) {
    const reader = await signedIn(h.app, email)
    for (const p of all)
      assert.match(
        (await reader.get(`/projects?q=${encodeURIComponent(p)}`)).body,
        new RegExp(p),
        `${email} sees ${p}`,
      )
  }
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const own = (await staff.get('/projects')).body
  assert.match(own, /SIRES/)
  assert.match(own, /PSWPS/)
  assert.doesNotMatch(own, /Międzysektorowa/)
  // Another project's page does not exist for them; a member has no projects at all.
  const other = await projectId('Międzysektorowa współpraca na rzecz rozwoju lokalnego')
  assert.equal((await staff.get(`/projects/${other}`)).statusCode, 404)
  assert.equal((await staff.get(`/projects/${await projectId('SIRES')}`)).statusCode, 200)
  const member = await signedIn(h.app, 'czlonek@demo.siatka.test')
  assert.equal((await member.get('/projects')).statusCode, 403)
  // A second project staff person, on no project's staff, sees an empty list.
  const newcomer = await givenPerson(db(), { role: 'project_staff', name: 'Iwona Nowicka' })
  const none = (await (await signedIn(h.app, newcomer.email)).get('/projects')).body
  assert.match(none, /Nie ma jeszcze żadnego projektu/)
  assert.equal((await (await signedIn(h.app, newcomer.email)).get(`/projects/${other}`)).statusCode, 404)
})

test('the list pages by keyset: each page continues after the last project shown, none twice', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const template = await db()
    .selectFrom('projects')
    .selectAll()
    .where('acronym', '=', 'SIRES')
    .executeTakeFirstOrThrow()
  // The search column is generated from the title and goals.
  const {
    id: _,
    version: __,
    created_at: ___,
    search: ____,
    ...copy
  } = template as typeof template & {
    search?: unknown
  }
  await db()
    .insertInto('projects')
    .values(
      Array.from({ length: 30 }, (_, i) => ({
        ...copy,
        title: `Projekt testowy ${String(i + 1).padStart(2, '0')}`,
        acronym: `PT${i + 1}`,
        // Two projects start on each day: the id breaks the tie.
        starts_on: `2010-0${1 + Math.floor(i / 10)}-${String(1 + Math.floor((i % 10) / 2)).padStart(2, '0')}`,
        ends_on: '2011-12-31',
      })),
    )
    .execute()
  const seen: string[] = []
  let url: string | null = '/projects'
  let pages = 0
  while (url) {
    const html = (await coordinator.get(url)).body
    pages++
    seen.push(...[...html.matchAll(/href="\/projects\/([0-9a-f-]{36})"/g)].map((m) => m[1] as string))
    const next = /href="(\/projects\?[^"]*after=[^"]+)" rel="next"/.exec(html)
    url = next ? next[1].replace(/&amp;/g, '&') : null
    if (pages > 1) assert.match(html, /href="\/projects">Od początku listy</)
  }
  const total = await db()
    .selectFrom('projects')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow()
  assert.equal(seen.length, Number(total.n), 'every project once')
  assert.equal(new Set(seen).size, seen.length, 'none twice')
  assert.equal(pages, Math.ceil(Number(total.n) / 25))
  // A cursor that is not one (a day that does not exist, a malformed id) starts from the top rather than failing.
  for (const after of ['nonsense', `2017-02-30_${'-'.repeat(36)}`, `2017-02-28_${'-'.repeat(36)}`])
    assert.equal((await coordinator.get(`/projects?after=${after}`)).statusCode, 200, after)
  assert.equal(
    (await new Client(h.app).get(`/funded-projects?after=2017-02-30_${'-'.repeat(36)}`)).statusCode,
    200,
  )
})

test('project staff find their projects on the start page, a late indicator first', async () => {
  const page = plain((await (await signedIn(h.app, 'projekt@demo.siatka.test')).get('/')).body)
  assert.match(page, /<h2 class="govuk-heading-m">Twoje projekty<\/h2>/)
  // PSWPS: 6 of 12 visits with most of the period gone is behind; 31 of 40 enterprises keeps pace.
  assert.match(
    page,
    new RegExp(
      `Pilne</strong><a class="govuk-link" href="/projects/${await projectId('PSWPS')}">Ponadnarodowa sieć wsparcia przedsiębiorstw społecznych \\(PSWPS\\): wskaźniki opóźnione 1 z 2<`,
    ),
  )
  assert.match(page, /\(SIRES\): wskaźniki zgodnie z planem lub osiągnięte 2 z 2</)
})

test('staff report an indicator’s progress; a bad value or day is refused beside its field, typed values kept', async () => {
  const id = await projectId('PSWPS')
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const page = (await staff.get(`/projects/${id}`)).body
  assert.match(page, /<h2 class="govuk-heading-m" id="report">Zgłoś postęp wskaźnika<\/h2>/)
  const visits = await db()
    .selectFrom('project_indicators')
    .select('id')
    .where('project_id', '=', id)
    .where('name', '=', 'Wizyty studyjne u partnerów ponadnarodowych')
    .executeTakeFirstOrThrow()

  const refused = await staff.post(`/projects/${id}/reports`, {
    indicatorId: visits.id,
    reportedOn: '2099-01-01',
    value: '-3',
    comment: 'Wizyta w Tampere',
  })
  assert.equal(refused.statusCode, 422)
  assert.match(refused.body, /id="field-value-error"[^>]*>[\s\S]*?Podaj liczbę całkowitą, 0 lub większą/)
  assert.match(refused.body, /value="-3"/)
  assert.match(refused.body, /Wizyta w Tampere/)
  const future = await staff.post(`/projects/${id}/reports`, {
    indicatorId: visits.id,
    reportedOn: '2099-01-01',
    value: '9',
    comment: '',
  })
  assert.equal(future.statusCode, 422)
  assert.match(future.body, /id="field-reportedOn-error"[^>]*>[\s\S]*?nie przyszłego/)

  // Nine of twelve visits with most of the period gone: on track now, and the start page says so.
  const saved = await staff.post(`/projects/${id}/reports`, {
    indicatorId: visits.id,
    reportedOn: new Date().toISOString().slice(0, 10),
    value: '9',
    comment: 'Wizyty w Tampere, Bilbao i Walencji.',
  })
  assert.equal(saved.statusCode, 303)
  const after = plain((await staff.get(`/projects/${id}`)).body)
  assert.match(after, /9 wizyt \(stan na /)
  assert.match(after, />75,00%</)
  assert.doesNotMatch(after, />Opóźniony</)
  assert.doesNotMatch((await staff.get('/')).body, /wskaźniki opóźnione/)
  const audit = await db()
    .selectFrom('audit_log')
    .select('action')
    .where('subject_id', '=', id)
    .executeTakeFirstOrThrow()
  assert.equal(audit.action, 'projects.progress-reported')

  // The managing authority reads the project but reports nothing; another project's indicator is refused.
  const authority = await signedIn(h.app, 'iz@demo.siatka.test')
  assert.doesNotMatch((await authority.get(`/projects/${id}`)).body, /Zgłoś postęp wskaźnika/)
  assert.equal((await authority.post(`/projects/${id}/reports`, { indicatorId: visits.id })).statusCode, 403)
  const other = await staff.post(`/projects/${await projectId('SIRES')}/reports`, {
    indicatorId: visits.id,
    reportedOn: '2019-01-10',
    value: '3',
    comment: '',
  })
  assert.equal(other.statusCode, 422)
  assert.match(other.body, /id="field-indicatorId-error"/)
})

test('a published project has a public page with its funds’ marks, funding, money and effects; an unpublished one has none', async () => {
  const visitor = new Client(h.app)
  // The list finds each by a word of its title, with or without Polish letters.
  for (const [word, p] of [
    ['spójna', 'SIRES'],
    ['ponadnarodowa', 'PSWPS'],
    ['miedzysektorowa', 'Międzysektorowa współpraca'],
  ])
    assert.match((await visitor.get(`/funded-projects?q=${word}`)).body, new RegExp(p))
  const sires = plain((await visitor.get(`/funded-projects/${await projectId('SIRES')}`)).body)
  // 2014-2020: the European Funds mark with the programme, the Polish colours, the EU with the ESF; placeholders that say so.
  const strip = sires.slice(
    sires.indexOf('siatka-logo-strip'),
    sires.indexOf('</ul>', sires.indexOf('siatka-logo-strip')),
  )
  assert.match(
    strip,
    /aria-label="Znak Funduszy Europejskich: Program Operacyjny Wiedza Edukacja Rozwój \(znak zastępczy\)"/,
  )
  assert.match(strip, /aria-label="Barwy Rzeczypospolitej Polskiej \(znak zastępczy\)"/)
  assert.match(strip, /aria-label="Znak Unii Europejskiej: Europejski Fundusz Społeczny \(znak zastępczy\)"/)
  assert.ok(sires.indexOf('siatka-logo-strip') < sires.indexOf('<h1'), 'the marks come before the title')
  assert.match(
    sires,
    /Projekt współfinansowany ze środków Unii Europejskiej w ramach Europejskiego Funduszu Społecznego: Program Operacyjny Wiedza Edukacja Rozwój, działanie 2\.9 „Rozwój ekonomii społecznej”\./,
  )
  assert.match(
    sires,
    /Beneficjent \(lider\)<\/dt><dd class="govuk-summary-list__value">Ogólnopolski Związek Rewizyjny Spółdzielni Socjalnych</,
  )
  assert.match(
    sires,
    /Partnerzy<\/dt><dd class="govuk-summary-list__value">Fundacja Idea Rozwoju, Stowarzyszenie Trenerów Organizacji Pozarządowych</,
  )
  assert.match(sires, /6 791 950,00 zł/)
  assert.match(sires, /5 724 255,46 zł/)
  assert.match(sires, / – planowana liczba osób: 260/)
  // What only the secretariat and staff see stays off the public page.
  assert.doesNotMatch(sires, /NIP|Zgłoś postęp/)

  // 2021-2027: "Dofinansowane przez Unię Europejską" and the ESF+.
  const fers = plain((await visitor.get(`/funded-projects/${await projectId('PSWPS')}`)).body)
  assert.match(fers, /Dofinansowane przez Unię Europejską/)
  assert.match(
    fers,
    /z Europejskiego Funduszu Społecznego Plus: Fundusze Europejskie dla Rozwoju Społecznego, działanie 04\.02 „Współpraca ponadnarodowa”/,
  )

  const hidden = await projectId('Międzysektorowa współpraca na rzecz rozwoju lokalnego')
  await db().updateTable('projects').set({ is_public: false }).where('id', '=', hidden).execute()
  assert.equal((await visitor.get(`/funded-projects/${hidden}`)).statusCode, 404)
  assert.doesNotMatch(
    (await visitor.get('/funded-projects?q=Międzysektorowa')).body,
    /href="\/funded-projects\/[^"]+">Międzysektorowa/,
  )
  await db().updateTable('projects').set({ is_public: true }).where('id', '=', hidden).execute()
})
