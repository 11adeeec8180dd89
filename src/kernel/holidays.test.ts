import assert from 'node:assert/strict'
import { test } from 'node:test'
import { easterSunday, holidayOn, isWorkingDay, polishHolidays, workingDayFrom } from './holidays.ts'

test('Easter falls where the calendar has it', () => {
  assert.equal(easterSunday(2024), '2024-03-31')
  assert.equal(easterSunday(2025), '2025-04-20')
  assert.equal(easterSunday(2026), '2026-04-05')
  assert.equal(easterSunday(2027), '2027-03-28')
  assert.equal(easterSunday(2038), '2038-04-25')
})

test('the holidays that move with Easter and those on fixed days, Christmas Eve from 2025', () => {
  assert.equal(holidayOn('2026-04-06'), 'easterMonday')
  assert.equal(holidayOn('2026-05-24'), 'pentecost')
  assert.equal(holidayOn('2026-06-04'), 'corpusChristi')
  assert.equal(holidayOn('2027-01-06'), 'epiphany')
  assert.equal(holidayOn('2026-11-11'), 'independenceDay')
  assert.equal(holidayOn('2026-12-24'), 'christmasEve')
  assert.equal(holidayOn('2024-12-24'), undefined, 'a working day before the 2024 amendment took effect')
  assert.equal(polishHolidays(2026).size, 14)
})

test('working days are Monday to Friday without holidays, and the next one is found after them', () => {
  assert.equal(isWorkingDay('2026-12-04'), true, 'a Friday')
  assert.equal(isWorkingDay('2026-12-05'), false, 'a Saturday')
  assert.equal(isWorkingDay('2026-12-24'), false)
  assert.equal(
    workingDayFrom('2026-12-24'),
    '2026-12-28',
    'Christmas Eve, Christmas, Boxing Day, then a Sunday',
  )
  assert.equal(workingDayFrom('2026-12-31'), '2026-12-31')
  assert.equal(workingDayFrom('2027-01-01'), '2027-01-04')
})
