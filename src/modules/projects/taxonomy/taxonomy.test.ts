// The secretariat keeps the programmes' taxonomy and the themes: adds a programme with its period,
// a priority under it and a measure under that, which the project form then offers; renames them;
// removes only what no project uses. Codes are unique among siblings; bad input is told beside the
// field with what was typed kept.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { signedIn } from '../../../../test/support/client.ts'
import { plain } from '../../../../test/support/html.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
})
after(() => h.close())

const db = () => h.database.db
const node = (code: string, name_pl: string) =>
  db()
    .selectFrom('project_programmes')
    .select(['id', 'level', 'period', 'parent_id'])
    .where('code', '=', code)
    .where('name_pl', '=', name_pl)
    .executeTakeFirstOrThrow()

test('the secretariat adds a programme, a priority and a measure, which the project form then offers', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const page = plain((await coordinator.get('/projects/taxonomy')).body)
  assert.match(page, /POWER – Program Operacyjny Wiedza Edukacja Rozwój/)
  assert.match(page, /Perspektywa 2014-2020/)

  // A new programme needs its period; the refusal keeps what was typed.
  const noPeriod = await coordinator.post('/projects/taxonomy', {
    parentId: '',
    code: 'FEŚL',
    namePl: 'Fundusze Europejskie dla Śląskiego 2021-2027',
    nameEn: 'European Funds for Silesia 2021-2027',
    period: '',
  })
  assert.equal(noPeriod.statusCode, 422)
  const html = plain(noPeriod.body)
  assert.match(html, /id="field-node-period-error"[\s\S]*?Wybierz perspektywę finansową nowego programu/)
  assert.match(html, /id="field-node-code" name="code" type="text" value="FEŚL"/)

  const added = await coordinator.post('/projects/taxonomy', {
    parentId: '',
    code: 'FEŚL',
    namePl: 'Fundusze Europejskie dla Śląskiego 2021-2027',
    nameEn: 'European Funds for Silesia 2021-2027',
    period: '2021-2027',
  })
  assert.equal(added.statusCode, 303)
  const programme = await node('FEŚL', 'Fundusze Europejskie dla Śląskiego 2021-2027')
  assert.equal(programme.level, 'programme')
  assert.equal(programme.period, '2021-2027')

  assert.equal(
    (
      await coordinator.post('/projects/taxonomy', {
        parentId: programme.id,
        code: 'VII',
        namePl: 'Fundusze Europejskie dla zatrudnienia i włączenia społecznego',
        nameEn: 'European Funds for employment and social inclusion',
        period: '2014-2020', // a child takes its programme's period, whatever is sent
      })
    ).statusCode,
    303,
  )
  const priority = await node('VII', 'Fundusze Europejskie dla zatrudnienia i włączenia społecznego')
  assert.equal(priority.level, 'priority')
  assert.equal(priority.period, '2021-2027')
  // The same code twice under one parent is refused beside the code (letters' case aside).
  const twice = await coordinator.post('/projects/taxonomy', {
    parentId: programme.id,
    code: 'vii',
    namePl: 'Inny priorytet',
    nameEn: 'Another priority',
  })
  assert.equal(twice.statusCode, 422)
  assert.match(
    plain(twice.body),
    /id="field-node-code-error"[\s\S]*?Ten kod ma już inna pozycja na tym samym poziomie/,
  )

  await coordinator.post('/projects/taxonomy', {
    parentId: priority.id,
    code: '07.07',
    namePl: 'Ekonomia społeczna',
    nameEn: 'Social economy',
  })
  const measure = await node('07.07', 'Ekonomia społeczna')
  assert.equal(measure.level, 'measure')
  const form = plain((await coordinator.get('/projects/new')).body)
  assert.match(form, new RegExp(`<option value="${measure.id}">[^<]*07\\.07[^<]*Ekonomia społeczna`))
})

test('an entry a project uses is neither removed nor divided; a free one is renamed and removed', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const used = await node('2.9', 'Rozwój ekonomii społecznej') // SIRES's measure
  const refused = await coordinator.post('/projects/taxonomy/remove', { rowId: used.id })
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /Tej pozycji używają projekty: nie można jej usunąć/)
  // An EQUAL theme (a priority with no measures) that a demo project is filed under is not divided.
  const equal = await db()
    .selectFrom('project_programmes as n')
    .innerJoin('projects as p', 'p.programme_id', 'n.id')
    .select('n.id')
    .where('n.level', '=', 'priority')
    .executeTakeFirst()
  assert.ok(equal, 'the demo portfolio has an EQUAL project')
  const divided = await coordinator.post('/projects/taxonomy', {
    parentId: equal.id,
    code: 'D.1',
    namePl: 'Podział',
    nameEn: 'Division',
  })
  assert.equal(divided.statusCode, 422)
  assert.match(plain(divided.body), /Tej pozycji używają projekty: nie można jej podzielić/)
  // A programme with entries is not removed before them.
  const power = await node('POWER', 'Program Operacyjny Wiedza Edukacja Rozwój')
  assert.match(
    plain((await coordinator.post('/projects/taxonomy/remove', { rowId: power.id })).body),
    /Najpierw usuń pozycje należące do tej/,
  )

  await coordinator.post('/projects/taxonomy', {
    parentId: '',
    code: 'TEST',
    namePl: 'Program próbny',
    nameEn: 'Trial programme',
    period: '2014-2020',
  })
  const trial = await node('TEST', 'Program próbny')
  assert.equal((await coordinator.get(`/projects/taxonomy/${trial.id}`)).statusCode, 200)
  const blank = await coordinator.post(`/projects/taxonomy/${trial.id}`, {
    code: 'TEST',
    namePl: '',
    nameEn: 'x',
    period: '2014-2020',
  })
  assert.equal(blank.statusCode, 422)
  assert.match(plain(blank.body), /id="field-namePl-error"/)
  const renamed = await coordinator.post(`/projects/taxonomy/${trial.id}`, {
    code: 'PRÓBA',
    namePl: 'Program próbny (zmieniony)',
    nameEn: 'Trial programme (changed)',
    period: '2021-2027',
  })
  assert.equal(renamed.statusCode, 303)
  const after = await node('PRÓBA', 'Program próbny (zmieniony)')
  assert.equal(after.period, '2021-2027')
  assert.equal((await coordinator.post('/projects/taxonomy/remove', { rowId: trial.id })).statusCode, 303)
  assert.equal(
    await db().selectFrom('project_programmes').select('id').where('id', '=', trial.id).executeTakeFirst(),
    undefined,
  )
  const log = await db().selectFrom('audit_log').select('action').where('subject_id', '=', trial.id).execute()
  assert.deepEqual(log.map((l) => l.action).sort(), [
    'projects.taxonomy-added',
    'projects.taxonomy-changed',
    'projects.taxonomy-removed',
  ])
})

test('themes: added with a code for addresses, renamed, removed only when no project uses them', async () => {
  const coordinator = await signedIn(h.app, 'koordynator@demo.siatka.test')
  const bad = await coordinator.post('/projects/themes', {
    code: 'Ekonomia Społeczna',
    namePl: 'Mieszkalnictwo',
    nameEn: 'Housing',
  })
  assert.equal(bad.statusCode, 422)
  assert.match(
    plain(bad.body),
    /id="field-theme-code-error"[\s\S]*?Kod może mieć tylko małe litery bez polskich znaków, cyfry i łączniki/,
  )
  assert.equal(
    (
      await coordinator.post('/projects/themes', {
        code: 'housing',
        namePl: 'Mieszkalnictwo',
        nameEn: 'Housing',
      })
    ).statusCode,
    303,
  )
  const housing = await db()
    .selectFrom('project_themes')
    .select('id')
    .where('code', '=', 'housing')
    .executeTakeFirstOrThrow()
  assert.match(plain((await coordinator.get('/projects/new')).body), /Mieszkalnictwo/)
  const taken = await coordinator.post('/projects/themes', {
    code: 'housing',
    namePl: 'Drugi',
    nameEn: 'Second',
  })
  assert.match(plain(taken.body), /Ten kod ma już inna pozycja na tym samym poziomie/)
  assert.equal(
    (
      await coordinator.post(`/projects/themes/${housing.id}`, {
        code: 'housing',
        namePl: 'Mieszkalnictwo społeczne',
        nameEn: 'Social housing',
      })
    ).statusCode,
    303,
  )
  assert.equal((await coordinator.post('/projects/themes/remove', { rowId: housing.id })).statusCode, 303)

  const used = await db()
    .selectFrom('project_themes')
    .select('id')
    .where('code', '=', 'social-economy')
    .executeTakeFirstOrThrow()
  const refused = await coordinator.post('/projects/themes/remove', { rowId: used.id })
  assert.equal(refused.statusCode, 422)
  assert.match(plain(refused.body), /Tego tematu używają projekty: nie można go usunąć/)
})

test('only the secretariat keeps the taxonomy: the managing authority and project staff are refused', async () => {
  for (const email of ['iz@demo.siatka.test', 'projekt@demo.siatka.test', 'czlonek@demo.siatka.test']) {
    const person = await signedIn(h.app, email)
    assert.equal((await person.get('/projects/taxonomy')).statusCode, 403, email)
    assert.equal(
      (await person.post('/projects/themes', { code: 'x', namePl: 'X', nameEn: 'X' })).statusCode,
      403,
      email,
    )
  }
  assert.equal(
    (await db().selectFrom('project_themes').select('id').where('code', '=', 'x').execute()).length,
    0,
  )
})
