import assert from 'node:assert/strict'
import { test } from 'node:test'
import { changedFacts } from '../rules.ts'
import {
  capacityProblem,
  hostProblem,
  isReportPublic,
  overrunMinutes,
  participantsProblem,
  placesProblem,
  programmeSlots,
  reportProblem,
  sameHost,
  slotLabel,
} from './rules.ts'

test('a study visit needs a host; an ordinary meeting does not', () => {
  assert.deepEqual(hostProblem('study_visit', ''), { key: 'visits.errors.hostRequired', field: 'hostName' })
  assert.equal(hostProblem('study_visit', 'Partnerstwo „Razem”'), null)
  assert.equal(hostProblem('meeting', ''), null)
})

test('the programme gives each entry its clock time from the start and the planned minutes', () => {
  const slots = programmeSlots('10:00', [45, 30, 0, 90])
  assert.deepEqual(slots.map(slotLabel), ['10:00–10:45', '10:45–11:15', '11:15', '11:15–12:45'])
  assert.ok(slots.every((s) => s.day === 0 && s.toDay === 0))
  assert.deepEqual(programmeSlots('09:30', []), [])
})

test('a programme running past midnight keeps counting into the next day', () => {
  const slots = programmeSlots('22:30', [60, 120, 30])
  assert.deepEqual(slots.map(slotLabel), ['22:30–23:30', '23:30–01:30', '01:30–02:00'])
  assert.deepEqual(
    slots.map((s) => [s.day, s.toDay]),
    [
      [0, 0],
      [0, 1],
      [1, 1],
    ],
  )
  // A whole day and more of entries still reads on a clock.
  assert.equal(slotLabel(programmeSlots('08:00', [24 * 60, 15])[1]), '08:00–08:15')
})

test('the programme overruns the visit by the minutes it does not fit', () => {
  const start = new Date('2027-05-10T08:00:00Z')
  const end = new Date('2027-05-10T12:00:00Z')
  assert.equal(overrunMinutes(start, end, 240), 0)
  assert.equal(overrunMinutes(start, end, 200), 0)
  assert.equal(overrunMinutes(start, end, 275), 35)
})

test('an outside participant is refused over the places; no number means no limit', () => {
  assert.equal(placesProblem(null, 500), null)
  assert.equal(placesProblem(12, 11), null)
  assert.deepEqual(placesProblem(12, 12), { key: 'visits.errors.full', field: 'name' })
  assert.deepEqual(placesProblem(12, 15), { key: 'visits.errors.full', field: 'name' })
})

test('the places cannot be set below the participants already on the list', () => {
  assert.equal(capacityProblem(10, 10), null)
  assert.equal(capacityProblem(null, 40), null)
  assert.deepEqual(capacityProblem(9, 10), { key: 'visits.errors.capacityBelowTaken', field: 'capacity' })
})

test('participants change until the visit ends; the report is written only after it', () => {
  const visit = { status: 'planned', ends_at: new Date('2027-05-10T12:00:00Z') }
  const before = new Date('2027-05-10T11:59:00Z')
  const after = new Date('2027-05-10T12:00:00Z')
  assert.equal(participantsProblem(visit, before), null)
  assert.deepEqual(participantsProblem(visit, after), { key: 'visits.errors.over' })
  assert.deepEqual(reportProblem(visit, before), { key: 'visits.errors.reportBeforeEnd' })
  assert.equal(reportProblem(visit, after), null)
  const cancelled = { ...visit, status: 'cancelled' }
  assert.deepEqual(participantsProblem(cancelled, before), { key: 'visits.errors.cancelled' })
  assert.deepEqual(reportProblem(cancelled, after), { key: 'visits.errors.cancelled' })
})

test('a report is public only when published to the public in a public space', () => {
  const published = { visibility: 'public', published_at: new Date() }
  assert.equal(isReportPublic(true, published), true)
  assert.equal(isReportPublic(false, published), false)
  assert.equal(isReportPublic(true, { ...published, visibility: 'members' }), false)
  assert.equal(isReportPublic(true, { ...published, published_at: null }), false)
  assert.equal(isReportPublic(true, null), false)
})

test('a change of host after the notice is a change of facts, listed after the place', () => {
  const base = {
    kind: 'study_visit',
    subject: '',
    starts_at: new Date('2027-05-10T08:00:00Z'),
    ends_at: new Date('2027-05-10T12:00:00Z'),
    place: 'ul. Ozimska 4, Opole',
    online_url: '',
    confirm_by: new Date('2027-05-03T21:59:00Z'),
    host_name: 'Spółdzielnia Socjalna „Razem”',
    host_region: 'opolskie',
    host_town: 'Opole',
  }
  assert.deepEqual(changedFacts(base, { ...base }), [])
  assert.deepEqual(changedFacts(base, { ...base, host_town: 'Nysa' }), ['host'])
  assert.deepEqual(changedFacts(base, { ...base, place: 'Nysa', host_name: 'Inne partnerstwo' }), [
    'place',
    'host',
  ])
  assert.equal(sameHost({}, { host_name: '', host_region: '', host_town: '' }), true)
})
