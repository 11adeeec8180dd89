// The regions shipped with Siatka: the 16 voivodeships and their 73 subregions (NUTS 3), and how a
// project's area reads.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { areaOf, subregion, subregions, voivodeships } from './regions.ts'
import { ProjectForm } from './schemas.ts'

test('Poland has 73 subregions, each inside one voivodeship, Mazowieckie’s in its two NUTS 2 regions', () => {
  assert.equal(subregions.length, 73)
  assert.equal(new Set(subregions.map((s) => s.nuts3)).size, 73)
  const count = (teryt: string) => subregions.filter((s) => s.voivodeship === teryt).length
  // As GUS counts them since 2018: nine in Mazowieckie, eight in Śląskie, two in Opolskie.
  assert.equal(count('14'), 9)
  assert.equal(count('24'), 8)
  assert.equal(count('16'), 2)
  for (const v of voivodeships) {
    assert.ok(count(v.teryt) >= 2, v.name)
    for (const s of subregions.filter((x) => x.voivodeship === v.teryt))
      assert.ok(v.nuts2.includes(s.nuts3.slice(0, 4)), `${s.nuts3} in ${v.name}`)
  }
  assert.deepEqual(subregion('PL911'), { nuts3: 'PL911', name: 'Miasto Warszawa', voivodeship: '14' })
  assert.equal(subregion('PL22A')?.name, 'katowicki')
  assert.equal(subregion('PL999'), undefined)
})

test('a project’s area names each voivodeship with the subregions chosen in it, in the list’s order', () => {
  assert.deepEqual(areaOf(['12', '24'], ['PL22A', 'PL225']), ['małopolskie', 'śląskie (bielski, katowicki)'])
  // A subregion speaks for its voivodeship even where the voivodeship was not ticked.
  assert.deepEqual(areaOf([], ['PL213']), ['małopolskie (Miasto Kraków)'])
  assert.deepEqual(areaOf([], []), [])
})

test('a ticked subregion puts the project in its voivodeship; an unknown code is refused', () => {
  const base = {
    title: 'Spójna integracja',
    programmeId: '6f1c2b1e-2d1a-4c3b-9a8e-1f2e3d4c5b6a',
    status: 'running',
    startsOn: '2017-03-01',
    endsOn: '2020-02-29',
    leadOrganisationId: '7f1c2b1e-2d1a-4c3b-9a8e-1f2e3d4c5b6a',
    totalValue: '100,00',
    euContribution: '50,00',
    eligibleCosts: '100,00',
    mainGoal: 'Cel',
  }
  const form = ProjectForm.parse({ ...base, regions: '12', subregions: ['PL227', 'PL22A'] })
  assert.deepEqual(form.regions, ['12', '24'])
  assert.deepEqual(form.subregions, ['PL227', 'PL22A'])
  assert.equal(ProjectForm.safeParse({ ...base, subregions: 'PL999' }).success, false)
})
