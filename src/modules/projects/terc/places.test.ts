// Where an activity takes place: a powiat or gmina of the TERC register, named by its code or its
// name. A name several units bear is refused with each of them and its code; a city with powiat
// rights is its gmina; the unit's voivodeship is taken when none was chosen, and a unit in another
// voivodeship than the one chosen is refused. Whoever reads the projects looks the codes up.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { startTestApp, type TestApp } from '../../../../test/support/app.ts'
import { signedIn } from '../../../../test/support/client.ts'
import { plain } from '../../../../test/support/html.ts'
import type { Db } from '../db.ts'
import { writeRegister } from './service.ts'

let h: TestApp
before(async () => {
  h = await startTestApp()
  // An excerpt of the real register: Bolesławiec is a town gmina and a rural gmina of one powiat.
  const unit = (code: string, name: string, kind_name: string) => ({
    code,
    voivodeship: code.slice(0, 2),
    powiat: code.length >= 4 ? code.slice(2, 4) : null,
    gmina: code.length === 7 ? code.slice(4, 6) : null,
    kind: code.length === 7 ? code.slice(6) : null,
    name,
    kind_name,
    state_on: '2025-01-01',
  })
  await (h.database.db as unknown as Db)
    .transaction()
    .execute((trx) =>
      writeRegister(trx, [
        unit('02', 'DOLNOŚLĄSKIE', 'województwo'),
        unit('0201', 'bolesławiecki', 'powiat'),
        unit('0201011', 'Bolesławiec', 'gmina miejska'),
        unit('0201022', 'Bolesławiec', 'gmina wiejska'),
        unit('0201032', 'Gromadka', 'gmina wiejska'),
        unit('0201043', 'Nowogrodziec', 'gmina miejsko-wiejska'),
        unit('0201044', 'Nowogrodziec', 'miasto'),
        unit('0201045', 'Nowogrodziec', 'obszar wiejski'),
        unit('12', 'MAŁOPOLSKIE', 'województwo'),
        unit('1261', 'Kraków', 'miasto na prawach powiatu'),
        unit('1261011', 'Kraków', 'gmina miejska'),
      ]),
    )
})
after(() => h.close())

const db = () => h.database.db
const sires = async () =>
  (await db().selectFrom('projects').select('id').where('acronym', '=', 'SIRES').executeTakeFirstOrThrow()).id
const activity = (over: Record<string, string>) => ({
  title: 'Warsztaty w terenie',
  startsOn: '2019-10-15',
  endsOn: '',
  voivodeship: '',
  place: '',
  unit: '',
  description: '',
  ...over,
})
const saved = (title: string) =>
  db()
    .selectFrom('project_activities')
    .select(['voivodeship', 'teryt_code', 'teryt_name'])
    .where('title', '=', title)
    .executeTakeFirstOrThrow()

test('a gmina or powiat named by its code or name is kept with the activity, its voivodeship taken', async () => {
  const id = await sires()
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  // A city with powiat rights: its gmina; no voivodeship chosen: the city's.
  let res = await staff.post(`/projects/${id}/schedule`, activity({ title: 'W Krakowie', unit: 'Kraków' }))
  assert.equal(res.statusCode, 303)
  assert.deepEqual(await saved('W Krakowie'), {
    voivodeship: '12',
    teryt_code: '1261011',
    teryt_name: 'Kraków – gmina miejska',
  })
  res = await staff.post(
    `/projects/${id}/schedule`,
    activity({
      title: 'W gminie wiejskiej',
      unit: '0201022',
      voivodeship: '02',
      place: 'świetlica w Kruszynie',
    }),
  )
  assert.equal(res.statusCode, 303)
  assert.equal((await saved('W gminie wiejskiej')).teryt_name, 'Bolesławiec – gmina wiejska')
  res = await staff.post(
    `/projects/${id}/schedule`,
    activity({ title: 'W powiecie', unit: 'powiat Bolesławiecki', voivodeship: '02' }),
  )
  assert.equal(res.statusCode, 303)
  assert.equal((await saved('W powiecie')).teryt_code, '0201')
  // An urban-rural gmina by its name: the gmina, not its town or its rural area.
  res = await staff.post(
    `/projects/${id}/schedule`,
    activity({ title: 'W Nowogrodźcu', unit: 'nowogrodziec' }),
  )
  assert.equal(res.statusCode, 303)
  assert.equal((await saved('W Nowogrodźcu')).teryt_code, '0201043')

  const list = plain((await staff.get(`/projects/${id}/schedule`)).body)
  assert.match(list, /świetlica w Kruszynie, Bolesławiec – gmina wiejska \(dolnośląskie\)/)
  assert.match(list, /Kraków – gmina miejska \(małopolskie\)/)
  // The history and the public calendar feed say where too.
  const history = plain((await staff.get(`/projects/${id}/history`)).body)
  assert.match(history, /W powiecie · bolesławiecki – powiat, dolnośląskie/)
  // Long lines folded as iCalendar folds them, unfolded to read.
  const feed = (await staff.get(`/funded-projects/${id}/schedule.ics`)).body.replace(/\r\n /g, '')
  assert.match(feed, /LOCATION:świetlica w Kruszynie\\, Bolesławiec – gmina wiejska\\, dolnośląskie/)
})

test('a name two gminas bear, an unknown name or code, a unit of another voivodeship: refused beside the field', async () => {
  const id = await sires()
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const refused = async (over: Record<string, string>) => {
    const res = await staff.post(`/projects/${id}/schedule`, activity({ title: 'Odrzucone', ...over }))
    assert.equal(res.statusCode, 422)
    return plain(res.body)
  }
  let html = await refused({ unit: 'Bolesławiec', voivodeship: '02' })
  assert.match(
    html,
    /id="field-unit-error"[\s\S]*?Tę nazwę nosi kilka jednostek: Bolesławiec – gmina miejska \(0201011\), Bolesławiec – gmina wiejska \(0201022\)\. Wpisz kod jednej z nich/,
  )
  // What was typed stays.
  assert.match(html, /name="unit" type="text" value="Bolesławiec"/)
  assert.match(html, /<option value="02" selected>dolnośląskie<\/option>/)
  html = await refused({ unit: 'Kraków', voivodeship: '02' })
  assert.match(
    html,
    /id="field-unit-error"[\s\S]*?Rejestr TERC nie ma w tym województwie powiatu ani gminy o tej nazwie/,
  )
  html = await refused({ unit: '1261011', voivodeship: '02' })
  assert.match(
    html,
    /id="field-unit-error"[\s\S]*?Kraków – gmina miejska leży w innym województwie niż wybrane/,
  )
  html = await refused({ unit: '9999999' })
  assert.match(html, /id="field-unit-error"[\s\S]*?Rejestr TERC nie ma jednostki o tym kodzie/)
  // In English too.
  await staff.get('/preferences?lang=en&back=/')
  const en = await staff.post(`/projects/${id}/schedule`, activity({ title: 'Refused', unit: 'Bolesławiec' }))
  assert.match(plain(en.body), /Several units bear this name: Bolesławiec – gmina miejska \(0201011\)/)
  assert.equal(
    (
      await db()
        .selectFrom('project_activities')
        .select('id')
        .where('title', 'in', ['Odrzucone', 'Refused'])
        .execute()
    ).length,
    0,
  )
})

test('the codes’ page lists a voivodeship’s subregions, powiats and gminas, not the parts of a gmina', async () => {
  const staff = await signedIn(h.app, 'projekt@demo.siatka.test')
  const chooser = await staff.get('/projects/regions/units')
  assert.equal(chooser.statusCode, 200)
  assert.doesNotMatch(chooser.body, /<table/)
  const page = plain((await staff.get('/projects/regions/units?voivodeship=02')).body)
  assert.match(page, /PL515 jeleniogórski/)
  assert.match(
    page,
    /0201<\/td>[\s\S]*?bolesławiecki[\s\S]*?0201011<\/td>[\s\S]*?Bolesławiec[\s\S]*?gmina miejska/,
  )
  assert.match(page, /0201043/)
  assert.doesNotMatch(page, /0201044|obszar wiejski/)
  // A voivodeship Siatka does not know lists nothing.
  assert.doesNotMatch((await staff.get('/projects/regions/units?voivodeship=99')).body, /<table/)
})
