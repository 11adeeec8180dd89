// The participants as the monitoring system takes them (SL2014 for 2014–2020, CST2021 for
// 2021–2027): one column per standard field of the version, named and filled in the system's own
// Polish words whatever the language of the person downloading (the file is read by the system,
// not shown), a row per participant with the first day of support, age on that day from the
// birthday, and the full PESEL.
import type { Cell } from '../../kernel/exports.ts'
import { voivodeshipName } from '../projects/index.ts'
import { ageOn } from './esf.ts'
import type { EsfVersion } from './tables.ts'

/** A participant's row as the export reads it. */
export interface Participant {
  given_name: string
  family_name: string
  email: string
  pesel: string | null
  birth_date: string | null
  sex: string | null
  support_starts_on: string | null
  answers: Record<string, string>
}

const education: Record<string, string> = {
  isced0: 'niższe niż podstawowe (ISCED 0)',
  isced1: 'podstawowe (ISCED 1)',
  isced2: 'gimnazjalne (ISCED 2)',
  isced3: 'ponadgimnazjalne (ISCED 3)',
  isced4: 'policealne (ISCED 4)',
  isced5_8: 'wyższe (ISCED 5-8)',
}
const labour: Record<string, string> = {
  unemployed_registered: 'osoba bezrobotna zarejestrowana w ewidencji urzędów pracy',
  unemployed_unregistered: 'osoba bezrobotna niezarejestrowana w ewidencji urzędów pracy',
  unemployed: 'osoba bezrobotna, w tym zarejestrowana w ewidencji urzędów pracy',
  long_term_unemployed: 'osoba długotrwale bezrobotna',
  inactive: 'osoba bierna zawodowo',
  employed: 'osoba pracująca',
}
const degurba: Record<string, string> = {
  '1': 'Miasta (1)',
  '2': 'Małe miasta (2)',
  '3': 'Obszary wiejskie (3)',
}
const answer: Record<string, string> = { yes: 'Tak', no: 'Nie', refused: 'Odmowa podania informacji' }

type Column = [header: string, value: (p: Participant) => Cell]

const a = (name: string) => (p: Participant) => p.answers[name] ?? ''
const yesNo = (name: string) => (p: Participant) => answer[p.answers[name] ?? ''] ?? ''

const person: Column[] = [
  // The country the participant lives in: the form asks a Polish voivodeship.
  ['Kraj', () => 'Polska'],
  ['Rodzaj uczestnika', () => 'Indywidualny'],
  ['Imię', (p) => p.given_name],
  ['Nazwisko', (p) => p.family_name],
  ['PESEL', (p) => p.pesel ?? ''],
  ['Brak PESEL', (p) => (p.pesel ? 'Nie' : 'Tak')],
  ['Płeć', (p) => (p.sex === 'K' ? 'Kobieta' : p.sex === 'M' ? 'Mężczyzna' : '')],
  [
    'Wiek w chwili przystąpienia do projektu',
    (p) => (p.birth_date && p.support_starts_on ? ageOn(p.birth_date, p.support_starts_on) : null),
  ],
  ['Wykształcenie', (p) => education[p.answers.education ?? ''] ?? ''],
  ['Województwo', (p) => (p.answers.voivodeship ? voivodeshipName(p.answers.voivodeship) : '')],
  ['Powiat', a('county')],
  ['Gmina', (p) => p.answers.gmina ?? p.answers.municipality ?? ''],
  ['Miejscowość', a('locality')],
]

const contact = (urbanisation: string): Column[] => [
  ['Kod pocztowy', a('postcode')],
  [urbanisation, (p) => degurba[p.answers.degurba ?? ''] ?? ''],
  ['Telefon kontaktowy', a('phone')],
  ['Adres e-mail', (p) => p.email],
  ['Data rozpoczęcia udziału w projekcie', (p) => p.support_starts_on ?? ''],
  [
    'Status osoby na rynku pracy w chwili przystąpienia do projektu',
    (p) => labour[p.answers.labourStatus ?? ''] ?? '',
  ],
]

/** The version's columns, in the system's order. */
export function monitoringColumns(version: EsfVersion): Column[] {
  if (version === 'sl2014')
    return [
      ...person,
      ['Ulica', a('street')],
      ['Nr budynku', a('building')],
      ['Nr lokalu', a('flat')],
      ...contact('Obszar wg stopnia urbanizacji (DEGURBA)'),
      [
        'Osoba należąca do mniejszości narodowej lub etnicznej, migrant, osoba obcego pochodzenia',
        yesNo('minority'),
      ],
      ['Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań', yesNo('homeless')],
      ['Osoba z niepełnosprawnościami', yesNo('disability')],
      ['Osoba przebywająca w gospodarstwie domowym bez osób pracujących', yesNo('joblessHousehold')],
      [
        'Osoba w innej niekorzystnej sytuacji społecznej (innej niż wymienione powyżej)',
        yesNo('otherDisadvantaged'),
      ],
    ]
  return [
    ...person,
    ...contact('Stopień urbanizacji (DEGURBA)'),
    ['Osoba obcego pochodzenia', yesNo('foreignOrigin')],
    ['Osoba państwa trzeciego', yesNo('thirdCountry')],
    [
      'Osoba należąca do mniejszości narodowej lub etnicznej (w tym społeczności marginalizowane)',
      yesNo('minority'),
    ],
    ['Osoba bezdomna lub dotknięta wykluczeniem z dostępu do mieszkań', yesNo('homeless')],
    ['Osoba z niepełnosprawnościami', yesNo('disability')],
  ]
}
