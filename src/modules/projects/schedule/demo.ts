// The demo projects' support schedules: SIRES's two rounds of regional training, one in each
// voivodeship's capital (where its ROPS sits), and its supra-regional seminars in Warsaw; the
// running FERS project's study visits and pilot workshops around today. Every day is a working day.
import { addDays, type Day } from '../../../kernel/dates.ts'
import { isWorkingDay, workingDayFrom } from '../../../kernel/holidays.ts'

export interface DemoActivity {
  title: string
  starts_on: Day
  ends_on: Day
  voivodeship: string | null
  place: string
  /** Its gmina in the demo's TERC register (terc/demo-terc.csv), with the name the register gives. */
  teryt_code?: string
  teryt_name?: string
  description: string
}

/** Where each voivodeship's ROPS sits: the city and its gmina's TERYT code. */
const ropsSeats: [teryt: string, city: string, gmina: string][] = [
  ['02', 'Wrocław', '0264011'],
  ['04', 'Toruń', '0463011'],
  ['06', 'Lublin', '0663011'],
  ['08', 'Zielona Góra', '0862011'],
  ['10', 'Łódź', '1061011'],
  ['12', 'Kraków', '1261011'],
  ['14', 'Warszawa', '1465011'],
  ['16', 'Opole', '1661011'],
  ['18', 'Rzeszów', '1863011'],
  ['20', 'Białystok', '2061011'],
  ['22', 'Gdańsk', '2261011'],
  ['24', 'Katowice', '2469011'],
  ['26', 'Kielce', '2661011'],
  ['28', 'Olsztyn', '2862011'],
  ['30', 'Poznań', '3064011'],
  ['32', 'Szczecin', '3262011'],
]

/** Days of an activity from about `day`: a working day, and a second one only if the next day is one too. */
function days(day: Day, length: 1 | 2): { starts_on: Day; ends_on: Day } {
  let start = workingDayFrom(day)
  // Two-day training starts Monday to Thursday, so it never spans a weekend.
  if (length === 2 && new Date(`${start}T12:00:00Z`).getUTCDay() === 5)
    start = workingDayFrom(addDays(start, 3))
  const second = addDays(start, 1)
  return { starts_on: start, ends_on: length === 2 && isWorkingDay(second) ? second : start }
}

export function siresActivities(): DemoActivity[] {
  const round = (first: Day, title: string, description: string) =>
    ropsSeats.map(([teryt, city, gmina], i) => ({
      title,
      ...days(addDays(first, i * 21), 2),
      voivodeship: teryt,
      place: 'siedziba Regionalnego Ośrodka Polityki Społecznej',
      teryt_code: gmina,
      teryt_name: `${city} – gmina miejska${teryt === '14' ? ', miasto stołeczne' : ''}`,
      description,
    }))
  return [
    ...round(
      '2017-05-09',
      'Szkolenie regionalne: spójność polityk publicznych w ekonomii społecznej',
      'Dwudniowe szkolenie dla pracowników ROPS, urzędu marszałkowskiego i członków Regionalnego Komitetu Rozwoju Ekonomii Społecznej.',
    ),
    ...round(
      '2018-09-11',
      'Doradztwo regionalne: regionalny program rozwoju ekonomii społecznej',
      'Warsztat doradczy nad aktualizacją regionalnego programu i kryteriami wyboru projektów w Działaniu 9.3 RPO.',
    ),
    {
      title: 'Seminarium ponadregionalne: ekonomia społeczna w RPO',
      ...days('2017-10-17', 1),
      voivodeship: '14',
      place: 'Warszawa, ul. Nowogrodzka 1/3',
      description: 'Wymiana doświadczeń przedstawicieli 16 regionów we wdrażaniu Celu Tematycznego 9.',
    },
    {
      title: 'Seminarium ponadregionalne: zamówienia społecznie odpowiedzialne',
      ...days('2018-06-12', 1),
      voivodeship: '14',
      place: 'Warszawa, ul. Nowogrodzka 1/3',
      description: '',
    },
    {
      title: 'Konferencja podsumowująca projekt SIRES',
      ...days('2020-02-18', 1),
      voivodeship: '14',
      place: 'Warszawa, Centrum Konferencyjne Zielna',
      description: 'Prezentacja rekomendacji dla polityki regionalnej po 2020 roku.',
    },
  ]
}

/** The running project's schedule, placed around `day` (today) so some of it is still to come. */
export function pswpsActivities(day: Day): DemoActivity[] {
  return [
    {
      title: 'Wizyta studyjna u partnera fińskiego',
      ...days(addDays(day, -130), 2),
      voivodeship: null,
      place: 'Helsinki, Finlandia',
      description: 'Modele wsparcia przedsiębiorstw społecznych w gminach fińskich.',
    },
    {
      title: 'Warsztat pilotażowy dla doradców OWES',
      ...days(addDays(day, -40), 1),
      voivodeship: '12',
      place: 'Kraków, ul. Długa 30',
      description: '',
    },
    {
      title: 'Warsztat pilotażowy dla doradców OWES',
      ...days(addDays(day, 16), 1),
      voivodeship: '14',
      place: 'Warszawa',
      description: '',
    },
    {
      title: 'Wizyta studyjna u partnera hiszpańskiego',
      ...days(addDays(day, 45), 2),
      voivodeship: null,
      place: 'Bilbao, Hiszpania',
      description: 'Spółdzielnie socjalne w Kraju Basków: finansowanie i współpraca z samorządem.',
    },
    {
      title: 'Spotkanie sieci ośrodków wsparcia ekonomii społecznej (online)',
      ...days(addDays(day, 80), 1),
      voivodeship: null,
      place: 'online',
      description: '',
    },
    {
      title: 'Konferencja zamykająca projekt',
      ...days(addDays(day, 180), 1),
      voivodeship: '12',
      place: 'Kraków',
      description: 'Wyniki pilotażu i rekomendacje dla ośrodków wsparcia ekonomii społecznej.',
    },
  ]
}
