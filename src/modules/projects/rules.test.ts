import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type Facts, factChanges, indicatorProgress, listFact, reportDayProblem, unitFor } from './rules.ts'

// SIRES (seed 004): 1 March 2017 to 29 February 2020, 260 representatives to be trained.
const period = { starts_on: '2017-03-01', ends_on: '2020-02-29' }
const trained = { baseline: 0, target: 260 }

test('an indicator with no report says whether the project has begun', () => {
  assert.deepEqual(indicatorProgress(trained, null, period, '2017-01-10'), {
    achievedBp: null,
    state: 'not_started',
  })
  assert.deepEqual(indicatorProgress(trained, null, period, '2018-01-10'), {
    achievedBp: null,
    state: 'not_reported',
  })
})

test('progress keeps pace with the period, within ten points, or falls behind', () => {
  // Half-way through (about 18 months of 36): 130 of 260 is 50 %, on track; 104 (40 %) still is; 90 is not.
  assert.deepEqual(indicatorProgress(trained, 130, period, '2018-08-30'), {
    achievedBp: 5000,
    state: 'on_track',
  })
  assert.equal(indicatorProgress(trained, 104, period, '2018-08-30').state, 'on_track')
  assert.deepEqual(indicatorProgress(trained, 90, period, '2018-08-30'), {
    achievedBp: 3462,
    state: 'behind',
  })
  // At the start anything counts as on track.
  assert.equal(indicatorProgress(trained, 0, period, '2017-03-01').state, 'on_track')
})

test('a target reached is achieved, even early and even beyond it; short of it after the end is behind', () => {
  assert.deepEqual(indicatorProgress(trained, 260, period, '2019-05-01'), {
    achievedBp: 10_000,
    state: 'achieved',
  })
  assert.deepEqual(indicatorProgress(trained, 312, period, '2020-02-29'), {
    achievedBp: 12_000,
    state: 'achieved',
  })
  assert.deepEqual(indicatorProgress(trained, 250, period, '2020-03-01'), {
    achievedBp: 9615,
    state: 'behind',
  })
})

test('progress is measured from the baseline; a target equal to it is reached or not', () => {
  // 16 regional centres, 4 already advised before the project: 10 is half of the way.
  assert.equal(indicatorProgress({ baseline: 4, target: 16 }, 10, period, '2018-08-30').achievedBp, 5000)
  assert.deepEqual(indicatorProgress({ baseline: 16, target: 16 }, 16, period, '2018-01-01'), {
    achievedBp: 10_000,
    state: 'achieved',
  })
})

test('progress is reported for a day of the project’s period, never for a day to come', () => {
  assert.equal(reportDayProblem('2018-06-29', period, '2026-12-06'), null)
  assert.equal(reportDayProblem('2020-02-29', period, '2026-12-06'), null)
  assert.equal(reportDayProblem('2017-02-28', period, '2026-12-06'), 'projects.errors.reportOutsidePeriod')
  assert.equal(reportDayProblem('2020-03-01', period, '2026-12-06'), 'projects.errors.reportOutsidePeriod')
  assert.equal(reportDayProblem('2018-06-29', period, '2018-06-28'), 'projects.errors.reportInFuture')
})

const facts = (over: Partial<Facts> = {}): Facts => ({
  title: 'Spójna integracja regionalna ekonomii społecznej',
  acronym: 'SIRES',
  programme: 'POWER 2.9',
  status: 'running',
  startsOn: '2017-03-01',
  endsOn: '2020-02-29',
  lead: 'OZRSS',
  agreementOn: '',
  totalValue: '679195000',
  euContribution: '572425546',
  eligibleCosts: '679195000',
  mainGoal: 'Cel',
  specificGoals: '',
  themes: 'Ekonomia społeczna',
  regions: 'mazowieckie, śląskie',
  subregions: '',
  isPublic: 'yes',
  ...over,
})

test('a save changes only the facts whose values differ, in the order of the form', () => {
  assert.deepEqual(factChanges(facts(), facts()), [])
  assert.deepEqual(factChanges(facts(), facts({ isPublic: 'no', status: 'closed', endsOn: '2020-06-30' })), [
    { field: 'status', before: 'running', after: 'closed' },
    { field: 'endsOn', before: '2020-02-29', after: '2020-06-30' },
    { field: 'isPublic', before: 'yes', after: 'no' },
  ])
})

test('a list fact does not depend on the order its members were ticked in', () => {
  assert.equal(listFact(['śląskie', 'mazowieckie', 'łódzkie']), 'łódzkie, mazowieckie, śląskie')
  assert.equal(listFact(['śląskie', 'mazowieckie']), listFact(['mazowieckie', 'śląskie']))
})

test('an indicator’s unit takes the form Polish gives each count; without the forms, the one for five and more', () => {
  const people = { unit: 'osób', unit_one: 'osoba', unit_few: 'osoby' }
  const said = (n: number) => `${n} ${unitFor(n, people)}`
  assert.deepEqual([1, 2, 4, 5, 12, 21, 22, 24, 25, 102, 112, 114, 122, 0].map(said), [
    '1 osoba',
    '2 osoby',
    '4 osoby',
    '5 osób',
    '12 osób',
    '21 osób',
    '22 osoby',
    '24 osoby',
    '25 osób',
    '102 osoby',
    '112 osób',
    '114 osób',
    '122 osoby',
    '0 osób',
  ])
  assert.equal(unitFor(2.5, people), 'osoby')
  assert.equal(unitFor(1, { unit: 'ROPS', unit_one: '', unit_few: '' }), 'ROPS')
  assert.equal(unitFor(3, { unit: 'osób', unit_one: 'osoba', unit_few: '' }), 'osób')
})
