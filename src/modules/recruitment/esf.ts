// The application form's standard block: the ESF participant data the monitoring system asks for, in
// the two versions (SL2014 for 2014–2020, CST2021 for 2021–2027), the special-category questions
// with "I refuse to answer" offered, and the declarations. What each field accepts and how a typed
// form is checked: a draft keeps anything within its length; sending it checks everything, the
// PESEL's check digit and day of birth, and the recruitment's own conditions (where one lives, age).
import { addDays, type Day } from '../../kernel/dates.ts'
import { normaliseDigits, peselBirthDate, peselProblem, peselSex } from '../../kernel/identifiers.ts'
import type { EsfVersion } from './tables.ts'

export const educationLevels = ['isced0', 'isced1', 'isced2', 'isced3', 'isced4', 'isced5_8'] as const
/** The labour market statuses the monitoring system counts, per version. */
export const labourStatuses: Record<EsfVersion, readonly string[]> = {
  sl2014: ['unemployed_registered', 'unemployed_unregistered', 'inactive', 'employed'],
  cst2021: ['unemployed', 'long_term_unemployed', 'inactive', 'employed'],
}
/** Degree of urbanisation (DEGURBA): 1 cities, 2 towns and suburbs, 3 rural areas. */
export const degurbaLevels = ['1', '2', '3'] as const
export const yesNoRefuse = ['yes', 'no', 'refused'] as const
export const yesNo = ['yes', 'no'] as const

export type FieldKind = 'text' | 'date' | 'choice' | 'declaration'
export interface EsfField {
  name: string
  kind: FieldKind
  section: 'person' | 'address' | 'status' | 'situation' | 'declarations'
  /** The answers to choose from (a choice). */
  options?: readonly string[]
  max?: number
  /** Asked only of someone without a PESEL. */
  withoutPesel?: boolean
  /** Not required to send the form. */
  optional?: boolean
}

const common: EsfField[] = [
  { name: 'givenName', kind: 'text', section: 'person', max: 100 },
  { name: 'familyName', kind: 'text', section: 'person', max: 100 },
  { name: 'pesel', kind: 'text', section: 'person', max: 20, optional: true },
  { name: 'noPesel', kind: 'declaration', section: 'person', optional: true },
  { name: 'birthDate', kind: 'date', section: 'person' },
  { name: 'sex', kind: 'choice', section: 'person', options: ['K', 'M'], withoutPesel: true },
  { name: 'citizenship', kind: 'text', section: 'person', max: 100, withoutPesel: true },
  { name: 'education', kind: 'choice', section: 'person', options: educationLevels },
  { name: 'voivodeship', kind: 'choice', section: 'address', options: [] },
  { name: 'municipality', kind: 'text', section: 'address', max: 100 },
  { name: 'locality', kind: 'text', section: 'address', max: 100 },
  { name: 'street', kind: 'text', section: 'address', max: 100, optional: true },
  { name: 'building', kind: 'text', section: 'address', max: 20 },
  { name: 'flat', kind: 'text', section: 'address', max: 20, optional: true },
  { name: 'postcode', kind: 'text', section: 'address', max: 6 },
  { name: 'degurba', kind: 'choice', section: 'address', options: degurbaLevels },
  { name: 'phone', kind: 'text', section: 'address', max: 30 },
]

/** The fields of a version's form, in the order the form asks them. */
export function esfFields(version: EsfVersion): EsfField[] {
  const situation: EsfField[] =
    version === 'cst2021'
      ? [
          { name: 'foreignOrigin', kind: 'choice', section: 'situation', options: yesNoRefuse },
          { name: 'thirdCountry', kind: 'choice', section: 'situation', options: yesNoRefuse },
          { name: 'minority', kind: 'choice', section: 'situation', options: yesNoRefuse },
          { name: 'homeless', kind: 'choice', section: 'situation', options: yesNoRefuse },
          { name: 'disability', kind: 'choice', section: 'situation', options: yesNoRefuse },
        ]
      : [
          { name: 'minority', kind: 'choice', section: 'situation', options: yesNoRefuse },
          { name: 'homeless', kind: 'choice', section: 'situation', options: yesNo },
          { name: 'disability', kind: 'choice', section: 'situation', options: yesNoRefuse },
          { name: 'joblessHousehold', kind: 'choice', section: 'situation', options: yesNoRefuse },
          { name: 'otherDisadvantaged', kind: 'choice', section: 'situation', options: yesNoRefuse },
        ]
  return [
    ...common,
    { name: 'labourStatus', kind: 'choice', section: 'status', options: labourStatuses[version] },
    ...situation,
    { name: 'declEligible', kind: 'declaration', section: 'declarations' },
    { name: 'declTruth', kind: 'declaration', section: 'declarations' },
    { name: 'declInformed', kind: 'declaration', section: 'declarations' },
  ]
}

/** What the recruitment asks of an applicant beyond the form: where they live, how old, into which group. */
export interface Conditions {
  version: EsfVersion
  voivodeships: readonly string[]
  /** The recruitment's voivodeship, or null for anywhere. */
  region: string | null
  regionName: string | null
  minAge: number | null
  maxAge: number | null
  groups: readonly string[]
  /** The day age is counted on (the day the form is sent). */
  today: Day
}

/** A message for a field: a catalogue key and its values. */
export interface Problem {
  key: string
  params?: Record<string, string | number>
}

export interface Checked {
  /** The answers kept (each within its length; the PESEL apart). */
  answers: Record<string, string>
  /** The PESEL to keep: a valid one, or in a draft whatever digits were typed; null: none (ticked, or never given). */
  pesel: string | null
  /** The PESEL is valid (its fingerprint then finds the same person twice). */
  peselValid: boolean
  birthDate: string | null
  sex: 'M' | 'K' | null
  groupId: string | null
  problems: Record<string, Problem>
}

/** Whole years from a day of birth to a day. */
export function ageOn(birthDate: string, day: Day): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number]
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0)
}

const isDay = (v: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false
  const at = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(v) && !v.startsWith('0000')
}

/**
 * A typed application checked. A draft (`send` false) keeps what fits and notes only what is too
 * long; sending checks that every required field is answered, the PESEL (its check digit and day,
 * and that the day of birth typed agrees with it), the day of birth, the postcode and phone, that
 * the applicant lives where the recruitment takes people from and is of its age, and the group.
 */
export function checkApplication(
  body: Record<string, unknown>,
  c: Conditions,
  send: boolean,
  /** The PESEL kept from an earlier save: the form does not show it again, and an empty field keeps it. */
  kept: string | null = null,
): Checked {
  const problems: Record<string, Problem> = {}
  const answers: Record<string, string> = {}
  const value = (name: string) => {
    const v = body[name]
    return typeof v === 'string' ? v.trim() : ''
  }
  const fields = esfFields(c.version)
  const noPesel = value('noPesel') === 'yes'
  for (const f of fields) {
    const v = value(f.name)
    if (f.name === 'pesel') continue
    if (f.max && v.length > f.max) {
      problems[f.name] = { key: 'errors.tooLong', params: { max: f.max } }
      continue
    }
    const options = f.name === 'voivodeship' ? c.voivodeships : f.options
    if (f.kind === 'choice' && v && !options?.includes(v)) {
      problems[f.name] = { key: 'errors.choose' }
      continue
    }
    if (f.kind === 'declaration' && v && v !== 'yes') continue
    if (v) answers[f.name] = v
    const asked = !f.withoutPesel || noPesel
    if (send && asked && !f.optional && !v)
      problems[f.name] = {
        key: f.kind === 'declaration' ? 'recruitment.errors.declaration' : 'errors.required',
      }
  }
  const groupId = value('groupId')
  const group = groupId && c.groups.includes(groupId) ? groupId : null
  if (groupId && !group) problems.groupId = { key: 'errors.choose' }
  else if (send && !group) problems.groupId = { key: 'errors.choose' }

  // The PESEL: given, or ticked as none (then the day of birth and sex are asked).
  const typed = normaliseDigits(value('pesel'))
  const candidate = noPesel && !typed ? '' : typed || kept || ''
  let pesel: string | null = null
  // What is kept: digits that can be a PESEL; anything else leaves the one kept before (a draft loses nothing).
  let keep: string | null = noPesel && !typed ? null : kept
  if (value('pesel').length > 20) problems.pesel = { key: 'errors.tooLong', params: { max: 11 } }
  else if (typed && noPesel) problems.pesel = { key: 'recruitment.errors.peselAndNone' }
  else if (candidate) {
    const problem = peselProblem(candidate)
    if (problem) problems.pesel = { key: `recruitment.errors.pesel.${problem}` }
    else pesel = candidate
    if (/^\d{1,11}$/.test(candidate)) keep = candidate
  } else if (send && !noPesel) problems.pesel = { key: 'recruitment.errors.peselMissing' }

  const typedBirth = answers.birthDate ?? ''
  if (typedBirth && !isDay(typedBirth)) {
    problems.birthDate = { key: 'errors.date' }
    delete answers.birthDate
  }
  const fromPesel = pesel ? peselBirthDate(pesel) : null
  const birthDate = fromPesel ?? (answers.birthDate || null)
  if (fromPesel && answers.birthDate && answers.birthDate !== fromPesel && !problems.birthDate)
    problems.birthDate = { key: 'recruitment.errors.birthDiffers' }
  if (birthDate && !problems.birthDate && (birthDate > c.today || birthDate < addDays(c.today, -120 * 366)))
    problems.birthDate = { key: 'errors.date' }
  const sex = pesel ? peselSex(pesel) : answers.sex === 'M' || answers.sex === 'K' ? answers.sex : null

  if (answers.postcode && !/^\d{2}-\d{3}$/.test(answers.postcode))
    problems.postcode = { key: 'recruitment.errors.postcode' }
  if (answers.phone && !/^\+?[\d ()-]{9,20}$/.test(answers.phone))
    problems.phone = { key: 'recruitment.errors.phone' }

  if (send) {
    if (c.region && answers.voivodeship && answers.voivodeship !== c.region && !problems.voivodeship)
      problems.voivodeship = {
        key: 'recruitment.errors.region',
        params: { region: c.regionName ?? c.region },
      }
    if (birthDate && !problems.birthDate && !problems.pesel) {
      const age = ageOn(birthDate, c.today)
      const field = pesel ? 'pesel' : 'birthDate'
      if (c.minAge !== null && age < c.minAge)
        problems[field] = { key: 'recruitment.errors.tooYoung', params: { count: c.minAge } }
      else if (c.maxAge !== null && age > c.maxAge)
        problems[field] = { key: 'recruitment.errors.tooOld', params: { count: c.maxAge } }
    }
  }
  return {
    answers,
    pesel: keep,
    peselValid: pesel !== null,
    birthDate: problems.birthDate ? null : birthDate,
    sex,
    groupId: group,
    problems,
  }
}
