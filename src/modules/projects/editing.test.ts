// Keeping a portfolio: the secretariat adds a project and hands it to its staff; the staff change its
// facts and lists; bad input is refused beside its field with what was typed kept; two people saving
// one project at once do not overwrite each other; every change is in the project's history.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../test/support/app.ts'
import { signedIn } from '../../../test/support/client.ts'
import { plain } from '../../../test/support/html.ts'
import { today } from '../../kernel/dates.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const idOf = async (
  table: 'organisations' | 'project_programmes' | 'project_themes',
  where: [string, string],
) =>
  (
    await db()
      .selectFrom(table)
      .select('id')
      .where(where[0] as 'id', '=', where[1])
      .executeTakeFirstOrThrow()
  ).id

async function validForm() {
  return {
    title: 'Lokalne partnerstwa na rzecz zatrudnienia',
    acronym: 'LPZ',
    programmeId: await idOf('project_programmes', ['name_pl', 'Rozwój ekonomii społecznej']),
    status: 'planned',
    startsOn: '2027-01-01',
    endsOn: '2028-12-31',
    leadOrganisationId: await idOf('organisations', ['name', 'Fundacja Idea Rozwoju']),
    agreementOn: '',
    totalValue: '1 200 000,00',
    euContribution: '1 020 000,00',
    eligibleCosts: '1 200 000',
    mainGoal: 'Zatrudnienie 120 osób w przedsiębiorstwach społecznych.',
    specificGoals: 'Sieć partnerstw\nSzkolenia',
    themes: [await idOf('project_themes', ['code', 'labour-market'])],
    regions: ['24', '12'],
    version: '0',
  }
}

test('the secretariat adds a project; bad money, dates and choices are refused beside their fields, typed values kept', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const form = await validForm()
  assert.equal((await coordinator.get('/projects/new')).statusCode, 200)
  const refused = await coordinator.post('/projects', {
    ...form,
    endsOn: '2026-12-31',
    euContribution: '1 300 000,00',
    eligibleCosts: '12,345',
    totalValue: '1 200 000,00',
  })
  assert.equal(refused.statusCode, 422)
  const html = plain(refused.body)
  assert.match(
    html,
    /id="field-endsOn-error"[\s\S]*?Koniec realizacji nie może być wcześniej niż jej początek/,
  )
  assert.match(
    html,
    /id="field-euContribution-error"[\s\S]*?Wkład Funduszy Europejskich nie może być większy niż wartość projektu/,
  )
  assert.match(html, /id="field-eligibleCosts-error"[\s\S]*?Wpisz kwotę w złotych/)
  // What was typed stays: the wrong amount as typed, the ticked voivodeships ticked.
  assert.match(html, /name="eligibleCosts" type="text" value="12,345"/)
  assert.match(html, /id="field-regions-\d+" name="regions" type="checkbox" value="24" checked/)
  assert.equal(
    (await db().selectFrom('projects').select('id').where('acronym', '=', 'LPZ').execute()).length,
    0,
  )

  const created = await coordinator.post('/projects', form)
  assert.equal(created.statusCode, 303)
  const project = await db()
    .selectFrom('projects')
    .selectAll()
    .where('acronym', '=', 'LPZ')
    .executeTakeFirstOrThrow()
  assert.equal(created.headers.location, `/projects/${project.id}/parts`)
  // Grosze, exactly: no floating point between the form and the column.
  assert.equal(project.total_value_grosze, 120_000_000)
  assert.equal(project.eu_contribution_grosze, 102_000_000)
  assert.equal(project.is_public, false)
  const page = plain((await coordinator.get(`/projects/${project.id}`)).body)
  assert.match(page, /Poziom dofinansowania z UE<\/dt><dd class="govuk-summary-list__value">85,00%</)

  // Project staff may not add projects; a member may not even see the form.
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  assert.equal((await staff.post('/projects', form)).statusCode, 403)
})

test('a project works in whole voivodeships or in their subregions; its pages and history say where', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const form = { ...(await validForm()), title: 'Partnerstwa subregionalne', acronym: 'SUBREG' }
  // A subregion unknown to NUTS 2021 is refused beside its list, the ticks kept (and the list open).
  const refused = await coordinator.post('/projects', { ...form, subregions: ['PL22A', 'PL999'] })
  assert.equal(refused.statusCode, 422)
  const html = plain(refused.body)
  assert.match(html, /<details class="govuk-details" open>/)
  assert.match(html, /id="field-subregions-error"/)
  assert.match(html, /name="subregions" type="checkbox" value="PL22A" checked/)

  // Rybnik's and Bielsko's subregions in Śląskie, and one in Mazowieckie, which was not ticked.
  const created = await coordinator.post('/projects', {
    ...form,
    regions: ['24'],
    subregions: ['PL227', 'PL225', 'PL911'],
  })
  assert.equal(created.statusCode, 303)
  const id = (
    await db().selectFrom('projects').select('id').where('acronym', '=', 'SUBREG').executeTakeFirstOrThrow()
  ).id
  const regions = await db()
    .selectFrom('project_regions')
    .select('voivodeship')
    .where('project_id', '=', id)
    .execute()
  assert.deepEqual(regions.map((r) => r.voivodeship).sort(), ['14', '24'])
  const page = plain((await coordinator.get(`/projects/${id}`)).body)
  assert.match(
    page,
    /Obszar realizacji<\/dt><dd class="govuk-summary-list__value">mazowieckie \(Miasto Warszawa\); śląskie \(bielski, rybnicki\)</,
  )
  assert.match(page, /Tematy<\/dt><dd class="govuk-summary-list__value">Rynek pracy</)
  // The list's filter by voivodeship finds it under Mazowieckie.
  assert.match(
    (await coordinator.get('/projects?region=14&q=subregionalne')).body,
    /Partnerstwa subregionalne/,
  )

  // The edit form shows the subregions ticked; taking one away is kept in the history.
  const edit = await coordinator.get(`/projects/${id}/edit`)
  assert.match(edit.body, /name="subregions" type="checkbox" value="PL911" checked/)
  const version = /name="version" value="(\d+)"/.exec(edit.body)?.[1] ?? ''
  const saved = await coordinator.post(`/projects/${id}/edit`, {
    ...form,
    regions: ['24'],
    subregions: ['PL227', 'PL225'],
    version,
  })
  assert.equal(saved.statusCode, 303)
  const history = plain((await coordinator.get(`/projects/${id}/history`)).body)
  assert.match(history, /Podregiony[\s\S]*?bielski, Miasto Warszawa, rybnicki[\s\S]*?bielski, rybnicki/)
  assert.match(history, /Województwa[\s\S]*?mazowieckie, śląskie[\s\S]*?śląskie/)
})

test('the staff change their project; a second save from an older page is refused with both versions shown', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const id = (
    await db().selectFrom('projects').select('id').where('acronym', '=', 'PSWPS').executeTakeFirstOrThrow()
  ).id
  const before = await db().selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const edit = await staff.get(`/projects/${id}/edit`)
  assert.equal(edit.statusCode, 200)
  // The form shows the saved amounts as people write them.
  assert.match(plain(edit.body), /name="totalValue" type="text" value="[\d ]+,\d\d"/)
  const values = Object.fromEntries(
    [...edit.body.matchAll(/name="(\w+)" type="(?:text|date|hidden)" value="([^"]*)"/g)].map((m) => [
      m[1],
      m[2],
    ]),
  )
  values.version = /name="version" value="(\d+)"/.exec(edit.body)?.[1] ?? ''
  const textareas = Object.fromEntries(
    [...edit.body.matchAll(/name="(\w+)" rows="\d+"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]]),
  )
  const selected = (name: string) =>
    new RegExp(`name="${name}"[\\s\\S]*?<option value="([^"]*)" selected`).exec(edit.body)?.[1] ?? ''
  const checked = (name: string) =>
    [
      ...edit.body.matchAll(
        new RegExp(`name="${name}" type="(?:radio|checkbox)" value="([^"]*)" checked`, 'g'),
      ),
    ].map((m) => m[1])
  const opened = {
    ...values,
    ...Object.fromEntries(
      Object.entries(textareas).map(([k, v]) => [
        k,
        v
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
      ]),
    ),
    programmeId: selected('programmeId'),
    leadOrganisationId: selected('leadOrganisationId'),
    status: checked('status')[0] ?? '',
    themes: checked('themes'),
    regions: checked('regions'),
    isPublic: checked('isPublic')[0] ?? '',
  }
  // The coordinator saves first, from the same version.
  const first = await coordinator.post(`/projects/${id}/edit`, { ...opened, endsOn: '2027-06-30' })
  assert.equal(first.statusCode, 303, /govuk-error-summary__list">(.*?)<\/ul>/.exec(first.body)?.[1])
  // The staff member's save, from the page opened before, is refused: nothing of theirs overwrites it.
  const second = await staff.post(`/projects/${id}/edit`, { ...opened, title: 'Nowy tytuł PSWPS' })
  assert.equal(second.statusCode, 409)
  const conflict = plain(second.body)
  assert.match(conflict, /Ktoś zapisał zmiany w tym projekcie/)
  assert.match(
    conflict,
    /Koniec realizacji<\/th><td class="govuk-table__cell">30 czerwca 2027<\/td><td class="govuk-table__cell">[^<]+<\/td>/,
  )
  assert.match(
    conflict,
    /<th scope="row" class="govuk-table__header">Tytuł<\/th><td class="govuk-table__cell"><span class="siatka-pre-line">[^<]+<\/span><\/td><td class="govuk-table__cell"><span class="siatka-pre-line">Nowy tytuł PSWPS</,
  )
  // The typed title is kept, and the form now carries the newer version.
  assert.match(conflict, /name="title" type="text" value="Nowy tytuł PSWPS"/)
  assert.match(conflict, new RegExp(`name="version" value="${before.version + 1}"`))
  const after = await db().selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  assert.equal(after.title, before.title)
  assert.equal(after.ends_on, '2027-06-30')
  // Saving again on the newer version goes through.
  const again = await staff.post(`/projects/${id}/edit`, {
    ...opened,
    endsOn: '2027-06-30',
    title: 'Nowy tytuł PSWPS',
    version: String(before.version + 1),
  })
  assert.equal(again.statusCode, 303)

  // The history shows both saves, newest first, each with who and what changed.
  const history = plain((await staff.get(`/projects/${id}/history`)).body)
  const staffAt = history.indexOf('Nowy tytuł PSWPS')
  const coordinatorAt = history.indexOf('30 czerwca 2027')
  assert.ok(staffAt > 0 && coordinatorAt > staffAt, 'newest first')
  assert.match(
    history,
    /Tytuł<\/th><td class="govuk-table__cell"><span class="siatka-pre-line">[^<]+<\/span><\/td><td class="govuk-table__cell"><span class="siatka-pre-line">Nowy tytuł PSWPS/,
  )
  assert.match(history, /Koniec realizacji<\/th>/)
})

test('partners, target groups and indicators are added and removed, with their rules; the secretariat alone hands a project to its staff', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const id = await db()
    .selectFrom('projects')
    .select(['id', 'lead_organisation_id'])
    .where('acronym', '=', 'SIRES')
    .executeTakeFirstOrThrow()
  const base = `/projects/${id.id}`
  assert.equal((await staff.get(`${base}/parts`)).statusCode, 200)
  // The lead cannot also be a partner; a partner cannot be added twice.
  const lead = await staff.post(`${base}/partners`, {
    organisationId: id.lead_organisation_id,
    role: 'partner',
  })
  assert.equal(lead.statusCode, 422)
  assert.match(
    lead.body,
    /id="field-partner-organisationId-error"[\s\S]*?Ta organizacja jest liderem projektu/,
  )
  const fir = await idOf('organisations', ['name', 'Fundacja Idea Rozwoju'])
  const twice = await staff.post(`${base}/partners`, { organisationId: fir, role: 'partner' })
  assert.match(twice.body, /Ta organizacja jest już w projekcie/)
  const cwop = await idOf('organisations', [
    'name',
    'Stowarzyszenie Centrum Wspierania Organizacji Pozarządowych w Katowicach',
  ])
  assert.equal(
    (await staff.post(`${base}/partners`, { organisationId: cwop, role: 'cooperating' })).statusCode,
    303,
  )

  // A negative target, or one below the baseline, is refused beside the field, the typed name kept.
  const negative = await staff.post(`${base}/indicators`, {
    name: 'Liczba doradców',
    kind: 'product',
    unit: 'osoby',
    baseline: '0',
    target: '-5',
  })
  assert.equal(negative.statusCode, 422)
  assert.match(
    negative.body,
    /id="field-indicator-target-error"[\s\S]*?Podaj liczbę całkowitą, 0 lub większą/,
  )
  assert.match(negative.body, /id="field-indicator-name" name="name" type="text" value="Liczba doradców"/)
  const below = await staff.post(`${base}/indicators`, {
    name: 'Liczba doradców',
    kind: 'product',
    unit: 'osoby',
    baseline: '10',
    target: '5',
  })
  assert.match(below.body, /Wartość docelowa nie może być mniejsza niż bazowa/)
  assert.equal(
    (
      await staff.post(`${base}/indicators`, {
        name: 'Liczba doradców',
        kind: 'product',
        unit: 'osoby',
        baseline: '0',
        target: '16',
      })
    ).statusCode,
    303,
  )
  // With its forms for one and for 2–4, a unit agrees with each number it follows.
  assert.equal(
    (
      await staff.post(`${base}/indicators`, {
        name: 'Liczba spółdzielni socjalnych',
        kind: 'result',
        unit: 'spółdzielni',
        unitOne: 'spółdzielnia',
        unitFew: 'spółdzielnie',
        baseline: '0',
        target: '22',
      })
    ).statusCode,
    303,
  )
  const cooperatives = await db()
    .selectFrom('project_indicators')
    .select('id')
    .where('name', '=', 'Liczba spółdzielni socjalnych')
    .executeTakeFirstOrThrow()
  await db()
    .insertInto('project_indicator_reports')
    .values({
      indicator_id: cooperatives.id,
      reported_on: today(),
      value: 1,
      comment: '',
      reported_by: (
        await db()
          .selectFrom('people')
          .select('id')
          .where('email', '=', 'projekt@demo.siatka.test')
          .executeTakeFirstOrThrow()
      ).id,
    })
    .execute()
  const counted = plain((await staff.get(base)).body)
  assert.match(counted, /22 spółdzielnie \(wartość bazowa 0\)/)
  assert.match(counted, /1 spółdzielnia \(stan na /)
  const added = await db()
    .selectFrom('project_indicators')
    .select('id')
    .where('name', '=', 'Liczba doradców')
    .executeTakeFirstOrThrow()
  // An indicator without reports may go; one with reports stays.
  const reported = await db()
    .selectFrom('project_indicators as i')
    .innerJoin('project_indicator_reports as r', 'r.indicator_id', 'i.id')
    .select('i.id')
    .where('i.project_id', '=', id.id)
    .executeTakeFirstOrThrow()
  assert.equal((await staff.post(`${base}/indicators/remove`, { rowId: reported.id })).statusCode, 422)
  assert.equal((await staff.post(`${base}/indicators/remove`, { rowId: added.id })).statusCode, 303)

  assert.equal(
    (await staff.post(`${base}/groups`, { name: 'Doradcy OWES', description: '', plannedPeople: '40' }))
      .statusCode,
    303,
  )
  assert.match(
    plain((await staff.get(base)).body),
    /Doradcy OWES<\/td><td class="govuk-table__cell">—<\/td><td class="govuk-table__cell govuk-table__cell--numeric">40</,
  )

  // Staff do not choose their colleagues: the secretariat does.
  const person = (
    await db()
      .selectFrom('people')
      .select('id')
      .where('email', '=', 'projekt@demo.siatka.test')
      .executeTakeFirstOrThrow()
  ).id
  assert.equal((await staff.post(`${base}/staff/remove`, { rowId: person })).statusCode, 403)
  const other =
    (await db().selectFrom('projects').select('id').where('acronym', '=', 'LPZ').executeTakeFirst())?.id ??
    (
      await db()
        .selectFrom('projects')
        .select('id')
        .where('title', 'like', 'Międzysektorowa%')
        .executeTakeFirstOrThrow()
    ).id
  assert.equal((await staff.get(`/projects/${other}`)).statusCode, 404)
  assert.equal((await coordinator.post(`/projects/${other}/staff`, { personId: person })).statusCode, 303)
  assert.equal((await staff.get(`/projects/${other}`)).statusCode, 200)
  assert.equal((await coordinator.post(`/projects/${other}/staff/remove`, { rowId: person })).statusCode, 303)
  assert.equal((await staff.get(`/projects/${other}`)).statusCode, 404)

  const history = plain((await coordinator.get(`${base}/history`)).body)
  assert.match(
    history,
    /Instytucje współpracujące<\/th><td class="govuk-table__cell">—<\/td><td class="govuk-table__cell"><span class="siatka-pre-line">Stowarzyszenie Centrum Wspierania/,
  )
  assert.match(
    history,
    /Wskaźniki<\/th><td class="govuk-table__cell"><span class="siatka-pre-line">Liczba doradców: 0 → 16 osoby<\/span><\/td><td class="govuk-table__cell">—/,
  )
})
